import '../../schema/infographic.js';
import { registerRules } from '../check.js';
import { issue, type Issue } from '../../schema/issues.js';
import type { AnnualReportBlock, ChartBlock, InfographicDocument, TimelineBlock } from '../../schema/types.generated.js';
import { compareDates, parseIsoDate, type CalendarDate } from '../dates.js';
import {
  ANNUAL_REPORT_COLUMNS,
  OUTCOME_ROWS,
  REQUEST_ROWS,
  REVIEW_KINDS,
  annualReportRow,
  annualReportRowName,
  applicantSum,
  cell,
  cellsAt,
  columnsOf,
  handled,
  hasApplicantColumns,
  outcomeSum,
  type ReportColumn,
} from '../annual-report.js';
import { scrapeDamageIssues } from './scrape-damage.js';

export { annualReportRowName };

const isRound = (chart: ChartBlock['chart']) => chart === 'pie' || chart === 'donut';

/** A chart's data must fit its kind: one value per category, one series for a pie, nothing negative where parts make a whole. */
export function chartRules(block: ChartBlock, at: string): Issue[] {
  const issues: Issue[] = [];
  const expected = block.categories.length;
  block.series.forEach((series, j) => {
    if (series.values.length !== expected) {
      issues.push(issue(`${at}/series/${j}/values`, 'series-length', { expected, actual: series.values.length, series: series.name }));
    }
  });
  if (isRound(block.chart) && block.series.length !== 1) {
    issues.push(issue(`${at}/series`, 'pie-series', { chart: block.chart, actual: block.series.length }));
  }
  // Slices and stacked segments are parts of a whole: a negative part cannot be drawn.
  if (isRound(block.chart) || (block.chart === 'bar' && block.stacking === 'stacked')) {
    block.series.forEach((series, j) => {
      series.values.forEach((value, k) => {
        if (value < 0) {
          issues.push(issue(`${at}/series/${j}/values/${k}`, 'negative-value', { chart: block.chart, series: series.name, category: block.categories[k] ?? String(k + 1), value }));
        }
      });
    });
  }
  const values = block.series.flatMap((s) => s.values);
  if (values.length && values.every((v) => v === 0)) issues.push(issue(`${at}/series`, 'empty-chart', { title: block.title }, 'warning'));
  return issues;
}

/** Dated timeline items should run from earliest to latest; each item is compared with the dated item before it. */
export function timelineRules(block: TimelineBlock, at: string): Issue[] {
  const issues: Issue[] = [];
  let previous: { date: CalendarDate; text: string } | undefined;
  block.items.forEach((item, j) => {
    const date = parseIsoDate(item.date);
    if (!date) return;
    if (previous && compareDates(date, previous.date) < 0) {
      issues.push(issue(`${at}/items/${j}/date`, 'timeline-order', { date: item.date!, previousDate: previous.text }, 'warning'));
    }
    previous = { date, text: item.date! };
  });
  return issues;
}

/**
 * The arithmetic of the annual-report statistics. Each mismatch is a
 * `sum-mismatch` error at the total cell that disagrees, naming the row
 * (`row` key and its Chinese `label`), the column where one is meant, and
 * `basis`, what the cell should add up from:
 * - `applicants`: a row's 总计 = the sum of its applicant columns (when any is filled);
 * - `outcomes`: each column of 办理结果（七）总计 = the sum of the outcome rows;
 * - `balance`: 本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理, column by column
 *   (reported at 结转下年度继续办理, with the three other numbers);
 * - `cases`: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 for 行政复议 and both 行政诉讼.
 * One issue per cell: the first reason found wins.
 */
export function annualReportRules(report: AnnualReportBlock, at: string): Issue[] {
  const issues: Issue[] = [];
  const reported = new Set<string>();
  const mismatch = (rowKey: string, column: ReportColumn | undefined, params: Record<string, string | number>) => {
    const row = annualReportRow(rowKey)!;
    const path = `${at}/${row.path.join('/')}/${column ?? 'total'}`;
    if (reported.has(path)) return;
    reported.add(path);
    const where: Record<string, string> = column ? { column, columnLabel: ANNUAL_REPORT_COLUMNS[column] } : {};
    issues.push(issue(path, 'sum-mismatch', { row: rowKey, label: row.name, ...where, ...params }));
  };

  for (const row of REQUEST_ROWS) {
    const cells = row.group ? undefined : cellsAt(report, row);
    if (!cells || !hasApplicantColumns(cells)) continue;
    const sum = applicantSum(cells);
    if (sum !== cells.total) mismatch(row.key, undefined, { basis: 'applicants', expected: sum, actual: cells.total });
  }

  const { received, previousCarriedOver, outcomes, carriedOver } = report.requests;
  const outcomeCells = OUTCOME_ROWS.map((row) => cellsAt(report, row));
  if (outcomes.total) {
    for (const column of columnsOf([...outcomeCells, outcomes.total])) {
      const expected = outcomeSum(report, column);
      const actual = cell(outcomes.total, column);
      if (expected !== actual) mismatch('outcomes.total', column, { basis: 'outcomes', expected, actual });
    }
  }

  const handledRows = outcomes.total ? [outcomes.total] : outcomeCells;
  for (const column of columnsOf([received, previousCarriedOver, ...handledRows, carriedOver])) {
    const numbers = { received: cell(received, column), previous: cell(previousCarriedOver, column), handled: handled(report, column) };
    const expected = numbers.received + numbers.previous - numbers.handled;
    const actual = cell(carriedOver, column);
    if (expected !== actual) mismatch('carriedOver', column, { basis: 'balance', expected, actual, ...numbers });
  }

  for (const kind of REVIEW_KINDS) {
    const cases = report.review?.[kind];
    if (!cases) continue;
    const parts = [cases.upheld, cases.corrected, cases.other, cases.pending];
    if (parts.every((n) => n === undefined)) continue;
    const expected = parts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
    if (expected !== cases.total) mismatch(`review.${kind}`, undefined, { basis: 'cases', expected, actual: cases.total });
  }
  return issues;
}

/** Checks beyond the schema for an infographic that already passed it: each block's rules, then scrape damage in every text. */
export function infographicRules(doc: InfographicDocument): Issue[] {
  const blockIssues = doc.blocks.flatMap((block, index) => {
    const at = `/blocks/${index}`;
    switch (block.type) {
      case 'chart':
        return chartRules(block, at);
      case 'timeline':
        return timelineRules(block, at);
      case 'annual-report':
        return annualReportRules(block, at);
      default:
        return [];
    }
  });
  return [...blockIssues, ...scrapeDamageIssues(doc)];
}

registerRules('infographic', infographicRules);
