// The comparison of two versions of a `comparison` document: clauses of each (split or given), the data's
// explicit pairs and notes resolved to them, then the alignment and diffs (./align.ts).
import type { ComparisonDocument, Version } from '../../schema/types.generated.js';
import { compareClausesInSteps, type AlignStep, type CompareOptions } from './align.js';
import { clauseRef, clausesFromList, splitClauses } from './split.js';
import type { Clause, Comparison, ExplicitPair } from './types.js';

// Splitting a long text is the costly part and both the rules and the element ask for the same version:
// remember the clauses per version object (documents are not mutated once loaded).
const clausesOf = new WeakMap<Version, Clause[]>();

/** A version's clauses: its `clauses` list as given, else its `text` split. Memoised per version object. */
export function versionClauses(version: Version): Clause[] {
  let clauses = clausesOf.get(version);
  if (!clauses) {
    clauses = version.clauses ? clausesFromList(version.clauses) : splitClauses(version.text ?? '');
    clausesOf.set(version, clauses);
  }
  return clauses;
}

/**
 * Compares two versions (indexes into `doc.versions`; by default the last two). Pairs and notes naming
 * these versions are matched to clauses through `clauseRef` (so 「（二）」 finds 「(二)」); references that
 * match no clause are ignored here (the semantic rules report them). Throws RangeError on a bad index.
 */
export function compareVersions(
  doc: ComparisonDocument,
  oldIndex = doc.versions.length - 2,
  newIndex = doc.versions.length - 1,
): Comparison & { oldIndex: number; newIndex: number } {
  const steps = compareVersionsInSteps(doc, oldIndex, newIndex);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Where `compareVersionsInSteps` pauses: after splitting the old version (or reading its clause list), after the new one, and within the alignment. */
export type CompareStep = 'split-old' | 'split-new' | AlignStep;

/**
 * `compareVersions` in steps, so a caller on the main thread can give the browser a turn between them: a
 * generator that yields after splitting each version (only when its clauses were not remembered from an
 * earlier call) and returns what `compareVersions` returns, the alignment and diffs being its last step.
 * The RangeError on a bad index comes from the first `next()`.
 */
export function* compareVersionsInSteps(
  doc: ComparisonDocument,
  oldIndex = doc.versions.length - 2,
  newIndex = doc.versions.length - 1,
): Generator<CompareStep, Comparison & { oldIndex: number; newIndex: number }, void> {
  const count = doc.versions.length;
  for (const [name, index] of [
    ['oldIndex', oldIndex],
    ['newIndex', newIndex],
  ] as const) {
    if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`${name} ${index} is not a version index (0…${count - 1})`);
  }
  const oldVersion = doc.versions[oldIndex];
  const newVersion = doc.versions[newIndex];
  const splitOld = !clausesOf.has(oldVersion);
  const oldClauses = versionClauses(oldVersion);
  if (splitOld) yield 'split-old';
  const splitNew = !clausesOf.has(newVersion);
  const newClauses = versionClauses(newVersion);
  if (splitNew) yield 'split-new';
  const oldIds = idsByRef(oldClauses);
  const newIds = idsByRef(newClauses);

  const pairs: ExplicitPair[] = [];
  for (const pair of doc.pairs ?? []) {
    // a pair written from the newer to the older version still holds when the reader compares that way round
    const [o, c] =
      pair.old.version === oldVersion.id && pair.new.version === newVersion.id
        ? [pair.old, pair.new]
        : pair.old.version === newVersion.id && pair.new.version === oldVersion.id
          ? [pair.new, pair.old]
          : [];
    const oldId = o && oldIds.get(String(o.clause ?? ''));
    const newId = c && newIds.get(String(c.clause ?? ''));
    if (oldId !== undefined && newId !== undefined) pairs.push({ oldId, newId });
  }
  const notes: NonNullable<CompareOptions['notes']> = [];
  for (const note of doc.notes ?? []) {
    const oldId = note.version === oldVersion.id ? oldIds.get(String(note.clause ?? '')) : undefined;
    const newId = note.version === newVersion.id ? newIds.get(String(note.clause ?? '')) : undefined;
    if (oldId !== undefined || newId !== undefined) notes.push({ oldId, newId, text: note.text });
  }
  return { ...(yield* compareClausesInSteps(oldClauses, newClauses, { pairs, notes })), oldIndex, newIndex };
}

/**
 * A reference from the data resolved to a clause id: the id written exactly as given, else the one id that
 * normalises like it. Two different ids that normalise alike (「（一）」 and 「(一)」 in a clause list) make the
 * loose match ambiguous: nothing is resolved rather than the first one guessed.
 */
function idsByRef(clauses: Clause[]): { get(ref: string): string | undefined } {
  const exact = new Set(clauses.map((c) => c.id));
  const loose = new Map<string, string | null>();
  for (const { id } of clauses) {
    const ref = clauseRef(id);
    const seen = loose.get(ref);
    loose.set(ref, seen === undefined || seen === id ? id : null);
  }
  return { get: (ref) => (exact.has(ref) ? ref : (loose.get(clauseRef(ref)) ?? undefined)) };
}
