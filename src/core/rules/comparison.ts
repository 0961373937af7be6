import '../../schema/comparison.js';
import { registerRules } from '../check.js';
import { issue, type Issue } from '../../schema/issues.js';
import type { ClauseRef, ComparisonDocument } from '../../schema/types.generated.js';
import { compareDates, parseIsoDate, type CalendarDate } from '../dates.js';
import { versionClauses } from '../compare/compare.js';
import { clauseRef } from '../compare/split.js';
import { scrapeDamageIssues } from './scrape-damage.js';

/**
 * The longest clause a version's `text` may split into: the schema's limit for a listed clause's text. A text without
 * 第X条 numbers splits into one clause of everything, and a megabyte in one paragraph stalls the page's layout for
 * seconds (measured in scripts/bench-huge.mjs).
 */
export const MAX_CLAUSE_LENGTH = 50_000;

/** How many of a version's clause ids an `unknown-clause` message shows, so staff see how ids are written there. */
const EXAMPLE_IDS = 4;

/**
 * Checks beyond the schema for a comparison that already passed it: unique version
 * and clause ids, `pairs` and `notes` that name real versions and clauses (clauses
 * matched as the comparison matches them, through `clauseRef`, and for `text`
 * versions among the clauses the text splits into), pairs between two different
 * versions, oldest first; warnings for a clause paired twice, an empty version and
 * versions out of date order; scrape damage in every text (a version's whole `text`, each clause).
 */
export function comparisonRules(doc: ComparisonDocument): Issue[] {
  const issues: Issue[] = [];
  const versionIndex = new Map<string, number>();
  let previousDate: { date: CalendarDate; text: string } | undefined;

  doc.versions.forEach((version, i) => {
    const at = `/versions/${i}`;
    const first = versionIndex.get(version.id);
    if (first === undefined) versionIndex.set(version.id, i);
    else issues.push(issue(`${at}/id`, 'duplicate-version', { id: version.id, first: first + 1 }));

    if (version.text !== undefined && version.clauses !== undefined) issues.push(issue(`${at}/clauses`, 'text-and-clauses'));

    // Ids compare as references do (full/half width, spaces): two ids one reference cannot tell apart are duplicates.
    const seen = new Map<string, number>();
    (version.clauses ?? []).forEach((clause, j) => {
      const key = clauseRef(clause.id);
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, j);
      else issues.push(issue(`${at}/clauses/${j}/id`, 'duplicate-clause', { id: clause.id, version: version.id, first: earlier + 1, other: version.clauses![earlier].id }));
    });

    // Only a text longer than one clause may hold a clause that is too long: split it only then.
    if (version.text !== undefined && version.clauses === undefined && version.text.length > MAX_CLAUSE_LENGTH) {
      const clauses = versionClauses(version);
      const index = clauses.findIndex((clause) => clause.text.length > MAX_CLAUSE_LENGTH);
      if (index >= 0) {
        const clause = clauses[index];
        issues.push(
          issue(`${at}/text`, 'clause-too-long', { label: version.label, clause: clause.number || String(index + 1), length: clause.text.length, max: MAX_CLAUSE_LENGTH }),
        );
      }
    }

    // One empty side is legal (a new policy has no old text), but worth a second look.
    if (version.clauses ? version.clauses.length === 0 : !version.text?.trim()) {
      issues.push(issue(`${at}/${version.clauses ? 'clauses' : 'text'}`, 'empty-version', { label: version.label }, 'warning'));
    }

    const date = parseIsoDate(version.date);
    if (date) {
      if (previousDate && compareDates(date, previousDate.date) < 0) {
        issues.push(issue(`${at}/date`, 'version-order', { label: version.label, date: version.date!, previousDate: previousDate.text }, 'warning'));
      }
      previousDate = { date, text: version.date! };
    }
  });

  // The clause ids of a version as references match them; split only when a pair or note names the version.
  const idsCache = new Map<number, { refs: Set<string>; examples: string }>();
  const idsOf = (index: number) => {
    let ids = idsCache.get(index);
    if (!ids) {
      const clauses = versionClauses(doc.versions[index]);
      const shown = clauses.slice(0, EXAMPLE_IDS).map((c) => c.id);
      ids = { refs: new Set(clauses.map((c) => clauseRef(c.id))), examples: shown.join('、') + (clauses.length > EXAMPLE_IDS ? '…' : '') };
      idsCache.set(index, ids);
    }
    return ids;
  };
  const known = [...versionIndex.keys()].join('、');

  /** The version index and normalised clause of a reference, or undefined (and an issue) when either does not exist. */
  const resolve = (ref: ClauseRef, at: string): { version: number; clause: string } | undefined => {
    const version = versionIndex.get(ref.version);
    if (version === undefined) {
      issues.push(issue(`${at}/version`, 'unknown-version', { version: ref.version, known }));
      return undefined;
    }
    const clause = clauseRef(ref.clause);
    const ids = idsOf(version);
    if (!ids.refs.has(clause)) {
      issues.push(issue(`${at}/clause`, 'unknown-clause', { clause: ref.clause, version: ref.version, examples: ids.examples }));
      return undefined;
    }
    return { version, clause };
  };

  // side|version|clause|other version → the first pair (1-based) that pairs that clause with that other version
  const paired = new Map<string, number>();
  (doc.pairs ?? []).forEach((pair, i) => {
    const at = `/pairs/${i}`;
    const oldRef = resolve(pair.old, `${at}/old`);
    const newRef = resolve(pair.new, `${at}/new`);
    if (!oldRef || !newRef) return;
    if (oldRef.version === newRef.version) {
      issues.push(issue(`${at}/new/version`, 'pair-same-version', { version: pair.new.version }));
      return;
    }
    if (oldRef.version > newRef.version) {
      issues.push(issue(`${at}/old/version`, 'pair-order', { old: pair.old.version, new: pair.new.version }));
      return;
    }
    for (const [side, own, other] of [
      ['old', pair.old, pair.new],
      ['new', pair.new, pair.old],
    ] as const) {
      const resolved = side === 'old' ? oldRef : newRef;
      const key = `${side}|${resolved.version}|${resolved.clause}|${side === 'old' ? newRef.version : oldRef.version}`;
      const first = paired.get(key);
      if (first === undefined) paired.set(key, i + 1);
      else issues.push(issue(`${at}/${side}/clause`, 'clause-paired-twice', { version: own.version, clause: own.clause, first, other: other.version }, 'warning'));
    }
  });

  (doc.notes ?? []).forEach((note, i) => resolve(note, `/notes/${i}`));
  issues.push(...scrapeDamageIssues(doc));
  return issues;
}

registerRules('comparison', comparisonRules);
