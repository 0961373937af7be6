import { LitElement, adoptStyles, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { checkDocument, type CheckResult } from '../core/check.js';
import { issue, isError, type Issue, type IssueCode, type LocalizedIssue } from '../schema/issues.js';
import { localizeIssue } from '../schema/messages.js';
import type { DocumentKind, DocumentKinds } from '../schema/validate.js';
import { isLocaleReady, loadLocale, matchLocale, nearestLang, onLangChange, withLocale, type UiLocale } from '../i18n/locale.js';
import { DataLoader, type DataSource } from './data-loader.js';
import { panelStyles, renderEmptyPanel, renderIssueList, renderPublicNotice, renderSkeletonPanel, type Shown } from './error-panel.js';
import { ZwEmptyEvent, ZwErrorEvent, ZwLoadEvent } from './events.js';
import { renderNestedCard, type NestedCardOptions } from './nested-card.js';
import { onSystemSchemeChange, resolveScheme, type Appearance, type Scheme } from './scheme.js';
import { onReadingChange, readingScheme } from './reading.js';
import { themeStyles } from './theme.styles.js';

export type ElementState = 'loading' | 'ready' | 'empty' | 'error';
export type { DataSource } from './data-loader.js';

/** Issues that mean the data failed on its way in: the public gets a 重试 button. */
const LOAD_FAILURES = new Set<IssueCode>(['fetch-status', 'fetch-failed', 'fetch-timeout', 'json-syntax']);

/**
 * What every zhengwu element shares: three ways in (`data`, `src`, a child
 * `<script type="application/json">`, see ./data-loader.ts), the
 * loading/ready/empty/error states, validation with localised issues,
 * `zw-load`/`zw-error`/`zw-empty`, per-element locale, light or dark colours,
 * and the `.zw-root` wrapper that keeps the page's CSS out (./theme.styles.ts).
 * Nothing here throws into the host page: every failure becomes the error state.
 *
 * Subclasses implement `kind` and `renderDocument(doc)`; they may override
 * `renderSkeleton()` and `renderEmpty()`.
 *
 * @attr lang - Language of the element's own labels: `zh-CN` (default), `en` or `zh-Hant`; otherwise the nearest `lang` in the page.
 * @fires {ZwLoadEvent} zw-load - The document loaded and rendered; `detail.document`, `detail.warnings`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors` (every issue, with path, code and message).
 * @fires {ZwEmptyEvent} zw-empty - There is no document: `data` is null, the script is empty, or there is no data at all.
 */
export abstract class ZwElement<K extends DocumentKind> extends LitElement {
  static override styles = [themeStyles, panelStyles];

  /** The document kind this element renders (`policy`, …). */
  protected abstract readonly kind: K;

  /** The document as an object. Takes precedence over `src` and a child script. */
  @property({ attribute: false }) data?: unknown;

  /** URL of the document JSON (http(s) or relative). The newest `src` wins: older requests are aborted. */
  @property({ reflect: true }) src?: string;

  /** Milliseconds to wait for `src` before giving up. */
  @property({ type: Number }) timeout = 15000;

  /** `blue` for the blue alternative to the red 党政 default; passed on to nested elements. */
  @property({ reflect: true }) theme?: 'blue';

  /**
   * `light` or `dark` forces those colours; `auto` follows the reader's system (`prefers-color-scheme`).
   * Without it the element matches the page: its `color-scheme` (`dark`, or `light dark` to follow the
   * system); light otherwise. Passed on to nested elements.
   */
  @property({ reflect: true }) appearance?: Appearance;

  /**
   * For content staff (the demo, Storybook, a CMS preview): invalid data is shown as the detailed
   * list of issues with their paths. Without it the public sees a short polite notice.
   */
  @property({ type: Boolean, reflect: true }) preview = false;

  /** Heading level of the element's main heading within the host page (1–6); its sub-headings go one deeper. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Current state: `loading`, `ready`, `empty` or `error` (reflected for CSS: `zw-policy-card[state=error]`). */
  @property({ reflect: true }) state: ElementState = 'empty';

  /** The valid document being shown (or, in the error state, the parts of it that are safe to show). */
  @state() protected doc?: DocumentKinds[K];
  /** The kind the current issues were found for (fields are named per kind); unset until a check ran. */
  private checkedKind?: K;

  /** The UI locale, from the nearest `lang` attribute. */
  @state() protected locale: UiLocale = 'zh-CN';

  /** Light or dark colours, from `appearance`, the page's `color-scheme` and the reader's system. */
  @state() protected scheme: Scheme = 'light';

  @state() private currentIssues: Issue[] = [];
  /** In the error state, how much of the document is shown. */
  private shown: Shown = 'none';
  /** The last failure happened on the way in (fetch, the fetched body's syntax): a retry may help. */
  private loadFailed = false;
  /** The load whose outcome was last announced by an event. */
  private announcedId = -1;

  /** Pre-rendered (src/ssr): the shadow root came with the page, and the first update hydrates it. */
  private prerendered = !isServer && this.shadowRoot !== null;

  private readonly loader = new DataLoader(this, {
    loading: () => {
      this.state = 'loading';
      this.doc = undefined;
      this.currentIssues = [];
    },
    received: (data, id) => this.accept(data, id),
    failed: (issues, id, fetched) => this.fail(issues, id, undefined, fetched),
  });

  private stopLangWatch?: () => void;
  private stopSchemeWatch?: () => void;
  private stopReadingWatch?: () => void;

  /** Where the current data came from. */
  get source(): DataSource {
    return this.loader.source;
  }

  /** Errors and warnings of the current data, localised for the element's locale. */
  get issues(): LocalizedIssue[] {
    return withLocale(this.locale, () => this.currentIssues.map((i) => localizeIssue(i, this.checkedKind)));
  }

  /** Loads the data again from its source (what the 重试 button does). */
  reload(): void {
    this.loader.load();
  }

  /**
   * 重试: reloads, keeping keyboard focus inside the element. The button is replaced by the skeleton,
   * so focus moves to the wrapper, which stays through every state, instead of dropping to the page.
   */
  private retry() {
    const root = this.renderRoot.querySelector<HTMLElement>('.zw-root');
    if (root) {
      root.tabIndex = -1;
      root.focus({ preventScroll: true });
    }
    this.reload();
  }

  /** `headingLevel` clamped to 1–6. */
  protected get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  /** The level of a sub-heading `depth` levels below the main heading, clamped to 1–6. */
  protected subLevel(depth = 1): number {
    return Math.min(6, Math.max(1, this.level + depth));
  }

  /** The language of the document's own text (which keeps it in an English UI: voice, CJK glyphs). */
  protected contentLang(doc?: { language?: string }): string {
    return doc?.language ?? 'zh-CN';
  }

  /** A compact policy card inside this element, with this element's language, theme, appearance and preview (./nested-card.ts). */
  protected renderNestedCard(options: Omit<NestedCardOptions, 'host' | 'lang' | 'scheme'>): TemplateResult {
    return renderNestedCard({ ...options, host: this, lang: this.locale, scheme: this.scheme });
  }

  /** `lang` on the element itself (set by a parent element inside a shadow root, which no document observer sees). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.updateLocale();
  }

  override connectedCallback(): void {
    // The locale first: the load below announces its outcome in it.
    this.updateLocale();
    this.stopLangWatch = onLangChange(() => this.updateLocale());
    this.stopSchemeWatch = onSystemSchemeChange(() => this.requestUpdate());
    this.stopReadingWatch = onReadingChange(() => this.requestUpdate());
    super.connectedCallback(); // connects the loader, which loads
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLangWatch?.();
    this.stopSchemeWatch?.();
    this.stopReadingWatch?.();
  }

  private updateLocale() {
    const next = matchLocale(nearestLang(this));
    if (next === this.locale) return;
    this.locale = next;
    // Render once the locale's texts are in; until then the element shows its skeleton.
    if (!isLocaleReady(next)) void loadLocale(next).then(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (isServer) {
      this.prepareServerRender(changed);
      return;
    }
    // The page's color-scheme is inherited CSS no event reports: read it at each update. A theme the reader
    // chose in <zw-reader> (./reading.ts) beats both the page and `appearance`: it is their explicit choice.
    this.scheme = readingScheme(this) ?? resolveScheme(this, this.appearance);
  }

  /**
   * Server rendering (src/ssr, Lit's @lit-labs/ssr) calls only the constructor, `willUpdate` and `render`: no
   * connectedCallback, no controllers, no page to read. The data is checked here, at once; the locale comes from the
   * element's own `lang` (its texts loaded before rendering); the colours from `appearance` (light unless dark).
   */
  private prepareServerRender(changed: PropertyValues<this>) {
    this.locale = matchLocale(this.getAttribute('lang'));
    this.scheme = this.appearance === 'dark' ? 'dark' : 'light';
    if (this.data === undefined && this.src) {
      // `src` is fetched in the browser (a related policy given by its address): the page gets the loading state the
      // browser starts in, so the markup hydrates, and the fetch fills it in.
      this.state = 'loading';
      this.doc = undefined;
      this.currentIssues = [];
    } else if (changed.has('data')) this.accept(this.data, this.loader.current);
  }

  /** Announces the outcome in the browser; a server render has no one to tell. */
  private announceLater(id: number) {
    if (!isServer) void this.announce(id);
  }

  /** Checks data that arrived and shows it, or the empty or error state. */
  private accept(data: unknown, id: number) {
    if (data === undefined || data === null) {
      this.state = 'empty';
      this.doc = undefined;
      this.currentIssues = [];
      this.announceLater(id);
      return;
    }
    let result: CheckResult<K>;
    try {
      const kind = this.kind;
      this.checkedKind = kind;
      result = this.checkData(data);
    } catch (error) {
      // Bad data cannot get here (checkDocument reports it): this is a bug, so the console gets its stack.
      console.error(`[zhengwu-elements] <${this.localName}>: checking the document failed (a bug, not bad data)`, error);
      this.fail([issue('', 'internal-error')], id);
      return;
    }
    if (result.document) {
      this.doc = result.document;
      this.currentIssues = result.issues;
      this.state = 'ready';
      this.announceLater(id);
    } else {
      this.fail(result.issues, id, result.partial, false, result.partialIsWhole);
    }
  }

  private fail(issues: Issue[], id: number, partial?: DocumentKinds[K], fetched = false, whole = false) {
    this.doc = partial;
    this.shown = !partial ? 'none' : whole ? 'whole' : 'partial';
    this.loadFailed = fetched;
    this.currentIssues = issues;
    this.state = 'error';
    this.announceLater(id);
  }

  /** The event that reports the state the reader sees (rendering may have failed since the data was accepted). */
  private outcomeEvent(): Event | undefined {
    switch (this.state) {
      case 'ready':
        return new ZwLoadEvent(this.doc, this.issues, this.loadDetail());
      case 'empty':
        return new ZwEmptyEvent();
      case 'error':
        return this.errorEvent();
      default:
        return undefined; // still loading: the fetch's own outcome is announced
    }
  }

  /** `zw-error` with every issue, and the structured console warning staff look for. */
  private errorEvent() {
    const localized = this.issues;
    console.warn(`[zhengwu-elements] <${this.localName}>: ${localized.filter(isError).length} error(s) in the data`, {
      element: this,
      source: this.source,
      errors: localized,
    });
    return new ZwErrorEvent(localized);
  }

  /**
   * Dispatches after the DOM shows the new state in the reader's language, unless newer data arrived
   * meanwhile. It always dispatches for the current load: a failed locale load does not keep a host waiting.
   */
  private async announce(id: number) {
    try {
      await this.updateComplete;
      for (let tries = 0; tries < 3 && !isLocaleReady(this.locale); tries++) {
        await loadLocale(this.locale);
        await this.updateComplete;
      }
    } catch {
      // announce anyway, below
    }
    if (!this.loader.isCurrent(id)) return;
    if (this.state === 'ready') {
      try {
        await this.whenSettled();
      } catch {
        return; // superseded or failed: that outcome is announced by its own load
      }
      if (!this.loader.isCurrent(id)) return;
    }
    const event = this.outcomeEvent();
    if (!event) return;
    this.announcedId = id;
    this.emit(event);
  }

  /**
   * Checks data that arrived. Elements whose documents can be huge (the directory's 100k entries)
   * check the document's shell here and the rest in slices, awaited by `whenSettled()`.
   */
  protected checkData(data: unknown): CheckResult<K> {
    return checkDocument(this.kind, data);
  }

  /**
   * What `zw-load` waits for after the first render of a valid document (the directory: every entry
   * checked and indexed). Rejecting, or newer data arriving meanwhile, skips the announcement.
   */
  protected whenSettled(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Warnings found after the first check, by an element that checks a long document in slices (the reader's body):
   * they join the document's own, so `zw-load` (which waits for `whenSettled()`) carries them all.
   */
  protected addWarnings(found: readonly Issue[]): void {
    const warnings = found.filter((i) => i.severity === 'warning');
    if (warnings.length) this.currentIssues = [...this.currentIssues, ...warnings];
  }

  /** What an element adds to `zw-load`'s detail about what it rendered, read after rendering. */
  protected loadDetail(): object | undefined {
    return undefined;
  }

  /** Dispatches one of the element's events (typed Event subclasses, bubbling and composed). */
  protected emit(event: Event): void {
    this.dispatchEvent(event);
  }

  /**
   * A pre-rendered element's first update hydrates the markup that is there, which must be what the client renders:
   * it waits for the locale's texts (a skeleton instead would not match).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.prerendered) return super.scheduleUpdate();
    this.prerendered = false;
    // a locale that fails to load: render anyway (the skeleton replaces the markup)
    const texts = isLocaleReady(this.locale) ? Promise.resolve() : loadLocale(this.locale).catch(() => undefined);
    return texts.then(() => {
      super.scheduleUpdate();
      // Hydration keeps the server's attribute values: the server knew no page, so its colours may not be the page's
      this.renderRoot.querySelector<HTMLElement>('.zw-root')?.setAttribute('data-scheme', this.scheme);
    });
  }

  /**
   * A pre-rendered shadow root is reused as it is (hydration), and Lit's hydration support does not adopt the element's
   * styles into it: the server's `<style>` elements are all it has, and a strict CSP (`style-src` without
   * 'unsafe-inline') blocks them. Adopted style sheets are not inline styles: the element is styled either way.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const declarative = this.shadowRoot;
    const root = super.createRenderRoot();
    if (declarative && root === declarative) adoptStyles(declarative, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  protected override update(changed: PropertyValues<this>): void {
    withLocale(this.locale, () => super.update(changed));
  }

  protected override render(): TemplateResult {
    // on the server `update` (which sets the locale in the browser) is not called: msg() needs it here
    if (isServer) return withLocale(this.locale, () => this.renderFrame());
    return this.renderFrame();
  }

  private renderFrame(): TemplateResult {
    return html`<div class="zw-root" part="root" data-scheme=${this.scheme}>${this.renderContent()}</div>`;
  }

  private renderContent(): TemplateResult | typeof nothing {
    try {
      return this.renderState();
    } catch (error) {
      this.renderFailed(error);
      return this.renderFailure();
    }
  }

  /**
   * A rendering bug must not leave a blank hole in the page, nor a "ready" element: the element
   * goes to the error state with a `render-failed` issue, within this same update (changes made
   * during render() join the update under way).
   */
  private renderFailed(error: unknown) {
    console.error(`[zhengwu-elements] <${this.localName}> could not render`, error);
    this.doc = undefined;
    this.shown = 'none';
    this.loadFailed = false;
    this.currentIssues = [...this.currentIssues.filter((i) => i.code !== 'render-failed'), issue('', 'render-failed')];
    this.state = 'error';
    // The load's own announcement, if still pending, reports the error; otherwise report it now.
    const id = this.loader.current;
    if (this.announcedId === id) this.announceLater(id);
  }

  private renderState(): TemplateResult | typeof nothing {
    const state = isLocaleReady(this.locale) ? this.state : 'loading';
    switch (state) {
      case 'loading':
        return renderSkeletonPanel(this.renderSkeleton());
      case 'empty':
        return renderEmptyPanel(this.renderEmpty());
      case 'error':
        return html`${this.renderFailure()}${this.doc ? this.renderDocument(this.doc) : nothing}`;
      case 'ready':
        return this.doc ? this.renderDocument(this.doc) : nothing;
    }
  }

  /** The issue list for staff (`preview`), a polite notice for the public. */
  private renderFailure() {
    const shown = this.doc ? this.shown : 'none';
    if (this.preview) return renderIssueList(this.currentIssues, shown, this.level, this.checkedKind);
    const retry = this.loadFailed && this.currentIssues.some((i) => LOAD_FAILURES.has(i.code)) ? () => this.retry() : undefined;
    return renderPublicNotice(shown, retry);
  }

  /** Renders a valid document. */
  protected abstract renderDocument(doc: DocumentKinds[K]): TemplateResult;

  /** Placeholder shapes while `src` loads; sized like the real content so nothing jumps. */
  protected renderSkeleton(): TemplateResult {
    return html`<div class="bar w70"></div>
      <div class="bar w45"></div>
      <div class="bar w90"></div>`;
  }

  /** What to show with no data at all. */
  protected renderEmpty(): TemplateResult | string {
    return msg('暂无内容');
  }
}
