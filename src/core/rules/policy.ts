import '../../schema/policy.js';
import { registerRules } from '../check.js';
import { issue, valueParams, type Issue } from '../../schema/issues.js';
import type { PolicyDocument } from '../../schema/types.generated.js';
import { compareDates, parseIsoDate } from '../dates.js';
import { INDEX_NO_MAX_LENGTH, readIndexNo } from '../index-no.js';
import { scrapeDamageIssues } from './scrape-damage.js';

/** The policy fields the rules read: a policy's, and a directory entry's (which holds them under the same names). */
export type PolicySummary = Pick<PolicyDocument, 'indexNo' | 'writtenDate' | 'publishDate' | 'effectiveDate' | 'abolishDate' | 'validity'>;

/**
 * Checks beyond the schema for a policy that already passed it: its summary fields' rules, and scrape damage
 * in every text (the reader leaves the remnants out when it shows and reads; staff should still correct them).
 */
export const policyRules = (policy: PolicyDocument): Issue[] => [...policySummaryRules(policy), ...scrapeDamageIssues(policy)];

/**
 * The policy's rules over its summary fields (dates in order, 已废止 with its 废止日期, the 索引号's
 * shape), for anything that passed the schema for them; `at` is where the fields are (`/entries/3`).
 */
export function policySummaryRules(policy: PolicySummary, at = ''): Issue[] {
  const issues: Issue[] = [];
  const written = parseIsoDate(policy.writtenDate);
  const published = parseIsoDate(policy.publishDate);
  const effective = parseIsoDate(policy.effectiveDate);
  const abolished = parseIsoDate(policy.abolishDate);

  if (written && published && compareDates(published, written) < 0) {
    issues.push(issue(`${at}/publishDate`, 'date-order', { date: policy.publishDate, other: 'writtenDate', otherDate: policy.writtenDate! }));
  }
  if (effective && abolished && compareDates(abolished, effective) < 0) {
    issues.push(issue(`${at}/abolishDate`, 'abolish-before-effective', { date: policy.abolishDate!, otherDate: policy.effectiveDate! }));
  }
  if ((policy.validity === 'abolished' || policy.validity === 'expired') && !policy.abolishDate) {
    // An abolished document must say since when; for 已失效 a missing date is tolerated but flagged.
    issues.push(issue(`${at}/abolishDate`, 'abolish-date-missing', { validity: policy.validity }, policy.validity === 'abolished' ? 'error' : 'warning'));
  }
  if (policy.indexNo !== undefined) {
    const reading = readIndexNo(policy.indexNo);
    if (reading.fault === 'blank') issues.push(issue(`${at}/indexNo`, 'blank'));
    else if (reading.fault) {
      const params = { reason: reading.fault, length: policy.indexNo.length, max: INDEX_NO_MAX_LENGTH, ...valueParams(policy.indexNo) };
      issues.push(issue(`${at}/indexNo`, 'index-no-format', params));
    } else if (reading.shape === 'local') issues.push(issue(`${at}/indexNo`, 'index-no-local-format', { value: policy.indexNo }, 'warning'));
    if (reading.year && written && reading.year !== written.year && reading.shape === 'standard') {
      issues.push(issue(`${at}/indexNo`, 'index-no-year-mismatch', { year: reading.year, otherYear: written.year }, 'warning'));
    }
  }
  return issues;
}

registerRules('policy', policyRules);
