import { expect } from '@open-wc/testing';
import './rules/infographic.js';
import { checkDocument } from './check.js';
import { annualReportRowName } from './rules/infographic.js';
import { ANNUAL_REPORT_ROWS } from './annual-report.js';
import { withLocale } from '../i18n/locale.js';
import type { Issue } from '../schema/issues.js';
import { localizeIssue } from '../schema/messages.js';
import type { AnnualReportBlock, ChartBlock, InfographicBlock, TimelineBlock } from '../schema/types.generated.js';
import { annualReport, brokenAnnualReport, infographicOf } from '../test-support/annual-report-fixture.js';

const chart = (changes: Partial<ChartBlock> = {}): ChartBlock => ({
  type: 'chart',
  title: '申请渠道',
  chart: 'bar',
  categories: ['网络申请', '信函申请'],
  series: [{ name: '件数', values: [35, 1] }],
  takeaway: '36件申请中35件通过网络提交。',
  ...changes,
});

/** The issues of a document whose first block is a note, so the tested block is /blocks/1. */
const issuesOf = (block: InfographicBlock): Issue[] => checkDocument('infographic', infographicOf({ type: 'note', text: '数据来源：年度报告' }, block)).issues;
const zh = (issue: Issue) => withLocale('zh-CN', () => localizeIssue(issue).message);

describe('infographic rules: charts', () => {
  it('accepts well-formed charts of every kind', () => {
    for (const kind of ['bar', 'line', 'pie', 'donut'] as const) expect(issuesOf(chart({ chart: kind })), kind).to.deep.equal([]);
    const twoSeries = chart({
      stacking: 'stacked',
      series: [
        { name: '2020年', values: [30, 2] },
        { name: '2021年', values: [35, 1] },
      ],
    });
    expect(issuesOf(twoSeries)).to.deep.equal([]);
  });

  it('needs as many values in every series as there are categories', () => {
    const block = chart({
      series: [
        { name: '2020年', values: [30, 2] },
        { name: '2021年', values: [35, 1, 0] },
        { name: '2022年', values: [40] },
      ],
    });
    const issues = issuesOf(block);
    expect(issues).to.deep.equal([
      { path: '/blocks/1/series/1/values', code: 'series-length', severity: 'error', params: { expected: 2, actual: 3, series: '2021年' } },
      { path: '/blocks/1/series/2/values', code: 'series-length', severity: 'error', params: { expected: 2, actual: 1, series: '2022年' } },
    ]);
    expect(zh(issues[1])).to.equal('数据系列「2022年」有 1 个数值，但图表有 2 个分类，数值应与分类一一对应');
  });

  it('allows one series only in a pie or donut', () => {
    for (const kind of ['pie', 'donut'] as const) {
      const issues = issuesOf(
        chart({
          chart: kind,
          series: [
            { name: '2020年', values: [30, 2] },
            { name: '2021年', values: [35, 1] },
          ],
        }),
      );
      expect(issues).to.deep.equal([{ path: '/blocks/1/series', code: 'pie-series', severity: 'error', params: { chart: kind, actual: 2 } }]);
      expect(zh(issues[0])).to.equal('饼图、环形图只能有一个数据系列，实际有 2 个');
    }
  });

  it('refuses negative values in pies, donuts and stacked bars, and only there', () => {
    const negative = { series: [{ name: '件数', values: [35, -1] }] };
    for (const changes of [{ chart: 'pie' }, { chart: 'donut' }, { chart: 'bar', stacking: 'stacked' }] as const) {
      const issues = issuesOf(chart({ ...changes, ...negative }));
      expect(issues, changes.chart).to.deep.equal([
        { path: '/blocks/1/series/0/values/1', code: 'negative-value', severity: 'error', params: { chart: changes.chart, series: '件数', category: '信函申请', value: -1 } },
      ]);
    }
    expect(zh(issuesOf(chart({ chart: 'pie', ...negative }))[0])).to.equal('数据系列「件数」中「信函申请」的数值为 -1：饼图、环形图和堆叠柱状图不能有负数');
    // A change from one year to the next may well be negative in a plain bar or line chart.
    for (const changes of [{ chart: 'bar' }, { chart: 'bar', stacking: 'grouped' }, { chart: 'line' }] as const) {
      expect(issuesOf(chart({ ...changes, ...negative })), changes.chart).to.deep.equal([]);
    }
  });

  it('warns about a chart whose values are all zero', () => {
    const issues = issuesOf(
      chart({
        series: [
          { name: '2020年', values: [0, 0] },
          { name: '2021年', values: [0, 0] },
        ],
      }),
    );
    expect(issues).to.deep.equal([{ path: '/blocks/1/series', code: 'empty-chart', severity: 'warning', params: { title: '申请渠道' } }]);
    expect(zh(issues[0])).to.equal('图表「申请渠道」的数值全部为 0，没有可显示的内容');
    // Warnings do not stop the document from being shown.
    expect(checkDocument('infographic', infographicOf(chart({ series: [{ name: '件数', values: [0, 0] }] }))).document).to.not.equal(undefined);
    expect(issuesOf(chart({ series: [{ name: '件数', values: [0, 1] }] }))).to.deep.equal([]);
  });
});

describe('infographic rules: timeline', () => {
  const timeline = (items: TimelineBlock['items']): TimelineBlock => ({ type: 'timeline', title: '工作进度', items });

  it('accepts dated items in order, undated items anywhere', () => {
    const block = timeline([
      { when: '2021-07-23', date: '2021-07-23', label: '印发实施方案' },
      { when: '9月底前', label: '完成自查' },
      { when: '2021-07-23', date: '2021-07-23', label: '召开部署会' },
      { when: '2021年底', date: '2021-12-31', label: '全面完成' },
    ]);
    expect(issuesOf(block)).to.deep.equal([]);
  });

  it('warns about a dated item earlier than the dated item before it', () => {
    const block = timeline([
      { when: '2021-07-23', date: '2021-07-23', label: '印发实施方案' },
      { when: '2021年底', date: '2021-12-31', label: '全面完成' },
      { when: '9月底前', label: '完成自查' },
      { when: '2021-09-30', date: '2021-09-30', label: '完成自查' },
      { when: '2021-10-31', date: '2021-10-31', label: '组织评估' },
    ]);
    const issues = issuesOf(block);
    expect(issues).to.deep.equal([{ path: '/blocks/1/items/3/date', code: 'timeline-order', severity: 'warning', params: { date: '2021-09-30', previousDate: '2021-12-31' } }]);
    expect(zh(issues[0])).to.equal('时间线的日期 2021-09-30 早于上一个节点的日期 2021-12-31，请按时间先后排列');
  });
});

describe('infographic rules: annual report arithmetic', () => {
  const reportIssues = (report: AnnualReportBlock) => issuesOf(report);

  it('accepts the complete, consistent report', () => {
    expect(reportIssues(annualReport())).to.deep.equal([]);
  });

  it('checks that a row’s applicant columns add up to its 总计, at the 总计 cell', () => {
    const report = annualReport();
    report.requests.outcomes.disclosed!.total = 12;
    report.requests.outcomes.disclosed!.natural = 11; // 11 + 1 = 12: consistent
    report.requests.outcomes.refused!.thirdParty!.total = 2; // 0 + 1 ≠ 2
    const issues = reportIssues(report).filter((i) => i.params?.basis === 'applicants');
    expect(issues).to.deep.equal([
      {
        path: '/blocks/1/requests/outcomes/refused/thirdParty/total',
        code: 'sum-mismatch',
        severity: 'error',
        params: { row: 'outcomes.refused.thirdParty', label: '不予公开—保护第三方合法权益', basis: 'applicants', expected: 1, actual: 2 },
      },
    ]);
    expect(zh(issues[0])).to.equal('「不予公开—保护第三方合法权益」一行的合计应为 1，实际填写 2');
  });

  it('checks every row of the 收到和处理 table, not only the outcome rows', () => {
    for (const row of ANNUAL_REPORT_ROWS.filter((r) => r.path[0] === 'requests' && !r.group)) {
      const report = annualReport();
      let cells: Record<string, unknown> = report as unknown as Record<string, unknown>;
      for (const segment of row.path) cells = cells[segment] as Record<string, unknown>;
      cells.research = 1; // one more application in one column, 总计 unchanged
      const first = reportIssues(report)[0];
      expect(first, row.key).to.deep.include({ path: `/blocks/1/${row.path.join('/')}/total`, code: 'sum-mismatch', severity: 'error' });
      expect(first.params, row.key).to.include({ row: row.key, label: row.name, basis: 'applicants', actual: cells.total as number, expected: (cells.total as number) + 1 });
    }
  });

  it('does not check the columns of a row given only as a 总计', () => {
    const report = annualReport();
    report.requests.outcomes.refused!.thirdParty = { total: 1 };
    expect(reportIssues(report)).to.deep.equal([]);
  });

  it('checks each column of 办理结果总计 against the sum of the outcome rows', () => {
    const report = annualReport();
    report.requests.outcomes.total = { natural: 28, business: 6, research: 0, social: 0, legal: 1, other: 0, total: 35 };
    const issues = reportIssues(report).filter((i) => i.params?.basis === 'outcomes');
    expect(issues).to.deep.equal([
      {
        path: '/blocks/1/requests/outcomes/total/natural',
        code: 'sum-mismatch',
        severity: 'error',
        params: { row: 'outcomes.total', label: '办理结果总计', column: 'natural', columnLabel: '自然人', basis: 'outcomes', expected: 27, actual: 28 },
      },
      {
        path: '/blocks/1/requests/outcomes/total/other',
        code: 'sum-mismatch',
        severity: 'error',
        params: { row: 'outcomes.total', label: '办理结果总计', column: 'other', columnLabel: '其他', basis: 'outcomes', expected: 1, actual: 0 },
      },
    ]);
    expect(zh(issues[0])).to.equal('「办理结果总计」一行「自然人」一列应为各项办理结果之和 27，实际填写 28');
  });

  it('checks 本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理 in every column', () => {
    const report = annualReport();
    report.requests.carriedOver = { natural: 1, business: 1, research: 0, social: 0, legal: 0, other: 0, total: 2 };
    const issues = reportIssues(report);
    expect(issues).to.deep.equal([
      {
        path: '/blocks/1/requests/carriedOver/natural',
        code: 'sum-mismatch',
        severity: 'error',
        params: {
          row: 'carriedOver',
          label: '结转下年度继续办理',
          column: 'natural',
          columnLabel: '自然人',
          basis: 'balance',
          expected: 2,
          actual: 1,
          received: 28,
          previous: 1,
          handled: 27,
        },
      },
      {
        path: '/blocks/1/requests/carriedOver/business',
        code: 'sum-mismatch',
        severity: 'error',
        params: {
          row: 'carriedOver',
          label: '结转下年度继续办理',
          column: 'business',
          columnLabel: '商业企业',
          basis: 'balance',
          expected: 0,
          actual: 1,
          received: 6,
          previous: 0,
          handled: 6,
        },
      },
    ]);
    expect(zh(issues[0])).to.equal('「结转下年度继续办理」一行「自然人」一列应为 2（本年新收 28 + 上年结转 1 − 办理结果总计 27），实际填写 1');
  });

  it('counts a missing 上年结转 as 0 and, without a 总计 row, sums the outcome rows', () => {
    const report = annualReport();
    delete report.requests.previousCarriedOver;
    delete report.requests.outcomes.total;
    const issues = reportIssues(report);
    expect(issues.map((i) => [i.path, i.params?.expected, i.params?.actual])).to.deep.equal([
      ['/blocks/1/requests/carriedOver/natural', 1, 2],
      ['/blocks/1/requests/carriedOver/total', 1, 2],
    ]);
    expect(issues[1].params).to.include({ received: 36, previous: 0, handled: 35 });
  });

  it('checks reports given as 总计 only, without applicant columns', () => {
    const totalsOnly = (report: AnnualReportBlock): AnnualReportBlock =>
      JSON.parse(
        JSON.stringify(report, (key, value) =>
          ['natural', 'business', 'research', 'social', 'legal'].includes(key) || (key === 'other' && typeof value === 'number') ? undefined : value,
        ),
      );
    const report = totalsOnly(annualReport());
    expect(report.requests.received).to.deep.equal({ total: 36 });
    expect(reportIssues(report)).to.deep.equal([]);
    report.requests.outcomes.disclosed!.total = 4;
    expect(reportIssues(report).map((i) => `${i.path} ${i.params?.basis} ${i.params?.expected} ${i.params?.actual}`)).to.deep.equal([
      '/blocks/1/requests/outcomes/total/total outcomes 36 35',
    ]);
  });

  it('checks 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计 for 行政复议 and both 行政诉讼', () => {
    const report = annualReport();
    report.review!.litigationDirect!.total = 2;
    report.review!.litigationAfterReconsideration = { corrected: 1, total: 0 };
    const issues = reportIssues(report);
    expect(issues).to.deep.equal([
      {
        path: '/blocks/1/review/litigationDirect/total',
        code: 'sum-mismatch',
        severity: 'error',
        params: { row: 'review.litigationDirect', label: '行政诉讼（未经复议直接起诉）', basis: 'cases', expected: 1, actual: 2 },
      },
      {
        path: '/blocks/1/review/litigationAfterReconsideration/total',
        code: 'sum-mismatch',
        severity: 'error',
        params: { row: 'review.litigationAfterReconsideration', label: '行政诉讼（复议后起诉）', basis: 'cases', expected: 1, actual: 0 },
      },
    ]);
    expect(zh(issues[0])).to.equal('「行政诉讼（未经复议直接起诉）」的总计应为 1（结果维持 + 结果纠正 + 其他结果 + 尚未审结），实际填写 2');
    // Only a 总计: nothing to add up.
    report.review = { reconsideration: { total: 4 } };
    expect(reportIssues(report)).to.deep.equal([]);
  });

  it('reports every slip of the broken report once, at its cell, and still shows the document', () => {
    const result = checkDocument('infographic', infographicOf(brokenAnnualReport()));
    expect(result.issues.map((i) => [i.path, i.code, i.severity, i.params?.basis, i.params?.column ?? '', i.params?.expected, i.params?.actual])).to.deep.equal([
      ['/blocks/0/requests/outcomes/disclosed/total', 'sum-mismatch', 'error', 'applicants', '', 4, 3],
      ['/blocks/0/requests/outcomes/total/natural', 'sum-mismatch', 'error', 'outcomes', 'natural', 28, 27],
      ['/blocks/0/requests/carriedOver/natural', 'sum-mismatch', 'error', 'balance', 'natural', 3, 2],
      ['/blocks/0/requests/carriedOver/total', 'sum-mismatch', 'error', 'balance', 'total', 3, 2],
      ['/blocks/0/review/reconsideration/total', 'sum-mismatch', 'error', 'cases', '', 2, 3],
    ]);
    expect(zh(result.issues[0])).to.equal('「予以公开」一行的合计应为 4，实际填写 3');
    expect(zh(result.issues[3])).to.equal('「结转下年度继续办理」一行「总计」一列应为 3（本年新收 37 + 上年结转 1 − 办理结果总计 35），实际填写 2');
    // Well-formed data with wrong sums is shown as it is, under the error list.
    expect(result.document).to.equal(undefined);
    expect(result.partial).to.deep.equal(infographicOf(brokenAnnualReport()));
  });

  it('names every row in Chinese, as the template does', () => {
    expect(annualReportRowName('received')).to.equal('本年新收政府信息公开申请数量');
    expect(annualReportRowName('outcomes.partlyDisclosed')).to.equal('部分公开');
    expect(annualReportRowName('outcomes.refused.security')).to.equal('不予公开—危及“三安全一稳定”');
    expect(annualReportRowName('outcomes.other.otherReasons')).to.equal('其他处理—其他');
    expect(annualReportRowName('outcomes.total')).to.equal('办理结果总计');
    expect(annualReportRowName('review.reconsideration')).to.equal('行政复议');
    expect(annualReportRowName('no.such.row')).to.equal('no.such.row');
    const keys = ANNUAL_REPORT_ROWS.map((r) => r.key);
    expect(new Set(keys).size).to.equal(keys.length);
  });
});
