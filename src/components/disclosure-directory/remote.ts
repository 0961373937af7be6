/**
 * The directory's remote mode: the same search contract answered by a server
 * (`schemas/directory-search.schema.json`, the reference server in `zhengwu-elements/server`).
 * Typing gives many searches; only the last one matters, so each call supersedes the one before:
 * its fetch is aborted (the server sees the connection close) and its promise rejects with an
 * `AbortError`, which the caller ignores.
 */
import { queryToParams } from '../../core/directory/contract.js';
import { checkDirectoryEntry } from '../../core/directory/entries-check.js';
import { FACET_NAMES, type DirectoryQuery, type DirectoryResult, type FacetCount, type FacetName } from '../../core/directory/types.js';
import { BodyTooLargeError, fetchedSyntaxIssue, readLimitedText } from '../../base/data-loader.js';
import { isError, issue, valueParams, type Issue } from '../../schema/issues.js';
import type { DirectoryEntry } from '../../schema/types.generated.js';

export interface RemoteSearchOptions {
  /** Quiet time after the last call before a request goes out (ms). Default 150. */
  debounce?: number;
  /** A request taking longer fails with `fetch-timeout` (ms). Default 10 000. */
  timeout?: number;
  /** Default `same-origin`; `include` for a search server on another origin that needs the portal's cookies. */
  credentials?: RequestCredentials;
}

/** A search's result, with the issues of what was dropped from it (bad entries, unreadable facets). */
export interface RemoteResult extends DirectoryResult<DirectoryEntry> {
  issues: Issue[];
}

/** A search that failed: the issues say why (fetch-status, fetch-failed, fetch-timeout, fetch-too-large, json-syntax, or the answer not being the contract). */
export class RemoteSearchError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.path || '/'} ${i.code}`).join('; '));
    this.name = 'RemoteSearchError';
  }
}

export const DEFAULT_DEBOUNCE = 150;
export const DEFAULT_REMOTE_TIMEOUT = 10_000;
/**
 * The largest answer read (bytes). A page is at most 100 entries (MAX_SIZE), a few hundred KB even with long
 * summaries; a bigger answer is a broken or hostile endpoint, refused while it streams.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/** The error a superseded (or cancelled) search rejects with. */
const superseded = () => new DOMException('superseded by a newer search', 'AbortError');

/** True for the rejection of a superseded search: nothing to show. */
export const isAbortError = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

interface Pending {
  reject(reason: unknown): void;
  abort: AbortController;
  timer?: ReturnType<typeof setTimeout>;
}

const typeOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Reads an answer as the contract's result. What makes it unusable (not an object, no `total` or `entries`)
 * is an error; bad entries and unreadable facet or column counts are dropped and reported, the rest is kept.
 */
export function readRemoteResult(data: unknown, query: DirectoryQuery): RemoteResult {
  if (typeOf(data) !== 'object') throw new RemoteSearchError([issue('', 'not-object', { actual: typeOf(data) })]);
  const body = data as Record<string, unknown>;
  const fatal: Issue[] = [];
  if (!('total' in body)) fatal.push(issue('/total', 'required'));
  else if (!isCount(body.total)) fatal.push(issue('/total', 'wrong-type', { expected: 'integer', ...valueParams(body.total) }));
  if (!('entries' in body)) fatal.push(issue('/entries', 'required'));
  else if (!Array.isArray(body.entries)) fatal.push(issue('/entries', 'wrong-type', { expected: 'array', ...valueParams(body.entries) }));
  if (fatal.length) throw new RemoteSearchError(fatal);

  const issues: Issue[] = [];
  const entries: DirectoryEntry[] = [];
  (body.entries as unknown[]).forEach((entry, i) => {
    const found = checkDirectoryEntry(entry, i);
    if (found.some(isError)) issues.push(...found);
    else entries.push(entry as DirectoryEntry);
  });

  const facets = {} as Record<FacetName, FacetCount[]>;
  const rawFacets = typeOf(body.facets) === 'object' ? (body.facets as Record<string, unknown>) : {};
  if (body.facets !== undefined && typeOf(body.facets) !== 'object') issues.push(issue('/facets', 'wrong-type', { expected: 'object', ...valueParams(body.facets) }, 'warning'));
  for (const name of FACET_NAMES) {
    const list = rawFacets[name];
    facets[name] = [];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      issues.push(issue(`/facets/${name}`, 'wrong-type', { expected: 'array', ...valueParams(list) }, 'warning'));
      continue;
    }
    list.forEach((item: unknown, j) => {
      const { value, count } = (typeOf(item) === 'object' ? item : {}) as Record<string, unknown>;
      if (typeof value === 'string' && isCount(count)) facets[name].push({ value, count });
      else issues.push(issue(`/facets/${name}/${j}`, 'invalid', valueParams(item), 'warning'));
    });
  }

  const columns: Record<string, number> = {};
  if (typeOf(body.columns) === 'object') {
    for (const [id, count] of Object.entries(body.columns as Record<string, unknown>)) {
      if (isCount(count)) columns[id] = count;
      else issues.push(issue(`/columns/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'wrong-type', { expected: 'integer', ...valueParams(count) }, 'warning'));
    }
  } else if (body.columns !== undefined) issues.push(issue('/columns', 'wrong-type', { expected: 'object', ...valueParams(body.columns) }, 'warning'));

  return {
    total: body.total as number,
    page: isCount(body.page) && body.page >= 1 ? body.page : (query.page ?? 1),
    size: isCount(body.size) && body.size >= 1 ? body.size : entries.length,
    entries,
    facets,
    columns,
    issues,
  };
}

/** Searches a remote directory: debounced, each call superseding (and aborting) the one before. */
export class RemoteSearch {
  private pending?: Pending;
  readonly debounce: number;
  readonly timeout: number;
  private readonly credentials: RequestCredentials;

  /** `url`: the directory's `remote` (absolute or relative to the page). */
  constructor(
    readonly url: string,
    options: RemoteSearchOptions = {},
  ) {
    this.debounce = Number.isFinite(options.debounce) && options.debounce! >= 0 ? options.debounce! : DEFAULT_DEBOUNCE;
    this.timeout = Number.isFinite(options.timeout) && options.timeout! > 0 ? options.timeout! : DEFAULT_REMOTE_TIMEOUT;
    this.credentials = options.credentials ?? 'same-origin';
  }

  /** The request URL for a query: the remote's own parameters kept, the contract's set (normalised). */
  requestUrl(query: DirectoryQuery): string {
    const url = new URL(this.url, document.baseURI);
    for (const [key, value] of queryToParams(query)) url.searchParams.set(key, value);
    return url.href;
  }

  /**
   * The result for `query`, after the debounce (`immediate` skips it: a page button, not typing).
   * Rejects with an `AbortError` when a newer call or `cancel()` supersedes it, with `RemoteSearchError` when it fails.
   */
  search(query: DirectoryQuery, { immediate = false }: { immediate?: boolean } = {}): Promise<RemoteResult> {
    this.cancel();
    const abort = new AbortController();
    return new Promise<RemoteResult>((resolve, reject) => {
      const pending: Pending = { reject, abort };
      this.pending = pending;
      const go = () => {
        pending.timer = undefined;
        this.fetch(query, abort).then(
          (result) => {
            if (this.pending === pending) this.pending = undefined;
            resolve(result);
          },
          (error) => {
            if (this.pending === pending) this.pending = undefined;
            reject(error);
          },
        );
      };
      if (immediate || this.debounce === 0) go();
      else pending.timer = setTimeout(go, this.debounce);
    });
  }

  /** Drops the pending search, if any: its request is aborted and its promise rejects with an `AbortError`. */
  cancel(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    pending.abort.abort(superseded());
    pending.reject(superseded());
  }

  private async fetch(query: DirectoryQuery, abort: AbortController): Promise<RemoteResult> {
    const url = this.requestUrl(query);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeout);
    let text: string;
    let contentType: string | null;
    try {
      const response = await fetch(url, { signal: abort.signal, credentials: this.credentials, headers: { Accept: 'application/json' } });
      if (!response.ok) {
        void response.body?.cancel().catch(() => undefined);
        throw new RemoteSearchError([issue('', 'fetch-status', { status: response.status, url })]);
      }
      contentType = response.headers.get('Content-Type');
      text = await readLimitedText(response, MAX_ANSWER_BYTES);
    } catch (error) {
      if (error instanceof RemoteSearchError) throw error;
      if (abort.signal.aborted && !timedOut) throw superseded();
      if (error instanceof BodyTooLargeError) {
        abort.abort(); // closes the connection: the rest is not downloaded
        throw new RemoteSearchError([issue('', 'fetch-too-large', { url, size: error.received, limit: error.limit })]);
      }
      throw new RemoteSearchError([issue('', timedOut ? 'fetch-timeout' : 'fetch-failed', { url, seconds: Math.round(this.timeout / 100) / 10 })]);
    } finally {
      clearTimeout(timer);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new RemoteSearchError([fetchedSyntaxIssue(text, error, url, contentType)]);
    }
    return readRemoteResult(data, query);
  }
}
