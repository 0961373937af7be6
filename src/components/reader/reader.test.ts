import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, oneEvent, settle, text, until, untilState } from '../../test-support/helpers.js';
import { longRegulation, readerDocument, SEED_003_TASK_ROWS, hostileArticleHtml } from '../../test-support/reader-fixture.js';
import { PREFS_KEY, type ReaderPrefs } from '../../core/reader/prefs.js';
import { COLOR_THEMES, READER_THEMES, type ColorTheme } from '../../core/reader/themes.js';
import { contrastRatio, parseCssColor } from '../../core/reader/contrast.js';
import { publishReading } from '../../base/reading-publish.js';
import { repairScrapedText } from '../../core/reader/repair.js';
import { FakeSynth, installSpeech, uninstallSpeech, voice } from '../../test-support/fake-speech.js';
import type { ZwPolicyCard } from '../policy-card/policy-card.js';
import type { ZwReader } from './reader.js';
import './reader.js'; // first: the reader must register what it needs itself
import '../policy-card/policy-card.js';

// A stand-in speech engine on window (the API boundary), for the element's wiring only: each utterance starts by itself.
const ZH = voice('普通话', 'zh-CN', { voiceURI: 'uri:zh', default: true });
const installEngine = (voices: SpeechSynthesisVoice[]) => installSpeech(new FakeSynth(voices, { autoStart: true }))!;

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────
const policy = () => readerDocument('seed003');

async function reader(template = html`<zw-reader .data=${policy()}></zw-reader>`): Promise<ZwReader> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === 'zw-reader' ? host : host.querySelector('zw-reader')!) as ZwReader;
  await untilState(el, 'ready');
  await settle(el);
  return el;
}

/** The first body paragraph (not the 发文字号). */
const paragraph = (el: ZwReader) => $(el, '.content .zw-section p');
const px = (value: string) => parseFloat(value);
const choose = async (el: ZwReader, id: string, value: string) => {
  const select = $<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await settle(el);
};
const openSettings = async (el: ZwReader) => {
  if ($(el, '#settings').getAttribute('aria-expanded') !== 'true') $(el, '#settings').click();
  await settle(el);
};
const stored = () => JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null') as { v: number; prefs: Partial<ReaderPrefs> } | null;

/** The colour painted behind an element: its own background or the nearest ancestor's (through shadow roots). */
function backgroundOf(element: Element): [number, number, number, number] {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const color = parseCssColor(getComputedStyle(node).backgroundColor);
    if (color && color[3] > 0) return color;
  }
  return [255, 255, 255, 1];
}
const contrastOf = (element: Element) => contrastRatio(parseCssColor(getComputedStyle(element).color)!, backgroundOf(element));

afterEach(async () => {
  fixtureCleanup();
  localStorage.removeItem(PREFS_KEY);
  publishReading(null);
  uninstallSpeech();
  await emulateMedia({ media: 'screen' });
  await setViewport({ width: 800, height: 600 });
});

describe('<zw-reader> content', () => {
  it('shows a policy: title, 发文字号, headed sections, seed 003’s 31-row table in its own region; ready and zw-load', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('zw-reader');
    el.data = policy();
    const loaded = oneEvent(el, 'zw-load');
    host.append(el);
    await loaded;
    expect(el.state).to.equal('ready');
    expect($(el, '#doc-title').getAttribute('role')).to.equal('heading');
    expect(text($(el, '#doc-title'))).to.equal(policy().title);
    if (policy().docNo) expect(text($(el, '.doc-no'))).to.equal(policy().docNo);
    expect($$(el, '.content tbody tr')).to.have.length(SEED_003_TASK_ROWS);
    expect($(el, '.content .table-wrap').getAttribute('role')).to.equal('region');
    const headings = policy().body!.filter((b) => b.type === 'heading').length;
    expect($$(el, '.zw-section > .block-heading')).to.have.length(headings);
    expect(getComputedStyle($(el, '.zw-section')).contentVisibility).to.equal('auto');
  });

  it('renders a 200k-character regulation in parts over several frames, then all of it', async () => {
    // how long each part takes is a figure of `npm run bench` (scripts/bench-reader.mjs), not a timed assertion here
    const long = longRegulation(200_000);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('zw-reader');
    const loaded = oneEvent(el, 'zw-load');
    el.data = long;
    host.append(el);
    await el.updateComplete;
    const first = $$(el, '.zw-section').length;
    await loaded;
    await settle(el);
    const sections = $$(el, '.zw-section');
    expect(sections.length).to.be.greaterThan(30);
    expect(first, 'the first frame shows a part, not all of it').to.be.greaterThan(0).and.below(sections.length);
    expect(text($(el, '.content')).length).to.be.greaterThan(200_000);
  });

  it('a long body checked in slices: warnings deep in it reach zw-load at their place in the whole body', async () => {
    const long = longRegulation(200_000);
    const body = [...(long.body ?? [])];
    const at = body.length - 3; // far beyond the first slice
    body.splice(at, 0, { type: 'paragraph', text: '机关各处室、各直属单位9/p>' });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('zw-reader');
    const loaded = oneEvent(el, 'zw-load');
    el.data = { ...long, body };
    host.append(el);
    const { detail } = await loaded;
    const found = detail.warnings.filter((w: { code: string }) => w.code === 'scrape-damage').map((w: { path: string }) => w.path);
    expect(found).to.deep.equal([`/body/${at}/text`]);
  });

  it('enhances the article HTML inside it (sanitised); the light DOM stays as it was', async () => {
    const el = await reader(html`<zw-reader><div .innerHTML=${hostileArticleHtml}></div></zw-reader>`);
    expect(el.state).to.equal('ready');
    expect(text($(el, '.content'))).to.contain('政务公开工作实施方案');
    expect($$(el, '.content script, .content svg, .content math, .content [onclick], .content [style]')).to.have.length(0);
    expect(el.querySelector('script')).to.exist; // the light DOM is left alone (not rendered: no slot)
    expect($$(el, '.toc-list a').length).to.be.greaterThan(1);
  });

  it('for="id": styles the page article and reads it; zw-load; no content of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-reader for="article-1"></zw-reader>
      <article id="article-1" lang="zh-CN"><h2>一、总体要求</h2><p>第一段。坚持以人民为中心。</p><p>第二段。</p><h2>二、工作任务</h2><p>第三段。</p></article>
    </div>`);
    const el = wrapper.querySelector('zw-reader')!;
    await untilState(el, 'ready');
    await settle(el);
    const article = wrapper.querySelector<HTMLElement>('#article-1')!;
    const p = article.querySelector('p')!;
    expect(article.hasAttribute('data-zw-reader-target')).to.equal(true);
    expect($(el, '.content')).to.equal(null);
    expect(getComputedStyle(p).fontSize).to.equal('18px');
    $(el, '#larger').click();
    await settle(el);
    expect(getComputedStyle(p).fontSize).to.equal('22.5px');
    await openSettings(el);
    await choose(el, 'font', 'kai');
    expect(getComputedStyle(p).fontFamily).to.match(/^KaiTi/);
    // the ruler acts on it
    $(el, '#ruler').click();
    await until(() => $$(el, '.aids-layer > *').length, 'the ruler’s parts in the aids layer');
    // read aloud reads it
    const synth = installEngine([ZH]);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    expect(synth.spoken[0].text).to.contain('一、总体要求');
    el.remove();
    expect(article.hasAttribute('data-zw-reader-target')).to.equal(false);
    expect(getComputedStyle(p).fontSize).to.not.equal('22.5px');
  });
});

describe('<zw-reader> controls change what they should', () => {
  it('text size −/+ in steps 100–300%, shown as a percentage (18 px at 100%)', async () => {
    const el = await reader();
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(18);
    expect($<HTMLButtonElement>(el, '#smaller').disabled).to.equal(true);
    $(el, '#larger').click();
    await settle(el);
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(22.5);
    expect(text($(el, '#size-value'))).to.equal('125%');
    for (let i = 0; i < 10; i++) $(el, '#larger').click();
    await settle(el);
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(54);
    expect($<HTMLButtonElement>(el, '#larger').disabled).to.equal(true);
    $(el, '#smaller').click();
    await settle(el);
    expect(text($(el, '#size-value'))).to.equal('250%');
  });

  it('line height, letter spacing, paragraph spacing, line width, font and theme', async () => {
    const el = await reader();
    await openSettings(el);
    const p = paragraph(el);
    await choose(el, 'line-height', '2.5');
    expect(px(getComputedStyle(p).lineHeight)).to.be.closeTo(45, 0.01);
    await choose(el, 'letter-spacing', '0.1');
    expect(px(getComputedStyle(p).letterSpacing)).to.be.closeTo(1.8, 0.01);
    await choose(el, 'paragraph-spacing', '2');
    // margin = 2 × line height (2.5 × 18 px); the gap between two paragraphs on screen is that margin
    expect(px(getComputedStyle(p).marginBottom)).to.be.closeTo(90, 0.1);
    const next = p.nextElementSibling as HTMLElement;
    if (next?.localName === 'p') expect(next.getBoundingClientRect().top - p.getBoundingClientRect().bottom).to.be.closeTo(90, 1);
    await choose(el, 'line-width', '30');
    // 30 characters of 1 em + 0.1 em letter spacing, at 18 px
    await setViewport({ width: 1280, height: 800 });
    await settle(el);
    expect(p.getBoundingClientRect().width).to.be.closeTo(30 * 1.1 * 18, 0.5);
    for (const [font, first] of [
      ['hei', 'SimHei'],
      ['song', 'SimSun'],
      ['kai', 'KaiTi'],
    ]) {
      await choose(el, 'font', font);
      expect(getComputedStyle(p).fontFamily.split(',')[0].trim()).to.equal(first);
    }
    await choose(el, 'theme', 'sepia');
    expect(parseCssColor(getComputedStyle(p).color)).to.deep.equal(parseCssColor(READER_THEMES.sepia.text));
    expect(backgroundOf(p)).to.deep.equal(parseCssColor(READER_THEMES.sepia.surface));
    expect(document.documentElement.getAttribute('data-zw-color-theme')).to.equal('sepia');
  });

  it('at 320 px with text at 200% nothing scrolls sideways but the table’s own region', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await reader(html`<zw-reader text-scale="2" .data=${policy()}></zw-reader>`);
    await until(() => px(getComputedStyle(paragraph(el)).fontSize) === 36, 'text at 200%');
    const root = document.documentElement;
    expect(root.scrollWidth, 'page').to.be.at.most(root.clientWidth);
    expect(el.scrollWidth, 'reader').to.be.at.most(el.clientWidth);
    for (const part of [$(el, '[part=toolbar]'), $(el, '.content')]) expect(part.getBoundingClientRect().right, part.className).to.be.at.most(320);
    for (const button of $$(el, '.toolbar .bar .tb')) expect(button.getBoundingClientRect().right, text(button)).to.be.at.most(320);
    // the text keeps a margin from the screen's edges
    const line = paragraph(el).getBoundingClientRect();
    expect(line.left, 'text from the left edge').to.be.at.least(12);
    expect(line.right, 'text from the right edge').to.be.at.most(320 - 12);
    const region = $(el, '.content .table-wrap');
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth); // the 5-column table scrolls inside its region
    await openSettings(el);
    expect(root.scrollWidth, 'page with the settings open').to.be.at.most(root.clientWidth);
  });

  it('every theme: body text ≥ 7:1 and controls ≥ 4.5:1, from the rendered colours', async () => {
    for (const theme of COLOR_THEMES) {
      const el = await reader(html`<zw-reader color-theme=${theme} .data=${policy()}></zw-reader>`);
      await openSettings(el);
      expect(contrastOf(paragraph(el)), `${theme}: body`).to.be.at.least(7);
      expect(contrastOf($(el, '.content td')), `${theme}: table cell`).to.be.at.least(7);
      for (const control of [$(el, '#larger'), $(el, '#settings'), $(el, '#ruler'), $(el, '#theme'), $(el, '.toc-list a, #toc')])
        expect(contrastOf(control), `${theme}: ${control.id || control.localName}`).to.be.at.least(4.5);
      const button = $(el, '#larger');
      expect(contrastRatio(parseCssColor(getComputedStyle(button).borderTopColor)!, backgroundOf(button.parentElement!)), `${theme}: button border`).to.be.at.least(3);
      fixtureCleanup();
    }
  });

  it('the default theme is what every element paints with no reading published (the light tokens of theme.styles.ts)', async () => {
    const el = await reader();
    const root = $(el, '.zw-root');
    expect(root.dataset.scheme).to.equal('light');
    const painted = getComputedStyle(root);
    for (const [token, value] of Object.entries(READER_THEMES.default)) {
      if (token === 'scheme') continue;
      const property = `--_${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      expect(parseCssColor(painted.getPropertyValue(property).trim()), `${token} (${property})`).to.deep.equal(parseCssColor(value));
    }
  });
});

describe('<zw-reader> preferences', () => {
  it('stores the choices under the versioned key; a new reader (a reload) picks them up; reset clears', async () => {
    let el = await reader();
    $(el, '#larger').click();
    await settle(el);
    await openSettings(el);
    await choose(el, 'theme', 'dark');
    expect(stored()).to.deep.equal({ v: 1, prefs: { textScale: 1.25, colorTheme: 'dark' } });
    fixtureCleanup(); // the page goes away …
    expect(document.documentElement.style.getPropertyValue('--zw-text-scale')).to.equal('');
    el = await reader(); // … and comes back
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(22.5);
    expect($(el, '.zw-root').dataset.scheme).to.equal('dark');
    // another version of the record is not read
    fixtureCleanup();
    localStorage.setItem(PREFS_KEY, JSON.stringify({ v: 2, prefs: { textScale: 3 } }));
    el = await reader();
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(18);
    $(el, '#larger').click();
    await settle(el);
    const changed = oneEvent(el, 'zw-reader-change');
    el.reset();
    expect((await changed).detail.prefs.textScale).to.equal(1);
    expect(localStorage.getItem(PREFS_KEY)).to.equal(null);
    await settle(el);
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(18);
  });

  it('presets from attributes; stored choices win over them; no-remember stores nothing', async () => {
    let el = await reader(html`<zw-reader text-scale="2" line-height="2.2" font="song" color-theme="sepia" paragraph-spacing="1.3" .data=${policy()}></zw-reader>`);
    const p = paragraph(el);
    expect(px(getComputedStyle(p).fontSize)).to.equal(36);
    expect(px(getComputedStyle(p).lineHeight)).to.be.closeTo(79.2, 0.01);
    expect(getComputedStyle(p).fontFamily).to.match(/^SimSun/);
    expect(document.documentElement.getAttribute('data-zw-color-theme')).to.equal('sepia');
    expect(el.prefs.paragraphSpacing).to.equal(1.3);
    $(el, '#smaller').click();
    await settle(el);
    expect(stored()!.prefs).to.deep.equal({ textScale: 1.75 });
    fixtureCleanup();
    el = await reader(html`<zw-reader text-scale="2" .data=${policy()}></zw-reader>`);
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(31.5); // stored 1.75 beats the attribute's 2
    fixtureCleanup();
    localStorage.removeItem(PREFS_KEY);
    el = await reader(html`<zw-reader no-remember .data=${policy()}></zw-reader>`);
    $(el, '#larger').click();
    await settle(el);
    expect(px(getComputedStyle(paragraph(el)).fontSize)).to.equal(22.5);
    expect(localStorage.getItem(PREFS_KEY)).to.equal(null);
  });

  it('two readers stay in step, and the other zw elements follow the text size and theme', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-reader id="a" .data=${policy()}></zw-reader>
      <zw-reader id="b" .data=${readerDocument('seed000')}></zw-reader>
      <zw-policy-card .data=${readerDocument('seed000')}></zw-policy-card>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('zw-reader')];
    const card = wrapper.querySelector<ZwPolicyCard>('zw-policy-card')!;
    await untilState(a, 'ready');
    await untilState(b, 'ready');
    await settle(card);
    const cardSize = () => px(getComputedStyle($(card, '.zw-root')).fontSize);
    const before = cardSize();
    $(a, '#larger').click();
    $(a, '#larger').click();
    await settle(a);
    await until(() => px(getComputedStyle(paragraph(b)).fontSize) === 27, 'reader b at 150%');
    expect(text($(b, '#size-value'))).to.equal('150%');
    await until(() => cardSize() === before * 1.5, 'the card at 150%');
    await openSettings(b);
    await choose(b, 'theme', 'contrast-black');
    await until(() => $(a, '.zw-root').dataset.scheme === 'dark' && $(card, '.zw-root').dataset.scheme === 'dark', 'a and the card dark');
    expect(parseCssColor(getComputedStyle(paragraph(a)).color)).to.deep.equal(parseCssColor(READER_THEMES['contrast-black'].text));
  });

  it('a choice made in another tab (storage event) is followed', async () => {
    const el = await reader();
    const value = JSON.stringify({ v: 1, prefs: { textScale: 2 } });
    localStorage.setItem(PREFS_KEY, value);
    window.dispatchEvent(new StorageEvent('storage', { key: PREFS_KEY, newValue: value }));
    await until(() => px(getComputedStyle(paragraph(el)).fontSize) === 36, 'text at 200%');
  });

  it('elderly mode: large text, generous spacing, high contrast, 60 px targets, 指读 on', async () => {
    const el = await reader(html`<zw-reader elderly .data=${policy()}></zw-reader>`);
    const p = paragraph(el);
    expect(px(getComputedStyle(p).fontSize)).to.equal(27);
    expect(px(getComputedStyle(p).lineHeight) / 27).to.be.at.least(1.8 - 1e-6);
    expect(document.documentElement.getAttribute('data-zw-color-theme')).to.equal('contrast-white');
    expect($(el, '#point').getAttribute('aria-pressed')).to.equal('true');
    for (const button of $$(el, '.toolbar .bar .tb')) expect(button.getBoundingClientRect().height, text(button)).to.be.at.least(60);
    await until(() => p.getAttribute('tabindex') === '0', '指读 units focusable');
  });
});

describe('<zw-reader> read aloud', () => {
  it('play / pause / resume / stop: utterances spoken, status shown, zw-speak', async () => {
    const synth = installEngine([ZH]);
    const el = await reader();
    const states: string[] = [];
    el.addEventListener('zw-speak', (e) => states.push(e.detail.state));
    $(el, '#play').click();
    await until(() => synth.spoken.length, 'an utterance');
    expect(synth.spoken[0].text).to.contain(policy().title.slice(0, 6));
    expect(synth.spoken.every((u) => u.text.length <= 120)).to.equal(true);
    await until(() => $(el, '#pause'), 'the pause button');
    expect(text($(el, '.status'))).to.equal('正在朗读');
    synth.end();
    await until(() => synth.spoken.length === 2, 'the next utterance');
    $(el, '#pause').click();
    await until(() => $(el, '#resume'), 'the resume button');
    expect(text($(el, '.status'))).to.equal('朗读已暂停');
    $(el, '#resume').click();
    await until(() => $(el, '#pause'), 'playing again');
    $(el, '#stop').click();
    await until(() => $(el, '#play'), 'idle again');
    expect(synth.calls).to.include('cancel');
    expect(states[0]).to.equal('playing');
    expect(states).to.include('paused');
    expect(states[states.length - 1]).to.equal('idle');
  });

  it('a clear message without speech, or without a Chinese voice', async () => {
    installSpeech(undefined);
    let el = await reader();
    await el.play();
    await until(() => text($(el, '.status')).includes('不支持'), 'the no-speech message');
    fixtureCleanup();
    uninstallSpeech();
    installEngine([EN]);
    el = await reader();
    await el.play();
    await until(() => text($(el, '.status')).includes('没有中文语音'), 'the no-Chinese-voice message');
  });

  it('指读 reads the paragraph clicked or focused; units are focusable only while it is on; Escape stops and leaves it', async () => {
    const synth = installEngine([ZH]);
    const el = await reader();
    const p = paragraph(el);
    expect(p.hasAttribute('tabindex')).to.equal(false);
    $(el, '#point').click();
    await until(() => p.getAttribute('tabindex') === '0', 'paragraphs focusable');
    p.focus();
    await until(() => synth.spoken.length, 'an utterance');
    expect(p.textContent).to.contain(synth.spoken[0].text.trim().slice(0, 10));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => !p.hasAttribute('tabindex'), '指读 off');
    expect(synth.calls).to.include('cancel');
    expect($(el, '#point').getAttribute('aria-pressed')).to.equal('false');
  });

  it('大字幕 shows the sentence being read', async () => {
    const synth = installEngine([ZH]);
    const el = await reader(html`<zw-reader caption .data=${policy()}></zw-reader>`);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    const sentence = synth.spoken[0].text.replace(/\s+/g, ' ').trim();
    await until(() => text(el.shadowRoot!.querySelector('.aids-layer')!).includes(sentence), 'the caption with the sentence');
  });
});

describe('<zw-reader> contents, print, accessibility', () => {
  it('the contents list jumps to a section, moves focus there and marks the current one', async () => {
    const el = await reader();
    $(el, '#toc').click();
    await settle(el);
    const links = $$<HTMLAnchorElement>(el, '.toc-list a');
    expect(links.length).to.be.greaterThan(2);
    expect(links[0].getAttribute('aria-current')).to.equal('location');
    links[2].click();
    await until(() => $(el, '.toc-list a[aria-current]') === links[2] || $$(el, '.toc-list a')[2].getAttribute('aria-current') === 'location', 'the third entry current');
    const heading = el.shadowRoot!.activeElement as HTMLElement;
    expect(heading.getAttribute('role')).to.equal('heading');
    expect(text(heading)).to.equal(text(links[2]));
  });

  it('prints black on white without the toolbar', async () => {
    const el = await reader(html`<zw-reader color-theme="contrast-black" .data=${policy()}></zw-reader>`);
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle($(el, '[part=toolbar]')).display).to.equal('none');
    expect(parseCssColor(getComputedStyle(paragraph(el)).color)).to.deep.equal([0, 0, 0, 1]);
    expect(backgroundOf(paragraph(el))).to.deep.equal([255, 255, 255, 1]);
  });

  for (const theme of COLOR_THEMES)
    it(`is accessible in the ${theme} theme`, async () => {
      const el = await reader(html`<zw-reader color-theme=${theme as ColorTheme} .data=${policy()}></zw-reader>`);
      await openSettings(el);
      await expect(el).to.be.accessible();
    });

  it('is accessible in elderly mode, with the help dialog open, in English, at 375 and 1280 px', async () => {
    let el = await reader(html`<zw-reader elderly .data=${policy()}></zw-reader>`);
    await expect(el).to.be.accessible();
    $(el, '#help').click();
    await until(() => $<HTMLDialogElement>(el, 'dialog').open, 'the dialog open');
    await expect(el).to.be.accessible();
    fixtureCleanup();
    el = await reader(html`<div lang="en"><zw-reader .data=${policy()}></zw-reader></div>`);
    await openSettings(el);
    expect($$(el, '.toolbar .tb').length).to.be.greaterThan(10);
    await expect(el).to.be.accessible();
    for (const width of [375, 1280]) {
      await setViewport({ width, height: 800 });
      await settle(el);
      await expect(el).to.be.accessible();
    }
  });
});

// ── Second pass: data after connection, highlight, language, aids, extras, tables, spacing, repair ──────────
describe('<zw-reader> data set after it is connected', () => {
  for (const [name, make] of [
    ['a small document', () => policy()],
    ['a 200k-character regulation', () => longRegulation(200_000)],
  ] as const)
    it(`shows ${name} given to a reader connected empty`, async () => {
      const el = await fixture<ZwReader>(html`<zw-reader no-remember></zw-reader>`);
      await el.updateComplete;
      const data = make();
      const loaded = oneEvent(el, 'zw-load');
      el.data = data;
      await loaded;
      expect(el.state).to.equal('ready');
      const headings = data.body!.filter((b) => b.type === 'heading').length;
      expect($$(el, '.zw-section > .block-heading')).to.have.length(headings);
      const last = data.body!.filter((b) => b.type === 'paragraph').pop() as { text: string };
      expect(text($(el, '.content'))).to.contain(repairScrapedText(last.text).replace(/\s+/g, ' ').slice(0, 20));
      // and another document replaces it
      const next = readerDocument('seed000');
      const again = oneEvent(el, 'zw-load');
      el.data = next;
      await again;
      expect(text($(el, '#doc-title'))).to.equal(next.title);
      expect($$(el, '.zw-section > .block-heading')).to.have.length(next.body!.filter((b) => b.type === 'heading').length);
    });

  it('a choice updates the reader once: nothing is scheduled from updated() (Lit change-in-update)', async () => {
    const el = await reader();
    $(el, '#larger').click();
    expect(await el.updateComplete, 'no update pending after the update').to.equal(true);
    el.choose({ colorTheme: 'dark' });
    expect(await el.updateComplete).to.equal(true);
    expect($(el, '.zw-root').dataset.scheme, 'the theme in the same render').to.equal('dark');
  });
});

describe('<zw-reader> the sentence being read', () => {
  it('is a CSS highlight in the mark colours; its unit has a lighter outline; scroll margin clears the toolbar', async () => {
    const synth = installEngine([ZH]);
    const el = await reader(html`<zw-reader color-theme="sepia" .data=${policy()}></zw-reader>`);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    const unit = await until(() => $(el, '[data-zw-reading]'), 'the unit being read');
    expect((CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('zw-reading')).to.equal(true);
    const mark = parseCssColor(READER_THEMES.sepia.mark);
    const highlight = getComputedStyle(unit, '::highlight(zw-reading)');
    expect(parseCssColor(highlight.backgroundColor), 'highlight background').to.deep.equal(mark);
    expect(parseCssColor(highlight.color), 'highlight text').to.deep.equal(parseCssColor(READER_THEMES.sepia.markText));
    const style = getComputedStyle(unit);
    expect(parseCssColor(style.outlineColor), 'the unit’s outline').to.deep.equal(mark);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseCssColor(style.backgroundColor)![3], 'no full background where highlights work').to.equal(0);
    expect(px(style.scrollMarginTop)).to.be.greaterThan(0);
    // where CSS.highlights is missing, the reader marks the unit whole
    $(el, '.reader').classList.add('no-highlights');
    expect(parseCssColor(getComputedStyle(unit).backgroundColor)).to.deep.equal(mark);
  });

  it('for="id": the page article gets the same marks from the document sheet', async () => {
    const synth = installEngine([ZH]);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-reader for="article-2"></zw-reader>
      <article id="article-2" lang="zh-CN"><p>第一段。坚持以人民为中心。</p><p>第二段。</p></article>
    </div>`);
    const el = wrapper.querySelector('zw-reader')!;
    await untilState(el, 'ready');
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    const p = wrapper.querySelector('p')!;
    await until(() => p.hasAttribute('data-zw-reading'), 'the paragraph marked');
    expect(parseCssColor(getComputedStyle(p, '::highlight(zw-reading)').backgroundColor)).to.deep.equal(parseCssColor('#fff1a8'));
    expect(getComputedStyle(p).outlineStyle).to.equal('solid');
    expect(px(getComputedStyle(p).scrollMarginTop)).to.be.greaterThan(0);
  });

  it('reads in the article’s language from the page around it; stops when the reader leaves the page', async () => {
    const synth = installEngine([ZH]);
    const el = await reader(html`<div lang="zh-HK"><zw-reader><p>第一段。坚持以人民为中心。</p><p>第二段。</p></zw-reader></div>`);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    expect(synth.spoken[0].lang).to.equal('zh-HK');
    el.remove();
    expect(synth.calls[synth.calls.length - 1]).to.equal('cancel');
  });

  it('大字幕 keeps the sentence while paused', async () => {
    const synth = installEngine([ZH]);
    const el = await reader(html`<zw-reader caption .data=${policy()}></zw-reader>`);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    const sentence = synth.spoken[0].text.replace(/\s+/g, ' ').trim();
    const layer = el.shadowRoot!.querySelector('.aids-layer')!;
    await until(() => text(layer).includes(sentence), 'the caption with the sentence');
    // what the reader tells the caption (drawn in the aids' next frame)
    const aids = (el as unknown as { aids: { showCaption(t?: string): void } }).aids;
    const told: (string | undefined)[] = [];
    const showCaption = aids.showCaption.bind(aids);
    aids.showCaption = (t) => (told.push(t), showCaption(t));
    el.pause();
    await until(() => $(el, '#resume'), 'paused');
    expect(told[told.length - 1]).to.equal(synth.spoken[0].text);
    el.stop();
    await until(() => $(el, '#play'), 'idle');
    expect(told[told.length - 1]).to.equal(undefined);
  });
});

describe('<zw-reader> reading aids layer', () => {
  it('is fixed over the viewport, takes no pointer, sits above the text and under the toolbar; new content gets new aids', async () => {
    const el = await reader(html`<zw-reader ruler .data=${policy()}></zw-reader>`);
    const layer = $(el, '.aids-layer');
    await until(() => layer.childElementCount, 'the ruler’s parts');
    const style = getComputedStyle(layer);
    expect(style.position).to.equal('fixed');
    expect(style.pointerEvents).to.equal('none');
    expect(Number(getComputedStyle($(el, '[part=toolbar]')).zIndex)).to.be.greaterThan(Number(style.zIndex));
    expect(['relative', 'sticky']).to.include(getComputedStyle($(el, '[part=toolbar]')).position);
    const internals = el as unknown as { aids?: unknown; aidsContent?: HTMLElement };
    const before = internals.aids;
    const loaded = oneEvent(el, 'zw-load');
    el.data = readerDocument('seed000');
    await loaded;
    await until(() => internals.aids && internals.aids !== before, 'new aids for the new content');
    expect(internals.aidsContent).to.equal($(el, '.content'));
    await until(() => layer.childElementCount, 'the ruler back on the new content');
  });
});

describe('<zw-reader> 简/繁 and 拼音', () => {
  it('load on demand, convert the text and mark it zh-Hant, add ruby, and come back exactly', async () => {
    const lazy = () => performance.getEntriesByType('resource').filter((e) => /\/(extras|hant|pinyin)[^/]*\.(ts|js)/.test(e.name));
    const el = await reader();
    expect(
      lazy().map((e) => e.name),
      'nothing of the extras loaded before use',
    ).to.deep.equal([]);
    const content = $(el, '.content');
    // what the table region writes from its layout (measured width, data-overflow, the swipe hint) follows on its own, later
    const dom = () => content.innerHTML.replace(/ style="[^"]*"| data-overflow=""/g, '').replace(/(class="table-hint" aria-hidden="true")(?: hidden="")?/g, '$1');
    const original = dom();
    expect(text(content)).to.contain('发布');
    await openSettings(el);
    $(el, '#hant').click();
    // a long text converts in slices (extras.ts): the text is marked zh-Hant once all of it is
    await until(() => text(content).includes('發布') && content.getAttribute('lang') === 'zh-Hant', '繁體, marked zh-Hant');
    expect(lazy().length).to.be.greaterThan(0);
    $(el, '#pinyin').click();
    await until(() => content.querySelectorAll('ruby rt').length > 10, 'ruby');
    $(el, '#pinyin').click();
    $(el, '#hant').click();
    await until(() => !content.querySelector('ruby') && text(content).includes('发布'), 'back to the original');
    await until(() => content.getAttribute('lang') === 'zh-CN', 'the original lang back');
    const now = dom();
    const at = [...now].findIndex((c, i) => c !== original[i]);
    expect(now.slice(Math.max(0, at - 80), at + 80), 'the DOM as it was').to.equal(original.slice(Math.max(0, at - 80), at + 80));
    expect(now.length).to.equal(original.length);
  });
});

describe('<zw-reader> layout of the text', () => {
  it('text keeps the line width; seed 003’s table may use the reader’s whole width at 1280 px', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await reader();
    const p = paragraph(el);
    const table = $(el, '.content .table-scroll');
    expect(p.getBoundingClientRect().width).to.be.closeTo(40 * 18, 1);
    expect(table.getBoundingClientRect().width).to.be.greaterThan(p.getBoundingClientRect().width + 200);
    expect(table.getBoundingClientRect().right).to.be.at.most($(el, '.reader').getBoundingClientRect().right + 0.5);
    // headings and paragraphs share the column’s left edge
    const heading = $(el, '.zw-section > .block-heading');
    expect(heading.getBoundingClientRect().left).to.be.closeTo(p.getBoundingClientRect().left, 1);
  });

  it('one paragraph gap between blocks: never doubled at a section boundary, a small gap under a heading', async () => {
    const el = await reader(html`<zw-reader .data=${readerDocument('seed000')}></zw-reader>`);
    const gap = 1.5 * 1.8 * 18;
    const sections = $$(el, '.zw-section');
    expect(sections.length).to.be.greaterThan(1);
    for (const section of sections) section.style.contentVisibility = 'visible'; // laid out, not estimated
    for (let i = 1; i < sections.length; i++) {
      const before = sections[i - 1].lastElementChild!.getBoundingClientRect().bottom;
      const heading = sections[i].firstElementChild!;
      expect(heading.getBoundingClientRect().top - before, `before section ${i + 1}`).to.be.closeTo(gap, 1);
      const next = heading.nextElementSibling;
      if (next) expect(next.getBoundingClientRect().top - heading.getBoundingClientRect().bottom, 'under the heading').to.be.below(gap / 2);
    }
  });
});

describe('<zw-reader> scraped damage', () => {
  it('shows and reads seed 003 without the remnants; the data stays as it came', async () => {
    const synth = installEngine([ZH]);
    const data = policy();
    const raw = JSON.stringify(data);
    expect(raw).to.contain('机关各处室、各直属单位9/p>');
    const el = await reader(html`<zw-reader .data=${data}></zw-reader>`);
    const shown = text($(el, '.content'));
    expect(shown).to.contain('机关各处室、各直属单位');
    for (const remnant of ['9/p>', '?/p>', '/td>', 'ldquo;', 'href=']) expect(shown, remnant).to.not.contain(remnant);
    expect(JSON.stringify(el.data)).to.equal(raw);
    await el.play();
    await until(() => synth.spoken.length, 'an utterance');
    for (let i = 0; i < 40 && synth.speaking; i++) {
      synth.end();
      await until(() => synth.spoken.length > i + 1 || !synth.speaking || $(el, '#play'), 'the next');
    }
    for (const u of synth.spoken) expect(u.text).to.not.match(/\/(p|td)>/);
  });

  it('repairs the enhanced article HTML, but never the page’s own article (for)', async () => {
    const el = await reader(html`<zw-reader><p>机关各处室、各直属单位9/p></p><p>一、制定依?/p></p></zw-reader>`);
    expect(text($(el, '.content'))).to.not.contain('/p>');
    expect(text($(el, '.content'))).to.contain('一、制定依');
    fixtureCleanup();
    const wrapper = await fixture<HTMLDivElement>(html`<div><zw-reader for="a3"></zw-reader><article id="a3"><p>一、制定依?/p></p></article></div>`);
    await untilState(wrapper.querySelector('zw-reader')!, 'ready');
    expect(wrapper.querySelector('p')!.textContent).to.equal('一、制定依?/p>');
  });
});

describe('<zw-reader> colours', () => {
  it('takes every colour from the theme tokens (forced colours follow); only print and the dialog’s scrim are fixed', async () => {
    const { readerStyles } = await import('./reader.styles.js');
    const screen = readerStyles.cssText.replace(/@media print\s*\{[\s\S]*$/, '');
    const fixed = screen.match(/[^;{}]*(#[0-9a-f]{3,8}\b|rgba?\(|(?<![-\w])(black|white)(?![-\w]))[^;{}]*/gi) ?? [];
    expect(fixed.map((d) => d.trim()).filter((d) => !/^background: rgb\(0 0 0 \/ 0\.55\)$/.test(d))).to.deep.equal([]);
  });
});

describe('<zw-reader> two on a page, links inside the article', () => {
  it('names its toolbar and contents landmarks after the text, so two readers differ (axe landmark-unique)', async () => {
    const other = { ...readerDocument('seed000') };
    const host = await fixture<HTMLElement>(html`<div><zw-reader .data=${policy()}></zw-reader><zw-reader .data=${other}></zw-reader></div>`);
    const [first, second] = [...host.querySelectorAll('zw-reader')] as ZwReader[];
    await untilState(first, 'ready');
    await untilState(second, 'ready');
    await settle(first);
    await settle(second);
    const names = (el: ZwReader) => [$(el, '.toolbar').getAttribute('aria-label'), $(el, 'nav').getAttribute('aria-label')];
    expect(names(first)[0]).to.contain('阅读工具').and.contain(repairScrapedText(policy().title).slice(0, 10));
    expect(names(first)[0]).to.not.equal(names(second)[0]);
    expect(names(first)[1]).to.not.equal(names(second)[1]);
    await expect(host).to.be.accessible();
  });

  it('headings without an id get zw-toc-… ids that never clash with the article’s own (zw-r-…)', async () => {
    const el = await reader(html`<zw-reader><h2 id="h-1">一、总体要求</h2><p>正文一。</p><h2>二、主要任务</h2><p>正文二。</p></zw-reader>`);
    const ids = $$(el, '.content h2').map((h) => h.id);
    expect(ids[0]).to.equal('zw-r-h-1');
    expect(ids[1]).to.match(/^zw-toc-/);
    expect(new Set($$(el, '.content [id]').map((e) => e.id)).size).to.equal($$(el, '.content [id]').length);
  });

  it('an in-page link of the enhanced article scrolls to its target inside the reader and moves focus there', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => html`<p>第${i + 1}段，政务公开工作要点的正文内容。</p>`);
    const el = await reader(html`<zw-reader><p><a href="#fujian">见附件</a></p>${filler}<h2 id="fujian">附件：任务分工表</h2></zw-reader>`);
    const link = $<HTMLAnchorElement>(el, '.content a[href^="#"]');
    expect(link.getAttribute('href')).to.equal('#zw-r-fujian');
    const before = location.hash;
    link.click();
    await until(() => el.shadowRoot!.activeElement?.id === 'zw-r-fujian', 'focus on the link target');
    expect(location.hash).to.equal(before); // not a fragment navigation of the page
  });
});

// ── Third pass: forced colours, a tall toolbar, whose Escape, 指读 as a preference, voices, print, `for` toolbar ──
const EN = voice('English', 'en-US', { voiceURI: 'uri:en' });
const pressedState = (el: ZwReader, id: string) => $(el, `#${id}`).getAttribute('aria-pressed');

describe('<zw-reader> forced colours', () => {
  it('a pressed or open button keeps its label: system highlight colours (the runner cannot emulate forced colours: the rules are checked, then applied to show they win; seen in a screenshot)', async () => {
    const { readerStyles } = await import('./reader.styles.js');
    const forced = [...readerStyles.styleSheet!.cssRules].find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
    expect(forced, 'a forced-colors block').to.exist;
    const rule = [...forced!.cssRules].find((r): r is CSSStyleRule => r instanceof CSSStyleRule && /aria-pressed/.test(r.selectorText) && /aria-expanded/.test(r.selectorText))!;
    expect(rule, 'a rule for pressed and open buttons').to.exist;
    expect(rule.style.getPropertyValue('forced-color-adjust')).to.equal('none');
    expect(rule.style.getPropertyValue('background-color')).to.equal('highlight');
    expect(rule.style.getPropertyValue('color')).to.equal('highlighttext');
    // the same rules, unconditional, on a reader with pressed (elderly, 指读) and open (settings) buttons: they match and win over the theme
    const el = await reader(html`<zw-reader elderly color-theme="contrast-black" .data=${policy()}></zw-reader>`);
    await openSettings(el);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync([...forced!.cssRules].map((r) => r.cssText).join('\n'));
    el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, sheet];
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Highlight';
    probe.style.color = 'HighlightText';
    document.body.append(probe);
    try {
      for (const id of ['elderly', 'point', 'settings']) {
        const style = getComputedStyle($(el, `#${id}`));
        expect(style.backgroundColor, `${id} background`).to.equal(getComputedStyle(probe).backgroundColor);
        expect(style.color, `${id} text`).to.equal(getComputedStyle(probe).color);
      }
    } finally {
      probe.remove();
    }
  });
});

describe('<zw-reader> a tall toolbar', () => {
  it('at 1280×720, text 200%, settings open, the toolbar is not kept in view: it scrolls away and the text below is readable', async () => {
    await setViewport({ width: 1280, height: 720 });
    const el = await reader(html`<zw-reader text-scale="2" .data=${policy()}></zw-reader>`);
    const bar = $(el, '[part=toolbar]');
    const share = () => bar.getBoundingClientRect().height / innerHeight;
    await until(() => getComputedStyle(bar).position === 'sticky', 'sticky while it is short');
    expect(share(), 'closed').to.be.below(0.3);
    await openSettings(el);
    await until(() => bar.hasAttribute('data-tall'), 'marked tall');
    expect(share(), 'with the settings open').to.be.above(0.3);
    expect(getComputedStyle(bar).position).to.equal('relative');
    try {
      const top = bar.getBoundingClientRect().bottom + scrollY + 50;
      window.scrollTo(0, top);
      await until(() => Math.abs(scrollY - top) < 1, 'scrolled');
      expect(bar.getBoundingClientRect().bottom, 'the toolbar scrolled away').to.be.at.most(0);
      const middle = el.shadowRoot!.elementFromPoint(innerWidth / 2, innerHeight / 2);
      expect(middle?.closest('.content'), 'text in the middle of the window').to.exist;
      // closed again, it is short and stays in view
      $(el, '#settings').click();
      await until(() => !bar.hasAttribute('data-tall') && getComputedStyle(bar).position === 'sticky', 'sticky again');
    } finally {
      window.scrollTo(0, 0);
    }
  });
});

describe('<zw-reader> whose Escape', () => {
  it('Escape in the page’s own dialog is the dialog’s: speech goes on and the aids stay; outside it, Escape stops them', async () => {
    const synth = installEngine([ZH]);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <div role="dialog" aria-label="门户对话框"><button id="portal-ok">确定</button></div>
      <zw-reader ruler .data=${policy()}></zw-reader>
    </div>`);
    const el = wrapper.querySelector('zw-reader')!;
    await untilState(el, 'ready');
    await settle(el);
    await el.play();
    await until(() => $(el, '#pause') && synth.spoken.length, 'reading');
    const calls = synth.calls.length;
    wrapper.querySelector<HTMLButtonElement>('#portal-ok')!.focus();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(synth.calls.slice(calls), 'nothing cancelled').to.deep.equal([]);
    expect($(el, '#pause'), 'still reading').to.exist;
    expect(pressedState(el, 'ruler'), 'the ruler stays').to.equal('true');
    // the same key from the text (no dialog around it) leaves the modes
    $(el, '#settings').focus();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, '#play') && pressedState(el, 'ruler') === 'false', 'speech stopped and the ruler off');
  });
});

describe('<zw-reader> 指读 as a preference', () => {
  it('point-read presets it; choosing elderly mode turns it on; turning it off leaves elderly mode on; Escape turns it off', async () => {
    installEngine([ZH]);
    let el = await reader(html`<zw-reader point-read .data=${policy()}></zw-reader>`);
    expect(pressedState(el, 'point')).to.equal('true');
    expect(pressedState(el, 'elderly')).to.equal('false');
    await until(() => paragraph(el).getAttribute('tabindex') === '0', 'units focusable');
    fixtureCleanup();
    el = await reader();
    const p = paragraph(el);
    expect(pressedState(el, 'point')).to.equal('false');
    $(el, '#elderly').click();
    await until(() => pressedState(el, 'elderly') === 'true' && pressedState(el, 'point') === 'true', 'elderly mode with 指读');
    $(el, '#point').click();
    await until(() => pressedState(el, 'point') === 'false', '指读 off');
    expect(pressedState(el, 'elderly'), 'elderly mode stays').to.equal('true');
    await until(() => !p.hasAttribute('tabindex'), 'units no longer focusable');
    expect(stored()!.prefs).to.deep.include({ elderly: true, pointRead: false });
    $(el, '#point').click();
    await until(() => p.getAttribute('tabindex') === '0', '指读 on again');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => pressedState(el, 'point') === 'false', 'Escape turned 指读 off');
    expect(pressedState(el, 'elderly')).to.equal('true');
    $(el, '#elderly').click();
    await until(() => pressedState(el, 'elderly') === 'false', 'elderly mode off');
    expect(pressedState(el, 'point')).to.equal('false');
  });

  it('elderly mode reads aloud the paragraph that gets focus', async () => {
    const synth = installEngine([ZH]);
    const el = await reader(html`<zw-reader elderly .data=${policy()}></zw-reader>`);
    const p = paragraph(el);
    await until(() => p.getAttribute('tabindex') === '0', 'paragraphs focusable');
    p.focus();
    await until(() => synth.spoken.length, 'an utterance');
    expect(p.textContent!.replace(/\s+/g, '')).to.contain(synth.spoken[0].text.replace(/\s+/g, ''));
  });

  it('指读 without speech, or without a Chinese voice, gives the same message as the play button', async () => {
    installSpeech(undefined);
    let el = await reader(html`<zw-reader point-read .data=${policy()}></zw-reader>`);
    let p = paragraph(el);
    await until(() => p.getAttribute('tabindex') === '0', 'paragraphs focusable');
    p.focus();
    await until(() => text($(el, '.status')).includes('不支持'), 'the no-speech message');
    fixtureCleanup();
    uninstallSpeech();
    installEngine([EN]);
    el = await reader(html`<zw-reader point-read .data=${policy()}></zw-reader>`);
    p = paragraph(el);
    await until(() => p.getAttribute('tabindex') === '0', 'paragraphs focusable');
    p.focus();
    await until(() => text($(el, '.status')).includes('没有中文语音'), 'the no-Chinese-voice message');
  });
});

describe('<zw-reader> voices looked up again', () => {
  const listed = (el: ZwReader) => $$<HTMLOptionElement>(el, '#voice option').some((o) => o.value === ZH.voiceURI) && !$(el, '#voice-note');

  it('when the settings panel opens again', async () => {
    const synth = installEngine([EN]);
    const el = await reader();
    await openSettings(el);
    await until(() => $(el, '#voice-note'), 'the no-Chinese-voice note');
    synth.voices.push(ZH); // added in the system's settings
    $(el, '#settings').click();
    await settle(el);
    await openSettings(el);
    await until(() => listed(el), 'the Chinese voice listed');
  });

  it('when read-aloud finds no voice, or starts while none is listed', async () => {
    const synth = installEngine([EN]);
    const el = await reader();
    await el.play();
    await until(() => text($(el, '.status')).includes('没有中文语音'), 'the no-Chinese-voice message');
    await openSettings(el);
    await until(() => $(el, '#voice-note'), 'the note');
    synth.voices.push(ZH);
    await el.play();
    await until(() => listed(el), 'the Chinese voice listed');
  });
});

describe('<zw-reader> print: links', () => {
  it('prints where a link goes, but not an in-page link (#zw-r-…), in the reader and on a page article', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-reader><p><a href="#fujian">见附件</a>，<a href="https://www.gov.cn/">中国政府网</a></p><h2 id="fujian">附件</h2></zw-reader>
      <zw-reader for="print-a"></zw-reader>
      <article id="print-a"><p><a href="#part">见下文</a>，<a href="https://www.gov.cn/">中国政府网</a></p><h2 id="part">下文</h2></article>
    </div>`);
    const [shown, page] = [...wrapper.querySelectorAll('zw-reader')];
    await untilState(shown, 'ready');
    await untilState(page, 'ready');
    await until(() => $$(shown, '.content a').length === 2, 'the article enhanced');
    await emulateMedia({ media: 'print' });
    for (const [inPage, out] of [$$(shown, '.content a'), [...wrapper.querySelectorAll('#print-a a')]]) {
      expect(getComputedStyle(inPage, '::after').content, inPage.getAttribute('href')!).to.equal('none');
      expect(getComputedStyle(out, '::after').content).to.contain('https://www.gov.cn/');
    }
  });
});

describe('<zw-reader for> toolbar="fixed"', () => {
  it('pins the toolbar to the bottom of the window; the page gets that room; all given back when the reader goes', async () => {
    await setViewport({ width: 800, height: 600 });
    const paragraphs = Array.from({ length: 40 }, (_, i) => html`<p>第${i + 1}段，政务公开工作要点的正文内容。</p>`);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-reader for="pinned-a" toolbar="fixed"></zw-reader>
      <article id="pinned-a" lang="zh-CN">${paragraphs}</article>
    </div>`);
    const el = wrapper.querySelector('zw-reader')!;
    await untilState(el, 'ready');
    await settle(el);
    const bar = $(el, '[part=toolbar]');
    expect(getComputedStyle(bar).position).to.equal('fixed');
    await until(() => document.body.style.paddingBottom, 'room below the page');
    const height = bar.getBoundingClientRect().height;
    expect(px(document.body.style.paddingBottom)).to.be.closeTo(height, 1);
    try {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await until(() => scrollY > 0, 'scrolled to the end');
      expect(bar.getBoundingClientRect().bottom).to.be.closeTo(innerHeight, 1);
      const last = wrapper.querySelector('article p:last-child')!;
      expect(last.getBoundingClientRect().bottom, 'the last paragraph above the toolbar').to.be.at.most(bar.getBoundingClientRect().top + 0.5);
      el.remove();
      expect(document.body.style.paddingBottom).to.equal('');
      expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
    } finally {
      window.scrollTo(0, 0);
    }
  });
});
