import '../../schema/policy.js';
import { registerRules } from '../check.js';
import { issue, valueParams, type Issue } from '../../schema/issues.js';
import type { PolicyDocument } from '../../schema/types.generated.js';
import { compareDates, parseIsoDate } from '../dates.js';
import { INDEX_NO_MAX_LENGTH, readIndexNo } from '../index-no.js';

/** Checks beyond the schema for a policy that already passed it. */
export function policyRules(policy: PolicyDocument): Issue[] {
  const issues: Issue[] = [];
  const written = parseIsoDate(policy.writtenDate);
  const published = parseIsoDate(policy.publishDate);
  const effective = parseIsoDate(policy.effectiveDate);
  const abolished = parseIsoDate(policy.abolishDate);

  if (written && published && compareDates(published, written) < 0) {
    issues.push(issue('/publishDate', 'date-order', { date: policy.publishDate, other: 'writtenDate', otherDate: policy.writtenDate! }));
  }
  if (effective && abolished && compareDates(abolished, effective) < 0) {
    issues.push(issue('/abolishDate', 'abolish-before-effective', { date: policy.abolishDate!, otherDate: policy.effectiveDate! }));
  }
  if ((policy.validity === 'abolished' || policy.validity === 'expired') && !policy.abolishDate) {
    // An abolished document must say since when; for 已失效 a missing date is tolerated but flagged.
    issues.push(issue('/abolishDate', 'abolish-date-missing', { validity: policy.validity }, policy.validity === 'abolished' ? 'error' : 'warning'));
  }
  if (policy.indexNo !== undefined) {
    const reading = readIndexNo(policy.indexNo);
    if (reading.fault === 'blank') issues.push(issue('/indexNo', 'blank'));
    else if (reading.fault) {
      const params = { reason: reading.fault, length: policy.indexNo.length, max: INDEX_NO_MAX_LENGTH, ...valueParams(policy.indexNo) };
      issues.push(issue('/indexNo', 'index-no-format', params));
    } else if (reading.shape === 'local') issues.push(issue('/indexNo', 'index-no-local-format', { value: policy.indexNo }, 'warning'));
    if (reading.year && written && reading.year !== written.year && reading.shape === 'standard') {
      issues.push(issue('/indexNo', 'index-no-year-mismatch', { year: reading.year, otherYear: written.year }, 'warning'));
    }
  }
  return issues;
}

registerRules('policy', policyRules);
