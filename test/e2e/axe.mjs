// One axe helper for the end-to-end run: every page is checked the same way.
// axe-core's default rule set (WCAG A/AA and best practices) on the whole
// document, shadow roots included.

const AXE_URL = '/node_modules/axe-core/axe.min.js'; // same origin: allowed by the pages' strict CSP

/** `zw-infographic >>> .toolbar button`: axe's target, shadow hosts joined with `>>>`. */
const target = (node) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ');

/**
 * Runs axe on the page (injecting axe-core once) and returns its violations,
 * one readable line each: `rule (impact): help — where, where`. Empty when clean.
 * @param {import('playwright-core').Page} page
 */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  // only the violations are built (passes and incomplete results are most of axe's time on a large page)
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(target).join(', ')}`);
}
