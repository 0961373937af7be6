import { Validator, type OutputUnit } from '@cfworker/json-schema';
import commonSchema from './common.schema.json' with { type: 'json' };
import { issue, type Issue, type IssueCode } from './issues.js';
import type { InfographicDocument, InterpretationDocument, PolicyDocument } from './types.generated.js';

/** Document kinds and their TypeScript shape; later kinds add themselves here. */
export interface DocumentKinds {
  policy: PolicyDocument;
  interpretation: InterpretationDocument;
  infographic: InfographicDocument;
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
const WRAPPERS = new Set(['properties', '$ref', 'items', 'prefixItems', 'allOf', 'anyOf', 'if', 'then', 'else', 'false', 'additionalItems', 'unevaluatedProperties', 'contains', 'dependentSchemas', 'propertyNames']);

/** `#/a/b~1c` (the validator's instance location) → JSON Pointer `/a/b~1c`. */
const pointer = (location: string) => location.replace(/^#/, '');
/** A property name as a JSON Pointer segment (`a/b` → `a~1b`). */
const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** One JSON Pointer segment, unescaped (`a~1b` → `a/b`); a stray `%` stays as written. */
export function unescapePointer(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // not percent-encoded after all (a key such as "100%")
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}
const unescape = unescapePointer;

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

const quoted = (message: string) => /"([^"]+)"/.exec(message)?.[1] ?? '';

function toIssue(root: JsonSchema, unit: OutputUnit, data: unknown): Issue | undefined {
  const path = pointer(unit.instanceLocation);
  const node = schemaAt(root, unit.keywordLocation);
  const value = valueAt(data, path);
  switch (unit.keyword) {
    case 'required':
      return issue(`${path}/${quoted(unit.error)}`, 'required');
    case 'x-missing-one-of':
      return issue(path, 'missing-one-of', { fields: quoted(unit.error) });
    case 'additionalProperties':
      return issue(`${path}/${escapePointer(quoted(unit.error))}`, 'unknown-property');
    case 'type':
      return issue(path, 'wrong-type', { expected: String(node?.type ?? '') });
    case 'enum':
      return issue(path, 'not-allowed-value', { allowed: ((node?.enum as unknown[]) ?? []).join(', ') });
    case 'const':
      if (path === '/type') return issue(path, 'wrong-kind', { expected: String(node?.const), actual: String(value) });
      if (path === '/schemaVersion') return issue(path, 'unsupported-version', { expected: String(node?.const), actual: String(value) });
      return issue(path, 'not-allowed-value', { allowed: String(node?.const) });
    case 'format':
      return issue(path, node?.format === 'date' ? 'invalid-date' : 'bad-format', { value: String(value) });
    case 'pattern': {
      const code = (node?.['x-zw-code'] as IssueCode | undefined) ?? (node?.format === 'date' ? 'invalid-date' : 'bad-format');
      return issue(path, code, { value: String(value) });
    }
    case 'minLength':
      return issue(path, value === '' || typeof value !== 'string' ? 'blank' : 'too-short', { min: Number(node?.minLength) });
    case 'minProperties':
      return issue(path, 'blank');
    case 'minItems':
      return issue(path, 'too-few-items', { min: Number(node?.minItems) });
    case 'uniqueItems':
      // the validator counts from 0; people count from 1
      return issue(path, 'duplicate-item', { value: Number(/indexes \d+ and (\d+)/.exec(unit.error)?.[1] ?? -1) + 1 });
    case 'minimum':
    case 'maximum':
      return issue(path, 'out-of-range', { min: String(node?.minimum ?? '−∞'), max: String(node?.maximum ?? '∞') });
    default:
      return WRAPPERS.has(unit.keyword) ? undefined : issue(path, 'invalid');
  }
}

/**
 * Under an `anyOf`, every alternative reports its own failures, which would
 * drown the real problem. Keep the alternative that came closest (fewest
 * errors); when every alternative only misses a field (“policy or policyUrl”),
 * report one `missing-one-of` instead.
 */
function alternativesResolved(units: OutputUnit[]): OutputUnit[] {
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
      const fields = all.map((b) => quoted(b[0].error)).join(' / ');
      plain.push({ ...first, keyword: 'x-missing-one-of', error: `"${fields}"` });
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
  if (typeof data === 'number' && !Number.isFinite(data)) found.push(issue(path, 'out-of-range', { min: '−∞', max: '∞' }));
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
    return [record.type === undefined ? issue('/type', 'required') : issue('/type', 'wrong-kind', { expected: kind, actual: String(record.type) })];
  }
  if (record.schemaVersion !== CURRENT_SCHEMA_VERSION) {
    // Fields of another version would only produce misleading errors.
    return [record.schemaVersion === undefined ? issue('/schemaVersion', 'required') : issue('/schemaVersion', 'unsupported-version', { expected: CURRENT_SCHEMA_VERSION, actual: String(record.schemaVersion) })];
  }
  const root = schemaOf(kind);
  const result = validatorFor(kind).validate(data);
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const unit of alternativesResolved(result.errors)) {
    const found = toIssue(root, unit, data);
    if (!found) continue;
    const key = `${found.path}|${found.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(found);
  }
  issues.push(...nonFiniteNumbers(data));
  // A blank string fails both minLength and pattern: report it once, as blank.
  const blanks = new Set(issues.filter((i) => i.code === 'blank').map((i) => i.path));
  return issues.filter((i) => i.code === 'blank' || i.code !== 'too-short' || !blanks.has(i.path));
}

export { commonSchema };
