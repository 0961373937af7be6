import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, settle, text, until, untilState } from '../../test-support/helpers.js';
import { readerDocument } from '../../test-support/reader-fixture.js';
import { PREFS_KEY } from '../../core/reader/prefs.js';
import { publishReading } from '../../base/reading-publish.js';
import { SHORTCUTS, keysOf } from './toolbar.js';
import type { ZwReader } from './reader.js';
import './reader.js';

async function reader(template = html`<zw-reader .data=${readerDocument('seed003')}></zw-reader>`): Promise<ZwReader> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.localName === 'zw-reader' ? host : host.querySelector('zw-reader')!) as ZwReader;
  await untilState(el, 'ready');
  await settle(el);
  return el;
}
/** Alt+Shift+<code>, as a person presses it. */
async function chord(code: string) {
  await sendKeys({ down: 'Alt' });
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: code });
  await sendKeys({ up: 'Shift' });
  await sendKeys({ up: 'Alt' });
}
const scale = (el: ZwReader) => text($(el, '#size-value'));
const pressed = (el: ZwReader, id: string) => $(el, `#${id}`).getAttribute('aria-pressed');

afterEach(async () => {
  fixtureCleanup();
  localStorage.removeItem(PREFS_KEY);
  publishReading(null);
  await setViewport({ width: 800, height: 600 });
});

describe('<zw-reader> toolbar: shortcuts and help', () => {
  it('Alt+Shift+U / D change the size, C the theme, G/X/Z the aids, E elderly mode, 0 resets', async () => {
    const el = await reader();
    $(el, '#settings').focus();
    await chord('KeyU');
    await until(() => scale(el) === '125%', 'text at 125%');
    await chord('KeyU');
    await chord('KeyD');
    await until(() => scale(el) === '125%', 'back to 125%');
    await chord('KeyC');
    await until(() => document.documentElement.getAttribute('data-zw-color-theme') === 'sepia', 'the next theme (sepia)');
    for (const [key, id] of [
      ['KeyG', 'ruler'],
      ['KeyX', 'crosshair'],
      ['KeyZ', 'caption'],
    ]) {
      await chord(key);
      await until(() => pressed(el, id) === 'true', `${id} on`);
    }
    await chord('KeyE');
    await until(() => pressed(el, 'elderly') === 'true', 'elderly mode on');
    await chord('Digit0');
    await until(() => scale(el) === '100%' && pressed(el, 'ruler') === 'false' && pressed(el, 'elderly') === 'false', 'everything reset');
    expect(localStorage.getItem(PREFS_KEY)).to.equal(null);
  });

  it('shortcuts leave text fields alone; one reader answers when there are two', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <input id="q" aria-label="q" />
      <zw-reader .data=${readerDocument('seed003')}></zw-reader><zw-reader .data=${readerDocument('seed000')}></zw-reader>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('zw-reader')];
    await untilState(a, 'ready');
    await untilState(b, 'ready');
    wrapper.querySelector('input')!.focus();
    await chord('KeyU');
    await settle(a);
    expect(scale(a)).to.equal('100%');
    $(a, '#settings').focus();
    await chord('KeyU');
    await until(() => scale(a) === '125%' && scale(b) === '125%', 'both at 125% (one step, not two)');
  });

  it('the help dialog reads well on a 375 px phone at 200% text: descriptions keep room, keys break after +', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await reader(html`<zw-reader text-scale="2" .data=${readerDocument('seed003')}></zw-reader>`);
    $(el, '#help').click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await until(() => dialog.open, 'the dialog open');
    const size = parseFloat(getComputedStyle(dialog).fontSize);
    for (const row of dialog.querySelectorAll('.keys > div')) {
      const what = row.querySelector('dt')!;
      const keys = row.querySelector('dd')!;
      const line = what.getBoundingClientRect().width / size;
      expect(line, `room for「${text(what)}」 (characters a line)`).to.be.at.least(Math.min(text(what).length, 6) - 0.1);
      expect(keys.getBoundingClientRect().right, 'keys inside the dialog').to.be.at.most(dialog.getBoundingClientRect().right);
    }
    $(el, '#help-close').click();
    await until(() => !dialog.open, 'closed');
    await setViewport({ width: 800, height: 600 });
  });

  it('the help dialog lists every shortcut; Escape closes it and focus returns', async () => {
    const el = await reader();
    const help = $(el, '#help');
    help.focus();
    help.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await until(() => dialog.open, 'the dialog open');
    const rows = [...dialog.querySelectorAll('.keys > div')];
    expect(rows).to.have.length(SHORTCUTS.length + 1);
    for (const s of SHORTCUTS) expect(text(dialog)).to.contain(keysOf(s));
    expect(text(dialog)).to.contain('Esc');
    expect(el.shadowRoot!.activeElement?.id).to.equal('help-close');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog closed');
    expect(el.shadowRoot!.activeElement).to.equal(help);
    // and by its shortcut, from the text; focus goes back there
    $(el, '#settings').focus();
    await chord('KeyH');
    await until(() => dialog.open, 'the dialog open by Alt+Shift+H');
    $(el, '#help-close').click();
    await until(() => !dialog.open, 'closed by its button');
    expect(el.shadowRoot!.activeElement?.id).to.equal('settings');
  });

  it('Escape turns the aids off and closes the settings, focus back on their button', async () => {
    const el = await reader(html`<zw-reader ruler crosshair .data=${readerDocument('seed003')}></zw-reader>`);
    $(el, '#settings').click();
    await settle(el);
    $<HTMLSelectElement>(el, '#theme').focus();
    await sendKeys({ press: 'Escape' });
    await until(() => pressed(el, 'ruler') === 'false' && pressed(el, 'crosshair') === 'false', 'aids off');
    await until(() => $(el, '#panel').hidden, 'the panel closed');
    expect(el.shadowRoot!.activeElement?.id).to.equal('settings');
  });
});

describe('<zw-reader> toolbar: controls', () => {
  it('has named native controls of at least 44 px (60 px in elderly mode)', async () => {
    for (const [elderly, min] of [
      [false, 44],
      [true, 60],
    ] as const) {
      const el = await reader(html`<zw-reader ?elderly=${elderly} .data=${readerDocument('seed003')}></zw-reader>`);
      $(el, '#settings').click();
      await settle(el);
      for (const control of $$(el, '.toolbar button, .toolbar select')) {
        const box = control.getBoundingClientRect();
        expect(box.height, `${control.id} height`).to.be.at.least(min - 0.5);
        if (control.localName === 'button') expect(box.width, `${control.id} width`).to.be.at.least(min - 0.5);
      }
      for (const select of $$<HTMLSelectElement>(el, '.toolbar select')) expect(select.labels?.length, select.id).to.equal(1);
      fixtureCleanup();
    }
  });

  it('the settings disclosure shows and hides its panel (aria-expanded)', async () => {
    const el = await reader();
    const button = $(el, '#settings');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#panel').hidden).to.equal(true);
    button.click();
    await settle(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#panel').hidden).to.equal(false);
  });

  it('toggles are buttons with aria-pressed; 简/繁 and 拼音 say what they are', async () => {
    const el = await reader();
    $(el, '#settings').click();
    await settle(el);
    for (const id of ['ruler', 'crosshair', 'caption', 'large-cursor', 'hant', 'pinyin', 'point', 'elderly']) expect(pressed(el, id), id).to.equal('false');
    $(el, '#large-cursor').click();
    await until(() => pressed(el, 'large-cursor') === 'true', 'large cursor on');
  });

  for (const width of [320, 375])
    it(`stays usable on a ${width} px phone: the controls wrap inside the screen`, async () => {
      await setViewport({ width, height: 700 });
      const el = await reader(html`<zw-reader text-scale="2" .data=${readerDocument('seed003')}></zw-reader>`);
      $(el, '#settings').click();
      await settle(el);
      for (const control of $$(el, '.toolbar button:not(.toc-list *), .toolbar select')) {
        const box = control.getBoundingClientRect();
        expect(box.left, control.id).to.be.at.least(0);
        expect(box.right, control.id).to.be.at.most(width);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
    });
});

describe('<zw-reader> toolbar: third pass', () => {
  it('Alt+Shift+E turns 指读 on with elderly mode; Alt+Shift+P then turns 指读 off and leaves elderly mode on', async () => {
    const el = await reader();
    $(el, '#settings').focus();
    await chord('KeyE');
    await until(() => pressed(el, 'elderly') === 'true' && pressed(el, 'point') === 'true', 'elderly mode with 指读');
    await chord('KeyP');
    await until(() => pressed(el, 'point') === 'false', '指读 off');
    expect(pressed(el, 'elderly')).to.equal('true');
  });

  it('on a 375 px phone at 200% the size group stays on one line and the toolbar’s text stops at 150% (the text read goes on to 200%)', async () => {
    await setViewport({ width: 375, height: 700 });
    const el = await reader(html`<zw-reader text-scale="2" .data=${readerDocument('seed003')}></zw-reader>`);
    const middle = (id: string) => {
      const box = $(el, `#${id}`).getBoundingClientRect();
      return box.top + box.height / 2;
    };
    expect(Math.abs(middle('smaller') - middle('larger')), 'A− and A+ on one line').to.be.below(1);
    expect(Math.abs(middle('size-value') - middle('larger')), 'the size between them').to.be.below(1);
    expect(parseFloat(getComputedStyle($(el, '#larger')).fontSize)).to.equal(24);
    expect(parseFloat(getComputedStyle($(el, '.content .zw-section p')).fontSize)).to.equal(36);
    for (const control of $$(el, '.toolbar .bar .tb')) expect(control.getBoundingClientRect().right, control.id).to.be.at.most(375);
    // on a wide screen the toolbar follows the text size
    await setViewport({ width: 1280, height: 800 });
    await until(() => parseFloat(getComputedStyle($(el, '#larger')).fontSize) === 32, 'toolbar text at 200% on a wide screen');
  });
});

describe('<zw-reader> toolbar: pre-rendered pages (src/ssr)', () => {
  it('is marked zw-needs-script; its note for pages read without the script is not shown once the element is defined', async () => {
    const el = await reader();
    const toolbar = $(el, '.toolbar');
    expect(toolbar.classList.contains('zw-needs-script')).to.equal(true);
    expect(getComputedStyle(toolbar).visibility).to.equal('visible');
    expect(getComputedStyle(toolbar).display).to.equal('block');
    const note = $(el, '.needs-script-note');
    expect(note.textContent).to.include('JavaScript');
    expect(getComputedStyle(note).display).to.equal('none');
    await expect(el).to.be.accessible();
  });
});
