import '../rules/directory.js';
import { checkDocument, notJsonData, type CheckResult } from '../check.js';
import { policySummaryRules } from '../rules/policy.js';
import { scrapeDamageIssues } from '../rules/scrape-damage.js';
import { isError, issue, valueParams, type Issue } from '../../schema/issues.js';
import { validateDefinition } from '../../schema/validate.js';
import type { DirectoryEntry } from '../../schema/types.generated.js';

/** The column ids an entry may name: a `Set`, or `columnPaths(…)`'s map. */
export interface KnownColumns {
  has(id: string): boolean;
}

/**
 * Checks a directory without its entries: the schema and rules of everything else (title, issuer,
 * column tree, remote), with `entries` standing in as an empty list, so 100k entries never go through
 * one synchronous validation. The raw `entries` array is put back on the returned `document` (or
 * `partial`) UNCHECKED: check each with `checkDirectoryEntry` before trusting it. An `entries` that is
 * not an array is the shell's fault and is reported here.
 */
export function checkDirectoryShell(data: unknown): CheckResult<'directory'> {
  let entries: unknown;
  let shell: Record<string, unknown>;
  try {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return checkDocument('directory', data);
    entries = (data as Record<string, unknown>).entries;
    if (!Array.isArray(entries)) return checkDocument('directory', data);
    shell = { ...data, entries: [] };
  } catch {
    // a getter or proxy of the page's object threw: checkDocument reports where
    return checkDocument('directory', data);
  }
  const result = checkDocument('directory', shell);
  const withEntries = <T>(doc: T | undefined) => (doc ? ({ ...doc, entries } as T) : undefined);
  return { ...result, document: withEntries(result.document), partial: withEntries(result.partial) };
}

/**
 * Checks one entry (`entries[index]`): the schema of an entry (policy fields + `columns`), then the policy's
 * rules over its fields (dates in order, 已废止 with a 废止日期, the 索引号's shape) and scrape damage in its texts, all with paths
 * `/entries/<index>/…`. With `known`, a column id the tree does not have is a warning (the entry is still
 * listed, under its other columns and in searches). The entry is usable when no issue is an error.
 */
export function checkDirectoryEntry(entry: unknown, index: number, known?: KnownColumns): Issue[] {
  const at = `/entries/${index}`;
  // a hole in the array (`[a, , b]`) or `undefined` pushed by script
  if (entry === undefined) return [issue(at, 'wrong-type', { expected: 'object', ...valueParams(entry) })];
  const notJson = notJsonData(entry);
  if (notJson) return [{ ...notJson, path: at + notJson.path }];
  const issues = validateDefinition('directory.schema.json', '/$defs/entry', entry, at);
  if (issues.some(isError)) return issues;
  const checked = entry as DirectoryEntry;
  issues.push(...policySummaryRules(checked, at));
  // the entry's own texts (title, docNo, summary, keywords…): a small object, walked with the entry, never a second pass over the catalogue
  issues.push(...scrapeDamageIssues(checked, at));
  if (known) {
    checked.columns.forEach((id, j) => {
      if (!known.has(id)) issues.push(issue(`${at}/columns/${j}`, 'unknown-column', { id }, 'warning'));
    });
  }
  return issues;
}
