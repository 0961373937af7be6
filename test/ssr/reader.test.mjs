// node --test test/ssr/: <zw-reader> rendered on the server (src/ssr/index.ts, @lit-labs/ssr) — what a crawler and a
// reader without JavaScript get. The built render() (./support.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { render, sample, shadowOf, textOf } from './support.mjs';

describe('<zw-reader> rendered on the server', () => {
  test('the title, a heading and the body are text in the shadow root (not only inside the JSON)', async () => {
    const html = await render(sample('reader-000-shandong-2019'), { element: 'zw-reader' });
    assert.match(html, /^<zw-reader[^>]* state="ready"/);
    const text = textOf(shadowOf(html));
    assert.ok(text.includes('省商务厅2019年政务公开工作实施方案'), 'the title');
    assert.ok(text.includes('一、深化重点领域信息公开'), 'a heading');
    assert.ok(text.includes('坚持以习近平新时代中国特色社会主义思想为指导'), 'a sentence of the body');
    // the last block too: the whole body, not the first frame's worth the browser renders first
    assert.ok(text.includes('将政务公开纳入厅绩效考核体系'), 'the end of the body');
    // headings are headings (navigable without the script), in the sections the browser makes
    assert.match(shadowOf(html), /(?:<h[3-6]\b|role="heading" aria-level="[3-6]")[^>]*>(?:<!--[^>]*-->)*\s*一、深化重点领域信息公开/);
    assert.ok((shadowOf(html).match(/<section class="zw-section" id="zw-r-s-\d+"/g) ?? []).length > 10, 'one section per heading');
  });

  test('the toolbar needs the script: marked zw-needs-script, with a note; no control elsewhere', async () => {
    const shadow = shadowOf(await render(sample('reader-000-shandong-2019'), { element: 'zw-reader' }));
    const toolbar = shadow.indexOf('<div class="toolbar zw-needs-script" part="toolbar"');
    const article = shadow.indexOf('<article class="content"');
    const articleEnd = shadow.indexOf('</article>');
    const dialog = shadow.indexOf('<dialog id="help-dialog"');
    assert.ok(toolbar > 0 && toolbar < article && articleEnd < dialog, 'toolbar, then the text, then the help dialog (closed)');
    assert.match(shadow.slice(toolbar, article), /<p class="needs-script-note">(?:<!--[^>]*-->)*[^<]*JavaScript/);
    const controls = [...shadow.matchAll(/<(button|select|input|textarea)\b/g)].map((m) => m.index);
    assert.ok(controls.length > 10, 'the toolbar’s controls are rendered (the client hydrates them)');
    for (const at of controls) assert.ok((at > toolbar && at < article) || at > dialog, `a control outside the toolbar and the dialog at ${at}`);
    // the contents (目录), hidden until opened: one link per section heading
    const toc = /<ol class="toc-list" id="toc-list"[^>]*hidden[^>]*>([\s\S]*?)<\/ol>/.exec(shadow)?.[1];
    assert.ok(toc, 'the contents list, closed');
    const headings = sample('reader-000-shandong-2019').body.filter((b) => b.type === 'heading').length;
    assert.equal((toc.match(/<a\b/g) ?? []).length, headings, 'one link per heading');
    assert.ok(!/\sstyle=/.test(shadow), 'no inline style attributes (a strict CSP blocks them)');
  });

  test('scraper damage is repaired in what is shown (the second sample)', async () => {
    const text = textOf(shadowOf(await render(sample('reader-003-guangzhou-2021'), { element: 'zw-reader' })));
    assert.ok(text.includes('广州市商务局关于印发2021年政务公开工作要点分工实施方案的通知'));
    assert.ok(!text.includes('?/p>'), 'no “?/p>” remnants');
  });

  test('a long body (checked and rendered over frames in the browser) comes out whole', async () => {
    const doc = sample('reader-000-shandong-2019');
    const paragraph = (i) => ({ type: 'paragraph', text: `第${i}段。${'为贯彻落实政务公开工作要点，推进决策、执行、管理、服务、结果公开。'.repeat(8)}` });
    doc.body = [...doc.body, ...Array.from({ length: 400 }, (_, i) => paragraph(i + 1))];
    assert.ok(JSON.stringify(doc.body).length > 100_000);
    const html = await render(doc, { element: 'zw-reader' });
    assert.match(html, /^<zw-reader[^>]* state="ready"/);
    const text = textOf(shadowOf(html));
    assert.ok(text.includes('第1段。') && text.includes('第400段。'), 'the first and the last paragraph');
  });

  test('stored preferences and the system’s settings are not the server’s: the toolbar shows the defaults', async () => {
    const shadow = shadowOf(await render(sample('reader-000-shandong-2019'), { element: 'zw-reader' }));
    assert.match(shadow, /<output class="size-value"[^>]*>(?:<!--[^>]*-->)*100%/);
    assert.match(shadow, /<div class="zw-root" part="root" data-scheme="light">/);
    // a preset attribute is the portal's: the server renders with it
    const preset = shadowOf(await render(sample('reader-000-shandong-2019'), { element: 'zw-reader', attributes: { 'text-scale': '1.5', elderly: true } }));
    assert.match(preset, /<output class="size-value"[^>]*>(?:<!--[^>]*-->)*150%/);
    assert.match(preset, /id="elderly" aria-pressed="true"/);
  });
});
