/**
 * fast-check arbitraries for the fuzz suite (./fuzz.test.ts): documents of every kind, in three families —
 *   1. valid: a real sample varied the way its schema allows (free text → any unicode, optional fields dropped,
 *      arrays shortened / reordered / an item repeated, numbers within bounds, every date shifted by the same days);
 *   2. near-valid: a real sample with ONE value made wrong, and the JSON Pointer of what was broken;
 *   3. arbitrary JSON (`fc.jsonValue()`, objects shaped like the kind with junk values) and JSON text, broken or not.
 * The arbitraries read the real schemas (src/schema/*.schema.json), so a schema change is followed without edits here.
 * They never decide what is valid: the test asks `checkDocument` (src/core/check.ts).
 */
import fc from 'fast-check';
import commonSchema from '../../src/schema/common.schema.json' with { type: 'json' };
import policySchema from '../../src/schema/policy.schema.json' with { type: 'json' };
import interpretationSchema from '../../src/schema/interpretation.schema.json' with { type: 'json' };
import infographicSchema from '../../src/schema/infographic.schema.json' with { type: 'json' };
import comparisonSchema from '../../src/schema/comparison.schema.json' with { type: 'json' };
import directorySchema from '../../src/schema/directory.schema.json' with { type: 'json' };
import { escapePointer } from '../../src/schema/issues.js';
import type { DocumentKind } from '../../src/schema/validate.js';
import { samples } from '../../src/test-support/samples.js';
import abolished from '../../src/test-support/abolished-policy.json' with { type: 'json' };
import { fullInterpretation } from '../../src/test-support/interpretation-fixture.js';
import { fullInfographic } from '../../src/test-support/infographic-fixture.js';
import infographicJson from '../../src/test-support/infographic.json' with { type: 'json' };
import { infographicOf, annualReport } from '../../src/test-support/annual-report-fixture.js';
import { comparisonSamples } from '../../src/test-support/comparison-fixture.js';
import { longRegulation, readerDocument } from '../../src/test-support/reader-fixture.js';
import interpretationShanxi from '../../demo/data/interpretation-004-shanxi-industry-2021.json' with { type: 'json' };
import interpretationLate from '../../demo/data/interpretation-late-example.json' with { type: 'json' };
import infographicAnhui from '../../demo/data/infographic-002-anhui-2017.json' with { type: 'json' };
import infographicGuangzhou from '../../demo/data/infographic-003-guangzhou-deadlines.json' with { type: 'json' };
import infographicShanxi from '../../demo/data/infographic-004-shanxi-procedure.json' with { type: 'json' };
import infographicAnnual from '../../demo/data/infographic-annual-report-example.json' with { type: 'json' };
import directorySeeds from '../../demo/data/directory-seeds.json' with { type: 'json' };

type Json = unknown;
type Schema = Record<string, unknown>;

// ── Samples ─────────────────────────────────────────────────────────────────────────────────────────────

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The real documents of each kind the arbitraries start from (the reader's: its seeds and a body long enough to be checked in slices). */
export const SAMPLES: Record<DocumentKind | 'reader', readonly Json[]> = {
  policy: [...Object.values(samples), abolished].map(copy),
  reader: [readerDocument('seed000'), readerDocument('seed003'), longRegulation(40_000)].map(copy),
  interpretation: [fullInterpretation(), interpretationShanxi, interpretationLate].map(copy),
  infographic: [fullInfographic(), infographicJson, infographicAnhui, infographicGuangzhou, infographicShanxi, infographicAnnual, infographicOf(annualReport())].map(copy),
  comparison: Object.values(comparisonSamples).map(copy),
  directory: [directorySeeds].map(copy),
};
export type SampleSet = keyof typeof SAMPLES;
/** The document kind of a sample set (the reader reads `policy` documents). */
export const kindOf = (set: SampleSet): DocumentKind => (set === 'reader' ? 'policy' : set);

// ── Schemas: every `$ref` made absolute (`file#/…`), so a node resolves without knowing which file it came from ──

const SCHEMA_FILES: Record<string, Schema> = {};
function absolute(node: unknown, file: string): unknown {
  if (Array.isArray(node)) return node.map((n) => absolute(n, file));
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${file}${value}` : absolute(value, file);
  }
  return out;
}
for (const [file, schema] of Object.entries({
  'common.schema.json': commonSchema,
  'policy.schema.json': policySchema,
  'interpretation.schema.json': interpretationSchema,
  'infographic.schema.json': infographicSchema,
  'comparison.schema.json': comparisonSchema,
  'directory.schema.json': directorySchema,
})) {
  SCHEMA_FILES[file] = absolute(schema, file) as Schema;
}
export const ROOTS: Record<DocumentKind, Schema> = {
  policy: SCHEMA_FILES['policy.schema.json'],
  interpretation: SCHEMA_FILES['interpretation.schema.json'],
  infographic: SCHEMA_FILES['infographic.schema.json'],
  comparison: SCHEMA_FILES['comparison.schema.json'],
  directory: SCHEMA_FILES['directory.schema.json'],
};

function follow(ref: string): Schema {
  const [file, fragment = ''] = ref.split('#');
  let node: unknown = SCHEMA_FILES[file.split('/').pop()!];
  for (const part of fragment.split('/').filter(Boolean)) node = (node as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return (node as Schema) ?? {};
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether `value` meets an `if` (the schemas only test `required` and `properties.x.const`/`enum`). */
function meets(condition: Schema, value: unknown): boolean {
  if (!isRecord(value)) return false;
  for (const key of (condition.required as string[] | undefined) ?? []) if (!(key in value)) return false;
  for (const [key, sub] of Object.entries((condition.properties as Record<string, Schema> | undefined) ?? {})) {
    if (!(key in value)) continue;
    if ('const' in sub && value[key] !== sub.const) return false;
    if (Array.isArray(sub.enum) && !sub.enum.includes(value[key])) return false;
  }
  return true;
}

/** Both schemas at once (allOf): properties met in both are combined lazily (`allOf`), so nothing of either is lost. */
function combine(a: Schema, b: Schema, withRequired = true): Schema {
  const out: Schema = { ...a, ...b };
  const pa = a.properties as Record<string, Schema> | undefined;
  const pb = b.properties as Record<string, Schema> | undefined;
  if (pa && pb) {
    const properties = { ...pa };
    for (const [key, sub] of Object.entries(pb)) properties[key] = key in pa ? { allOf: [pa[key], sub] } : sub;
    out.properties = properties;
  }
  if (isRecord(a.items) && isRecord(b.items)) out.items = { allOf: [a.items, b.items] };
  const required = [...((a.required as string[] | undefined) ?? []), ...(withRequired ? ((b.required as string[] | undefined) ?? []) : [])];
  if (required.length) out.required = required;
  else delete out.required;
  return out;
}

/**
 * The schema that applies to `value` at a node, flattened: `$ref` followed, `allOf`'s if/then/else and the `anyOf`
 * branch the value takes merged in (`required` only from the node itself and `then`s).
 */
export function resolve(node: Schema | undefined, value: unknown, depth = 0): Schema {
  if (!node || depth > 20) return {};
  let out: Schema = { ...node };
  if (typeof node.$ref === 'string') {
    const { $ref: _ref, ...rest } = node;
    out = combine(resolve(follow(node.$ref), value, depth + 1), rest);
  }
  const parts = (node.allOf as Schema[] | undefined) ?? [];
  const conditional = node.if ? [{ if: node.if, then: node.then, else: node.else } as Schema] : [];
  for (const part of [...parts, ...conditional]) {
    const branch = part.if ? (meets(part.if as Schema, value) ? part.then : part.else) : part;
    if (branch) out = combine(out, resolve(branch as Schema, value, depth + 1));
  }
  const anyOf = node.anyOf as Schema[] | undefined;
  if (anyOf) {
    const taken = anyOf.find((b) => meets(b, value)) ?? anyOf[0];
    out = combine(out, resolve(taken, value, depth + 1), false);
    // the fields of the alternative the value takes (`policy` or `policyUrl`): dropping them is not a valid variation
    out['x-fuzz-keep'] = (taken.required as string[] | undefined) ?? [];
  }
  for (const key of ['allOf', 'anyOf', 'if', 'then', 'else', '$ref']) delete out[key];
  return out;
}

const propertySchema = (s: Schema, key: string): Schema | undefined => (s.properties as Record<string, Schema> | undefined)?.[key];
const itemSchema = (s: Schema): Schema | undefined => (isRecord(s.items) ? (s.items as Schema) : undefined);

// ── Strings ─────────────────────────────────────────────────────────────────────────────────────────────

const CJK = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c));
const CJK_EXT = fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)); // astral: surrogate pairs
const SPECIAL = fc.constantFrom(
  '〔',
  '〕',
  '《',
  '》',
  '“',
  '”',
  '、',
  '。',
  '，',
  '：',
  '\u3000', // Chinese punctuation, ideographic space
  '😀',
  '👩‍👩‍👧',
  '🇨🇳',
  '🏳️‍🌈',
  '👍🏽', // emoji, ZWJ sequences, flags, skin tones
  'ا',
  'ب',
  'ש',
  'ל',
  '\u200f',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2069', // RTL letters and bidi controls
  'e\u0301',
  'ก\u0e49',
  '\u0300', // combining marks (one alone too)
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\u2028',
  '\u2029', // zero-width, BOM, soft hyphen, line/paragraph separators
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085', // control characters
  '\ud800',
  '\udfff', // lone surrogates (not JSON-encodable as UTF-8, but legal in a JS string and in JSON text escapes)
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '${x}',
  '{{x}}',
  '\\',
  '/',
  '~',
  '%', // markup- and template-looking characters, pointer escapes
  'ｱ',
  'Ａ',
  '１',
  'Ⅻ',
  '①',
  'ℌ', // full-width and compatibility forms
);

/** Any text: CJK (also astral), emoji, RTL and bidi, combining marks, zero-width and control characters, graphemes, arbitrary code points. */
export const unicodeString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({
        unit: fc.oneof(
          { weight: 4, arbitrary: CJK },
          { weight: 1, arbitrary: CJK_EXT },
          { weight: 3, arbitrary: SPECIAL },
          { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
        ),
        maxLength,
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
  );

/** Text the schemas' `text` accepts (at least one non-white-space character); the rest of it anything. */
export const unicodeText = (maxLength = 40): fc.Arbitrary<string> => unicodeString(maxLength).map((s) => (/\S/.test(s) ? s : `${s}政`));

const URLS = [
  'https://www.gov.cn/zhengce/content/2021-01/01/content_5576000.htm',
  'http://www.example.gov.cn/xxgk/2019/12.html?from=zw&id=1#正文',
  '/xxgk/gfxwj/202103/t20210301_1.html',
  'policy.json',
  '../附件/实施方案.pdf',
  'https://例子.测试/路径/文件.docx',
  'HTTPS://EXAMPLE.ORG/A%20B',
  '?page=2',
  '#第五条',
];

/** Keys whose strings name something else in the document (versions, clauses, columns): varied, they would only break references. */
const REFERENCE_KEYS = new Set(['id', 'version', 'clause', 'from', 'to', 'column', 'columns', 'ref', 'anchor', 'term']);

// ── 1. Valid documents ──────────────────────────────────────────────────────────────────────────────────

const DROP = Symbol('drop');

function varyString(s: Schema, value: string, key: string | undefined): fc.Arbitrary<unknown> {
  const keep = fc.constant(value);
  if ('const' in s) return keep;
  if (Array.isArray(s.enum)) return fc.oneof({ weight: 3, arbitrary: keep }, { weight: 1, arbitrary: fc.constantFrom(...(s.enum as unknown[])) });
  if (s.format === 'date') return keep; // dates move together, see `shiftDates`
  if (key && REFERENCE_KEYS.has(key)) return keep;
  const max = typeof s.maxLength === 'number' ? Math.min(60, s.maxLength) : 60;
  if (s['x-zw-code'] === 'unsafe-url')
    return fc.oneof(
      { weight: 2, arbitrary: keep },
      { weight: 1, arbitrary: fc.constantFrom(...URLS) },
      { weight: 1, arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true }) },
    );
  if (s.pattern === '\\S' || s['x-zw-code'] === 'blank') return fc.oneof({ weight: 1, arbitrary: keep }, { weight: 2, arbitrary: unicodeText(max) });
  if (s.pattern || s.minLength) return keep; // 索引号, codes, language tags: shapes with rules of their own
  // plain strings (table cells and heads): anything, also empty
  return fc.oneof({ weight: 1, arbitrary: keep }, { weight: 2, arbitrary: unicodeString(max) });
}

function varyNumber(s: Schema, value: number): fc.Arbitrary<unknown> {
  if ('const' in s || Array.isArray(s.enum)) return fc.constant(value);
  const min = typeof s.minimum === 'number' ? s.minimum : 0; // charts refuse negative values
  const max = typeof s.maximum === 'number' ? s.maximum : Math.max(1e6, value);
  const other =
    s.type === 'integer' ? fc.integer({ min: Math.ceil(Math.max(min, -1e9)), max: Math.floor(Math.min(max, 1e9)) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  // numbers are tied by sums and series lengths: mostly kept, so most documents stay valid
  return fc.oneof({ weight: 12, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: other });
}

/** Arrays tied to another (a chart's categories, its series — a pie has one — and their values): their length and order are kept. */
const TIED_KEYS = new Set(['categories', 'values', 'series']);

function varyArray(s: Schema, value: unknown[], key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const items = value.map((v) => vary(itemSchema(s), v, undefined, depth + 1));
  const min = Math.max(1, typeof s.minItems === 'number' ? s.minItems : 0);
  const unique = s.uniqueItems === true;
  // items others refer to by id (versions, clauses, columns) stay as they are: another count or order would break the references
  const referenced = value.some((v) => isRecord(v) && 'id' in v) || (key !== undefined && (REFERENCE_KEYS.has(key) || TIED_KEYS.has(key)));
  const ops = referenced ? (['keep'] as const) : (['keep', 'keep', 'keep', 'shorten', 'reorder', ...(unique ? [] : (['repeat'] as const))] as const);
  return fc.tuple(fc.tuple(...items), fc.constantFrom(...ops), fc.nat(), fc.nat()).map(([arr, op, a, b]) => {
    let list = [...arr].filter((x) => x !== DROP);
    if (list.length === 0) return list;
    switch (op) {
      case 'shorten':
        list = list.slice(0, Math.min(list.length, min + (a % Math.max(1, list.length - min + 1))));
        break;
      case 'reorder': {
        const i = a % list.length;
        const j = b % list.length;
        [list[i], list[j]] = [list[j], list[i]];
        break;
      }
      case 'repeat':
        list.splice(b % (list.length + 1), 0, copy(list[a % list.length]));
        break;
    }
    // two varied items that came out the same: the sample's own (unique) items instead
    if (unique && new Set(list.map((x) => JSON.stringify(x))).size < list.length) return copy(value);
    return list;
  });
}

function vary(node: Schema | undefined, value: unknown, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(node, value);
  if (typeof value === 'string') return varyString(s, value, key);
  if (typeof value === 'number') return varyNumber(s, value);
  if (typeof value === 'boolean') return fc.boolean();
  if (Array.isArray(value)) return varyArray(s, value, key, depth);
  if (isRecord(value)) {
    const required = new Set([...((s.required as string[] | undefined) ?? []), ...((s['x-fuzz-keep'] as string[] | undefined) ?? [])]);
    // numbers summed into a total (an annual report's tables add up across objects), and the text a version's clauses are split from (notes and pairs name those clauses), are kept
    const keep = (k: string) =>
      (typeof value[k] === 'number' && 'total' in value) ||
      (k === 'text' && 'id' in value && 'label' in value) ||
      (value.type === 'annual-report' && (k === 'requests' || k === 'proactive'));
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(value)) {
      const field = keep(k) ? fc.constant(v) : vary(propertySchema(s, k), v, k, depth + 1);
      fields[k] = required.has(k) || k === 'type' ? field : fc.option(field, { freq: 4, nil: DROP });
    }
    const atLeastOne = typeof s.minProperties === 'number' && s.minProperties > 0;
    return fc.record(fields).map((r) => {
      const kept = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== DROP));
      return atLeastOne && Object.keys(kept).length === 0 ? copy(value) : kept;
    });
  }
  return fc.constant(value);
}

/** Every valid `YYYY-MM-DD` moved by `days` (all dates by the same amount, so their order holds). */
export function shiftDates(doc: unknown, days: number): unknown {
  if (typeof doc === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(doc)) return doc;
    const t = Date.parse(`${doc}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== doc) return doc;
    return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
  }
  if (Array.isArray(doc)) return doc.map((d) => shiftDates(d, days));
  if (isRecord(doc)) return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, shiftDates(v, days)]));
  return doc;
}

/** Family 1: a sample varied within what its schema allows (checkDocument still decides; most come out valid). */
export function validDocument(set: SampleSet): fc.Arbitrary<unknown> {
  const root = ROOTS[kindOf(set)];
  return fc.oneof(
    ...SAMPLES[set].map((sample) =>
      fc
        .tuple(vary(root, sample, undefined, 0), fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3000, max: 3000 }) }))
        .map(([doc, days]) => (days ? shiftDates(doc, days) : doc)),
    ),
  );
}

// ── 2. Near-valid documents: one value broken ───────────────────────────────────────────────────────────

export type Fault =
  | 'null'
  | 'wrong-type'
  | 'deep'
  | 'missing'
  | 'extra-property'
  | 'bad-enum'
  | 'bad-date'
  | 'bad-url'
  | 'bad-pattern'
  | 'blank'
  | 'negative'
  | 'huge'
  | 'fraction'
  | 'non-finite'
  | 'nan-string'
  | 'too-few'
  | 'duplicate';

interface Place {
  pointer: string;
  schema: Schema;
  value: unknown;
  required: boolean;
  faults: Fault[];
}

function faultsFor(s: Schema, value: unknown, required: boolean, inObject: boolean): Fault[] {
  const faults: Fault[] = ['null', 'wrong-type', 'deep'];
  if (required && inObject) faults.push('missing');
  if (isRecord(value) && s.additionalProperties === false) faults.push('extra-property');
  if (typeof value === 'string') {
    if ('const' in s || Array.isArray(s.enum)) faults.push('bad-enum');
    if (s.format === 'date') faults.push('bad-date');
    else if (s['x-zw-code'] === 'unsafe-url') faults.push('bad-url');
    else if (s.pattern && s.pattern !== '\\S') faults.push('bad-pattern');
    if (s.pattern === '\\S' || (typeof s.minLength === 'number' && s.minLength > 0)) faults.push('blank');
  }
  if (typeof value === 'number') {
    faults.push('non-finite', 'nan-string');
    if (typeof s.minimum === 'number' && s.minimum >= 0) faults.push('negative');
    if (typeof s.maximum === 'number') faults.push('huge');
    if (s.type === 'integer') faults.push('fraction');
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && s.minItems > 0) faults.push('too-few');
    if (s.uniqueItems === true && value.length > 0) faults.push('duplicate');
  }
  return faults;
}

/** Every value of a document with the schema that applies to it and the faults it can take. */
export function places(root: Schema, doc: unknown): Place[] {
  const out: Place[] = [];
  const walk = (node: Schema | undefined, value: unknown, pointer: string, required: boolean, inObject: boolean) => {
    const s = resolve(node, value);
    out.push({ pointer, schema: s, value, required, faults: faultsFor(s, value, required, inObject) });
    if (Array.isArray(value)) value.forEach((v, i) => walk(itemSchema(s), v, `${pointer}/${i}`, false, false));
    else if (isRecord(value)) {
      const req = new Set((s.required as string[] | undefined) ?? []);
      for (const [k, v] of Object.entries(value)) walk(propertySchema(s, k), v, `${pointer}/${escapePointer(k)}`, req.has(k), true);
    }
  };
  walk(root, doc, '', true, false);
  return out;
}

const placesCache = new Map<unknown, Place[]>();
const placesOf = (set: SampleSet, sample: unknown) => {
  let found = placesCache.get(sample);
  if (!found) placesCache.set(sample, (found = places(ROOTS[kindOf(set)], sample)));
  return found;
};

/** Nested objects deeper than any check walks (`{"a":{"a":…}}`). */
const deepValue = (levels: number): unknown => {
  let v: unknown = '底';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

const BAD_DATES = [
  '2021-02-30',
  '2021-13-01',
  '2021-00-10',
  '20210101',
  '2021/01/01',
  '2021-1-1',
  '0000-00-00',
  '１９９９-01-01',
  '2021-01-01T00:00:00Z',
  ' 2021-01-01',
  '2021-01-01\n',
  '99999-01-01',
  '二〇二一年一月一日',
  '',
];
const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://a b/',
  'https://x/\u0000',
  '\u0001http://x',
  'file:///etc/passwd',
  'mailto:a@b',
  '',
];
const NAN_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e309', '12', '0x10', '１２', '十二', '', ' '];

function breakValue(place: Place, fault: Fault, pick: number, junk: string): { value: unknown; remove?: boolean; extraKey?: string } {
  const { value, schema: s } = place;
  const at = <T>(list: readonly T[]) => list[pick % list.length];
  switch (fault) {
    case 'null':
      return { value: null };
    case 'wrong-type':
      if (typeof value === 'string') return { value: at([42, true, [value], { text: value }]) };
      if (typeof value === 'number') return { value: at([String(value), true, [value], {}]) };
      if (typeof value === 'boolean') return { value: at(['true', 1, [], {}]) };
      if (Array.isArray(value)) return { value: at([{ ...value }, 'list', 0, value.length ? value[0] : true]) };
      return { value: at([[value], 'object', 1, false]) };
    case 'deep':
      return { value: deepValue(70 + (pick % 60)) };
    case 'missing':
      return { value: undefined, remove: true };
    case 'extra-property':
      return { value, extraKey: at(['zwFuzzExtra', '__proto__', 'constructor', 'toString', '', junk.length ? junk : 'x', '$ref', 'type ']) };
    case 'bad-enum':
      return { value: at([`${String(value)} `, String(value).toUpperCase() === value ? String(value).toLowerCase() : String(value).toUpperCase(), junk || '无效值', 'unknown']) };
    case 'bad-date':
      return { value: at(BAD_DATES) };
    case 'bad-url':
      return { value: at(BAD_URLS) };
    case 'bad-pattern':
      return { value: at([`${String(value)} `, `<${String(value)}>`, junk ? `\u0000${junk}` : '\u0000', '政'.repeat(70)]) };
    case 'blank':
      return { value: at(['', ' ', '\u3000', '\n\t', '\u00a0\u2028']) };
    case 'negative':
      return { value: at([-1, -0.5, -1e9, Number.MIN_SAFE_INTEGER]) };
    case 'huge':
      return { value: at([(s.maximum as number) + 1, 1e308, Number.MAX_SAFE_INTEGER * 16]) };
    case 'fraction':
      return { value: (value as number) + 0.5 };
    case 'non-finite':
      return { value: at([NaN, Infinity, -Infinity]) };
    case 'nan-string':
      return { value: at(NAN_STRINGS) };
    case 'too-few':
      return { value: [] };
    case 'duplicate': {
      const list = value as unknown[];
      return { value: [...list, copy(list[pick % list.length])] };
    }
  }
}

export interface NearValid {
  doc: unknown;
  /** The JSON Pointer of the value that was broken (its parent's for a removed field: the pointer of the field). */
  pointer: string;
  fault: Fault;
}

/** Sets the value at `pointer` in a copy of `doc` (removing it, or adding an own property — also `__proto__` — to the object there). */
function withChange(doc: unknown, pointer: string, change: { value: unknown; remove?: boolean; extraKey?: string }): unknown {
  const out = copy(doc);
  const segments = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (change.extraKey !== undefined) {
    let target: unknown = out;
    for (const seg of segments) target = (target as Record<string, unknown>)[seg];
    Object.defineProperty(target, change.extraKey, { value: '多余的字段', enumerable: true, writable: true, configurable: true });
    return out;
  }
  if (segments.length === 0) return change.value;
  let parent: unknown = out;
  for (const seg of segments.slice(0, -1)) parent = (parent as Record<string, unknown>)[seg];
  const last = segments[segments.length - 1];
  if (change.remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, unknown>)[last];
  } else (parent as Record<string, unknown>)[last] = change.value;
  return out;
}

/** Family 2: a sample with one value made wrong; `pointer` names the value (with `extra-property`, the object that got the key). */
export function nearValidDocument(set: SampleSet): fc.Arbitrary<NearValid> {
  return fc
    .record({ sample: fc.constantFrom(...SAMPLES[set]), where: fc.nat(), how: fc.nat(), pick: fc.nat(), junk: fc.string({ maxLength: 8 }) })
    .map(({ sample, where, how, pick, junk }) => {
      const all = placesOf(set, sample);
      const place = all[where % all.length];
      const fault = place.faults[how % place.faults.length];
      const change = breakValue(place, fault, pick, junk);
      const pointer = change.extraKey !== undefined ? `${place.pointer}/${escapePointer(change.extraKey)}` : place.pointer;
      return { doc: withChange(sample, place.pointer, change), pointer, fault };
    });
}

// ── 3. Arbitrary JSON and JSON text ─────────────────────────────────────────────────────────────────────

/** Objects that pass the kind check (`type`, `schemaVersion`) and then hold junk under real and random keys: the schema's deeper paths. */
function shapedJunk(set: SampleSet): fc.Arbitrary<unknown> {
  const kind = kindOf(set);
  const keys = Object.keys((ROOTS[kind].properties as Schema | undefined) ?? {});
  const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
  return fc
    .tuple(fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 12 }), fc.constantFrom(1, 1, 1, 2, '1', 0), fc.constantFrom(kind, kind, kind, 'policy', 'Policy', ''))
    .map(([junk, version, type]) => ({ ...junk, type, schemaVersion: version }));
}

/** Family 3 as a value: any JSON, or junk shaped like the kind. */
export function arbitraryJson(set: SampleSet): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.jsonValue() }, { weight: 2, arbitrary: shapedJunk(set) });
}

/** Text damaged the way a CMS or a hand edit damages JSON: cut off, a character dropped or added, quotes changed. */
function broken(text: string): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.nat(),
      fc.constantFrom('cut', 'drop', 'insert', 'quotes', 'comment', 'bom', 'trailing-comma'),
      fc.constantFrom(',', '}', ']', '"', '\\', '{', ':', '\u0000', '，', '“', 'NaN', 'undefined', '\n'),
    )
    .map(([at, how, ch]) => {
      const i = text.length ? at % text.length : 0;
      switch (how) {
        case 'cut':
          return text.slice(0, i);
        case 'drop':
          return text.slice(0, i) + text.slice(i + 1);
        case 'insert':
          return text.slice(0, i) + ch + text.slice(i);
        case 'quotes':
          return text.replace(/"/g, at % 2 ? "'" : '“');
        case 'comment':
          return `// 导出自 CMS\n${text}`;
        case 'bom':
          return `\ufeff${text}`;
        default:
          return text.replace(/}\s*$/, ',}');
      }
    });
}

/** Family 3 as text for a child `<script type="application/json">`: JSON of any family, damaged JSON, or any string. */
export function jsonText(set: SampleSet): fc.Arbitrary<string> {
  const docText = fc.oneof(validDocument(set), arbitraryJson(set)).chain((doc) => fc.constantFrom(JSON.stringify(doc) ?? 'null', JSON.stringify(doc, null, 2) ?? 'null'));
  return fc.oneof(
    { weight: 3, arbitrary: docText },
    { weight: 3, arbitrary: docText.chain(broken) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: unicodeString(60) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '   ',
        '\n',
        'null',
        '[]',
        '{}',
        '"policy"',
        '{"type":"policy"',
        '<!doctype html><title>502 Bad Gateway</title>',
        '</script><script>__zwTrip()</script>',
      ),
    },
  );
}
