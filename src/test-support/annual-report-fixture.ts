import type { AnnualReportBlock, InfographicBlock, InfographicDocument } from '../schema/types.generated.js';

type Cells = AnnualReportBlock['requests']['received'];

/** One row of the 收到和处理 table: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 | 总计. */
const row = ([natural, business, research, social, legal, other]: number[], total: number): Cells => ({ natural, business, research, social, legal, other, total });
const zero = () => row([0, 0, 0, 0, 0, 0], 0);

/**
 * A complete, consistent 2021 annual report of a provincial department, in
 * the 国办公开办函〔2021〕30号 template, every cell filled. Numbers in the spirit of
 * seed 002 (安徽省商务厅: 36 applications, most of them for information the
 * department does not hold, some to be handled through other channels):
 *   本年新收 36 + 上年结转 1 = 办理结果总计 35 + 结转下年度 2.
 */
export function annualReport(): AnnualReportBlock {
  return {
    type: 'annual-report',
    title: '2021年政府信息公开工作年度报告',
    year: 2021,
    proactive: [
      { item: '规章', made: 0, abolished: 1, current: 3 },
      { item: '行政规范性文件', made: 4, abolished: 2, current: 27 },
      { item: '行政许可', decisions: 1268 },
      { item: '行政处罚', decisions: 37 },
      { item: '行政强制', decisions: 0 },
      { item: '行政事业性收费', feesAmount: 12.5 },
    ],
    requests: {
      received: row([28, 6, 0, 0, 1, 1], 36),
      previousCarriedOver: row([1, 0, 0, 0, 0, 0], 1),
      outcomes: {
        disclosed: row([2, 1, 0, 0, 0, 0], 3),
        partlyDisclosed: row([1, 1, 0, 0, 0, 0], 2),
        refused: {
          stateSecret: zero(),
          lawProhibits: zero(),
          security: zero(),
          thirdParty: row([0, 1, 0, 0, 0, 0], 1),
          internalAffairs: zero(),
          processInformation: row([1, 0, 0, 0, 0, 0], 1),
          enforcementFiles: zero(),
          administrativeQuery: zero(),
        },
        unavailable: {
          notHeld: row([14, 2, 0, 0, 1, 0], 17),
          needsCreation: zero(),
          unclear: row([1, 0, 0, 0, 0, 0], 1),
        },
        notHandled: {
          complaints: row([5, 0, 0, 0, 0, 0], 5),
          repeated: row([1, 0, 0, 0, 0, 0], 1),
          publications: zero(),
          excessive: zero(),
          confirmation: zero(),
        },
        other: {
          noCorrection: zero(),
          noFee: zero(),
          otherReasons: row([2, 1, 0, 0, 0, 1], 4),
        },
        total: row([27, 6, 0, 0, 1, 1], 35),
      },
      carriedOver: row([2, 0, 0, 0, 0, 0], 2),
    },
    review: {
      reconsideration: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
      litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 },
      litigationAfterReconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
    },
  };
}

/**
 * The same report with the typing slips content staff make. Its errors, in order:
 * - 予以公开: 自然人 typed 3 instead of 2, 总计 left at 3 (the row adds up to 4),
 *   so the outcome rows' 自然人 column adds up to 28, not 27;
 * - 本年新收: one more 自然人 application (29, 总计 37) without touching 结转下年度,
 *   so 本年新收 + 上年结转 − 办理结果总计 is 3 in the 自然人 and 总计 columns, not 2;
 * - 行政复议: 总计 3, but 1 + 0 + 0 + 1 = 2.
 */
export function brokenAnnualReport(): AnnualReportBlock {
  const report = annualReport();
  report.requests.outcomes.disclosed!.natural = 3;
  report.requests.received = row([29, 6, 0, 0, 1, 1], 37);
  report.review!.reconsideration!.total = 3;
  return report;
}

/** An infographic document around some blocks. */
export const infographicOf = (...blocks: InfographicBlock[]): InfographicDocument => ({ type: 'infographic', schemaVersion: 1, title: '2021年政府信息公开工作年度报告', blocks });
