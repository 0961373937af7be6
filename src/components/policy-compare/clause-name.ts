import { msg, str } from '@lit/localize';
import type { Clause } from '../../core/compare/types.js';

/**
 * How a clause is named in words (moves, deleted-clause markers, the 对照表): its number, with its parent's
 * for an outline item — （一）/（二） restart under each 一、/二、, so 「(二)」 alone could be any of them.
 * Unnumbered: its heading, or its position.
 */
export function clauseName(clause: Clause): string {
  const own = clause.number || clause.heading || (clause.kind === 'paragraph' ? msg(str`第${clause.index + 1}段`) : msg(str`第${clause.index + 1}项`));
  const parent = clause.kind === 'item' && clause.number ? clause.parents[clause.parents.length - 1] : undefined;
  return parent ? `${parent}${own}` : own;
}
