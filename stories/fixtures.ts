/**
 * Story data for <zw-policy-card>.
 *
 * The five samples are real 政务公开 documents (demo/data/policy-*.json). The
 * variants below start from them and change what a story needs (有效性, links,
 * attachments, errors). They show how the card handles such data; they do not
 * describe the real documents' status.
 */
import type { PolicyDocument } from '../src/schema/types.generated.js';
import shandong2019 from '../demo/data/policy-000-shandong-commerce-2019.json';
import jinan2020 from '../demo/data/policy-001-jinan-market-2020.json';
import anhui2017 from '../demo/data/policy-002-anhui-commerce-2017.json';
import guangzhou2021 from '../demo/data/policy-003-guangzhou-commerce-2021.json';
import shanxi2021 from '../demo/data/policy-004-shanxi-industry-2021.json';
import { seed003Policy } from '../src/test-support/reader-fixture.js';

/** A deep copy, so a story can never change another story's data. */
const copy = <T>(value: T): T => structuredClone(value);
const policy = (value: unknown) => copy(value) as PolicyDocument;

/** The five sample documents, keyed for the `data` select control. */
export const samples = {
  'shandong-2019': policy(shandong2019),
  'jinan-2020': policy(jinan2020),
  'anhui-2017': policy(anhui2017),
  'guangzhou-2021': policy(guangzhou2021),
  'shanxi-2021': policy(shanxi2021),
} satisfies Record<string, PolicyDocument>;

/** The same samples as files, served by Storybook at `./data/` (staticDirs). */
export const sampleFiles = {
  'shandong-2019': './data/policy-000-shandong-commerce-2019.json',
  'jinan-2020': './data/policy-001-jinan-market-2020.json',
  'anhui-2017': './data/policy-002-anhui-commerce-2017.json',
  'guangzhou-2021': './data/policy-003-guangzhou-commerce-2021.json',
  'shanxi-2021': './data/policy-004-shanxi-industry-2021.json',
} satisfies Record<keyof typeof samples, string>;

/** 已废止, with the date and the document that replaced it (banner with 现行文件). */
export const abolishedPolicy: PolicyDocument = {
  ...policy(shandong2019),
  id: 'sd-swt-2019-zwgk-plan-abolished',
  validity: 'abolished',
  abolishDate: '2020-06-01',
  replacedBy: [
    {
      title: '省商务厅2020年政务公开工作实施方案',
      docNo: '鲁商字〔2020〕15号',
      url: './policy/sd-swt-2020-zwgk-plan.html',
    },
  ],
};

/** 已失效: a yearly work plan that ran out at the end of its year. */
export const expiredPolicy: PolicyDocument = {
  ...policy(jinan2020),
  id: 'jn-scjgj-2020-00757-expired',
  validity: 'expired',
  effectiveDate: '2020-09-16',
  abolishDate: '2020-12-31',
};

/** 已修订, pointing to the amending document. */
export const amendedPolicy: PolicyDocument = {
  ...policy(shanxi2021),
  id: 'sx-gxt-2021-zwgk-amended',
  validity: 'amended',
  replacedBy: [
    {
      title: '山西省工业和信息化厅关于修订《2021年政务公开工作要点》的通知',
      url: './policy/sx-gxt-2021-zwgk-revised.html',
    },
  ],
};

/** The amending document itself: lists what it 废止或修订了 (`replaces`). */
export const amendingPolicy: PolicyDocument = {
  ...policy(shanxi2021),
  id: 'sx-gxt-2021-zwgk-revised',
  title: '山西省工业和信息化厅关于修订《2021年政务公开工作要点》的通知',
  writtenDate: '2021-09-10',
  publishDate: '2021-09-13',
  effectiveDate: '2021-09-13',
  validity: 'effective',
  replaces: [{ title: '山西省工业和信息化厅2021年政务公开工作要点', url: './policy/sx-gxt-2021-zwgk.html' }],
};

/** 原文, 解读 and 图解 links and three attachments (pdf, xlsx, ofd). */
export const attachmentsPolicy: PolicyDocument = {
  ...policy(guangzhou2021),
  id: 'gz-swj-2021-zwgk-fgsf-attachments',
  interpretationUrl: './jd/gz-swj-2021-zwgk-fgsf.html',
  infographicUrl: './tj/gz-swj-2021-zwgk-fgsf.html',
  attachments: [
    {
      name: '广州市商务局2021年政务公开工作要点分工实施方案',
      url: './files/gz-swj-2021-zwgk-fgsf.pdf',
      format: 'pdf',
      size: 482_304,
    },
    { name: '任务分工表', url: './files/gz-swj-2021-zwgk-fgsf-tasks.xlsx', format: 'xlsx', size: 38_912 },
    { name: '版式文件', url: './files/gz-swj-2021-zwgk-fgsf.ofd', format: 'ofd', size: 1_572_864 },
  ],
};

/**
 * Invalid beyond repair: a publish date that does not exist (required, so it
 * cannot be left out) and a `javascript:` link. The card shows only the error list.
 */
export const invalidPolicy = {
  ...policy(jinan2020),
  id: 'jn-scjgj-2020-00757-invalid',
  publishDate: '2020-09-31',
  url: 'javascript:alert(document.cookie)',
} as unknown;

/**
 * Invalid optional fields only (a bad 生效日期 and a `javascript:` 解读 link):
 * the card lists the errors and still shows everything else.
 */
export const partialPolicy = {
  ...policy(shanxi2021),
  id: 'sx-gxt-2021-zwgk-partial',
  effectiveDate: '2021-06-31',
  interpretationUrl: 'javascript:void(0)',
  infographicUrl: './tj/sx-gxt-2021-zwgk.html',
} as unknown;

const longPoint =
  '围绕优化营商环境、食品药品安全监管、产品质量监管、价格与收费监管、知识产权保护与运用、特种设备安全监察、计量标准化认证认可等重点领域，设置公开专栏，及时、准确、全面公开政策文件、办事指南、行政许可和行政处罚结果、抽查检查结果，并同步做好政策解读和回应关切';

/** Very long title, issuer, 发文字号, summary, key points, keywords and an unbroken file name. */
export const longPolicy: PolicyDocument = {
  ...policy(jinan2020),
  id: 'jn-scjgj-2020-00757-long',
  title:
    '济南市市场监督管理局 济南市发展和改革委员会 济南市大数据局关于印发《2020年济南市市场监督管理局政务公开工作要点》及《进一步拓展重点领域信息公开广度和深度、聚焦优化营商环境和疫情防控加强信息公开、全面提升政府网站无障碍和适老化水平的若干措施》的通知',
  docNo: '济市监发〔2020〕第00757号（联合发文：济发改发〔2020〕123号、济数发〔2020〕45号）',
  issuer: { name: '济南市市场监督管理局（济南市知识产权局）会同济南市发展和改革委员会、济南市大数据局', code: '11370100MB28696235' },
  summary: Array.from({ length: 4 }, () => jinan2020.summary).join(''),
  keyPoints: Array.from({ length: 8 }, (_, i) => `（${i + 1}）${longPoint}。`),
  keywords: [
    '政务公开',
    '重点领域信息公开',
    '优化营商环境',
    '疫情防控',
    '政府网站',
    '无障碍',
    '适老化',
    '政策解读',
    '回应关切',
    '政民互动',
    '依申请公开',
    '行政许可',
    '行政处罚',
    '双随机一公开',
  ],
  url: './policy/jn-scjgj-2020-00757.html',
  attachments: [
    {
      name: 'Jinan_Market_Supervision_Administration_2020_Government_Affairs_Disclosure_Work_Points_Final_Version_Signed_and_Sealed_20200916.pdf',
      url: './files/jn-scjgj-2020-00757.pdf',
      format: 'pdf',
      size: 10_485_760,
    },
  ],
};

/**
 * Seed 003's page as scraped: its 核心提示 (copied from the seed text, damage kept: 「…风险、/div>」) as the summary, and
 * three 具体工作 cells of its task table (demo/data/reader-003-guangzhou-2021.json: 「…工作、/td>」) as key points. The
 * card shows the text as written and reports each damaged field in `zw-load`'s `detail.warnings` (scrape-damage), so
 * staff correct it against the original; the body is left out (a card does not show it).
 */
export const SEED_003_CORE_HINT =
  '密切关注涉及疫情防控、房地产金融、工资拖欠、环境污染和生态破坏、食品药品安全、教育医疗养老、安全生产、困难群众生活等方面的舆情并及时作出回应,助力防范化解重大风险、/div>';
export const damagedPolicy: PolicyDocument = (() => {
  const { body, ...doc } = policy(seed003Policy);
  const table = body?.find((block) => block.type === 'table');
  const cells = table?.type === 'table' ? table.rows.slice(0, 3).map((row) => row[3] ?? '') : [];
  return { ...doc, id: 'gz-swj-2021-zwgk-fgsf-scraped', summary: SEED_003_CORE_HINT, keyPoints: cells };
})();

/** Every document a story can show, for the `data` select control. */
export const documents: Record<string, unknown> = {
  ...samples,
  abolished: abolishedPolicy,
  expired: expiredPolicy,
  amended: amendedPolicy,
  amending: amendingPolicy,
  attachments: attachmentsPolicy,
  long: longPolicy,
  damaged: damagedPolicy,
  partial: partialPolicy,
  invalid: invalidPolicy,
  none: undefined,
};

/** Labels of the `data` select control. */
export const documentLabels: Record<string, string> = {
  'shandong-2019': '样例 1 山东省商务厅 2019 政务公开实施方案',
  'jinan-2020': '样例 2 济南市市场监管局 2020 政务公开要点',
  'anhui-2017': '样例 3 安徽省商务厅 2017 政务公开自评总结',
  'guangzhou-2021': '样例 4 广州市商务局 2021 分工实施方案',
  'shanxi-2021': '样例 5 山西省工信厅 2021 政务公开要点',
  abolished: '已废止（有替代文件）',
  expired: '已失效',
  amended: '已修订',
  amending: '修订文件（列出被修订的文件）',
  attachments: '附件与链接',
  long: '超长内容',
  damaged: '样例 003 网页原文（转码损坏，有提示）',
  partial: '部分字段有误',
  invalid: '数据有误（无法显示）',
  none: '无数据',
};

/**
 * The document as the text of a `<script type="application/json">`, the way a
 * CMS template writes it: `<` is escaped so no value can close the script.
 */
export function inlineJson(document: unknown): string {
  if (document === undefined) return '';
  return JSON.stringify(document, null, 2).replace(/</g, '\\u003c');
}
