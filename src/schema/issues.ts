/**
 * A problem found in a document. Issues carry no message text: the message is
 * rendered in the reader's locale when shown (see ./messages.ts), so a locale
 * switch re-words the same issue.
 */
export type Severity = 'error' | 'warning';

export type IssueCode =
  // loading
  | 'json-syntax'
  | 'fetch-status'
  | 'fetch-failed'
  | 'fetch-timeout'
  /** A fetched body larger than the loader reads (a runaway export, an endless stream): refused while streaming. */
  | 'fetch-too-large'
  | 'render-failed'
  /** A bug in the program (a rule threw, a schema is not registered), not a fault in the data. */
  | 'internal-error'
  // data that is not JSON at all (set from script: circular, BigInt, a getter that throws)
  | 'not-json'
  // schema
  | 'not-object'
  | 'wrong-kind'
  | 'unsupported-version'
  | 'required'
  | 'missing-one-of'
  | 'unknown-property'
  | 'wrong-type'
  | 'not-allowed-value'
  | 'blank'
  | 'invalid-date'
  | 'unsafe-url'
  | 'bad-format'
  | 'too-short'
  | 'too-few-items'
  /** Longer than the field's limit (a summary is not a book): refused rather than laid out. */
  | 'too-long'
  /** More items than the list's limit. */
  | 'too-many-items'
  /** A comparison version's `text` splits into a clause longer than a clause may be (no 第X条 numbers to split at). */
  | 'clause-too-long'
  /** More categories than a chart of its kind shows legibly (bar 60, line 400, pie/donut 12). */
  | 'chart-too-many-categories'
  | 'duplicate-item'
  | 'out-of-range'
  | 'not-finite'
  | 'invalid'
  // semantic rules
  | 'date-order'
  | 'abolish-date-missing'
  | 'abolish-before-effective'
  | 'index-no-format'
  | 'index-no-local-format'
  | 'index-no-year-mismatch'
  | 'no-sections'
  | 'late-interpretation'
  | 'glossary-term-unused'
  /** Remnants of a broken encoding conversion in scraped text (`内宸/p>`, `?ldquo;`): a warning. */
  | 'scrape-damage'
  // infographic rules
  | 'series-length'
  | 'pie-series'
  | 'negative-value'
  | 'empty-chart'
  | 'timeline-order'
  | 'sum-mismatch'
  // comparison rules
  | 'text-and-clauses'
  | 'duplicate-version'
  | 'duplicate-clause'
  | 'unknown-version'
  | 'unknown-clause'
  | 'pair-same-version'
  | 'pair-order'
  | 'clause-paired-twice'
  | 'empty-version'
  | 'version-order'
  // directory rules
  | 'duplicate-column'
  | 'unknown-column';

export interface Issue {
  /** JSON Pointer to the offending value, e.g. `/issuer/name`; `` for the whole document. */
  path: string;
  code: IssueCode;
  severity: Severity;
  /** Values the message mentions (a field name, a date, an allowed list). */
  params?: Record<string, string | number>;
}

/** An issue with its message in one locale: the shape of `zw-error`'s `detail.errors`. */
export interface LocalizedIssue extends Issue {
  message: string;
}

export const isError = (issue: Issue): boolean => issue.severity === 'error';

export function issue(path: string, code: IssueCode, params?: Issue['params'], severity: Severity = 'error'): Issue {
  return params ? { path, code, severity, params } : { path, code, severity };
}

/** What kind of JSON value a wrong value was, so its message can show it readably. */
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'undefined';

/** Longest text of a wrong value kept in an issue (`…` marks the cut): an issue list is not a copy of the data. */
const MAX_SHOWN = 60;
/** Objects and arrays are shown as JSON only when this short; otherwise as 对象 / 列表（n 项）. */
const MAX_JSON = 40;

/** Control characters written as escapes (`\n`, `\u0007`), so a pasted line break shows where it is. */
const visible = (text: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The wrong value as issue params: `value` (a string cut to 60 characters, a
 * number, or short JSON), `valueType`, and for arrays `count`. Messages show
 * it with ./messages.ts `shownValue`, never as `[object Object]`.
 */
export function valueParams(value: unknown): { value: string | number; valueType: ValueType; count?: number } {
  if (typeof value === 'string') return { value: visible(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value), valueType: 'string' };
  // Infinity and NaN do not survive JSON (zw-error's detail may be serialised): keep them as text.
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : String(value), valueType: 'number' };
  if (typeof value === 'boolean') return { value: String(value), valueType: 'boolean' };
  if (value === null) return { value: 'null', valueType: 'null' };
  if (value === undefined || (typeof value !== 'object' && typeof value !== 'function')) return { value: '', valueType: 'undefined' };
  let json = '';
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    // not JSON data (checked before validation; kept safe here for callers that skip that)
  }
  const short = json.length <= MAX_JSON ? json : '';
  return Array.isArray(value) ? { value: short, valueType: 'array', count: value.length } : { value: short, valueType: 'object' };
}

/** A property name as a JSON Pointer segment (`a/b` → `a~1b`). */
export const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

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
