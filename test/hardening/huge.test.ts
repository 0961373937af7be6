// Huge inputs (issue 13), structure only — no timed assertions (the figures are scripts/bench-huge.mjs's): unreasonable
// data gives the error state naming the path and the limit; very large but reasonable data (a 200,000-character
// regulation, a 5,000-clause comparison, 100,000 directory entries) still renders.
import { expect } from '@open-wc/testing';
import { $, $$, text, until } from '../../src/test-support/helpers.js';
import type { ZwElement } from '../../src/base/zw-element.js';
import type { LocalizedIssue } from '../../src/schema/issues.js';
import { sample } from '../../src/test-support/samples.js';
import { fullInfographic, outcomesChart } from '../../src/test-support/infographic-fixture.js';
import { fullInterpretation } from '../../src/test-support/interpretation-fixture.js';
import { comparisonSamples } from '../../src/test-support/comparison-fixture.js';
import { generateComparison } from '../../src/test-support/comparison-generator.js';
import { longRegulation, bodyTextLength } from '../../src/test-support/reader-fixture.js';
import '../../src/components/policy-card/policy-card.js';
import '../../src/components/interpretation/interpretation.js';
import '../../src/components/infographic/infographic.js';
import '../../src/components/policy-compare/policy-compare.js';
import '../../src/components/disclosure-directory/disclosure-directory.js';
import '../../src/components/reader/reader.js';

type Element = ZwElement<never> & HTMLElement;
const MEGABYTE = 1_048_576;
const megabyte = '为贯彻落实省政府办公厅《2019年山东省政务公开要点》，扎实推动政务公开工作。'.repeat(MEGABYTE / 32).slice(0, MEGABYTE);
const GENERATOR = '/scripts/directory-generator.mjs';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

/** Puts `<tag preview>` with `data` into the page and waits for zw-load or zw-error (the outcome and its issues). */
async function outcomeOf(tag: string, data: unknown, timeout = 20_000): Promise<{ el: Element; event: 'zw-load' | 'zw-error'; errors: LocalizedIssue[] }> {
  const el = document.createElement(tag) as Element;
  el.setAttribute('preview', '');
  if (tag === 'zw-reader') el.setAttribute('no-remember', '');
  let outcome: { event: 'zw-load' | 'zw-error'; errors: LocalizedIssue[] } | undefined;
  el.addEventListener('zw-load', () => (outcome ??= { event: 'zw-load', errors: [] }));
  el.addEventListener('zw-error', (e) => (outcome ??= { event: 'zw-error', errors: (e as CustomEvent<{ errors: LocalizedIssue[] }>).detail.errors }));
  (el as unknown as { data: unknown }).data = data;
  document.body.append(el);
  mounted.push(el);
  const got = await until(() => outcome, `${tag}: zw-load or zw-error`, timeout);
  return { el, event: got!.event, errors: got!.errors };
}

describe('huge inputs: a megabyte in one field is refused, naming the field and the limit', () => {
  const paragraph = { type: 'paragraph', text: megabyte };
  const cases: [string, string, () => unknown, string, RegExp][] = [
    ['a policy summary', 'zw-policy-card', () => sample('shandong', { summary: megabyte }), '/summary', /「内容概述」有 1,048,576 个字，超过上限 5,000 个字/],
    [
      'an interpretation paragraph',
      'zw-interpretation',
      () => ({ ...fullInterpretation(), background: [paragraph] }),
      '/background/0/text',
      /有 1,048,576 个字，超过上限 50,000 个字/,
    ],
    [
      'a comparison clause',
      'zw-policy-compare',
      () => {
        const doc = structuredClone(comparisonSamples.clauseList);
        doc.versions[1].clauses![0].text = megabyte;
        return doc;
      },
      '/versions/1/clauses/0/text',
      /有 1,048,576 个字，超过上限 50,000 个字/,
    ],
    ['a reader paragraph', 'zw-reader', () => sample('shandong', { body: [paragraph] }), '/body/0/text', /有 1,048,576 个字，超过上限 50,000 个字/],
    [
      'an infographic chart source',
      'zw-infographic',
      () => fullInfographic({ blocks: [outcomesChart({ source: megabyte })] }),
      '/blocks/0/source',
      /有 1,048,576 个字，超过上限 1,000 个字/,
    ],
  ];
  for (const [what, tag, make, path, message] of cases) {
    it(`${what} (<${tag}>): the error state names ${path} and the limit, and the text is not rendered`, async () => {
      const { el, event, errors } = await outcomeOf(tag, make());
      expect(event).to.equal('zw-error');
      expect(el.getAttribute('state')).to.equal('error');
      const over = errors.find((i) => i.code === 'too-long');
      expect(over, JSON.stringify(errors).slice(0, 500)).to.include({ path });
      expect(over!.message).to.match(message);
      // the preview's issue list says it too, and nothing in the shadow root holds the megabyte
      expect(text(el)).to.match(message);
      expect(el.shadowRoot!.textContent!.length).to.be.below(100_000);
    });
  }
});

describe('huge inputs: a chart with more categories than its kind shows legibly', () => {
  it('5,000 categories in a bar chart: the error names the chart and how many it can show', async () => {
    const categories = Array.from({ length: 5000 }, (_, i) => `类目${i + 1}`);
    const doc = fullInfographic({ blocks: [outcomesChart({ title: '五千个类目', categories, series: [{ name: '件数', values: categories.map((_, i) => i % 97) }] })] });
    const { el, event, errors } = await outcomeOf('zw-infographic', doc);
    expect(event).to.equal('zw-error');
    const over = errors.find((i) => i.code === 'chart-too-many-categories');
    expect(over, JSON.stringify(errors).slice(0, 500)).to.include({ path: '/blocks/0/categories' });
    expect(over!.message).to.match(/有 5,000 项，柱状图最多能清楚显示 60 项/);
    expect(text(el)).to.include('柱状图最多能清楚显示 60 项');
    expect($$(el, 'svg rect, svg path.mark').length, 'no bars drawn').to.be.below(100);
  });
});

describe('huge inputs: large but reasonable data still renders', () => {
  it('a 200,000-character regulation in <zw-reader>', async function () {
    this.timeout(60_000);
    const doc = longRegulation(200_000);
    const { el, event } = await outcomeOf('zw-reader', doc, 30_000);
    expect(event).to.equal('zw-load');
    const expected = bodyTextLength(doc.body);
    await until(() => ($(el, '.content')?.textContent?.length ?? 0) >= expected * 0.98, 'the whole text in the shadow DOM', 30_000);
  });

  it('a 5,000-clause comparison in <zw-policy-compare>', async function () {
    this.timeout(60_000);
    const { el, event, errors } = await outcomeOf('zw-policy-compare', generateComparison({ clauses: 5000, form: 'clauses' }).document, 45_000);
    expect(event, JSON.stringify(errors).slice(0, 300)).to.equal('zw-load');
    expect(el.getAttribute('state')).to.equal('ready');
    expect($$(el, '[id^="c-"]').length, 'clause rows').to.be.above(0);
  });

  it('100,000 entries in <zw-disclosure-directory> (local mode)', async function () {
    this.timeout(90_000);
    const directory = (await import(/* @vite-ignore */ GENERATOR)).generateDirectory(100_000);
    const { el, event, errors } = await outcomeOf('zw-disclosure-directory', directory, 60_000);
    expect(event, JSON.stringify(errors).slice(0, 300)).to.equal('zw-load');
    expect(el.getAttribute('state')).to.equal('ready');
    await until(() => $$(el, 'tr[part~="row"], .cards zw-policy-card').length > 0, 'rows of the directory', 30_000);
  });
});
