// One local HTTP server and one Chromium launch for every script that drives a browser
// (end-to-end checks, screenshots, benchmarks): module scripts and `src` need http://, not file://.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves the repository root on a free loopback port. `routes` answer their own paths first
 * (e.g. `{ '/': '<!doctype html>…' }` for a blank page), then `files` (in-memory bodies such as a
 * benchmark's bundles, typed by extension); `headers` go on every answer (e.g. cross-origin isolation,
 * so `performance.now()` ticks in 5 µs); `handlers` answer every path under their prefix (e.g. the directory's
 * search server at `/api/directory`). Returns the base URL and `close()`.
 * @param {{ routes?: Record<string, string>, files?: Map<string, string | Buffer>, headers?: Record<string, string>,
 *   handlers?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> }} [options]
 */
export async function serveRepository({ routes = {}, files = new Map(), headers = {}, handlers = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const handler = Object.entries(handlers).find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`));
    if (handler) return handler[1](req, res);
    if (path in routes) return res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(routes[path]);
    try {
      const body = files.get(path) ?? (await readFile(join(root, path)));
      res.writeHead(200, { ...headers, 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Debian's Chromium, headless, with the background services that add noise to measurements turned off. */
export function launchChromium({ args = [] } = {}) {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
      ...args,
    ],
  });
}
