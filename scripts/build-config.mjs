/** Chromium 86 is the oldest core among the domestic browsers we support (360, QQ, Sogou). */
export const TARGET = 'chrome86';

/** Public element entry points: one module per element. */
export const elements = {
  'policy-card': 'src/components/policy-card/policy-card.ts',
  interpretation: 'src/components/interpretation/interpretation.ts',
  infographic: 'src/components/infographic/infographic.ts',
  'policy-compare': 'src/components/policy-compare/policy-compare.ts',
  'disclosure-directory': 'src/components/disclosure-directory/disclosure-directory.ts',
  reader: 'src/components/reader/reader.ts',
};

/**
 * Gzipped size budgets in bytes: each element alone with Lit and everything it needs inlined, minified as a
 * portal's bundler would (whitespace too). Set just above the measured sizes so the next growth shows up red.
 * Issue 10 raised them: every element follows the reader's page-wide text size and theme (theme tokens, the
 * zw-reading-change listener, print colours), and the policy rules every card, interpretation and directory
 * entry runs gained the scrape-damage check (core/reader/repair.ts, ~1 KB) that shows staff damaged text in
 * `preview`; the drop-in holds the reader (its speech, aids, sanitizer and tables are fetched beside it).
 */
export const budgets = {
  'zhengwu-elements.js': 176_000,
  'policy-card': 37_600,
  interpretation: 50_200,
  infographic: 71_000,
  'policy-compare': 51_500,
  'disclosure-directory': 63_000,
  reader: 51_500,
};

/**
 * Gzipped bytes a page downloads with the autoloader (scripts/bench-autoload.mjs): the loader itself (≤ 3 KB, issue 11),
 * and every dist/ file fetched by a page with one policy card, one interpretation, every element. ~5% above the
 * measurements (0.9, 42.1, 57.1, 152.0 KB).
 */
export const autoloadBudgets = {
  'autoload.js': 3_072,
  'card page': 45_300,
  'interpretation page': 61_400,
  'everything page': 163_400,
};
