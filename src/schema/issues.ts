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
  | 'render-failed'
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
  | 'duplicate-item'
  | 'out-of-range'
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
  // infographic rules
  | 'series-length'
  | 'pie-series'
  | 'negative-value'
  | 'empty-chart'
  | 'timeline-order'
  | 'sum-mismatch';

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
