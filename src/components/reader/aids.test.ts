import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, css } from 'lit';
import { themeStyles } from '../../base/theme.styles.js';
import { $, until } from '../../test-support/helpers.js';
import { READING_AIDS, ReadingAids, aidsStyleSheet, type ReadingAid } from './aids.js';
import { ReadAloud, readableUnits } from './speech.js';

const FIRST = '第一条为了规范政府信息公开工作，保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度，建设法治政府，根据有关法律，制定本办法。';
const SECOND = '第二条本办法所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息。';

/** Test-only host shaped like `<zw-reader>`: an empty fixed layer and the `.content` article in one shadow root, the aids' styles adopted. */
class AidsHost extends LitElement {
  static override styles = [
    themeStyles,
    aidsStyleSheet(),
    css`
      .layer {
        position: fixed;
        inset: 0;
        pointer-events: none;
        z-index: 10;
      }
      .content {
        display: block;
        width: 420px;
        padding: 8px 16px;
        font-size: 20px;
        line-height: 32px;
      }
      .content p {
        margin: 0 0 24px;
      }
      td {
        padding: 4px 8px;
      }
    `,
  ];
  clicks = 0;
  override render() {
    return html`<div class="zw-root">
      <button class="before">工具条</button>
      <div class="layer"></div>
      <article class="content">
        <h2>第一章 总则</h2>
        <p class="two">${FIRST}${SECOND}</p>
        <p class="linked">公开的具体办法见<a href="#rules" @click=${(e: Event) => (e.preventDefault(), this.clicks++)}>实施细则</a>，由各地人民政府制定。</p>
        <table>
          <tr>
            <td>1</td>
            <td class="task">完善政务公开制度</td>
            <td>2024年6月30日</td>
          </tr>
        </table>
      </article>
    </div>`;
  }
}
customElements.define('zw-test-aids-host', AidsHost);

const aidsOn: ReadingAids[] = [];
async function host() {
  const el = await fixture<AidsHost>(html`<zw-test-aids-host></zw-test-aids-host>`);
  await el.updateComplete;
  const escapes: ReadingAid[][] = [];
  const aids = new ReadingAids($(el, '.layer'), () => $(el, '.content'), { onEscape: (wereOn) => escapes.push(wereOn) });
  aidsOn.push(aids);
  return { el, aids, escapes, layer: $(el, '.layer'), content: $(el, '.content') };
}

const rect = (el: Element) => el.getBoundingClientRect();
const centre = (r: DOMRect): [number, number] => [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
/** the text line boxes of `text` inside `el` */
function textRects(el: Element, text: string): DOMRect[] {
  const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(text)) as Text;
  const range = document.createRange();
  const start = node.data.indexOf(text);
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  return [...range.getClientRects()];
}
const part = (layer: Element, cls: string) => layer.querySelector<HTMLElement>(`.zw-aid-${cls}`);
const visible = (el: Element | null) => !!el && !(el as HTMLElement).hidden && rect(el).height > 0;

afterEach(async () => {
  for (const aids of aidsOn.splice(0)) aids.destroy();
  await resetMouse();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('ReadingAids: ruler (line focus)', () => {
  it('centres a band of three lines on the pointer’s line and dims everything above and below', async () => {
    const { el, aids, layer } = await host();
    aids.set('ruler', true);
    const p = $(el, '.two');
    const line = textRects(p, FIRST)[1]; // the second line of the paragraph
    const [x, y] = [Math.round(line.left + 40), Math.round(line.top + line.height / 2)];
    await sendMouse({ type: 'move', position: [x, y] });
    const band = part(layer, 'band')!;
    const settled = () => Math.abs(rect(part(layer, 'dim-above')!).bottom - rect(band).top) <= 1 && Math.abs(rect(part(layer, 'dim-below')!).top - rect(band).bottom) <= 1;
    await until(
      () => visible(band) && Math.abs(centre(rect(band))[1] - (line.top + line.bottom) / 2) <= 1 && settled(),
      'the band centred on the pointer’s line, the dims at its edges',
    );
    expect(rect(band).height).to.be.within(3 * 32 - 1, 3 * 32 + 1); // line height read from the content: 32 px
    const above = rect(part(layer, 'dim-above')!);
    const below = rect(part(layer, 'dim-below')!);
    expect(above.top).to.be.at.most(0);
    expect(above.bottom).to.be.closeTo(rect(band).top, 1);
    expect(below.top).to.be.closeTo(rect(band).bottom, 1);
    expect(below.bottom).to.be.at.least(innerHeight);
    expect(above.width).to.be.at.least(document.documentElement.clientWidth);
    expect(getComputedStyle(part(layer, 'dim-above')!).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(band).pointerEvents).to.equal('none');

    // a line further down: the band moves with it
    const lower = textRects(p, SECOND).at(-1)!;
    await sendMouse({ type: 'move', position: [Math.round(lower.left + 10), Math.round(lower.top + lower.height / 2)] });
    await until(() => Math.abs(centre(rect(band))[1] - (lower.top + lower.bottom) / 2) <= 1, 'the band on the lower line');
  });

  it('follows the keyboard focus', async () => {
    const { el, aids, layer } = await host();
    aids.set('ruler', true);
    aids.set('crosshair', true);
    $(el, '.before').focus();
    await sendKeys({ press: 'Tab' });
    const link = $(el, '.linked a');
    await until(() => el.shadowRoot!.activeElement === link, 'the link focused');
    const [lx, ly] = centre(rect(link));
    const band = part(layer, 'band')!;
    await until(() => visible(band) && rect(band).top < ly && rect(band).bottom > ly && Math.abs(centre(rect(band))[1] - ly) <= 2, 'the band around the focused link');
    await until(
      () => Math.abs(centre(rect(part(layer, 'line-x')!))[1] - ly) <= 2 && Math.abs(centre(rect(part(layer, 'line-y')!))[0] - lx) <= 2,
      'the crosshair on the focused link',
    );
  });

  it('starts on the first line in view before the pointer moves', async () => {
    const { el, aids, layer } = await host();
    aids.set('ruler', true);
    const heading = rect($(el, 'h2'));
    const band = part(layer, 'band')!;
    await until(() => visible(band) && rect(band).top < heading.top + 5 && rect(band).bottom > heading.bottom - 5, 'the band on the heading');
  });
});

describe('ReadingAids: crosshair', () => {
  it('draws a horizontal and a vertical line through the pointer, and hides them when it leaves the window', async () => {
    const { aids, layer } = await host();
    aids.set('crosshair', true);
    await sendMouse({ type: 'move', position: [123, 234] });
    const x = part(layer, 'line-x')!;
    const y = part(layer, 'line-y')!;
    await until(() => visible(x) && Math.abs(centre(rect(x))[1] - 234) <= 1 && Math.abs(centre(rect(y))[0] - 123) <= 1, 'the lines at the pointer');
    expect(rect(x).width).to.be.at.least(document.documentElement.clientWidth);
    expect(rect(y).height).to.be.at.least(innerHeight);
    expect(getComputedStyle(x).pointerEvents).to.equal('none');
    document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    await until(() => x.hidden && y.hidden, 'the lines hidden once the pointer left');
  });
});

describe('ReadingAids: 大字幕 caption', () => {
  it('shows the sentence under the pointer in large type, then the sentence being read', async () => {
    const { el, aids, layer, content } = await host();
    const paddingBefore = parseFloat(getComputedStyle(content).paddingBottom);
    aids.set('caption', true);
    const caption = part(layer, 'caption')!;
    expect(caption.getAttribute('aria-hidden')).to.equal('true');
    const second = textRects($(el, '.two'), SECOND).at(-1)!;
    await sendMouse({ type: 'move', position: [Math.round(second.left + 10), Math.round(second.top + second.height / 2)] });
    await until(() => caption.textContent === SECOND, `the second sentence in the caption (got ${caption.textContent})`);
    const first = textRects($(el, '.two'), FIRST)[0];
    await sendMouse({ type: 'move', position: [Math.round(first.left + 10), Math.round(first.top + first.height / 2)] });
    await until(() => caption.textContent === FIRST, 'the first sentence');
    expect(parseFloat(getComputedStyle(caption).fontSize)).to.be.at.least(32);
    expect(rect(caption).bottom).to.be.closeTo(innerHeight, 1);
    // the content can scroll its last lines above the strip
    await until(() => Math.abs(parseFloat(getComputedStyle(content).paddingBottom) - (paddingBefore + rect(caption).height)) <= 1, 'bottom padding as tall as the caption');

    aids.showCaption('正在朗读的这一句。');
    await until(() => caption.textContent === '正在朗读的这一句。', 'the sentence being read');
    await sendMouse({ type: 'move', position: [Math.round(second.left + 10), Math.round(second.top + second.height / 2)] });
    await sendMouse({ type: 'move', position: [Math.round(second.left + 12), Math.round(second.top + second.height / 2)] });
    expect(caption.textContent).to.equal('正在朗读的这一句。');
    aids.showCaption(undefined);
    await until(() => caption.textContent === SECOND, 'back to the sentence under the pointer');
  });

  it('shows the table row under the pointer exactly as speech reads it, and a focused link’s sentence', async () => {
    const { el, aids, layer, content } = await host();
    aids.set('caption', true);
    const caption = part(layer, 'caption')!;
    await sendMouse({ type: 'move', position: centre(rect($(el, '.task'))) });
    // one definition of a unit and its text (units.ts): a cell is read as its row, cells joined with '，'
    const units = () => readableUnits(content);
    const spoken = speak((r) => r.readOne($(el, '.task')), units);
    expect(spoken).to.deep.equal(['1，完善政务公开制度，2024年6月30日']);
    await until(() => caption.textContent === spoken[0], `the row’s sentence as spoken (got ${caption.textContent})`);
    $(el, '.before').focus();
    await sendKeys({ press: 'Tab' });
    await until(() => caption.textContent === '公开的具体办法见实施细则，由各地人民政府制定。', `the focused link’s sentence (got ${caption.textContent})`);
  });

  it('grows with the reader’s text size', async () => {
    const { el, aids, layer } = await host();
    aids.set('caption', true);
    aids.showCaption('字幕');
    const caption = part(layer, 'caption')!;
    await until(() => visible(caption), 'the caption shown');
    el.style.setProperty('--zw-text-scale', '1.5');
    expect(parseFloat(getComputedStyle(caption).fontSize)).to.equal(Math.min(48, Math.max(32, innerWidth * 0.09)));
  });
});

/**
 * What read-aloud would say: a minimal engine at the browser API boundary (speech.test.ts has the full fake) that
 * records each utterance and ends it at once, with one zh-CN voice.
 */
function speak(start: (r: ReadAloud) => void, units: () => HTMLElement[]): string[] {
  class Utterance extends EventTarget {
    lang = '';
    rate = 1;
    voice: SpeechSynthesisVoice | null = null;
    constructor(public text: string) {
      super();
    }
  }
  const spoken: string[] = [];
  const queue: Utterance[] = [];
  const synth = Object.assign(new EventTarget(), {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => [{ name: '普通话', lang: 'zh-CN', voiceURI: 'zh', localService: true, default: true }],
    speak: (u: Utterance) => (spoken.push(u.text), queue.push(u)),
    cancel: () => {},
    pause: () => {},
    resume: () => {},
  });
  const saved = ['speechSynthesis', 'SpeechSynthesisUtterance'].map((name) => [name, Object.getOwnPropertyDescriptor(window, name)] as const);
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, writable: true, value: synth });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
  try {
    const r = new ReadAloud({ units, scrollIntoView: false });
    start(r);
    for (let u = queue.shift(); u && spoken.length < 100; u = queue.shift()) u.dispatchEvent(new Event('end'));
    r.stop();
    return spoken;
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(window, name, descriptor);
      else delete (window as unknown as Record<string, unknown>)[name];
    }
  }
}

describe('ReadingAids: large cursor', () => {
  it('follows the pointer over the content, hides the real one there, lets clicks through, and hides outside', async () => {
    const { el, aids, layer, content } = await host();
    aids.set('largeCursor', true);
    const link = $(el, '.linked a');
    const [x, y] = centre(rect(link));
    await sendMouse({ type: 'move', position: [x, y] });
    const cursor = part(layer, 'cursor')!;
    await until(() => visible(cursor) && cursor.dataset.shape === 'hand', 'the big hand over the link');
    const box = rect(cursor);
    expect(box.width).to.be.at.least(40);
    expect(box.height).to.be.at.least(48);
    expect(x).to.be.within(box.left, box.right);
    expect(y).to.be.within(box.top - 1, box.bottom);
    expect(getComputedStyle(link).cursor).to.equal('none');
    expect(getComputedStyle(content).cursor).to.equal('none');

    await sendMouse({ type: 'click', position: [x, y] });
    await until(() => (el as AidsHost).clicks === 1, 'the link under the big cursor activated');

    const p = rect($(el, '.two'));
    await sendMouse({ type: 'move', position: [Math.round(p.left + 30), Math.round(p.top + 10)] });
    await until(() => cursor.dataset.shape === 'arrow' && Math.abs(rect(cursor).left - (p.left + 30)) <= 6, 'the arrow over text');

    await sendMouse({ type: 'move', position: centre(rect($(el, '.before'))) });
    await until(() => cursor.hidden, 'no big cursor outside the content (the real one shows there)');
    expect(getComputedStyle($(el, '.before')).cursor).to.not.equal('none');
  });
});

describe('ReadingAids: on and off', () => {
  it('turning aids off removes their parts, restores the content and stops listening', async () => {
    const { el, aids, layer, content } = await host();
    const padding = content.style.paddingBottom;
    // every listener added at the browser API boundary is taken off again
    const listening = new Map<string, number>();
    const key = (target: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) =>
      `${target === document ? 'document' : target === window ? 'window' : target.constructor.name}:${type}:${typeof options === 'object' ? !!options.capture : !!options}:${listenerId(listener)}`;
    const ids = new WeakMap<object, number>();
    let next = 0;
    const listenerId = (listener: unknown) => {
      if (!ids.has(listener as object)) ids.set(listener as object, ++next);
      return ids.get(listener as object);
    };
    const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
    EventTarget.prototype.addEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      const k = key(this, type, listener, options);
      listening.set(k, (listening.get(k) ?? 0) + 1);
      return add.call(this, type, listener, options);
    };
    EventTarget.prototype.removeEventListener = function (
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      const k = key(this, type, listener, options);
      if (listening.has(k)) listening.set(k, listening.get(k)! - 1);
      return remove.call(this, type, listener, options);
    };
    try {
      for (const aid of READING_AIDS) aids.set(aid, true);
      expect(listening.size).to.be.greaterThan(5);
      for (const aid of READING_AIDS) aids.set(aid, false);
    } finally {
      EventTarget.prototype.addEventListener = add;
      EventTarget.prototype.removeEventListener = remove;
    }
    expect([...listening].filter(([, n]) => n !== 0)).to.deep.equal([]);
    for (const aid of READING_AIDS) aids.set(aid, true);
    const [x, y] = centre(rect($(el, '.two')));
    await sendMouse({ type: 'move', position: [x, y] });
    const band = part(layer, 'band')!;
    await until(() => visible(band), 'the band');
    const sheets = el.shadowRoot!.adoptedStyleSheets.length;
    expect(content.hasAttribute('data-zw-large-cursor')).to.equal(true);

    for (const aid of READING_AIDS) aids.set(aid, false);
    expect(layer.children.length).to.equal(0);
    expect(aids.active).to.deep.equal([]);
    expect(content.style.paddingBottom).to.equal(padding);
    expect(content.style.getPropertyValue('--zw-caption-space')).to.equal('');
    expect(content.hasAttribute('data-zw-large-cursor')).to.equal(false);
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets - 1);
    expect(getComputedStyle(content).cursor).to.not.equal('none');

    // a witness on another layer still follows: once it has, the removed band would have moved too if anything still listened
    const before = band.style.transform;
    const witnessLayer = document.createElement('div');
    el.shadowRoot!.append(witnessLayer);
    const witness = new ReadingAids(witnessLayer, () => $(el, '.content'));
    aidsOn.push(witness);
    witness.set('ruler', true);
    const lower = rect($(el, '.linked'));
    await sendMouse({ type: 'move', position: [x, Math.round(lower.top + 10)] });
    const witnessBand = part(witnessLayer, 'band')!;
    await until(() => rect(witnessBand).top < lower.top + 10 && rect(witnessBand).bottom > lower.top + 10, 'the witness band follows');
    expect(band.style.transform).to.equal(before);
    witnessLayer.remove();
  });

  it('Escape turns every aid off and tells the reader', async () => {
    const { el, aids, layer, escapes } = await host();
    aids.set('ruler', true);
    aids.set('caption', true);
    await sendMouse({ type: 'move', position: centre(rect($(el, '.two'))) });
    await until(() => visible(part(layer, 'band')), 'the band');
    $(el, '.before').focus();
    await sendKeys({ press: 'Escape' });
    expect(layer.children.length).to.equal(0);
    expect(aids.active).to.deep.equal([]);
    expect(escapes).to.deep.equal([['ruler', 'caption']]);
    await sendKeys({ press: 'Escape' });
    expect(escapes.length).to.equal(1); // nothing on: Escape is left to others
  });

  it('leaves an Escape to a dialog or field that owns it', async () => {
    const { el, aids, escapes } = await host();
    aids.set('ruler', true);
    const dialog = document.createElement('dialog');
    const field = document.createElement('input');
    field.setAttribute('aria-label', '搜索');
    dialog.append(field);
    el.shadowRoot!.append(dialog);
    dialog.show();
    field.focus();
    await sendKeys({ press: 'Escape' });
    expect(aids.active).to.deep.equal(['ruler']);
    expect(escapes).to.deep.equal([]);
    dialog.remove();
  });

  it('leaves an Escape already handled, or meant for an expanded control (the one rule of escape.ts)', async () => {
    const { el, aids, escapes } = await host();
    aids.set('crosshair', true);
    const menuButton = document.createElement('button');
    menuButton.textContent = '更多';
    menuButton.setAttribute('aria-expanded', 'true');
    $(el, '.content').append(menuButton);
    menuButton.focus();
    await sendKeys({ press: 'Escape' });
    expect(aids.active, 'an open menu closes first').to.deep.equal(['crosshair']);
    menuButton.remove();
    const handled = (event: KeyboardEvent) => event.key === 'Escape' && event.preventDefault();
    el.shadowRoot!.addEventListener('keydown', handled as EventListener);
    $(el, '.before').focus();
    await sendKeys({ press: 'Escape' });
    expect(aids.active, 'someone handled it').to.deep.equal(['crosshair']);
    el.shadowRoot!.removeEventListener('keydown', handled as EventListener);
    await sendKeys({ press: 'Escape' });
    expect(aids.active).to.deep.equal([]);
    expect(escapes).to.deep.equal([['crosshair']]);
  });

  it('is accessible with every aid on (the parts are hidden from assistive technology and never take input)', async () => {
    const { el, aids, layer } = await host();
    for (const aid of READING_AIDS) aids.set(aid, true);
    await sendMouse({ type: 'move', position: centre(rect($(el, '.linked a'))) });
    await until(() => visible(part(layer, 'cursor')) && visible(part(layer, 'caption')), 'the cursor and the caption');
    for (const child of layer.children) {
      expect(child.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(child).pointerEvents).to.equal('none');
      expect(child.querySelector('a,button,[tabindex]')).to.equal(null);
    }
    await expect(el).to.be.accessible();
  });
});

describe('ReadingAids: the page’s own article (`for` mode)', () => {
  it('works on light-DOM content with the layer in a shadow root', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <zw-test-aids-host></zw-test-aids-host>
      <article id="page-article">
        <p>第三条\u3000各级人民政府应当加强对政府信息公开工作的组织领导。第四条\u3000行政机关应当建立健全
        本机关政府信息公开工作制度。</p>
      </article>
    </div>`);
    const reader = wrapper.querySelector<AidsHost>('zw-test-aids-host')!;
    await reader.updateComplete;
    reader.shadowRoot!.querySelector('.content')!.remove(); // like `for`: the reader has no content of its own
    const article = wrapper.querySelector<HTMLElement>('#page-article')!;
    Object.assign(article.style, { fontSize: '18px', lineHeight: '30px', width: '400px', marginTop: '200px' });
    const layer = $(reader, '.layer');
    const aids = new ReadingAids(layer, () => article);
    aidsOn.push(aids);
    for (const aid of READING_AIDS) aids.set(aid, true);
    const p = article.querySelector('p')!;
    const line = textRects(p, '第四条').at(-1)!;
    await sendMouse({ type: 'move', position: [Math.round(line.left + 5), Math.round(line.top + line.height / 2)] });
    const band = part(layer, 'band')!;
    await until(() => Math.abs(centre(rect(band))[1] - (line.top + line.bottom) / 2) <= 1, 'the band on the article’s line');
    expect(rect(band).height).to.be.within(89, 91); // 3 × 30 px
    // the source's line break is gone between two Chinese characters, the full-width space after 第四条 is kept
    await until(
      () => part(layer, 'caption')!.textContent === '第四条\u3000行政机关应当建立健全本机关政府信息公开工作制度。',
      `the article’s sentence in the caption (got ${part(layer, 'caption')!.textContent})`,
    );
    await until(() => visible(part(layer, 'cursor')), 'the big cursor over the article');
    expect(getComputedStyle(p).cursor).to.equal('none');
    aids.destroy();
    expect(getComputedStyle(p).cursor).to.not.equal('none');
    expect(article.style.paddingBottom).to.equal('');
    expect(document.documentElement.style.scrollPaddingBottom).to.equal('');
  });
});

describe('ReadingAids: preferences of the system', () => {
  it('does not animate under prefers-reduced-motion', async () => {
    const { el, aids, layer } = await host();
    aids.set('ruler', true);
    await sendMouse({ type: 'move', position: centre(rect($(el, '.two'))) });
    const band = part(layer, 'band')!;
    await until(() => visible(band), 'the band');
    expect(parseFloat(getComputedStyle(band).transitionDuration)).to.be.greaterThan(0);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(band).transitionDuration).to.equal('0s');
    expect(getComputedStyle(part(layer, 'dim-above')!).transitionDuration).to.equal('0s');
  });

  it('uses system colours under forced colours (the runner cannot emulate them: checked in the sheet, seen in a screenshot)', () => {
    const forced = [...aidsStyleSheet().cssRules].find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'))!;
    const rules = [...forced.cssRules] as CSSStyleRule[];
    const rule = (selector: string) => rules.find((r) => r.selectorText === selector)!.style;
    expect(rule('.zw-aid-dim').backgroundColor).to.equal('transparent'); // a veil would lower the contrast of the user's colours
    expect(rule('.zw-aid-dim-above').borderBottomColor).to.equal('highlight');
    expect(rule('.zw-aid-line').backgroundColor).to.equal('highlight');
    expect(rule('.zw-aid-caption').color).to.equal('canvastext');
  });
});
