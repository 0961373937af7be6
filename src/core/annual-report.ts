/**
 * 政府信息公开工作年度报告 statistics (国办公开办函〔2021〕30号 template) → ordinary
 * infographic blocks: key figures, an outcomes bar chart, an applicants pie, and
 * the template's tables. Pure: no DOM, no locale (the statistics and their
 * wording are document content, in Chinese like the report itself).
 */
import type { AnnualReportBlock, CaseOutcomes, ChartBlock, FiguresBlock, InfographicBlock, InfographicTableBlock, RequestStatistics } from '../schema/types.generated.js';
import { registerFieldLabels } from '../schema/labels.js';

/** One row of the 收到和处理 table: a count per applicant type and the 总计. */
export type RequestCells = RequestStatistics['received'];
export type ApplicantColumn = Exclude<keyof RequestCells, 'total'>;
export type ReportColumn = ApplicantColumn | 'total';

/** The applicant columns (申请人情况), in the template's order. */
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = ['natural', 'business', 'research', 'social', 'legal', 'other'];

/** Column headings in the template's wording; 商业企业…其他 sit under 法人或其他组织. */
export const ANNUAL_REPORT_COLUMNS: Readonly<Record<ReportColumn, string>> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** The kinds of case in 政府信息公开行政复议、行政诉讼情况. */
export type ReviewKind = keyof NonNullable<AnnualReportBlock['review']>;
export const REVIEW_KINDS: readonly ReviewKind[] = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'];
export type CaseColumn = keyof CaseOutcomes;
export const CASE_COLUMNS: readonly CaseColumn[] = ['upheld', 'corrected', 'other', 'pending', 'total'];
export const CASE_COLUMN_LABELS: Readonly<Record<CaseColumn, string>> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export interface AnnualReportRow {
  /** Machine name (the `row` of a `sum-mismatch` issue): the path below the block, dotted. */
  key: string;
  /** Where the row's cells are, below the annual-report block. */
  path: readonly string[];
  /** The row heading exactly as in the template table, numbering included. */
  heading: string;
  /** The row's name on its own, e.g. in a message: 不予公开—属于国家秘密, 办理结果总计. */
  name: string;
  /** Heading rows (三、本年度办理结果, （三）不予公开) carry no numbers of their own. */
  group?: true;
  /** Outcome rows (（一）予以公开 … （六）其他处理 and their items) add up to （七）总计. */
  outcome?: true;
}

const requestRow = (path: string[], heading: string, name: string, extra: Partial<AnnualReportRow> = {}): AnnualReportRow => ({
  key: path.join('.'),
  path: ['requests', ...path],
  heading,
  name,
  ...extra,
});
const outcomeItem = (group: string, groupName: string, key: string, number: number, label: string) =>
  requestRow(['outcomes', group, key], `${number}.${label}`, `${groupName}—${label}`, { outcome: true });

/**
 * The rows of 收到和处理政府信息公开申请情况 in the template's order and wording,
 * then the three rows of 行政复议、行政诉讼情况. Tables, rules and messages all
 * name rows from here.
 */
export const ANNUAL_REPORT_ROWS: readonly AnnualReportRow[] = [
  requestRow(['received'], '一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量'),
  requestRow(['previousCarriedOver'], '二、上年结转政府信息公开申请数量', '上年结转政府信息公开申请数量'),
  requestRow(['outcomes'], '三、本年度办理结果', '本年度办理结果', { group: true }),
  requestRow(['outcomes', 'disclosed'], '（一）予以公开', '予以公开', { outcome: true }),
  requestRow(['outcomes', 'partlyDisclosed'], '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', { outcome: true }),
  requestRow(['outcomes', 'refused'], '（三）不予公开', '不予公开', { group: true }),
  outcomeItem('refused', '不予公开', 'stateSecret', 1, '属于国家秘密'),
  outcomeItem('refused', '不予公开', 'lawProhibits', 2, '其他法律行政法规禁止公开'),
  outcomeItem('refused', '不予公开', 'security', 3, '危及“三安全一稳定”'),
  outcomeItem('refused', '不予公开', 'thirdParty', 4, '保护第三方合法权益'),
  outcomeItem('refused', '不予公开', 'internalAffairs', 5, '属于三类内部事务信息'),
  outcomeItem('refused', '不予公开', 'processInformation', 6, '属于四类过程性信息'),
  outcomeItem('refused', '不予公开', 'enforcementFiles', 7, '属于行政执法案卷'),
  outcomeItem('refused', '不予公开', 'administrativeQuery', 8, '属于行政查询事项'),
  requestRow(['outcomes', 'unavailable'], '（四）无法提供', '无法提供', { group: true }),
  outcomeItem('unavailable', '无法提供', 'notHeld', 1, '本机关不掌握相关政府信息'),
  outcomeItem('unavailable', '无法提供', 'needsCreation', 2, '没有现成信息需要另行制作'),
  outcomeItem('unavailable', '无法提供', 'unclear', 3, '补正后申请内容仍不明确'),
  requestRow(['outcomes', 'notHandled'], '（五）不予处理', '不予处理', { group: true }),
  outcomeItem('notHandled', '不予处理', 'complaints', 1, '信访举报投诉类申请'),
  outcomeItem('notHandled', '不予处理', 'repeated', 2, '重复申请'),
  outcomeItem('notHandled', '不予处理', 'publications', 3, '要求提供公开出版物'),
  outcomeItem('notHandled', '不予处理', 'excessive', 4, '无正当理由大量反复申请'),
  outcomeItem('notHandled', '不予处理', 'confirmation', 5, '要求行政机关确认或重新出具已获取信息'),
  requestRow(['outcomes', 'other'], '（六）其他处理', '其他处理', { group: true }),
  outcomeItem('other', '其他处理', 'noCorrection', 1, '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  outcomeItem('other', '其他处理', 'noFee', 2, '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  outcomeItem('other', '其他处理', 'otherReasons', 3, '其他'),
  requestRow(['outcomes', 'total'], '（七）总计', '办理结果总计'),
  requestRow(['carriedOver'], '四、结转下年度继续办理', '结转下年度继续办理'),
  { key: 'review.reconsideration', path: ['review', 'reconsideration'], heading: '行政复议', name: '行政复议' },
  { key: 'review.litigationDirect', path: ['review', 'litigationDirect'], heading: '行政诉讼（未经复议直接起诉）', name: '行政诉讼（未经复议直接起诉）' },
  { key: 'review.litigationAfterReconsideration', path: ['review', 'litigationAfterReconsideration'], heading: '行政诉讼（复议后起诉）', name: '行政诉讼（复议后起诉）' },
];

const rowsByKey = new Map(ANNUAL_REPORT_ROWS.map((row) => [row.key, row]));
export const annualReportRow = (key: string): AnnualReportRow | undefined => rowsByKey.get(key);

/** The Chinese name of a row (`outcomes.refused.stateSecret` → 不予公开—属于国家秘密); unknown keys as they are. */
export const annualReportRowName = (key: string): string => rowsByKey.get(key)?.name ?? key;

// Issues inside a report name its rows and columns in the template's wording (in every UI
// language, like the report's tables): `…/outcomes/refused/stateSecret/natural` reads
// 本年度办理结果 · 不予公开 · 属于国家秘密 · 自然人.
registerFieldLabels({
  ...Object.fromEntries(ANNUAL_REPORT_ROWS.map((row) => [row.path.slice(-2).join('>'), () => row.name.split('—').pop()!])),
  ...Object.fromEntries(Object.entries(ANNUAL_REPORT_COLUMNS).map(([column, label]) => [column, () => label])),
  ...Object.fromEntries(REVIEW_KINDS.flatMap((kind) => CASE_COLUMNS.map((column) => [`${kind}>${column}`, () => CASE_COLUMN_LABELS[column]]))),
});

/** The rows of the 收到和处理 table (not the 复议/诉讼 rows). */
export const REQUEST_ROWS: readonly AnnualReportRow[] = ANNUAL_REPORT_ROWS.filter((row) => row.path[0] === 'requests');
/** The rows that add up to 办理结果总计. */
export const OUTCOME_ROWS: readonly AnnualReportRow[] = REQUEST_ROWS.filter((row) => row.outcome);

/** The value at a row's path, or undefined when the report leaves it out. */
export function cellsAt(report: AnnualReportBlock, row: AnnualReportRow): RequestCells | undefined {
  let node: unknown = report;
  for (const segment of row.path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node && typeof node === 'object' ? (node as RequestCells) : undefined;
}

/** Whether a row is broken down by applicant (any applicant column is filled). */
export const hasApplicantColumns = (cells: RequestCells | undefined): boolean => !!cells && APPLICANT_COLUMNS.some((column) => cells[column] !== undefined);

/** One column of a row; a missing cell counts 0 (the template has no blank cells). */
export const cell = (cells: RequestCells | undefined, column: ReportColumn): number => cells?.[column] ?? 0;

/** Sum of the applicant columns of a row. */
export const applicantSum = (cells: RequestCells): number => APPLICANT_COLUMNS.reduce((sum, column) => sum + cell(cells, column), 0);

/** Sum of one column over the outcome rows (（一）…（六）), without （七）总计. */
export function outcomeSum(report: AnnualReportBlock, column: ReportColumn): number {
  return OUTCOME_ROWS.reduce((sum, row) => sum + cell(cellsAt(report, row), column), 0);
}

/** 办理结果总计 of one column: the 总计 row when given, else the sum of the outcome rows. */
export function handled(report: AnnualReportBlock, column: ReportColumn = 'total'): number {
  const total = report.requests.outcomes.total;
  return total ? cell(total, column) : outcomeSum(report, column);
}

/**
 * The columns that can be checked or shown across some rows: 总计 always; the
 * applicant columns when the rows are broken down by applicant (at least one
 * is, and every row with a non-zero 总计 is).
 */
export function columnsOf(rows: readonly (RequestCells | undefined)[]): ReportColumn[] {
  const present = rows.filter((r): r is RequestCells => !!r);
  const broken = present.some(hasApplicantColumns) && present.every((r) => r.total === 0 || hasApplicantColumns(r));
  return broken ? [...APPLICANT_COLUMNS, 'total'] : ['total'];
}

/** `part` as a percentage of `whole`, one decimal: 14.3. */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);

/** The six outcome categories of the template, as the bar chart shows them. */
export const OUTCOME_CATEGORIES: readonly { key: string; label: string }[] = [
  { key: 'disclosed', label: '予以公开' },
  { key: 'partlyDisclosed', label: '部分公开' },
  { key: 'refused', label: '不予公开' },
  { key: 'unavailable', label: '无法提供' },
  { key: 'notHandled', label: '不予处理' },
  { key: 'other', label: '其他处理' },
];

/** 总计 of one outcome category (a row, or the sum of a group's items). */
export function outcomeCategoryTotal(report: AnnualReportBlock, key: string): number {
  return OUTCOME_ROWS.filter((row) => row.path[2] === key).reduce((sum, row) => sum + cell(cellsAt(report, row), 'total'), 0);
}

const UNIT = '件';

function figures(report: AnnualReportBlock): FiguresBlock {
  const { requests, review } = report;
  const done = handled(report);
  const items: FiguresBlock['items'] = [{ value: requests.received.total, unit: UNIT, label: '本年新收政府信息公开申请' }];
  if (done > 0) {
    const open = outcomeCategoryTotal(report, 'disclosed') + outcomeCategoryTotal(report, 'partlyDisclosed');
    items.push({ value: percent(open, done), unit: '%', label: '予以公开和部分公开占本年度办理结果' });
  }
  items.push({ value: requests.carriedOver.total, unit: UNIT, label: '结转下年度继续办理' });
  if (review?.reconsideration) items.push({ value: review.reconsideration.total, unit: UNIT, label: '政府信息公开行政复议' });
  const suits = [review?.litigationDirect, review?.litigationAfterReconsideration].filter((c): c is CaseOutcomes => !!c);
  if (suits.length) items.push({ value: suits.reduce((sum, c) => sum + c.total, 0), unit: UNIT, label: '政府信息公开行政诉讼' });
  // The report's own title heads the whole group (the element shows it), so not repeated here.
  return { type: 'figures', title: `${report.year}年主要数据`, items };
}

function outcomesChart(report: AnnualReportBlock): ChartBlock | undefined {
  const values = OUTCOME_CATEGORIES.map((c) => outcomeCategoryTotal(report, c.key));
  if (values.every((v) => v === 0)) return undefined;
  const done = handled(report);
  const open = values[0] + values[1];
  const top = values.indexOf(Math.max(...values));
  const takeaway =
    `本年新收申请${report.requests.received.total}${UNIT}，本年度办理${done}${UNIT}，` +
    `其中予以公开和部分公开的占${percent(open, done)}%，最多的办理结果是“${OUTCOME_CATEGORIES[top].label}”（${values[top]}${UNIT}）。`;
  return {
    type: 'chart',
    title: `${report.year}年政府信息公开申请办理结果`,
    chart: 'bar',
    orientation: 'horizontal',
    categories: OUTCOME_CATEGORIES.map((c) => c.label),
    series: [{ name: '申请件数', values }],
    unit: UNIT,
    takeaway,
    source: `${report.year}年政府信息公开工作年度报告`,
  };
}

function applicantsChart(report: AnnualReportBlock): ChartBlock | undefined {
  const received = report.requests.received;
  if (!hasApplicantColumns(received) || received.total <= 0) return undefined;
  const slices = APPLICANT_COLUMNS.map((column) => ({ label: ANNUAL_REPORT_COLUMNS[column], value: cell(received, column) })).filter((s) => s.value > 0);
  if (!slices.length) return undefined;
  const top = slices.reduce((best, s) => (s.value > best.value ? s : best));
  const all = slices.reduce((sum, s) => sum + s.value, 0);
  return {
    type: 'chart',
    title: `${report.year}年新收申请的申请人类型`,
    chart: 'pie',
    categories: slices.map((s) => s.label),
    series: [{ name: '申请件数', values: slices.map((s) => s.value) }],
    unit: UNIT,
    takeaway: `本年新收申请中，${top.label}提出的最多，共${top.value}${UNIT}，占${percent(top.value, all)}%。`,
    source: `${report.year}年政府信息公开工作年度报告`,
  };
}

/**
 * 第二部分 主动公开政府信息情况, as the template splits it: documents (制发/废止/现行有效),
 * decisions (行政许可/处罚/强制: 本年处理决定数量) and fees (行政事业性收费: 本年收费金额).
 */
function proactiveTables(report: AnnualReportBlock): InfographicTableBlock[] {
  const items = report.proactive ?? [];
  const documents = items.filter((p) => p.made !== undefined || p.abolished !== undefined || p.current !== undefined);
  const decisions = items.filter((p) => p.decisions !== undefined);
  const fees = items.filter((p) => p.feesAmount !== undefined);
  const tables: InfographicTableBlock[] = [];
  if (documents.length) {
    tables.push({
      type: 'table',
      title: '主动公开政府信息情况',
      head: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      rows: documents.map((p) => [p.item, p.made ?? '', p.abolished ?? '', p.current ?? '']),
    });
  }
  if (decisions.length) {
    tables.push({ type: 'table', title: '行政许可、行政处罚、行政强制', head: ['信息内容', '本年处理决定数量'], rows: decisions.map((p) => [p.item, p.decisions!]) });
  }
  if (fees.length) {
    tables.push({ type: 'table', title: '行政事业性收费', head: ['信息内容', '本年收费金额（万元）'], rows: fees.map((p) => [p.item, p.feesAmount!]) });
  }
  return tables;
}

function requestsTable(report: AnnualReportBlock): InfographicTableBlock {
  const broken = REQUEST_ROWS.some((row) => hasApplicantColumns(cellsAt(report, row)));
  const columns: ReportColumn[] = broken ? [...APPLICANT_COLUMNS, 'total'] : ['total'];
  const rows = REQUEST_ROWS.map((row) => {
    const cells = cellsAt(report, row);
    const values = columns.map((column): string | number => {
      if (row.group) return '';
      if (row.key === 'outcomes.total' && !cells) return outcomeSum(report, column);
      // A row that is given without applicant columns: those cells are unknown, not 0.
      if (cells && column !== 'total' && !hasApplicantColumns(cells)) return '';
      return cell(cells, column);
    });
    return [row.heading, ...values];
  });
  const applicants = columns.length > 1 ? '申请人情况：自然人；法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。' : '';
  return {
    type: 'table',
    title: '收到和处理政府信息公开申请情况',
    caption: `${applicants}数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。`,
    head: ['项目', ...columns.map((column) => ANNUAL_REPORT_COLUMNS[column])],
    rows,
  };
}

function reviewTable(report: AnnualReportBlock): InfographicTableBlock | undefined {
  const review = report.review ?? {};
  const rows = ANNUAL_REPORT_ROWS.filter((row) => row.path[0] === 'review' && review[row.path[1] as ReviewKind]).map((row) => {
    const outcomes = review[row.path[1] as ReviewKind]!;
    const detailed = CASE_COLUMNS.some((column) => column !== 'total' && outcomes[column] !== undefined);
    return [row.heading, ...CASE_COLUMNS.map((column) => (column === 'total' ? outcomes.total : detailed ? (outcomes[column] ?? 0) : ''))];
  });
  if (!rows.length) return undefined;
  return {
    type: 'table',
    title: '政府信息公开行政复议、行政诉讼情况',
    head: ['类别', ...CASE_COLUMNS.map((column) => CASE_COLUMN_LABELS[column])],
    rows,
  };
}

/**
 * The statistics of an annual-report block as ordinary blocks, in reading
 * order: key figures, the outcomes chart, the applicants chart, then the
 * template's tables (主动公开, 收到和处理, 复议/诉讼). Only the blocks the data
 * supports: no pie without applicant columns, no chart when nothing was
 * handled, no 复议/诉讼 table without review figures.
 */
export function annualReportBlocks(report: AnnualReportBlock): InfographicBlock[] {
  const blocks: (InfographicBlock | undefined)[] = [
    figures(report),
    outcomesChart(report),
    applicantsChart(report),
    ...proactiveTables(report),
    requestsTable(report),
    reviewTable(report),
  ];
  return blocks.filter((b): b is InfographicBlock => !!b);
}
