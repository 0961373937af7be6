import { expect } from '@open-wc/testing';
import './rules/infographic.js';
import { checkDocument } from './check.js';
import { ANNUAL_REPORT_ROWS, annualReportBlocks, cellsAt, percent } from './annual-report.js';
import type { AnnualReportBlock, ChartBlock, FiguresBlock, InfographicBlock, InfographicTableBlock } from '../schema/types.generated.js';
import { annualReport, brokenAnnualReport, infographicOf } from '../test-support/annual-report-fixture.js';

const ofType = <T extends InfographicBlock>(blocks: InfographicBlock[], predicate: (b: InfographicBlock) => boolean) => blocks.filter(predicate) as T[];
const charts = (blocks: InfographicBlock[]) => ofType<ChartBlock>(blocks, (b) => b.type === 'chart');
const tables = (blocks: InfographicBlock[]) => ofType<InfographicTableBlock>(blocks, (b) => b.type === 'table');
const figures = (blocks: InfographicBlock[]) => ofType<FiguresBlock>(blocks, (b) => b.type === 'figures')[0];
const tableTitled = (blocks: InfographicBlock[], title: string) => tables(blocks).find((t) => t.title === title);
/** The row of a table whose heading is `heading`, without the heading. */
const rowOf = (table: InfographicTableBlock, heading: string) => table.rows.find((r) => r[0] === heading)?.slice(1);

/** Renders the blocks as a document and checks it: no errors, no warnings. */
const expectValid = (blocks: InfographicBlock[]) => expect(checkDocument('infographic', infographicOf(...blocks)).issues).to.deep.equal([]);

describe('annual report → blocks', () => {
  it("turns the complete report into figures, two charts and the template's five tables, all valid", () => {
    const blocks = annualReportBlocks(annualReport());
    expect(blocks.map((b) => (b.type === 'chart' ? `chart:${b.chart}` : b.type))).to.deep.equal(['figures', 'chart:bar', 'chart:pie', 'table', 'table', 'table', 'table', 'table']);
    expect(tables(blocks).map((t) => t.title)).to.deep.equal([
      '主动公开政府信息情况',
      '行政许可、行政处罚、行政强制',
      '行政事业性收费',
      '收到和处理政府信息公开申请情况',
      '政府信息公开行政复议、行政诉讼情况',
    ]);
    expect(tableTitled(blocks, '行政许可、行政处罚、行政强制')!.rows).to.deep.equal([
      ['行政许可', 1268],
      ['行政处罚', 37],
      ['行政强制', 0],
    ]);
    expect(tableTitled(blocks, '行政事业性收费')!.rows).to.deep.equal([['行政事业性收费', 12.5]]);
    expectValid(blocks);
  });

  it('shows the key figures', () => {
    expect(figures(annualReportBlocks(annualReport())).items).to.deep.equal([
      { value: 36, unit: '件', label: '本年新收政府信息公开申请' },
      { value: 14.3, unit: '%', label: '予以公开和部分公开占本年度办理结果' }, // (3 + 2) / 35
      { value: 2, unit: '件', label: '结转下年度继续办理' },
      { value: 2, unit: '件', label: '政府信息公开行政复议' },
      { value: 1, unit: '件', label: '政府信息公开行政诉讼' },
    ]);
  });

  it('charts the outcomes as horizontal bars with the data’s numbers and a computed takeaway', () => {
    const [bar] = charts(annualReportBlocks(annualReport()));
    expect(bar).to.include({ chart: 'bar', orientation: 'horizontal', unit: '件', title: '2021年政府信息公开申请办理结果' });
    expect(bar.categories).to.deep.equal(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    // 不予公开 = 保护第三方合法权益 1 + 属于四类过程性信息 1; 无法提供 = 17 + 1; 不予处理 = 5 + 1.
    expect(bar.series).to.deep.equal([{ name: '申请件数', values: [3, 2, 2, 18, 6, 4] }]);
    expect(bar.series[0].values.reduce((a, b) => a + b)).to.equal(annualReport().requests.outcomes.total!.total);
    expect(bar.takeaway).to.equal('本年新收申请36件，本年度办理35件，其中予以公开和部分公开的占14.3%，最多的办理结果是“无法提供”（18件）。');
  });

  it('charts the applicants by type, leaving out types with no applications', () => {
    const [, pie] = charts(annualReportBlocks(annualReport()));
    expect(pie.chart).to.equal('pie');
    expect(pie.categories).to.deep.equal(['自然人', '商业企业', '法律服务机构', '其他']);
    expect(pie.series).to.deep.equal([{ name: '申请件数', values: [28, 6, 1, 1] }]);
    expect(pie.takeaway).to.equal('本年新收申请中，自然人提出的最多，共28件，占77.8%。');
  });

  it('tabulates the full 收到和处理 statistics in the template’s order and wording, totals as in the data', () => {
    const report = annualReport();
    const table = tableTitled(annualReportBlocks(report), '收到和处理政府信息公开申请情况')!;
    expect(table.head).to.deep.equal(['项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(table.rows.map((r) => r[0])).to.deep.equal(ANNUAL_REPORT_ROWS.filter((r) => r.path[0] === 'requests').map((r) => r.heading));
    expect(table.rows).to.have.length(30);
    expect(table.rows[0][0]).to.equal('一、本年新收政府信息公开申请数量');
    expect(table.rows[4][0]).to.equal('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(table.rows[8][0]).to.equal('3.危及“三安全一稳定”');
    expect(table.rows[28][0]).to.equal('（七）总计');
    expect(table.rows[29][0]).to.equal('四、结转下年度继续办理');
    // Every row with numbers shows exactly the report's cells.
    for (const row of ANNUAL_REPORT_ROWS.filter((r) => r.path[0] === 'requests' && !r.group)) {
      const cells = cellsAt(report, row)!;
      expect(rowOf(table, row.heading), row.key).to.deep.equal([cells.natural, cells.business, cells.research, cells.social, cells.legal, cells.other, cells.total]);
    }
    expect(rowOf(table, '三、本年度办理结果')).to.deep.equal(['', '', '', '', '', '', '']);
    expect(rowOf(table, '（三）不予公开')).to.deep.equal(['', '', '', '', '', '', '']);
    expect(rowOf(table, '一、本年新收政府信息公开申请数量')!.at(-1)).to.equal(36);
    expect(rowOf(table, '（七）总计')!.at(-1)).to.equal(35);
    expect(table.caption).to.contain('第一项加第二项之和，等于第三项加第四项之和');
  });

  it('tabulates 主动公开 and 复议/诉讼 as given', () => {
    const blocks = annualReportBlocks(annualReport());
    const proactive = tableTitled(blocks, '主动公开政府信息情况')!;
    expect(proactive.head).to.deep.equal(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(proactive.rows).to.deep.equal([
      ['规章', 0, 1, 3],
      ['行政规范性文件', 4, 2, 27],
    ]);
    const review = tableTitled(blocks, '政府信息公开行政复议、行政诉讼情况')!;
    expect(review.head).to.deep.equal(['类别', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(review.rows).to.deep.equal([
      ['行政复议', 1, 0, 0, 1, 2],
      ['行政诉讼（未经复议直接起诉）', 1, 0, 0, 0, 1],
      ['行政诉讼（复议后起诉）', 0, 0, 0, 0, 0],
    ]);
  });

  it('makes only the blocks the data supports', () => {
    const report: AnnualReportBlock = annualReport();
    delete report.proactive;
    delete report.review;
    // 总计 only: no applicant columns, so no applicants chart and a one-column table.
    report.requests = {
      received: { total: 5 },
      outcomes: { disclosed: { total: 3 }, unavailable: { notHeld: { total: 1 } } },
      carriedOver: { total: 1 },
    };
    const blocks = annualReportBlocks(report);
    expect(blocks.map((b) => (b.type === 'chart' ? `chart:${b.chart}` : b.type))).to.deep.equal(['figures', 'chart:bar', 'table']);
    expect(figures(blocks).items.map((i) => [i.label, i.value])).to.deep.equal([
      ['本年新收政府信息公开申请', 5],
      ['予以公开和部分公开占本年度办理结果', 75],
      ['结转下年度继续办理', 1],
    ]);
    const [table] = tables(blocks);
    expect(table.head).to.deep.equal(['项目', '总计']);
    expect(rowOf(table, '（一）予以公开')).to.deep.equal([3]);
    expect(rowOf(table, '二、上年结转政府信息公开申请数量')).to.deep.equal([0]);
    expect(rowOf(table, '（七）总计')).to.deep.equal([4]); // not given: the sum of the outcome rows
    expectValid(blocks);
    expect(checkDocument('infographic', infographicOf(report)).issues).to.deep.equal([]);
  });

  it('makes no chart of a year with no applications, and leaves unknown cells blank', () => {
    const report: AnnualReportBlock = {
      type: 'annual-report',
      year: 2022,
      requests: {
        received: { natural: 0, total: 0 },
        outcomes: { total: { total: 0 } },
        carriedOver: { total: 0 },
      },
      review: { reconsideration: { total: 0 } },
    };
    const blocks = annualReportBlocks(report);
    expect(blocks.map((b) => b.type)).to.deep.equal(['figures', 'table', 'table']);
    expect(figures(blocks).items.map((i) => i.label)).to.deep.equal(['本年新收政府信息公开申请', '结转下年度继续办理', '政府信息公开行政复议']);
    const [requests, review] = tables(blocks);
    expect(rowOf(requests, '一、本年新收政府信息公开申请数量')).to.deep.equal([0, 0, 0, 0, 0, 0, 0]);
    expect(rowOf(requests, '（七）总计')).to.deep.equal(['', '', '', '', '', '', 0]);
    expect(review.rows).to.deep.equal([['行政复议', '', '', '', '', 0]]);
    expectValid(blocks);
  });

  it('converts a report that does not add up without throwing, showing its numbers as they are', () => {
    const report = brokenAnnualReport();
    const blocks = annualReportBlocks(report);
    expect(checkDocument('infographic', infographicOf(...blocks)).issues.filter((i) => i.severity === 'error')).to.deep.equal([]);
    const table = tableTitled(blocks, '收到和处理政府信息公开申请情况')!;
    expect(rowOf(table, '（一）予以公开')).to.deep.equal([3, 1, 0, 0, 0, 0, 3]);
    expect(charts(blocks)[0].series[0].values[0]).to.equal(3);
  });

  it('rounds percentages to one decimal', () => {
    expect(percent(5, 35)).to.equal(14.3);
    expect(percent(1, 3)).to.equal(33.3);
    expect(percent(2, 2)).to.equal(100);
    expect(percent(1, 0)).to.equal(0);
  });
});
