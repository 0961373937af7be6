// node --test test/ssr/: <zw-disclosure-directory> rendered on the server (src/ssr/index.ts, @lit-labs/ssr) — what a
// crawler and a reader without JavaScript get: the first page of the list, the column tree and the counts as text, the
// controls that need the script marked. The built render() (./support.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { render, sample, shadowOf, textOf } from './support.mjs';

const seeds = sample('directory-seeds');

/** The `<tbody>` rows of the shadow root's table. */
const rowsOf = (shadow) => /<tbody>([\s\S]*?)<\/tbody>/.exec(shadow)?.[1].match(/<tr\b/g) ?? [];
/** Entries newest first (the list's default order without a search). */
const newest = [...seeds.entries].sort((a, b) => b.publishDate.localeCompare(a.publishDate));

describe('<zw-disclosure-directory> rendered on the server', () => {
  test('the first page of the list, the total and the pager are text in the shadow root, not only in the JSON', async () => {
    const html = await render(seeds);
    assert.match(html, /^<zw-disclosure-directory[^>]* state="ready"/);
    const shadow = shadowOf(html);
    const text = textOf(shadow);
    assert.ok(!text.includes('正在载入目录'), 'no loading state: the catalogue is built on the server, at once');
    assert.ok(text.includes('政府信息公开目录（示例）'), 'the title');
    assert.ok(text.includes('共 32 条'), `the total: ${text.slice(0, 400)}`);
    assert.equal(rowsOf(shadow).length, 20, 'one page of 20 rows');
    // the default order: newest 发布日期 first; the 21st newest is on page 2
    for (const entry of newest.slice(0, 3)) assert.ok(text.includes(entry.title), `row “${entry.title}”`);
    assert.ok(!text.includes(newest[20].title), `“${newest[20].title}” is on the second page`);
    assert.ok(text.includes(`${newest[0].indexNo}`.split('/')[0]), 'the 索引号 of the first row');
    assert.ok(text.includes('2026年7月2日') || text.includes('2026年 7月2日'), 'its 发布日期 as a Chinese date');
    assert.ok(text.includes('第 1 / 2 页'), 'the pager says where the reader is');
    // links that work without the script: a title with a 原文 address links to it
    const linked = newest.slice(0, 20).find((e) => e.url);
    assert.ok(linked && shadow.includes(`href="${linked.url}"`), `“${linked?.title}” links to its document`);
  });

  test('the column tree and the filters carry the real counts', async () => {
    const text = textOf(shadowOf(await render(seeds)));
    assert.ok(text.includes('全部栏目 （32）'), 'the tree: all columns with the total');
    for (const [name, count] of [
      ['政府信息公开指南', 1],
      ['政府信息公开制度', 5],
      ['法定主动公开内容', 23],
      ['依申请公开', 2],
      ['政府信息公开年报', 3],
    ])
      assert.ok(text.includes(`${name} （${count}）`), `the tree: ${name} (${count})`);
    const year = (y) => seeds.entries.filter((e) => e.publishDate.startsWith(y)).length;
    assert.ok(text.includes(`2026（${year('2026')}）`) && text.includes(`2017（${year('2017')}）`), 'the year filter counts');
    assert.ok(text.includes('主动公开（30）'), 'the 公开属性 filter counts');
  });

  test('selects and the checkbox come out as the browser shows them (no selected="false", one choice each)', async () => {
    const shadow = shadowOf(await render(seeds, { attributes: { 'page-size': '10' } }));
    assert.ok(!/(?:selected|checked)="(?:false|undefined)"/.test(shadow), 'no boolean property written as a false attribute');
    const selects = shadow.match(/<select\b[\s\S]*?<\/select>/g) ?? [];
    assert.equal(selects.length, 8, 'five filters, sort, order, page size');
    for (const select of selects) assert.ok((select.match(/<option\b[^>]*\sselected[\s>]/g) ?? []).length <= 1, `one selected option: ${select.slice(0, 80)}`);
    assert.match(shadow, /<option value="10"[^>]*\sselected[\s>]/, 'the page size chosen is the one selected');
    assert.doesNotMatch(shadow, /<input\b[^>]*type="checkbox"[^>]*\schecked[\s>]/, 'the 已废止 toggle is off');
    assert.equal(rowsOf(shadow).length, 10, 'page-size applies on the server');
  });

  test('the search, the filters and the pager buttons are marked as needing the script; the table and the tree are not', async () => {
    const shadow = shadowOf(await render(seeds));
    assert.match(shadow, /<form class="search zw-needs-script"[^>]*role="search"/, 'the search form');
    assert.match(shadow, /<details\s+class="filters zw-needs-script"/, 'the filters, sort and order');
    assert.match(shadow, /<nav class="pager"[\s\S]*?<ul class="zw-needs-script">[\s\S]*?上一页/, 'the pager buttons');
    assert.match(shadow, /<label class="size zw-needs-script"/, 'the page size');
    assert.match(shadow, /class="needs-script-note">(?:<!--[^>]*-->)*[^<]*JavaScript/, 'a note says what needs the script');
    for (const [what, pattern] of [
      ['table', /<table[^>]*class="[^"]*zw-needs-script/],
      ['tree', /<nav class="tree[^"]*zw-needs-script/],
      ['results', /class="results[^"]*zw-needs-script/],
    ])
      assert.doesNotMatch(shadow, pattern, `the ${what} stays readable`);
  });

  test('virtual scrolling (list-mode="scroll") pre-renders the first page of rows in its scroll area', async () => {
    const shadow = shadowOf(await render(seeds, { attributes: { 'list-mode': 'scroll' } }));
    assert.match(shadow, /<div class="scroller[^"]*" role="region"/);
    assert.match(shadow, /<table part="table" aria-rowcount="33"/, 'the table says how many rows there are');
    assert.equal(rowsOf(shadow).length, 20, 'the first page of rows');
    assert.ok(textOf(shadow).includes(newest[0].title));
    assert.doesNotMatch(shadow, /<nav class="pager"/, 'no pager in scroll mode');
  });

  test('a remote directory pre-renders its shell: title and search, no rows, and the render returns', async () => {
    const shadow = shadowOf(await render(sample('directory-remote')));
    const text = textOf(shadow);
    assert.ok(text.includes('政府信息公开目录（远程检索示例：10 万条）'), 'the title');
    assert.match(shadow, /<form class="search zw-needs-script"/);
    assert.equal(rowsOf(shadow).length, 0, 'the rows are the search server’s to give');
    assert.ok(text.includes('正在搜索'), 'the list says it is searching');
  });

  test('invalid entries are left out on the server as in the browser, with the public notice', async () => {
    const doc = { ...seeds, entries: [...seeds.entries, { title: '坏数据', columns: ['gkzd'] }] };
    const text = textOf(shadowOf(await render(doc)));
    assert.ok(text.includes('共 32 条'), 'the good entries are listed');
    assert.ok(text.includes('1 条信息暂时无法显示'), 'the public notice of the entry left out');
  });
});
