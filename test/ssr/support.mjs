// What the Node tests of pre-rendered HTML share (they run after the build, on what ships): the built render() from
// dist/ssr.js, the demo samples, and the shadow root's markup and its text as a crawler reads them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
export const { render, RenderError, styleHashes } = await import(join(repo, 'dist/ssr.js'));

/** A demo sample document by its file name (demo/data/<name>.json). */
export const sample = (name) => JSON.parse(readFileSync(join(repo, 'demo/data', `${name}.json`), 'utf8'));

/** The shadow root's markup (what a browser with declarative shadow DOM shows): not the JSON script, not the plain copy. */
export function shadowOf(html) {
  const shadow = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template><script type="application\/json">/.exec(html)?.[1];
  assert.ok(shadow, 'the element has a declarative shadow root, before its JSON script');
  return shadow;
}

const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
/** The text a crawler reads in some markup: no styles, comments or tags, entities decoded, white space collapsed. */
export const textOf = (markup) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => entities[e])
    .replace(/\s+/g, ' ');
