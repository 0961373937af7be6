import { expect, fixture, html } from '@open-wc/testing';
import { isSafeUrl } from '../../core/url.js';
import { SEED_003_TASK_ROWS, seed003Policy } from '../../test-support/reader-fixture.js';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, ID_PREFIX, sanitizeArticle, type SanitizeRoute } from './sanitize.js';

/** The spy: a counter on window, read and reset here (another test file declares `__zwPwned` as a flag). */
const spy = window as unknown as { __zwSpy?: number };

/** What every hostile handler, URL and script below runs if it ever gets the chance: the spy. */
const PWN = 'window.__zwSpy=(window.__zwSpy||0)+1';

/**
 * Hostile article HTML (attacks that leave elements open come last): scripts, handlers, script URLs in every spelling, SVG/MathML namespace confusion and the
 * published DOMPurify mXSS bypasses, forms, embedded content, page-level elements, styles, DOM clobbering, data: images.
 */
const HOSTILE = `
<h2 id="toolbar" onclick="${PWN}" style="position:fixed" class="zw-root">广州市商务局2021年政务公开工作要点分工实施方案</h2>
<script>${PWN}</script>
<script type="module">${PWN}</script>
<img src="x" onerror="${PWN}">
<img src="x" onerror="${PWN}" alt="损坏的图片">
<a href="javascript:${PWN}">权责清单</a>
<a href=" jAvAsCrIpT:${PWN}">监管信息</a>
<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${PWN}">实体编码</a>
<a href="&#x6A;avascript&colon;${PWN}">十六进制实体</a>
<a href="java&#x09;script:${PWN}">含制表符</a>
<a href="java&#x0A;script:${PWN}">含换行</a>
<a href="&#0000106avascript:${PWN}">前导零实体</a>
<a href="vbscript:msgbox(1)">VBScript</a>
<a href="data:text/html,&lt;script&gt;${PWN}&lt;/script&gt;">数据链接</a>
<a href="javascript:${PWN}"><img src="x" alt="链接里的图片"></a>
<svg><script>${PWN}</script><a xlink:href="javascript:${PWN}"><text x="0" y="15">点我</text></a><animate onbegin="${PWN}" attributeName="x" dur="1s"/></svg>
<svg><use href="data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='1' onerror='${PWN}'/&gt;&lt;/svg&gt;#x"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror="${PWN}"></style></mglyph></table></mtext></math>
<math href="javascript:${PWN}">数学</math>
<noscript><p title="</noscript><img src=x onerror=${PWN}>">noscript</p></noscript>
<textarea><p title="</textarea><img src=x onerror=${PWN}>"></textarea>
<title><img src=x onerror=${PWN}></title>
<xmp><img src=x onerror=${PWN}></xmp>
<template><img src=x onerror="${PWN}"></template>
<form action="https://evil.example/steal" id="getElementById"><input name="attributes" autofocus onfocus="${PWN}"><input type="image" src="x" formaction="javascript:${PWN}"><button formaction="javascript:${PWN}">提交</button><select><option>选项</option></select></form>
<isindex action="javascript:${PWN}" type="image">
<details open ontoggle="${PWN}"><summary>详情</summary>展开的内容</details>
<iframe srcdoc="&lt;script&gt;parent.${PWN}&lt;/script&gt;"></iframe>
<iframe src="javascript:parent.${PWN}"></iframe>
<object data="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX196d1NweT0xPC9zY3JpcHQ+">对象后备</object>
<embed src="javascript:${PWN}">
<base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=javascript:${PWN}">
<link rel="stylesheet" href="data:text/css,*{display:none}">
<style>body { display: none }</style>
<p style="background:url(javascript:${PWN})" class="x" data-zw-reading="1" aria-hidden="true" role="button" tabindex="0" contenteditable="true">带样式的段落</p>
<img name="getElementById" src="/favicon.ico" alt="图一">
<img name="body" alt="图二">
<a id="cookie" href="/a">同名属性</a>
<div id="location"><span></span></div>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="数据图片">
<img src="data:image/svg+xml,&lt;svg onload='${PWN}'/&gt;">
<img srcset="javascript:${PWN} 1x, x 2x" alt="srcset图片">
<a href="https://sw.gz.gov.cn/" target="_blank" rel="opener">新窗口链接</a>
<a href="/xxgk/tzgg/" target="_top">顶层链接</a>
<marquee onstart="${PWN}">跑马灯</marquee>
<video><source onerror="${PWN}"></video>
<audio src="x" onerror="${PWN}"></audio>
<zw-reader><script type="application/json">{"type":"policy"}</script></zw-reader>
<p>结尾段落</p>
<!-- the published mXSS bypasses leave elements open: last, so they swallow nothing else -->
<svg></p><style><a id="</style><img src=1 onerror=${PWN}>">
<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${PWN}&gt;">
<form><math><mtext></form><form><mglyph><style></math><img src onerror=${PWN}>
<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${PWN} src=1>"></math>
<p>被吞掉的段落</p>`;

/** The elements no output may contain, whatever the route. */
const NEVER = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'template',
  'noscript',
  'meta',
  'base',
  'link',
  'title',
  'details',
  'video',
  'audio',
  'zw-reader',
];

/** A source element holding `markup` in an inert document: nothing in the corpus runs or loads before the sanitizer sees it. */
function inertSource(markup: string): Element {
  const doc = document.implementation.createHTMLDocument('');
  const source = doc.createElement('div');
  source.innerHTML = markup;
  return source;
}

/** The sanitised content, placed live in a shadow root as the reader places it: whatever survived can run now. */
function render(fragment: DocumentFragment): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.append(fragment);
  return root;
}

/** Every image has loaded or failed: the moment any surviving onerror/onload would have run. */
function imagesSettled(root: ShadowRoot, timeout = 5000): Promise<unknown> {
  const images = [...root.querySelectorAll('img')].filter((img) => img.hasAttribute('src') && !img.complete);
  const settled = images.map((img) => new Promise((resolve) => ['load', 'error'].forEach((type) => img.addEventListener(type, resolve, { once: true }))));
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error(`images still loading after ${timeout} ms`)), timeout));
  return Promise.race([Promise.all(settled), late]);
}

/** Everything executable or unsafe in `root`, one line each; empty when clean. */
function findings(root: ParentNode): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') out.push(`${tag} in ${el.namespaceURI}`);
    if (!(ALLOWED_ELEMENTS as readonly string[]).includes(tag)) out.push(`<${tag}>`);
    if (NEVER.includes(tag)) out.push(`forbidden <${tag}>`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) out.push(`${tag}[${name}]`);
      if (!(ALLOWED_ATTRIBUTES as readonly string[]).includes(name) && !(tag === 'a' && name === 'rel')) out.push(`${tag}[${name}] not allowed`);
      if ((name === 'href' || name === 'src') && !isSafeUrl(value)) out.push(`${tag}[${name}=${value}]`);
      if (/(?:java|vb)script:|data:/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) out.push(`${tag}[${name}] holds ${value}`); // eslint-disable-line no-control-regex
      if (name === 'id' && !value.startsWith(ID_PREFIX)) out.push(`id ${value} not prefixed`);
    }
  }
  return out;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Seed 003 as a CMS page leaves it: the damaged header lines copied from the seed text, the headings, paragraphs and the 31-row task table. */
function seed003Markup(): string {
  const parts = [
    // copied from /work/shared/seeds/003_ed13813fff02754d.txt: the encoding damage turned tags into text
    '<p>放大字体缩小字体2021-07-26 09:32:25 来源9a href="http://sw.gz.gov.cn/xxgk/tzgg/tz/content/post_7395811.html" target="_blank" rel="nofollow">广州市商务局浏览次数9span id="hits">588</p>',
    '<table class="info"><tr><th>有效性状?/th></th><td>废止日期 暂无</td></tr><tr><th>属?/th></th><td>专业属?/th> 其他</td></tr></table>',
    '<h1 id="wj-title">广州市商务局关于印发2021年政务公开工作要点分工实施方案的通知</h1>',
    '<p>文件地址：<a href="http://sw.gz.gov.cn/xxgk/tzgg/tz/content/post_7395811.html" target="_blank">原文链接</a>，见<a href="#plan">实施方案</a>。<img src="/demo/qr.png" alt="扫描二维码"></p>',
  ];
  let heading = 0;
  for (const block of seed003Policy.body ?? []) {
    if (block.type === 'heading') parts.push(`<h${(block.level ?? 2) + 1}${heading++ === 0 ? ' id="plan"' : ''}>${esc(block.text)}</h${(block.level ?? 2) + 1}>`);
    else if (block.type === 'paragraph') parts.push(`<p>${esc(block.text)}</p>`);
    else if (block.type === 'list') parts.push(`<ul>${block.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`);
    else if (block.type === 'table')
      parts.push(
        `<table border="1" style="width:100%"><caption>${esc(block.caption ?? '')}</caption><thead><tr>${(block.head ?? []).map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
          `<tbody>${block.rows.map((row) => `<tr>${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
  }
  parts.push('<ol><li>高度重视</li><li>跟进报送</li><li>加强考核</li></ol>', '<div><span></span><p>&nbsp;</p><p><br></p></div>');
  return parts.join('\n');
}

for (const route of ['markup', 'dom'] as SanitizeRoute[]) {
  describe(`sanitizeArticle (${route === 'markup' ? 'fallback: parsed through the zhengwu-reader policy' : 'DOM to DOM in an inert document'})`, () => {
    beforeEach(() => {
      spy.__zwSpy = 0;
    });

    it('leaves nothing executable from the hostile corpus, and the spy stays 0 once the content is live', async () => {
      const root = render(sanitizeArticle(inertSource(HOSTILE), route));
      await imagesSettled(root);
      expect(findings(root), findings(root).join('\n')).to.deep.equal([]);
      expect(root.innerHTML).not.to.match(/<(?:script|svg|math|iframe|object|embed|style|form|input|button|base|meta|link|template|noscript)\b/i);
      expect(spy.__zwSpy, 'no hostile handler, URL or script ran').to.equal(0);
      expect(typeof document.getElementById, 'nothing clobbered the document').to.equal('function');
    });

    it('keeps the readable words of the hostile corpus, links unwrapped when their URL is refused', () => {
      const root = render(sanitizeArticle(inertSource(HOSTILE), route));
      const heading = root.querySelector('h2')!;
      expect(heading.textContent).to.equal('广州市商务局2021年政务公开工作要点分工实施方案');
      expect(heading.id).to.equal(`${ID_PREFIX}toolbar`);
      expect([...heading.attributes].map((a) => a.name)).to.deep.equal(['id']);
      const text = root.textContent ?? '';
      for (const words of ['权责清单', '监管信息', '实体编码', '数据链接', '带样式的段落', '展开的内容', '跑马灯', '结尾段落']) expect(text).to.include(words);
      // scripts, styles, controls and fallback content are gone with their text
      for (const gone of ['__zwSpy', 'display: none', '提交', '选项', '对象后备', 'noscript']) expect(text).not.to.include(gone);
      const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).to.deep.equal(['/a', 'https://sw.gz.gov.cn/', '/xxgk/tzgg/']);
      // the image inside the refused link stays, with its alt
      expect([...root.querySelectorAll('img')].map((img) => img.alt)).to.include('链接里的图片');
    });

    it('links: target=_blank gets rel="noopener noreferrer", other targets go; images: unsafe src and srcset go, alt stays', () => {
      const root = render(sanitizeArticle(inertSource(HOSTILE), route));
      const blank = root.querySelector('a[href="https://sw.gz.gov.cn/"]')!;
      expect(blank.getAttribute('target')).to.equal('_blank');
      expect(blank.getAttribute('rel')).to.equal('noopener noreferrer');
      const top = root.querySelector('a[href="/xxgk/tzgg/"]')!;
      expect(top.hasAttribute('target')).to.equal(false);
      const byAlt = (alt: string) => root.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
      expect(byAlt('数据图片')?.hasAttribute('src'), 'data: image keeps its alt, not its src').to.equal(false);
      expect(byAlt('srcset图片')?.hasAttribute('srcset')).to.equal(false);
      expect(byAlt('图一')?.getAttribute('src')).to.equal('/favicon.ico');
      expect(byAlt('图一')?.hasAttribute('name')).to.equal(false);
      // no alt and no usable src: nothing to read, nothing kept; an image without alt is decorative (alt="")
      expect([...root.querySelectorAll('img')].every((img) => img.alt || img.hasAttribute('src'))).to.equal(true);
      expect([...root.querySelectorAll('img')].every((img) => img.hasAttribute('alt'))).to.equal(true);
      // ids that clobber document properties are dropped, the rest prefixed
      expect(root.querySelector('a[href="/a"]')?.hasAttribute('id')).to.equal(false);
    });

    it('keeps seed 003 readable: headings, paragraphs, the 31-row task table, lists, links, image alt; the damaged text stays text', () => {
      const root = render(sanitizeArticle(inertSource(seed003Markup()), route));
      expect(findings(root), findings(root).join('\n')).to.deep.equal([]);
      const table = [...root.querySelectorAll('table')].find((t) => t.caption?.textContent === '2021年政务公开工作要点分工')!;
      expect(table, 'the task table').to.exist;
      expect(table.tBodies[0]!.rows.length).to.equal(SEED_003_TASK_ROWS);
      expect([...table.tHead!.rows[0]!.cells].map((c) => `${c.localName}:${c.textContent}:${c.getAttribute('scope')}`)).to.deep.equal(
        ['工作任务', '具体要求', '责任处室', '具体工作', '完成时限'].map((h) => `th:${h}:col`),
      );
      expect(table.hasAttribute('border') || table.hasAttribute('style')).to.equal(false);
      const firstRow = table.tBodies[0]!.rows[0]!;
      expect(firstRow.cells[1]!.textContent).to.equal('1.县级以上各级政府要主动公开国民经济和社会发展第十四个五年规划纲要、国土空间规划、专项规划和区域规划等、/td>');
      expect([...root.querySelectorAll('h2, h3')].map((h) => h.textContent)).to.include.members(['一、制定依?/p>', '二、方案内宸/p>', '三、工作要汁/span>']);
      expect(root.querySelector('h1')!.id).to.equal(`${ID_PREFIX}wj-title`);
      const text = root.textContent ?? '';
      expect(text).to.include('来源9a href="http://sw.gz.gov.cn/xxgk/tzgg/tz/content/post_7395811.html" target="_blank" rel="nofollow">广州市商务局浏览次数9span id="hits">588');
      expect(text).to.include('有效性状?/th>');
      expect(text).to.include('2021??2?/p>');
      // the damage never turned back into markup: the only links are the two real ones, and no #hits element appeared
      expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['http://sw.gz.gov.cn/xxgk/tzgg/tz/content/post_7395811.html', `#${ID_PREFIX}plan`]);
      expect(root.querySelector('a')!.rel).to.equal('noopener noreferrer');
      expect(root.getElementById(`${ID_PREFIX}plan`)?.textContent).to.equal(seed003Policy.body!.find((b) => b.type === 'heading')!.text);
      expect(root.querySelector('[id$="hits"]')).to.equal(null);
      expect(root.querySelector('img')!.alt).to.equal('扫描二维码');
      expect([...root.querySelectorAll('ol > li')].map((li) => li.textContent)).to.deep.equal(['高度重视', '跟进报送', '加强考核']);
      // the empty wrappers and blank paragraphs at the end collapsed away
      expect(root.lastElementChild!.localName).to.equal('ol');
    });

    it('rewrites ids, in-page links and table headers references together', () => {
      const root = render(
        sanitizeArticle(
          inertSource('<a href="#s1">第一节</a><a name="old">旧锚点</a><h2 id="s1">第一节</h2><table><tr><th id="h">表头</th></tr><tr><td headers="h  x">值</td></tr></table>'),
          route,
        ),
      );
      expect(root.querySelector('a')!.getAttribute('href')).to.equal(`#${ID_PREFIX}s1`);
      expect(root.querySelector('h2')!.id).to.equal(`${ID_PREFIX}s1`);
      expect(root.querySelector('td')!.getAttribute('headers')).to.equal(`${ID_PREFIX}h ${ID_PREFIX}x`);
      expect(root.querySelector('th')!.id).to.equal(`${ID_PREFIX}h`);
      // an <a> without href is no link: its words stay
      expect(root.textContent).to.include('旧锚点');
      expect(root.querySelectorAll('a').length).to.equal(1);
    });
  });
}

describe('sanitizeArticle on a live host', () => {
  it('skips the JSON data child, keeps the article, and leaves the light DOM as it was', async () => {
    const host = await fixture<HTMLElement>(html`<div>
      <script type="application/json">
        { "type": "policy", "title": "数据" }
      </script>
      <h2>正文标题</h2>
      <p>正文段落，<strong>重点</strong>。</p>
    </div>`);
    const before = host.innerHTML;
    const fragment = sanitizeArticle(host);
    expect(host.innerHTML, 'the source is not changed').to.equal(before);
    const root = render(fragment);
    expect(root.querySelector('script')).to.equal(null);
    expect(root.textContent).not.to.include('policy');
    expect(root.querySelector('h2')!.textContent).to.equal('正文标题');
    expect(root.querySelector('p strong')!.textContent).to.equal('重点');
  });

  it('by default copies DOM to DOM: an image without alt gets alt="", its handler goes', () => {
    const root = render(sanitizeArticle(inertSource('<p>段落</p><img src=x onerror="window.__zwSpy=1">')));
    expect(root.innerHTML).to.equal('<p>段落</p><img src="x" alt="">');
  });
});
