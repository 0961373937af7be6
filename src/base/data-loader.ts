import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { jsonErrorPlace } from '../core/json.js';
import { issue, type Issue } from '../schema/issues.js';

/** How the element got its data, for the console and for tests. */
export type DataSource = 'data' | 'src' | 'script' | 'none';

/** The element a loader serves: its three ways in. */
export interface LoaderHost extends ReactiveControllerHost, HTMLElement {
  data?: unknown;
  src?: string;
  timeout: number;
}

/**
 * What the loader reports. Every call carries the id of its load: a newer load
 * makes older ids stale (`isCurrent(id)` is then false), so late answers can be dropped.
 */
export interface DataSink {
  /** A fetch of `src` started. */
  loading(id: number): void;
  /** Data arrived: an object from `data`, or what the script or fetched body parsed to (`undefined` when there was nothing). */
  received(data: unknown, id: number): void;
  /** The data could not be had. `fetched`: it failed on the way in (status, timeout, network, the body's syntax), so trying again may help. */
  failed(issues: Issue[], id: number, fetched: boolean): void;
}

const DEFAULT_TIMEOUT = 15000;

/**
 * Gets an element's document from the highest-priority way in: the `data`
 * property, else `src` (fetched, with a timeout; the newest `src` wins, older
 * requests are aborted and their late answers dropped), else a child
 * `<script type="application/json">` — also one a CMS fills in after the
 * element upgraded. Nothing here throws: every failure becomes an issue.
 */
export class DataLoader implements ReactiveController {
  /** Where the current data came from. */
  source: DataSource = 'none';

  private requestId = 0;
  private abort?: AbortController;
  private childWatch?: MutationObserver;
  private loadedData?: unknown;
  private loadedSrc?: string;
  private loadedScript?: string;

  constructor(
    private readonly host: LoaderHost,
    private readonly sink: DataSink,
  ) {
    host.addController(this);
  }

  /** The id of the newest load. */
  get current(): number {
    return this.requestId;
  }

  /** Whether `id` is still the newest load (nothing superseded it, the element was not removed). */
  isCurrent(id: number): boolean {
    return id === this.requestId;
  }

  hostConnected(): void {
    // A static CMS template may fill the JSON script after the element upgrades.
    this.childWatch = new MutationObserver(() => {
      // Only a changed JSON script reloads: other light-DOM changes (slotted content) keep the reader's state.
      if (this.host.data === undefined && !this.host.src && this.scriptText() !== this.loadedScript) this.load();
    });
    this.childWatch.observe(this.host, { childList: true, subtree: true, characterData: true });
    this.load();
  }

  hostDisconnected(): void {
    this.childWatch?.disconnect();
    // Supersede the request before aborting it, so its abort is not reported as a network error.
    this.requestId++;
    this.abort?.abort();
    this.loadedData = this.loadedSrc = undefined; // reconnecting loads again
  }

  hostUpdate(): void {
    // Reload only when the inputs really differ from what was last loaded, so the
    // first update after connecting does not fetch `src` a second time.
    if (this.host.isConnected && (this.host.data !== this.loadedData || this.host.src !== this.loadedSrc)) this.load();
  }

  /** Reads the data again from the highest-priority source (the 重试 button; a changed input). */
  load(): void {
    const { data, src } = this.host;
    this.loadedData = data;
    this.loadedSrc = src;
    this.abort?.abort();
    this.abort = undefined;
    const id = ++this.requestId;
    if (data !== undefined) {
      this.source = 'data';
      this.sink.received(data, id);
    } else if (src) {
      this.source = 'src';
      void this.fetchSrc(src, id);
    } else {
      const text = this.scriptText();
      this.loadedScript = text;
      this.source = text === undefined ? 'none' : 'script';
      if (text === undefined) this.sink.received(undefined, id);
      else this.acceptText(text, id, false);
    }
  }

  /** The text of the child `<script type="application/json">`, if there is one. */
  private scriptText(): string | undefined {
    const script = this.host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    return script ? (script.textContent ?? '') : undefined;
  }

  private async fetchSrc(url: string, id: number) {
    this.sink.loading(id);
    const abort = new AbortController();
    this.abort = abort;
    let timedOut = false;
    // An unusable timeout attribute ("abc", 0) falls back to the default rather than failing at once.
    const timeout = this.host.timeout;
    const timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
    let text: string;
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (id !== this.requestId) return;
      if (!response.ok) {
        this.sink.failed([issue('', 'fetch-status', { status: response.status, url })], id, true);
        return;
      }
      text = await response.text();
    } catch {
      if (id !== this.requestId) return; // aborted because a newer src (or removal) superseded it
      this.sink.failed([issue('', timedOut ? 'fetch-timeout' : 'fetch-failed', { url, seconds: Math.round(timeoutMs / 100) / 10 })], id, true);
      return;
    } finally {
      clearTimeout(timer);
    }
    if (id !== this.requestId) return; // a newer src won: drop this late response
    this.acceptText(text, id, true);
  }

  private acceptText(text: string, id: number, fetched: boolean) {
    if (text.trim() === '') {
      this.sink.received(undefined, id);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const { line, column, hint, found } = jsonErrorPlace(text, error);
      // A fetched body that is not JSON is usually the server's error page or a deploy in progress: worth a retry.
      this.sink.failed([issue('', 'json-syntax', { line, column, ...(hint ? { hint } : {}), ...(found ? { found } : {}) })], id, fetched);
      return;
    }
    this.sink.received(parsed, id);
  }
}
