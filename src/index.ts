/** zhengwu-elements: Web Components for 政务公开 pages. */
import './base/hydrate-support.js'; // first: before anything imports lit
export { ZwPolicyCard } from './components/policy-card/policy-card.js';
export { ZwInterpretation } from './components/interpretation/interpretation.js';
export { ZwInfographic } from './components/infographic/infographic.js';
export { ZwPolicyCompare } from './components/policy-compare/policy-compare.js';
export { ZwDisclosureDirectory } from './components/disclosure-directory/disclosure-directory.js';
export { ZwReader } from './components/reader/reader.js';
export { ZwReaderChangeEvent, ZwSpeakEvent } from './components/reader/reader.events.js';
export { ZwSearchEvent, ZwSelectEvent } from './components/disclosure-directory/disclosure-directory.events.js';
export { ZwSectionChangeEvent, ZwTermOpenEvent } from './components/interpretation/interpretation.events.js';
export { ZwElement, type ElementState } from './base/zw-element.js';
export { ZwLoadEvent, ZwErrorEvent } from './base/events.js';
export { defineElement } from './base/define.js';
export { readingScheme, onReadingChange, READING_CHANGE } from './base/reading.js';
export { publishReading, type PageReading } from './base/reading-publish.js';
export { checkDocument, type CheckResult } from './core/check.js';
export { registerHolidays, knownHolidayYears, type YearHolidays } from './core/holidays.js';
export { validateSchema, schemaOf, type DocumentKind, type DocumentKinds } from './schema/validate.js';
export type { Issue, IssueCode, LocalizedIssue, Severity } from './schema/issues.js';
export { localizeIssue, issueMessage } from './schema/messages.js';
export { withLocale, matchLocale, UI_LOCALES, type UiLocale } from './i18n/locale.js';
export type * from './schema/types.generated.js';
