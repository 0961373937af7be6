// The XSS corpus (issue 13) through the reader's HTML path: `<zw-reader>` with article HTML in its light DOM runs it through
// sanitizeArticle (src/components/reader/sanitize.ts) and shows the result in its `.content` article.
//
// The hostile light DOM must never be parsed by THIS page (its own parse would run the vectors: the page's fault, not the
// reader's, and it would trip the wires): each host is built inside an inert document (`createHTMLDocument`: no browsing
// context, nothing loads or runs there) and given to `sanitizeArticle`, by both of its routes (DOM to DOM, and the markup
// fallback). The clean fragment then goes where the element puts it: the `.content` article of a real, live `<zw-reader>`
// (enhanced from a harmless article first), so whatever survived would load and run in the page's own document.
import { expect, fixture, html } from '@open-wc/testing';
import { XSS_VECTORS, liveThings } from './xss-vectors.mjs';
import { assertNothingRan, flushImageErrors, headCount, trips } from './tripwire.js';
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENTS, ID_PREFIX, sanitizeArticle, type SanitizeRoute } from '../../src/components/reader/sanitize.js';
import { until } from '../../src/test-support/helpers.js';
import '../../src/components/reader/reader.js';

/** A `<zw-reader>` host holding `markup`, parsed in an inert document: nothing in it loads or runs. */
function inertHost(markup: string): Element {
  const inert = document.implementation.createHTMLDocument('');
  inert.body.innerHTML = `<zw-reader>${markup}</zw-reader>`;
  // the parser may move things out of the host (a </zw-reader> in the vector, <body>/<frameset> tricks): those are the page's, not the reader's
  return inert.querySelector('zw-reader') ?? inert.body;
}

const ALLOWED_ELEMENT_SET = new Set<string>(ALLOWED_ELEMENTS);
// `rel` is added by the sanitiser itself (noopener noreferrer for target=_blank)
const ALLOWED_ATTRIBUTE_SET = new Set<string>([...ALLOWED_ATTRIBUTES, 'rel']);
/** What the allow-list promises, as descriptions of whatever breaks it. */
function outsideAllowList(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName;
    if (!ALLOWED_ELEMENT_SET.has(name)) found.push(`<${name}>`);
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`<${name}> in ${el.namespaceURI}`);
    for (const attr of el.attributes) {
      if (!ALLOWED_ATTRIBUTE_SET.has(attr.name)) found.push(`<${name} ${attr.name}>`);
      if (attr.name === 'href' || attr.name === 'src') {
        // eslint-disable-next-line no-control-regex -- what URL parsing strips and drops
        const bare = attr.value.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
        if (/^[a-z][a-z0-9+.-]*:/i.test(bare) && !/^https?:/i.test(bare)) found.push(`<${name} ${attr.name}="${attr.value.slice(0, 60)}">`);
      }
      if (attr.name === 'id' && !attr.value.startsWith(ID_PREFIX)) found.push(`<${name} id="${attr.value}"> not prefixed`);
      if (attr.name === 'headers' && attr.value.split(/\s+/).some((h) => h && !h.startsWith(ID_PREFIX))) found.push(`<${name} headers="${attr.value}"> not prefixed`);
      if (attr.name === 'href' && attr.value.startsWith('#') && attr.value.length > 1 && !attr.value.startsWith(`#${ID_PREFIX}`))
        found.push(`<a href="${attr.value}"> not prefixed`);
    }
  }
  return found;
}

describe('XSS corpus through the reader’s HTML path (sanitizeArticle)', function () {
  this.timeout(120_000);
  let reader: HTMLElement & { updateComplete: Promise<unknown> };
  let content: HTMLElement;
  let heads = 0;

  before(async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><zw-reader no-remember><p>一段无害的正文。</p></zw-reader></div>`);
    reader = wrapper.querySelector('zw-reader')!;
    content = (await until(() => {
      const article = reader.shadowRoot?.querySelector<HTMLElement>('.content');
      return article?.textContent?.includes('无害') ? article : undefined;
    }, 'the reader showing its light-DOM article'))!;
    heads = headCount();
  });

  /** Sanitises `markup` (built inert) by `route`, puts the result in the live reader's article, and checks that nothing ran or lives. */
  async function check(markup: string, route: SanitizeRoute, what: string) {
    const fragment = sanitizeArticle(inertHost(markup), route);
    const outside = outsideAllowList(fragment);
    if (outside.length) throw new Error(`outside the allow-list: ${outside.join(', ')} — ${what}`);
    content.replaceChildren(fragment); // where the element puts it (reader.ts enhance())
    await assertNothingRan(reader.shadowRoot!, what, heads);
  }

  for (const route of ['dom', 'markup'] as const) {
    it(`each of ${XSS_VECTORS.length} vectors alone (${route} route): allowed elements and attributes only, nothing runs or lives`, async () => {
      for (const [i, vector] of XSS_VECTORS.entries()) await check(vector, route, `vector ${i} ${JSON.stringify(vector)}`);
      // inside a real article too: a paragraph around it, a table cell, a link's text
      for (const [i, vector] of XSS_VECTORS.entries())
        await check(`<h2>标题</h2><p>前文${vector}后文</p><table><tr><td>${vector}</td></tr></table>`, route, `vector ${i} in an article`);
    });

    it(`all ${XSS_VECTORS.length} vectors concatenated (${route} route), and in reverse`, async () => {
      await check(XSS_VECTORS.join(''), route, 'all vectors concatenated');
      await check([...XSS_VECTORS].reverse().join('\n'), route, 'all vectors reversed, one per line');
    });
  }

  it('the checks see what they look for (an unsanitised copy of the corpus fails them)', () => {
    const raw = document.implementation.createHTMLDocument('').createElement('div');
    raw.innerHTML = XSS_VECTORS.join('');
    const live = liveThings(raw);
    for (const thing of ['<script>', '<iframe>', '<img onerror>', '<embed>', '<object>', '<meta>', '<base>', '<form action>', '<animate>'])
      expect(
        live.some((l) => l.startsWith(thing.replace('>', ''))),
        thing,
      ).to.be.true;
    expect(outsideAllowList(raw).length).to.be.greaterThan(100);
  });

  it('the vectors’ words survive as text where they are text: a script’s code never does', async () => {
    const fragment = sanitizeArticle(inertHost('<p>保留的文字<script>__zwTrip()</script><img src=x onerror=__zwTrip() alt="图片说明"></p>'));
    content.replaceChildren(fragment);
    await flushImageErrors();
    expect(content.textContent).to.include('保留的文字');
    expect(content.textContent).not.to.include('__zwTrip');
    expect(content.querySelector('img')?.getAttribute('alt')).to.equal('图片说明');
    expect(content.querySelector('img')?.hasAttribute('onerror')).to.be.false;
    expect(trips).to.deep.equal([]);
  });
});
