// The XSS corpus (issue 13) through what re-renders text AFTER the first render: xss.test.ts checks the first render of
// every field; here each vector sits in the text an interaction re-renders (a glossary popover, the FAQ filter, a chart's
// data table and SVG export, every view of a comparison and its 复制对照表, the directory's search highlighting, facets,
// column tree and pager, the reader's 拼音/繁體/text size/contents, a policy card's `highlight`), the interaction is driven
// like a reader drives it, and after each: no tripwire called, no navigation, nothing live in any shadow root, the vector
// shown as text where it should be.
//
// Rotation: a document puts vectors into the fields one interaction re-renders, consecutive vectors in consecutive fields;
// in CI the documents step by the number of fields (every vector through one field of each interaction), nightly by one
// (every vector through every field). A vector the checker refuses in a field (a semantic rule, e.g. scrape damage) is
// left out of that field and counted: the element never renders a refused document's text (xss.test.ts covers that path).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { XSS_VECTORS, liveThings } from './xss-vectors.mjs';
import { assertNothingRan, headCount, trips } from './tripwire.js';
import { getField, setFields, stringFields } from './string-fields.js';
import { checkDocument } from '../../src/core/check.js';
import { checkDirectoryEntry, checkDirectoryShell } from '../../src/core/directory/entries-check.js';
import { compareVersions } from '../../src/core/compare/compare.js';
import { repairScrapedText } from '../../src/core/reader/repair.js';
import { withoutMarkupInvalid } from '../../src/core/markup.js';
import '../../src/core/rules/all.js';
import type { Issue } from '../../src/schema/issues.js';
import type { DocumentKind } from '../../src/schema/validate.js';
import type { ComparisonDocument } from '../../src/schema/types.generated.js';
import { comparisonTable } from '../../src/components/policy-compare/copy-table.js';
import { $, $$, settle, until } from '../../src/test-support/helpers.js';
import '../../src/components/policy-card/policy-card.js';
import '../../src/components/interpretation/interpretation.js';
import '../../src/components/infographic/infographic.js';
import '../../src/components/policy-compare/policy-compare.js';
import '../../src/components/disclosure-directory/disclosure-directory.js';
import '../../src/components/reader/reader.js';
import policy003 from '../../demo/data/policy-003-guangzhou-commerce-2021.json' with { type: 'json' };
import interpretation000 from '../../demo/data/interpretation-000-shandong-commerce-2019.json' with { type: 'json' };
import infographic003 from '../../demo/data/infographic-003-guangzhou-deadlines.json' with { type: 'json' };
import comparisonClauses from '../../demo/data/comparison-clause-list.json' with { type: 'json' };
import directorySeeds from '../../demo/data/directory-seeds.json' with { type: 'json' };

type ZwLike = HTMLElement & { data?: unknown; state: string; updateComplete: Promise<unknown>; issues: { path: string; severity: string; code?: string }[] };
type Json = Record<string, unknown>;
const V = XSS_VECTORS.length;

// ---------------------------------------------------------------------------------------------------------------------------
/** Text of a node and the shadow roots below it, without <style> and ruby annotations (拼音 is added text). */
function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes)
      if (!(child instanceof HTMLStyleElement) && !(child instanceof Element && (child.localName === 'rt' || child.localName === 'rp'))) walk(child);
  };
  walk(node);
  return out;
}
// eslint-disable-next-line no-control-regex
const squash = (s: string) => s.replace(/[\s\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\ufeff\ud800-\udfff]/g, '');
/** The part of a vector that shows it became text, not markup: from its first `<` (or the start), 24 characters. */
const piece = (vector: string) => {
  const s = squash(vector);
  const at = Math.max(0, s.indexOf('<'));
  return s.slice(at, at + 24);
};
const shownAsText = (node: Node, vector: string) => squash(deepText(node)).includes(piece(vector));
const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

// ---------------------------------------------------------------------------------------------------------------------------
// Rotation of the corpus over the fields an interaction re-renders

const errorsOf = (kind: DocumentKind, doc: unknown): Issue[] => {
  if (kind !== 'directory') return checkDocument(kind, doc).issues.filter((i) => i.severity === 'error');
  const shell = checkDirectoryShell(doc).issues.filter((i) => i.severity === 'error');
  if (shell.length) return shell;
  return ((doc as { entries?: unknown[] }).entries ?? []).flatMap((entry, i) => checkDirectoryEntry(entry, i).filter((e) => e.severity === 'error'));
};
const related = (issuePath: string, pointer: string) => issuePath === pointer || pointer.startsWith(`${issuePath}/`) || issuePath.startsWith(`${pointer}/`);

interface Rotation {
  doc: Json;
  /** The vector each field holds in this document (fields whose vector was refused hold a plain filler). */
  values: Map<string, string>;
}
interface RotationOptions {
  /** Builds the document from the field values (default: setFields); for text that must also appear elsewhere. */
  build?: (values: Map<string, string>) => Json;
  /** Where an error about a field may also be reported (its copies placed by `build`). */
  aliases?: (pointer: string) => string[];
}
/**
 * Documents carrying the corpus through `fields` of `base`. CI: consecutive vectors in consecutive fields, a vector refused
 * in one field tried again in the next document's fields (three tries), until every vector was placed; nightly: every
 * vector through every field. Refused pairs are counted in `stats.refused`, the vectors placed at least once in `stats.vectors`.
 */
function rotations(kind: DocumentKind, base: Json, fields: string[], nightly: boolean, stats: Stats, options: RotationOptions = {}): Rotation[] {
  const build = options.build ?? ((values) => setFields(base, values));
  const F = fields.length;
  const paths = (f: string) => [f, ...(options.aliases?.(f) ?? [])];
  const queue = XSS_VECTORS.map((vector) => ({ vector, tries: 0 }));
  const placed = new Set<string>();
  const out: Rotation[] = [];
  for (let d = 0; nightly ? d < V : queue.length; d++) {
    if (d > 4 * V) throw new Error('rotations: no progress');
    const taken = nightly ? [] : queue.splice(0, F);
    const values = new Map(fields.map((f, k) => [f, nightly ? XSS_VECTORS[(d + k) % V] : (taken[k]?.vector ?? `字段${d}乙${k}号`)]));
    const tries = new Map(taken.map((t) => [t.vector, t.tries]));
    for (let round = 0; ; round++) {
      const errors = errorsOf(kind, build(values));
      if (!errors.length) break;
      if (round > 6) throw new Error(`rotation ${d}: still invalid: ${JSON.stringify(errors.slice(0, 5).map((e) => `${e.path} ${e.code}`))}`);
      if (!errors.some((e) => fields.some((f) => paths(f).some((p) => related(e.path, p)))))
        throw new Error(`rotation ${d}: the base document is refused: ${JSON.stringify(errors.slice(0, 5).map((e) => `${e.path} ${e.code}`))}`);
      fields.forEach((f, k) => {
        const v = values.get(f)!;
        if (!isVector(v) || !errors.some((e) => paths(f).some((p) => related(e.path, p)))) return;
        values.set(f, `字段${d}甲${k}号`);
        stats.refused++;
        const t = (tries.get(v) ?? 0) + 1;
        if (!nightly && t < 3) queue.push({ vector: v, tries: t });
      });
    }
    for (const v of values.values()) if (isVector(v)) (placed.add(v), stats.pairs++);
    out.push({ doc: build(values), values });
  }
  stats.vectors = placed.size;
  return out;
}
interface Stats {
  refused: number;
  pairs: number;
  vectors: number;
}
const newStats = (): Stats => ({ refused: 0, pairs: 0, vectors: 0 });
const isVector = (v: string) => !v.startsWith('字段');

/** Sets `data` and waits for the element's own `zw-load` (fails with the issues on `zw-error`). */
async function load(el: ZwLike, doc: unknown, what: string): Promise<void> {
  const outcome = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => finish(() => reject(new Error(`${what}: no zw-load within 10 s (state ${el.state})`))), 10_000);
    const onLoad = (e: Event) => e.composedPath()[0] === el && finish(resolve);
    const onError = (e: Event) =>
      e.composedPath()[0] === el && finish(() => reject(new Error(`${what}: zw-error ${JSON.stringify(el.issues.filter((i) => i.severity === 'error').slice(0, 5))}`)));
    el.addEventListener('zw-load', onLoad);
    el.addEventListener('zw-error', onError);
    function finish(then: () => void) {
      clearTimeout(timer);
      el.removeEventListener('zw-load', onLoad);
      el.removeEventListener('zw-error', onError);
      then();
    }
  });
  el.data = doc;
  await outcome;
  await el.updateComplete;
}

/** Types `text` into an input the way the browser reports typing: its value, then an `input` event. */
function typeInto(input: HTMLInputElement, text: string) {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

// eslint-disable-next-line no-control-regex -- what XML 1.0 cannot hold (core/markup.ts escapeMarkup drops the same)
const XML_INVALID = /[\0-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/u;

/** Everything a parsed export (SVG or the copy table's HTML) must not hold, listed. */
function liveInMarkup(doc: Document): string[] {
  const found = liveThings(doc);
  for (const el of doc.querySelectorAll('*')) if (el.localName === 'foreignObject') found.push('<foreignObject>');
  // liveThings looks for `<script>` by local name; in an SVG document, check the namespace-less name too
  if (doc.getElementsByTagNameNS('*', 'script').length) found.push('<script> (any namespace)');
  return found;
}

async function element<T extends ZwLike>(tag: string, attributes: Record<string, string> = {}, width = 1200): Promise<{ el: T; wrapper: HTMLDivElement; heads: number }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
  wrapper.style.width = `${width}px`; // CSSOM: the wide layouts (table, side by side) unless a test wants narrow
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  await settle(el);
  return { el, wrapper, heads: headCount() };
}

// ---------------------------------------------------------------------------------------------------------------------------
describe('XSS corpus through interactions that re-render text', function () {
  this.timeout(1_800_000);
  let nightly = false;
  const report: string[] = [];

  before(async () => {
    nightly = ((await (await fetch('/__zw/hardening')).json()) as { nightly: boolean }).nightly;
    expect(V).to.be.at.least(220);
    await setViewport({ width: 1280, height: 900 });
  });
  after(() => {
    for (const line of report) console.log(line);
  });
  afterEach(() => {
    trips.length = 0;
  });

  it('<zw-interpretation>: glossary popovers, the FAQ filter, 全部展开', async () => {
    const base = interpretation000 as Json;
    const glossary = (base.glossary as unknown[]).length;
    const faq = (base.faq as unknown[]).length;
    const backgroundLength = (base.background as unknown[]).length;
    const fields = [
      ...Array.from({ length: glossary }, (_, i) => [`/glossary/${i}/term`, `/glossary/${i}/definition`, `/glossary/${i}/source`]).flat(),
      ...Array.from({ length: faq }, (_, i) => [`/faq/${i}/question`, `/faq/${i}/answer`]).flat(),
    ].filter((p) => typeof getField(base, p) === 'string');
    // each term also stands in a paragraph of 出台背景 of its own, so it is marked there and opens its popover
    const termParagraph = (pointer: string) => {
      const m = /^\/glossary\/(\d+)\/term$/.exec(pointer);
      return m ? [`/background/${backgroundLength + Number(m[1])}/text`] : [];
    };
    const build = (values: Map<string, string>) => {
      const doc = setFields(base, values);
      for (let i = 0; i < glossary; i++) (doc.background as unknown[]).push({ type: 'paragraph', text: `参见：${values.get(`/glossary/${i}/term`)}。` });
      return doc;
    };
    const stats = newStats();
    const docs = rotations('interpretation', base, fields, nightly, stats, { build, aliases: termParagraph });
    const { el, wrapper, heads } = await element<ZwLike>('zw-interpretation');
    let popovers = 0;
    let filters = 0;
    for (const [d, { doc, values }] of docs.entries()) {
      const what = (s: string) => `interpretation rotation ${d}: ${s}`;
      await load(el, doc, what('load'));
      await assertNothingRan(wrapper, what('render'), heads);

      // every marked term of 出台背景: click it, its popover shows the term, definition and source as text
      const terms = $$(el, '[data-section="background"] .term');
      for (const term of terms) {
        term.click();
        const popover = (await until(() => term.parentElement!.querySelector<HTMLElement>('.popover'), what(`the popover of ${JSON.stringify(term.textContent)}`)))!;
        const entry = (doc.glossary as { term: string; definition: string; source?: string }[]).find((g) => g.term === term.textContent)!;
        expect(entry, what(`a term as marked: ${JSON.stringify(term.textContent)}`)).to.exist;
        const label = what(`popover of ${JSON.stringify(entry.term)}`);
        await assertNothingRan(wrapper, label, heads);
        expect(squash($(el, '.popover-term').textContent!), label).to.equal(squash(entry.term));
        expect(squash($(el, '.popover-definition').textContent!), label).to.equal(squash(entry.definition));
        if (entry.source) expect(shownAsText(popover, entry.source), `${label}: source`).to.be.true;
        // Escape closes it, as a reader would
        popover.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        await until(() => !term.parentElement!.querySelector('.popover'), what('the popover closed'));
        popovers++;
      }
      // every term placed (a term inside another term's text may be marked there first: then at least the longer one)
      const placed = [...values].filter(([p, v]) => p.endsWith('/term') && isVector(v)).length;
      expect(terms.length, what('terms marked in 出台背景')).to.be.at.least(Math.min(placed, 1));

      // the FAQ filter: each question's own vector typed in; the item shows, the count says so
      const filter = $<HTMLInputElement>(el, '#faq-filter');
      for (let i = 0; i < faq; i++) {
        const question = values.get(`/faq/${i}/question`)!;
        typeInto(filter, question);
        await el.updateComplete;
        const items = $$<HTMLDetailsElement>(el, '.faq-item');
        const label = what(`FAQ filter ${JSON.stringify(question)}`);
        await assertNothingRan(wrapper, label, heads);
        // (an input drops line breaks from what is typed: such a query may not match; the page must still hold)
        if (filter.value === question) expect(items[i].hidden, `${label}: its question shows`).to.be.false;
        expect(shownAsText(items[i], question) || items[i].hidden, label).to.be.true;
        filters++;
      }
      typeInto(filter, '');
      await el.updateComplete;
      // 全部展开: every answer opens (terms in them are marked: re-rendered through termText)
      const expand = $$<HTMLButtonElement>(el, '.faq-tools button').find((b) => b.textContent!.includes('全部展开'))!;
      expand.click();
      await until(() => $$<HTMLDetailsElement>(el, '.faq-item').every((item) => item.open), what('every answer open'));
      await assertNothingRan(wrapper, what('全部展开'), heads);
      for (let i = 0; i < faq; i++) {
        const answer = values.get(`/faq/${i}/answer`)!;
        const item = $$<HTMLDetailsElement>(el, '.faq-item')[i];
        // answers are split at line breaks into paragraphs: compare without them
        expect(squash(deepText(item.querySelector('.answer')!)), what(`answer ${i}`)).to.include(piece(answer.replace(/\n+/g, '')).slice(0, 12));
      }
    }
    report.push(
      `xss-interactions <zw-interpretation>: ${docs.length} documents, ${fields.length} fields, ${stats.pairs} vector-field pairs (${stats.vectors}/${V} vectors placed, ${stats.refused} refused pairs); ${popovers} popovers opened, ${filters} FAQ filters typed, ${docs.length} × 全部展开`,
    );
  });

  it('<zw-infographic>: data tables, the download panel and its SVG', async () => {
    const base = structuredClone(infographic003) as Json;
    const blocks = base.blocks as Json[];
    const chart = blocks.find((b) => b.type === 'chart')!;
    // four charts: more fields per document (bar and line; the bar one horizontal and stacked as the sample)
    blocks.push(
      { ...structuredClone(chart), title: '图二', chart: 'bar', orientation: 'vertical', stacking: 'grouped' },
      { ...structuredClone(chart), title: '图三', chart: 'line', orientation: undefined, stacking: undefined },
    );
    for (const b of blocks) for (const key of Object.keys(b)) if (b[key] === undefined) delete b[key];
    const fields = stringFields(base).filter((p) => {
      const m = /^\/blocks\/(\d+)\/(.*)$/.exec(p);
      return m && blocks[Number(m[1])].type === 'chart' && /^(title|takeaway|unit|source|categories\/\d+|series\/\d+\/name)$/.test(m[2]);
    });
    const stats = newStats();
    const docs = rotations('infographic', base, fields, nightly, stats);
    const { el, wrapper, heads } = await element<ZwLike>('zw-infographic');
    let tables = 0;
    let svgs = 0;
    let malformedExports = 0;
    for (const [d, { doc, values }] of docs.entries()) {
      const what = (s: string) => `infographic rotation ${d}: ${s}`;
      await load(el, doc, what('load'));
      await assertNothingRan(wrapper, what('render'), heads);
      // every chart's 查看数据表: category names, series names and the unit in the table
      for (const toggle of $$<HTMLButtonElement>(el, '.table-toggle')) {
        toggle.click();
        const table = (await until(() => el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)?.querySelector('table'), what('a data table')))!;
        await assertNothingRan(wrapper, what(`table ${toggle.getAttribute('aria-controls')}`), heads);
        tables++;
        const block = toggle.closest('[data-block]')!.getAttribute('data-block')!;
        const index = Number(block.replace(/^b/, ''));
        for (const [pointer, vector] of values) {
          if (!isVector(vector) || !pointer.startsWith(`/blocks/${index}/`) || !/\/(categories\/\d+|series\/\d+\/name|unit|title)$/.test(pointer)) continue;
          expect(shownAsText(table, vector), what(`${pointer} ${JSON.stringify(vector)} in the data table`)).to.be.true;
        }
      }
      // the download panel, opened with its button; SVG of the whole infographic, the download itself stopped
      $<HTMLButtonElement>(el, '.download-toggle').click();
      await until(() => !$(el, '.download-panel').hidden, what('the download panel'));
      const link = await new Promise<HTMLAnchorElement>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(what('no download within 10 s'))), 10_000);
        const onClick = (event: Event) => {
          const a = event.target as HTMLAnchorElement;
          if (a instanceof HTMLAnchorElement && a.download) {
            event.preventDefault();
            clearTimeout(timer);
            document.removeEventListener('click', onClick, true);
            resolve(a);
          }
        };
        document.addEventListener('click', onClick, true);
        $<HTMLButtonElement>(el, '.download-panel [data-format=svg]').click();
      });
      const markup = await (await fetch(link.href)).text();
      const label = what('the exported SVG');
      // (characters XML 1.0 cannot hold break the file: asserted apart below; here they are dropped to look inside)
      if (XML_INVALID.test(markup)) malformedExports++;
      const svg = new DOMParser().parseFromString(withoutMarkupInvalid(markup), 'image/svg+xml');
      expect(svg.querySelector('parsererror')?.textContent ?? null, `${label} is well-formed XML`).to.equal(null);
      expect(svg.documentElement.localName, label).to.equal('svg');
      const live = liveInMarkup(svg);
      if (live.length) throw new Error(`${label}: live things: ${live.join(', ')}`);
      // the tables shown are in the export too: every vector of the charts is text there
      const exported = squash(svg.documentElement.textContent ?? '');
      for (const [pointer, vector] of values) {
        if (!isVector(vector) || !/\/(categories\/\d+|series\/\d+\/name|title)$/.test(pointer)) continue;
        expect(exported, `${label}: ${pointer} ${JSON.stringify(vector)} escaped, shown as text`).to.include(piece(vector));
      }
      svgs++;
      await assertNothingRan(wrapper, label, heads);
      // Escape closes the panel (keyboard)
      $(el, '.download-panel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await until(() => $(el, '.download-panel').hidden, what('the panel closed'));
    }
    report.push(
      `xss-interactions <zw-infographic>: ${docs.length} documents, ${fields.length} chart fields, ${stats.pairs} pairs (${stats.vectors}/${V} vectors placed, ${stats.refused} refused pairs); ${tables} data tables shown, ${svgs} SVG exports parsed, ${malformedExports} of them not well-formed XML (see the next test); the chart has no tooltip or focusable marks`,
    );
  });

  it('<zw-infographic>: the SVG export of chart text holding characters XML cannot hold is well-formed XML', async () => {
    // The chart's <svg> is serialised with XMLSerializer (export.ts, SvgWriter.chart), which writes U+0000, other C0
    // controls and lone surrogates as they are: the file no longer parses, and its PNG (the SVG loaded as an image) fails.
    const vectors = XSS_VECTORS.filter((v) => XML_INVALID.test(v));
    expect(vectors.length, 'the corpus has such vectors').to.be.at.least(1);
    const base = structuredClone(infographic003) as Json;
    const chart = (base.blocks as Json[]).find((b) => b.type === 'chart')!;
    const doc = structuredClone(base);
    const target = (doc.blocks as Json[]).find((b) => b.type === 'chart')!;
    target.categories = vectors.slice(0, 12).map((v, i) => `${i + 1}${v}`);
    target.series = (chart.series as { name: string; values: number[] }[]).map((s) => ({ ...s, values: (target.categories as string[]).map((_, i) => (i % 5) + 1) }));
    expect(errorsOf('infographic', doc), 'the document is valid').to.deep.equal([]);
    const { el, wrapper, heads } = await element<ZwLike & { export(format: 'svg' | 'png'): Promise<Blob | undefined> }>('zw-infographic');
    await load(el, doc, 'XML-invalid characters');
    const stop = (event: Event) => (event.target as HTMLAnchorElement).download && event.preventDefault();
    document.addEventListener('click', stop, true);
    try {
      const blob = (await el.export('svg'))!;
      const markup = await blob.text();
      const bad = [...new Set([...markup].filter((c) => XML_INVALID.test(c)).map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`))];
      const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
      await assertNothingRan(wrapper, 'SVG export', heads);
      expect(bad, 'characters XML 1.0 cannot hold in the exported SVG').to.deep.equal([]);
      expect(parsed.querySelector('parsererror')?.textContent ?? null, 'the exported SVG parses').to.equal(null);
      expect(await el.export('png'), 'the PNG export (the SVG rasterised) works').to.exist;
    } finally {
      document.removeEventListener('click', stop, true);
    }
  });

  it('<zw-policy-compare>: every view, 只看修改, 上一处/下一处, 复制对照表', async () => {
    const base = comparisonClauses as Json;
    const versions = base.versions as { clauses: { text: string }[] }[];
    const fields = stringFields(base).filter((p) => /^\/(title|description|versions\/\d+\/(label|title)|versions\/\d+\/clauses\/\d+\/(heading|text)|notes\/\d+\/text)$/.test(p));
    // a clause's text keeps its original words and gains the vector: old and new stay aligned, their diff runs through the vectors
    const build = (values: Map<string, string>) => {
      const doc = setFields(base, values);
      versions.forEach((version, v) =>
        version.clauses.forEach((clause, c) => {
          const pointer = `/versions/${v}/clauses/${c}/text`;
          ((doc.versions as typeof versions)[v].clauses[c] as { text: string }).text = `${clause.text}${values.get(pointer)}`;
        }),
      );
      return doc;
    };
    const stats = newStats();
    const docs = rotations('comparison', base, fields, nightly, stats, { build });
    const { el, wrapper, heads } = await element<ZwLike & { view?: string; changesOnly: boolean }>('zw-policy-compare');
    let views = 0;
    let tables = 0;
    for (const [d, { doc, values }] of docs.entries()) {
      const what = (s: string) => `comparison rotation ${d}: ${s}`;
      el.removeAttribute('changes-only');
      await load(el, doc, what('load'));
      await assertNothingRan(wrapper, what('render'), heads);
      for (const changesOnly of [false, true]) {
        const box = $<HTMLInputElement>(el, '.controls .toggle input[type=checkbox]');
        if (box.checked !== changesOnly) box.click();
        await until(() => el.changesOnly === changesOnly, what(`只看修改 ${changesOnly}`));
        for (const radio of $$<HTMLInputElement>(el, '.views input[type=radio]')) {
          radio.click();
          await until(
            () => (el as unknown as { activeView: string }).activeView === radio.value && $(el, '[part=rows]').classList.contains(radio.value),
            what(`view ${radio.value}`),
          );
          await el.updateComplete;
          const label = what(`view ${radio.value}${changesOnly ? ', changes only' : ''}`);
          await assertNothingRan(wrapper, label, heads);
          const title = values.get('/title')!;
          if (isVector(title)) expect(shownAsText(el, title), `${label}: the title`).to.be.true;
          views++;
          // 下一处 twice: the rows it unfolds and focuses re-render
          for (let n = 0; n < 2; n++) {
            const next = $<HTMLButtonElement>(el, '.next');
            if (!next || next.disabled) break;
            next.click();
            await el.updateComplete;
            await assertNothingRan(wrapper, `${label}, 下一处 ${n + 1}`, heads);
          }
          // unfold every run of unchanged clauses
          for (const run of $$<HTMLButtonElement>(el, '.run-button')) {
            run.click();
            await el.updateComplete;
          }
          await assertNothingRan(wrapper, `${label}, runs unfolded`, heads);
        }
      }
      // 复制对照表, clicked (the clipboard may refuse in a headless browser: the status says either way)
      const copy = $$<HTMLButtonElement>(el, '.copy button')[0];
      copy.click();
      await until(() => $(el, '.copy-status').textContent!.trim(), what('the copy status'));
      await assertNothingRan(wrapper, what('复制对照表 clicked'), heads);
      // …and the table it copies, built by the same function, parsed in an inert document
      const comparison = compareVersions(doc as unknown as ComparisonDocument);
      const v = doc.versions as { label: string; title?: string }[];
      for (const changesOnly of [false, true]) {
        const table = comparisonTable(
          comparison,
          {
            title: doc.title as string,
            oldLabel: v[comparison.oldIndex].label,
            newLabel: v[comparison.newIndex].label,
            oldTitle: v[comparison.oldIndex].title,
            newTitle: v[comparison.newIndex].title,
          },
          { changesOnly },
        );
        const parsed = new DOMParser().parseFromString(table.html, 'text/html');
        const label = what(`复制对照表 HTML${changesOnly ? ' (changes only)' : ''}`);
        const live = liveInMarkup(parsed);
        if (live.length) throw new Error(`${label}: live things: ${live.join(', ')}`);
        expect(parsed.querySelectorAll('table').length, `${label}: one table, nothing broke out of its cells`).to.equal(1);
        expect(parsed.body.children.length, `${label}: a title paragraph and the table`).to.equal(2);
        for (const [pointer, vector] of values) {
          if (!isVector(vector) || !/^\/(title|versions\/\d+\/(label|title))$/.test(pointer)) continue;
          expect(squash(parsed.body.textContent!), `${label}: ${pointer} ${JSON.stringify(vector)} as text`).to.include(piece(vector.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')));
        }
        tables++;
      }
    }
    report.push(
      `xss-interactions <zw-policy-compare>: ${docs.length} documents, ${fields.length} fields, ${stats.pairs} pairs (${stats.vectors}/${V} vectors placed, ${stats.refused} refused pairs); ${views} view renders (3 views × 只看修改 off/on, 下一处, runs unfolded), ${docs.length} 复制对照表 clicks, ${tables} copy tables parsed`,
    );
  });

  it('<zw-disclosure-directory>: search highlighting, a facet, the column tree, the pager', async () => {
    const base = structuredClone(directorySeeds) as Json & { entries: Json[] };
    const ids = [...new Set(base.entries.flatMap((e) => (e.columns as string[] | undefined) ?? []))].sort();
    base.columns = ids.map((id) => ({ id, name: `栏目${id}` }));
    const fields = stringFields(base).filter((p) => /^\/(columns\/\d+\/name|entries\/\d+\/(title|summary|issuer\/name|category\/topic|keywords\/\d+))$/.test(p));
    const stats = newStats();
    const docs = rotations('directory', base, fields, nightly, stats);
    const { el, wrapper, heads } = await element<ZwLike & { query: string }>('zw-disclosure-directory', { 'url-state': 'off', 'page-size': '10' });
    const searched = (query: string) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no zw-search for ${JSON.stringify(query)} within 5 s`)), 5000);
        el.addEventListener('zw-search', function on(e) {
          clearTimeout(timer);
          el.removeEventListener('zw-search', on);
          resolve((e as unknown as CustomEvent<{ total: number }>).detail.total);
        });
      });
    /** Types the query and presses 搜索 (Enter): the search settles at once, `zw-search` says so. */
    let lastQuery = { text: '', total: 0 };
    const search = async (query: string) => {
      // (a query that trims to the one shown runs no new search, Enter included: no zw-search then)
      if (query.trim() === lastQuery.text) {
        typeInto($<HTMLInputElement>(el, '#q'), query);
        await el.updateComplete;
        return lastQuery.total;
      }
      const total = searched(query);
      typeInto($<HTMLInputElement>(el, '#q'), query);
      $<HTMLButtonElement>(el, 'form[part=search] button[type=submit]').click();
      const n = await total;
      await el.updateComplete;
      lastQuery = { text: query.trim(), total: n };
      return n;
    };
    let queries = 0;
    let found = 0;
    let facets = 0;
    let columns = 0;
    let pages = 0;
    for (const [d, { doc, values }] of docs.entries()) {
      const what = (s: string) => `directory rotation ${d}: ${s}`;
      await load(el, doc, what('load'));
      await assertNothingRan(wrapper, what('render'), heads);
      const titles = [...values].filter(([p, v]) => /\/title$/.test(p) && isVector(v)).map(([, v]) => v);
      const summaries = [...values].filter(([p, v]) => /\/summary$/.test(p) && isVector(v)).map(([, v]) => v);
      // search: the titles' and summaries' vectors typed as queries (matches marked in titles, <mark>)
      for (const query of [...titles, ...summaries]) {
        const n = await search(query);
        const label = what(`search ${JSON.stringify(query)}`);
        await el.updateComplete;
        await assertNothingRan(wrapper, label, heads);
        queries++;
        // the search matches substrings whatever they hold (an input drops line breaks from what is typed)
        // eslint-disable-next-line no-control-regex
        if (!/[\n\r\u0000]/.test(query) && query.trim()) {
          expect(n, `${label}: found`).to.be.at.least(1);
          if (titles.includes(query)) expect(shownAsText($(el, '[part=table]'), query), `${label}: the title shown, marked, as text`).to.be.true;
        }
        if (n) found++;
      }
      await search('');
      // a facet: 发布机构 (names hold vectors), each option in turn for a sample
      const issuer = $<HTMLSelectElement>(el, '#f-issuer');
      const options = [...issuer.options].filter((o) => o.value);
      for (const option of options.filter((_, k) => nightly || k < 3)) {
        const total = searched('');
        issuer.value = option.value;
        issuer.dispatchEvent(new Event('change', { bubbles: true }));
        await total;
        await el.updateComplete;
        const label = what(`facet 发布机构 ${JSON.stringify(option.value)}`);
        await assertNothingRan(wrapper, label, heads);
        if (isVector(option.value)) expect(shownAsText($(el, '[part=table]'), option.value), `${label}: shown in the rows`).to.be.true;
        facets++;
      }
      {
        const total = searched('');
        const select = $<HTMLSelectElement>(el, '#f-issuer');
        select.value = '';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await total;
      }
      // the column tree: click columns whose names hold vectors
      const items = $$(el, '[role=treeitem][data-id]').filter((item) => !item.classList.contains('none'));
      for (const item of items) {
        const total = searched('');
        item.click();
        await total;
        await el.updateComplete;
        const label = what(`column ${item.dataset.id}`);
        await assertNothingRan(wrapper, label, heads);
        const name = values.get(`/columns/${ids.indexOf(item.dataset.id!)}/name`);
        if (name && isVector(name)) expect(shownAsText(el, name), `${label}: its name`).to.be.true;
        columns++;
      }
      {
        const all = $$(el, '[role=treeitem]').find((item) => !item.dataset.id)!;
        const total = searched('');
        all.click();
        await total;
      }
      // the pager: every page after the first
      for (;;) {
        const next = $$<HTMLButtonElement>(el, '[part=pager] button').find((b) => b.textContent!.includes('下一页'));
        if (!next || next.disabled) break;
        const total = searched('');
        next.click();
        await total;
        await el.updateComplete;
        await assertNothingRan(wrapper, what('next page'), heads);
        pages++;
      }
    }
    // narrow: compact policy cards whose titles mark the search (the card's `highlight`)
    wrapper.style.width = '360px';
    const { doc, values } = docs[0];
    await load(el, structuredClone(doc), 'directory narrow');
    let cards = 0;
    for (const [pointer, query] of [...values].filter(([p, v]) => /\/title$/.test(p) && isVector(v))) {
      await search(query);
      for (const card of $$(el, 'zw-policy-card')) await (card as ZwLike).updateComplete;
      await assertNothingRan(wrapper, `directory narrow: search ${pointer} ${JSON.stringify(query)}`, heads);
      cards++;
    }
    report.push(
      `xss-interactions <zw-disclosure-directory>: ${docs.length} documents, ${fields.length} fields, ${stats.pairs} pairs (${stats.vectors}/${V} vectors placed, ${stats.refused} refused pairs); ${queries} searches (${found} with results), ${facets} facet choices, ${columns} columns, ${pages} pages, ${cards} narrow-layout searches`,
    );
  });

  it('<zw-reader>: 拼音, 繁體, text size, contents from headings', async () => {
    const base = structuredClone(policy003) as Json;
    // a body of headings and paragraphs: 30 sections
    const SECTIONS = 30;
    base.body = Array.from({ length: SECTIONS }, (_, i) => [
      { type: 'heading', text: `第${i + 1}节` },
      { type: 'paragraph', text: `第${i + 1}段` },
    ]).flat();
    const fields = stringFields(base).filter((p) => /^\/(title|body\/\d+\/text)$/.test(p));
    const stats = newStats();
    // headings and paragraphs keep Chinese words around the vector (拼音 and 繁體 convert them)
    const build = (values: Map<string, string>) => {
      const doc = setFields(base, values);
      (doc.body as { text: string }[]).forEach((block, i) => {
        const v = values.get(`/body/${i}/text`)!;
        block.text = isVector(v) ? `政务公开${v}发布实施` : v;
      });
      return doc;
    };
    const docs = rotations('policy', base, fields, nightly, stats, { build });
    const { el, wrapper, heads } = await element<ZwLike & { reset(): void }>('zw-reader', { 'no-remember': '' });
    let checks = 0;
    const pressed = (id: string) => $(el, `#${id}`)?.getAttribute('aria-pressed') === 'true';
    for (const [d, { doc, values }] of docs.entries()) {
      const what = (s: string) => `reader rotation ${d}: ${s}`;
      await load(el, doc, what('load'));
      await assertNothingRan(wrapper, what('render'), heads);
      const content = $(el, '.content');
      const headings = [...values].filter(([p, v]) => isVector(v) && p.startsWith('/body/') && (doc.body as { type: string }[])[Number(p.split('/')[2])].type === 'heading');
      const paragraphs = [...values].filter(([p, v]) => isVector(v) && p.startsWith('/body/') && (doc.body as { type: string }[])[Number(p.split('/')[2])].type === 'paragraph');

      // the contents: built from the headings; open it and follow the last entry
      const tocButton = $<HTMLButtonElement>(el, '#toc');
      tocButton.click();
      await until(() => !$(el, '#toc-list').hidden, what('the contents open'));
      await assertNothingRan(wrapper, what('contents'), heads);
      const toc = $(el, '#toc-list');
      for (const [pointer, vector] of headings) expect(shownAsText(toc, repairScrapedText(vector)), what(`contents entry ${pointer} ${JSON.stringify(vector)}`)).to.be.true;
      const links = $$<HTMLAnchorElement>(el, '#toc-list a');
      links[links.length - 1].click();
      await el.updateComplete;
      await assertNothingRan(wrapper, what('contents entry followed'), heads);
      if (!$(el, '#toc-list').hidden) tocButton.click();

      // text size +
      const larger = $<HTMLButtonElement>(el, '#larger');
      const before = $(el, '#size-value').textContent;
      larger.click();
      await until(() => $(el, '#size-value').textContent !== before, what('text size up'));
      await assertNothingRan(wrapper, what('text size +'), heads);

      // 繁體 then 拼音 (the settings panel), each waited for in the text, then both off again
      if ($(el, '#panel').hidden) $<HTMLButtonElement>(el, '#settings').click();
      await until(() => !$(el, '#panel').hidden, what('the settings panel'));
      $<HTMLButtonElement>(el, '#hant').click();
      await until(() => pressed('hant') && content.getAttribute('lang') === 'zh-Hant' && deepText(content).includes('發佈'.slice(0, 1)), what('繁體'), 10_000);
      await until(() => deepText(content).includes('發'), what('繁體 text'), 10_000);
      await assertNothingRan(wrapper, what('繁體'), heads);
      for (const [pointer, vector] of [...headings, ...paragraphs]) {
        const shown = repairScrapedText(vector);
        if (!hasHan(piece(shown))) expect(shownAsText(content, shown), what(`繁體: ${pointer} ${JSON.stringify(vector)} as text`)).to.be.true;
      }
      $<HTMLButtonElement>(el, '#pinyin').click();
      await until(() => pressed('pinyin') && content.querySelectorAll('ruby rt').length >= SECTIONS, what('拼音 ruby'), 10_000);
      await assertNothingRan(wrapper, what('拼音'), heads);
      for (const [pointer, vector] of [...headings, ...paragraphs]) {
        const shown = repairScrapedText(vector);
        if (!hasHan(piece(shown))) expect(shownAsText(content, shown), what(`拼音: ${pointer} ${JSON.stringify(vector)} as text`)).to.be.true;
      }
      $<HTMLButtonElement>(el, '#pinyin').click();
      $<HTMLButtonElement>(el, '#hant').click();
      await until(() => !content.querySelector('ruby') && content.getAttribute('lang') !== 'zh-Hant' && deepText(content).includes('发布'), what('back to the original'), 10_000);
      await assertNothingRan(wrapper, what('拼音 and 繁體 off'), heads);
      for (const [pointer, vector] of [...headings, ...paragraphs])
        expect(shownAsText(content, repairScrapedText(vector)), what(`${pointer} ${JSON.stringify(vector)} back as text`)).to.be.true;
      el.reset();
      await el.updateComplete;
      checks++;
    }
    report.push(
      `xss-interactions <zw-reader>: ${docs.length} documents, ${fields.length} fields, ${stats.pairs} pairs (${stats.vectors}/${V} vectors placed, ${stats.refused} refused pairs); ${checks} × (contents, text size +, 繁體, 拼音, back)`,
    );
  });

  it('<zw-policy-card>: `highlight` set to every vector', async () => {
    const { el, wrapper, heads } = await element<ZwLike & { highlight?: string }>('zw-policy-card');
    let marked = 0;
    const step = nightly ? 1 : 1; // cheap: every vector both matching the title and not, in CI too
    for (let i = 0; i < V; i += step) {
      const vector = XSS_VECTORS[i];
      const doc = setFields(policy003 as Json, { '/title': `关于${vector}的通知` });
      if (errorsOf('policy', doc).length) continue;
      el.highlight = undefined;
      await load(el, doc, `card ${i}`);
      for (const highlight of [vector, XSS_VECTORS[(i + 1) % V], vector.slice(0, Math.ceil(vector.length / 2))]) {
        el.highlight = highlight;
        await el.updateComplete;
        const label = `card ${i}: highlight ${JSON.stringify(highlight)}`;
        await assertNothingRan(wrapper, label, heads);
        expect(shownAsText(el, vector), `${label}: the title as text`).to.be.true;
        if ($$(el, 'mark').length) marked++;
      }
    }
    report.push(`xss-interactions <zw-policy-card>: ${V} vectors × 3 highlights (${marked} renders with marks)`);
  });
});
