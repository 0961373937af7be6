import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { blockStyles, renderBlocks } from '../../base/blocks.js';
import { controlStyles } from '../../base/controls.styles.js';
import { ZwEmptyEvent, ZwLoadEvent } from '../../base/events.js';
import { publishReading } from '../../base/reading-publish.js';
import { scrollBehavior } from '../../base/motion.js';
import { checkDocument, notJsonData, type CheckResult } from '../../core/check.js';
import '../../core/rules/policy.js'; // registers the policy schema and rules
import {
  PREFS_KEY,
  clampPrefs,
  defaultPrefs,
  effectivePrefs,
  elderlyChoice,
  parseStoredPrefs,
  serializePrefs,
  stepTextScale,
  type ReaderFont,
  type ReaderPrefs,
  type ReaderScript,
} from '../../core/reader/prefs.js';
import { COLOR_THEMES, type ColorTheme } from '../../core/reader/themes.js';
import { repairScrapedText } from '../../core/reader/repair.js';
import type { Block, PolicyDocument } from '../../schema/types.generated.js';
import type { ReadAloud, SpeechStatus } from './speech.js';
import type { ReadingAids } from './aids.js';
import { HIGHLIGHTS, PageTarget, isCjk, languageOf } from './page-target.js';
import { readerStyles, readingVars, setVars } from './reader.styles.js';
import { renderHelp, renderToolbar, shortcutOf, type Aid, type TocEntry, type ToolbarHost, type ToolbarSpeech } from './toolbar.js';
import { ZwReaderChangeEvent, ZwSpeakEvent, type SpeakState } from './reader.events.js';
import { escapeOwnedElsewhere } from './escape.js';

/** Where the text comes from: a policy document, the article HTML inside the element, or the page's element named by `for`. */
type Mode = 'document' | 'light' | 'for';

const PREF_NAMES: readonly (keyof ReaderPrefs)[] = [
  'textScale',
  'lineHeight',
  'letterSpacing',
  'paragraphSpacing',
  'lineWidth',
  'font',
  'colorTheme',
  'elderly',
  'pointRead',
  'rate',
  'voice',
  'ruler',
  'crosshair',
  'caption',
  'largeCursor',
  'pinyin',
  'script',
];
const AIDS: readonly Aid[] = ['ruler', 'crosshair', 'caption', 'largeCursor'];

/** A long text renders in sections of at most this many characters (a heading starts a new one too)… */
const SECTION_CHARS = 6000;
/** …and about this many characters per frame, so no task comes near 200 ms (a 200k-character regulation takes ~13 frames). */
const FRAME_CHARS = 16000;
/** The band at the top of the window in which a heading counts as being read (its top 30%). */
const READING_BAND = '0px 0px -70% 0px';
/** A toolbar taller than this share of the window (large text, the settings open) is not kept in view: it would cover the text. */
const TALL_TOOLBAR = 0.3;

// ── Page-wide choices ────────────────────────────────────────────────────────
// The reader's choices are one set per page, shared by every <zw-reader> of this copy of the library, so two
// readers stay in step; they come from localStorage when the first reader connects, and go back to it on change.

const readers = new Set<ZwReader>();
let chosen: Partial<ReaderPrefs> = {};

/** What the server (src/ssr) renders with, and a pre-rendered reader hydrates with: no system settings to ask. */
const SERVER_ENVIRONMENT = { prefersContrast: false, prefersDark: false, reducedMotion: false };

function systemPrefs(): ReaderPrefs {
  if (isServer) return defaultPrefs(SERVER_ENVIRONMENT);
  const query = (q: string) => typeof matchMedia === 'function' && matchMedia(q).matches;
  return defaultPrefs({
    prefersContrast: query('(prefers-contrast: more)'),
    prefersDark: query('(prefers-color-scheme: dark)'),
    reducedMotion: query('(prefers-reduced-motion: reduce)'),
  });
}

function readStored(): Partial<ReaderPrefs> {
  try {
    return parseStoredPrefs(localStorage.getItem(PREFS_KEY), systemPrefs()).stored;
  } catch {
    return {}; // storage blocked (privacy settings, sandboxed iframe)
  }
}

function writeStored(changes: Partial<ReaderPrefs>) {
  try {
    if (Object.keys(changes).length) localStorage.setItem(PREFS_KEY, serializePrefs(changes));
    else localStorage.removeItem(PREFS_KEY);
  } catch {
    // storage full or blocked: the choice still applies to this page
  }
}

const blockChars = (block: Block): number => {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.text.length;
    case 'list':
      return block.items.reduce((n, item) => n + item.length, 0);
    case 'table':
      return block.rows.reduce((n, row) => n + row.reduce<number>((m, cell) => m + String(cell).length, 0), 0);
    case 'note':
      return block.text.length + (block.title?.length ?? 0);
    default:
      return 0;
  }
};

interface Section {
  id: string;
  /** index of its first block in the body */
  start: number;
  heading?: { text: string; depth: number };
  blocks: Block[];
  chars: number;
}

/** The body in sections: one per heading, long runs without a heading cut every SECTION_CHARS characters. */
/**
 * Whether a block has the shape blockChars and sectionsOf read. A long body is cut into sections before its later
 * slices are checked, so that code meets unchecked blocks: a body with any other shape is checked whole first.
 */
function isSliceable(block: unknown): boolean {
  if (!block || typeof block !== 'object') return false;
  const b = block as Record<string, unknown>;
  const text = typeof b.text === 'string';
  switch (b.type) {
    case 'heading':
      return text && (b.level === undefined || typeof b.level === 'number');
    case 'paragraph':
      return text;
    case 'note':
      return text && (b.title === undefined || typeof b.title === 'string');
    case 'list':
      return Array.isArray(b.items) && b.items.every((item) => typeof item === 'string');
    case 'table':
      return Array.isArray(b.rows) && b.rows.every(Array.isArray);
    default:
      return false;
  }
}

function sectionsOf(body: readonly Block[]): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const block of body) {
    const chars = blockChars(block);
    if (!current || block.type === 'heading' || current.chars + chars > SECTION_CHARS) {
      current = { id: `zw-r-s-${sections.length + 1}`, start: body.indexOf(block), blocks: [], chars: 0 };
      if (block.type === 'heading') current.heading = { text: block.text, depth: block.level ?? 1 };
      sections.push(current);
    }
    current.blocks.push(block);
    current.chars += chars;
  }
  return sections;
}

/** How many sections, from `start`, make about one frame's worth of characters (at least one), among the first `checked` blocks. */
function chunkEnd(sections: readonly Section[], start: number, checked = Infinity): number {
  let chars = 0;
  let end = start;
  const ready = (i: number) => i < sections.length && sections[i].start + sections[i].blocks.length <= checked;
  while (ready(end) && (end === start || chars + sections[end].chars <= FRAME_CHARS)) chars += sections[end++].chars;
  return end;
}

/** The number of blocks from `start` that make about `chars` characters (at least one). */
function sliceEnd(body: readonly Block[], start: number, chars: number): number {
  let total = 0;
  let end = start;
  while (end < body.length && (end === start || total + blockChars(body[end]) <= chars)) total += blockChars(body[end++]);
  return end;
}

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
/** A unit a click or focus lands in: a block of text. */
const BLOCK_OF_TEXT = 'p, li, td, th, tr, dd, dt, blockquote, figcaption, caption, h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * What is shown and read aloud is the text without the remnants of a scraper's broken conversion (`依?/p>`,
 * `?ldquo;`: ../../core/reader/repair.ts); the data stays as it came (the policy rules warn about it, under
 * `preview`). Not in `for` mode: the page's own article is not the reader's to rewrite.
 */
function repairText(root: Node) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const repaired = repairScrapedText(node.data);
    if (repaired !== node.data) node.data = repaired;
  }
}

/** The focused element, through shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

const isTextField = (node: EventTarget | undefined) =>
  node instanceof HTMLElement &&
  (node.isContentEditable ||
    node instanceof HTMLTextAreaElement ||
    (node instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(node.type)));

/**
 * 无障碍阅读 — an accessible reading mode for a policy text, or for the page's own article: text size 100–300%,
 * line height, letter and paragraph spacing, line width, 黑体/宋体/楷体, five colour themes (护眼, dark, two high
 * contrast), read aloud with the browser's own speech (连读 and 指读), a reading ruler, crosshair, 大字幕 and a large
 * cursor, 简/繁 and 拼音, a one-switch 适老模式, a table of contents, shortcuts (Alt+Shift+letters, listed in its help
 * dialog) and a print stylesheet. No server, no page zoom.
 *
 * The text comes one of three ways:
 * 1. a policy document (`data`, `src` or a child `<script type="application/json">`): its title, 发文字号 and body;
 * 2. the article HTML placed inside the element (progressive enhancement): sanitised (DOMPurify) and shown in the
 *    reading view; without the script the page still shows the original;
 * 3. `for="id"`: the element shows only its toolbar and acts on the page's element with that id.
 *
 * Settings are page-wide: every zw element on the page follows the text size and colour theme (./base/reading.ts:
 * custom properties on `<html>`), and readers on a page stay in step. Choices are remembered in localStorage
 * (`zw-reader:v1`) unless `no-remember`; they win over the preset attributes, which win over the system's
 * `prefers-contrast` / `prefers-color-scheme`. `reset()` forgets them.
 *
 * Read-aloud, the reading aids, the sanitizer and 简繁/拼音 load on first use (`import()`), outside this element's chunk.
 *
 * @tagname zw-reader
 * @summary An accessible reading mode (无障碍阅读) replacing the third-party 无障碍工具条.
 *
 * @attr src - URL of a policy JSON document.
 * @attr for - Id of the page's article to act on (no own content).
 * @attr text-scale - Text size factor, 1–3 (steps 1, 1.25, 1.5, 1.75, 2, 2.5, 3).
 * @attr line-height - Line height, 1.3–2.5.
 * @attr letter-spacing - Extra letter spacing in em, 0–0.3.
 * @attr paragraph-spacing - Space between paragraphs in line heights, 1.3–3.
 * @attr line-width - Characters per line, 20–80 (about 40 for Chinese).
 * @attr font - `default`, `hei` (黑体), `song` (宋体) or `kai` (楷体), from the system's fonts.
 * @attr color-theme - `default`, `sepia` (护眼), `dark`, `contrast-black` (yellow on black) or `contrast-white` (black on white).
 * @attr elderly - 适老模式: large text, generous spacing, high contrast, 60 px targets, and 指读 on (read-aloud on focus) unless `point-read` says otherwise.
 * @attr point-read - 指读: what is clicked or focused is read aloud (each paragraph becomes focusable while it is on).
 * @attr rate - Speech rate, 0.5–2.
 * @attr voice - voiceURI of the speech voice (default: the first Chinese voice).
 * @attr ruler - Reading ruler (line focus).
 * @attr crosshair - Crosshair following the pointer.
 * @attr caption - 大字幕: the sentence under focus in very large type.
 * @attr large-cursor - A large mouse cursor.
 * @attr pinyin - 拼音 over the Han characters.
 * @attr script - `original` or `hant` (繁體).
 * @attr toolbar - `fixed`, in `for` mode only: the toolbar is pinned to the bottom of the window (the page gets as much
 *   room below it, through CSSOM on `<body>` and `scroll-padding-bottom` on `<html>`). By default a `for` reader's toolbar
 *   sits where the element is and scrolls away with the page (it cannot stick: the element holds nothing else); a
 *   transformed or `contain`ed ancestor makes `fixed` relative to that ancestor instead of the window.
 * @attr no-remember - Do not store the reader's choices.
 * @attr heading-level - Level of the title in the host page's outline (default 2).
 * @attr preview - For content staff: invalid data is listed issue by issue.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the policy document, or the article's HTML to enhance.
 *
 * @fires {ZwReaderChangeEvent} zw-reader-change - A reading preference changed; `detail.prefs`.
 * @fires {ZwSpeakEvent} zw-speak - Read-aloud started, moved on, paused or stopped; `detail.state`, `detail.text`.
 * @fires {ZwLoadEvent} zw-load - The text is shown (`detail.document` is the policy, or undefined for HTML and `for`).
 * @fires {ZwErrorEvent} zw-error - The policy document could not be loaded or is invalid.
 * @fires {ZwEmptyEvent} zw-empty - There is no text at all.
 *
 * @csspart root - The wrapper of everything the element shows.
 * @csspart toolbar - The reading toolbar.
 * @csspart content - The text being read.
 * @csspart aids - The fixed layer the reading aids draw on.
 *
 * @cssprop --zw-reader-font-size - The reading size at 100% (default 18px, the 适老化 minimum for body text).
 * @cssprop --zw-sticky-top - Offset of the sticky toolbar on wide screens (below a fixed portal header).
 * @cssprop --zw-text-scale - Set on `<html>` by the reader: the text size factor every zw element follows.
 * @cssprop --zw-color-primary - Accent colour (buttons, borders).
 * @cssprop --zw-font-family - Font stack of the default font.
 */
export class ZwReader extends ZwElement<'policy'> {
  static override styles = [...ZwElement.styles, controlStyles, blockStyles, readerStyles];
  protected readonly kind = 'policy' as const;

  /** Id of the page's element to act on, instead of own content. */
  @property({ reflect: true }) for?: string;
  /** `fixed`: in `for` mode, the toolbar is pinned to the bottom of the window (see the class documentation). */
  @property({ reflect: true }) toolbar?: 'fixed' | 'inline';
  /** Do not store the reader's choices in localStorage. */
  @property({ type: Boolean, attribute: 'no-remember' }) noRemember = false;

  // Presets (the portal's); the reader's own choices win over them. Undefined: not preset.
  /** Text size factor, 1–3 (a preset: the reader's own choice wins). */
  @property({ type: Number, attribute: 'text-scale' }) textScale?: number;
  /** Line height, 1.3–2.5. */
  @property({ type: Number, attribute: 'line-height' }) lineHeight?: number;
  /** Extra letter spacing in em, 0–0.3. */
  @property({ type: Number, attribute: 'letter-spacing' }) letterSpacing?: number;
  /** Space between paragraphs in line heights, 1.3–3. */
  @property({ type: Number, attribute: 'paragraph-spacing' }) paragraphSpacing?: number;
  /** Characters per line, 20–80 (about 40 for Chinese). */
  @property({ type: Number, attribute: 'line-width' }) lineWidth?: number;
  /** `default`, `hei` (黑体), `song` (宋体) or `kai` (楷体), from the system's fonts. */
  @property() font?: ReaderFont;
  /** `default`, `sepia` (护眼), `dark`, `contrast-black` (yellow on black) or `contrast-white`. */
  @property({ attribute: 'color-theme' }) colorTheme?: ColorTheme;
  /** 适老模式: large text, generous spacing, high contrast, 60 px targets, 指读 on. */
  @property({ type: Boolean }) elderly?: boolean;
  /** 指读: what is clicked or focused is read aloud. */
  @property({ type: Boolean, attribute: 'point-read' }) pointRead?: boolean;
  /** Speech rate, 0.5–2. */
  @property({ type: Number }) rate?: number;
  /** voiceURI of the speech voice (default: the first Chinese voice). */
  @property() voice?: string;
  /** Reading ruler (line focus). */
  @property({ type: Boolean }) ruler?: boolean;
  /** Crosshair following the pointer. */
  @property({ type: Boolean }) crosshair?: boolean;
  /** 大字幕: the sentence under focus in very large type. */
  @property({ type: Boolean }) caption?: boolean;
  /** A large mouse cursor. */
  @property({ type: Boolean, attribute: 'large-cursor' }) largeCursor?: boolean;
  /** 拼音 over the Han characters. */
  @property({ type: Boolean }) pinyin?: boolean;
  /** `original` or `hant` (繁體). */
  @property() script?: ReaderScript;

  @state() private mode: Mode = 'document';
  @state() private settingsOpen = false;
  @state() private tocOpen = false;
  @state() private speech: ToolbarSpeech & { text?: string } = { state: 'idle' };
  @state() private voices?: { uri: string; name: string }[];
  @state() private toc: TocEntry[] = [];
  @state() private currentSection?: string;
  /** Document mode: how many sections are rendered (long texts render over several frames). */
  @state() private rendered = 0;

  private applied = '';
  private userChanged = false;
  private sections: Section[] = [];
  private sectionsOfDoc?: PolicyDocument;
  private settled?: { promise: Promise<void>; resolve: () => void };
  private chunkFrame = 0;
  private contentReady = false;
  /** A long body is checked a slice per frame, ahead of its rendering: the data and how many blocks passed. */
  private checking?: { data: Record<string, unknown>; body: unknown[]; checked: number };
  /** A slice failed: check the whole document at once, so the base reports its issues. */
  private checkWhole = false;
  private enhancing = false;
  private target?: PageTarget;
  private tocTargets = new Map<string, HTMLElement>();
  private sectionObserver?: IntersectionObserver;
  private readAloud?: ReadAloud;
  private speechModule?: Promise<typeof import('./speech.js') | undefined>;
  /** speech.ts once loaded (指读 needs its unitFor synchronously, in the event) */
  private speechApi?: typeof import('./speech.js');
  private lastSpoken?: { state: SpeakState; text?: string };
  private aids?: ReadingAids;
  /** the content element the aids were made for */
  private aidsContent?: HTMLElement;
  private aidsLoad?: Promise<ReadingAids | undefined>;
  /** the `lang` a content root had before 繁體 marked it zh-Hant (null: none) */
  private originalLang = new WeakMap<Element, string | null>();
  /** 简繁/拼音 last asked for, and on which content root */
  private extrasDone: { root?: Element; script: ReaderScript; pinyin: boolean } = { script: 'original', pinyin: false };
  private pointUnits = new Set<HTMLElement>();
  private toolbarObserver?: ResizeObserver;
  private observedToolbar?: HTMLElement;
  private lastUnit?: HTMLElement;
  private helpTrigger?: HTMLElement;
  private announcing = false;
  private voicesLookup?: Promise<void>;
  /** the page's own padding below, while a pinned toolbar adds to it */
  private pagePadding?: { inline: string; scroll: string; computed: number };
  /**
   * Pre-rendered (src/ssr: the shadow root came with the page): the first update hydrates the server's markup, so it
   * renders what the server did — the whole body at once, the presets over the defaults (the server has no storage
   * and no system settings). The reader's stored choices and the system's follow in the next update.
   */
  private hydrating = !isServer && this.shadowRoot !== null;

  /** The preferences as chosen (stored choices over presets over the system's defaults), before elderly mode raises them. */
  get prefs(): ReaderPrefs {
    const asServer = isServer || this.hydrating;

    const base = asServer ? defaultPrefs(SERVER_ENVIRONMENT) : systemPrefs();
    const presets: Record<string, unknown> = {};
    for (const name of PREF_NAMES) if (this[name] !== undefined) presets[name] = this[name];
    // elderly mode comes with 指读 (elderlyChoice), unless the portal preset 指读 itself
    if (this.elderly && this.pointRead === undefined) presets.pointRead = true;
    return clampPrefs({ ...base, ...clampPrefs(presets, base), ...(asServer ? {} : chosen) }, base);
  }

  /** The preferences as applied: elderly mode (适老化) raises text size, spacing and contrast. */
  get effective(): ReaderPrefs {
    return effectivePrefs(this.prefs);
  }

  /** What the reader's modules act on: the shown text, or the page's element in `for` mode. */
  get contentRoot(): HTMLElement | undefined {
    if (this.mode === 'for') return this.target?.element;
    return this.renderRoot?.querySelector<HTMLElement>('.content') ?? undefined;
  }

  // ── Lifecycle ─────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    if (!readers.size) chosen = this.noRemember ? {} : readStored();
    readers.add(this);
    super.connectedCallback();
    document.addEventListener('keydown', this.onKeyDown);
    addEventListener('storage', this.onStorage);
    addEventListener('resize', this.measureToolbar);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    readers.delete(this);
    document.removeEventListener('keydown', this.onKeyDown);
    removeEventListener('storage', this.onStorage);
    removeEventListener('resize', this.measureToolbar);
    this.padPage(0);
    cancelAnimationFrame(this.chunkFrame);
    this.sectionObserver?.disconnect();
    this.sectionObserver = undefined;
    this.toolbarObserver?.disconnect();
    this.toolbarObserver = this.observedToolbar = undefined;
    this.readAloud?.stop();
    this.aids?.destroy();
    this.aids = undefined;
    this.aidsLoad = undefined;
    this.setPointUnits([]);
    this.target?.release();
    this.target = undefined;
    this.contentReady = false;
    this.applied = '';
    // The last reader gone: the page goes back to its own sizes and colours.
    if (!readers.size) publishReading(null);
  }

  protected override firstUpdated(): void {
    this.renderRoot.addEventListener('click', this.onPoint);
    this.renderRoot.addEventListener('focusin', this.onPoint);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (isServer) {
      super.willUpdate(changed); // the base checks the data here on the server
      this.renderOnServer();
      return;
    }
    // Published before the base reads the reading scheme, so this render already has the chosen theme; the
    // `zw-reading-change` it dispatches joins this update instead of scheduling another one. Not while hydrating:
    // that render has the server's prefs, and the page gets the reader's own in the update right after.
    if (!this.hydrating) this.publishPrefs();
    super.willUpdate(changed);
  }

  /**
   * Server rendering (src/ssr, `render(policy, { element: 'zw-reader' })`) calls only willUpdate and render: the
   * document's title, 发文字号, its whole body in the sections the browser makes, the toolbar with the server's
   * prefs and the contents. Nothing page-wide (publishing, storage, matchMedia), no speech, aids or 简繁/拼音.
   *
   * Only a policy document is pre-rendered. `for="id"` acts on the page's own article, which is HTML in the page
   * already (and there is nothing of its own to show); the light-DOM article (progressive enhancement) is in the
   * page's HTML too, readable without the script, and its sanitising needs DOMPurify and a real DOM.
   */
  private renderOnServer() {
    this.mode = 'document';
    this.followDocument();
  }

  /**
   * The content follows `doc` and `source` here, not in willUpdate: the data loader takes new data in its
   * hostUpdate, which runs after willUpdate (an element connected empty, then given `data`, would otherwise
   * render the sections of the previous, empty, document). State set here joins this render.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.mode = this.source !== 'none' ? 'document' : this.for ? 'for' : this.hasArticle() ? 'light' : 'document';
    if (this.mode === 'document') this.followDocument();
    if (this.mode === 'for') this.attachTarget();
    super.update(changed);
  }

  /** A new document (or none): its sections, the first frame's worth rendered now, the rest by continueRendering. */
  private followDocument() {
    if (this.doc === this.sectionsOfDoc) return;
    this.sectionsOfDoc = this.doc;
    if (!isServer) cancelAnimationFrame(this.chunkFrame);
    this.sections = sectionsOf(this.doc?.body ?? []);
    // the server renders the whole body (what a crawler and a reader without script get); hydrating it, so does the client
    this.rendered = isServer || this.hydrating ? this.sections.length : chunkEnd(this.sections, 0, this.checkedBlocks);
    this.contentReady = false;
    this.currentSection = this.sections.find((s) => s.heading)?.id;
    this.toc = this.sections.filter((s) => s.heading).map((s) => ({ id: s.id, text: repairScrapedText(s.heading!.text), depth: s.heading!.depth }));
    if (this.doc && !this.settled) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.settled = { promise, resolve };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.hydrating) {
      // hydrated: from now on the reader's stored choices and the system's settings apply (what follows uses them)
      this.hydrating = false;
      void Promise.resolve().then(() => this.requestUpdate());
    }
    // CSS.highlights is the browser's, unknown on the server: marked here, not in the template (hydration keeps the server's attribute values)
    this.renderRoot.querySelector('.reader')?.classList.toggle('no-highlights', !HIGHLIGHTS);
    if (this.mode === 'light' && !this.contentReady && !this.enhancing) void this.enhance();
    if (this.mode === 'document' && this.doc) this.continueRendering();
    this.applyPrefs();
    this.watchToolbar();
    if (changed.has('toolbar') || changed.has('for')) this.measureToolbar();
  }

  /** Measures the toolbar whenever its size changes (and on window resize: measureToolbar). */
  private watchToolbar() {
    const bar = this.renderRoot.querySelector<HTMLElement>('.toolbar') ?? undefined;
    if (bar === this.observedToolbar || typeof ResizeObserver === 'undefined') return;
    this.toolbarObserver?.disconnect();
    this.observedToolbar = bar;
    if (!bar) return;
    this.toolbarObserver = new ResizeObserver(() => this.measureToolbar());
    this.toolbarObserver.observe(bar);
  }

  private get pinned(): boolean {
    return this.mode === 'for' && this.toolbar === 'fixed';
  }

  /**
   * The toolbar's height: the scroll margin that keeps the sentence being read clear of the sticky toolbar; whether
   * it is too tall to stay in view (`data-tall`: it then scrolls with the page); the room a pinned one takes.
   */
  private readonly measureToolbar = () => {
    const bar = this.observedToolbar;
    if (!bar?.isConnected) return;
    const height = Math.ceil(bar.getBoundingClientRect().height);
    const pinned = this.pinned;
    const tall = !pinned && height > innerHeight * TALL_TOOLBAR;
    bar.toggleAttribute('data-tall', tall);
    bar.closest<HTMLElement>('.reader')?.style.setProperty('--zw-r-toolbar', `${tall ? 0 : height}px`);
    this.padPage(pinned ? height : 0);
  };

  /** A toolbar pinned to the bottom of the window must not hide the end of the page, nor what focus scrolls to: the page gets that room (CSSOM). */
  private padPage(height: number) {
    const body = document.body;
    const html = document.documentElement;
    if (!height) {
      if (!this.pagePadding) return;
      body.style.paddingBottom = this.pagePadding.inline;
      html.style.scrollPaddingBottom = this.pagePadding.scroll;
      this.pagePadding = undefined;
      return;
    }
    this.pagePadding ??= { inline: body.style.paddingBottom, scroll: html.style.scrollPaddingBottom, computed: parseFloat(getComputedStyle(body).paddingBottom) || 0 };
    body.style.paddingBottom = `${this.pagePadding.computed + height}px`;
    html.style.scrollPaddingBottom = `${height}px`;
  }

  /** Light-DOM content other than the JSON script: an article to enhance. */
  private hasArticle(): boolean {
    return [...this.childNodes].some((n) =>
      n.nodeType === Node.ELEMENT_NODE ? !(n instanceof HTMLScriptElement || n instanceof HTMLTemplateElement) : n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim(),
    );
  }

  private get checkedBlocks(): number {
    return this.checking?.checked ?? Infinity;
  }

  /**
   * Checking a 200k-character policy at once takes ~0.5 s: a long body is checked in slices instead, the
   * first with the document's other fields here, the rest a slice per frame ahead of the rendering
   * (continueRendering). A slice with an error has the whole document checked again at once, so the
   * element shows the error state with every issue, as for any invalid document.
   */
  protected override checkData(data: unknown): CheckResult<'policy'> {
    this.checking = undefined;
    const record = data as Record<string, unknown> | null;
    const body = record && typeof record === 'object' ? record.body : undefined;
    // the server, and a client hydrating its markup, render the whole body at once: they check it at once too
    if (
      isServer ||
      this.hydrating ||
      this.checkWhole ||
      notJsonData(data) || // a cycle or a BigInt set from script: the base reports it before anything stringifies it
      !Array.isArray(body) ||
      body.length < 2 ||
      !body.every(isSliceable) ||
      JSON.stringify(body).length < FRAME_CHARS * 2
    ) {
      this.checkWhole = false;
      return super.checkData(data);
    }
    const end = sliceEnd(body as Block[], 0, FRAME_CHARS);
    const first = super.checkData({ ...record, body: body.slice(0, end) });
    if (!first.document) return super.checkData(data);
    this.checking = { data: record!, body, checked: end };
    return { ...first, document: { ...first.document, body: body as Block[] } };
  }

  /** Checks the next slice of a long body; false when it has an error (the document is then checked again, whole). */
  private checkNextSlice(): boolean {
    const checking = this.checking;
    if (!checking) return true;
    const end = sliceEnd(checking.body as Block[], checking.checked, FRAME_CHARS);
    const result = checkDocument('policy', { ...checking.data, body: checking.body.slice(checking.checked, end) });
    if (!result.document) {
      this.checking = undefined;
      this.checkWhole = true;
      this.reload();
      return false;
    }
    // this slice's own warnings (the body's; the other fields' came with the first check), at their place in the whole body
    const offset = checking.checked;
    this.addWarnings(
      result.issues.filter((i) => i.path.startsWith('/body/')).map((i) => ({ ...i, path: i.path.replace(/^\/body\/(\d+)/, (_, n: string) => `/body/${Number(n) + offset}`) })),
    );
    checking.checked = end;
    if (end >= checking.body.length) this.checking = undefined;
    return true;
  }

  /**
   * The rest of a long text, one frame's worth of sections at a time (each checked in the frame before): the
   * frame callback sets `rendered`, which schedules the next update — never a change made inside updated().
   */
  private continueRendering() {
    if (this.rendered < this.sections.length) {
      cancelAnimationFrame(this.chunkFrame);
      const doc = this.doc;
      this.chunkFrame = requestAnimationFrame(() => {
        if (doc === this.doc && this.checkNextSlice()) this.rendered = chunkEnd(this.sections, this.rendered, this.checkedBlocks);
      });
      return;
    }
    if (!this.contentReady) {
      this.contentReady = true;
      this.settled?.resolve();
      this.settled = undefined;
      this.tocTargets = new Map(this.toc.map((t) => [t.id, this.renderRoot.querySelector<HTMLElement>(`#${t.id}`)!]));
      this.afterContent();
    }
  }

  /** Waits for every section of a long text before `zw-load`. */
  protected override whenSettled(): Promise<void> {
    return this.settled?.promise ?? Promise.resolve();
  }

  /** In the HTML and `for` ways the base has no document and would announce `zw-empty`: the reader announces its own `zw-load`. */
  protected override emit(event: Event): void {
    if (this.mode !== 'document' && !this.announcing && (event instanceof ZwEmptyEvent || event instanceof ZwLoadEvent)) return;
    super.emit(event);
  }

  private announceShown() {
    this.state = 'ready';
    void this.updateComplete.then(() => {
      this.announcing = true;
      try {
        this.emit(new ZwLoadEvent(undefined, [], { mode: this.mode }));
      } finally {
        this.announcing = false;
      }
    });
  }

  /** The article HTML inside the element, sanitised, in the reading view. */
  private async enhance() {
    this.enhancing = true;
    try {
      const { sanitizeArticle } = await import('./sanitize.js');
      const fragment = sanitizeArticle(this);
      await this.updateComplete;
      const content = this.renderRoot.querySelector<HTMLElement>('.content');
      if (!content || this.mode !== 'light') return;
      for (const table of fragment.querySelectorAll('table')) {
        if (table.parentElement?.classList.contains('table-wrap')) continue;
        const wrap = document.createElement('div');
        wrap.className = 'table-wrap';
        wrap.tabIndex = 0;
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', table.querySelector('caption')?.textContent?.trim() || msg('表格'));
        table.replaceWith(wrap);
        wrap.append(table);
      }
      repairText(fragment);
      content.replaceChildren(fragment);
      // the article's language, from the host page (a shadow root does not pass `lang` to closest())
      if (!content.hasAttribute('lang')) content.setAttribute('lang', languageOf(this) || 'zh-CN');
      this.collectHeadings(content);
      this.contentReady = true;
      this.announceShown();
      this.afterContent();
    } catch (error) {
      console.error('[zhengwu-elements] <zw-reader>: the article could not be enhanced', error);
    } finally {
      this.enhancing = false;
    }
  }

  /** `for` mode: finds the page's element (again, if the id changed) and acts on it. */
  private attachTarget() {
    const root = this.getRootNode() as Document | ShadowRoot;
    const element = this.for ? (root.getElementById?.(this.for) ?? document.getElementById(this.for)) : null;
    if (this.target?.element === element) return;
    if (this.target) {
      this.target.element.removeEventListener('click', this.onPoint);
      this.target.element.removeEventListener('focusin', this.onPoint);
      this.target.release();
      this.target = undefined;
      this.contentReady = false;
      this.applied = '';
    }
    if (!element) {
      // The article may come later in the page than the reader.
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.requestUpdate(), { once: true });
      else if (this.for) console.warn(`[zhengwu-elements] <zw-reader for="${this.for}">: there is no element with that id`);
      return;
    }
    this.target = new PageTarget(element);
    element.addEventListener('click', this.onPoint);
    element.addEventListener('focusin', this.onPoint);
    this.collectHeadings(element);
    this.contentReady = true;
    this.announceShown();
    this.afterContent();
  }

  /** The table of contents of an HTML article: its headings (ids added where missing, prefixed so they clash with nothing). */
  private collectHeadings(root: HTMLElement) {
    const headings = [...root.querySelectorAll<HTMLElement>(HEADINGS)].filter((h) => h.textContent?.trim());
    const levelOf = (h: HTMLElement) => Number(/^h(\d)$/i.exec(h.localName)?.[1] ?? h.getAttribute('aria-level') ?? 2);
    const top = Math.min(...headings.map(levelOf));
    this.tocTargets = new Map();
    this.toc = headings.map((h, i) => {
      // not zw-r-…: the sanitizer gives the article's own ids that prefix, and a hostile id="h-1" must not clash
      if (!h.id) h.id = `zw-toc-${i + 1}`;
      this.tocTargets.set(h.id, h);
      return { id: h.id, text: h.textContent!.replace(/\s+/g, ' ').trim(), depth: levelOf(h) - top + 1 };
    });
    this.currentSection = this.toc[0]?.id;
  }

  /** Once the text is all there: the contents list follows the reading, and the preferences act on the text. */
  private afterContent() {
    this.observeSections();
    const root = this.contentRoot;
    this.extrasDone = { root, script: 'original', pinyin: false };
    // The reading aids hold on to the content they act on (listeners, the caption's space, the cursor's sheet):
    // a new content element (a new document, another `for` target) gets new aids.
    if (this.aids && this.aidsContent !== root) {
      this.aids.destroy();
      this.aids = undefined;
      this.aidsLoad = undefined;
    }
    this.applied = '';
    this.applyPrefs();
  }

  // ── Preferences ───────────────────────────────────────────────────────────

  /** A choice of the reader's (toolbar, shortcut): applies to every reader on the page, and is remembered. */
  choose(changes: Partial<ReaderPrefs>): void {
    chosen = { ...chosen, ...changes };
    if (!this.noRemember) writeStored(chosen);
    this.userChanged = true;
    this.requestUpdate();
  }

  /** Forgets the reader's choices (and the stored ones): back to the attributes and the system's defaults. */
  reset(): void {
    chosen = {};
    writeStored({});
    this.userChanged = true;
    this.requestUpdate();
  }

  /** The page follows the text size and theme (./base/reading.ts); a choice of the reader's is announced. Runs in willUpdate. */
  private publishPrefs() {
    const prefs = this.effective;
    const page = document.documentElement;
    const pageScale = Number(page.style.getPropertyValue('--zw-text-scale')) || 1;
    const pageTheme = page.getAttribute('data-zw-color-theme') ?? 'default';
    if (this.userChanged) {
      this.userChanged = false;
      publishReading({ textScale: prefs.textScale, colorTheme: prefs.colorTheme });
      this.emit(new ZwReaderChangeEvent(this.prefs));
    } else if (pageScale !== prefs.textScale || pageTheme !== prefs.colorTheme) {
      publishReading({ textScale: prefs.textScale, colorTheme: prefs.colorTheme });
    }
  }

  /** The preferences act on the shown text (after rendering): custom properties, speech, aids, 简繁/拼音, 指读. */
  private applyPrefs() {
    const prefs = this.effective;
    const root = this.contentRoot;
    const reader = this.renderRoot.querySelector<HTMLElement>('.reader');
    if (reader) setVars(reader, readingVars(prefs, root ? isCjk(root) : true));
    this.target?.apply(prefs);
    const key = JSON.stringify(prefs);
    if (key !== this.applied) {
      this.applied = key;
      if (this.readAloud) {
        this.readAloud.rate = prefs.rate;
        this.readAloud.voice = prefs.voice;
      }
      void this.applyAids(prefs);
      if (this.contentReady) {
        this.applyExtras(prefs);
        void this.applyPointRead();
      }
    }
  }

  private readonly onStorage = (event: StorageEvent) => {
    if (this.noRemember || (event.key !== PREFS_KEY && event.key !== null)) return;
    chosen = readStored(); // another tab chose
    this.requestUpdate();
  };

  // ── Read aloud ────────────────────────────────────────────────────────────

  private loadSpeech() {
    return (this.speechModule ??= import('./speech.js').then(
      (module) => (this.speechApi = module),
      (error) => {
        console.error('[zhengwu-elements] <zw-reader>: read-aloud could not load', error);
        this.speechModule = undefined;
        return undefined;
      },
    ));
  }

  private async speaker(): Promise<ReadAloud | undefined> {
    const module = await this.loadSpeech();
    if (!module || !this.isConnected) return undefined;
    if (!this.readAloud) {
      const prefs = this.effective;
      this.readAloud = new module.ReadAloud({
        units: () => {
          const root = this.contentRoot;
          return root ? module.readableUnits(root) : [];
        },
        lang: this.contentLanguage(),
        rate: prefs.rate,
        voice: prefs.voice,
        onChange: (status) => this.onSpeech(status),
        scrollIntoView: true,
      });
    }
    return this.readAloud;
  }

  private contentLanguage(): string {
    if (this.mode === 'document') return this.contentLang(this.doc);
    const root = this.contentRoot;
    return (root && languageOf(root)) || 'zh-CN';
  }

  /** Reads the text aloud (连读) from the start. */
  async play(): Promise<void> {
    const speaker = await this.speaker();
    speaker?.play();
    this.reportUnavailable(speaker);
  }

  /** Without speech, or a Chinese voice, play() does nothing: the toolbar says why, and the voices are looked up again. */
  private reportUnavailable(speaker: ReadAloud | undefined) {
    if (speaker?.status.state !== 'unavailable') return;
    this.onSpeech(speaker.status);
    this.lookUpVoices();
  }

  /** Reads aloud from the paragraph last clicked or focused, else the first one in view. */
  async playFromHere(): Promise<void> {
    const speaker = await this.speaker();
    const module = await this.loadSpeech();
    const root = this.contentRoot;
    if (!speaker || !module || !root) return;
    const units = module.readableUnits(root);
    const last = this.lastUnit;
    const from = (last && units.find((u) => u === last || u.contains(last) || last.contains(u))) ?? units.find((u) => u.getBoundingClientRect().bottom > 0);
    speaker.play(from);
    this.reportUnavailable(speaker);
  }

  pause(): void {
    this.readAloud?.pause();
  }

  resume(): void {
    this.readAloud?.resume();
  }

  stop(): void {
    this.readAloud?.stop();
  }

  private onSpeech(status: SpeechStatus) {
    this.speech = { state: status.state, reason: status.reason, text: status.text };
    if (status.state === 'playing' && this.voices && !this.voices.length) this.lookUpVoices(); // a voice is there now
    const state: SpeakState = status.state === 'playing' || status.state === 'paused' ? status.state : 'idle';
    if (state !== this.lastSpoken?.state || status.text !== this.lastSpoken.text) {
      this.lastSpoken = { state, text: status.text };
      this.emit(new ZwSpeakEvent(state, status.text));
    }
    // 大字幕 shows the sentence being read while speech plays or is paused; once idle, what is under the pointer or focus.
    if (this.effective.caption) this.aids?.showCaption(state === 'idle' ? undefined : status.text);
  }

  /**
   * The Chinese voices for the settings panel. None found is not the last word (voices arrive late, or the person
   * adds one in the system's settings): they are looked up again when the panel opens, when read-aloud finds no
   * voice, and when speech starts while the list is empty.
   */
  private lookUpVoices() {
    if (this.voices?.length || this.voicesLookup) return;
    const lookup = (this.voicesLookup = this.loadSpeech()
      .then((module) => module?.chineseVoices())
      .then((voices) => {
        this.voices = (voices ?? []).map((v) => ({ uri: v.voiceURI, name: `${v.name}（${v.lang}）` }));
      })
      .finally(() => {
        if (this.voicesLookup === lookup) this.voicesLookup = undefined;
      }));
  }

  // ── 指读 (point-to-read) ───────────────────────────────────────────────────

  /** Whether 指读 is on (a preference: elderly mode turns it on when chosen, and it can be turned off on its own). */
  private get pointing(): boolean {
    return this.effective.pointRead;
  }

  /** While 指读 is on, every readable unit is focusable, and what is clicked or focused is read. */
  private async applyPointRead() {
    if (!this.pointing) {
      this.setPointUnits([]);
      return;
    }
    const module = await this.loadSpeech();
    const root = this.contentRoot;
    if (module && root && this.pointing) this.setPointUnits(module.readableUnits(root));
  }

  private setPointUnits(units: HTMLElement[]) {
    const next = new Set(units);
    for (const unit of this.pointUnits) {
      if (next.has(unit)) continue;
      unit.removeAttribute('data-zw-point');
      if (unit.getAttribute('tabindex') === '0') unit.removeAttribute('tabindex');
    }
    for (const unit of next) {
      if (this.pointUnits.has(unit)) continue;
      unit.setAttribute('data-zw-point', '');
      if (!unit.hasAttribute('tabindex') && !unit.matches('a[href], button, input, select, textarea')) unit.tabIndex = 0;
    }
    this.pointUnits = next;
  }

  /** The title of the text being read: the document's, else the first heading's (names the landmarks). */
  private textLabel(): string | undefined {
    if (this.mode === 'document' && this.doc) return repairScrapedText(this.doc.title).slice(0, 40);
    const first = this.toc[0]?.text;
    return first ? first.slice(0, 40) : undefined;
  }

  /**
   * An in-page link of the article (href="#zw-r-…", ids made unique by the sanitizer) points into the shadow root,
   * where the browser's own fragment navigation cannot reach: scroll to the target and move focus to it.
   */
  private followInPageLink(event: Event, path: EventTarget[]): boolean {
    if (event.type !== 'click' || this.mode !== 'light') return false;
    const link = path.find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && (n.getAttribute('href') ?? '').startsWith('#'));
    const id = link ? decodeURIComponent(link.getAttribute('href')!.slice(1)) : '';
    const target = id ? this.contentRoot?.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`) : undefined;
    if (!target) return false;
    event.preventDefault();
    target.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    if (!target.hasAttribute('tabindex') && !target.matches('a[href], button, input, select, textarea')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    return true;
  }

  private readonly onPoint = (event: Event) => {
    const path = event.composedPath();
    if (path.some((n) => n instanceof HTMLElement && n.classList.contains('toolbar'))) return;
    if (this.followInPageLink(event, path)) return;
    const block = path.find((n): n is HTMLElement => n instanceof HTMLElement && n.matches(BLOCK_OF_TEXT));
    if (block) this.lastUnit = block;
    if (!this.pointing) return;
    const target = path[0];
    const unit = target instanceof Node ? this.speechApi?.unitFor(target, [...this.pointUnits]) : undefined;
    if (!unit) return;
    // a click on a unit that its focus already started reading goes on reading
    if (event.type === 'click' && this.speech.state === 'playing' && this.readAloud?.status.unit === unit) return;
    void this.speaker().then((speaker) => {
      speaker?.readOne(unit);
      this.reportUnavailable(speaker); // no speech, no Chinese voice: the same message as the play button
    });
  };

  // ── Reading aids and extras ───────────────────────────────────────────────

  private async applyAids(prefs: ReaderPrefs) {
    if (!this.aids && !AIDS.some((a) => prefs[a])) return;
    const aids = await this.loadAids();
    if (!aids) return;
    const now = this.effective;
    for (const aid of AIDS) aids.set(aid, now[aid]);
  }

  private loadAids() {
    if (this.aidsLoad) return this.aidsLoad;
    const load: Promise<ReadingAids | undefined> = import('./aids.js')
      .then(async ({ ReadingAids, aidsStyleSheet }) => {
        await this.updateComplete;
        const root = this.shadowRoot;
        const layer = this.renderRoot.querySelector<HTMLElement>('.aids-layer');
        // superseded (new content while loading): the newer load makes the aids
        if (!root || !layer || !this.isConnected || this.aidsLoad !== load) return undefined;
        const sheet = aidsStyleSheet();
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        this.aidsContent = this.contentRoot;
        // the aids' own Escape turns them all off: the choices follow
        this.aids = new ReadingAids(layer, () => this.contentRoot ?? this, { onEscape: () => this.choose({ ruler: false, crosshair: false, caption: false, largeCursor: false }) });
        if (this.speech.state === 'playing' || this.speech.state === 'paused') this.aids.showCaption(this.speech.text);
        return this.aids;
      })
      .catch((error) => {
        console.error('[zhengwu-elements] <zw-reader>: the reading aids could not load', error);
        if (this.aidsLoad === load) this.aidsLoad = undefined;
        return undefined;
      });
    return (this.aidsLoad = load);
  }

  /** 简/繁 and 拼音, in order (拼音 comes off before the script changes, so its rubies go over the right text). */
  private applyExtras(prefs: ReaderPrefs) {
    const root = this.contentRoot;
    if (!root) return;
    const done = this.extrasDone.root === root ? this.extrasDone : { root, script: 'original' as ReaderScript, pinyin: false };
    if (done.script === prefs.script && done.pinyin === prefs.pinyin) return;
    const wanted = (this.extrasDone = { root, script: prefs.script, pinyin: prefs.pinyin });
    // extras.ts orders the calls per root and lets a newer one stop an older one at its next slice (繁 rewrites
    // the ruby text in place), so each change is asked for at once: 拼音 off never waits for a 200k 拼音 on to finish.
    void import('./extras.js')
      .then(async ({ applyScript, applyPinyin }) => {
        const jobs: Promise<void>[] = [];
        if (done.script !== wanted.script)
          jobs.push(
            applyScript(root, wanted.script).then(() => {
              // resolved: the text shows the newest script asked for on this root
              if (this.extrasDone.root === root) this.markScript(root, this.extrasDone.script);
            }),
          );
        if (done.pinyin !== wanted.pinyin) jobs.push(applyPinyin(root, wanted.pinyin));
        await Promise.all(jobs);
        if (this.pointing && this.extrasDone === wanted) await this.applyPointRead(); // the units may have changed
      })
      .catch((error) => console.error('[zhengwu-elements] <zw-reader>: 简繁/拼音 could not load', error));
  }

  /**
   * 繁體 text says so (`lang="zh-Hant"`): screen readers and read-aloud pick a voice and pronunciation for it, and
   * fonts their traditional glyphs. Back to the original, the root's own `lang` (or none) comes back.
   */
  private markScript(root: Element, script: ReaderScript) {
    if (script === 'hant') {
      if (!this.originalLang.has(root)) this.originalLang.set(root, root.getAttribute('lang'));
      if (/^zh\b|^$/i.test(languageOf(root))) root.setAttribute('lang', 'zh-Hant');
    } else if (this.originalLang.has(root)) {
      const lang = this.originalLang.get(root);
      this.originalLang.delete(root);
      if (lang === null || lang === undefined) root.removeAttribute('lang');
      else root.setAttribute('lang', lang);
    }
  }

  // ── Keyboard ──────────────────────────────────────────────────────────────

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      this.leaveModes(event);
      return;
    }
    const shortcut = shortcutOf(event);
    // One reader answers a shortcut (the first on the page): the choices are shared anyway.
    if (!shortcut || readers.values().next().value !== this || isTextField(event.composedPath()[0])) return;
    event.preventDefault();
    const prefs = this.effective;
    switch (shortcut.action) {
      case 'larger':
        return this.stepSize(1);
      case 'smaller':
        return this.stepSize(-1);
      case 'theme':
        return this.choose({ colorTheme: COLOR_THEMES[(COLOR_THEMES.indexOf(prefs.colorTheme) + 1) % COLOR_THEMES.length] });
      case 'read':
        if (this.speech.state === 'playing') return this.pause();
        if (this.speech.state === 'paused') return this.resume();
        return void this.play();
      case 'point':
        return this.togglePointRead();
      case 'ruler':
      case 'crosshair':
      case 'caption':
        return this.choose({ [shortcut.action]: !prefs[shortcut.action] });
      case 'elderly':
        return this.choose(elderlyChoice(!this.prefs.elderly));
      case 'reset':
        return this.reset();
      case 'help':
        return this.openHelp(deepActiveElement());
    }
  };

  /**
   * Escape leaves any mode: the help dialog (its own Escape closes it), else speech, the aids, 指读 and the open
   * panels. Not an Escape that is the page's (a portal's menu, modal or field: escape.ts); what lies in this
   * reader's own shadow root (its panel, its selects, its disclosure buttons) is the reader's to close.
   */
  private leaveModes(event: KeyboardEvent) {
    if (this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.open) return;
    if (escapeOwnedElsewhere(event, (node) => node.getRootNode() === this.renderRoot)) return;
    let left = false;
    if (this.speech.state === 'playing' || this.speech.state === 'paused') {
      this.stop();
      left = true;
    }
    const prefs = this.effective;
    if (AIDS.some((a) => prefs[a])) {
      this.choose({ ruler: false, crosshair: false, caption: false, largeCursor: false });
      left = true;
    }
    if (prefs.pointRead) {
      this.choose({ pointRead: false });
      left = true;
    }
    if (this.settingsOpen || this.tocOpen) {
      const opener = this.settingsOpen ? '#settings' : '#toc';
      const inside = event.composedPath().includes(this.renderRoot.querySelector(this.settingsOpen ? '#panel' : '#toc-list')!);
      this.settingsOpen = this.tocOpen = false;
      if (inside) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(opener)?.focus());
      left = true;
    }
    if (left) event.preventDefault();
  }

  stepSize(direction: 1 | -1): void {
    this.choose({ textScale: stepTextScale(this.effective.textScale, direction) });
  }

  togglePointRead(): void {
    // 指读 alone: turning it off in elderly mode leaves elderly mode on
    this.choose({ pointRead: !this.pointing });
  }

  // ── Help and contents ─────────────────────────────────────────────────────

  private openHelp(trigger?: HTMLElement) {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    if (!dialog || dialog.open) return;
    this.helpTrigger = trigger;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('#help-close')?.focus();
  }

  private onHelpClosed() {
    const trigger = this.helpTrigger ?? this.renderRoot.querySelector<HTMLElement>('#help') ?? undefined;
    this.helpTrigger = undefined;
    trigger?.focus();
  }

  private async goTo(id: string) {
    await this.whenSettled();
    const target = this.tocTargets.get(id);
    if (!target) return;
    const heading = target.matches(HEADINGS) ? target : (target.querySelector<HTMLElement>(HEADINGS) ?? target);
    this.tocOpen = false;
    heading.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    this.currentSection = id;
  }

  /** Watches the headings (sections) cross the reading band: the contents list marks the current one. */
  private observeSections() {
    this.sectionObserver?.disconnect();
    const targets = [...this.tocTargets.values()].filter(Boolean);
    if (!targets.length || typeof IntersectionObserver === 'undefined') return;
    this.sectionObserver = new IntersectionObserver(() => this.onReadingBand(), { rootMargin: READING_BAND });
    for (const t of targets) this.sectionObserver.observe(t);
  }

  private onReadingBand() {
    const line = innerHeight * 0.3;
    let current = this.toc[0]?.id;
    for (const entry of this.toc) {
      const element = this.tocTargets.get(entry.id);
      if (element && element.getBoundingClientRect().top <= line) current = entry.id;
    }
    this.currentSection = current;
  }

  // ── Rendering ─────────────────────────────────────────────────────────────

  private get toolbarHost(): ToolbarHost {
    return {
      prefs: this.effective,
      speech: this.speech,
      voices: this.voices,
      settingsOpen: this.settingsOpen,
      tocOpen: this.tocOpen,
      pointRead: this.pointing,
      toc: this.toc,
      currentSection: this.currentSection,
      label: this.textLabel(),
      choose: (changes) => this.choose(changes),
      stepSize: (direction) => this.stepSize(direction),
      toggleSettings: () => {
        this.settingsOpen = !this.settingsOpen;
        if (this.settingsOpen) this.lookUpVoices();
      },
      toggleToc: () => (this.tocOpen = !this.tocOpen),
      togglePointRead: () => this.togglePointRead(),
      play: (fromHere) => void (fromHere ? this.playFromHere() : this.play()),
      pause: () => this.pause(),
      resume: () => this.resume(),
      stop: () => this.stop(),
      reset: () => this.reset(),
      openHelp: (trigger) => this.openHelp(trigger),
      goTo: (id) => void this.goTo(id),
    };
  }

  private renderReader(content: unknown): TemplateResult {
    return html`<div class="reader ${this.effective.elderly ? 'elderly' : ''} ${this.pinned ? 'pinned' : ''}">
      ${renderToolbar(this.toolbarHost)} ${content} ${renderHelp(() => this.onHelpClosed())}
      <div class="aids-layer" part="aids"></div>
    </div>`;
  }

  protected override render(): TemplateResult {
    if (this.mode === 'document') return super.render();
    // The article HTML goes into .content by script (sanitised); `for` mode has no content of its own.
    const content = this.mode === 'light' ? html`<article class="content" part="content"></article>` : nothing;
    return html`<div class="zw-root" part="root" data-scheme=${this.scheme}>${this.renderReader(content)}</div>`;
  }

  protected renderDocument(doc: PolicyDocument): TemplateResult {
    const lang = this.contentLang(doc);
    const headingLevel = this.subLevel();
    return this.renderReader(
      keyed(
        doc,
        html`<article class="content" part="content" lang=${lang} aria-labelledby="doc-title">
          <div class="doc-title" id="doc-title" role="heading" aria-level=${this.level}>${repairScrapedText(doc.title)}</div>
          ${doc.docNo ? html`<p class="doc-no">${repairScrapedText(doc.docNo)}</p>` : nothing}
          ${this.sections
            .slice(0, this.rendered)
            .map((s) => html`<section class="zw-section" id=${s.id}>${renderBlocks(s.blocks, { headingLevel, text: repairScrapedText })}</section>`)}
        </article>`,
      ),
    );
  }

  protected override renderEmpty() {
    return msg('暂无可阅读的内容');
  }
}

defineElement('zw-reader', ZwReader);

declare global {
  interface HTMLElementTagNameMap {
    'zw-reader': ZwReader;
  }
}
