// node --test test/ssr/ (after the build): `zhengwu-elements render` and `zhengwu-elements/ssr` as a CMS publishing step
// uses them — the BUILT dist/cli.js and dist/ssr.js. What a crawler reads is the HTML itself: the document's text must be
// there as text, outside the JSON script, and readable where declarative shadow DOM is not supported (the light-DOM copy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { RenderError, render, repo, sample } from './support.mjs';

const cli = join(repo, 'dist/cli.js');
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

/** The page's text as a crawler extracts it: tags, styles and the JSON script removed. */
const crawlerText = (html) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

test('render(): the element with a declarative shadow root, its state, the JSON inside, and the text as text', async () => {
  const policy = sample('policy-001-jinan-market-2020');
  const html = await render(policy);
  assert.match(html, /^<zw-policy-card [^>]*state="ready"[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.ok(html.endsWith('</zw-policy-card>'));
  const json = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.deepEqual(JSON.parse(json), policy, 'the JSON inside is the document, for the upgrade in place');
  const text = crawlerText(html);
  for (const expected of [policy.title, policy.issuer.name, '2020年9月16日', policy.keyPoints[0].slice(0, 20)])
    assert.ok(text.includes(expected), `${expected} is in the HTML as text`);
});

test('render(): the copy for browsers without declarative shadow DOM is plain content, in a slot no shadow root has', async () => {
  const html = await render(sample('interpretation-000-shandong-commerce-2019'));
  const fallback = /<div slot="zw-without-shadow-dom" class="zw-without-shadow-dom">([\s\S]*)<\/div><\/zw-interpretation>$/.exec(html)?.[1];
  assert.ok(fallback, 'the light-DOM copy is the last child');
  assert.doesNotMatch(fallback, /<style>|<!--lit|<template/, 'no styles, markers or inert templates in the copy');
  assert.ok(crawlerText(fallback).includes('背景依据'), 'the sections are in the copy');
  assert.ok(crawlerText(fallback).includes('省商务厅2019年政务公开工作实施方案'), 'the nested policy card is unwrapped into the copy');
});

test('render(): options — English labels, blue theme, dark, heading level; escaping; unknown elements refused', async () => {
  const policy = sample('policy-001-jinan-market-2020');
  const html = await render(policy, { lang: 'en', theme: 'blue', appearance: 'dark', headingLevel: 3 });
  assert.match(html, /^<zw-policy-card [^>]*lang="en"/);
  assert.match(html, /^<zw-policy-card [^>]*theme="blue"/);
  assert.match(html, /^<zw-policy-card [^>]*appearance="dark"/);
  assert.ok(crawlerText(html).includes('Publication date'), 'English labels');
  assert.match(html, /data-scheme="dark"/);
  assert.match(html, /role="heading" aria-level="3"/, 'the title at level 3');
  const hostile = { ...policy, summary: '</script><img src=x onerror=alert(1)><!--' };
  const escaped = await render(hostile);
  assert.ok(!escaped.replace(/<script type="application\/json">[\s\S]*?<\/script>/, '').includes('<img src=x'), 'data never becomes markup');
  assert.ok(escaped.includes('&lt;img src=x'), 'it is shown as text');
  assert.equal(escaped.match(/<\/script>/g).length, 1, 'the JSON cannot close its script');
  await assert.rejects(render({ type: 'memo' }), RenderError);
  await assert.rejects(render(policy, { element: 'zw-nothing' }), RenderError);
});

test('render(): invalid data renders the public notice, not the staff list, and never throws', async () => {
  const html = await render({ type: 'policy', schemaVersion: 1, title: '缺少发布机构' });
  assert.match(html, /state="error"/);
  assert.ok(!crawlerText(html).includes('/issuer'), 'no field paths for the public');
});

test('zhengwu-elements render: stdout for one file, --out-dir for several, usage errors exit 2', () => {
  const one = run('render', 'demo/data/policy-004-shanxi-industry-2021.json', '--lang', 'en');
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^<zw-policy-card [^>]*lang="en"/);
  const out = mkdtempSync(join(tmpdir(), 'zw-render-'));
  const many = run('render', 'demo/data/policy-000-shandong-commerce-2019.json', 'demo/data/comparison-000-shandong-commerce.json', '--out-dir', out);
  assert.equal(many.status, 0, many.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['comparison-000-shandong-commerce.html', 'policy-000-shandong-commerce-2019.html']);
  assert.match(readFileSync(join(out, 'comparison-000-shandong-commerce.html'), 'utf8'), /^<zw-policy-compare /);
  const several = run('render', 'demo/data/policy-000-shandong-commerce-2019.json', 'demo/data/policy-001-jinan-market-2020.json');
  assert.equal(several.status, 2, 'several files need --out-dir');
  assert.match(several.stderr, /--out-dir/);
  const bad = run('render', 'demo/data/policy-000-shandong-commerce-2019.json', '--element', 'zw-nothing');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--element/);
});

test('zhengwu-elements render: a document with errors is rendered (the public notice) but exits 1 and says why', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-render-bad-'));
  const file = join(dir, 'bad.json');
  spawnSync('sh', ['-c', `printf '%s' '{"type":"policy","schemaVersion":1,"title":"缺少发布机构"}' > ${file}`]);
  const result = run('render', file);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /state="error"/);
  assert.match(result.stderr, /错误/);
  const broken = join(dir, 'broken.json');
  spawnSync('sh', ['-c', `printf '%s' '{"type": "policy",' > ${broken}`]);
  const syntax = run('render', broken);
  assert.equal(syntax.status, 1);
  assert.equal(syntax.stdout, '');
  assert.match(syntax.stderr, /无法渲染/);
});
