import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { settle, untilState } from '../../test-support/helpers.js';
import { fullInfographic, outcomesChart } from '../../test-support/infographic-fixture.js';
import { HOSTILE } from '../../test-support/samples.js';
import { annualReport, brokenAnnualReport } from '../../test-support/annual-report-fixture.js';
import type { InfographicDocument } from '../../schema/types.generated.js';
import type { ZwInfographic } from './infographic.js';
import './infographic.js';

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function infographic(doc: unknown, { lang = 'zh-CN', width = '' } = {}): Promise<ZwInfographic> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} style=${width ? `width:${width}` : ''}><zw-infographic .data=${doc}></zw-infographic></div>`);
  const el = wrapper.querySelector('zw-infographic')!;
  await settle(el);
  await frame(); // charts are drawn for the measured width
  await el.updateComplete;
  return el;
}
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const block = (el: ZwInfographic, type: string) => $$(el, `[part=block].type-${type}`);

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
      expect(text(items[3])).to.contain('2,100万元');
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
      const el = await infographic(fullInfographic());
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

    it('wraps long category names of horizontal bars on a phone instead of cutting them off', async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await infographic(fullInfographic());
      const chart = block(el, 'chart')[0];
      const svg = chart.querySelector('svg.chart')!.getBoundingClientRect();
      for (const label of chart.querySelectorAll('[data-axis=band] .tick text')) {
        expect(label.getBoundingClientRect().left, label.textContent!).to.be.at.least(svg.left - 1);
      }
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
      expect(text(block(el, 'note')[0])).to.contain('数据截至2017年11月底。').and.contain('资料来源：安徽省商务厅');
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
      for (const button of $$(el, 'button')) expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
      await expect(el).to.be.accessible();
    });

    it('is a grid on wide screens, and redraws charts when resized without fetching again', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><zw-infographic src="/__zw/delay/10/src/test-support/infographic.json?resize"></zw-infographic></div>`);
      const el = wrapper.querySelector('zw-infographic')!;
      await untilState(el, 'ready');
      await settle(el);
      await frame();
      await el.updateComplete;
      expect(getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ')).to.have.length(2);
      const before = Number($(el, 'svg.chart').getAttribute('width'));
      wrapper.style.width = '500px';
      for (let i = 0; i < 20 && getComputedStyle($(el, '.blocks')).gridTemplateColumns.split(' ').length > 1; i++) await frame();
      await el.updateComplete;
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
        const el = await infographic(fullInfographic({ blocks: [brokenAnnualReport()] }));
        expect(el.state).to.equal('error');
        const alert = text($(el, '[role=alert]'));
        expect(alert).to.contain('/blocks/0/requests').and.match(/「[^」]+」一行/);
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
      expect(markup).not.to.contain('查看数据表').and.not.to.contain('下载此图');
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
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
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
      const el = await infographic(doc);
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
      const el = await infographic(fullInfographic({ blocks: [outcomesChart({ series: [{ name: '件数', values: [2, 1] }] })] }));
      expect(el.state).to.equal('error');
      expect(text($(el, '[role=alert]'))).to.contain('/blocks/0/series/0/values');
    } finally {
      console.warn = original;
    }
  });

  it('is accessible in every block type, with tables shown and hidden, at 320 px and 1280 px, in both languages', async () => {
    for (const [width, lang] of [[320, 'zh-CN'], [1280, 'en']] as const) {
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
});
