/// <reference types="node" />
/**
 * `zhengwu-elements/server`: the reference search server for `<zw-disclosure-directory remote>`.
 * A plain `node:http` handler (no framework) that answers the contract of
 * `schemas/directory-search.schema.json` from one directory JSON document, with the same core index
 * the element uses in the page — so a portal serves a 1M-entry catalogue from one small process.
 *
 *   import { createDirectoryServer } from 'zhengwu-elements/server';
 *   createDirectoryServer({ file: 'directory.json', cors: true }).listen(8080);
 *
 * or from a shell: `node node_modules/zhengwu-elements/dist/server.js directory.json --port 8080`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { STATUS_CODES, createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { buildCatalogue, type Catalogue } from '../core/directory/catalogue.js';
import { columnPaths, columnsOf } from '../core/directory/columns.js';
import { paramsToQuery, type ContractProblem } from '../core/directory/contract.js';
import { checkDirectoryEntry, checkDirectoryShell } from '../core/directory/entries-check.js';
import type { DirectoryResult } from '../core/directory/types.js';
import { isError, type Issue } from '../schema/issues.js';
import type { DirectoryDocument, DirectoryEntry } from '../schema/types.generated.js';

export type { DirectoryQuery, DirectoryResult } from '../core/directory/types.js';
export type { ContractProblem } from '../core/directory/contract.js';
export { paramsToQuery, queryToParams, normalizeQuery, DEFAULT_SIZE, MAX_SIZE } from '../core/directory/contract.js';
export { toElasticsearch, fromElasticsearch, DIRECTORY_INDEX_MAPPING, type ElasticsearchOptions, type ElasticsearchRequest } from './elasticsearch.js';

export interface DirectoryHandlerOptions {
  /** The directory document (already parsed). One of `document` or `file`. */
  document?: DirectoryDocument | unknown;
  /** Path of the directory JSON file, read once when the handler is created. */
  file?: string;
  /** Answer only this path (e.g. `/api/directory`); other paths get 404. Absent: every path (mount it behind your own router). */
  basePath?: string;
  /** Send `Access-Control-Allow-Origin`: `true` for `*`, or the one origin to allow. Default: none (same origin). */
  cors?: boolean | string;
  /** `Cache-Control: public, max-age=<seconds>`. Default 60; 0 sends `no-cache`. */
  maxAge?: number;
  /** Where load problems (skipped entries) and internal errors go. Default: `console.warn`. */
  log?: (message: string) => void;
}

/** The handler, with what it loaded (for logs and health checks). */
export interface DirectoryHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Entries answered from. */
  readonly size: number;
  /** Entries left out because they have errors (each with its issues). */
  readonly skipped: readonly { index: number; issues: Issue[] }[];
}

/** How many skipped entries the load log names one by one; the rest are counted. */
const LOGGED_ENTRIES = 20;

/** The document checked and indexed; throws when the document itself (not one entry) is unusable. */
function load(options: DirectoryHandlerOptions, log: (message: string) => void) {
  let data = options.document;
  if (data === undefined) {
    if (!options.file) throw new Error('createDirectoryHandler: give `document` or `file`');
    data = JSON.parse(readFileSync(options.file, 'utf8'));
  }
  const shell = checkDirectoryShell(data);
  const doc = (shell.document ?? shell.partial) as DirectoryDocument | undefined;
  if (!doc) {
    const listed = shell.issues.filter(isError).map((i) => `${i.path || '/'} ${i.code}`);
    throw new Error(`createDirectoryHandler: not a usable directory document: ${listed.slice(0, 10).join('; ')}`);
  }
  const skipped: { index: number; issues: Issue[] }[] = [];
  const entries = (Array.isArray(doc.entries) ? doc.entries : []) as DirectoryEntry[];
  const columns = columnsOf(doc);
  const known = columnPaths(columns);
  const catalogue = buildCatalogue(entries, columns, {
    accept(entry: unknown, index: number) {
      const issues = checkDirectoryEntry(entry, index, known);
      if (!issues.some(isError)) return true;
      skipped.push({ index, issues });
      return false;
    },
  }) as Catalogue<DirectoryEntry>;
  // Once, at load: one line per bad entry would flood a log at 1M entries.
  if (skipped.length) {
    const named = skipped.slice(0, LOGGED_ENTRIES).map(({ issues }) =>
      issues
        .filter(isError)
        .map((i) => `${i.path} ${i.code}`)
        .join(', '),
    );
    const more = skipped.length > LOGGED_ENTRIES ? `\n  … and ${skipped.length - LOGGED_ENTRIES} more` : '';
    log(`[zhengwu-elements/server] skipped ${skipped.length} of ${entries.length} entries with errors:\n  ${named.join('\n  ')}${more}`);
  }
  return {
    catalogue,
    size: entries.length - skipped.length,
    skipped,
    version: createHash('sha1').update(String(Date.now())).update(String(entries.length)).digest('base64url').slice(0, 8),
  };
}

const trimSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/**
 * A `node:http` request handler answering the directory search contract: `GET <basePath>?q=…&page=…` →
 * 200 JSON `DirectoryResult`; 400 JSON `{ error: 'bad-request', problems }` for parameter values the
 * contract does not have (unknown sort, page=abc; values out of range are clamped instead); 405 for other
 * methods; 404 outside `basePath`. Never throws on a request.
 */
export function createDirectoryHandler(options: DirectoryHandlerOptions): DirectoryHandler {
  const log = options.log ?? ((message: string) => console.warn(message));
  const { catalogue, size, skipped, version } = load(options, log);
  const basePath = options.basePath === undefined ? undefined : trimSlash(options.basePath);
  const allowOrigin = options.cors === true ? '*' : typeof options.cors === 'string' ? options.cors : undefined;
  const maxAge = options.maxAge ?? 60;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    try {
      answer(req, res);
    } catch (error) {
      log(`[zhengwu-elements/server] ${req.method} ${String(req.url).slice(0, 300)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) send(res, req, 500, { error: 'internal-error' });
      else res.destroy();
    }
  };

  function send(res: ServerResponse, req: IncomingMessage, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'X-Content-Type-Options': 'nosniff',
      ...(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' } : {}),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  function answer(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    if (basePath !== undefined && trimSlash(path) !== basePath) return send(res, req, 404, { error: 'not-found' });
    if (req.method === 'OPTIONS' && allowOrigin) {
      res.writeHead(204, { 'Access-Control-Allow-Origin': allowOrigin, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Max-Age': '86400', Vary: 'Origin' });
      return res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, req, 405, { error: 'method-not-allowed' }, { Allow: 'GET, HEAD' });
    // URLSearchParams decodes leniently (a stray % stays as written): no hostile string makes it throw.
    const problems: ContractProblem[] = [];
    const query = paramsToQuery(new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)), '', problems);
    const dropped = problems.filter((p) => p.kind === 'dropped');
    if (dropped.length) return send(res, req, 400, { error: 'bad-request', problems: dropped }, { 'Cache-Control': 'no-store' });
    const result: DirectoryResult<DirectoryEntry> = catalogue.query(query);
    // Values answered otherwise than asked (size=1e9 → 100, a 1 MB q cut to 200 characters) are named, so a client sees why.
    const clamped = problems.filter((p) => p.kind === 'clamped');
    const text = JSON.stringify(clamped.length ? { ...result, problems: clamped } : result);
    const etag = `W/"${version}-${createHash('sha1').update(text).digest('base64url').slice(0, 16)}"`;
    const headers = { ETag: etag, 'Cache-Control': maxAge > 0 ? `public, max-age=${Math.floor(maxAge)}` : 'no-cache' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, ...(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' } : {}) });
      return res.end();
    }
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      'X-Content-Type-Options': 'nosniff',
      ...(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' } : {}),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  return Object.assign(handler, { size, skipped }) as DirectoryHandler;
}

/**
 * Limits that keep one slow or hostile client from holding the server: a client that sends its request headers
 * slowly (slow-loris) is dropped after 10 s, checked every second (Node's defaults: 60 s, checked every 30 s).
 */
const SERVER_DEFAULTS: ServerOptions = { headersTimeout: 10_000, requestTimeout: 20_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };

/**
 * A request Node could not parse (a request line or headers over its 16 KB limit, bytes that are not HTTP, a timeout)
 * gets the contract's JSON error too, not Node's bare status line; a connection already gone is just closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ error: status === 431 ? 'request-too-large' : status === 408 ? 'request-timeout' : 'bad-request' });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** An `http.Server` answering the contract (call `.listen(port)`); `serverOptions` override the timeouts above. */
export function createDirectoryServer(options: DirectoryHandlerOptions, serverOptions: ServerOptions = {}): Server {
  return createServer({ ...SERVER_DEFAULTS, ...serverOptions }, createDirectoryHandler(options)).on('clientError', answerClientError);
}

/** `node dist/server.js <directory.json> [--port 8080] [--base /api/directory] [--cors]` */
export function runFromCommandLine(args: readonly string[]): Server {
  const file = args.find((a, i) => !a.startsWith('--') && !['--port', '--base'].includes(args[i - 1]));
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (!file) throw new Error('usage: node server.js <directory.json> [--port 8080] [--base /path] [--cors]');
  const handler = createDirectoryHandler({ file, basePath: value('--base'), cors: args.includes('--cors') });
  const port = Number(value('--port') ?? process.env.PORT ?? 8080);
  const server = createServer(SERVER_DEFAULTS, handler).on('clientError', answerClientError);
  server.listen(port, () => console.log(`directory search: ${handler.size} entries on http://localhost:${port}${value('--base') ?? '/'}`));
  return server;
}

// Run as a program (`node server.js file.json`), not when imported.
if (typeof process !== 'undefined' && process.argv?.[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    runFromCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
