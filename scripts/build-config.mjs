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
 * Issue 12 raised them again, by 2–4 KB: pre-rendered HTML upgrades in place, so every element carries Lit's hydration
 * support (@lit-labs/ssr-client, 1.9 KB gz, loaded before LitElement) and its server paths (the whole document at once,
 * a layout chosen by CSS until measured); the scrape-damage rule now covers every kind (one shared walker). The
 * infographic got smaller (its axes are computed without d3-selection/d3-axis, so they render on the server too).
 * Issue 13 raised them by 0.6–1.4 KB: the schemas' limits (a maxLength or maxItems on every text and list, the chart
 * categories per kind) and the validator's messages for them, a fetched document read as a stream with a size limit,
 * an HTML page named as such, and the reader's shape check before it slices a long body.
 */
export const budgets = {
  'zhengwu-elements.js': 178_000,
  'policy-card': 41_300,
  interpretation: 54_100,
  infographic: 71_700,
  'policy-compare': 57_500,
  'disclosure-directory': 67_700,
  reader: 54_900,
};

/**
 * Gzipped bytes a page downloads with the autoloader (scripts/bench-autoload.mjs): the loader itself (≤ 3 KB, issue 11),
 * and every dist/ file fetched by a page with one policy card, one interpretation, every element. ~5% above the
 * measurements (0.9, 44.0, 58.9, 151.8 KB; issue 12's hydration support added ~2 KB to a page).
 */
export const autoloadBudgets = {
  'autoload.js': 3_072,
  'card page': 47_300,
  'interpretation page': 63_300,
  'everything page': 163_400,
};
