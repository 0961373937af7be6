// The XSS corpus (issue 13) in every string field of a real document of every kind, rendered by every element in Chromium.
// Pass: no tripwire (`__zwTrip`, alert/confirm/prompt) is called, no navigation, nothing live in any shadow root; a valid
// document reaches `zw-load` and shows the vector as text; a constrained field (date, enum, link…) given a vector it refuses
// gives the error state naming that field's path, with the issue list (`preview`, which shows the values) rendered.
//
// Rotation keeps it affordable: for V vectors and a document's free text fields f = 0…F-1, render i (0…V-1) puts vector
// (i + f) mod V into field f: after V renders every vector has met every field. Constrained fields rotate the same way,
// in their own V renders per group (links apart: a vector a link accepts as relative must resolve to http(s)).
import { expect, fixture, html } from '@open-wc/testing';
import { XSS_URLS, XSS_VECTORS } from './xss-vectors.mjs';
import { assertNothingRan, headCount } from './tripwire.js';
import { getField, setFields, stringFields } from './string-fields.js';
import { checkDocument } from '../../src/core/check.js';
import { checkDirectoryEntry, checkDirectoryShell } from '../../src/core/directory/entries-check.js';
import type { Issue } from '../../src/schema/issues.js';
import '../../src/core/rules/all.js';
import { validateSchema, type DocumentKind } from '../../src/schema/validate.js';
import { settle } from '../../src/test-support/helpers.js';
import { repairScrapedText } from '../../src/core/reader/repair.js';
import '../../src/components/policy-card/policy-card.js';
import '../../src/components/interpretation/interpretation.js';
import '../../src/components/infographic/infographic.js';
import '../../src/components/policy-compare/policy-compare.js';
import '../../src/components/disclosure-directory/disclosure-directory.js';
import '../../src/components/reader/reader.js';
import policy000 from '../../demo/data/policy-000-shandong-commerce-2019.json' with { type: 'json' };
import policy001 from '../../demo/data/policy-001-jinan-market-2020.json' with { type: 'json' };
import policy002 from '../../demo/data/policy-002-anhui-commerce-2017.json' with { type: 'json' };
import policy003 from '../../demo/data/policy-003-guangzhou-commerce-2021.json' with { type: 'json' };
import policy004 from '../../demo/data/policy-004-shanxi-industry-2021.json' with { type: 'json' };
import interpretation000 from '../../demo/data/interpretation-000-shandong-commerce-2019.json' with { type: 'json' };
import interpretation004 from '../../demo/data/interpretation-004-shanxi-industry-2021.json' with { type: 'json' };
import interpretationLate from '../../demo/data/interpretation-late-example.json' with { type: 'json' };
import infographic002 from '../../demo/data/infographic-002-anhui-2017.json' with { type: 'json' };
import infographic003 from '../../demo/data/infographic-003-guangzhou-deadlines.json' with { type: 'json' };
import infographic004 from '../../demo/data/infographic-004-shanxi-procedure.json' with { type: 'json' };
import annualReport from '../../demo/data/infographic-annual-report-example.json' with { type: 'json' };
import comparison000 from '../../demo/data/comparison-000-shandong-commerce.json' with { type: 'json' };
import comparisonThree from '../../demo/data/comparison-three-versions.json' with { type: 'json' };
import comparisonClauses from '../../demo/data/comparison-clause-list.json' with { type: 'json' };
import directorySeeds from '../../demo/data/directory-seeds.json' with { type: 'json' };
import reader000 from '../../demo/data/reader-000-shandong-2019.json' with { type: 'json' };
import reader003 from '../../demo/data/reader-003-guangzhou-2021.json' with { type: 'json' };

type ZwLike = HTMLElement & { data?: unknown; preview: boolean; state: string; updateComplete: Promise<unknown>; issues: { path: string; severity: string }[] };

interface Subject {
  tag: string;
  kind: DocumentKind;
  /** The samples: the first runs in CI, all of them nightly. */
  samples: Record<string, unknown>;
}
// prettier-ignore
const SUBJECTS: Subject[] = [
  { tag: 'zw-policy-card', kind: 'policy', samples: { 'policy-003': policy003, 'policy-000': policy000, 'policy-001': policy001, 'policy-002': policy002, 'policy-004': policy004 } },
  { tag: 'zw-interpretation', kind: 'interpretation', samples: { 'interpretation-000': interpretation000, 'interpretation-004': interpretation004, 'interpretation-late': interpretationLate } },
  { tag: 'zw-infographic', kind: 'infographic', samples: { 'infographic-003': infographic003, 'annual-report': annualReport, 'infographic-002': infographic002, 'infographic-004': infographic004 } },
  { tag: 'zw-policy-compare', kind: 'comparison', samples: { 'comparison-clause-list': comparisonClauses, 'comparison-000': comparison000, 'comparison-three-versions': comparisonThree } },
  { tag: 'zw-disclosure-directory', kind: 'directory', samples: { 'directory-seeds': directorySeeds } },
  { tag: 'zw-reader', kind: 'policy', samples: { 'reader-003': reader003, 'reader-000': reader000, 'reader-policy-003': policy003 } },
];
/** CI: one sample per element, the one with the most kinds of field; nightly every sample (the annual report's block included). */
const CI_SAMPLES = new Set(['policy-003', 'interpretation-000', 'infographic-003', 'comparison-clause-list', 'directory-seeds', 'reader-003']);

// ---------------------------------------------------------------------------------------------------------------------------

/** The text of a node and every shadow root below it (nested cards included), the way a reader sees it. */
function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) if (!(child instanceof HTMLStyleElement)) walk(child);
  };
  walk(node);
  return out;
}
/** Text compared without white space, controls, zero-width and direction marks (elements may collapse or trim those). */
// eslint-disable-next-line no-control-regex
const squash = (s: string) => s.replace(/[\s\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\ufeff\ud800-\udfff]/g, '');
/** The part of a vector that shows it became text, not markup: from its first `<` (or the start), 24 characters. */
const piece = (vector: string) => {
  const s = squash(vector);
  return s.slice(Math.max(0, s.indexOf('<')), Math.max(0, s.indexOf('<')) + 24);
};

/** A link field must refuse what a browser would not resolve to http(s), and anything with white space or controls. */
function linkMustRefuse(vector: string): boolean {
  // eslint-disable-next-line no-control-regex -- the library's policy: refused outright
  if (/[\s\u0000-\u001f\u007f]/.test(vector)) return true;
  try {
    return !/^https?:$/.test(new URL(vector, 'https://example.org/').protocol);
  } catch {
    return true;
  }
}

interface Outcome {
  event: 'zw-load' | 'zw-error' | 'zw-empty';
  /** Every issue the element reports: errors and warnings, and the directory's rejected entries (`zw-load`'s `rejected`). */
  issues: { path: string; severity: string }[];
}
/** Sets `data` and waits for the element's own outcome event (nested elements' events are theirs). */
async function renderOnce(el: ZwLike, doc: unknown, preview: boolean): Promise<Outcome> {
  el.preview = preview;
  const outcome = new Promise<Outcome>((resolve, reject) => {
    const names = ['zw-load', 'zw-error', 'zw-empty'] as const;
    const timer = setTimeout(() => finish(() => reject(new Error(`<${el.localName}> announced no outcome within 5 s (state ${el.state})`))), 5000);
    const listeners = names.map((name) => {
      const listener = (e: Event) => {
        const detail = (e as CustomEvent<{ rejected?: { path: string; severity: string }[] }>).detail;
        if (e.composedPath()[0] === el) finish(() => resolve({ event: name, issues: [...el.issues, ...(detail?.rejected ?? [])] }));
      };
      el.addEventListener(name, listener);
      return [name, listener] as const;
    });
    function finish(then: () => void) {
      clearTimeout(timer);
      for (const [name, listener] of listeners) el.removeEventListener(name, listener);
      then();
    }
  });
  el.data = doc;
  const result = await outcome;
  // nested elements (the interpretation's and the comparison's policy cards) render too
  for (const nested of deepElements(el)) await (nested as unknown as ZwLike).updateComplete;
  return result;
}

/**
 * The errors the element itself should report for `doc`: checkDocument's, except the directory's, which checks its shell
 * at once and each entry apart (an invalid entry is set aside, listed in `zw-load`'s `rejected`, the rest shown).
 */
function expectedErrors(kind: DocumentKind, doc: unknown): { shell: Issue[]; all: Issue[] } {
  const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
  if (kind !== 'directory') {
    const all = errors(checkDocument(kind, doc).issues);
    return { shell: all, all };
  }
  const shell = errors(checkDirectoryShell(doc).issues);
  if (shell.length) return { shell, all: shell }; // the entries of a refused directory are not checked
  const entries = (doc as { entries?: unknown[] }).entries ?? [];
  return { shell, all: [...shell, ...entries.flatMap((entry, i) => errors(checkDirectoryEntry(entry, i)))] };
}

function deepElements(el: Element): Element[] {
  const out: Element[] = [];
  const visit = (root: ParentNode) => {
    for (const child of root.querySelectorAll('*')) {
      if (child.localName.startsWith('zw-')) out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------------
interface Plan {
  free: string[];
  links: string[];
  /** `type` fields (the document's, a block's, a nested policy's): breaking one hides the rest of its object from validation. */
  discriminators: string[];
  /** Constrained by the schema (dates, enums, patterns). */
  constrained: string[];
  /** Constrained by the semantic rules only (索引号's shape…): the rules run only once the schema passes, so they rotate apart. */
  ruled: string[];
}
/** Which fields take any text, which are links, which are otherwise constrained (dates, enums, consts, patterns). */
function plan(kind: DocumentKind, doc: unknown): Plan {
  const result: Plan = { free: [], links: [], discriminators: [], constrained: [], ruled: [] };
  const valid = (pointer: string, value: string) => !expectedErrors(kind, setFields(doc, { [pointer]: value })).all.length;
  for (const pointer of stringFields(doc)) {
    if (valid(pointer, '<b>x</b> 文本')) result.free.push(pointer);
    else if (valid(pointer, 'https://example.org/x') && !valid(pointer, 'javascript:x')) result.links.push(pointer);
    else if (pointer.endsWith('/type')) result.discriminators.push(pointer);
    else if (validateSchema(kind, setFields(doc, { [pointer]: '<b>x</b> 文本' })).some((i) => i.severity === 'error')) result.constrained.push(pointer);
    else result.ruled.push(pointer);
  }
  return result;
}

const V = XSS_VECTORS.length;
const rotated = (fields: string[], i: number) => new Map(fields.map((f, k) => [f, XSS_VECTORS[(i + k) % V]]));
const related = (issuePath: string, pointer: string) => issuePath === pointer || pointer.startsWith(`${issuePath}/`) || issuePath.startsWith(`${pointer}/`) || issuePath === '';
const refusedAt = (issues: { path: string; severity: string }[], pointer: string) =>
  issues.some((i) => i.severity === 'error' && (i.path === pointer || pointer.startsWith(`${i.path}/`) || i.path === ''));
const brief = (issues: { path: string; severity: string; code?: string }[]) =>
  JSON.stringify(
    issues
      .filter((i) => i.severity === 'error')
      .slice(0, 12)
      .map((i) => `${i.path} ${i.code ?? ''}`),
  );

describe('XSS corpus in every string field of every element', function () {
  this.timeout(1_800_000);
  let nightly = false;
  const totals = { renders: 0, fields: 0, pairs: 0, elements: new Set<string>() };

  before(async () => {
    nightly = ((await (await fetch('/__zw/hardening')).json()) as { nightly: boolean }).nightly;
    expect(XSS_VECTORS.length).to.be.at.least(220);
    expect(XSS_URLS.length).to.be.at.least(40);
  });
  after(() => {
    console.log(`xss: ${V} vectors × ${totals.fields} fields × ${totals.elements.size} elements = ${totals.pairs} vector-field pairs in ${totals.renders} renders`);
  });

  for (const subject of SUBJECTS) {
    for (const [name, sample] of Object.entries(subject.samples)) {
      it(`<${subject.tag}> ${name}: ${V} vectors in every string field`, async function () {
        if (!nightly && !CI_SAMPLES.has(name)) this.skip();
        expect(checkDocument(subject.kind, sample).document, `${name} is a valid ${subject.kind}`).to.exist;
        const fields = plan(subject.kind, sample);
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
        const el = document.createElement(subject.tag) as ZwLike;
        if (subject.tag === 'zw-disclosure-directory') el.setAttribute('url-state', 'off'); // the address is the test's: no navigation at all
        if (subject.tag === 'zw-reader') el.setAttribute('no-remember', '');
        wrapper.append(el);
        await settle(el);
        const heads = headCount();
        let renders = 0;
        const started = performance.now();
        const times: string[] = [];
        const lap = (what: string) => times.push(`${what} ${Math.round(performance.now() - started)} ms`);
        const seenAsText = new Set<string>();
        /** Per rotation, the pairs a semantic rule refused there (e.g. two identical labels, scrape damage): rendered together below. */
        const ruleRefused: Map<string, string>[] = [];

        // 1. the free text fields, rotated: every document valid (or its rule-refused pairs set aside), reaching zw-load
        for (let i = 0; fields.free.length && i < V; i++) {
          const values = rotated(fields.free, i);
          const aside = new Map<string, string>();
          let doc = setFields(sample, values);
          for (let round = 0; round < 8; round++) {
            const errors = expectedErrors(subject.kind, doc).all;
            if (!errors.length) break;
            for (const [pointer, vector] of [...values]) {
              if (errors.some((e) => related(e.path, pointer))) {
                aside.set(pointer, vector);
                values.delete(pointer);
              }
            }
            doc = setFields(sample, values);
          }
          if (aside.size) ruleRefused.push(aside);
          const what = () => `${name}, rotation ${i}`;
          const { event, issues } = await renderOnce(el, doc, false);
          renders++;
          expect(event, `${what()}: ${brief(issues)}`).to.equal('zw-load');
          await assertNothingRan(wrapper, what(), heads);
          const title = values.get('/title');
          if (title !== undefined) {
            // the reader takes scrape damage out of its text (core/reader/repair.ts: tag remnants such as `<img …>`): what remains is text
            const shown = subject.tag === 'zw-reader' ? repairScrapedText(title) : title;
            expect(squash(deepText(el)), `${what()}: the title's vector ${JSON.stringify(title)} is shown as text`).to.include(piece(shown));
            seenAsText.add(title);
          }
        }
        if (fields.free.includes('/title')) {
          const placed = new Set(XSS_VECTORS.filter((v) => !ruleRefused.some((aside) => aside.get('/title') === v)));
          expect(seenAsText.size, 'every vector was shown as text in the title').to.equal(placed.size);
        }
        lap('text');

        // 2. the pairs a semantic rule refused, each rotation's together, in preview: the element reports every error the
        //    checker finds (paths included), and each of these fields is named by one of them (or its object is)
        for (const [r, aside] of ruleRefused.entries()) {
          if (!nightly && r % 3) continue; // CI: every third set (the checker's verdict on each pair is taken either way)
          const doc = setFields(sample, aside);
          const expected = expectedErrors(subject.kind, doc);
          const what = () => `${name}, rule-refused set ${r}: ${JSON.stringify([...aside].slice(0, 3))}`;
          const { event, issues } = await renderOnce(el, doc, true);
          renders++;
          await assertNothingRan(wrapper, what(), heads);
          expect(event, `${what()}: ${brief(issues)}`).to.equal(expected.shell.length ? 'zw-error' : 'zw-load');
          for (const e of expected.all)
            expect(
              issues.some((i) => i.severity === 'error' && i.path === e.path),
              `${what()}: ${e.path} reported: ${brief(issues)}`,
            ).to.be.true;
          // (a value refused only together with another field's, e.g. two identical ids, may be fine here on its own)
        }
        lap('rules');

        // In CI the link and constrained rotations take every vector through some field of their group (a stride of the
        // group's size), nightly every vector through every field; link verdicts are checked for every pair (no render needed).
        // Discriminators only refuse (every vector alike): in CI a sample of them (every 32nd rotation); links every 4th (at least).
        const stride = (group: string[], least = 1) => (nightly ? 1 : Math.max(least, group.length));
        for (const pointer of fields.links)
          for (const vector of XSS_VECTORS) {
            if (!linkMustRefuse(vector)) continue;
            const errors = expectedErrors(subject.kind, setFields(sample, { [pointer]: vector })).all;
            expect(
              errors.some((e) => e.path === pointer),
              `${name}: ${pointer} = ${JSON.stringify(vector)} is refused by validation`,
            ).to.be.true;
          }

        // 3. links, rotated: every vector a browser would not resolve to http(s) is refused, naming the path; never a live link
        for (let i = 0; fields.links.length && i < V; i += stride(fields.links, 4)) {
          const values = rotated(fields.links, i);
          const doc = setFields(sample, values);
          const refused = [...values].filter(([, v]) => linkMustRefuse(v)).map(([p]) => p);
          const what = () => `${name}, links rotation ${i}`;
          const { event, issues } = await renderOnce(el, doc, true);
          renders++;
          await assertNothingRan(wrapper, what(), heads);
          for (const pointer of refused) expect(refusedAt(issues, pointer), `${what()}: ${pointer} = ${JSON.stringify(values.get(pointer))} refused`).to.be.true;
          expect(event, `${what()}: ${brief(issues)}`).to.equal(expectedErrors(subject.kind, doc).shell.length ? 'zw-error' : 'zw-load');
          const links = hrefs(el);
          for (const pointer of refused) expect(links, `${what()}: ${pointer} is not rendered as a link`).not.to.include(values.get(pointer));
        }
        lap('links');

        // 4. discriminators, then the other constrained fields (dates, enums, codes), rotated: refused, their path (or their object's) named
        // (the document's own `type` apart: a wrong kind stops validation there, naming nothing else)
        const groups = [fields.discriminators.filter((p) => p === '/type'), fields.discriminators.filter((p) => p !== '/type'), fields.constrained, fields.ruled];
        for (const [g, group] of groups.entries()) {
          for (let i = 0; group.length && i < V; i += stride(group, g < 2 ? 32 : 1)) {
            const values = rotated(group, i);
            const doc = setFields(sample, values);
            const what = () => `${name}, constrained rotation ${i}`;
            const { event, issues } = await renderOnce(el, doc, true);
            renders++;
            await assertNothingRan(wrapper, what(), heads);
            const expected = expectedErrors(subject.kind, doc);
            expect(event, `${what()}: ${brief(issues)}`).to.equal(expected.shell.length ? 'zw-error' : 'zw-load');
            for (const e of expected.all)
              expect(
                issues.some((i) => i.severity === 'error' && i.path === e.path),
                `${what()}: ${e.path} reported: ${brief(issues)}`,
              ).to.be.true;
            for (const [pointer, vector] of values) {
              // (a field whose value others refer to, e.g. a version id, is refused where it is referred to: reported above)
              if (getField(sample, pointer) === vector || !expectedErrors(subject.kind, setFields(sample, { [pointer]: vector })).all.some((e) => related(e.path, pointer)))
                continue;
              // (rules hide one another: a clause named in a pair of an unknown version is not looked up; the checker's own
              // verdict on the whole document is what the element must report, asserted above)
              if (g === 3 && !expected.all.some((e) => related(e.path, pointer))) continue;
              expect(refusedAt(issues, pointer), `${what()}: ${pointer} = ${JSON.stringify(vector)} is refused with its path: ${brief(issues)}`).to.be.true;
            }
          }
        }
        lap('constrained');

        const all = fields.free.length + fields.links.length + fields.discriminators.length + fields.constrained.length + fields.ruled.length;
        totals.renders += renders;
        totals.fields += all;
        totals.pairs += all * V;
        totals.elements.add(subject.tag);
        console.log(
          `xss <${subject.tag}> ${name}: ${V} vectors × ${all} fields (${fields.free.length} text, ${fields.links.length} links, ${fields.discriminators.length + fields.constrained.length + fields.ruled.length} constrained; ${ruleRefused.reduce((n, a) => n + a.size, 0)} pairs refused by rules, in ${ruleRefused.length} renders) = ${all * V} pairs in ${renders} renders; ${times.join(', ')}`,
        );
      });
    }
  }
});

/** Every href/src value in the element's shadow roots. */
function hrefs(el: Element): string[] {
  const out: string[] = [];
  const visit = (root: ParentNode) => {
    for (const child of root.querySelectorAll('*')) {
      for (const a of ['href', 'src', 'xlink:href']) if (child.hasAttribute(a)) out.push(child.getAttribute(a)!);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (el.shadowRoot) visit(el.shadowRoot);
  return out;
}
