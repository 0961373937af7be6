import { isError, type Issue } from '../schema/issues.js';
import { unescapePointer, validateSchema, type DocumentKind, type DocumentKinds } from '../schema/validate.js';
import { issue } from '../schema/issues.js';
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

/** Validates a document of `kind`: schema, then the kind's semantic rules. Never throws. */
export function checkDocument<K extends DocumentKind>(kind: K, data: unknown): CheckResult<K> {
  try {
    return check(kind, data);
  } catch {
    // Data no JSON document can be (circular, BigInt, absurdly deep): refuse it whole.
    return { issues: [issue('', 'invalid')] };
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
  const paths = issues.filter(isError).map((i) => i.path).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
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
