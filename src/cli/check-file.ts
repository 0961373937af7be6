/**
 * One JSON file's text checked the way the elements check a document: the same JSON reader (line,
 * column and the named mistake of a syntax error), the same kinds' schemas and rules, the same
 * per-entry check of a directory. No file system here: `index.ts` reads the files.
 */
// Every kind's schema and rules, as the elements import them (importing a rules module registers both).
import '../core/rules/all.js';
import { checkDocument } from '../core/check.js';
import { columnPaths, columnsOf } from '../core/directory/columns.js';
import { checkDirectoryEntry, checkDirectoryShell } from '../core/directory/entries-check.js';
import { jsonErrorPlace } from '../core/json.js';
import { issue, valueParams, type Issue } from '../schema/issues.js';
import type { DocumentKind } from '../schema/validate.js';
import type { DirectoryDocument } from '../schema/types.generated.js';

/** The kinds a document's `type` may name, in the order the CLI lists them. */
export const KINDS: readonly DocumentKind[] = ['policy', 'interpretation', 'infographic', 'comparison', 'directory'];

/**
 * Problems only a file can have, worded by the CLI (strings.ts), not by the elements: an element never
 * sees a file, and an empty document is its `empty` state, not an error. A publishing gate refuses both.
 */
export interface FileProblem {
  path: string;
  code: 'unknown-kind' | 'empty-file' | 'read-failed';
  severity: 'error';
  params?: Issue['params'];
}

export interface FileCheck {
  /** The kind the document's `type` names, when it is one. */
  kind?: DocumentKind;
  /** Errors and warnings in the order found: the elements' issues, or the file's own problem. */
  issues: (Issue | FileProblem)[];
}

const isKind = (type: unknown): type is DocumentKind => typeof type === 'string' && (KINDS as readonly string[]).includes(type);

/** Checks the text of one JSON file. */
export function checkJsonText(text: string): FileCheck {
  // fetch().text() drops a UTF-8 BOM before the elements see the text; files saved by Windows editors have one.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { issues: [{ path: '', code: 'empty-file', severity: 'error' }] };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    // As base/data-loader.ts reports it, so the message is the one staff see in the element.
    const { line, column, hint, found } = jsonErrorPlace(body, error);
    return { issues: [issue('', 'json-syntax', { line, column, ...(hint ? { hint } : {}), ...(found ? { found } : {}) })] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { issues: [issue('', 'not-object', { actual: Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data })] };
  }
  const type = (data as Record<string, unknown>).type;
  if (!isKind(type)) return { issues: [{ path: '/type', code: 'unknown-kind', severity: 'error', params: type === undefined ? undefined : valueParams(type) }] };
  if (type !== 'directory') return { kind: type, issues: checkDocument(type, data).issues };
  return { kind: type, issues: checkDirectory(data) };
}

/**
 * A directory as `<zw-disclosure-directory>` checks it: the shell (everything but the entries) once,
 * then each entry on its own against the column tree, so 100k entries never go through one validation
 * of the whole document. An entry with errors is left out of the published list: an error here too.
 */
function checkDirectory(data: unknown): Issue[] {
  const shell = checkDirectoryShell(data);
  const doc = (shell.document ?? shell.partial) as DirectoryDocument | undefined;
  const issues = [...shell.issues];
  if (!doc || !Array.isArray(doc.entries)) return issues;
  const known = columnPaths(columnsOf(doc));
  const entries: unknown[] = doc.entries;
  for (let i = 0; i < entries.length; i++) {
    issues.push(...checkDirectoryEntry(entries[i], i, known));
  }
  return issues;
}
