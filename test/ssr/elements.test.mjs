// Pre-rendered HTML of the policy card, interpretation, infographic and comparison (src/ssr `render`): for every demo
// sample, what a crawler or a reader without JavaScript gets is the content itself, as text in the shadow root's markup
// (not only inside the JSON script); the infographic's charts as SVG; script-only controls marked `zw-needs-script`.
// The built render() (./support.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render, repo, sample, shadowOf, textOf as crawlerText } from './support.mjs';

const KINDS = /^(policy|interpretation|infographic|comparison)-/;
const samples = readdirSync(join(repo, 'demo/data'))
  .filter((f) => KINDS.test(f))
  .map((f) => ({ id: f.replace(/\.json$/, ''), doc: sample(f.replace(/\.json$/, '')) }));

/** The text a crawler reads, white space removed (key texts are compared without it). */
const textOf = (markup) => crawlerText(markup).replace(/\s+/g, '');
const squash = (s) => s.replace(/\s+/g, '');
const start = (s, n = 12) => squash(s).slice(0, n);

/** Key text of each document: its title, a section or clause, a table cell or chart label. */
function keyTexts(doc) {
  const keys = [doc.title];
  if (doc.type === 'policy') {
    keys.push(doc.issuer.name);
    if (doc.summary) keys.push(start(doc.summary));
    if (doc.keyPoints?.length) keys.push(start(doc.keyPoints[0]));
  } else if (doc.type === 'interpretation') {
    keys.push(doc.interpreter.name);
    if (doc.faq?.length) keys.push(doc.faq[0].question, start(doc.faq[0].answer));
    const para = (doc.background ?? doc.mainContent ?? []).find((b) => b.type === 'paragraph' && typeof b.text === 'string');
    if (para) keys.push(start(para.text));
  } else if (doc.type === 'infographic') {
    for (const block of doc.blocks.flatMap((b) => (b.type === 'annual-report' ? [] : [b]))) {
      if (block.type === 'chart') keys.push(block.categories[0], start(block.takeaway));
      if (block.type === 'table') keys.push(String(block.rows[0][0]));
      if (block.title) keys.push(block.title);
    }
  } else if (doc.type === 'comparison') {
    const last = doc.versions[doc.versions.length - 1];
    keys.push(last.label);
    if (last.clauses) keys.push(start(last.clauses[0].text, 8));
  }
  return keys.filter(Boolean).map(squash);
}

describe('pre-rendered elements: content as text, charts as SVG, script-only controls marked', () => {
  for (const { id, doc } of samples) {
    test(id, async () => {
      const html = await render(doc);
      assert.match(html, /^<zw-[a-z-]+ [^>]*state="ready"/, 'rendered ready, not the error notice');
      const shadow = shadowOf(html);
      const text = textOf(shadow);
      for (const key of keyTexts(doc)) assert.ok(text.includes(key), `"${key}" as text in the shadow root's markup`);
      if (doc.type === 'infographic') {
        const charts = JSON.stringify(doc.blocks).split('"type":"chart"').length - 1;
        const svgs = shadow.match(/<svg[^>]*class="chart"/g)?.length ?? 0;
        // each chart twice before the width is known: the phone's drawing and the wide screen's
        // the annual report's statistics make charts of their own (core/annual-report.ts)
        if (doc.blocks.some((b) => b.type === 'annual-report')) assert.ok(svgs >= 2 && svgs % 2 === 0, 'the annual report has charts, as SVG');
        else assert.equal(svgs, charts * 2, 'every chart as SVG (phone and wide drawings)');
        if (/"chart":"(bar|line)"/.test(JSON.stringify(doc.blocks))) assert.match(shadow, /<g class="tick"/, 'axes with ticks, rendered on the server');
        assert.match(shadow, /class="[^"]*download-toggle[^"]*zw-needs-script/, 'the download button needs the script');
        if (charts) assert.match(shadow, /class="[^"]*table-toggle[^"]*zw-needs-script/, 'the data table button needs the script');
        assert.match(shadow, /class="infographic [^"]*auto"/, 'laid out for the screen (CSS) until the width is measured');
      }
      if (doc.type === 'interpretation' && doc.faq?.length) {
        assert.match(shadow, /class="faq-tools zw-needs-script"/, 'the FAQ filter and expand-all need the script');
        assert.match(shadow, /<details[^>]*class="faq-item"/, 'answers in <details>, readable without the script');
      }
      if (doc.type === 'interpretation') assert.match(shadow, /class="layout auto"/, 'the contents list placed by CSS until the width is measured');
      if (doc.type === 'comparison') {
        assert.match(shadow, /class="controls zw-needs-script"/, 'view switches, 只看修改 and copy need the script');
        assert.match(shadow, /<zw-|class="rows /, 'the aligned view is rendered');
        assert.match(shadow, /class="rows side-by-side[^"]*auto-wide"/, '对照 for a wide screen (CSS chooses until the width is measured)');
        assert.match(shadow, /class="rows redline[^"]*auto-narrow"/, '修订 for a narrow screen');
        assert.match(shadow, /class="compare auto"/, 'laid out for the screen (CSS) until the width is measured');
        const counts = ['added', 'deleted', 'modified', 'moved', 'unchanged'].map((k) => new RegExp(`class="count ${k}"`).test(shadow));
        assert.ok(counts.every(Boolean), 'the summary counts every kind of change');
        assert.doesNotMatch(shadow, /(selected|checked)="false"/, 'no false property binding written as a (true) attribute');
        assert.equal(shadow.match(/<input type="radio"[^>]*checked/g)?.length, 1, 'one view checked: 对照');
        if (doc.versions.length > 2) assert.equal(shadow.match(/<option[^>]*selected/g)?.length, 2, 'one version selected in each picker');
      }
      if (doc.type === 'policy') assert.doesNotMatch(shadow, /<button/, 'a card has no script-only control: links only');
    });
  }

  test('the interpretation pre-renders its nested policy card with its own shadow root', async () => {
    const { doc } = samples.find((s) => s.doc.type === 'interpretation' && s.doc.policy);
    const shadow = shadowOf(await render(doc));
    assert.match(shadow, /<zw-policy-card[^>]*><template shadowroot="open" shadowrootmode="open">/);
    assert.ok(textOf(shadow).includes(squash(doc.policy.title)), 'the nested card shows the policy title as text');
  });

  test('a related policy given only by its address pre-renders in the loading state the browser starts in (so it hydrates)', async () => {
    const doc = sample('interpretation-000-shandong-commerce-2019');
    doc.related = [{ url: 'related-policy.json' }];
    const shadow = shadowOf(await render(doc));
    // found by the XSS suite: the server said "empty", the browser starts fetching ("loading"), and hydration threw
    assert.match(shadow, /<zw-policy-card[^>]*src="related-policy.json"[^>]*state="loading"/);
  });

  test('invalid data renders the public error notice, not a throw', async () => {
    const html = await render({ type: 'infographic', schemaVersion: 1, title: '' });
    assert.match(html, /^<zw-infographic [^>]*state="error"/);
    assert.match(shadowOf(html), /part="error"/);
    const card = await render({ type: 'policy', schemaVersion: 1, title: 42 });
    assert.match(card, /state="error"/);
  });

  test('--lang en gives English labels', async () => {
    const { doc } = samples.find((s) => s.doc.type === 'infographic');
    const text = textOf(shadowOf(await render(doc, { lang: 'en' })));
    assert.ok(text.includes('Download'), 'the download button in English');
    const interpretation = samples.find((s) => s.doc.type === 'interpretation' && s.doc.faq?.length).doc;
    const zh = textOf(shadowOf(await render(interpretation)));
    const en = textOf(shadowOf(await render(interpretation, { lang: 'en' })));
    assert.ok(zh.includes('全部展开') && !en.includes('全部展开'), 'the FAQ tools in English, not Chinese');
    assert.ok(en.includes(squash(interpretation.title)), "the document's own text stays as written");
  });
});
