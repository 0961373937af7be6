// Every string leaf of a document, by JSON Pointer (RFC 6901): where the XSS corpus puts its vectors.

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The JSON Pointer of every string leaf of `doc`, in document order (arrays and objects recursed into). */
export function stringFields(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') found.push(path);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${path}/${escape(key)}`);
  };
  walk(doc, '');
  return found;
}

/** The value at `pointer` in `doc` (undefined when there is none). */
export function getField(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const token of pointer.split('/').slice(1).map(unescape)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** A copy of `doc` (structuredClone) with the string at each pointer replaced; the original is untouched. */
export function setFields<T>(doc: T, values: ReadonlyMap<string, string> | Record<string, string>): T {
  const copy = structuredClone(doc);
  for (const [pointer, value] of values instanceof Map ? values : Object.entries(values)) {
    const tokens = pointer.split('/').slice(1).map(unescape);
    const last = tokens.pop();
    if (last === undefined) throw new Error('the root is not a field');
    let parent: unknown = copy;
    for (const token of tokens) parent = (parent as Record<string, unknown>)?.[token];
    if (parent === null || typeof parent !== 'object' || typeof (parent as Record<string, unknown>)[last] !== 'string') throw new Error(`no string field at ${pointer}`);
    (parent as Record<string, unknown>)[last] = value;
  }
  return copy;
}

/** A copy of `doc` (structuredClone) with the string at `pointer` replaced by `value`. */
export const setField = <T>(doc: T, pointer: string, value: string): T => setFields(doc, { [pointer]: value });
