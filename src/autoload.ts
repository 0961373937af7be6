/**
 * The autoloader: `<script type="module" src="/static/zhengwu-elements/autoload.js">` and nothing else. Each `zw-*`
 * element is defined the first time it appears in the page (parsed or added later by a script) by loading that
 * element's module from `autoload/` beside this file; Lit and the shared base come along once, in shared chunks.
 * No Lit and no base here: this file is what every page pays for, whatever it holds.
 *
 * Nested elements (the interpretation's policy cards) are imported by their parent's module, so only the page's
 * own light DOM is watched, not shadow roots; nor `<template>` content, which is not the page until cloned in.
 * Works under `script-src 'self'`: the imports are static strings, resolved by the build to files beside this one.
 */

// The build (scripts/build-autoload.mjs) makes each element an entry of its own in autoload/, so these imports
// become `import('./autoload/<name>.js')`. Literal strings, one per tag: a portal's own bundler can follow them too.
const modules: Record<string, () => Promise<unknown>> = {
  'zw-policy-card': () => import('./components/policy-card/policy-card.js'),
  'zw-interpretation': () => import('./components/interpretation/interpretation.js'),
  'zw-infographic': () => import('./components/infographic/infographic.js'),
  'zw-policy-compare': () => import('./components/policy-compare/policy-compare.js'),
  'zw-disclosure-directory': () => import('./components/disclosure-directory/disclosure-directory.js'),
  'zw-reader': () => import('./components/reader/reader.js'),
};

/** Tags being loaded or already loaded by us; unknown tags already warned about. */
const requested = new Set<string>();
const warned = new Set<string>();

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return; // already ours, or defined by the drop-in or the page
  const module = modules[tag];
  if (!module) {
    if (!warned.has(tag)) {
      warned.add(tag);
      console.warn(`[zhengwu-elements] <${tag}> is not an element of this library (a typo?); it stays undefined.`);
    }
    return;
  }
  requested.add(tag);
  module().catch((error: unknown) => {
    // Forget it, so the element's next appearance in the page tries again (a network blip must not be final).
    requested.delete(tag);
    console.error(`[zhengwu-elements] <${tag}> could not be loaded; it will be tried again when one is next added to the page.`, error);
  });
}

/** Every undefined `zw-*` element at or under `root`. */
function scan(root: Element | Document): void {
  if (root instanceof Element && root.localName.startsWith('zw-')) load(root.localName);
  // `:not(:defined)` finds only custom elements still waiting for a definition: cheap even on a long page.
  for (const element of root.querySelectorAll(':not(:defined)')) if (element.localName.startsWith('zw-')) load(element.localName);
}

scan(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
}).observe(document, { childList: true, subtree: true });
