import { expect, fixture, html } from '@open-wc/testing';
import { downloadBlob, elementToSvg, svgToPng } from './export.js';

const HEADING = '2017年度政务公开工作';
const PARAGRAPH =
  '按照国务院办公厅关于全面推进政务公开工作的意见要求，本机关坚持以公开为常态、不公开为例外，围绕权力运行全流程和政务服务全过程，推进决策、执行、管理、服务、结果公开，全年收到政府信息公开申请36件，均在法定期限内予以答复。';

const STYLES = `
  :host { display: block; width: 360px; padding: 12px; background: #ffffff; color: #1f1f1f;
    font-family: system-ui, 'Noto Sans CJK SC', sans-serif; font-size: 16px; line-height: 1.6; }
  h2 { margin: 0 0 8px; font-size: 24px; font-weight: 800; color: #000000; }
  ul, ol { margin: 0 0 8px; padding-inline-start: 1.5em; }
  .box { background: rgb(255, 243, 224); border: 2px solid rgb(192, 57, 43); border-radius: 8px; padding: 8px; margin-bottom: 8px; }
  .accent { border-left: 6px solid rgb(179, 25, 31); padding-left: 8px; }
  p { margin: 0 0 8px; }
  .dot-list { position: relative; list-style: none; padding: 0 0 0 20px; }
  .dot-list::before { content: ''; position: absolute; left: 2px; top: 4px; width: 8px; height: 8px; border-radius: 50%; background: rgb(0, 128, 0); }
  svg .bar { fill: rgb(192, 57, 43); }
  svg text { font-size: 12px; fill: rgb(51, 51, 51); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;

/** A nested element with its own shadow root, to check the walk goes through hosts and slots. */
class ExportBadge extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = '.b { display: inline-block; border: 1px solid rgb(30, 107, 52); color: rgb(30, 107, 52); padding: 0 4px; }';
    const span = document.createElement('span');
    span.className = 'b';
    span.append('状态：', document.createElement('slot'));
    root.append(style, span);
  }
}
if (!customElements.get('zw-export-badge')) customElements.define('zw-export-badge', ExportBadge);

/** A host whose shadow root holds every kind of block the infographic draws. */
async function infographicFixture(): Promise<{ host: HTMLElement; root: ShadowRoot }> {
  const host = await fixture<HTMLElement>(html`<div lang="zh-CN"></div>`);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLES;
  root.append(style);
  const body = document.createElement('div');
  body.className = 'body';
  // Built with the DOM API: the shape a Lit template produces, without a template engine in the test.
  const el = (tag: string, attrs: Record<string, string>, ...kids: (Node | string)[]) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...kids);
    return e;
  };
  body.append(
    el('h2', {}, HEADING),
    el('ul', { class: 'points' }, el('li', {}, '收到申请36件'), el('li', {}, '按时答复率100%')),
    el('ol', {}, el('li', {}, '受理'), el('li', {}, '审查'), el('li', {}, '答复')),
    el('div', { class: 'box' }, '主动公开政府信息1,234条'),
    el('p', { class: 'accent long' }, PARAGRAPH),
    el('ul', { class: 'dot-list' }, el('li', {}, '时间节点')),
    el('p', {}, el('zw-export-badge', {}, '已办结')),
  );
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '200');
  svg.setAttribute('height', '100');
  svg.setAttribute('viewBox', '0 0 200 100');
  const bars: [number, string | null][] = [
    [60, null],
    [90, 'rgb(46, 134, 222)'],
    [40, null],
  ];
  bars.forEach(([h, fill], i) => {
    const rect = document.createElementNS(svg.namespaceURI, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(20 + i * 60));
    rect.setAttribute('y', String(90 - h));
    rect.setAttribute('width', '40');
    rect.setAttribute('height', String(h));
    // One bar coloured by attribute, the others by the shadow root's CSS.
    if (fill) rect.setAttribute('style', `fill: ${fill}`);
    svg.append(rect);
  });
  const label = document.createElementNS(svg.namespaceURI, 'text');
  label.setAttribute('x', '100');
  label.setAttribute('y', '99');
  label.setAttribute('text-anchor', 'middle');
  label.textContent = '申请数量';
  svg.append(label);
  body.append(svg, el('span', { class: 'visually-hidden' }, '仅供读屏软件朗读'), el('button', { 'data-export': 'skip', type: 'button' }, '下载图片'));
  root.append(body);
  await document.fonts.ready;
  return { host, root };
}

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');
const texts = (doc: Document) => Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? '');

describe('export', () => {
  describe('elementToSvg', () => {
    it('writes a well-formed standalone SVG the size of the element plus padding', async () => {
      const { host } = await infographicFixture();
      const box = host.getBoundingClientRect();
      const { svg, width, height } = elementToSvg(host, { padding: 10, title: '一图读懂 <2017> & "年报"' });
      const doc = parse(svg);
      expect(doc.querySelector('parsererror')).to.equal(null);
      const root = doc.documentElement;
      expect(root.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(width).to.equal(Math.ceil(box.width + 20));
      expect(height).to.equal(Math.ceil(box.height + 20));
      expect(Math.abs(width - box.width - 20)).to.be.below(1);
      expect(root.getAttribute('width')).to.equal(String(width));
      expect(root.getAttribute('height')).to.equal(String(height));
      expect(root.getAttribute('viewBox')).to.equal(`0 0 ${width} ${height}`);
      expect(root.querySelector('title')!.textContent).to.equal('一图读懂 <2017> & "年报"');
      expect(root.getAttribute('font-family')).to.contain('Noto Sans CJK SC').and.to.contain('Microsoft YaHei');
    });

    it('keeps every character of the Chinese text, line by line', async () => {
      const { host, root } = await infographicFixture();
      const doc = parse(elementToSvg(host).svg);
      const all = texts(doc);
      expect(all).to.include(HEADING);
      expect(all.join('')).to.contain('收到申请36件').and.to.contain('主动公开政府信息1,234条').and.to.contain('状态：').and.to.contain('已办结');
      // The paragraph wraps: its fragments are consecutive, on distinct baselines, and give back the text.
      const start = all.findIndex((t) => PARAGRAPH.startsWith(t) && t.length > 3);
      let joined = '';
      const ys = new Set<string>();
      const nodes = Array.from(doc.querySelectorAll('text'));
      for (let i = start; joined.length < PARAGRAPH.length && i < nodes.length; i++) {
        joined += nodes[i].textContent;
        ys.add(nodes[i].getAttribute('y')!);
      }
      expect(joined).to.equal(PARAGRAPH);
      const p = root.querySelector('.long')!;
      const lines = Math.round((p.getBoundingClientRect().height - 0) / (16 * 1.6));
      expect(ys.size).to.equal(lines);
      expect(lines).to.be.at.least(3);
      // Each line's baseline is inside the paragraph's box.
      const top = p.getBoundingClientRect().top - host.getBoundingClientRect().top;
      for (const y of ys) expect(+y).to.be.within(top, top + p.getBoundingClientRect().height);
    });

    it('leaves out visually hidden text, skipped controls and display:none', async () => {
      const { host, root } = await infographicFixture();
      const hidden = document.createElement('p');
      hidden.hidden = true;
      hidden.textContent = '不应出现';
      root.querySelector('.body')!.append(hidden);
      const { svg } = elementToSvg(host);
      expect(svg).not.to.contain('仅供读屏软件');
      expect(svg).not.to.contain('下载图片');
      expect(svg).not.to.contain('不应出现');
    });

    it('inlines the chart with its computed fills, and draws boxes, borders and markers', async () => {
      const { host, root } = await infographicFixture();
      const doc = parse(elementToSvg(host).svg);
      const chart = doc.querySelector('svg svg')!;
      expect(chart).to.exist;
      const fills = Array.from(chart.querySelectorAll('rect')).map((r) => r.getAttribute('fill'));
      expect(fills).to.deep.equal(['rgb(192, 57, 43)', 'rgb(46, 134, 222)', 'rgb(192, 57, 43)']);
      expect(chart.querySelector('[style]')).to.equal(null);
      expect(chart.querySelector('text')!.textContent).to.equal('申请数量');
      expect(chart.querySelector('text')!.getAttribute('fill')).to.equal('rgb(51, 51, 51)');
      expect(chart.getAttribute('viewBox')).to.equal('0 0 200 100');
      // Placed where the page has it.
      const src = root.querySelector('svg')!.getBoundingClientRect();
      const origin = host.getBoundingClientRect();
      expect(+chart.getAttribute('x')!).to.be.closeTo(src.left - origin.left, 0.01);
      expect(+chart.getAttribute('y')!).to.be.closeTo(src.top - origin.top, 0.01);
      expect(+chart.getAttribute('width')!).to.be.closeTo(200, 0.01);
      // The bordered box: background and a rounded 2px stroke.
      const shapes = Array.from(doc.querySelectorAll(':root > rect, :root > path'));
      expect(shapes.some((s) => s.getAttribute('fill') === 'rgb(255, 243, 224)' && s.getAttribute('rx') === '8')).to.equal(true);
      expect(shapes.some((s) => s.getAttribute('stroke') === 'rgb(192, 57, 43)' && s.getAttribute('stroke-width') === '2')).to.equal(true);
      // The one-sided accent border, the pseudo-element dot, the nested badge's border.
      expect(shapes.some((s) => s.getAttribute('fill') === 'rgb(179, 25, 31)' && s.getAttribute('width') === '6')).to.equal(true);
      expect(shapes.some((s) => s.getAttribute('fill') === 'rgb(0, 128, 0)' && s.getAttribute('rx') === '4')).to.equal(true);
      expect(shapes.some((s) => s.getAttribute('stroke') === 'rgb(30, 107, 52)')).to.equal(true);
      // Bullets for the <ul>, numbers for the <ol>.
      expect(doc.querySelectorAll(':root > circle').length).to.equal(2);
      expect(texts(doc)).to.include.members(['1.', '2.', '3.']);
    });

    it('exports one block inside a shadow root on its own', async () => {
      const { root } = await infographicFixture();
      const box = root.querySelector<HTMLElement>('.box')!;
      const { svg, width, height } = elementToSvg(box, { background: 'transparent' });
      const doc = parse(svg);
      expect(doc.querySelector('parsererror')).to.equal(null);
      expect(width).to.equal(Math.ceil(box.getBoundingClientRect().width));
      expect(height).to.equal(Math.ceil(box.getBoundingClientRect().height));
      expect(texts(doc)).to.deep.equal(['主动公开政府信息1,234条']);
      const bg = doc.querySelector('rect')!;
      expect([bg.getAttribute('x'), bg.getAttribute('y')]).to.deep.equal(['0', '0']);
      expect(doc.querySelector('title')!.textContent).to.equal(document.title);
    });

    it('escapes markup in text and survives control characters', async () => {
      const el = await fixture<HTMLElement>(html`<p style="width: 300px">${'a <b> & "c" \u0001收到'}</p>`);
      const { svg } = elementToSvg(el);
      const doc = parse(svg);
      expect(doc.querySelector('parsererror')).to.equal(null);
      expect(texts(doc).join('')).to.equal('a <b> & "c" 收到');
    });

    it('is deterministic', async () => {
      const el = await fixture<HTMLElement>(
        html`<div style="width: 200px; font-size: 14px; border: 1px solid #333"><h3>收到申请36件</h3><ul><li>已答复</li></ul><svg width="20" height="20"><rect width="10" height="10" fill="red"></rect></svg></div>`,
      );
      const a = elementToSvg(el, { padding: 4 });
      const b = elementToSvg(el, { padding: 4 });
      expect(a).to.deep.equal(b);
      expect(a.svg).to.contain('<title>收到申请36件</title>');
    });
  });

  describe('svgToPng', () => {
    it('rasterises at 2× with the heading drawn in dark pixels', async () => {
      const { host, root } = await infographicFixture();
      const { svg, width, height } = elementToSvg(host, { padding: 8 });
      const png = await svgToPng(svg, width, height);
      expect(png.type).to.equal('image/png');
      const bitmap = await createImageBitmap(png);
      expect([bitmap.width, bitmap.height]).to.deep.equal([width * 2, height * 2]);
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const origin = host.getBoundingClientRect();
      const h = root.querySelector('h2')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(root.querySelector('h2')!);
      const ink = range.getBoundingClientRect();
      const { data } = ctx.getImageData(2 * (ink.left - origin.left + 8), 2 * (h.top - origin.top + 8), 2 * ink.width, 2 * h.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 150 && data[i + 3] > 200) dark++;
      expect(dark / (data.length / 4)).to.be.above(0.05);
      // The padding corner is background, so the image is not one flat colour.
      const corner = ctx.getImageData(0, 0, 1, 1).data;
      expect(Array.from(corner)).to.deep.equal([255, 255, 255, 255]);
      const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let differs = false;
      for (let i = 4; i < all.length && !differs; i += 4) differs = all[i] !== all[0] || all[i + 1] !== all[1] || all[i + 2] !== all[2];
      expect(differs).to.equal(true);
    });

    it('honours another scale', async () => {
      const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect width="10" height="5" fill="red"/></svg>', 10, 5, 3);
      const bitmap = await createImageBitmap(png);
      expect([bitmap.width, bitmap.height]).to.deep.equal([30, 15]);
    });

    it('rejects with a clear error when the SVG cannot be loaded', async () => {
      let error: unknown;
      await svgToPng('<svg', 10, 10).catch((e) => (error = e));
      expect(error).to.be.instanceOf(Error);
      expect((error as Error).message).to.match(/could not load the SVG/);
    });
  });

  describe('downloadBlob', () => {
    it('clicks a temporary download link and revokes its URL afterwards', () => {
      const blob = new Blob(['<svg/>'], { type: 'image/svg+xml' });
      const clicked: HTMLAnchorElement[] = [];
      const onClick = (event: Event) => {
        clicked.push(event.target as HTMLAnchorElement);
        event.preventDefault(); // no real download in the test browser
      };
      const revoked: string[] = [];
      const timers: (() => void)[] = [];
      const { revokeObjectURL } = URL;
      const realSetTimeout = window.setTimeout;
      document.addEventListener('click', onClick, true);
      URL.revokeObjectURL = (url: string) => void revoked.push(url);
      window.setTimeout = ((fn: () => void) => timers.push(fn)) as unknown as typeof window.setTimeout;
      try {
        downloadBlob(blob, '一图读懂.svg');
      } finally {
        window.setTimeout = realSetTimeout;
        document.removeEventListener('click', onClick, true);
      }
      try {
        expect(clicked).to.have.length(1);
        const [a] = clicked;
        expect(a.download).to.equal('一图读懂.svg');
        expect(a.href).to.match(/^blob:/);
        expect(a.isConnected).to.equal(false);
        expect(revoked).to.deep.equal([]);
        timers.forEach((fn) => fn());
        expect(revoked).to.deep.equal([a.href]);
      } finally {
        URL.revokeObjectURL = revokeObjectURL;
      }
    });
  });
});
