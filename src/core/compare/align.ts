// Clause alignment of two versions: which clause became which, by content rather than by number.
//
//  1. explicit pairs from the data;
//  2. unique identical clauses as anchors (Heckel 1978); their longest in-order chain (LIS), with the
//     identical neighbours of its pairs, is a first backbone whose gaps bound the local similarity search;
//  3. leftovers paired by similarity (character-bigram Dice ≥ SIMILARITY_THRESHOLD) within their gap, and
//     strongly similar ones anywhere (moves);
//  4. the final backbone is the in-order chain with the most pairs (then the most similar) over all these:
//     an edited clause keeps its place, and pairs outside the chain are moves;
//  5. strong matches still left (≥ MOVE_THRESHOLD) are moves; everything else is deleted or added — a clause
//     replaced by unrelated text is not "modified".
// The similarity search is bounded (gap-local band + a bigram inverted index with capped postings and a few
// candidates per clause), so a 5,000-clause pair stays near-linear.
import { diffText } from './diff.js';
import { bigrams, contentKey, dice } from './similarity.js';
import type { ChangeKind, ChangeSummary, Clause, ClauseChange, Comparison, ExplicitPair } from './types.js';

export interface CompareOptions {
  /** Explicit alignment from the data; wins over the automatic one. */
  pairs?: ExplicitPair[];
  /** Notes from the data, already resolved to the clause ids of the compared versions. */
  notes?: { oldId?: string; newId?: string; text: string }[];
}

/**
 * Two clauses in the same place (same gap) are the same clause modified at this Dice similarity or above.
 * Measured on the seed texts: unrelated clauses of the same kind of document score ≤ 0.26 in 99% of pairs
 * (0.43 at 99.9%, mostly near-identical headlines); a clause with one or two phrase edits scores ≥ 0.6.
 */
export const SIMILARITY_THRESHOLD = 0.45;
/** A clause found elsewhere (a move) needs stronger evidence: nothing about its place supports the pairing. */
export const MOVE_THRESHOLD = 0.6;

/** Gap-local search: compare every pair when the gap is this small (old × new)… */
const LOCAL_ALL = 400;
/** …otherwise the new clauses within this distance of the old clause's proportional place. */
const LOCAL_BAND = 3;
/** Global search: candidates per clause from the bigram index, and postings longer than this are skipped (common bigrams). */
const INDEX_CANDIDATES = 4;
const INDEX_POSTINGS = 48;

const NONE = -1;

export function compareClauses(oldClauses: Clause[], newClauses: Clause[], options: CompareOptions = {}): Comparison {
  const steps = compareClausesInSteps(oldClauses, newClauses, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Where `compareClausesInSteps` pauses: after the clauses' content keys, after the anchors, after the similarity search. */
export type AlignStep = 'keys' | 'anchors' | 'similarity';

/**
 * `compareClauses` in steps, for a caller on the main thread that gives the browser a turn between them (each is
 * ~5–20 ms at 5,000 clauses): yields after computing the content keys, after the anchors, after the similarity
 * search, and returns what `compareClauses` returns (the backbone, moves, rows and diffs being its last step).
 */
export function* compareClausesInSteps(oldClauses: Clause[], newClauses: Clause[], options: CompareOptions = {}): Generator<AlignStep, Comparison, void> {
  const n = oldClauses.length;
  const m = newClauses.length;
  const oldKeys = oldClauses.map(contentKey);
  const newKeys = newClauses.map(contentKey);
  yield 'keys';
  /** old index → new index, and back */
  const toNew = new Int32Array(n).fill(NONE);
  const toOld = new Int32Array(m).fill(NONE);
  const explicit = new Uint8Array(n);
  /** similarity of the pair at old index (NaN: not yet computed) */
  const similarity = new Float64Array(n).fill(NaN);
  const link = (i: number, j: number) => ((toNew[i] = j), (toOld[j] = i));

  // 1. explicit pairs. An id held by two clauses (the rules report it) is ambiguous: a pair naming it is left to
  // the automatic alignment rather than bound to whichever clause came first. A clause named by two pairs keeps
  // the first.
  const oldById = uniqueIndexById(oldClauses);
  const newById = uniqueIndexById(newClauses);
  for (const pair of options.pairs ?? []) {
    const i = oldById.get(pair.oldId);
    const j = newById.get(pair.newId);
    if (i === undefined || j === undefined || toNew[i] !== NONE || toOld[j] !== NONE) continue;
    link(i, j);
    explicit[i] = 1;
  }

  // 2. unique identical clauses as anchors; explicit pairs take part in the order too
  const counts = new Map<string, { old: number; new: number; i: number; j: number }>();
  for (let i = 0; i < n; i++) {
    if (toNew[i] !== NONE) continue;
    const c = counts.get(oldKeys[i]);
    if (c) c.old++;
    else counts.set(oldKeys[i], { old: 1, new: 0, i, j: NONE });
  }
  for (let j = 0; j < m; j++) {
    const c = toOld[j] === NONE ? counts.get(newKeys[j]) : undefined;
    if (c) {
      c.new++;
      c.j = j;
    }
  }
  for (const c of counts.values()) if (c.old === 1 && c.new === 1) link(c.i, c.j);
  // the longest in-order chain of them (LIS) is a first backbone: its gaps bound the local similarity search
  const anchors: number[] = [];
  for (let i = 0; i < n; i++) if (toNew[i] !== NONE) anchors.push(i);
  const backbone = new Uint8Array(n);
  for (const i of longestIncreasing(anchors, (i) => toNew[i])) backbone[i] = 1;
  // identical neighbours of the backbone (repeated clauses such as 「（相关处室负责）」) join it, Heckel's passes 4–5
  const extend = (i: number, j: number, step: 1 | -1) => {
    for (i += step, j += step; i >= 0 && j >= 0 && i < n && j < m && toNew[i] === NONE && toOld[j] === NONE && oldKeys[i] === newKeys[j]; i += step, j += step) {
      link(i, j);
      backbone[i] = 1;
    }
  };
  extend(-1, -1, 1);
  extend(n, m, -1);
  for (const i of anchors) {
    if (!backbone[i]) continue;
    extend(i, toNew[i], 1);
    extend(i, toNew[i], -1);
  }

  yield 'anchors';

  // 3. similar pairs among the leftovers: gap-local, and across the text for moves
  const oldGap = new Int32Array(n);
  const newGap = new Int32Array(m);
  for (let i = 0, g = 0; i < n; i++) {
    if (backbone[i]) g++;
    else oldGap[i] = g;
  }
  for (let j = 0, g = 0; j < m; j++) {
    if (toOld[j] !== NONE && backbone[toOld[j]]) g++;
    else newGap[j] = g;
  }
  const oldLeft: number[] = [];
  const newLeft: number[] = [];
  const linked: Edge[] = [];
  for (let i = 0; i < n; i++) {
    if (toNew[i] === NONE) oldLeft.push(i);
    else linked.push({ i, j: toNew[i], similarity: 1 });
  }
  for (let j = 0; j < m; j++) if (toOld[j] === NONE) newLeft.push(j);
  const edges = similarityEdges(oldLeft, newLeft, oldGap, newGap, oldKeys, newKeys);
  yield 'similarity';

  // 4. the final backbone: the in-order chain with the most pairs, then the most similar, over the linked
  // pairs and the similar ones — so an edited clause can keep its place and a tie between two anchors is
  // settled by the clauses around them. Linked pairs left out of it are moves.
  const ordered = new Uint8Array(n);
  const moved = new Uint8Array(n);
  const count = n + m + 1;
  for (const e of maximumIncreasingMatching(linked.concat(edges), (e) => count + e.similarity)) {
    ordered[e.i] = 1;
    if (toNew[e.i] === NONE) {
      link(e.i, e.j);
      similarity[e.i] = e.similarity;
    }
  }
  for (const e of linked) if (!ordered[e.i]) moved[e.i] = 1;

  // 5. strong matches left over are moves too (greedy, best first)
  const strong = edges.filter((e) => e.similarity >= MOVE_THRESHOLD).sort((a, b) => b.similarity - a.similarity || a.i - b.i || a.j - b.j);
  for (const e of strong) {
    if (toNew[e.i] !== NONE || toOld[e.j] !== NONE) continue;
    link(e.i, e.j);
    moved[e.i] = 1;
    similarity[e.i] = e.similarity;
  }

  return emit(oldClauses, newClauses, oldKeys, newKeys, toNew, toOld, ordered, moved, explicit, similarity, options.notes ?? []);
}

function groupBy<K>(items: number[], key: (item: number) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Clause index by id, for the ids held by exactly one clause. */
function uniqueIndexById(clauses: Clause[]): Map<string, number> {
  const byId = new Map<string, number>();
  const repeated = new Set<string>();
  clauses.forEach((c, i) => (byId.has(c.id) ? repeated.add(c.id) : byId.set(c.id, i)));
  for (const id of repeated) byId.delete(id);
  return byId;
}

/**
 * The longest subsequence of `items` (already increasing in their own order) whose `value` also increases
 * (patience sorting, O(k log k)).
 */
function longestIncreasing(items: number[], value: (item: number) => number): number[] {
  const tails: number[] = []; // index into items of the smallest tail of each length
  const previous = new Int32Array(items.length).fill(NONE);
  for (let k = 0; k < items.length; k++) {
    const v = value(items[k]);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (value(items[tails[mid]]) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1] : NONE; k !== NONE; k = previous[k]) out.push(items[k]);
  return out.reverse();
}

interface Edge {
  i: number;
  j: number;
  similarity: number;
}

/**
 * Candidate pairs among the leftovers with their Dice similarity (only those ≥ SIMILARITY_THRESHOLD):
 * within each gap, every pair when the gap is small, else a band around the proportional place; and across
 * the whole text, the few new clauses sharing the most uncommon bigrams with each old one (for moves).
 */
function similarityEdges(oldLeft: number[], newLeft: number[], oldGap: Int32Array, newGap: Int32Array, oldKeys: string[], newKeys: string[]): Edge[] {
  if (!oldLeft.length || !newLeft.length) return [];
  // by clause index (sparse: leftovers only)
  const oldProfiles: Float64Array[] = [];
  const newProfiles: Float64Array[] = [];
  for (const i of oldLeft) oldProfiles[i] = bigrams(oldKeys[i]);
  for (const j of newLeft) newProfiles[j] = bigrams(newKeys[j]);
  const edges: Edge[] = [];
  const seen = new Set<number>();
  const consider = (i: number, j: number) => {
    const id = i * newKeys.length + j;
    if (seen.has(id)) return;
    seen.add(id);
    const s = dice(oldProfiles[i], newProfiles[j]);
    if (s >= SIMILARITY_THRESHOLD) edges.push({ i, j, similarity: s });
  };

  // gap-local
  const newByGap = groupBy(newLeft, (j) => newGap[j]);
  const oldByGap = groupBy(oldLeft, (i) => oldGap[i]);
  for (const [gap, olds] of oldByGap) {
    const news = newByGap.get(gap);
    if (!news) continue;
    if (olds.length * news.length <= LOCAL_ALL) {
      for (const i of olds) for (const j of news) consider(i, j);
      continue;
    }
    olds.forEach((i, r) => {
      const centre = Math.round((r * (news.length - 1)) / Math.max(1, olds.length - 1));
      for (let k = Math.max(0, centre - LOCAL_BAND); k <= Math.min(news.length - 1, centre + LOCAL_BAND); k++) consider(i, news[k]);
    });
  }

  // global: inverted index of the new leftovers' distinct bigrams. Keyed by a small-integer hash of the bigram:
  // a Map keyed by the bigram itself (a double above 2^31) boxes every key and was most of the time of an
  // unrelated 1,000-clause pair; a rare collision only adds a candidate, whose Dice is then computed exactly.
  const postings = new Map<number, number[]>();
  newLeft.forEach((j, slot) => {
    const p = newProfiles[j];
    for (let k = 0; k < p.length; k++) {
      if (k > 0 && p[k] === p[k - 1]) continue;
      const key = bigramHash(p[k]);
      const list = postings.get(key);
      if (!list) postings.set(key, [slot]);
      else if (list.length <= INDEX_POSTINGS) list.push(slot);
    }
  });
  const shared = new Int32Array(newLeft.length);
  const touched: number[] = [];
  const best: number[] = [];
  for (const i of oldLeft) {
    const p = oldProfiles[i];
    for (let k = 0; k < p.length; k++) {
      if (k > 0 && p[k] === p[k - 1]) continue;
      const list = postings.get(bigramHash(p[k]));
      if (!list || list.length > INDEX_POSTINGS) continue;
      for (const slot of list) if (shared[slot]++ === 0) touched.push(slot);
    }
    // the best few by shared uncommon bigrams; a clause needs a fair share of its bigrams in common to matter
    const floor = Math.max(1, Math.floor(p.length * SIMILARITY_THRESHOLD * 0.25));
    best.length = 0;
    for (const slot of touched) {
      if (shared[slot] < floor) continue;
      // keep the few best, most shared first (ties: reading order), without sorting everything touched
      let k = best.length;
      while (k > 0 && (shared[best[k - 1]] < shared[slot] || (shared[best[k - 1]] === shared[slot] && best[k - 1] > slot))) k--;
      if (k >= INDEX_CANDIDATES) continue;
      best.splice(k, 0, slot);
      if (best.length > INDEX_CANDIDATES) best.pop();
    }
    for (const slot of best) consider(i, newLeft[slot]);
    for (const slot of touched) shared[slot] = 0;
    touched.length = 0;
  }
  return edges;
}

/** A bigram (two code points as one double, see `bigrams`) folded to a non-negative 30-bit integer (a V8 Smi). */
function bigramHash(bigram: number): number {
  const high = Math.floor(bigram / 0x100000000);
  return (Math.imul(high, 0x9e3779b1) ^ (bigram >>> 0)) & 0x3fffffff;
}

/**
 * The set of edges, increasing in both old and new order (so at most one per clause), with the greatest
 * total weight: a weighted longest increasing subsequence with a Fenwick tree of prefix maxima, O(E log E).
 */
function maximumIncreasingMatching(edges: Edge[], weight: (e: Edge) => number): Edge[] {
  if (!edges.length) return [];
  // by old ascending, then new descending, so two edges of one old clause never chain
  const sorted = [...edges].sort((a, b) => a.i - b.i || b.j - a.j);
  const js = [...new Set(sorted.map((e) => e.j))].sort((a, b) => a - b);
  const rank = new Map(js.map((j, r) => [j, r + 1]));
  const treeValue = new Float64Array(js.length + 1);
  const treeEdge = new Int32Array(js.length + 1).fill(NONE);
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(NONE);
  let bestEnd = NONE;
  sorted.forEach((e, k) => {
    const r = rank.get(e.j)!;
    let value = 0;
    let from = NONE;
    for (let x = r - 1; x > 0; x -= x & -x) {
      if (treeValue[x] > value) {
        value = treeValue[x];
        from = treeEdge[x];
      }
    }
    total[k] = value + weight(e);
    previous[k] = from;
    for (let x = r; x <= js.length; x += x & -x) {
      if (total[k] > treeValue[x]) {
        treeValue[x] = total[k];
        treeEdge[x] = k;
      }
    }
    if (bestEnd === NONE || total[k] > total[bestEnd]) bestEnd = k;
  });
  const out: Edge[] = [];
  for (let k = bestEnd; k !== NONE; k = previous[k]) out.push(sorted[k]);
  return out.reverse();
}

/** The rows in merged reading order: the new version's order, each old-only row where it stood in the old. */
function emit(
  oldClauses: Clause[],
  newClauses: Clause[],
  oldKeys: string[],
  newKeys: string[],
  toNew: Int32Array,
  toOld: Int32Array,
  ordered: Uint8Array,
  moved: Uint8Array,
  explicit: Uint8Array,
  similarity: Float64Array,
  notes: NonNullable<CompareOptions['notes']>,
): Comparison {
  const n = oldClauses.length;
  const m = newClauses.length;
  const notesOn = indexNotes(notes);
  const changes: ClauseChange[] = [];
  const summary: ChangeSummary = { added: 0, deleted: 0, modified: 0, moved: 0, unchanged: 0 };
  /** old index → row of its 'from' (moves), new index → row of its 'to' */
  const fromRow = new Map<number, number>();
  const toRow = new Map<number, number>();

  /** A deleted row has only its old clause, an added row only its new one. */
  const singleRow = (kind: 'added' | 'deleted', clause: Clause): ClauseChange => {
    const deleted = kind === 'deleted';
    return {
      kind,
      [deleted ? 'old' : 'new']: clause,
      renumbered: false,
      notes: deleted ? notesOn(clause.id, undefined) : notesOn(undefined, clause.id),
      explicit: false,
      similarity: 0,
    };
  };
  const pairRow = (i: number, j: number, kind: ChangeKind, placement?: 'from' | 'to'): ClauseChange => {
    const o = oldClauses[i];
    const c = newClauses[j];
    const same = oldKeys[i] === newKeys[j];
    if (Number.isNaN(similarity[i])) similarity[i] = same ? 1 : dice(bigrams(oldKeys[i]), bigrams(newKeys[j]));
    const row: ClauseChange = {
      kind,
      old: o,
      new: c,
      renumbered: o.number !== c.number,
      notes: notesOn(o.id, c.id),
      explicit: !!explicit[i],
      similarity: same ? 1 : similarity[i],
    };
    if (placement) row.placement = placement;
    if (!same && placement !== 'from') {
      const segments = o.text !== c.text ? diffText(o.text, c.text) : undefined;
      if (segments && segments.some((s) => s.op !== 'equal')) row.segments = segments;
      // a heading added or removed is a change too: one insert or delete segment
      if ((o.heading ?? '') !== (c.heading ?? '')) row.headingSegments = diffText(o.heading ?? '', c.heading ?? '');
    }
    return row;
  };

  let nextOld = 0;
  const flushOld = (until: number) => {
    for (; nextOld < until; nextOld++) {
      const i = nextOld;
      if (toNew[i] === NONE) {
        changes.push(singleRow('deleted', oldClauses[i]));
        summary.deleted++;
      } else if (moved[i]) {
        fromRow.set(i, changes.length);
        changes.push(pairRow(i, toNew[i], 'moved', 'from'));
      }
    }
  };
  // for an added or moved-in clause: the old index of the next backbone pair, so a gap's deletions come first
  const nextBackboneOld = new Int32Array(m + 1);
  nextBackboneOld[m] = n;
  for (let j = m - 1; j >= 0; j--) nextBackboneOld[j] = toOld[j] !== NONE && ordered[toOld[j]] ? toOld[j] : nextBackboneOld[j + 1];

  for (let j = 0; j < m; j++) {
    const i = toOld[j];
    if (i !== NONE && ordered[i]) {
      flushOld(i);
      nextOld = i + 1;
      const same = oldKeys[i] === newKeys[j];
      changes.push(pairRow(i, j, same ? 'unchanged' : 'modified'));
      summary[same ? 'unchanged' : 'modified']++;
      continue;
    }
    flushOld(nextBackboneOld[j]);
    if (i === NONE) {
      changes.push(singleRow('added', newClauses[j]));
      summary.added++;
    } else {
      toRow.set(j, changes.length);
      changes.push(pairRow(i, j, 'moved', 'to'));
      summary.moved++;
    }
  }
  flushOld(n);
  for (const [i, from] of fromRow) {
    const to = toRow.get(toNew[i])!;
    changes[from].partner = to;
    changes[to].partner = from;
  }
  return { changes, summary };
}

/** Notes of a row: those naming its old or its new clause, in data order, each once. */
function indexNotes(notes: NonNullable<CompareOptions['notes']>): (oldId: string | undefined, newId: string | undefined) => string[] {
  const indexes = notes.map((_, k) => k);
  // notes without an old (new) id are grouped under undefined, which is never looked up
  const byOld = groupBy(indexes, (k) => notes[k].oldId);
  const byNew = groupBy(indexes, (k) => notes[k].newId);
  return (oldId, newId) => {
    const a = (oldId !== undefined && byOld.get(oldId)) || [];
    const b = (newId !== undefined && byNew.get(newId)) || [];
    if (!a.length && !b.length) return [];
    return [...new Set([...a, ...b])].sort((x, y) => x - y).map((k) => notes[k].text);
  };
}
