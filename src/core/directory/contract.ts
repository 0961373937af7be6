/**
 * The directory's search contract as URL query parameters (`?q=…&column=…&page=2`): one (de)serialiser for
 * the remote client, the reference server and the element's URL state (with a prefix, `?zwd.q=…`).
 * The published form is `src/schema/directory-search.schema.json#/$defs/request`.
 *
 * Everything read is untrusted (a shared link, a crawler, a fuzzer): values are clamped or dropped, never thrown on.
 */
import type { Disclosure, Validity } from '../../schema/types.generated.js';
import type { DirectoryQuery, SortKey, SortOrder } from './types.js';

/** Entries per page when `size` is absent. */
export const DEFAULT_SIZE = 20;
/** Largest `size` answered: bigger asks are clamped to it. */
export const MAX_SIZE = 100;
/** Largest `page`: far beyond any catalogue (1M entries at size 1), small enough that `(page - 1) * size` stays exact. */
export const MAX_PAGE = 1_000_000;
/** Longest `q` kept (UTF-16 units): a search box, not a document. Longer text is cut. */
export const MAX_QUERY_LENGTH = 200;
/** Longest column id / issuer / topic kept. */
export const MAX_VALUE_LENGTH = 200;

export const SORT_KEYS: readonly SortKey[] = ['relevance', 'publishDate', 'writtenDate', 'indexNo', 'title'];
export const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc'];
export const VALIDITY_VALUES: readonly Validity[] = ['effective', 'amended', 'abolished', 'expired', 'pending'];
export const DISCLOSURE_VALUES: readonly Disclosure[] = ['proactive', 'on-request', 'withheld'];
/** What `hideInvalid` leaves out: 已废止 and 已失效. */
export const INVALID_VALIDITIES: readonly Validity[] = ['abolished', 'expired'];

/** The parameter names, in the order `queryToParams` writes them. */
export const CONTRACT_PARAMS = ['q', 'column', 'year', 'issuer', 'topic', 'validity', 'disclosure', 'hideInvalid', 'sort', 'order', 'page', 'size'] as const;
export type ContractParam = (typeof CONTRACT_PARAMS)[number];

/** Why a parameter was not taken as written: `clamped` (kept, changed) or `dropped` (ignored: not a value the contract has). */
export interface ContractProblem {
  param: ContractParam;
  /** The value as received, cut to 60 characters. */
  value: string;
  kind: 'clamped' | 'dropped';
}

/** Cuts to `max` UTF-16 units without leaving half of a surrogate pair behind. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return text.slice(0, end);
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

/** A whole number within [min, max] from text or a number; `undefined` for NaN / not a number. Infinity clamps. */
function whole(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
  if (Number.isNaN(n)) return undefined;
  return Math.min(max, Math.max(min, Math.trunc(n)));
}

const TRUE = new Set(['1', 'true', 'on', 'yes', '']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

/**
 * One parameter's value read from text (or a value set from script): the clamped value, `undefined` when
 * it is not one the contract has. `clamped` says the value was changed on the way.
 */
function readParam(param: ContractParam, raw: unknown): { value: DirectoryQuery[ContractParam] | undefined; clamped: boolean } {
  const text = typeof raw === 'string' ? raw : undefined;
  switch (param) {
    case 'q':
    case 'column':
    case 'issuer':
    case 'topic': {
      if (text === undefined || text === '') return { value: undefined, clamped: false };
      const kept = cut(text, param === 'q' ? MAX_QUERY_LENGTH : MAX_VALUE_LENGTH);
      return { value: kept, clamped: kept !== text };
    }
    case 'year':
      return { value: text !== undefined && /^\d{4}$/.test(text) ? text : undefined, clamped: false };
    case 'validity':
      return { value: isOneOf(VALIDITY_VALUES, raw) ? raw : undefined, clamped: false };
    case 'disclosure':
      return { value: isOneOf(DISCLOSURE_VALUES, raw) ? raw : undefined, clamped: false };
    case 'sort':
      return { value: isOneOf(SORT_KEYS, raw) ? raw : undefined, clamped: false };
    case 'order':
      return { value: isOneOf(SORT_ORDERS, raw) ? raw : undefined, clamped: false };
    case 'hideInvalid':
      if (typeof raw === 'boolean') return { value: raw, clamped: false };
      if (text === undefined) return { value: undefined, clamped: false };
      return { value: TRUE.has(text.toLowerCase()) ? true : FALSE.has(text.toLowerCase()) ? false : undefined, clamped: false };
    case 'page':
    case 'size': {
      const value = whole(raw, 1, param === 'page' ? MAX_PAGE : MAX_SIZE);
      return { value, clamped: value !== undefined && String(value) !== String(raw) };
    }
  }
}

const shown = (raw: unknown) => cut(typeof raw === 'string' ? raw : String(raw), 60);

/**
 * A query made safe: every field the contract has, clamped (size 1–100, page ≥ 1, q ≤ 200 characters),
 * unknown values (sort, order, validity, year …) and fields of the wrong type left out. Fields left out keep
 * their defaults (see types.ts). `problems`, when given, collects what was changed or left out.
 */
export function normalizeQuery(query: DirectoryQuery | Record<string, unknown>, problems?: ContractProblem[]): DirectoryQuery {
  const out: Record<string, unknown> = {};
  const source = (query ?? {}) as Record<string, unknown>;
  for (const param of CONTRACT_PARAMS) {
    const raw = source[param];
    if (raw === undefined || raw === null) continue;
    const { value, clamped } = readParam(param, raw);
    if (value !== undefined) out[param] = value;
    if (problems && (clamped || (value === undefined && raw !== ''))) problems.push({ param, value: shown(raw), kind: clamped ? 'clamped' : 'dropped' });
  }
  return out as DirectoryQuery;
}

/** The query as URL parameters (`prefix` + name), in a fixed order; absent fields are not written. Values are normalised first. */
export function queryToParams(query: DirectoryQuery, prefix = ''): URLSearchParams {
  const params = new URLSearchParams();
  const safe = normalizeQuery(query) as Record<string, unknown>;
  for (const param of CONTRACT_PARAMS) {
    const value = safe[param];
    if (value === undefined) continue;
    params.set(prefix + param, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return params;
}

/**
 * The query read from URL parameters named `prefix` + name; others are ignored (a page's own parameters,
 * another directory's prefix). A repeated parameter counts once (its first value). Never throws.
 * `problems`, when given, collects the parameters that were clamped or dropped (the server answers 400 for dropped ones).
 */
export function paramsToQuery(params: URLSearchParams, prefix = '', problems?: ContractProblem[]): DirectoryQuery {
  const raw: Record<string, string> = {};
  for (const param of CONTRACT_PARAMS) {
    const value = params.get(prefix + param);
    if (value !== null) raw[param] = value;
  }
  return normalizeQuery(raw, problems);
}

/** The sort actually applied: `relevance` with a query, else 发布日期; dates newest first, 索引号 and 名称 ascending. */
export function effectiveSort(query: DirectoryQuery): { sort: SortKey; order: SortOrder } {
  const sort = query.sort && SORT_KEYS.includes(query.sort) ? (query.sort === 'relevance' && !query.q ? 'publishDate' : query.sort) : query.q ? 'relevance' : 'publishDate';
  const order = query.order && SORT_ORDERS.includes(query.order) ? query.order : sort === 'indexNo' || sort === 'title' ? 'asc' : 'desc';
  return { sort, order };
}
