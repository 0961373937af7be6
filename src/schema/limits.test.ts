// The huge-input limits (issue 13): each field's maxLength / maxItems and each chart kind's legibility limit — at the
// limit the document is valid, one over gives the issue at the field's path with a message naming the field and the
// limit — and every sample and generated fixture stays valid (a limit must never refuse real data).
import { expect } from '@open-wc/testing';
import '../core/rules/all.js';
import { checkDocument } from '../core/check.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import { sample, samples } from '../test-support/samples.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';
import { fullInfographic, outcomesChart } from '../test-support/infographic-fixture.js';
import { comparisonSamples } from '../test-support/comparison-fixture.js';
import { generateComparison } from '../test-support/comparison-generator.js';
import { longRegulation } from '../test-support/reader-fixture.js';
import type { Issue } from './issues.js';
import { localizeIssue } from './messages.js';
import type { DocumentKind } from './validate.js';
import directorySchema from './directory.schema.json' with { type: 'json' };

const errorsOf = (kind: DocumentKind, data: unknown) => checkDocument(kind, data).issues.filter((i) => i.severity === 'error');
const zh = (issue: Issue, kind: DocumentKind) => withLocale('zh-CN', () => localizeIssue(issue, kind).message);
const GENERATOR = '/scripts/directory-generator.mjs';
const generateDirectory = async (count: number): Promise<Record<string, unknown>> => (await import(/* @vite-ignore */ GENERATOR)).generateDirectory(count);

/** Real prose, `n` characters long (what a CMS field holds; not one repeated letter). */
const prose = (n: number) => '为贯彻落实省政府办公厅《2019年山东省政务公开要点》，扎实推动政务公开工作。'.repeat(Math.ceil(n / 38)).slice(0, n);

/** Sets the value at a JSON Pointer in a copy of `doc`. */
function withValue(doc: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const segments = path.split('/').slice(1);
  let node = copy as Record<string, unknown>;
  for (const s of segments.slice(0, -1)) node = node[s] as Record<string, unknown>;
  node[segments.at(-1)!] = value;
  return copy;
}

const policy = () => sample('shandong');
const interpretation = () => fullInterpretation();
const comparison = () => structuredClone(comparisonSamples.clauseList) as unknown as Record<string, unknown>;
const infographic = () => fullInfographic({ blocks: [outcomesChart()] }) as unknown as Record<string, unknown>;

/** [kind, document, path, limit, the field's name in the message] — text limits (characters). */
const TEXT_LIMITS: [DocumentKind, () => unknown, string, number, string][] = [
  ['policy', policy, '/title', 500, '标题'],
  ['policy', policy, '/docNo', 100, '发文字号'],
  ['policy', policy, '/summary', 5000, '内容概述'],
  ['policy', policy, '/issuer/name', 200, '发布机构 · 名称'],
  ['policy', policy, '/keyPoints/0', 2000, '要点'],
  ['policy', () => ({ ...policy(), body: [{ type: 'paragraph', text: 'x' }] }), '/body/0/text', 50_000, '正文'],
  ['interpretation', interpretation, '/title', 500, '标题'],
  ['interpretation', () => ({ ...interpretation(), background: [{ type: 'paragraph', text: 'x' }] }), '/background/0/text', 50_000, '背景依据'],
  ['comparison', comparison, '/versions/1/clauses/0/text', 50_000, '条款内容'],
  ['comparison', comparison, '/description', 5000, '修订说明'],
  ['infographic', infographic, '/blocks/0/source', 1000, '来源'],
  ['infographic', infographic, '/blocks/0/takeaway', 500, '一句话结论'],
  ['infographic', infographic, '/blocks/0/categories/0', 100, '分类'],
];

describe('huge-input limits: text fields', () => {
  before(() => loadLocale('zh-CN'));
  for (const [kind, make, path, limit, label] of TEXT_LIMITS) {
    it(`${kind} ${path}: ${limit.toLocaleString('en')} characters are accepted, one more is refused naming the field and the limit`, () => {
      expect(errorsOf(kind, withValue(make(), path, prose(limit))), 'at the limit').to.deep.equal([]);
      const errors = errorsOf(kind, withValue(make(), path, prose(limit + 1)));
      expect(errors.map((i) => [i.path, i.code])).to.deep.equal([[path, 'too-long']]);
      expect(errors[0].params).to.deep.equal({ length: limit + 1, max: limit });
      const message = zh(errors[0], kind);
      expect(message)
        .to.include(label)
        .and.include(`${(limit + 1).toLocaleString('en')} 个字`)
        .and.include(`上限 ${limit.toLocaleString('en')} 个字`);
    });
  }

  it('a megabyte in a summary: one issue, its length, never a copy of the text', () => {
    const errors = errorsOf('policy', { ...policy(), summary: prose(1_048_576) });
    expect(errors).to.have.length(1);
    expect(zh(errors[0], 'policy')).to.equal('「内容概述」有 1,048,576 个字，超过上限 5,000 个字');
    expect(JSON.stringify(errors).length).to.be.below(300);
  });

  it('a field under both its own limit and the shared text limit reports the tighter one', () => {
    const [error] = errorsOf('policy', { ...policy(), title: prose(60_000) });
    expect(error.params).to.deep.equal({ length: 60_000, max: 500 });
  });
});

describe('huge-input limits: lists', () => {
  const LIST_LIMITS: [DocumentKind, () => unknown, string, number, (i: number) => unknown][] = [
    ['policy', policy, '/keywords', 100, (i) => `关键词${i}`],
    ['policy', policy, '/keyPoints', 100, (i) => `要点${i}`],
    ['policy', policy, '/body', 20_000, (i) => ({ type: 'paragraph', text: `第${i}段` })],
    ['infographic', infographic, '/blocks/0/series', 12, (i) => ({ name: `系列${i}`, values: [1, 2, 3, 4, 5] })],
  ];
  for (const [kind, make, path, limit, item] of LIST_LIMITS) {
    it(`${kind} ${path}: ${limit.toLocaleString('en')} items are accepted, one more is refused`, () => {
      const list = (n: number) => Array.from({ length: n }, (_, i) => item(i));
      expect(errorsOf(kind, withValue(make(), path, list(limit))).filter((i) => i.code === 'too-many-items')).to.deep.equal([]);
      const errors = errorsOf(kind, withValue(make(), path, list(limit + 1)));
      const over = errors.find((i) => i.code === 'too-many-items');
      expect(over, JSON.stringify(errors)).to.include({ path });
      expect(over!.params).to.deep.equal({ count: limit + 1, max: limit });
      expect(zh(over!, kind)).to.include(`有 ${(limit + 1).toLocaleString('en')} 项，超过上限 ${limit.toLocaleString('en')} 项`);
    });
  }

  it('directory entries: the limit leaves room for 100,000+ in local mode (the element renders 100,000: test/hardening/huge.test.ts)', async () => {
    // the full validator on 200,000 entries takes a minute; the element checks entries one by one, as it needs them
    expect(directorySchema.properties.entries.maxItems).to.equal(200_000);
    expect(errorsOf('directory', await generateDirectory(1000))).to.deep.equal([]);
  });
});

describe('huge-input limits: how many categories a chart shows legibly', () => {
  const LEGIBLE: [string, number, string][] = [
    ['bar', 60, '柱状图'],
    ['line', 400, '折线图'],
    ['pie', 12, '饼图'],
    ['donut', 12, '环形图'],
  ];
  const chartOf = (chart: string, n: number) =>
    fullInfographic({
      blocks: [
        outcomesChart({
          chart: chart as 'bar',
          categories: Array.from({ length: n }, (_, i) => `类目${i + 1}`),
          series: [{ name: '件数', values: Array.from({ length: n }, (_, i) => i + 1) }],
        }),
      ],
    });
  for (const [chart, limit, name] of LEGIBLE) {
    it(`${chart}: ${limit} categories are drawn, ${limit + 1} are refused with the chart's kind and limit`, () => {
      expect(errorsOf('infographic', chartOf(chart, limit))).to.deep.equal([]);
      const errors = errorsOf('infographic', chartOf(chart, limit + 1));
      const over = errors.find((i) => i.code === 'chart-too-many-categories');
      expect(over, JSON.stringify(errors)).to.include({ path: '/blocks/0/categories' });
      expect(over!.params).to.deep.equal({ count: limit + 1, max: limit, chart });
      expect(zh(over!, 'infographic')).to.include(`${name}最多能清楚显示 ${limit} 项`);
    });
  }

  it('5,000 categories in a bar chart: the message the issue asks for', () => {
    const over = errorsOf('infographic', chartOf('bar', 5000)).find((i) => i.code === 'chart-too-many-categories')!;
    expect(zh(over, 'infographic')).to.match(/^「第 1 块 · 分类」有 5,000 项，柱状图最多能清楚显示 60 项/);
  });
});

describe('huge-input limits never refuse real data', () => {
  const DEMO = [
    'comparison-000-shandong-commerce',
    'comparison-clause-list',
    'comparison-three-versions',
    'directory-remote',
    'directory-seeds',
    'infographic-002-anhui-2017',
    'infographic-003-guangzhou-deadlines',
    'infographic-004-shanxi-procedure',
    'infographic-annual-report-example',
    'interpretation-000-shandong-commerce-2019',
    'interpretation-004-shanxi-industry-2021',
    'interpretation-late-example',
    'policy-000-shandong-commerce-2019',
    'policy-001-jinan-market-2020',
    'policy-002-anhui-commerce-2017',
    'policy-003-guangzhou-commerce-2021',
    'policy-004-shanxi-industry-2021',
    'reader-000-shandong-2019',
    'reader-003-guangzhou-2021',
  ];
  for (const name of DEMO) {
    it(`demo/data/${name}.json has no limit issue`, async () => {
      const doc = await (await fetch(`/demo/data/${name}.json`)).json();
      const limited = checkDocument(doc.type, doc).issues.filter((i) => ['too-long', 'too-many-items', 'chart-too-many-categories'].includes(i.code));
      expect(limited).to.deep.equal([]);
    });
  }
  it('the seed samples and the fixtures are valid', () => {
    for (const doc of Object.values(samples)) expect(errorsOf('policy', doc)).to.deep.equal([]);
    expect(errorsOf('interpretation', fullInterpretation())).to.deep.equal([]);
    expect(errorsOf('infographic', fullInfographic())).to.deep.equal([]);
    for (const doc of Object.values(comparisonSamples)) expect(errorsOf('comparison', doc)).to.deep.equal([]);
  });
  it('a 200,000-character regulation, and 5,000-clause comparisons as text and as clauses, are valid', function () {
    this.timeout(30_000);
    expect(errorsOf('policy', longRegulation(200_000))).to.deep.equal([]);
    expect(errorsOf('comparison', generateComparison({ clauses: 5000, form: 'text' }).document)).to.deep.equal([]);
    expect(errorsOf('comparison', generateComparison({ clauses: 5000, form: 'clauses' }).document)).to.deep.equal([]);
  });
});
