import { Validator, format, ucs2length, type OutputUnit } from '@cfworker/json-schema';
import commonSchema from './common.schema.json' with { type: 'json' };
import { escapePointer, issue, unescapePointer, valueParams, type Issue, type IssueCode } from './issues.js';
import type { ComparisonDocument, DirectoryDocument, InfographicDocument, InterpretationDocument, PolicyDocument } from './types.generated.js';

/** Document kinds and their TypeScript shape; later kinds add themselves here. */
export interface DocumentKinds {
  policy: PolicyDocument;
  interpretation: InterpretationDocument;
  infographic: InfographicDocument;
  comparison: ComparisonDocument;
  directory: DirectoryDocument;
}
export type DocumentKind = keyof DocumentKinds;

export type JsonSchema = Record<string, unknown>;
/**
 * Each kind's schema registers itself (src/schema/<kind>.ts), so an element's
 * bundle carries only the schemas it uses.
 */
const schemas = new Map<DocumentKind, JsonSchema>();
/** Schema files other schemas refer to, by file name. */
const referenced: Record<string, JsonSchema> = { 'common.schema.json': commonSchema };

export function registerSchema(kind: DocumentKind, fileName: string, schema: JsonSchema): void {
  schemas.set(kind, schema);
  referenced[fileName] = schema;
}

/** The JSON Schema of a registered kind. */
export function schemaOf(kind: DocumentKind): JsonSchema {
  const schema = schemas.get(kind);
  if (!schema) throw new Error(`zhengwu-elements: no schema registered for document kind "${kind}"`);
  return schema;
}
export const CURRENT_SCHEMA_VERSION = 1;

// @cfworker/json-schema interprets schemas instead of compiling them to code,
// so validation runs under a CSP without 'unsafe-eval'.
const validators = new Map<DocumentKind, Validator>();
function validatorFor(kind: DocumentKind): Validator {
  let v = validators.get(kind);
  if (!v) {
    const own = schemaOf(kind);
    v = new Validator(own as never, '2020-12', false);
    for (const schema of Object.values(referenced)) if (schema !== own) v.addSchema(schema as never);
    validators.set(kind, v);
  }
  return v;
}

/** Keywords that only report that something below them failed. */
const WRAPPERS = new Set([
  'properties',
  '$ref',
  'items',
  'prefixItems',
  'allOf',
  'anyOf',
  'if',
  'then',
  'else',
  'false',
  'additionalItems',
  'unevaluatedProperties',
  'contains',
  'dependentSchemas',
  'propertyNames',
]);
/**
 * Keywords turned into issues by `toIssues`. Issues are built from the keyword,
 * the schema node that holds it and the data — never from the validator's
 * English error text, so an upgrade cannot change what staff read. A test
 * checks that the schemas use no other validation keyword.
 */
export const HANDLED_KEYWORDS = [
  'required',
  'additionalProperties',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minProperties',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'anyOf',
] as const;

/** `#/a/b~1c` (the validator's instance location) → JSON Pointer `/a/b~1c`. */
const pointer = (location: string) => location.replace(/^#/, '');
const unescape = unescapePointer;
const has = (object: unknown, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** Follows a keyword location (`#/properties/url/$ref/pattern`) to the schema node that holds the keyword. */
function schemaAt(root: JsonSchema, keywordLocation: string): JsonSchema | undefined {
  const segments = keywordLocation.replace(/^#\/?/, '').split('/').map(unescape);
  segments.pop(); // the keyword itself
  let document: JsonSchema = root; // the schema file a relative `#/…` reference points into
  let node: unknown = root;
  for (const segment of segments) {
    if (!node || typeof node !== 'object') return undefined;
    if (segment === '$ref') {
      const [file, fragment = ''] = String((node as JsonSchema).$ref).split('#');
      if (file) document = referenced[file.split('/').pop()!] ?? root;
      node = document;
      for (const part of fragment.split('/').filter(Boolean).map(unescape)) node = (node as JsonSchema)?.[part];
    } else {
      node = (node as JsonSchema)[segment];
    }
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** The required fields of `node` that the object at `value` lacks. */
const missingFields = (node: JsonSchema | undefined, value: unknown): string[] =>
  ((node?.required as string[] | undefined) ?? []).filter((key) => !(value && typeof value === 'object' && has(value, key)));

/** Two JSON values are the same (uniqueItems' sense; data is JSON, so its text compares). */
const same = (a: unknown, b: unknown) => a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));

function toIssues(root: JsonSchema, unit: OutputUnit, data: unknown): Issue[] {
  const path = pointer(unit.instanceLocation);
  const node = schemaAt(root, unit.keywordLocation);
  const value = valueAt(data, path);
  switch (unit.keyword) {
    case 'required':
      // one unit per missing field, all at the same location: name them from the schema and the data
      return missingFields(node, value).map((key) => issue(`${path}/${escapePointer(key)}`, 'required'));
    case 'x-missing-one-of':
      return [issue(path, 'missing-one-of', { fields: String(unit.error) })]; // our own unit: the fields, from alternativesResolved
    case 'additionalProperties': {
      const known = (node?.properties as JsonSchema | undefined) ?? {};
      const patterns = Object.keys((node?.patternProperties as JsonSchema | undefined) ?? {}).map((p) => new RegExp(p, 'u'));
      const unknown = Object.keys(value as object).filter((key) => !has(known, key) && !patterns.some((p) => p.test(key)));
      return unknown.map((key) => issue(`${path}/${escapePointer(key)}`, 'unknown-property'));
    }
    case 'type': {
      const expected = ([] as unknown[]).concat(node?.type ?? []).join(',');
      return [issue(path, 'wrong-type', { expected, ...valueParams(value) })];
    }
    case 'enum':
      return [issue(path, 'not-allowed-value', { allowed: ((node?.enum as unknown[]) ?? []).join(', '), ...valueParams(value) })];
    case 'const':
      if (path === '/type') return [issue(path, 'wrong-kind', { expected: String(node?.const), ...valueParams(value) })];
      if (path === '/schemaVersion') return [issue(path, 'unsupported-version', { expected: String(node?.const), ...valueParams(value) })];
      return [issue(path, 'not-allowed-value', { allowed: String(node?.const), ...valueParams(value) })];
    case 'format':
      return [issue(path, node?.format === 'date' ? 'invalid-date' : 'bad-format', valueParams(value))];
    case 'pattern': {
      const code = (node?.['x-zw-code'] as IssueCode | undefined) ?? (node?.format === 'date' ? 'invalid-date' : 'bad-format');
      return [issue(path, code, valueParams(value))];
    }
    case 'minLength':
      return [issue(path, value === '' || typeof value !== 'string' ? 'blank' : 'too-short', { min: Number(node?.minLength) })];
    case 'maxLength':
      // the length as the validator counts it (code points), not the text: an issue list is not a copy of a megabyte
      return [issue(path, 'too-long', { length: typeof value === 'string' ? ucs2length(value) : 0, max: Number(node?.maxLength) })];
    case 'minProperties':
      return [issue(path, 'blank')];
    case 'minItems':
      return [issue(path, 'too-few-items', { min: Number(node?.minItems), count: Array.isArray(value) ? value.length : 0 })];
    case 'maxItems': {
      const code = (node?.['x-zw-code'] as IssueCode | undefined) ?? 'too-many-items';
      const params: Record<string, string | number> = { max: Number(node?.maxItems), count: Array.isArray(value) ? value.length : 0 };
      // a chart's legibility limit depends on its kind: name the kind (the block holding the list says it)
      const holder = valueAt(data, path.replace(/\/[^/]*$/, ''));
      if (code === 'chart-too-many-categories' && holder && typeof (holder as { chart?: unknown }).chart === 'string') params.chart = (holder as { chart: string }).chart;
      return [issue(path, code, params)];
    }
    case 'uniqueItems': {
      // the first item that repeats an earlier one, counted from 1 as people count
      const items = Array.isArray(value) ? value : [];
      const repeat = items.findIndex((item, k) => items.slice(0, k).some((earlier) => same(earlier, item)));
      return [issue(path, 'duplicate-item', { value: repeat + 1 })];
    }
    case 'minimum':
    case 'maximum': {
      const bounds: Record<string, number> = {};
      if (typeof node?.minimum === 'number') bounds.min = node.minimum;
      if (typeof node?.maximum === 'number') bounds.max = node.maximum;
      return [issue(path, 'out-of-range', { ...bounds, ...valueParams(value) })];
    }
    default:
      return WRAPPERS.has(unit.keyword) ? [] : [issue(path, 'invalid')];
  }
}

/**
 * Under an `anyOf`, every alternative reports its own failures, which would
 * drown the real problem. Keep the alternative that came closest (fewest
 * errors); when every alternative only misses a field (“policy or policyUrl”),
 * report one `missing-one-of` instead.
 */
function alternativesResolved(root: JsonSchema, units: OutputUnit[], data: unknown): OutputUnit[] {
  const groups = new Map<string, Map<string, OutputUnit[]>>();
  const plain: OutputUnit[] = [];
  for (const unit of units) {
    const m = /^(.*?\/anyOf)\/(\d+)(?:\/|$)/.exec(unit.keywordLocation);
    if (!m) {
      if (unit.keyword !== 'anyOf') plain.push(unit);
      continue;
    }
    const branches = groups.get(m[1]) ?? new Map<string, OutputUnit[]>();
    groups.set(m[1], branches);
    const branch = branches.get(m[2]) ?? [];
    branches.set(m[2], branch);
    if (!WRAPPERS.has(unit.keyword)) branch.push(unit);
  }
  for (const branches of groups.values()) {
    const all = [...branches.values()];
    if (all.every((b) => b.length > 0 && b.every((u) => u.keyword === 'required'))) {
      const first = all[0][0];
      const value = valueAt(data, pointer(first.instanceLocation));
      const fields = all.map((b) => missingFields(schemaAt(root, b[0].keywordLocation), value)[0]).join(' / ');
      plain.push({ ...first, keyword: 'x-missing-one-of', error: fields });
      continue;
    }
    const closest = all.reduce((best, b) => (b.length < best.length ? b : best));
    plain.push(...closest);
  }
  return plain;
}

/**
 * JSON has no Infinity, but `1e309` parses to it and passes `type: number`;
 * such a value would draw nothing or break sums. Depth-limited: documents are shallow.
 */
function nonFiniteNumbers(data: unknown, path = '', depth = 0, found: Issue[] = []): Issue[] {
  if (depth > 64 || found.length > 20) return found;
  if (typeof data === 'number' && !Number.isFinite(data)) found.push(issue(path, 'not-finite', valueParams(data)));
  else if (Array.isArray(data)) data.forEach((v, i) => nonFiniteNumbers(v, `${path}/${i}`, depth + 1, found));
  else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) nonFiniteNumbers(v, `${path}/${escapePointer(k)}`, depth + 1, found);
  }
  return found;
}

/** The value at a JSON Pointer, or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let node = data;
  for (const segment of path.split('/').slice(1).map(unescape)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * Validates `data` against the schema of `kind`. Returns one issue per
 * distinct problem, ordered by path; a document of the wrong kind reports
 * only that (its other fields would mislead).
 */
export function validateSchema(kind: DocumentKind, data: unknown): Issue[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [issue('', 'not-object', { actual: Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data })];
  }
  const record = data as Record<string, unknown>;
  if (record.type !== kind) {
    return [record.type === undefined ? issue('/type', 'required') : issue('/type', 'wrong-kind', { expected: kind, ...valueParams(record.type) })];
  }
  if (record.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    // Fields of another version would only produce misleading errors.
    return [
      record.schemaVersion === undefined
        ? issue('/schemaVersion', 'required')
        : issue('/schemaVersion', 'unsupported-version', { expected: CURRENT_SCHEMA_VERSION, ...valueParams(record.schemaVersion) }),
    ];
  }
  return issuesFrom(schemaOf(kind), validatorFor(kind), data);
}

/** What `oddities` finds. */
const NON_FINITE = 1;
const UNDEFINED = 2;
/** Whether `data` holds a non-finite number or an `undefined` (possible with `el.data = …`), without building paths. */
function oddities(data: unknown, depth = 0): number {
  if (typeof data === 'number') return Number.isFinite(data) ? 0 : NON_FINITE;
  if (data === undefined) return UNDEFINED;
  if (data === null || typeof data !== 'object' || depth > 64) return 0;
  let found = 0;
  if (Array.isArray(data)) for (const item of data) found |= oddities(item, depth + 1);
  else for (const key of Object.keys(data)) found |= oddities((data as Record<string, unknown>)[key], depth + 1);
  return found;
}
/**
 * `data` as JSON would carry it: properties set to `undefined` left out, `undefined` items as null.
 * The validator refuses `undefined` with an exception, and `{ summary: row.summary }` is everyday script.
 */
function definedOnly(data: unknown, depth = 0): unknown {
  if (data === undefined) return null;
  if (data === null || typeof data !== 'object' || depth > 64) return data;
  if (Array.isArray(data)) return data.map((item) => definedOnly(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) out[key] = definedOnly(value, depth + 1);
  return out;
}

/** The validator's output units for `data` as issues: one per distinct problem. `quick`: see `quickCheck`. */
function issuesFrom(root: JsonSchema, validator: Validator, raw: unknown, quick?: QuickCheck): Issue[] {
  const odd = oddities(raw);
  const data = odd & UNDEFINED ? definedOnly(raw) : raw;
  // An infinite number says only that (not also “not an integer” or “above 2100”).
  const infinite = odd & NON_FINITE ? nonFiniteNumbers(data) : [];
  if (quick?.(data)) return infinite;
  const result = validator.validate(data);
  if (result.valid) return infinite;
  const seen = new Map<string, Issue>();
  const issues: Issue[] = [];
  for (const unit of alternativesResolved(root, result.errors, data)) {
    for (const found of toIssues(root, unit, data)) {
      const key = `${found.path}|${found.code}`;
      const earlier = seen.get(key);
      if (earlier) {
        // a field's own limit under a shared one (a title ≤ 500 is also a text ≤ 50,000): the tighter limit is the one to meet
        if (found.code === 'too-long' && Number(found.params?.max) < Number(earlier.params?.max)) earlier.params = found.params;
        continue;
      }
      seen.set(key, found);
      issues.push(found);
    }
  }
  const infinitePaths = new Set(infinite.map((i) => i.path));
  // A blank string fails both minLength and pattern: report it once, as blank.
  const blanks = new Set(issues.filter((i) => i.code === 'blank').map((i) => i.path));
  return [...issues.filter((i) => !infinitePaths.has(i.path) && (i.code !== 'too-short' || !blanks.has(i.path))), ...infinite];
}

/**
 * A yes-or-not-sure check built from a schema (closures, no code generation: CSP-safe): `true` only when
 * the full validator would find no error; `false` when it might, and then the full validator runs and
 * its errors become issues as usual. It knows the keywords the schemas use for items checked in great
 * numbers (types, const, enum, required, properties, closed objects, items, lengths, pattern, format,
 * bounds, $ref) with the validator's own semantics (its `format` functions, `ucs2length`); any other
 * keyword, or a case it does not model, answers `false`. About five times faster than the validator on
 * valid data, which is what 100k directory entries mostly are.
 */
type QuickCheck = (value: unknown) => boolean;
/** Keywords that never fail. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'examples', 'tsType', 'x-zw-code']);
const NOT_SURE: QuickCheck = () => false;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';
function isType(value: unknown, type: unknown): boolean {
  switch (type) {
    case 'string':
    case 'boolean':
      return typeof value === type;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return false;
  }
}

/** The node a `$ref` points at, and the schema file it is in (whose relative references it uses). */
function resolveRef(ref: string, file: JsonSchema): [JsonSchema, JsonSchema] | undefined {
  const [target, fragment = ''] = ref.split('#');
  const document = target ? referenced[target.split('/').pop()!] : file;
  let node: unknown = document;
  for (const part of fragment.split('/').filter(Boolean).map(unescape)) node = (node as JsonSchema | undefined)?.[part];
  return document && node && typeof node === 'object' ? [node as JsonSchema, document] : undefined;
}

function quickCheck(node: unknown, file: JsonSchema, built: Map<object, QuickCheck>): QuickCheck {
  if (node === true) return () => true;
  if (!isRecord(node)) return NOT_SURE;
  const known = built.get(node);
  if (known) return known;
  let check: QuickCheck = NOT_SURE;
  built.set(node, (value) => check(value)); // a recursive reference (a column's children) reaches this
  const checks: QuickCheck[] = [];
  const properties = node.properties;
  for (const [keyword, arg] of Object.entries(node)) {
    switch (keyword) {
      case '$ref': {
        const target = resolveRef(String(arg), file);
        if (!target) return NOT_SURE;
        checks.push(quickCheck(target[0], target[1], built));
        break;
      }
      case 'type': {
        const types = ([] as unknown[]).concat(arg);
        checks.push((v) => types.some((t) => isType(v, t)));
        break;
      }
      case 'const':
        if (!isPrimitive(arg)) return NOT_SURE;
        checks.push((v) => v === arg);
        break;
      case 'enum':
        if (!Array.isArray(arg) || !arg.every(isPrimitive)) return NOT_SURE;
        checks.push((v) => arg.includes(v));
        break;
      case 'required':
        checks.push((v) => !isRecord(v) || (arg as string[]).every((key) => has(v, key)));
        break;
      case 'properties': {
        if (!isRecord(arg)) return NOT_SURE;
        const each = Object.entries(arg).map(([key, sub]) => [key, quickCheck(sub, file, built)] as const);
        checks.push((v) => !isRecord(v) || each.every(([key, ok]) => !has(v, key) || ok(v[key])));
        break;
      }
      case 'additionalProperties':
        if (arg !== false || node.patternProperties !== undefined) return NOT_SURE;
        checks.push((v) => !isRecord(v) || Object.keys(v).every((key) => isRecord(properties) && has(properties, key)));
        break;
      case 'items': {
        if (!isRecord(arg)) return NOT_SURE;
        const ok = quickCheck(arg, file, built);
        checks.push((v) => !Array.isArray(v) || v.every((item) => ok(item)));
        break;
      }
      case 'minItems':
        checks.push((v) => !Array.isArray(v) || v.length >= Number(arg));
        break;
      case 'uniqueItems':
        // primitives only (a Set is stricter than the validator's === for NaN: then not sure)
        if (arg === true) checks.push((v) => !Array.isArray(v) || (v.every(isPrimitive) && new Set(v).size === v.length));
        break;
      case 'minLength':
        checks.push((v) => typeof v !== 'string' || ucs2length(v) >= Number(arg));
        break;
      case 'maxLength':
        // code units ≥ code points: within the limit in code units is surely within it in code points
        checks.push((v) => typeof v !== 'string' || v.length <= Number(arg) || ucs2length(v) <= Number(arg));
        break;
      case 'maxItems':
        checks.push((v) => !Array.isArray(v) || v.length <= Number(arg));
        break;
      case 'minProperties':
        checks.push((v) => !isRecord(v) || Object.keys(v).length >= Number(arg));
        break;
      case 'pattern': {
        const pattern = new RegExp(String(arg), 'u'); // as the validator compiles it; no `g`, so test() keeps no state
        checks.push((v) => typeof v !== 'string' || pattern.test(v));
        break;
      }
      case 'format': {
        const matches = (format as Record<string, ((s: string) => boolean) | undefined>)[String(arg)];
        if (matches) checks.push((v) => typeof v !== 'string' || matches(v)); // the validator ignores formats it does not know
        break;
      }
      case 'minimum':
        checks.push((v) => typeof v !== 'number' || v >= Number(arg));
        break;
      case 'maximum':
        checks.push((v) => typeof v !== 'number' || v <= Number(arg));
        break;
      default:
        if (!ANNOTATIONS.has(keyword)) return NOT_SURE;
    }
  }
  check = (value) => {
    for (const ok of checks) if (!ok(value)) return false;
    return true;
  };
  return check;
}

/** Validators of one definition inside a registered schema file, by `file#pointer`. */
const partValidators = new Map<string, { root: JsonSchema; validator: Validator; quick: QuickCheck }>();

/**
 * Validates `data` against one definition of a registered schema file (`'directory.schema.json'`,
 * `'/$defs/entry'`): what a document holds in great numbers (the directory's entries) is checked item
 * by item, each when it is needed. Issue paths are `at` + the path inside `data` (`/entries/3` + `/title`).
 */
export function validateDefinition(fileName: string, pointer: string, data: unknown, at = ''): Issue[] {
  const key = `${fileName}#${pointer}`;
  let part = partValidators.get(key);
  if (!part) {
    const file = referenced[fileName];
    if (!file) throw new Error(`zhengwu-elements: no schema file "${fileName}" registered`);
    // A one-line schema that refers into the file by its $id, so keyword locations resolve through `schemaAt`.
    const root: JsonSchema = { $ref: `${String(file.$id ?? fileName)}#${pointer}` };
    const validator = new Validator(root as never, '2020-12', false);
    for (const schema of Object.values(referenced)) validator.addSchema(schema as never);
    part = { root, validator, quick: quickCheck(root, file, new Map()) };
    partValidators.set(key, part);
  }
  // valid data (the common case) skips the validator; the rest gets its issues from it, as everywhere
  const issues = issuesFrom(part.root, part.validator, data, part.quick);
  return at ? issues.map((i) => ({ ...i, path: at + i.path })) : issues;
}

export { commonSchema };
