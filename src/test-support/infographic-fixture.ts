import type { ChartBlock, InfographicBlock, InfographicDocument } from '../schema/types.generated.js';

/** Seed 002's applications by outcome, as a chart block. */
export const outcomesChart = (changes: Partial<ChartBlock> = {}): ChartBlock => ({
  type: 'chart',
  title: '2017年政府信息公开申请办理结果',
  chart: 'bar',
  orientation: 'horizontal',
  categories: ['同意公开', '不同意公开', '申请信息不存在', '不属于本行政机关公开', '告知通过其他途径办理'],
  series: [{ name: '件数', values: [2, 1, 1, 22, 9] }],
  unit: '件',
  takeaway: '36件申请中，22件不属于本机关公开，占六成。',
  source: '安徽省商务厅2017年度政务公开自评工作总结',
  ...changes,
});

/** One block of every type (the annual report has its own fixture). */
export function everyBlock(): InfographicBlock[] {
  return [
    {
      type: 'figures',
      title: '2017年政务公开数字',
      items: [
        { value: 36, unit: '件', label: '收到政府信息公开申请', change: { previous: 30, period: '2016年' } },
        { value: 110, unit: '篇', label: '中央及省级媒体刊登文章' },
        { value: 12000, unit: '次', label: '网站政策解读浏览', change: { previous: 15000, period: '2016年' } },
        { value: 2100, unit: '多万元', label: '公开采购服务资金' },
      ],
    },
    outcomesChart(),
    {
      type: 'chart',
      title: '申请渠道',
      chart: 'donut',
      categories: ['网络申请', '信函申请'],
      series: [{ name: '件数', values: [35, 1] }],
      unit: '件',
      takeaway: '36件申请中35件通过网络提交。',
    },
    {
      type: 'chart',
      title: '新闻发布与解读',
      chart: 'bar',
      stacking: 'grouped',
      categories: ['一季度', '二季度', '三季度', '四季度'],
      series: [
        { name: '新闻发布会', values: [0, 1, 1, 1] },
        { name: '政策解读', values: [1, 2, 1, 2] },
      ],
      unit: '次',
      takeaway: '政策解读每季度都有，新闻发布会集中在下半年。',
    },
    {
      type: 'chart',
      title: '网站信息发布',
      chart: 'line',
      categories: ['2014', '2015', '2016', '2017'],
      series: [
        { name: '政务信息', values: [820, 960, 1100, 1240] },
        { name: '政策解读', values: [12, 20, 31, 46] },
      ],
      unit: '条',
      takeaway: '政策解读四年增长近三倍。',
    },
    {
      type: 'timeline',
      title: '完成时限',
      items: [
        { when: '2021年7月23日', date: '2021-07-23', label: '印发分工实施方案' },
        { when: '2021年9月底前', label: '更新政府信息公开指南', detail: '明确标注更新日期' },
        { when: '2021年底', label: '完成历史规划归集整理' },
      ],
    },
    {
      type: 'process',
      title: '依申请公开办理流程',
      steps: [
        { label: '登记' },
        { label: '受理' },
        { label: '补正', timeLimit: '7个工作日内', detail: '一次性告知需要补正的事项', branches: [{ condition: '申请内容不明确', outcome: '一次性告知补正' }] },
        { label: '作出决定' },
        { label: '送达' },
      ],
    },
    { type: 'list', title: '工作要点', items: ['扩大主动公开范围', '规范公开属性认定', '多样化解读率不低于90%'] },
    { type: 'callout', style: 'rule', text: '无明确公开属性建议的不予发文。', source: '山西省工业和信息化厅2021年政务公开工作要点' },
    {
      type: 'compare',
      title: '解读方式',
      beforeLabel: '2016年',
      afterLabel: '2017年',
      items: [
        { label: '新闻发布会', before: 1, after: 3, unit: '场' },
        { label: '解读形式', before: '文字', after: '图文、视频' },
      ],
    },
    {
      type: 'table',
      title: '分工',
      head: ['任务', '责任处室', '完成时限'],
      rows: [
        ['做好规划公开', '综合处', '2021年底'],
        ['数字测试', '办公室', 12000],
      ],
    },
    { type: 'note', text: '数据截至2017年11月底。', source: '安徽省商务厅' },
  ];
}

export function fullInfographic(changes: Partial<InfographicDocument> = {}): InfographicDocument {
  return {
    type: 'infographic',
    schemaVersion: 1,
    title: '一图读懂安徽省商务厅2017年政务公开',
    subtitle: '自评工作总结',
    issuer: { name: '安徽省商务厅' },
    publishDate: '2017-12-18',
    sourcePolicy: { title: '安徽省商务厅关于2017年度政务公开自评工作总结', url: '/xxgk/2017-zp.html' },
    blocks: everyBlock(),
    ...changes,
  };
}
