/**
 * Story data for <zw-infographic>.
 *
 * The three seed samples are real 政务公开 documents turned into 一图读懂
 * (demo/data/infographic-00*.json); the annual report is a demonstration with
 * invented numbers (it says so in its own title and note). The one-block
 * documents below take their content from those samples wherever the seeds
 * have the numbers; where a chart kind needs numbers the seeds do not have
 * (a line over several years), the document is titled 示例 and its numbers are
 * invented. The error documents are broken on purpose.
 */
import type { ChartBlock, InfographicBlock, InfographicDocument } from '../src/schema/types.generated.js';
import anhui2017 from '../demo/data/infographic-002-anhui-2017.json';
import guangzhou2021 from '../demo/data/infographic-003-guangzhou-deadlines.json';
import shanxi2021 from '../demo/data/infographic-004-shanxi-procedure.json';
import annualReportExample from '../demo/data/infographic-annual-report-example.json';
import { seed003Policy } from '../src/test-support/reader-fixture.js';

/** A deep copy, so a story can never change another story's data. */
const infographic = (value: unknown) => structuredClone(value) as InfographicDocument;

/** The samples, keyed for the `data` select control. */
export const infographicSamples = {
  'anhui-2017': infographic(anhui2017),
  'guangzhou-2021': infographic(guangzhou2021),
  'shanxi-2021': infographic(shanxi2021),
  'annual-report': infographic(annualReportExample),
} satisfies Record<string, InfographicDocument>;

/** The same samples as files, served by Storybook at `./data/` (staticDirs). */
export const infographicFiles = {
  'anhui-2017': './data/infographic-002-anhui-2017.json',
  'guangzhou-2021': './data/infographic-003-guangzhou-deadlines.json',
  'shanxi-2021': './data/infographic-004-shanxi-procedure.json',
  'annual-report': './data/infographic-annual-report-example.json',
} satisfies Record<keyof typeof infographicSamples, string>;

/** The first block of `type` (and, for charts, matching `pick`) in a sample. */
function blockOf<T extends InfographicBlock['type']>(
  doc: InfographicDocument,
  type: T,
  pick: (block: Extract<InfographicBlock, { type: T }>) => boolean = () => true,
): Extract<InfographicBlock, { type: T }> {
  const found = doc.blocks.find((b): b is Extract<InfographicBlock, { type: T }> => b.type === type && pick(b as Extract<InfographicBlock, { type: T }>));
  if (!found) throw new Error(`no ${type} block in ${doc.id ?? doc.title}`);
  return structuredClone(found);
}

/** A document with one block: the sample's header, that block, and the sample's source note. */
const single = (from: InfographicDocument, id: string, title: string, block: InfographicBlock): InfographicDocument => ({
  type: 'infographic',
  schemaVersion: 1,
  id,
  title,
  issuer: from.issuer,
  publishDate: from.publishDate,
  blocks: [block],
});

const anhui = infographicSamples['anhui-2017'];
const guangzhou = infographicSamples['guangzhou-2021'];
const shanxi = infographicSamples['shanxi-2021'];

const guangzhouStacked = blockOf(guangzhou, 'chart', (b) => b.stacking === 'stacked');
const sections = ['“十四五”开局', '政策落地', '强基础抓基层', '条例实施', '抓保障促落实'];
/** Tasks per section, from the stacked chart's series (so the numbers cannot drift apart). */
const perSection = sections.map((_, i) => guangzhouStacked.series.reduce((sum, s) => sum + s.values[i], 0));
const byOffice = guangzhouStacked.series[0].values;

const verticalBar: ChartBlock = {
  type: 'chart',
  title: '五个方面各有多少项任务',
  chart: 'bar',
  categories: sections,
  series: [{ name: '任务数', values: perSection }],
  unit: '项',
  takeaway: `31项任务中“政策落地”方面最多，有${perSection[1]}项；“条例实施”方面最少，有${perSection[3]}项。`,
  source: '广州市商务局2021年政务公开工作要点分工实施方案，按分工表计数',
};

const groupedBar: ChartBlock = {
  type: 'chart',
  title: '办公室牵头与其他处室牵头的任务',
  chart: 'bar',
  stacking: 'grouped',
  categories: sections,
  series: [
    { name: '办公室牵头', values: byOffice },
    { name: '其他处室牵头', values: perSection.map((n, i) => n - byOffice[i]) },
  ],
  unit: '项',
  takeaway: '前三个方面以业务处室牵头为主，后两个方面（条例实施、抓保障促落实）的10项任务全部由办公室牵头。',
  source: guangzhouStacked.source,
};

/** The lead office of the 31 tasks, from the stacked chart's series totals. */
const officePie: ChartBlock = {
  type: 'chart',
  title: '31项任务的牵头处室',
  chart: 'pie',
  categories: guangzhouStacked.series.map((s) => s.name),
  series: [{ name: '任务数', values: guangzhouStacked.series.map((s) => s.values.reduce((a, b) => a + b, 0)) }],
  unit: '项',
  takeaway: '办公室牵头13项，占31项任务的四成以上；法规处5项，其余由综合处、各处室和其他单位分担。',
  source: guangzhouStacked.source,
};

/** Invented numbers (the seeds have no yearly series): the title says 示例; 2021 matches the annual-report example. */
const lineChart: ChartBlock = {
  type: 'chart',
  title: '示例：政府信息公开申请五年变化',
  chart: 'line',
  categories: ['2017年', '2018年', '2019年', '2020年', '2021年'],
  series: [
    { name: '本年新收申请', values: [58, 74, 91, 103, 126] },
    { name: '予以公开', values: [21, 30, 37, 44, 50] },
  ],
  unit: '件',
  takeaway: '新收申请从2017年的58件增加到2021年的126件，约为原来的2.2倍；予以公开的件数随之增加。',
  source: '示例数据（虚构），不代表任何机关的实际情况',
};

/** 58 → 53 权力事项 and the named changes, from seed 002 (七). */
const compareBlock: InfographicBlock = {
  type: 'compare',
  title: '权责清单调整（2017年）',
  beforeLabel: '调整前',
  afterLabel: '2017年本',
  items: [
    { label: '省政府权责清单中属于我厅的权力事项', before: 58, after: 53, unit: '项' },
    { label: '直销企业产品说明重大变更审批', before: '列入清单', after: '取消' },
    { label: '举办对外经济技术展览会办展项目核准', before: '列入清单', after: '取消' },
    { label: '非敏感国家和地区、敏感行业的企业境外投资开办企业备案', before: '列入清单', after: '下放' },
    { label: '跨省特许经营备案', before: '—', after: '新增' },
  ],
};

const calloutQuote: InfographicBlock = {
  type: 'callout',
  style: 'quote',
  title: '公开原则',
  text: '坚持以公开为常态、不公开为例外，推进行政决策公开、执行公开、管理公开、服务公开和结果公开，不断增强公开实效。',
  source: '安徽省商务厅2017年度政务公开自评工作总结 三、下一步重点工作',
};

/** One document per block type, for the block stories and the `data` control. */
export const blockDocuments = {
  figures: single(anhui, 'story-figures', '关键数字 figures', {
    ...blockOf(anhui, 'figures'),
    items: [
      ...blockOf(anhui, 'figures').items,
      // From seed 002 (七): 58 → 53 powers after the 2017 adjustment, shown as a change.
      { value: 53, unit: '项', label: '省政府权责清单（2017年本）中属于我厅的权力事项', change: { previous: 58, period: '原清单' } },
    ],
  }),
  'bar-vertical': single(guangzhou, 'story-bar-vertical', '柱状图 bar (vertical)', verticalBar),
  'bar-horizontal': single(
    anhui,
    'story-bar-horizontal',
    '条形图 bar (horizontal)',
    blockOf(anhui, 'chart', (b) => b.chart === 'bar'),
  ),
  grouped: single(guangzhou, 'story-grouped', '分组柱状图 grouped bars', groupedBar),
  stacked: single(guangzhou, 'story-stacked', '堆叠条形图 stacked bars', guangzhouStacked),
  line: {
    ...single(anhui, 'story-line', '示例：折线图 line', lineChart),
    issuer: { name: '某省商务厅（示例机构）' },
    publishDate: '2022-01-28',
  },
  pie: single(guangzhou, 'story-pie', '饼图 pie', officePie),
  donut: single(
    anhui,
    'story-donut',
    '环形图 donut',
    blockOf(anhui, 'chart', (b) => b.chart === 'donut'),
  ),
  timeline: single(guangzhou, 'story-timeline', '时间线 timeline', blockOf(guangzhou, 'timeline')),
  process: single(shanxi, 'story-process', '流程 process', blockOf(shanxi, 'process')),
  list: single(anhui, 'story-list', '要点 list', blockOf(anhui, 'list')),
  callout: {
    ...single(anhui, 'story-callout', '重点提示 callout (quote, rule)', calloutQuote),
    blocks: [calloutQuote, blockOf(anhui, 'callout')],
  },
  compare: single(anhui, 'story-compare', '前后对比 compare', compareBlock),
  table: single(guangzhou, 'story-table', '表格 table', blockOf(guangzhou, 'table')),
  note: single(anhui, 'story-note', '注释 note', blockOf(anhui, 'note')),
} satisfies Record<string, InfographicDocument>;

export type BlockKey = keyof typeof blockDocuments;

/** The Anhui sample in the blue scheme (the document's own `theme`). */
export const blueInfographic: InfographicDocument = { ...infographic(anhui2017), id: 'ah-swt-2017-00377-ytdd-blue', theme: 'blue' };

/**
 * Invalid: a chart whose series has 5 values for 6 categories, and an annual
 * report that does not add up: 本年新收 总计 127 while its applicant columns
 * sum to 126; so 127 + 上年结转 5 ≠ 办理结果 125 + 结转 6; and 行政复议 总计 6
 * while 3 + 1 + 0 + 1 = 5. The schema passes, so the element lists the errors
 * and still shows the document under them.
 */
export const invalidInfographic = (() => {
  const doc = infographic(annualReportExample);
  const report = doc.blocks[0] as Extract<InfographicBlock, { type: 'annual-report' }>;
  report.requests.received.total = 127;
  if (report.review?.reconsideration) report.review.reconsideration.total = 6;
  const chart = blockOf(anhui, 'chart', (b) => b.chart === 'bar');
  chart.series[0].values = chart.series[0].values.slice(0, 5);
  return {
    ...doc,
    id: 'story-invalid',
    title: '数据有误的一图读懂（示例）',
    blocks: [chart, report],
  } as unknown;
})();

/** Invalid beyond showing: a chart without its required takeaway and with an unknown chart kind. */
export const brokenInfographic = (() => {
  const { takeaway: _takeaway, ...chart } = blockOf(anhui, 'chart', (b) => b.chart === 'donut');
  return { type: 'infographic', schemaVersion: 1, title: '缺少一句话结论的图表', blocks: [{ ...chart, chart: 'radar' }] } as unknown;
})();

/** Long content: every block kind of the stories above in one document (two of them charts of the samples' real numbers), under a very long title. */
export const longInfographic: InfographicDocument = {
  ...infographic(guangzhou2021),
  id: 'story-long',
  title: `${guangzhou.title}——全部区块类型：关键数字、柱状图、条形图、分组与堆叠、折线、饼图、环形图、时间线、流程、要点、重点提示、前后对比、表格和注释（超长示例）`,
  blocks: Object.values(blockDocuments).flatMap((doc) => structuredClone(doc.blocks)),
};

/**
 * Damaged real content: the Guangzhou sample (seed 003) with its task table as the scraped page has it — the same rows,
 * taken from seed 003's table (demo/data/reader-003-guangzhou-2021.json) with the encoding damage kept (「…等、/td>」,
 * 「外资夃/td>」). The sample itself was repaired by hand; this shows what the raw text looks like in the element, which
 * shows it as written and warns about each damaged text in `zw-load`'s `detail.warnings`.
 */
export const damagedInfographic: InfographicDocument = (() => {
  const doc = infographic(guangzhou2021);
  const source = seed003Policy.body?.find((block) => block.type === 'table');
  const scraped = new Map(
    (source?.type === 'table' ? source.rows : []).flatMap((row) => {
      const number = /^(\d+)\./.exec(row[1] ?? '');
      return number ? [[Number(number[1]), [row[1]!.slice(number[0].length), row[2] ?? '', row[4] ?? '']] as const] : [];
    }),
  );
  const blocks = doc.blocks.map((block) => {
    if (block.type === 'table') {
      const rows = block.rows.flatMap((row) => {
        const raw = scraped.get(Number(row[0]));
        return raw ? [[row[0]!, ...raw]] : [];
      });
      return { ...block, caption: '分工表节选（网页原文，保留转码损坏）', rows };
    }
    if (block.type === 'note') return { ...block, text: '示例：表格文字取自网页原文，未修复编码损坏（如“、/td>”“外资夃/td>”），用来查看受损文字在元素中的样子。' };
    return block;
  });
  return { ...doc, id: 'gz-swj-2021-ytdd-scraped', title: `${doc.title}（网页原文，保留转码损坏）`, blocks };
})();

/** Every document a story can show, for the `data` select control. */
export const infographicDocuments: Record<string, unknown> = {
  ...infographicSamples,
  ...blockDocuments,
  blue: blueInfographic,
  long: longInfographic,
  damaged: damagedInfographic,
  invalid: invalidInfographic,
  broken: brokenInfographic,
  none: undefined,
};

/** Labels of the `data` select control. */
export const infographicLabels: Record<string, string> = {
  'anhui-2017': '样例 1 安徽省商务厅 2017 政务公开自评',
  'guangzhou-2021': '样例 2 广州市商务局 2021 任务与时限',
  'shanxi-2021': '样例 3 山西省工信厅 依申请公开流程',
  'annual-report': '示例 年度报告统计（虚构数字）',
  figures: '区块：关键数字',
  'bar-vertical': '区块：柱状图',
  'bar-horizontal': '区块：条形图',
  grouped: '区块：分组柱状图',
  stacked: '区块：堆叠条形图',
  line: '区块：折线图（示例数字）',
  pie: '区块：饼图',
  donut: '区块：环形图',
  timeline: '区块：时间线',
  process: '区块：流程',
  list: '区块：要点',
  callout: '区块：重点提示',
  compare: '区块：前后对比',
  table: '区块：表格',
  note: '区块：注释',
  blue: '蓝色配色（theme: "blue"）',
  long: '超长内容（全部区块类型）',
  damaged: '样例 003 任务表网页原文（转码损坏）',
  invalid: '数据有误（系列与分类不符、年报合计对不上）',
  broken: '数据有误（缺少一句话结论，无法显示）',
  none: '无数据',
};
