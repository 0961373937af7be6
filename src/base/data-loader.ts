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
 * The largest document body read from `src` (bytes). The biggest real document is a directory of ~100k entries,
 * ~45 MB of compact JSON (~60 MB indented), and Chromium parses that in well under a second; a body beyond
 * this is not a document but a runaway export, a log or an endless stream, and is refused while it streams
 * (never read whole into memory).
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** A body larger than allowed: `received` is what was read before stopping (or the declared Content-Length). */
export class BodyTooLargeError extends Error {
  constructor(
    readonly received: number,
    readonly limit: number,
  ) {
    super(`response body over ${limit} bytes (${received} received)`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * A response's body as text, refused past `limit` bytes: a Content-Length above it fails at once, a body
 * without one is counted chunk by chunk and the read cancelled as soon as it passes (the fetch's own
 * AbortController then closes the connection). Decoded as UTF-8 as it comes, so at most the text is held.
 */
export async function readLimitedText(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(declared, limit);
  }
  // (every target has streams; a response without a body reads as text)
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      void reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(received, limit);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** What a fetched body's HTML-ness looks like: a CMS error or login page, a 200 from a catch-all route. */
const looksLikeHtml = (text: string, contentType: string | null) =>
  /^\s*</.test(text) && (/html|xml/i.test(contentType ?? '') || /^\s*<(!doctype|html|head|body|\?xml|!--)/i.test(text));

/**
 * The issue for a fetched body that is not JSON: an HTML page (the server's error page, a login redirect,
 * a catch-all route) is named as such with its address; anything else gets the syntax error's place.
 */
export function fetchedSyntaxIssue(text: string, error: unknown, url: string, contentType: string | null): Issue {
  if (looksLikeHtml(text, contentType)) return issue('', 'json-syntax', { line: 1, column: 1, hint: 'html', found: '<', url });
  const { line, column, hint, found } = jsonErrorPlace(text, error);
  return issue('', 'json-syntax', { line, column, ...(hint ? { hint } : {}), ...(found ? { found } : {}) });
}

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
      else this.acceptText(text, id);
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
    let contentType: string | null;
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (id !== this.requestId) return;
      if (!response.ok) {
        void response.body?.cancel().catch(() => undefined); // an error page's body is not wanted
        this.sink.failed([issue('', 'fetch-status', { status: response.status, url })], id, true);
        return;
      }
      contentType = response.headers.get('Content-Type');
      text = await readLimitedText(response, MAX_DOCUMENT_BYTES);
    } catch (error) {
      if (id !== this.requestId) return; // aborted because a newer src (or removal) superseded it
      if (error instanceof BodyTooLargeError) {
        abort.abort(); // closes the connection: the rest of the body is not downloaded
        // retrying would fetch the same body: not a load failure the reader can fix (no 重试)
        this.sink.failed([issue('', 'fetch-too-large', { url, size: error.received, limit: error.limit })], id, false);
        return;
      }
      this.sink.failed([issue('', timedOut ? 'fetch-timeout' : 'fetch-failed', { url, seconds: Math.round(timeoutMs / 100) / 10 })], id, true);
      return;
    } finally {
      clearTimeout(timer);
    }
    if (id !== this.requestId) return; // a newer src won: drop this late response
    this.acceptText(text, id, { url, contentType });
  }

  /** `fetched`: the body came from `src` (its syntax error may be a server's error page: worth a retry). */
  private acceptText(text: string, id: number, fetched?: { url: string; contentType: string | null }) {
    if (text.trim() === '') {
      this.sink.received(undefined, id);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      if (fetched) {
        // A fetched body that is not JSON is usually the server's error page or a deploy in progress: worth a retry.
        this.sink.failed([fetchedSyntaxIssue(text, error, fetched.url, fetched.contentType)], id, true);
        return;
      }
      const { line, column, hint, found } = jsonErrorPlace(text, error);
      this.sink.failed([issue('', 'json-syntax', { line, column, ...(hint ? { hint } : {}), ...(found ? { found } : {}) })], id, false);
      return;
    }
    this.sink.received(parsed, id);
  }
}
