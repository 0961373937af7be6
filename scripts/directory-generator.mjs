// A deterministic generator of 政府信息公开目录 entries for the <zw-disclosure-directory> benchmark
// (scripts/bench-directory.mjs), tests and demos that need a big realistic catalogue. The vocabulary
// (issuers, 发文字号 prefixes, subjects, phrases) is copied from the seed documents (/work/shared/seeds
// 000–004) and from real portals of the same bodies, so nothing reads outside the repository at run time.
// Pure ES module, no DOM, no I/O: it runs in Node and, bundled, in the page.
//
// An entry is the `directory` kind's entry: the policy kind's summary fields + `columns` (ids of the
// standard column tree). Searchable text (名称 + 发文字号 + 索引号 + 内容概述 + 关键词) averages ~150 characters.

/**
 * 发布机构: name, 18-character 统一社会信用代码 (or a 9-character 组织机构代码 where the portal still uses one,
 * as 安徽省商务厅's 002985915; its local 索引号 shape 002985915/201712-00377 is not imitated: a warning per
 * entry would only add noise to the benchmark), 发文字号 prefixes, the short name used inside titles, the place.
 */
const ISSUERS = [
  // 山东
  { name: '山东省人民政府办公厅', code: '11370000004166789X', prefixes: ['鲁政办发', '鲁政办字'], short: '省政府办公厅', place: '山东省' },
  { name: '山东省商务厅', code: '11370000004175643B', prefixes: ['鲁商字', '鲁商发', '鲁商函'], short: '省商务厅', place: '山东省' },
  { name: '山东省工业和信息化厅', code: '11370000MB2850331W', prefixes: ['鲁工信发', '鲁工信规'], short: '省工业和信息化厅', place: '山东省' },
  { name: '山东省财政厅', code: '113700000041672256', prefixes: ['鲁财预', '鲁财行'], short: '省财政厅', place: '山东省' },
  { name: '山东省市场监督管理局', code: '11370000MB28535417', prefixes: ['鲁市监发', '鲁市监规'], short: '省市场监管局', place: '山东省' },
  { name: '山东省发展和改革委员会', code: '11370000004165912R', prefixes: ['鲁发改', '鲁发改规'], short: '省发展改革委', place: '山东省' },
  { name: '济南市人民政府办公厅', code: '11370100004187120E', prefixes: ['济政办发', '济政办字'], short: '市政府办公厅', place: '济南市' },
  { name: '济南市市场监督管理局', code: '11370100MB28696235', prefixes: ['济市监发', '济市监字'], short: '市市场监管局', place: '济南市' },
  { name: '济南市商务局', code: '11370100004189378M', prefixes: ['济商务发', '济商务字'], short: '市商务局', place: '济南市' },
  { name: '青岛市商务局', code: '11370200004214862F', prefixes: ['青商务发', '青商规'], short: '市商务局', place: '青岛市' },
  { name: '烟台市人民政府', code: '113706000049361520', prefixes: ['烟政发', '烟政字'], short: '市政府', place: '烟台市' },
  // 安徽
  { name: '安徽省人民政府办公厅', code: '11340000003024576K', prefixes: ['皖政办', '皖政办秘'], short: '省政府办公厅', place: '安徽省' },
  { name: '安徽省商务厅', code: '002985915', prefixes: ['皖商办', '皖商秘', '皖商办函'], short: '省商务厅', place: '安徽省' },
  { name: '安徽省财政厅', code: '11340000003018893A', prefixes: ['皖财预', '皖财办'], short: '省财政厅', place: '安徽省' },
  { name: '合肥市人民政府办公厅', code: '11340100003046271N', prefixes: ['合政办', '合政办秘'], short: '市政府办公厅', place: '合肥市' },
  { name: '合肥市市场监督管理局', code: '11340100MB1A94561C', prefixes: ['合市监', '合市监规'], short: '市市场监管局', place: '合肥市' },
  { name: '芜湖市商务局', code: '11340200003281174G', prefixes: ['芜商务', '芜商务秘'], short: '市商务局', place: '芜湖市' },
  // 广东 · 广州
  { name: '广东省人民政府办公厅', code: '11440000006939963T', prefixes: ['粤府办', '粤办函'], short: '省政府办公厅', place: '广东省' },
  { name: '广东省商务厅', code: '11440000006940046Q', prefixes: ['粤商务', '粤商务规字'], short: '省商务厅', place: '广东省' },
  { name: '广州市人民政府办公厅', code: '11440100006930275P', prefixes: ['穗府办', '穗府办函'], short: '市政府办公厅', place: '广州市' },
  { name: '广州市商务局', code: '11440100MB2C92116Y', prefixes: ['穗商务', '穗商务规字'], short: '市商务局', place: '广州市' },
  { name: '广州市市场监督管理局', code: '11440100MB2C88271H', prefixes: ['穗市监规字', '穗市监'], short: '市市场监管局', place: '广州市' },
  { name: '广州市财政局', code: '114401000069369174', prefixes: ['穗财预', '穗财规字'], short: '市财政局', place: '广州市' },
  { name: '广州市工业和信息化局', code: '11440100MB2C92319D', prefixes: ['穗工信', '穗工信规字'], short: '市工业和信息化局', place: '广州市' },
  // 山西
  { name: '山西省人民政府办公厅', code: '11140000012000118U', prefixes: ['晋政办发', '晋政办函'], short: '省政府办公厅', place: '山西省' },
  { name: '山西省工业和信息化厅', code: '11140000MB1975304J', prefixes: ['晋工信', '晋工信规字'], short: '省工信厅', place: '山西省' },
  { name: '山西省商务厅', code: '111400000120011437', prefixes: ['晋商', '晋商规'], short: '省商务厅', place: '山西省' },
  { name: '太原市人民政府', code: '11140100012371066E', prefixes: ['并政发', '并政办发'], short: '市政府', place: '太原市' },
  { name: '太原市市场监督管理局', code: '11140100MB1992746R', prefixes: ['并市监', '并市监规'], short: '市市场监管局', place: '太原市' },
  { name: '大同市人民政府办公室', code: '11140200012551388K', prefixes: ['同政办发', '同政办函'], short: '市政府办公室', place: '大同市' },
];

/** 政务公开 subjects from the seeds (000 山东省商务厅, 001 济南市市场监管局, 002 安徽省商务厅, 003 广州市商务局, 004 山西省工信厅). */
const SUBJECTS = [
  '优化营商环境',
  '电子商务进农村综合示范',
  '实体零售创新转型',
  '招商引资工作',
  '外贸稳增长',
  '生活必需品市场监测',
  '重要节假日市场保供',
  '证明事项告知承诺制',
  '“双随机、一公开”监管',
  '“互联网+监管”',
  '政务服务“好差评”',
  '行政执法公示制度',
  '重大行政决策事项目录',
  '权责清单动态调整',
  '政府信息公开保密审查',
  '成品油市场专项整治',
  '典当行业监督管理',
  '商业保理试点',
  '融资租赁行业监管',
  '食品药品安全监管',
  '产品质量监督抽查',
  '知识产权保护与运用',
  '价格与收费监管',
  '政务新媒体规范发展',
  '网站无障碍访问能力建设',
  '新材料产业发展',
  '战略性新兴产业',
  '跨境电子商务综合试验区建设',
  '农村电商发展',
  '商贸流通扶贫',
  '消费升级',
  '会展业发展',
  '老字号保护发展',
  '外商投资企业备案',
  '对外承包工程',
  '服务贸易创新发展',
  '加工贸易转型升级',
  '重点民生实事项目',
  '“证照分离”改革',
  '企业开办注销便利化',
  '“一窗受理·一次办好”改革',
  '政务公开专区建设',
  '依申请公开办理',
  '政策多样化解读',
];
/** Names of whole documents filed at 法定主动公开内容 (from the seeds' own titles). */
const WORK_PLANS = ['政务公开工作要点', '政务公开工作实施方案', '政务公开工作要点分工实施方案', '政务公开自评工作总结'];
const PLANS = ['实施方案', '工作要点', '管理办法', '实施细则', '若干措施', '行动计划', '工作方案', '考核办法', '暂行办法', '实施意见'];
const ACTIONS = ['进一步做好', '加快推进', '深化', '规范', '全面推进', '切实加强', '持续推进', '做好'];
const SECTORS = ['商务', '新材料', '新装备', '电子商务', '现代物流', '工业和信息化', '市场监管', '服务业', '数字经济', '对外开放'];
const INSTITUTIONS = ['保密审查制度', '依申请公开办理制度', '信息发布审核制度', '政策解读工作制度', '主动公开基本目录管理制度', '政务舆情回应制度'];
const COMPANIES = [
  '济南华通商贸有限公司',
  '青岛海盛国际物流有限公司',
  '合肥恒达典当有限责任公司',
  '芜湖江城融资租赁有限公司',
  '广州粤海商业保理有限公司',
  '太原晋阳成品油销售有限公司',
  '大同云冈超市连锁有限公司',
  '烟台鲁东食品有限公司',
  '广州穗丰电子商务有限公司',
  '山西汾河会展服务有限公司',
];
const LICENCES = ['成品油零售经营资格', '典当经营许可', '对外劳务合作经营资格', '直销经营许可', '拍卖企业设立', '融资租赁公司设立', '酒类批发许可'];
const VIOLATIONS = ['未按规定公示年度报告', '销售不合格产品', '虚假宣传', '未经许可从事成品油经营', '价格违法', '未落实食品安全主体责任', '侵犯注册商标专用权'];
/** 主题分类 values (`category.topic`). */
const TOPICS = [
  '商贸',
  '市场监管',
  '工业和信息化',
  '财政',
  '政务公开',
  '营商环境',
  '对外贸易',
  '电子商务',
  '食品药品',
  '知识产权',
  '安全生产',
  '扶贫',
  '招商引资',
  '规划',
  '行政执法',
];
const KEYWORDS = [
  '政务公开',
  '营商环境',
  '电子商务',
  '市场监管',
  '政策解读',
  '信息公开',
  '放管服',
  '双随机',
  '扶贫',
  '招商引资',
  '外贸',
  '消费',
  '预算',
  '决算',
  '行政许可',
  '行政处罚',
  '规划',
  '年报',
  '商贸',
  '成品油',
  '食品安全',
  '知识产权',
  '无障碍',
  '政务新媒体',
  '权责清单',
  '自评',
];
/** Sentences of 内容概述 by kind of entry, from the seeds' wording; `{…}` are filled per entry. */
const SENTENCES = {
  rules: [
    '为贯彻落实《{upper}》，结合{place}实际，制定本{plan}。',
    '明确了{a}、{b}和{c}等{n}方面重点任务。',
    '自{date}起施行，有效期{years}年。',
    '要求各部门按照“谁起草、谁解读”的原则，同步做好政策解读。',
    '加大{subject}相关政策措施、执行情况和工作成效等信息公开力度。',
    '对涉及公共利益、公众权益的重大事项，决策前公开决策草案及其说明。',
    '本文件由{issuer}负责解释。',
  ],
  reading: [
    '从背景依据、目标任务、主要内容、涉及范围、执行标准和注意事项等方面解读《{subject}{plan}》。',
    '明确了{a}、{b}和{c}等{n}方面重点任务。',
    '重点对政策的背景、意义、作用、关键词和新旧政策差异进行解读。',
    '围绕群众关心关注的{subject}设置公开专栏。',
  ],
  licence: ['准予{company}{licence}。', '依据《中华人民共和国行政许可法》，经审查，申请材料齐全、符合法定形式。', '许可决定自作出之日起生效，有效期{years}年。'],
  penalty: ['对{company}作出{penalty}的行政处罚。', '当事人{violation}，违反了有关法律法规的规定。', '落实行政执法公示制度，公开执法依据、程序和结果。'],
  finance: ['主动公开部门预决算和“三公”经费，接受社会监督。', '包括部门收支总表、财政拨款收支总表和一般公共预算支出表等{n}张表格。', '积极推进财政资金管理全程公开。'],
  work: [
    '全年共收到政府信息公开申请{k}件，均按时办结。',
    '加大{subject}相关政策措施、执行情况和工作成效等信息公开力度。',
    '围绕群众关心关注的{subject}设置公开专栏。',
    '聚焦{subject}，加强信息发布、解读回应和政民互动。',
    '定期公开规章、规范性文件清理结果，及时公布文件的废止、失效等情况。',
    '明确了{a}、{b}和{c}等{n}方面重点任务。',
    '对涉及公共利益、公众权益的重大事项，决策前公开决策草案及其说明。',
  ],
};
const SENTENCE_KIND = { gfxwj: 'rules', gz: 'rules', fgwj: 'rules', ghxx: 'rules', zcjd: 'reading', xzxk: 'licence', xzcf: 'penalty', czxx: 'finance' };
/** Sentences that occur in about 1 % of entries: the rare words of the benchmark's queries (IPv6, 霍邱, 典当, 保理). */
const RARE_SENTENCES = [
  '推进政府门户网站IPv6升级改造，提升网站的可感知性、可操作性、可理解性及兼容性。',
  '牵头定点帮扶霍邱县扶贫开发工作，及时发布扶贫领域信息。',
  '加强对成品油、直销、典当、拍卖、融资租赁、商业保理等方面的规范管理。',
];
const UPPER = [
  '中华人民共和国政府信息公开条例',
  '关于全面推进政务公开工作的意见',
  '2019年山东省政务公开要点',
  '山西省2021年政务公开工作要点',
  '国务院办公厅关于印发2021年政务公开工作要点的通知',
  '优化营商环境条例',
];
const PENALTIES = ['警告', '罚款人民币二万元', '没收违法所得并处罚款', '责令改正并罚款五千元', '罚款人民币十万元'];
/** 组配分类 by column kind. */
const GROUPS = { rules: '规范性文件', plan: '规划计划', finance: '财政预决算', enforcement: '行政执法', report: '监督保障', other: '其他文件' };

/**
 * Where entries are filed in the standard column tree (src/core/directory/columns.ts), with weights; `fgwj`
 * becomes its leaf 其他文件 `qtwj` (a tenth stays at the parent), `czxx` its leaves `yjs` / `sgjf`;
 * `fdzdgknr` stands for work plans filed at the parent. 已废止/已失效 entries are also under `fzsx`.
 */
const COLUMN_WEIGHTS = [
  ['gfxwj', 22],
  ['fgwj', 6],
  ['gz', 4],
  ['zcjd', 10],
  ['xzxk', 12],
  ['xzcf', 14],
  ['ghxx', 6],
  ['czxx', 8],
  ['jgzn', 2],
  ['gkzn', 1],
  ['gkzd', 2],
  ['gknb', 1],
  ['fdzdgknr', 12],
];
const COLUMN_TOTAL = COLUMN_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** mulberry32: small, fast, good enough, and the same sequence everywhere. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const FIRST = Date.UTC(2010, 0, 1);
/** Last 成文日期 (leaves room for 发布日期 up to three weeks later within 2026). */
const LAST = Date.UTC(2026, 5, 9);
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);

/**
 * `count` entries, the same for the same `seed`.
 * @param {number} count
 * @param {number} [seed]
 * @returns {Array<Record<string, unknown>>} directory entries (see src/schema/directory.schema.json $defs/entry)
 */
export function generateEntries(count, seed = 1) {
  const rnd = random(seed * 2654435761 + 1);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p) => rnd() < p;
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  /** Per issuer and year: next 发文字号 number and 索引号 serial, as a real registry numbers them. */
  const counters = new Map();
  const next = (key) => {
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return n;
  };
  const entries = new Array(count);
  for (let i = 0; i < count; i++) {
    const issuer = pick(ISSUERS);
    let column = COLUMN_WEIGHTS[0][0];
    for (let r = rnd() * COLUMN_TOTAL, j = 0; j < COLUMN_WEIGHTS.length; j++)
      if ((r -= COLUMN_WEIGHTS[j][1]) < 0) {
        column = COLUMN_WEIGHTS[j][0];
        break;
      }
    const written = FIRST + Math.floor(rnd() * ((LAST - FIRST) / DAY)) * DAY;
    const published = written + int(0, 21) * DAY;
    const year = new Date(written).getUTCFullYear();
    const subject = pick(SUBJECTS);
    const plan = pick(PLANS);
    const place = issuer.place;
    const company = pick(COMPANIES);
    const rules = column === 'gfxwj' || column === 'gz' || column === 'fgwj';

    // 名称 and what goes with it, by column
    let title;
    let group = GROUPS.other;
    let withDocNo = chance(0.85);
    let topic = pick(TOPICS);
    switch (column) {
      case 'gfxwj':
      case 'gz':
      case 'fgwj':
        group = column === 'fgwj' ? GROUPS.other : GROUPS.rules;
        if (column === 'fgwj') column = 'qtwj'; // 法规文件 > 其他文件 (rarely filed at 法规文件 itself: see below)
        title = pick([
          () => `关于印发《${place}${subject}${plan}》的通知`,
          () => `${issuer.name}关于${pick(ACTIONS)}${subject}的通知`,
          () => `${place}${subject}${column === 'gz' ? '管理规定' : plan}`,
          () => `关于${pick(ACTIONS)}${subject}的实施意见`,
          () => `${issuer.name}关于印发《${year}年${subject}${plan}》的通知`,
        ])();
        withDocNo = true;
        break;
      case 'zcjd':
        title = pick([`《${place}${subject}${plan}》政策解读`, `一图读懂《${place}${subject}${plan}》`, `关于《${subject}${plan}》的解读`]);
        withDocNo = false;
        break;
      case 'xzxk':
        title = pick([`关于准予${company}${pick(LICENCES)}的批复`, `${issuer.short}行政许可决定书（${company}）`, `关于${company}${pick(LICENCES)}变更的批复`]);
        group = GROUPS.enforcement;
        topic = '行政执法';
        break;
      case 'xzcf':
        title = pick([`${issuer.short}行政处罚决定书（${company}）`, `关于${company}${pick(VIOLATIONS)}案的行政处罚决定`, `${year}年第${int(1, 12)}期行政处罚案件信息公开`]);
        group = GROUPS.enforcement;
        topic = '行政执法';
        break;
      case 'ghxx':
        title = pick([
          `${place}“十四五”${pick(SECTORS)}发展规划`,
          `关于印发《${place}${pick(SECTORS)}发展规划（${year}—${year + 4}年）》的通知`,
          `${place}${pick(SECTORS)}${year}年度工作计划`,
        ]);
        group = GROUPS.plan;
        topic = '规划';
        break;
      case 'czxx':
        title = pick([`${issuer.name}${year}年部门预算`, `${issuer.name}${year}年部门决算`, `${issuer.name}${year}年“三公”经费预算情况说明`]);
        column = title.includes('三公') ? 'sgjf' : 'yjs'; // the standard tree's leaves under 财政信息
        group = GROUPS.finance;
        topic = '财政';
        withDocNo = false;
        break;
      case 'jgzn':
        title = pick([`${issuer.name}主要职责、内设机构和人员编制规定`, `${issuer.name}机构职能`, `${issuer.name}领导分工`]);
        withDocNo = false;
        break;
      case 'gkzn':
        title = `${issuer.name}政府信息公开指南（${year}年修订）`;
        topic = '政务公开';
        withDocNo = false;
        break;
      case 'gkzd':
        title = `${issuer.name}政府信息公开${pick(INSTITUTIONS)}`;
        topic = '政务公开';
        break;
      case 'gknb':
        title = `${issuer.name}${year}年政府信息公开工作年度报告`;
        group = GROUPS.report;
        topic = '政务公开';
        withDocNo = false;
        break;
      default: // fdzdgknr: 工作要点, 方案, 总结 filed at the parent
        title = pick([
          `${issuer.name}${year}年${pick(WORK_PLANS)}`,
          `${issuer.short}${year}年${pick(WORK_PLANS)}`,
          `${issuer.name}关于${year}年度政务公开自评工作总结`,
          `关于印发《${year}年${issuer.place}${pick(WORK_PLANS)}》的通知`,
        ]);
        group = pick([GROUPS.report, GROUPS.other]);
        topic = pick(['政务公开', topic]);
    }

    // 发文字号 (some portals write [2019] or （2019）; search folds them together) and 索引号
    let docNo;
    if (withDocNo) {
      const prefix = column === 'xzcf' ? `${issuer.prefixes[0].replace(/[发字规函办秘]+$/, '')}处罚` : pick(issuer.prefixes);
      const n = next(`${prefix}/${year}`);
      const r = rnd();
      docNo = r < 0.9 ? `${prefix}〔${year}〕${n}号` : r < 0.95 ? `${prefix}[${year}]${n}号` : `${prefix}（${year}）${n}号`;
    }
    const serial = String(next(`${issuer.code}/${year}`)).padStart(5, '0');
    const indexNo = `${issuer.code}/${year}-${serial}`;

    // 有效性: rules are abolished, expire or get amended over the years; others stay 有效
    let validity = 'effective';
    let effectiveDate;
    let abolishDate;
    if (rules) {
      effectiveDate = iso(published + (chance(0.4) ? 30 * DAY : 0));
      const age = (LAST - published) / (365 * DAY);
      const r = rnd();
      if (age > 1 && r < 0.1 + age * 0.02) validity = 'abolished';
      else if (age > 1 && r < 0.2 + age * 0.03) validity = 'expired';
      else if (age > 1 && r < 0.25 + age * 0.03) validity = 'amended';
      else if (age < 0.3 && r > 0.9) {
        validity = 'pending';
        effectiveDate = iso(Math.max(published + 60 * DAY, Date.UTC(2026, 6, 1)));
      }
      if (validity === 'abolished' || validity === 'expired')
        abolishDate = iso(Date.parse(effectiveDate) + int(365, Math.max(366, Math.floor(((LAST - Date.parse(effectiveDate)) / DAY) | 0))) * DAY);
    }
    if (abolishDate && abolishDate > iso(LAST)) abolishDate = iso(LAST);

    const keywords = [];
    for (let k = int(1, 4); keywords.length < k;) {
      const w = chance(0.35) ? topic : pick(KEYWORDS);
      if (!keywords.includes(w)) keywords.push(w);
    }

    // 内容概述: 40–160 characters of seed sentences, mostly short (portals' 内容概述 are often one line)
    const target = 40 + Math.floor(90 * rnd() ** 2);
    const values = {
      upper: pick(UPPER),
      place,
      plan,
      subject,
      a: pick(SUBJECTS),
      b: pick(SUBJECTS),
      c: pick(SUBJECTS),
      n: pick(['三', '四', '五', '六', '七', '八']),
      date: iso(effectiveDate ? Date.parse(effectiveDate) : published).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'),
      years: pick(['二', '三', '五']),
      k: int(3, 120),
      company,
      penalty: pick(PENALTIES),
      licence: pick(LICENCES),
      violation: pick(VIOLATIONS),
      issuer: issuer.name,
    };
    let summary = chance(0.03) ? pick(RARE_SENTENCES) : '';
    for (let tries = 0; summary.length < target && tries < 12; tries++) {
      const sentence = fill(pick(SENTENCES[SENTENCE_KIND[column] ?? 'work']), values);
      if (summary.length + sentence.length <= 160 && !summary.includes(sentence)) summary += sentence;
    }
    if (summary.length < 40) summary = `${title}。${summary}`.slice(0, 160);

    const columns = [column === 'qtwj' && chance(0.1) ? 'fgwj' : column];
    if (validity === 'abolished' || validity === 'expired') columns.push('fzsx');
    else if (column === 'gfxwj' && chance(0.08)) columns.push('zcjd');

    const d = new Date(published);
    const entry = {
      id: `d${seed}-${String(i + 1).padStart(6, '0')}`,
      title,
      indexNo,
      ...(docNo ? { docNo } : {}),
      issuer: issuer.code.length === 18 ? { name: issuer.name, code: issuer.code } : { name: issuer.name },
      category: { topic, group },
      writtenDate: iso(written),
      publishDate: iso(published),
      ...(effectiveDate ? { effectiveDate } : {}),
      ...(abolishDate ? { abolishDate } : {}),
      validity,
      disclosure: chance(0.95) ? 'proactive' : 'on-request',
      keywords,
      summary,
      url: `/art/${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}/art_${1500 + ISSUERS.indexOf(issuer)}_${seed * 1000000 + i + 1}.html`,
      columns,
    };
    entries[i] = entry;
  }
  return entries;
}

/**
 * A whole `directory` document with `count` generated entries and the standard column tree (no `columns`).
 * @param {number} count
 * @param {number} [seed]
 */
export function generateDirectory(count, seed = 1) {
  return {
    type: 'directory',
    schemaVersion: 1,
    language: 'zh-CN',
    title: '政府信息公开目录',
    issuer: { name: '山东省人民政府办公厅', code: '11370000004166789X' },
    entries: generateEntries(count, seed),
  };
}

/** The searchable text of an entry (名称, 发文字号, 索引号, 内容概述, 关键词), one string per field. */
export function searchableFields(entry) {
  return [entry.title, entry.docNo ?? '', entry.indexNo ?? '', entry.summary ?? '', ...(entry.keywords ?? [])];
}
