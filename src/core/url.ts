/**
 * Links in documents are untrusted: only http(s) and relative references may
 * reach an href. The schema refuses the rest with an error; this is the
 * second lock, at render time.
 */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  // Browsers drop tabs and newlines inside URLs and trim C0 controls and spaces,
  // so `java\nscript:` would become `javascript:`; refuse them all.
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false;
  if (!SCHEME.test(value)) return true;
  return /^https?:\/\//i.test(value);
}

/** The href to render, or undefined when the link must not be rendered. */
export const safeHref = (value: unknown): string | undefined => (isSafeUrl(value) ? value : undefined);
