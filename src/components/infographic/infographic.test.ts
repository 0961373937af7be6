import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, settle, text, until, untilState } from '../../test-support/helpers.js';
import { fullInfographic, outcomesChart } from '../../test-support/infographic-fixture.js';
import { HOSTILE } from '../../test-support/samples.js';
import { annualReport, brokenAnnualReport } from '../../test-support/annual-report-fixture.js';
import type { InfographicDocument } from '../../schema/types.generated.js';
import type { ZwInfographic } from './infographic.js';
import './infographic.js';

interface Options {
  lang?: string;
  width?: string;
  /** `--zw-font-size` on the wrapper. */
  fontSize?: string;
  appearance?: string;
  theme?: string;
  /** Staff view: the detailed issue list inside the element. */
  preview?: boolean;
}

/** The element's text size: on its root wrapper (host-page CSS reaches the host only). */
const bodySize = (el: Element) => parseFloat(getComputedStyle(el.shadowRoot!.querySelector('.zw-root') ?? el).fontSize);

/** Charts drawn for the element's current width and text size, with their axes. */
function chartsDrawn(el: ZwInfographic): boolean {
  const article = el.shadowRoot!.querySelector<HTMLElement>('[part=infographic]');
  if (!article) return true;
  if (Math.abs(Number(article.dataset.textSize) - bodySize(el)) > 0.5) return false;
  return $$(el, 'svg.chart').every((svg) => {
    const fits = Math.abs(Number(svg.getAttribute('width')) - svg.parentElement!.clientWidth) <= 2;
    const axis = svg.querySelector('[data-axis=value]');
    return fits && (!axis || axis.childElementCount > 0);
  });
}

async function place(el: ZwInfographic, { lang = 'zh-CN', width = '', fontSize = '' }: Options = {}): Promise<ZwInfographic> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  if (width) wrapper.style.width = width;
  if (fontSize) wrapper.style.setProperty('--zw-font-size', fontSize);
  wrapper.append(el);
  await settle(el);
  await until(() => chartsDrawn(el), "charts drawn for the element's width and text size");
  return el;
}

function infographic(doc: unknown, options: Options = {}): Promise<ZwInfographic> {
  const el = document.createElement('zw-infographic');
  if (options.appearance) el.setAttribute('appearance', options.appearance);
  if (options.theme) el.setAttribute('theme', options.theme);
  el.preview = !!options.preview;
  el.data = doc;
  return place(el, options);
}

/** A demo sample, loaded by `src` like a portal does. */
async function sampleInfographic(file: string, options: Options = {}): Promise<ZwInfographic> {
  const el = document.createElement('zw-infographic');
  if (options.appearance) el.setAttribute('appearance', options.appearance);
  if (options.theme) el.setAttribute('theme', options.theme);
  el.setAttribute('src', `/demo/data/${file}`);
  const placed = place(el, options);
  await untilState(el, 'ready');
  await placed;
  await until(() => chartsDrawn(el), 'charts drawn');
  return el;
}

const block = (el: ZwInfographic, type: string) => $$(el, `[part=block].type-${type}`);

// ── Colour contrast, from rendered colours (WCAG 2 relative luminance) ──────

function rgb(colour: string): [number, number, number] {
  const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(colour);
  if (!m) throw new Error(`not an rgb() colour: ${colour}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** The colour a mark shows: its fill, or for a patterned fill its outline (the pattern's ink is checked apart). */
function markColour(mark: Element): string {
  const style = getComputedStyle(mark);
  return style.fill.startsWith('url(') ? style.stroke : style.fill;
}
/** The block a node is drawn in, and that block's background colour. */
const backgroundOf = (node: Element) => getComputedStyle(node.closest('[part=block]')!).backgroundColor;

/** Applies the `prefers-contrast: more` rules of the element's styles as if the reader asked for more contrast. */
function preferMoreContrast(el: Element): () => void {
  const root = el.shadowRoot!;
  const rules: string[] = [];
  for (const sheet of root.adoptedStyleSheets)
    for (const rule of sheet.cssRules)
      if (rule instanceof CSSMediaRule && rule.media.mediaText.includes('prefers-contrast: more')) rules.push(...[...rule.cssRules].map((r) => r.cssText));
  expect(rules.length, 'prefers-contrast rules').to.be.greaterThan(0);
  const extra = new CSSStyleSheet();
  extra.replaceSync(rules.join('\n'));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, extra];
  return () => (root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== extra));
}

describe('<zw-infographic>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the header', async () => {
    const el = await infographic(fullInfographic());
    const header = text($(el, '[part=header]'));
    expect(header).to.contain('一图读懂安徽省商务厅2017年政务公开').and.contain('自评工作总结').and.contain('安徽省商务厅').and.contain('2017年12月18日');
    expect($(el, '[part=header] a').getAttribute('href')).to.equal('/xxgk/2017-zp.html');
    expect($(el, '.title').getAttribute('role')).to.equal('heading');
  });

  describe('blocks', () => {
    it('key figures: a list, formatted the Chinese way, with the change in words', async () => {
      const el = await infographic(fullInfographic());
      const items = $$(el, '.figures > li');
      expect(items).to.have.length(4);
      expect(text(items[0])).to.contain('收到政府信息公开申请').and.contain('36件').and.contain('比2016年增加 20%');
      expect(text(items[2])).to.contain('1.2万次').and.contain('比2016年减少 20%');
      expect(text(items[3])).to.contain('2,100多万元');
      // the label comes first in reading order; the arrow is decoration
      expect(items[0].firstElementChild!.className).to.equal('figure-label');
      expect(items[0].querySelector('.change [aria-hidden=true]')!.textContent).to.equal('▲');
      // the block stacks title, figures and tools (block and list styles must not mix)
      const section = block(el, 'figures')[0];
      const title = section.querySelector('.block-title')!.getBoundingClientRect();
      const list = section.querySelector('ul.figures')!.getBoundingClientRect();
      expect(list.top).to.be.at.least(title.bottom - 1);
      expect(list.width).to.be.greaterThan(section.getBoundingClientRect().width * 0.8);
    });

    it('figures in English, with UI text marked English inside Chinese content', async () => {
      const el = await infographic(fullInfographic(), { lang: 'en' });
      const items = $$(el, '.figures > li');
      expect(text(items[2])).to.contain('12,000').and.contain('down 20% on 2016年');
      expect(items[2].querySelector('.change')!.getAttribute('lang')).to.equal('en');
      expect(items[2].querySelector('.figure-label')!.closest('[lang]')!.getAttribute('lang')).to.equal('zh-CN');
      expect($(el, '.table-toggle').getAttribute('lang')).to.equal('en');
    });

    it('bar chart: an image named by its title, described by its takeaway, with value labels and axes', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await infographic(fullInfographic(), { width: '1200px' });
      const chart = block(el, 'chart')[0];
      const svg = chart.querySelector('svg.chart')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(el.shadowRoot!.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).to.equal('2017年政府信息公开申请办理结果');
      expect(el.shadowRoot!.getElementById(svg.getAttribute('aria-describedby')!)!.textContent).to.equal('36件申请中，22件不属于本机关公开，占六成。');
      expect(svg.querySelectorAll('rect.mark')).to.have.length(5);
      expect([...svg.querySelectorAll('.value-label')].map((t) => t.textContent)).to.deep.equal(['2', '1', '1', '22', '9']);
      expect([...svg.querySelectorAll('[data-axis=band] .tick text')].map((t) => t.textContent)).to.include('告知通过其他途径办理');
      expect(svg.querySelectorAll('[data-axis=value] .tick').length).to.be.greaterThan(1);
      // horizontal: longer bars for bigger values
      const widths = [...svg.querySelectorAll('rect.mark')].map((r) => Number(r.getAttribute('width')));
      expect(widths[3]).to.be.greaterThan(widths[4]).and.greaterThan(widths[0]);
    });

    it('grouped bars and lines tell series apart by pattern and marker shape, not colour alone', async () => {
      const el = await infographic(fullInfographic());
      const [, , grouped, line] = block(el, 'chart');
      const rects = [...grouped.querySelectorAll('svg.chart rect.mark')];
      expect(rects).to.have.length(8);
      expect(rects.filter((r) => r.classList.contains('series-1')).every((r) => /^url\(#/.test(r.getAttribute('fill') ?? ''))).to.equal(true);
      expect(rects.filter((r) => r.classList.contains('series-0')).every((r) => !r.hasAttribute('fill'))).to.equal(true);
      const markers = [...line.querySelectorAll('svg.chart path.marker')];
      expect(new Set(markers.map((m) => m.getAttribute('d'))).size).to.equal(2);
      expect(line.querySelectorAll('path.line')).to.have.length(2);
      expect([...line.querySelectorAll('.legend li')].map((li) => li.textContent!.trim())).to.deep.equal(['政务信息', '政策解读']);
      // patterned series really show their pattern (CSS must not override the fill)
      const patterned = rects.find((r) => r.classList.contains('series-1'))!;
      expect(getComputedStyle(patterned).fill).to.match(/^url\(/);
    });

    it('donut: one slice per category, labelled with name and share (beside the chart when wide, in the legend always)', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await infographic(fullInfographic(), { width: '1200px' });
      const donut = block(el, 'chart')[1];
      expect(donut.querySelectorAll('svg.chart path.slice')).to.have.length(2);
      expect([...donut.querySelectorAll('.slice-label')].map((t) => t.textContent)).to.deep.equal(['网络申请 97.2%']);
      expect([...donut.querySelectorAll('.legend li')].map((li) => li.textContent!.trim())).to.deep.equal(['网络申请 97.2%', '信函申请 2.8%']);
      await setViewport({ width: 375, height: 800 });
      const narrow = await infographic(fullInfographic());
      const small = block(narrow, 'chart')[1];
      expect(small.querySelectorAll('.slice-label')).to.have.length(0);
      const svg = small.querySelector('svg.chart')!.getBoundingClientRect();
      for (const path of small.querySelectorAll('svg.chart path.slice')) {
        const r = path.getBoundingClientRect();
        expect(r.left >= svg.left - 1 && r.right <= svg.right + 1, 'slices inside the chart').to.equal(true);
      }
    });

    it('puts category names above the bars on a phone, whole and inside the chart', async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await infographic(fullInfographic());
      const chart = block(el, 'chart')[0];
      const svg = chart.querySelector('svg.chart')!.getBoundingClientRect();
      const names = [...chart.querySelectorAll('svg.chart .category-label')];
      for (const label of names) {
        const box = label.getBoundingClientRect();
        expect(box.left, label.textContent!).to.be.at.least(svg.left - 1);
        expect(box.right, label.textContent!).to.be.at.most(svg.right + 1);
      }
      expect(names.map((t) => t.textContent)).to.include('告知通过其他途径办理');
      expect(chart.querySelectorAll('[data-axis]')).to.have.length(0);
    });

    it('wraps long category names of horizontal bars beside them on a wide screen', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await infographic(fullInfographic(), { width: '1200px' });
      const chart = block(el, 'chart')[0];
      const svg = chart.querySelector('svg.chart')!.getBoundingClientRect();
      for (const label of chart.querySelectorAll('[data-axis=band] .tick text')) expect(label.getBoundingClientRect().left, label.textContent!).to.be.at.least(svg.left - 1);
      expect([...chart.querySelectorAll('[data-axis=band] .tick text')].map((t) => t.textContent)).to.include('告知通过其他途径办理');
    });

    it('a data table for every chart, equal to the data', async () => {
      const el = await infographic(fullInfographic());
      const chart = block(el, 'chart')[2];
      const toggle = chart.querySelector<HTMLButtonElement>('.table-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(chart.querySelector<HTMLElement>('[part=data-table]')!.hidden).to.equal(true);
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      const table = chart.querySelector('table')!;
      expect(table.querySelector('caption')!.textContent).to.equal('新闻发布与解读（次）');
      expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).to.deep.equal(['分类', '新闻发布会', '政策解读']);
      const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
      expect(rows).to.deep.equal([
        ['一季度', '0', '1'],
        ['二季度', '1', '2'],
        ['三季度', '1', '1'],
        ['四季度', '1', '2'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('timeline and process are ordered lists, with time limits and branches in words', async () => {
      const el = await infographic(fullInfographic());
      const timeline = $$(el, 'ol.timeline > li');
      expect(timeline.map((li) => li.querySelector('.when')!.textContent)).to.deep.equal(['2021年7月23日', '2021年9月底前', '2021年底']);
      expect(timeline[0].querySelector('time')!.getAttribute('datetime')).to.equal('2021-07-23');
      const steps = $$(el, 'ol.process > li');
      expect(steps.map((li) => li.querySelector('.step-label')!.textContent)).to.deep.equal(['登记', '受理', '补正', '作出决定', '送达']);
      expect(text(steps[2])).to.contain('时限：7个工作日内').and.contain('如申请内容不明确：一次性告知补正');
    });

    it('list, callout, compare, table and note', async () => {
      const el = await infographic(fullInfographic());
      expect($$(el, 'ol.points li').map((li) => li.textContent)).to.deep.equal(['扩大主动公开范围', '规范公开属性认定', '多样化解读率不低于90%']);
      expect($(el, '.callout.rule').getAttribute('role')).to.equal('note');
      const compareRows = $$(el, 'table.compare tbody tr').map((tr) => text(tr));
      expect(compareRows[0]).to.contain('新闻发布会').and.contain('1场').and.contain('3场');
      expect($$(el, 'table.compare thead th').map((th) => text(th))).to.deep.equal(['事项', '2016年', '变为', '2017年']);
      const table = block(el, 'table')[0];
      expect([...table.querySelectorAll('td')].map((td) => td.textContent)).to.include('12,000');
      expect(text(block(el, 'note')[0]))
        .to.contain('数据截至2017年11月底。')
        .and.contain('资料来源：安徽省商务厅');
    });
  });

  describe('layout', () => {
    it('is one long column at 320 px with no sideways scrolling', async () => {
      await setViewport({ width: 320, height: 700 });
      const el = await infographic(fullInfographic());
      const columns = getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ');
      expect(columns).to.have.length(1);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const svg of $$(el, 'svg.chart')) expect(svg.getBoundingClientRect().right).to.be.at.most(320);
      for (const button of $$(el, 'button').filter((b) => b.checkVisibility())) expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
      $<HTMLButtonElement>(el, '.download-toggle').click();
      await until(() => !$(el, '.download-panel').hidden, 'the download panel');
      for (const control of $$(el, '.download-panel button, .download-panel select')) expect(control.getBoundingClientRect().height, control.textContent!).to.be.at.least(44);
      await expect(el).to.be.accessible();
    });

    it('is a grid on wide screens, and redraws charts when resized without fetching again', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 1200px"><zw-infographic src="/__zw/delay/10/src/test-support/infographic.json?resize"></zw-infographic></div>`,
      );
      const el = wrapper.querySelector('zw-infographic')!;
      await untilState(el, 'ready');
      await settle(el);
      await until(() => chartsDrawn(el), 'charts drawn');
      expect(getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ')).to.have.length(2);
      const before = Number($(el, 'svg.chart').getAttribute('width'));
      wrapper.style.width = '500px';
      await until(() => getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ').length === 1 && chartsDrawn(el), 'one column, charts redrawn at 500 px');
      const after = Number($(el, 'svg.chart').getAttribute('width'));
      expect(after).to.be.lessThan(before);
      expect(getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ')).to.have.length(1);
      const fetches = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/src/test-support/infographic.json?resize'));
      expect(fetches, 'fetched once').to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('annual report (国办公开办函〔2021〕30号)', () => {
    it('turns the statistics into figures, charts and tables without hand layout', async () => {
      const el = await infographic(fullInfographic({ title: '2021年政府信息公开工作年度报告（示例）', blocks: [annualReport()] }));
      const report = block(el, 'annual-report')[0];
      expect(report.querySelector('.block-title')!.textContent).to.contain('2021');
      expect(report.querySelectorAll('.figures > li').length).to.be.greaterThan(2);
      expect(report.querySelectorAll('svg.chart').length).to.be.greaterThan(0);
      const tables = [...report.querySelectorAll('table')].map((t) => t.textContent!);
      expect(tables.some((t) => t.includes('本年新收政府信息公开申请数量') && t.includes('予以公开'))).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('refuses totals that do not add up, naming the row', async () => {
      const original = console.warn;
      console.warn = () => {};
      try {
        const el = await infographic(fullInfographic({ blocks: [brokenAnnualReport()] }), { preview: true });
        expect(el.state).to.equal('error');
        const alert = text($(el, '[role=alert]'));
        expect(alert)
          .to.contain('/blocks/0/requests')
          .and.match(/「[^」]+」一行/);
        expect(el.issues.filter((i) => i.code === 'sum-mismatch').length).to.be.greaterThan(0);
      } finally {
        console.warn = original;
      }
    });
  });

  describe('export', () => {
    it('exports the whole infographic as a PNG at 2×, not blank, with Chinese text', async () => {
      await setViewport({ width: 800, height: 900 });
      const el = await infographic(fullInfographic());
      const box = $(el, '[part=infographic]').getBoundingClientRect();
      const png = (await el.export('png'))!;
      expect(png.type).to.equal('image/png');
      const bitmap = await createImageBitmap(png);
      expect([bitmap.width, bitmap.height]).to.deep.equal([Math.ceil(box.width + 32) * 2, Math.ceil(box.height + 32) * 2]);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      // the title area holds dark (red) pixels: text was drawn, not a blank rectangle
      const title = $(el, '.title').getBoundingClientRect();
      const pixels = context.getImageData((title.left - box.left + 16) * 2, (title.top - box.top + 16) * 2, title.width * 2, title.height * 2).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 1] < 120) ink++;
      expect(ink, 'title pixels').to.be.greaterThan(200);
      expect($(el, '.export-status').textContent).to.contain('.png');
    });

    it('exports one block as a valid SVG holding its chart and text', async () => {
      const el = await infographic(fullInfographic());
      const blob = (await el.export('svg', 'b1'))!;
      const markup = await blob.text();
      const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
      expect(parsed.querySelector('parsererror')).to.equal(null);
      expect(parsed.documentElement.localName).to.equal('svg');
      expect(markup).to.contain('2017年政府信息公开申请办理结果').and.contain('告知通过其他途径办理');
      expect(parsed.querySelectorAll('rect').length).to.be.greaterThan(5);
      // the buttons are not part of the picture
      expect(markup).not.to.contain('查看数据表').and.not.to.contain('下载图片');
    });
  });

  it('renders hostile strings as inert text', async () => {
    (window as unknown as Record<string, unknown>).__zwPwned = undefined;
    const [img, script, svg] = HOSTILE;
    const el = await infographic(
      fullInfographic({
        title: img,
        subtitle: script,
        blocks: [
          { type: 'figures', title: svg, items: [{ value: 1, unit: img, label: script }] },
          outcomesChart({ title: img, categories: [img, script, svg, 'a', 'b'], series: [{ name: svg, values: [1, 2, 3, 4, 5] }], takeaway: script, source: img }),
          { type: 'process', steps: [{ label: img, timeLimit: script, branches: [{ condition: svg, outcome: img }] }, { label: script }] },
          { type: 'callout', text: img, source: script },
          { type: 'table', head: [img], rows: [[script]] },
        ],
      }),
    );
    block(el, 'chart')[0].querySelector<HTMLButtonElement>('.table-toggle')!.click();
    await until(() => block(el, 'chart')[0].querySelector('[part=data-table] table'), 'the data table');
    expect(el.shadowRoot!.querySelectorAll('img, script, foreignObject, [onerror], [onload]')).to.have.length(0);
    expect((window as unknown as Record<string, unknown>).__zwPwned).to.equal(undefined);
    expect(text(el.shadowRoot!)).to.contain(img).and.contain(script);
  });

  it('still shows the other blocks when one value is wrong', async () => {
    const original = console.warn;
    console.warn = () => {};
    try {
      const doc = fullInfographic();
      (doc.blocks[1] as { series: { values: unknown[] }[] }).series[0].values[0] = '12';
      const el = await infographic(doc, { preview: true });
      expect(el.state).to.equal('error');
      expect($$(el, '[part=block]').length).to.equal(doc.blocks.length);
      expect(text($(el, '[role=alert]'))).to.contain('/blocks/1/series/0/values/0');
    } finally {
      console.warn = original;
    }
  });

  it('refuses duplicate categories, which a chart cannot tell apart', async () => {
    const original = console.warn;
    console.warn = () => {};
    try {
      const el = await infographic(fullInfographic({ blocks: [outcomesChart({ categories: ['同名', '同名', 'c', 'd', 'e'] })] }));
      expect(el.issues.map((i) => [i.path, i.code])).to.deep.include(['/blocks/0/categories', 'duplicate-item']);
    } finally {
      console.warn = original;
    }
  });

  it('reports a chart whose series do not match its categories, and still shows the header', async () => {
    const original = console.warn;
    console.warn = () => {};
    try {
      const el = await infographic(fullInfographic({ blocks: [outcomesChart({ series: [{ name: '件数', values: [2, 1] }] })] }), { preview: true });
      expect(el.state).to.equal('error');
      expect(text($(el, '[role=alert]'))).to.contain('/blocks/0/series/0/values');
    } finally {
      console.warn = original;
    }
  });

  it('is accessible in every block type, with tables shown and hidden, at 320 px and 1280 px, in both languages', async () => {
    for (const [width, lang] of [
      [320, 'zh-CN'],
      [1280, 'en'],
    ] as const) {
      await setViewport({ width, height: 800 });
      const el = await infographic(fullInfographic(), { lang });
      await expect(el).to.be.accessible();
      for (const toggle of $$<HTMLButtonElement>(el, '.table-toggle')) toggle.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    }
  });

  it('shows the loading, empty and error states accessibly', async () => {
    const wrapper = await fixture(html`<div>
      <zw-infographic></zw-infographic>
      <zw-infographic src="/__zw/delay/1000/src/test-support/infographic.json"></zw-infographic>
      <zw-infographic .data=${{ type: 'infographic', schemaVersion: 1, title: 'x', blocks: [] } as unknown as InfographicDocument}></zw-infographic>
    </div>`);
    const [empty, loading, broken] = [...wrapper.querySelectorAll('zw-infographic')];
    await broken.updateComplete;
    expect([empty.state, loading.state, broken.state]).to.deep.equal(['empty', 'loading', 'error']);
    await expect(wrapper).to.be.accessible();
  });

  describe('one download control', () => {
    /** Download links clicked while `action` runs (the download itself is prevented). */
    async function downloads(action: () => unknown): Promise<HTMLAnchorElement[]> {
      const clicked: HTMLAnchorElement[] = [];
      const onClick = (event: Event) => {
        const a = event.target as HTMLAnchorElement;
        if (a instanceof HTMLAnchorElement && a.download) {
          clicked.push(a);
          event.preventDefault();
        }
      };
      document.addEventListener('click', onClick, true);
      try {
        await action();
        await until(() => clicked.length, 'a download');
      } finally {
        document.removeEventListener('click', onClick, true);
      }
      return clicked;
    }
    /** What a reader can Tab to. */
    const tabbable = (root: ParentNode) =>
      [...root.querySelectorAll<HTMLElement>('button, select, a[href], input, [tabindex]')].filter(
        (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility(),
      );

    it('is one tab stop, whatever the number of blocks', async () => {
      const el = await infographic(fullInfographic({ blocks: [...fullInfographic().blocks, annualReport()] }));
      const toolbar = $(el, '[part=toolbar]');
      expect(tabbable(toolbar)).to.have.length(1);
      const toggle = tabbable(toolbar)[0];
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      // no download buttons anywhere else
      expect(tabbable(el.shadowRoot!).filter((e) => /下载|download/i.test(e.textContent ?? ''))).to.deep.equal([toggle]);
      await expect(el).to.be.accessible();
    });

    it('opens with the keyboard, downloads the block chosen, and closes with Escape', async () => {
      const el = await infographic(fullInfographic());
      const toggle = $<HTMLButtonElement>(el, '.download-toggle');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => toggle.getAttribute('aria-expanded') === 'true' && !$(el, '.download-panel').hidden, 'the panel opened');
      const select = $<HTMLSelectElement>(el, '.download-panel select');
      // the whole infographic, then every block by its title
      const untitled: Record<string, string> = { callout: '重点提示', note: '注释' };
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
        '整幅图解',
        ...fullInfographic().blocks.map((b) => ('title' in b && b.title) || untitled[b.type]),
      ]);
      expect(select.labels?.length ?? 0, 'the choice has a label').to.equal(1);
      await expect(el).to.be.accessible();

      select.value = 'b1';
      select.dispatchEvent(new Event('change'));
      const [svgLink] = await downloads(() => $<HTMLButtonElement>(el, '.download-panel [data-format=svg]').click());
      expect(svgLink.download).to.match(/-b1\.svg$/);
      const markup = await (await fetch(svgLink.href)).text();
      expect(markup).to.contain('2017年政府信息公开申请办理结果').and.not.to.contain('新闻发布与解读').and.not.to.contain('自评工作总结');
      await until(() => text($(el, '.export-status')).includes('-b1.svg'), 'the status names the file');

      const [pngLink] = await downloads(() => $<HTMLButtonElement>(el, '.download-panel [data-format=png]').click());
      expect(pngLink.download).to.match(/-b1\.png$/);
      expect((await (await fetch(pngLink.href)).blob()).type).to.equal('image/png');

      select.focus();
      await sendKeys({ press: 'Escape' });
      await until(() => $(el, '.download-panel').hidden, 'the panel closed');
      expect(el.shadowRoot!.activeElement, 'focus back on the button').to.equal(toggle);
    });

    it('downloads the whole infographic when nothing else is chosen', async () => {
      const el = await infographic(fullInfographic());
      $<HTMLButtonElement>(el, '.download-toggle').click();
      await until(() => !$(el, '.download-panel').hidden, 'the panel opened');
      const [link] = await downloads(() => $<HTMLButtonElement>(el, '.download-panel [data-format=svg]').click());
      expect(link.download).to.match(/^一图读懂安徽省商务厅2017年政务公开\.svg$/);
    });
  });

  describe('UI language of what happens after rendering', () => {
    it('the export status follows the element language, and a new document starts afresh', async () => {
      const el = await infographic(fullInfographic());
      const wrapper = el.parentElement!;
      await el.export('svg', 'b1');
      const status = () => text($(el, '.export-status'));
      expect(status()).to.match(/^已生成 .*-b1\.svg$/);
      wrapper.lang = 'en';
      await settle(el);
      await until(() => status().startsWith('Created '), `the status in English, not "${status()}"`);
      expect(status()).to.match(/^Created .*-b1\.svg$/);
      expect(text($(el, '[data-format=png]'))).to.equal('Download image (PNG)');
      wrapper.lang = 'zh-Hant';
      await settle(el);
      await until(() => !status().startsWith('Created'), 'the status follows zh-Hant');
      expect(status()).to.match(/^已生成 .*-b1\.svg$/);

      // another document: its tables start folded, no message about the previous one's download
      block(el, 'chart')[0].querySelector<HTMLButtonElement>('.table-toggle')!.click();
      await until(() => $(el, '[part=data-table] table'), 'a data table shown');
      el.data = fullInfographic({ title: '另一份图解' });
      await until(() => text($(el, '.title')) === '另一份图解', 'the new document');
      expect(status()).to.equal('');
      expect($$(el, '.table-toggle').map((t) => t.getAttribute('aria-expanded'))).to.not.include('true');
      expect($$(el, '[part=data-table] table')).to.have.length(0);
    });
  });

  describe('charts on phones, in the dark and at large text', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('every value label reads 4.5:1 over its background: a halo in the surface colour (seed 003, stacked, light and dark)', async () => {
      for (const [width, appearance] of [
        [375, 'light'],
        [1280, 'light'],
        [375, 'dark'],
        [1280, 'dark'],
      ] as const) {
        await setViewport({ width, height: 900 });
        const el = await sampleInfographic('infographic-003-guangzhou-deadlines.json', { appearance });
        const labels = $$<SVGTextElement>(el, 'svg.chart .value-label');
        expect(labels.length, 'value labels').to.be.greaterThan(10);
        expect(labels.filter((l) => l.classList.contains('over')).length, `${width} ${appearance}: labels over segments`).to.be.greaterThan(3);
        for (const label of labels) {
          const style = getComputedStyle(label);
          const where = `${width}px ${appearance}: label "${label.textContent}"`;
          expect(style.paintOrder, `${where} paint order`).to.match(/^stroke/);
          expect(parseFloat(style.strokeWidth), `${where} halo width`).to.be.at.least(2);
          expect(contrast(style.fill, style.stroke), `${where} on its halo`).to.be.at.least(4.5);
          expect(contrast(style.fill, backgroundOf(label)), `${where} on the block`).to.be.at.least(4.5);
        }
        if (appearance === 'dark') expect($(el, '.zw-root').dataset.scheme).to.equal('dark');
        await expect(el).to.be.accessible();
        el.parentElement!.remove();
      }
    });

    it('every series reads 3:1 against its background in every theme, and series differ', async () => {
      const themes: [string, Options, boolean?][] = [
        ['red', {}],
        ['blue', { theme: 'blue' }],
        ['dark', { appearance: 'dark' }],
        ['dark blue', { appearance: 'dark', theme: 'blue' }],
        ['more contrast', {}, true],
        ['dark, more contrast', { appearance: 'dark' }, true],
      ];
      await setViewport({ width: 1280, height: 900 });
      const five = outcomesChart({
        title: '五个系列',
        orientation: 'vertical',
        stacking: 'grouped',
        categories: ['甲', '乙'],
        series: ['一', '二', '三', '四', '五'].map((name, i) => ({ name, values: [i + 1, i + 2] })),
      });
      for (const [name, options, more] of themes) {
        const el = await infographic(fullInfographic({ blocks: [...fullInfographic().blocks, five] }), options);
        const restore = more ? preferMoreContrast(el) : () => {};
        try {
          if (options.appearance === 'dark') expect($(el, '.zw-root').dataset.scheme, name).to.equal('dark');
          const marks = $$(el, 'svg.chart .mark, svg.chart .marker, svg.chart .line');
          expect(marks.length).to.be.greaterThan(20);
          for (const mark of marks) {
            const colour = mark.classList.contains('line') ? getComputedStyle(mark).stroke : markColour(mark);
            expect(contrast(colour, backgroundOf(mark)), `${name}: ${mark.getAttribute('class')} ${colour} on ${backgroundOf(mark)}`).to.be.at.least(3);
          }
          // the ink of every pattern against the pattern's own ground
          for (const pattern of $$(el, 'svg.chart pattern')) {
            const ground = getComputedStyle(pattern.querySelector('.pattern-bg')!).fill;
            const ink = pattern.querySelector('.pattern-ink, .pattern-dot')!;
            const inkColour = ink.classList.contains('pattern-dot') ? getComputedStyle(ink).fill : getComputedStyle(ink).stroke;
            expect(contrast(inkColour, ground), `${name}: pattern ${pattern.id}`).to.be.at.least(3);
          }
          // five series, five colours
          const chart = [...block(el, 'chart')].find((b) => b.querySelector('.block-title')!.textContent === '五个系列')!;
          const colours = [0, 1, 2, 3, 4].map((i) => markColour(chart.querySelector(`svg.chart .mark.series-${i}`)!));
          expect(new Set(colours).size, `${name}: ${colours.join(' ')}`).to.equal(5);
        } finally {
          restore();
        }
        await expect(el).to.be.accessible();
        el.parentElement!.remove();
      }
    });

    it('chart text follows the element text size, and at 320 px with 20 px text bars turn horizontal with names above, keeping the width', async () => {
      await setViewport({ width: 320, height: 900 });
      const el = await infographic(fullInfographic(), { fontSize: '20px' });
      const body = bodySize(el);
      expect(body).to.equal(20);
      const chartText = $$(el, 'svg.chart .axis text, svg.chart .value-label, svg.chart .category-label, svg.chart .slice-label');
      expect(chartText.length).to.be.greaterThan(10);
      for (const t of chartText) expect(parseFloat(getComputedStyle(t).fontSize), t.textContent!).to.be.at.least(0.875 * body);
      const width = el.getBoundingClientRect().width;
      const bars = block(el, 'chart').filter((b) => b.querySelector('svg.chart rect.mark'));
      expect(bars).to.have.length(2);
      for (const chart of bars) {
        const marks = [...chart.querySelectorAll('svg.chart rect.mark')].map((m) => m.getBoundingClientRect());
        const plot = Math.max(...marks.map((r) => r.right)) - Math.min(...marks.map((r) => r.left));
        expect(plot / width, `${chart.querySelector('.block-title')!.textContent}: plot ${plot} of ${width}`).to.be.at.least(0.6);
        // horizontal bars of one thickness, each category's name above its bars
        expect(new Set(marks.map((r) => Math.round(r.height))).size).to.equal(1);
        const names = [...chart.querySelectorAll('svg.chart .category-label')];
        expect(names.length).to.be.greaterThan(2);
        for (const name of names) {
          const nameBox = name.getBoundingClientRect();
          const below = marks.filter((r) => r.top >= nameBox.bottom - 1);
          expect(below.length, `bars under ${name.textContent}`).to.be.greaterThan(0);
          expect(nameBox.left).to.be.at.least(chart.getBoundingClientRect().left);
        }
        // value labels stay inside the element
        for (const label of chart.querySelectorAll('svg.chart .value-label'))
          expect(label.getBoundingClientRect().right, label.textContent!).to.be.at.most(el.getBoundingClientRect().right);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });

    it('chart text is 0.875 of the body text at the default size too, beside body text not 12 px', async () => {
      const el = await infographic(fullInfographic());
      expect(bodySize(el)).to.equal(16);
      for (const t of $$(el, 'svg.chart .axis text, svg.chart .value-label')) expect(parseFloat(getComputedStyle(t).fontSize)).to.equal(14);
    });
  });

  describe('tables and figures on phones', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    /** Every table region: named, focusable; when the table is wider, a visible cue and hint, and every column reachable by scrolling. */
    async function checkTables(el: ZwInfographic, where: string) {
      const regions = $$(el, '.table-wrap');
      expect(regions.length, `${where}: tables`).to.be.greaterThan(0);
      const overflowing = (r: HTMLElement) => r.scrollWidth > r.clientWidth + 1;
      await until(() => regions.every((r) => r.hasAttribute('data-overflow') === overflowing(r)), 'overflowing tables marked');
      for (const region of regions) {
        const name = region.getAttribute('aria-label') ?? '';
        expect([region.getAttribute('role'), region.tabIndex, name.length > 0], `${where}: ${name}`).to.deep.equal(['region', 0, true]);
        const hint = region.previousElementSibling as HTMLElement;
        const overflows = region.scrollWidth > region.clientWidth + 1;
        if (!overflows) {
          expect(hint.checkVisibility(), `${where}: ${name}: no hint without overflow`).to.equal(false);
          continue;
        }
        expect(region.hasAttribute('data-overflow'), `${where}: ${name}: marked`).to.equal(true);
        expect(hint.checkVisibility(), `${where}: ${name}: hint shown`).to.equal(true);
        expect(text(hint)).to.contain('左右滑动查看更多');
        expect(getComputedStyle(region).backgroundImage, `${where}: ${name}: edge shadow`).to.contain('gradient');
        // the last column can be scrolled into view
        region.scrollLeft = region.scrollWidth;
        const last = [...region.querySelectorAll('tr:first-child > :last-child, thead th:last-child')].at(-1)!;
        expect(last.getBoundingClientRect().right, `${where}: ${name}: last column reachable`).to.be.at.most(region.getBoundingClientRect().right + 1);
        region.scrollLeft = 0;
      }
      // nothing else is cut off: no block is wider than its box
      for (const b of $$(el, '[part=block]')) expect(b.scrollWidth, `${where}: block ${b.dataset.block}`).to.be.at.most(b.clientWidth + 1);
    }

    it('at 375 px: seed 003 and the annual report show every column, with a cue where a table scrolls', async () => {
      await setViewport({ width: 375, height: 900 });
      const gz = await sampleInfographic('infographic-003-guangzhou-deadlines.json');
      await checkTables(gz, 'seed 003');
      const table = block(gz, 'table')[0];
      const heads = [...table.querySelectorAll('thead th')];
      expect(heads.map((h) => h.textContent)).to.deep.equal(['序号', '任务', '责任处室', '完成时限']);
      const widths = heads.map((h) => h.getBoundingClientRect().width);
      expect(widths[0], `序号 narrow: ${widths.map(Math.round).join(' ')} in ${gz.getBoundingClientRect().width}`).to.be.lessThan(72);
      expect(widths[1], '任务 widest').to.equal(Math.max(...widths));
      // 完成时限 stays whole, on one line
      const range = document.createRange();
      range.selectNodeContents(table.querySelector('tbody tr td:last-child')!);
      expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, '完成时限 on one line').to.equal(1);
      await expect(gz).to.be.accessible();
      gz.parentElement!.remove();

      const report = await sampleInfographic('infographic-annual-report-example.json');
      await checkTables(report, 'annual report');
      expect($$(report, '.table-wrap[data-overflow]').length, 'the wide report tables scroll').to.be.greaterThan(0);
      await expect(report).to.be.accessible();
    });

    it('at 1280 px the annual report label column is never narrower than the others', async () => {
      await setViewport({ width: 1280, height: 900 });
      const report = await sampleInfographic('infographic-annual-report-example.json');
      const tables = $$(report, '.type-annual-report table');
      expect(tables.length).to.be.greaterThan(3);
      for (const table of tables) {
        const widths = [...table.querySelectorAll('tbody tr:first-child > *')].map((c) => c.getBoundingClientRect().width);
        expect(
          widths[0],
          `${table.querySelector('caption')?.textContent ?? table.closest('[part=block]')!.querySelector('.block-title')!.textContent}: ${widths.map(Math.round).join(' ')}`,
        ).to.be.at.least(Math.max(...widths) - 0.5);
      }
      await checkTables(report, 'annual report at 1280');
    });

    it('key figures stay inside their tiles at 320 and 375 px, at 16 and 20 px text', async () => {
      for (const [width, fontSize] of [
        [320, '16px'],
        [375, '16px'],
        [320, '20px'],
        [375, '20px'],
      ] as const) {
        await setViewport({ width, height: 900 });
        const el = await infographic(fullInfographic({ blocks: [...fullInfographic().blocks.slice(0, 1), annualReport()] }), { fontSize });
        const tiles = $$(el, '.figure');
        expect(tiles.length).to.be.greaterThan(4);
        for (const tile of tiles) {
          const where = `${width}px ${fontSize}: ${text(tile)}`;
          expect(tile.scrollWidth, where).to.be.at.most(tile.clientWidth);
          const box = tile.getBoundingClientRect();
          for (const part of tile.querySelectorAll('.number, .unit')) expect(part.getBoundingClientRect().right, where).to.be.at.most(box.right + 0.5);
        }
        expect(text(tiles[3])).to.contain('2,100多万元');
        el.parentElement!.remove();
      }
    });
  });
});
