// A portal with `style-src 'self'` lists styleHashes() in its policy: every <style> the pre-renderer writes (one per
// shadow root, nested cards included) must hash to one of them, or the browser blocks it and reports a violation.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { render, sample, styleHashes } from './support.mjs';

const hashOf = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test("every <style> of every element's pre-rendered HTML is among styleHashes()", async () => {
  const hashes = styleHashes();
  assert.equal(hashes.length, 6, 'one hash per element');
  assert.equal(new Set(hashes).size, 6, 'each element has its own styles');
  const pages = [
    await render(sample('policy-001-jinan-market-2020')),
    await render(sample('interpretation-000-shandong-commerce-2019')), // with a nested card
    await render(sample('infographic-annual-report-example')),
    await render(sample('comparison-000-shandong-commerce')),
    await render(sample('directory-seeds')),
    await render(sample('reader-000-shandong-2019'), { element: 'zw-reader' }),
    await render({ type: 'policy', title: 1 }), // the error notice
  ];
  const seen = new Set();
  for (const html of pages) {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hashOf(m[1]));
    assert.ok(styles.length > 0, 'the page has its styles');
    for (const hash of styles) {
      assert.ok(hashes.includes(hash), `${hash} is listed`);
      seen.add(hash);
    }
  }
  assert.equal(seen.size, 6, 'the six elements were all rendered');
});
