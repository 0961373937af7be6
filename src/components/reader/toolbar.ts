import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { TEXT_SCALES, elderlyChoice, type ReaderFont, type ReaderPrefs } from '../../core/reader/prefs.js';
import type { ColorTheme } from '../../core/reader/themes.js';

/** What read-aloud shows in the toolbar (a subset of speech.ts's SpeechStatus, so this file needs none of it). */
export interface ToolbarSpeech {
  state: 'idle' | 'playing' | 'paused' | 'unavailable';
  reason?: 'no-speech' | 'no-chinese-voice';
}

export interface TocEntry {
  id: string;
  text: string;
  /** 1 for the top headings of the text, 2, 3 below */
  depth: number;
}

export type Aid = 'ruler' | 'crosshair' | 'caption' | 'largeCursor';

/** What the toolbar reads from, and calls on, its reader. */
export interface ToolbarHost {
  /** as applied (elderly mode raises some) */
  prefs: ReaderPrefs;
  speech: ToolbarSpeech;
  /** Chinese voices once looked up (undefined: not yet) */
  voices?: { uri: string; name: string }[];
  settingsOpen: boolean;
  tocOpen: boolean;
  /** 指读 on (the preference, as applied) */
  pointRead: boolean;
  toc: TocEntry[];
  currentSection?: string;
  /** The text's title, when known: it names the toolbar and contents landmarks, so two readers on a page differ. */
  label?: string;
  choose(changes: Partial<ReaderPrefs>): void;
  stepSize(direction: 1 | -1): void;
  toggleSettings(): void;
  toggleToc(): void;
  togglePointRead(): void;
  play(fromHere?: boolean): void;
  pause(): void;
  resume(): void;
  stop(): void;
  reset(): void;
  openHelp(trigger: HTMLElement): void;
  goTo(id: string): void;
}

/** A keyboard shortcut: Alt+Shift+<code>. */
export interface Shortcut {
  /** KeyboardEvent.code (layout-independent: on a Mac, Option+Shift+letter types a symbol as `key`) */
  code: string;
  key: string;
  action: 'larger' | 'smaller' | 'theme' | 'read' | 'point' | 'ruler' | 'crosshair' | 'caption' | 'elderly' | 'reset' | 'help';
  label: () => string;
}

/**
 * Alt+Shift+letters, as the 无障碍工具条 users know use Alt/Alt+Shift combinations. Chosen to stay clear of screen
 * readers (NVDA, JAWS and Narrator use Insert/CapsLock; VoiceOver Ctrl+Option) and of the browsers' own
 * Alt+Shift keys (Chrome: I feedback, T toolbar, B bookmarks; ChromeOS: A, L, M, N, S; Firefox: none).
 * U/D (up/down) rather than = and − : those sit on different keys, or need Shift already, on many layouts.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { code: 'KeyU', key: 'U', action: 'larger', label: () => msg('放大字号') },
  { code: 'KeyD', key: 'D', action: 'smaller', label: () => msg('缩小字号') },
  { code: 'KeyC', key: 'C', action: 'theme', label: () => msg('切换配色') },
  { code: 'KeyR', key: 'R', action: 'read', label: () => msg('朗读 / 暂停 / 继续') },
  { code: 'KeyP', key: 'P', action: 'point', label: () => msg('指读（朗读所点或所选的段落）') },
  { code: 'KeyG', key: 'G', action: 'ruler', label: () => msg('阅读尺') },
  { code: 'KeyX', key: 'X', action: 'crosshair', label: () => msg('十字线') },
  { code: 'KeyZ', key: 'Z', action: 'caption', label: () => msg('大字幕') },
  { code: 'KeyE', key: 'E', action: 'elderly', label: () => msg('适老模式') },
  { code: 'Digit0', key: '0', action: 'reset', label: () => msg('恢复默认设置') },
  { code: 'KeyH', key: 'H', action: 'help', label: () => msg('快捷键帮助') },
];

/** The shortcut a keydown is, if any (Alt+Shift, no Ctrl or Meta). */
export function shortcutOf(event: KeyboardEvent): Shortcut | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  return SHORTCUTS.find((s) => s.code === event.code);
}

export const keysOf = (s: Shortcut) => `Alt+Shift+${s.key}`;

const LINE_HEIGHTS = [1.3, 1.5, 1.8, 2, 2.2, 2.5];
const LETTER_SPACINGS = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
const PARAGRAPH_SPACINGS = [1.3, 1.5, 2, 2.5, 3];
const LINE_WIDTHS = [20, 30, 40, 50, 60, 80];
const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2];

/** The steps offered, plus the current value when a preset or stored value lies between them. */
const withCurrent = (steps: number[], current: number) => (steps.some((s) => Math.abs(s - current) < 1e-9) ? steps : [...steps, current].sort((a, b) => a - b));

export const percent = (scale: number) => `${Math.round(scale * 100)}%`;

function fontLabel(font: ReaderFont): string {
  switch (font) {
    case 'default':
      return msg('系统默认');
    case 'hei':
      return msg('黑体');
    case 'song':
      return msg('宋体');
    case 'kai':
      return msg('楷体');
  }
}

export function themeLabel(theme: ColorTheme): string {
  switch (theme) {
    case 'default':
      return msg('默认');
    case 'sepia':
      return msg('护眼（米黄）');
    case 'dark':
      return msg('深色');
    case 'contrast-black':
      return msg('高对比：黑底黄字');
    case 'contrast-white':
      return msg('高对比：白底黑字');
  }
}

const THEMES: ColorTheme[] = ['default', 'sepia', 'dark', 'contrast-black', 'contrast-white'];
const FONTS: ReaderFont[] = ['default', 'hei', 'song', 'kai'];

function speechMessage(speech: ToolbarSpeech): string {
  if (speech.state === 'unavailable')
    return speech.reason === 'no-chinese-voice' ? msg('此设备没有中文语音，无法朗读。可在系统的语音设置中添加中文语音。') : msg('此浏览器不支持语音朗读。');
  if (speech.state === 'playing') return msg('正在朗读');
  if (speech.state === 'paused') return msg('朗读已暂停');
  return '';
}

function select<T extends string | number>(
  id: string,
  label: string,
  values: readonly T[],
  current: T,
  text: (v: T) => string,
  onChange: (v: T) => void,
  parse: (s: string) => T,
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => onChange(parse((e.target as HTMLSelectElement).value))}>
      ${values.map((v) => html`<option value=${String(v)} ?selected=${v === current}>${text(v)}</option>`)}
    </select>
  </div>`;
}

const num = (s: string) => Number(s);

function toggle(id: string, label: string, pressed: boolean, onClick: () => void, shortcut?: Shortcut['action']): TemplateResult {
  const keys = shortcut ? SHORTCUTS.find((s) => s.action === shortcut) : undefined;
  return html`<button type="button" class="tb" id=${id} aria-pressed=${pressed ? 'true' : 'false'} aria-keyshortcuts=${ifDefined(keys ? keysOf(keys) : undefined)} @click=${onClick}>
    ${label}
  </button>`;
}

/**
 * The reader's toolbar (part="toolbar"): the controls used most in one wrapping row (text size, read aloud, the
 * settings and contents disclosures, elderly mode, help), everything else in the settings panel. Native controls
 * with visible labels; 44 px targets (60 px in elderly mode). On a phone the row wraps (A−, the size and A+ stay
 * together), its text grows to 1.5× at most, and the panel is one column.
 */
export function renderToolbar(host: ToolbarHost): TemplateResult {
  const p = host.prefs;
  const speech = host.speech;
  const scaleAt = (i: number) => TEXT_SCALES[i];
  const key = (action: Shortcut['action']) => keysOf(SHORTCUTS.find((s) => s.action === action)!);
  const reading = speech.state === 'playing' || speech.state === 'paused';
  // zw-needs-script: pre-rendered (src/ssr) and read without the script, the controls would be dead; the toolbar keeps
  // its place, hidden, with a note in it (reader.styles.ts), so the text does not move when the script arrives
  return html`<div class="toolbar zw-needs-script" part="toolbar" data-zw-skip role="region" aria-label=${host.label ? msg(str`阅读工具：${host.label}`) : msg('阅读工具')}>
    <p class="needs-script-note">${msg('阅读工具（字号、配色、朗读等）需要启用浏览器的 JavaScript。')}</p>
    <div class="bar">
      <div class="group size" role="group" aria-label=${msg('字号')}>
        <button
          type="button"
          class="tb"
          id="smaller"
          aria-keyshortcuts=${key('smaller')}
          ?disabled=${p.textScale <= scaleAt(0)}
          @click=${() => host.stepSize(-1)}
        >
          <span aria-hidden="true">A−</span><span class="visually-hidden">${msg('缩小字号')}</span>
        </button>
        <output class="size-value" id="size-value" aria-live="polite" aria-label=${msg(str`字号 ${percent(p.textScale)}`)}>${percent(p.textScale)}</output>
        <button
          type="button"
          class="tb"
          id="larger"
          aria-keyshortcuts=${key('larger')}
          ?disabled=${p.textScale >= scaleAt(TEXT_SCALES.length - 1)}
          @click=${() => host.stepSize(1)}
        >
          <span aria-hidden="true">A+</span><span class="visually-hidden">${msg('放大字号')}</span>
        </button>
      </div>
      <div class="group" role="group" aria-label=${msg('朗读')}>
        ${
          speech.state === 'playing'
            ? html`<button type="button" class="tb" id="pause" aria-keyshortcuts=${key('read')} @click=${() => host.pause()}>${msg('暂停')}</button>`
            : speech.state === 'paused'
              ? html`<button type="button" class="tb" id="resume" aria-keyshortcuts=${key('read')} @click=${() => host.resume()}>${msg('继续')}</button>`
              : html`<button type="button" class="tb" id="play" aria-keyshortcuts=${key('read')} @click=${() => host.play()}>${msg('朗读全文')}</button>`
        }
        ${reading ? html`<button type="button" class="tb" id="stop" @click=${() => host.stop()}>${msg('停止')}</button>` : nothing}
        ${toggle('point', msg('指读'), host.pointRead, () => host.togglePointRead(), 'point')}
      </div>
      ${toggle('elderly', msg('适老模式'), p.elderly, () => host.choose(elderlyChoice(!p.elderly)), 'elderly')}
      <button type="button" class="tb" id="settings" aria-expanded=${host.settingsOpen ? 'true' : 'false'} aria-controls="panel" @click=${() => host.toggleSettings()}>
        ${msg('阅读设置')}
      </button>
      ${
        host.toc.length > 1
          ? html`<button type="button" class="tb" id="toc" aria-expanded=${host.tocOpen ? 'true' : 'false'} aria-controls="toc-list" @click=${() => host.toggleToc()}>
              ${msg('目录')}
            </button>`
          : nothing
      }
      <button type="button" class="tb" id="help" aria-haspopup="dialog" aria-keyshortcuts=${key('help')} @click=${(e: Event) => host.openHelp(e.currentTarget as HTMLElement)}>
        ${msg('快捷键')}
      </button>
    </div>
    <p class="status" role="status">${speechMessage(speech)}</p>
    ${renderPanel(host)} ${host.toc.length > 1 ? renderToc(host) : nothing}
  </div>`;
}

function renderPanel(host: ToolbarHost): TemplateResult {
  const p = host.prefs;
  const choose = host.choose.bind(host);
  const voices = host.voices;
  return html`<div class="panel" id="panel" role="group" aria-label=${msg('阅读设置')} ?hidden=${!host.settingsOpen}>
    ${select(
      'theme',
      msg('配色'),
      THEMES,
      p.colorTheme,
      themeLabel,
      (colorTheme) => choose({ colorTheme }),
      (s) => s as ColorTheme,
    )}
    ${select(
      'font',
      msg('字体'),
      FONTS,
      p.font,
      fontLabel,
      (font) => choose({ font }),
      (s) => s as ReaderFont,
    )}
    ${select(
      'line-height',
      msg('行距'),
      withCurrent(LINE_HEIGHTS, p.lineHeight),
      p.lineHeight,
      (v) => msg(str`${v} 倍`),
      (lineHeight) => choose({ lineHeight }),
      num,
    )}
    ${select(
      'letter-spacing',
      msg('字间距'),
      withCurrent(LETTER_SPACINGS, p.letterSpacing),
      p.letterSpacing,
      (v) => (v === 0 ? msg('标准') : msg(str`加宽 ${Math.round(v * 100)}%`)),
      (letterSpacing) => choose({ letterSpacing }),
      num,
    )}
    ${select(
      'paragraph-spacing',
      msg('段间距'),
      withCurrent(PARAGRAPH_SPACINGS, p.paragraphSpacing),
      p.paragraphSpacing,
      (v) => msg(str`${v} 倍行距`),
      (paragraphSpacing) => choose({ paragraphSpacing }),
      num,
    )}
    ${select(
      'line-width',
      msg('每行字数'),
      withCurrent(LINE_WIDTHS, p.lineWidth),
      p.lineWidth,
      (v) => msg(str`约 ${v} 字`),
      (lineWidth) => choose({ lineWidth }),
      num,
    )}
    ${select(
      'rate',
      msg('朗读语速'),
      withCurrent(RATES, p.rate),
      p.rate,
      (v) => msg(str`${v} 倍`),
      (rate) => choose({ rate }),
      num,
    )}
    <div class="field">
      <label for="voice">${msg('朗读语音')}</label>
      <select id="voice" @change=${(e: Event) => choose({ voice: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!p.voice}>${msg('自动选择中文语音')}</option>
        ${(voices ?? []).map((v) => html`<option value=${v.uri} ?selected=${v.uri === p.voice}>${v.name}</option>`)}
      </select>
    </div>
    ${voices && !voices.length ? html`<p class="note" id="voice-note">${msg('此设备没有中文语音，无法朗读。可在系统的语音设置中添加中文语音。')}</p>` : nothing}
    <fieldset class="toggles">
      <legend>${msg('阅读辅助')}</legend>
      ${toggle('ruler', msg('阅读尺'), p.ruler, () => choose({ ruler: !p.ruler }), 'ruler')}
      ${toggle('crosshair', msg('十字线'), p.crosshair, () => choose({ crosshair: !p.crosshair }), 'crosshair')}
      ${toggle('caption', msg('大字幕'), p.caption, () => choose({ caption: !p.caption }), 'caption')}
      ${toggle('large-cursor', msg('大鼠标'), p.largeCursor, () => choose({ largeCursor: !p.largeCursor }))}
      ${toggle('hant', msg('繁體'), p.script === 'hant', () => choose({ script: p.script === 'hant' ? 'original' : 'hant' }))}
      ${toggle('pinyin', msg('拼音'), p.pinyin, () => choose({ pinyin: !p.pinyin }))}
      <button type="button" class="tb" id="from-here" @click=${() => host.play(true)}>${msg('从当前段落朗读')}</button>
      <button type="button" class="tb" id="reset" aria-keyshortcuts=${keysOf(SHORTCUTS.find((s) => s.action === 'reset')!)} @click=${() => host.reset()}>
        ${msg('恢复默认设置')}
      </button>
    </fieldset>
  </div>`;
}

function renderToc(host: ToolbarHost): TemplateResult {
  return html`<nav aria-label=${host.label ? msg(str`目录：${host.label}`) : msg('目录')}>
    <ol class="toc-list" id="toc-list" ?hidden=${!host.tocOpen}>
      ${host.toc.map(
        (entry) => html`<li class="toc-${Math.min(3, entry.depth)}">
          <a
            href="#${entry.id}"
            aria-current=${ifDefined(host.currentSection === entry.id ? 'location' : undefined)}
            @click=${(e: Event) => {
              e.preventDefault();
              host.goTo(entry.id);
            }}
            >${entry.text}</a
          >
        </li>`,
      )}
    </ol>
  </nav>`;
}

/** Alt+Shift+U with a line break allowed after each + (a phone at large text). */
const keyParts = (keys: string) => keys.split('+').map((part, i, all) => (i < all.length - 1 ? html`${part}+<wbr />` : part));

/** The help dialog: every shortcut, and Escape. */
export function renderHelp(onClose: () => void): TemplateResult {
  return html`<dialog id="help-dialog" aria-labelledby="help-title" @close=${onClose}>
    <div class="help-title" id="help-title" role="heading" aria-level="2">${msg('阅读工具快捷键')}</div>
    <dl class="keys">
      ${SHORTCUTS.map((s) => html`<div data-action=${s.action}><dt>${s.label()}</dt><dd><kbd>${keyParts(keysOf(s))}</kbd></dd></div>`)}
      <div data-action="escape">
        <dt>${msg('停止朗读，关闭阅读辅助和对话框')}</dt>
        <dd><kbd>Esc</kbd></dd>
      </div>
    </dl>
    <p>${msg('在 Mac 上 Alt 即 Option（⌥）键。')}</p>
    <form method="dialog"><button class="tb" id="help-close" type="submit">${msg('关闭')}</button></form>
  </dialog>`;
}
