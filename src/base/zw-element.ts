import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { checkDocument } from '../core/check.js';
import { jsonErrorPlace } from '../core/json.js';
import { issue, isError, type Issue, type LocalizedIssue } from '../schema/issues.js';
import { localizeIssue } from '../schema/messages.js';
import type { DocumentKind, DocumentKinds } from '../schema/validate.js';
import { isLocaleReady, loadLocale, matchLocale, nearestLang, onLangChange, withLocale, type UiLocale } from '../i18n/locale.js';
import { ZwErrorEvent, ZwLoadEvent } from './events.js';
import { themeStyles } from './theme.styles.js';

export type ElementState = 'loading' | 'ready' | 'empty' | 'error';

const stateStyles = css`
  .zw-error {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-block-end: var(--_space);
  }
  .zw-error-title {
    font-weight: 700;
    font-size: 1em;
    margin: 0 0 0.25em;
    color: var(--_danger);
  }
  .zw-error ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .zw-error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_subtle);
    padding: 0 0.25em;
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  .zw-error .warning {
    color: var(--_muted);
  }
  .zw-empty {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: var(--_muted);
    text-align: center;
  }
  .zw-skeleton {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .zw-skeleton .bar {
    height: 1em;
    margin-block: 0.6em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_subtle) 25%, var(--_border) 50%, var(--_subtle) 75%);
    background-size: 200% 100%;
    animation: zw-shimmer 1.4s linear infinite;
  }
  /* widths as classes, not style attributes: a strict CSP (style-src without 'unsafe-inline') blocks those */
  .zw-skeleton .w45 { width: 45%; }
  .zw-skeleton .w50 { width: 50%; }
  .zw-skeleton .w70 { width: 70%; }
  .zw-skeleton .w80 { width: 80%; }
  .zw-skeleton .w90 { width: 90%; }
  @keyframes zw-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (forced-colors: active) {
    .zw-skeleton .bar {
      background: GrayText;
    }
  }
`;

/** How the element got its data, for the console and for tests. */
export type DataSource = 'data' | 'src' | 'script' | 'none';

/**
 * What every zhengwu element shares: three ways in (`data`, `src`, a child
 * `<script type="application/json">`), the loading/ready/empty/error states,
 * validation with localised issues, `zw-load`/`zw-error`, per-element locale.
 * Nothing here throws into the host page: every failure becomes the error state.
 */
export abstract class ZwElement<K extends DocumentKind> extends LitElement {
  static override styles = [themeStyles, stateStyles];

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

  /** `light` keeps the light colours when the reader prefers dark; passed on to nested elements. */
  @property({ reflect: true }) appearance?: 'light';

  /** Heading level of the element's main heading within the host page (1–6); its sub-headings go one deeper. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** `headingLevel` clamped to 1–6. */
  protected get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  /** Current state: `loading`, `ready`, `empty` or `error` (reflected for CSS: `zw-policy-card[state=error]`). */
  @property({ reflect: true }) state: ElementState = 'empty';

  /** The valid document being shown (or, in the error state, the parts of it that are safe to show). */
  @state() protected doc?: DocumentKinds[K];

  @state() private currentIssues: Issue[] = [];

  /** The UI locale, from the nearest `lang` attribute. */
  @state() protected locale: UiLocale = 'zh-CN';

  /** Where the current data came from. */
  source: DataSource = 'none';

  private requestId = 0;
  private controller?: AbortController;
  private stopLangWatch?: () => void;
  private childWatch?: MutationObserver;
  private loadedData?: unknown;
  private loadedScript?: string;
  /** Set when rendering threw: the element then reports an error, not a load. */
  private renderFailed = false;
  /** In the error state, whether the document shown is complete (only cross-field rules failed). */
  private showingWhole = false;
  private loadedSrc?: string;

  /** Errors and warnings of the current data, localised for the element's locale. */
  get issues(): LocalizedIssue[] {
    return withLocale(this.locale, () => this.currentIssues.map(localizeIssue));
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
    super.connectedCallback();
    this.updateLocale();
    this.stopLangWatch = onLangChange(() => this.updateLocale());
    // A static CMS template may fill the JSON script after the element upgrades.
    this.childWatch = new MutationObserver(() => {
      // Only a changed JSON script reloads: other light-DOM changes (slotted content) keep the reader's state.
      if (this.data === undefined && !this.src && this.scriptText() !== this.loadedScript) this.load();
    });
    this.childWatch.observe(this, { childList: true, subtree: true, characterData: true });
    this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLangWatch?.();
    this.childWatch?.disconnect();
    // Supersede the request before aborting it, so its abort is not reported as a network error.
    this.requestId++;
    this.controller?.abort();
    this.loadedData = this.loadedSrc = undefined; // reconnecting loads again
  }

  private updateLocale() {
    const next = matchLocale(nearestLang(this));
    if (next === this.locale) return;
    this.locale = next;
    // Render once the locale's texts are in; until then the element shows its skeleton.
    if (!isLocaleReady(next)) void loadLocale(next).then(() => this.requestUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Reload only when the inputs really differ from what was last loaded, so the
    // first update after connectedCallback does not fetch `src` a second time.
    if (this.isConnected && (changed.has('data') || changed.has('src')) && (this.data !== this.loadedData || this.src !== this.loadedSrc)) this.load();
  }

  /** Reads the data from the highest-priority source and checks it. */
  private load() {
    this.loadedData = this.data;
    this.loadedSrc = this.src;
    this.controller?.abort();
    this.controller = undefined;
    const id = ++this.requestId;
    if (this.data !== undefined) {
      this.source = 'data';
      this.accept(this.data, id);
    } else if (this.src) {
      this.source = 'src';
      void this.fetchSrc(this.src, id);
    } else {
      const text = this.scriptText();
      this.loadedScript = text;
      this.source = text === undefined ? 'none' : 'script';
      if (text === undefined) this.accept(undefined, id);
      else this.acceptText(text, id);
    }
  }

  /** The text of the child `<script type="application/json">`, if there is one. */
  private scriptText(): string | undefined {
    const script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    return script ? (script.textContent ?? '') : undefined;
  }

  private async fetchSrc(url: string, id: number) {
    this.state = 'loading';
    this.doc = undefined;
    this.currentIssues = [];
    const controller = new AbortController();
    this.controller = controller;
    let timedOut = false;
    // An unusable timeout attribute ("abc", 0) falls back to the default rather than failing at once.
    const timeoutMs = Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : 15000;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let text: string;
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (id !== this.requestId) return;
      if (!response.ok) {
        this.fail([issue('', 'fetch-status', { status: response.status, url })], id);
        return;
      }
      text = await response.text();
    } catch {
      if (id !== this.requestId) return; // aborted because a newer src (or removal) superseded it
      this.fail([issue('', timedOut ? 'fetch-timeout' : 'fetch-failed', { url, seconds: Math.round(timeoutMs / 100) / 10 })], id);
      return;
    } finally {
      clearTimeout(timer);
    }
    if (id !== this.requestId) return; // a newer src won: drop this late response
    this.acceptText(text, id);
  }

  private acceptText(text: string, id: number) {
    if (text.trim() === '') {
      this.accept(undefined, id);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const { line, column } = jsonErrorPlace(text, error);
      this.fail([issue('', 'json-syntax', { line, column })], id);
      return;
    }
    this.accept(parsed, id);
  }

  private accept(data: unknown, id: number) {
    if (data === undefined || data === null) {
      this.state = 'empty';
      this.doc = undefined;
      this.currentIssues = [];
      return;
    }
    const result = checkDocument(this.kind, data);
    if (result.document) {
      this.doc = result.document;
      this.currentIssues = result.issues;
      this.state = 'ready';
      void this.announce(id, () =>
        this.renderFailed ? new ZwErrorEvent(withLocale(this.locale, () => [localizeIssue(issue('', 'render-failed'))])) : new ZwLoadEvent(result.document, this.issues),
      );
    } else {
      this.fail(result.issues, id, result.partial, result.partialIsWhole);
    }
  }

  private fail(issues: Issue[], id: number, partial?: DocumentKinds[K], whole = false) {
    this.doc = partial;
    this.showingWhole = whole;
    this.currentIssues = issues;
    this.state = 'error';
    void this.announce(id, () => {
      const localized = this.issues;
      console.warn(`[zhengwu-elements] <${this.localName}>: ${localized.filter(isError).length} error(s) in the data`, {
        element: this,
        source: this.source,
        errors: localized,
      });
      return new ZwErrorEvent(localized);
    });
  }

  /** Dispatches after the DOM shows the new state (in the reader's language), unless newer data arrived meanwhile. */
  private async announce(id: number, make: () => Event) {
    await loadLocale(this.locale);
    await this.updateComplete;
    if (id === this.requestId) this.emit(make());
  }

  /** Dispatches one of the element's events (typed Event subclasses, bubbling and composed). */
  protected emit(event: Event): void {
    this.dispatchEvent(event);
  }

  protected override update(changed: PropertyValues<this>): void {
    withLocale(this.locale, () => super.update(changed));
  }

  protected override render(): TemplateResult | typeof nothing {
    try {
      this.renderFailed = false;
      return this.renderState();
    } catch (error) {
      this.renderFailed = true;
      // A rendering bug must not leave a blank hole in the page: show the error state instead.
      console.warn(`[zhengwu-elements] <${this.localName}> could not render`, error);
      return this.renderIssues([issue('', 'render-failed')]);
    }
  }

  private renderState(): TemplateResult | typeof nothing {
    const state = isLocaleReady(this.locale) ? this.state : 'loading';
    switch (state) {
      case 'loading':
        return html`<div class="zw-skeleton" part="skeleton" role="status" aria-busy="true">
          <span class="visually-hidden">${msg('正在加载…')}</span>${this.renderSkeleton()}
        </div>`;
      case 'empty':
        return html`<div class="zw-empty" part="empty" role="status">${this.renderEmpty()}</div>`;
      case 'error':
        return html`${this.renderIssues(this.currentIssues)}${this.doc ? this.renderDocument(this.doc) : nothing}`;
      case 'ready':
        return this.doc ? this.renderDocument(this.doc) : nothing;
    }
  }

  private renderIssues(issues: Issue[]): TemplateResult {
    const errors = issues.filter(isError);
    const warnings = issues.filter((i) => !isError(i));
    const item = (i: Issue) => {
      const { message } = localizeIssue(i);
      return html`<li class=${i.severity}>${i.path ? html`<code>${i.path}</code> ` : nothing}${i.severity === 'warning' ? msg('提示：') : nothing}${message}</li>`;
    };
    return html`<div class="zw-error" part="error" role="alert">
      <div class="zw-error-title" role="heading" aria-level=${this.level}>
        ${!this.doc
          ? msg(str`数据有 ${errors.length} 处错误，无法显示`)
          : this.showingWhole
            ? msg(str`数据有 ${errors.length} 处错误，以下内容可能不准确`)
            : msg(str`数据有 ${errors.length} 处错误，只显示了无误的部分`)}
      </div>
      <ul>
        ${errors.map(item)}${warnings.map(item)}
      </ul>
    </div>`;
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
