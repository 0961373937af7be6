import '../../schema/directory.js';
import { registerRules } from '../check.js';
import { issue, type Issue } from '../../schema/issues.js';
import type { Column, DirectoryDocument } from '../../schema/types.generated.js';
import { scrapeDamageIssues } from './scrape-damage.js';

/**
 * Checks beyond the schema for a directory's shell (its entries are checked one by one, see
 * ../directory/entries-check.ts): every column id in the tree names one column only, because entries,
 * counts and page addresses find a column by its id; scrape damage in the shell's texts.
 */
export function directoryRules(doc: DirectoryDocument): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, Column>();
  const walk = (columns: Column[], at: string) =>
    columns.forEach((column, i) => {
      const here = `${at}/${i}`;
      const earlier = first.get(column.id);
      if (earlier) issues.push(issue(`${here}/id`, 'duplicate-column', { id: column.id, name: earlier.name }));
      else first.set(column.id, column);
      if (column.children) walk(column.children, `${here}/children`);
    });
  walk(doc.columns ?? [], '/columns');
  // the shell's texts (title, issuer, column names); each entry's are checked with the entry
  issues.push(...scrapeDamageIssues(doc, '', ['/entries']));
  return issues;
}

registerRules('directory', directoryRules);
