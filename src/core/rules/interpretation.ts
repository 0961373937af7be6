import '../../schema/interpretation.js';
import { registerRules } from '../check.js';
import { issue, type Issue } from '../../schema/issues.js';
import type { Block, InterpretationDocument } from '../../schema/types.generated.js';
import { compareDates, parseIsoDate } from '../dates.js';
import { holidaysKnownBetween, knownHolidayYearsText, workingDaysBetween } from '../holidays.js';
import { policyRules } from './policy.js';
import { scrapeDamageIssues } from './scrape-damage.js';

/** The standard sections of a 政策解读, in their standard order. */
export const INTERPRETATION_SECTIONS = ['background', 'objectives', 'mainContent', 'scope', 'standards', 'notes', 'glossary', 'changes', 'benefits', 'faq', 'related'] as const;
export type InterpretationSection = (typeof INTERPRETATION_SECTIONS)[number];

/** A 解读 is due within 3 working days of the policy's publication (国办 and provincial 政务公开 rules), counted with the official 节假日 and 调休. */
export const INTERPRETATION_DEADLINE_WORKING_DAYS = 3;

/** All the plain text of a list of blocks. */
export function blocksText(blocks: Block[] | undefined): string {
  return (blocks ?? [])
    .map((b) => {
      switch (b.type) {
        case 'list':
          return b.items.join('\n');
        case 'table':
          return [b.caption ?? '', ...(b.head ?? []), ...b.rows.flat()].join('\n');
        case 'note':
          return `${b.title ?? ''}\n${b.text}`;
        default:
          return b.text;
      }
    })
    .join('\n');
}

/** Text of every section a glossary term may appear in (not the glossary itself). */
export function interpretationText(doc: InterpretationDocument): string {
  return [
    doc.title,
    ...(['background', 'objectives', 'mainContent', 'scope', 'standards', 'notes', 'benefits'] as const).map((key) => blocksText(doc[key])),
    ...(doc.changes?.items ?? []).flatMap((c) => [c.subject ?? '', c.before ?? '', c.after, c.note ?? '']),
    ...(doc.faq ?? []).flatMap((f) => [f.question, f.answer]),
  ].join('\n');
}

const prefixed = (prefix: string, issues: Issue[]) => issues.map((i) => ({ ...i, path: prefix + i.path }));

/** Checks beyond the schema for an interpretation that already passed it. */
export function interpretationRules(doc: InterpretationDocument): Issue[] {
  const issues: Issue[] = [];
  // embedded policies get a policy's rules, scrape damage included, so the walk over the rest leaves them out
  const embedded: string[] = [];
  if (doc.policy) {
    issues.push(...prefixed('/policy', policyRules(doc.policy)));
    embedded.push('/policy');
  }
  (doc.related ?? []).forEach((item, index) => {
    if (!('type' in item)) return;
    issues.push(...prefixed(`/related/${index}`, policyRules(item)));
    embedded.push(`/related/${index}`);
  });
  issues.push(...scrapeDamageIssues(doc, '', embedded));

  if (!INTERPRETATION_SECTIONS.some((key) => doc[key] !== undefined)) {
    issues.push(issue('', 'no-sections'));
  }

  const policyDate = parseIsoDate(doc.policy?.publishDate);
  const ownDate = parseIsoDate(doc.publishDate);
  if (policyDate && ownDate && compareDates(ownDate, policyDate) > 0) {
    const days = workingDaysBetween(policyDate, ownDate);
    if (days > INTERPRETATION_DEADLINE_WORKING_DAYS) {
      // the message says which years' holidays are known, and when these dates are outside them
      const calendar = holidaysKnownBetween(policyDate, ownDate) ? 'official' : 'weekdays';
      const params = { days, limit: INTERPRETATION_DEADLINE_WORKING_DAYS, date: doc.publishDate, policyDate: doc.policy!.publishDate, calendar, years: knownHolidayYearsText() };
      issues.push(issue('/publishDate', 'late-interpretation', params, 'warning'));
    }
  }

  const text = interpretationText(doc);
  (doc.glossary ?? []).forEach((entry, index) => {
    if (!text.includes(entry.term)) issues.push(issue(`/glossary/${index}/term`, 'glossary-term-unused', { term: entry.term }, 'warning'));
  });
  return issues;
}

registerRules('interpretation', interpretationRules);
