import { escapePointer, isError, issue, unescapePointer, type Issue } from '../schema/issues.js';
import { validateSchema, type DocumentKind, type DocumentKinds } from '../schema/validate.js';
type Rules<K extends DocumentKind> = (doc: DocumentKinds[K]) => Issue[];
/** Each kind's semantic rules register themselves (src/core/rules/<kind>.ts) with its schema. */
const rules = new Map<DocumentKind, Rules<never>>();

export function registerRules<K extends DocumentKind>(kind: K, check: Rules<K>): void {
  rules.set(kind, check as Rules<never>);
}

export interface CheckResult<K extends DocumentKind> {
  /** Every error and warning, schema first, then the semantic rules. */
  issues: Issue[];
  /** The document, when it has no errors. */
  document?: DocumentKinds[K];
  /**
   * When there are errors: the document with every erroneous value removed,
   * if what remains is itself valid — the parts that are safe to show.
   */
  partial?: DocumentKinds[K];
  /** `partial` is the whole document: only cross-field rules failed, nothing was removed. */
  partialIsWhole?: boolean;
}

function checkOnce<K extends DocumentKind>(kind: K, data: unknown): Issue[] {
  const schemaIssues = validateSchema(kind, data);
  if (schemaIssues.some(isError)) return schemaIssues;
  return [...schemaIssues, ...(rules.get(kind)?.(data as never) ?? [])];
}

/**
 * Validates a document of `kind`: schema, then the kind's semantic rules.
 * Bad data never throws: data that is not JSON at all (circular, BigInt, a
 * getter that throws — possible only with `el.data = …`) is refused whole with
 * a `not-json` issue. A throw from here is a bug (a rule that fails, a kind whose
 * schema was never registered): it is left to reach the console with its stack.
 */
export function checkDocument<K extends DocumentKind>(kind: K, data: unknown): CheckResult<K> {
  const notJson = notJsonData(data);
  if (notJson) return { issues: [notJson] };
  return check(kind, data);
}

/** Deeper than any real document; deeper data is refused rather than walked. */
const MAX_DEPTH = 64;

/**
 * The first place where `data` is not JSON data, as a `not-json` issue
 * (`reason`: circular, bigint, function, symbol, too-deep, unreadable), or
 * undefined. Reads every value once; the only place that catches, because
 * reading an untrusted object can run its getters or proxy traps.
 */
export function notJsonData(data: unknown): Issue | undefined {
  const holding: object[] = []; // the objects around the current value: meeting one again is a cycle
  let reading = ''; // where a throwing getter was
  const visit = (value: unknown, path: string): Issue | undefined => {
    switch (typeof value) {
      case 'bigint':
      case 'function':
      case 'symbol':
        return issue(path, 'not-json', { reason: typeof value });
      case 'object': {
        if (value === null) return undefined;
        if (holding.includes(value)) return issue(path, 'not-json', { reason: 'circular' });
        if (holding.length >= MAX_DEPTH) return issue(path, 'not-json', { reason: 'too-deep', max: MAX_DEPTH });
        holding.push(value);
        let found: Issue | undefined;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length && !found; i++) {
            reading = `${path}/${i}`;
            found = visit(value[i], reading);
          }
        } else {
          for (const key of Object.keys(value)) {
            reading = `${path}/${escapePointer(key)}`;
            if ((found = visit((value as Record<string, unknown>)[key], reading))) break;
          }
        }
        holding.pop();
        return found;
      }
      default:
        return undefined;
    }
  };
  try {
    return visit(data, '');
  } catch (error) {
    // A getter or proxy of the page's object threw while being read: the data's fault, not ours.
    let message = '';
    try {
      message = String((error as Error)?.message ?? error).slice(0, 120);
    } catch {
      // an error that cannot even be printed
    }
    return issue(reading, 'not-json', { reason: 'unreadable', error: message });
  }
}

function check<K extends DocumentKind>(kind: K, data: unknown): CheckResult<K> {
  const issues = checkOnce(kind, data);
  if (!issues.some(isError)) return { issues, document: data as DocumentKinds[K] };
  // Only cross-field rules failed (e.g. 发布日期 before 成文日期): the document is
  // well-formed, so it is safe to show as it is, under the error list.
  if (!validateSchema(kind, data).some(isError)) return { issues, partial: data as DocumentKinds[K], partialIsWhole: true };
  const pruned = withoutErrors(data, issues);
  // The remainder only has to be well-formed: removing a value may upset a cross-field
  // rule (a chart value gone → series shorter than categories), which is already reported.
  if (pruned !== undefined && !validateSchema(kind, pruned).some(isError)) {
    return { issues, partial: pruned as DocumentKinds[K] };
  }
  return { issues };
}

/** A deep copy of `data` without the values the errors point at (missing-field errors cannot be pruned). */
function withoutErrors(data: unknown, issues: Issue[]): unknown {
  if (data === null || typeof data !== 'object') return undefined;
  // Documents are JSON; a JSON round trip copies them (structuredClone needs Chromium 98).
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  // Deepest and last array items first, so earlier indexes stay valid.
  const paths = issues
    .filter(isError)
    .map((i) => i.path)
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const path of paths) {
    const segments = path.split('/').slice(1).map(unescapePointer);
    if (segments.length === 0) return undefined;
    let parent: unknown = copy;
    for (const segment of segments.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[segment];
    const last = segments[segments.length - 1];
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
  }
  return copy;
}
