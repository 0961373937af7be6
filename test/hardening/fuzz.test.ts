/**
 * Fuzzing every element with fast-check (issue 13): valid documents, near-valid ones (one value broken) and arbitrary
 * JSON / JSON text, through `data` and through a child `<script type="application/json">`.
 *
 * The oracle: `checkDocument` (src/core/check.ts) classifies each input — no errors: `zw-load` in state `ready` (the
 * directory: bad entries left out and listed in `detail.rejected`); errors: `zw-error` in state `error` carrying them,
 * each with a JSON Pointer (`''` only for whole-document issues), the broken field named for a near-valid document,
 * the paths listed with `preview`; `null`/blank: `zw-empty`. Never an uncaught exception, an unhandled rejection,
 * a console.error, a second outcome event, or no event within 5 s.
 *
 * Size: `/__zw/hardening` — CI ≈ 100 runs per family per element; `ZW_HARDENING=nightly` 3,334 (≈ 10,000 per element).
 * A fresh seed each run, printed with any failure (fast-check's `seed` and `path`); `ZW_FUZZ_SEED=<n>` replays it.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkDocument } from '../../src/core/check.js';
import { isError, type Issue, type LocalizedIssue } from '../../src/schema/issues.js';
import type { DocumentKind } from '../../src/schema/validate.js';
import { SAMPLES, arbitraryJson, jsonText, kindOf, nearValidDocument, validDocument, type NearValid, type SampleSet } from './arbitraries.js';
import '../../src/components/policy-card/policy-card.js';
import '../../src/components/interpretation/interpretation.js';
import '../../src/components/infographic/infographic.js';
import '../../src/components/policy-compare/policy-compare.js';
import '../../src/components/disclosure-directory/disclosure-directory.js';
import '../../src/components/reader/reader.js';

const config = (await (await fetch('/__zw/hardening')).json()) as { nightly: boolean; seed: number | null; only: string | null };
const PER_FAMILY = config.nightly ? 3334 : 100;
const SEED = config.seed ?? Math.floor(Math.random() * 0x7fffffff);
/** How long an element may take to announce the outcome of one input. */
const OUTCOME_TIMEOUT = 5000;
const REPLAY = `replay: ZW_FUZZ_SEED=${SEED}${config.nightly ? ' ZW_HARDENING=nightly' : ''} npx wtr --files test/hardening/fuzz.test.ts`;

const ELEMENTS: { tag: string; set: SampleSet; attributes?: Record<string, string> }[] = [
  { tag: 'zw-policy-card', set: 'policy' },
  { tag: 'zw-interpretation', set: 'interpretation' },
  { tag: 'zw-infographic', set: 'infographic' },
  { tag: 'zw-policy-compare', set: 'comparison' },
  { tag: 'zw-disclosure-directory', set: 'directory', attributes: { 'url-state': 'off' } },
  { tag: 'zw-reader', set: 'reader', attributes: { 'no-remember': '' } },
];

type OutcomeType = 'zw-load' | 'zw-error' | 'zw-empty';
const OUTCOMES: OutcomeType[] = ['zw-load', 'zw-error', 'zw-empty'];
interface Outcome {
  type: OutcomeType;
  state: string;
  detail: { errors?: LocalizedIssue[]; warnings?: LocalizedIssue[]; rejected?: LocalizedIssue[] } | null;
}
type ZwHost = HTMLElement & { data?: unknown; preview: boolean; state: string; updateComplete: Promise<unknown> };

// ── What must never happen, whichever input caused it ──────────────────────────────────────────────────────

const problems: string[] = [];
const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));
const onError = (e: ErrorEvent) => problems.push(`uncaught exception: ${describeError(e.error ?? e.message)}`);
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${describeError(e.reason)}`);
const consoleError = console.error;

// ── The elements, one reused per way in, fresh ones for some runs ──────────────────────────────────────────

const recorded = new WeakMap<Element, Outcome[]>();
const host = document.createElement('div');

function create(tag: string, attributes: Record<string, string> = {}): ZwHost {
  const el = document.createElement(tag) as ZwHost;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const outcomes: Outcome[] = [];
  recorded.set(el, outcomes);
  for (const type of OUTCOMES) {
    el.addEventListener(type, (event) => {
      if (event.target !== el) return; // a nested card's own events bubble through
      outcomes.push({ type, state: el.state, detail: (event as CustomEvent).detail ?? null });
    });
  }
  return el;
}

/** The next outcome event of `el`, or a clear failure after OUTCOME_TIMEOUT. */
function nextOutcome(el: ZwHost, what: string): Promise<Outcome> {
  const outcomes = recorded.get(el)!;
  if (outcomes.length) return Promise.resolve(outcomes.shift()!);
  return new Promise((resolve, reject) => {
    // registered after the recording listener, so the outcome is in the list when this runs
    const arrived = (event: Event) => {
      if (event.target !== el) return;
      cleanup();
      resolve(outcomes.shift()!);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no zw-load / zw-error / zw-empty within ${OUTCOME_TIMEOUT} ms for ${what} (state "${el.state}")`));
    }, OUTCOME_TIMEOUT);
    const cleanup = () => {
      clearTimeout(timer);
      for (const type of OUTCOMES) el.removeEventListener(type, arrived);
    };
    for (const type of OUTCOMES) el.addEventListener(type, arrived);
  });
}

interface Input {
  way: 'data' | 'script';
  value?: unknown;
  text?: string;
  fresh: boolean;
  preview: boolean;
}

interface Tally {
  runs: number;
  fresh: number;
  script: number;
  ready: number;
  error: number;
  empty: number;
  /** near-valid inputs whose broken value checkDocument still accepted (e.g. a negative number where negatives are allowed) */
  faultAccepted: number;
  /** directory: runs where entries were left out */
  rejectedRuns: number;
  /** what made inputs invalid, by issue code (each run's first error) */
  codes: Record<string, number>;
  ms: number;
}
const newTally = (): Tally => ({ runs: 0, fresh: 0, script: 0, ready: 0, error: 0, empty: 0, faultAccepted: 0, rejectedRuns: 0, codes: {}, ms: 0 });

class Harness {
  private byData?: ZwHost;
  private byScript?: ZwHost;
  private last = new WeakMap<ZwHost, unknown>();
  readonly tallies: Record<string, Tally> = {};

  constructor(
    readonly tag: string,
    readonly set: SampleSet,
    private readonly attributes: Record<string, string> = {},
  ) {}

  /** Gives the element the input the way it says and returns the outcome it announced. */
  async run(input: Input): Promise<{ el: ZwHost; outcome: Outcome }> {
    const what = `${this.tag} via ${input.way}${input.fresh ? ' (fresh element)' : ''}`;
    const reuse = input.way === 'data' ? this.byData : this.byScript;
    const same = reuse && (input.way === 'data' ? Object.is(this.last.get(reuse), input.value) : this.last.get(reuse) === input.text);
    // the same value again would not reload (nothing changed): that input gets a fresh element
    const fresh = input.fresh || !reuse || same;
    let el: ZwHost;
    if (fresh) {
      el = create(this.tag, this.attributes);
      el.preview = input.preview;
      if (input.way === 'data') el.data = input.value;
      else {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = input.text!;
        el.append(script);
      }
      host.append(el);
    } else {
      el = reuse!;
      const stray = recorded.get(el)!;
      if (stray.length) throw new Error(`${what}: a second outcome (${stray.map((o) => o.type).join(', ')}) arrived after the previous input's`);
      el.preview = input.preview;
      if (input.way === 'data') el.data = input.value;
      else el.querySelector('script')!.textContent = input.text!;
    }
    this.last.set(el, input.way === 'data' ? input.value : input.text);
    let failed = false;
    try {
      const outcome = await nextOutcome(el, what);
      await el.updateComplete;
      return { el, outcome };
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const reused = input.way === 'data' ? this.byData : this.byScript;
      if (failed || input.fresh) {
        // an element left mid-load must not answer for the next input
        el.remove();
        if (reused === el) this.reuse(input.way, undefined);
      } else if (reused !== el) {
        reused?.remove();
        this.reuse(input.way, el); // the element the next inputs of this way go to
      }
    }
  }

  private reuse(way: Input['way'], el: ZwHost | undefined) {
    if (way === 'data') this.byData = el;
    else this.byScript = el;
  }

  tally(family: string): Tally {
    return (this.tallies[family] ??= newTally());
  }

  dispose() {
    this.byData?.remove();
    this.byScript?.remove();
  }
}

// ── The oracle ─────────────────────────────────────────────────────────────────────────────────────────────

const POINTER = /^(\/([^~/]|~[01])*)*$/;
/** Issues that concern the whole document, the only ones that may have the root path ''. */
const WHOLE_DOCUMENT = new Set(['json-syntax', 'not-json', 'not-object', 'missing-one-of', 'no-sections']);
const ENTRY = /^\/entries\/(\d+)(?:\/|$)/;

interface Expected {
  outcome: 'ready' | 'error' | 'empty';
  /** checkDocument's errors the element must report (the directory: its shell's). */
  errors: Issue[];
  /** the directory: errors of entries it must leave out and list in `rejected`. */
  entryErrors: Issue[];
}

function expectationFor(kind: DocumentKind, data: unknown): Expected {
  if (data === undefined || data === null) return { outcome: 'empty', errors: [], entryErrors: [] };
  const errors = checkDocument(kind, data).issues.filter(isError);
  if (kind === 'directory' && data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { entries?: unknown }).entries)) {
    // the directory checks its shell at once and each entry on its own: bad entries are left out, not fatal
    const shell = checkDocument('directory', { ...(data as object), entries: [] }).issues.filter(isError);
    const entryErrors = errors.filter((i) => ENTRY.test(i.path));
    return { outcome: shell.length ? 'error' : 'ready', errors: shell, entryErrors };
  }
  return { outcome: errors.length ? 'error' : 'ready', errors, entryErrors: [] };
}

function expectationForText(kind: DocumentKind, text: string): Expected {
  if (text.trim() === '') return { outcome: 'empty', errors: [], entryErrors: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { outcome: 'error', errors: [{ path: '', code: 'json-syntax', severity: 'error' }], entryErrors: [] };
  }
  return expectationFor(kind, parsed);
}

/** `issue` is at `pointer`, above it or below it (the root counts only for the root). */
const related = (issuePath: string, pointer: string) =>
  issuePath === pointer || (issuePath !== '' && (pointer.startsWith(`${issuePath}/`) || issuePath.startsWith(`${pointer}/`))) || (pointer === '' && issuePath.startsWith('/'));

const short = (value: unknown) => {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = String(value);
  }
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
};

/** Checks one outcome against the expectation; returns what went wrong, or nothing. */
function verify(el: ZwHost, outcome: Outcome, expected: Expected, near?: NearValid): string[] {
  const wrong: string[] = [];
  const wantEvent = { ready: 'zw-load', error: 'zw-error', empty: 'zw-empty' }[expected.outcome];
  if (outcome.type !== wantEvent || outcome.state !== expected.outcome) {
    const got = outcome.detail?.errors?.filter(isError).map((i) => `${i.path} ${i.code}`) ?? [];
    wrong.push(
      `expected ${wantEvent} in state "${expected.outcome}" but got ${outcome.type} in state "${outcome.state}"` +
        (expected.errors.length ? `; checkDocument errors: ${expected.errors.map((i) => `${i.path || "''"} ${i.code}`).join(', ')}` : '') +
        (got.length ? `; element errors: ${got.join(', ')}` : ''),
    );
    return wrong;
  }
  if (expected.outcome === 'error') {
    const errors = (outcome.detail?.errors ?? []).filter(isError);
    if (!errors.length) wrong.push('zw-error without any error in detail.errors');
    for (const i of outcome.detail?.errors ?? []) {
      if (typeof i.path !== 'string' || !POINTER.test(i.path)) wrong.push(`issue ${i.code} has no JSON Pointer path: ${short(i.path)}`);
      else if (i.path === '' && isError(i) && !WHOLE_DOCUMENT.has(i.code)) wrong.push(`issue ${i.code} has the root path '' but is not about the whole document`);
      if (typeof i.message !== 'string' || !i.message.trim()) wrong.push(`issue ${i.path} ${i.code} has no message`);
    }
    const paths = new Set(errors.map((i) => `${i.path}|${i.code}`));
    for (const i of expected.errors) if (!paths.has(`${i.path}|${i.code}`)) wrong.push(`checkDocument's error ${i.path || "''"} ${i.code} is missing from zw-error`);
    if (el.preview) {
      const listed = new Set([...(el.shadowRoot?.querySelectorAll('[part~="error"] li code') ?? [])].map((c) => c.textContent ?? ''));
      for (const i of errors) if (i.path && !listed.has(i.path)) wrong.push(`preview does not list the path ${i.path} (${i.code})`);
    }
  }
  if (expected.outcome === 'ready' && expected.entryErrors.length) {
    const rejected = outcome.detail?.rejected ?? [];
    const indexes = new Set(rejected.map((i) => ENTRY.exec(i.path)?.[1]));
    for (const i of expected.entryErrors) {
      const index = ENTRY.exec(i.path)![1];
      if (!indexes.has(index)) wrong.push(`entry ${index} has error ${i.path} ${i.code} but is not in zw-load's detail.rejected`);
    }
  }
  if (near) {
    const named = expected.outcome === 'error' ? (outcome.detail?.errors ?? []).filter(isError) : (outcome.detail?.rejected ?? []);
    if ((expected.outcome === 'error' || expected.entryErrors.length) && !named.some((i) => related(i.path, near.pointer))) {
      const checked = [...expected.errors, ...expected.entryErrors];
      wrong.push(
        `the broken value ${near.pointer || "''"} (${near.fault}) is not named: the element reports ${named.map((i) => `${i.path || "''"} ${i.code}`).join(', ') || 'nothing'}` +
          `; checkDocument ${checked.some((i) => related(i.path, near.pointer)) ? 'does name it' : `reports ${checked.map((i) => `${i.path || "''"} ${i.code}`).join(', ')}`}`,
      );
    }
  }
  return wrong;
}

// ── The properties ─────────────────────────────────────────────────────────────────────────────────────────

interface Case {
  input: Input;
  near?: NearValid;
}
/** A case as fast-check prints it in a failure: short (documents are long); the seed and path replay it whole. */
const printable = (c: Case): Case =>
  Object.assign(c, {
    [fc.toStringMethod]: () =>
      `{ ${c.near ? `broke ${c.near.pointer || "''"} (${c.near.fault}), ` : ''}${c.input.way}${c.input.fresh ? ' on a fresh element' : ''}${c.input.preview ? ', preview' : ''}: ` +
      `${short(c.input.way === 'data' ? c.input.value : c.input.text)} }`,
  });

async function check(harness: Harness, family: string, c: Case): Promise<void> {
  const kind = kindOf(harness.set);
  const tally = harness.tally(family);
  const start = performance.now();
  problems.length = 0;
  const expected = c.input.way === 'data' ? expectationFor(kind, c.input.value) : expectationForText(kind, c.input.text!);
  const { el, outcome } = await harness.run(c.input);
  tally.ms += performance.now() - start;
  tally.runs++;
  if (c.input.fresh) tally.fresh++;
  if (c.input.way === 'script') tally.script++;
  tally[expected.outcome]++;
  if (c.near && expected.outcome === 'ready' && !expected.entryErrors.length) tally.faultAccepted++;
  if (expected.entryErrors.length) tally.rejectedRuns++;
  const first = expected.errors[0] ?? expected.entryErrors[0];
  if (first) {
    const what = `${first.code} at ${first.path.replace(/\/\d+/g, '/*') || "''"}`;
    tally.codes[what] = (tally.codes[what] ?? 0) + 1;
  }
  const wrong = [...problems, ...verify(el, outcome, expected, c.near)];
  problems.length = 0;
  if (wrong.length) {
    const input = c.input.way === 'data' ? `data = ${short(c.input.value)}` : `script text = ${short(c.input.text)}`;
    throw new Error(`${harness.tag}, ${family}${c.near ? ` (broke ${c.near.pointer || "''"}: ${c.near.fault})` : ''}, ${input}:\n  - ${wrong.join('\n  - ')}`);
  }
}

// ── Counterexamples found before, run first on every run (besides the seeded ones) ──────────────────────────

/** A long body (checked a slice per frame) with one block broken: in the first slice, and far beyond it. */
const longBodyBroken = (at: number, block: unknown): Case => {
  const doc = structuredClone(SAMPLES.reader[2]) as { body: unknown[] };
  doc.body[at] = block;
  return printable({ near: { doc, pointer: `/body/${at}`, fault: 'null' }, input: { way: 'data', value: doc, fresh: true, preview: true } });
};
/** An interpretation whose embedded related policy lost its `type` (the if/else then reads it as a {url, title} link). */
const relatedWithoutType = (): Case => {
  const doc = structuredClone(SAMPLES.interpretation[1]) as { related: Record<string, unknown>[] };
  delete doc.related[0].type;
  return printable({ near: { doc, pointer: '/related/0/type', fault: 'missing' }, input: { way: 'data', value: doc, fresh: true, preview: true } });
};
const KNOWN: Partial<Record<SampleSet, Case[]>> = {
  interpretation: [relatedWithoutType()],
  reader: [longBodyBroken(0, null), longBodyBroken(461, null), longBodyBroken(300, { type: 'heading', text: null })],
};

/** How the input reaches the element: mostly `data` on the reused element; some by script, some on fresh elements. */
const delivery = fc.record({
  script: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  fresh: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  preview: fc.boolean(),
});

function documentCase(doc: fc.Arbitrary<unknown>): fc.Arbitrary<Case> {
  return fc.tuple(doc, delivery).map(([value, d]) =>
    printable({
      input: d.script ? { way: 'script', text: JSON.stringify(value) ?? 'null', fresh: d.fresh, preview: d.preview } : { way: 'data', value, fresh: d.fresh, preview: d.preview },
    }),
  );
}

function nearCase(set: SampleSet): fc.Arbitrary<Case> {
  return fc.tuple(nearValidDocument(set), delivery).map(([near, d]) => {
    // NaN and Infinity do not survive JSON text (they become null): those go by `data` only
    const text = JSON.stringify(near.doc) ?? 'null';
    const viaScript = d.script && near.fault !== 'non-finite';
    return printable({
      near,
      input: viaScript ? { way: 'script', text, fresh: d.fresh, preview: d.preview } : { way: 'data', value: near.doc, fresh: d.fresh, preview: d.preview },
    });
  });
}

function arbitraryCase(set: SampleSet): fc.Arbitrary<Case> {
  return fc.oneof(
    fc.tuple(arbitraryJson(set), delivery).map(([value, d]) => printable({ input: { way: 'data', value, fresh: d.fresh, preview: d.preview } })),
    fc.tuple(jsonText(set), delivery).map(([text, d]) => printable({ input: { way: 'script', text, fresh: d.fresh, preview: d.preview } })),
  );
}

async function fuzz(harness: Harness, family: string, cases: fc.Arbitrary<Case>, examples: Case[] = []) {
  try {
    await fc.assert(
      fc.asyncProperty(cases, (c) => check(harness, family, c)),
      { numRuns: PER_FAMILY, seed: SEED, verbose: 1, includeErrorInReport: true, examples: examples.map((c) => [c] as [Case]) },
    );
  } catch (error) {
    if (error instanceof Error) error.message += `\n${REPLAY}`;
    throw error;
  } finally {
    const t = harness.tally(family);
    console.log(
      `[fuzz] ${harness.tag} ${family}: ${t.runs} runs (${t.ready} ready, ${t.error} error, ${t.empty} empty; ${t.script} by script, ${t.fresh} fresh` +
        `${family === 'near-valid' ? `; ${t.faultAccepted} broken values still valid` : ''}${t.rejectedRuns ? `; ${t.rejectedRuns} with entries left out` : ''}) in ${(t.ms / 1000).toFixed(1)} s, seed ${SEED}` +
        (family === 'valid' && Object.keys(t.codes).length
          ? `; invalid by ${Object.entries(t.codes)
              .map(([code, n]) => `${code} ×${n}`)
              .join(', ')}`
          : ''),
    );
  }
}

describe(`fuzz (fast-check, ${PER_FAMILY} runs per family per element, seed ${SEED})`, function () {
  this.timeout(config.nightly ? 4 * 60 * 60 * 1000 : 180_000);

  before(() => {
    document.body.append(host);
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    console.error = (...args: unknown[]) => {
      problems.push(`console.error: ${args.map((a) => (a instanceof Error ? describeError(a) : short(a))).join(' ')}`);
      consoleError.apply(console, args);
    };
    console.log(`[fuzz] seed ${SEED} (${REPLAY})`);
  });

  after(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
    console.error = consoleError;
    host.remove();
  });

  // ZW_FUZZ_ONLY=<tag>: one element alone (a mocha grep would leave the others reported as failed by the runner)
  for (const { tag, set, attributes } of ELEMENTS.filter((e) => !config.only || e.tag === config.only)) {
    describe(`<${tag}> (${3 * PER_FAMILY} cases)`, () => {
      const harness = new Harness(tag, set, attributes);
      after(() => {
        harness.dispose();
        const total = Object.values(harness.tallies).reduce((sum, t) => sum + t.runs, 0);
        const ms = Object.values(harness.tallies).reduce((sum, t) => sum + t.ms, 0);
        console.log(`[fuzz] <${tag}>: ${total} cases in ${(ms / 1000).toFixed(1)} s`);
      });

      it(`${PER_FAMILY} valid documents give zw-load`, async () => {
        await fuzz(harness, 'valid', documentCase(validDocument(set)));
        expect(harness.tally('valid').ready, 'most varied samples should stay valid').to.be.greaterThan(0);
      });

      it(`${PER_FAMILY} near-valid documents give zw-error naming the broken field`, async () => {
        await fuzz(harness, 'near-valid', nearCase(set), KNOWN[set]);
      });

      it(`${PER_FAMILY} arbitrary JSON values and texts never break the element`, async () => {
        await fuzz(harness, 'arbitrary', arbitraryCase(set));
      });
    });
  }
});
