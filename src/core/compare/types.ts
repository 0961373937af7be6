// The shapes shared by clause splitting (./split.ts), alignment and diff (./align.ts, ./diff.ts),
// the comparison as a whole (./compare.ts) and <zw-policy-compare>. Pure data: no DOM.

/** What a clause is in the text's structure. */
export type ClauseKind =
  /** 第X编 / 第X章 / 第X节: a heading that groups clauses; its text is the heading's title */
  | 'part'
  | 'chapter'
  | 'section'
  /** 第X条 */
  | 'article'
  /** an outline item: 一、 / （一） / (一) / 1. / （1） / ① */
  | 'item'
  /** an unnumbered paragraph (the fallback when a text has no numbering, or text before the first number) */
  | 'paragraph';

/** One clause of one version, in reading order. */
export interface Clause {
  /**
   * Unique within its version. Clause lists give it; split text derives it from the number path as
   * written, normalised (full-width → half-width, spaces removed): 「第三条」, 「一、/（二）」 → `一/(二)`,
   * unnumbered paragraphs 「第2段」. `pairs` and `notes` in the data refer to clauses by this id
   * (compared after the same normalisation, see `clauseRef`).
   */
  id: string;
  /** The number as the reader sees it, e.g. 「第三条」, 「（二）」, 「1.」; '' for an unnumbered paragraph. */
  number: string;
  kind: ClauseKind;
  /** Depth in the outline: 0 for the outermost level used by this text. */
  depth: number;
  /** The numbers of the enclosing clauses, outermost first, e.g. ['第二章', '第五条'] (for context and the 对照表). */
  parents: string[];
  /** A short title: 「第一条 【立法目的】」's 立法目的, a chapter's title, a clause list's `heading`. */
  heading?: string;
  /** The clause's text without its number; paragraphs (款) inside it joined with '\n'. */
  text: string;
  /** Position in the version's clause list (0-based). */
  index: number;
}

/** A run of text in a diff: the same in both, only in the new (insert), only in the old (delete). */
export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type ChangeKind = 'unchanged' | 'modified' | 'added' | 'deleted' | 'moved';

/**
 * One row of the comparison, in merged reading order (the new version's order, each deleted clause
 * placed where it stood in the old version).
 * - unchanged: same content (a renumbered clause is unchanged, `renumbered` true);
 * - modified: paired by similarity, `segments` hold the character changes;
 * - added / deleted: `new` only / `old` only (a clause replaced by unrelated text is deleted + added);
 * - moved: appears twice — `placement: 'to'` at its new position (with `segments` when its text also
 *   changed) and `placement: 'from'` at the place it left; `partner` is the other row's index.
 *   Summary counts it once.
 */
export interface ClauseChange {
  kind: ChangeKind;
  old?: Clause;
  new?: Clause;
  /** old and new numbers differ (only for rows with both sides). */
  renumbered: boolean;
  /** Character changes of the text (modified, and moved with edits); absent when the text is the same. */
  segments?: DiffSegment[];
  /** Character changes of the heading, when it changed (added or removed: one insert or delete segment). */
  headingSegments?: DiffSegment[];
  /** moved only. */
  placement?: 'from' | 'to';
  /** moved only: the index (in `Comparison.changes`) of the other row of the move. */
  partner?: number;
  /** The data's notes on the old or the new clause (`notes`), in data order. */
  notes: string[];
  /** Paired because the data said so (`pairs`), not by the automatic alignment. */
  explicit: boolean;
  /** 0…1 content similarity of the pair (1 = identical); 0 for added/deleted. */
  similarity: number;
}

/** Counted in clauses; a move counts once. */
export interface ChangeSummary {
  added: number;
  deleted: number;
  modified: number;
  moved: number;
  unchanged: number;
}

export interface Comparison {
  changes: ClauseChange[];
  summary: ChangeSummary;
}

/** An explicit alignment from the data, already resolved to the two compared versions' clause ids. */
export interface ExplicitPair {
  oldId: string;
  newId: string;
}
