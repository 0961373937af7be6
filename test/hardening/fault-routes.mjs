// Network faults for the hardening suite, on the test runner's own server (see web-test-runner.config.mjs).
// Real sockets, real bodies: nothing is mocked in the browser.
import { readFile } from 'node:fs/promises';

const ROOT = new URL('../../', import.meta.url);

/**
 * What each token's requests met, for tests that must know the server's side (an aborted request, a late answer
 * that was really sent): `{ state: pending | aborted | answered | failed, requests, sent }` (`sent`: body bytes written).
 */
const seen = new Map();
const record = (token, changes) => {
  const now = { state: 'unknown', requests: 0, sent: 0, ...seen.get(token), ...changes };
  seen.set(token, now);
  return now;
};

/** How much the `huge` faults send at most: far more than the loader's 64 MiB limit, so a refusal shows as the stream stopping early (the buffers between server and page hold a few MB). */
export const HUGE_BYTES = 256 * 1024 * 1024;

/** Waits `ms`, or less when the client goes away first; true when it went away. */
function waitOrGone(ctx, ms) {
  return new Promise((resolve) => {
    const res = ctx.res;
    const gone = () => {
      clearTimeout(timer);
      resolve(true);
    };
    // the response's close, not the socket's: a kept-alive socket outlives this request
    const timer = ms === Infinity ? undefined : setTimeout(() => (res.off('close', gone), resolve(false)), ms);
    res.once('close', gone);
  });
}

/** The document at `path` (repo-relative), with its top-level `title` replaced by `mark` when given: tells two answers apart. */
async function documentText(path, mark) {
  const text = await readFile(new URL(path.replace(/^\/+/, ''), ROOT), 'utf8');
  if (!mark) return text;
  return JSON.stringify({ ...JSON.parse(text), title: mark });
}

/** An endless-looking JSON array streamed in 1 MiB chunks until `total` bytes or the client closes; returns the bytes sent. */
async function streamHuge(ctx, token, total, declare) {
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...(declare ? { 'Content-Length': String(total) } : {}) });
  const chunk = Buffer.from(`${'"一二三四五六七八九十",'.repeat(Math.floor((1024 * 1024) / 32))}`.padEnd(1024 * 1024, ' '));
  let sent = 0;
  let gone = false;
  res.on('close', () => (gone = true));
  res.write('[');
  sent += 1;
  while (sent + chunk.length < total && !gone) {
    const ok = res.write(chunk);
    sent += chunk.length;
    record(token, { sent });
    if (!ok && !gone)
      await new Promise((resolve) => {
        const done = () => {
          res.off('drain', done).off('close', done);
          resolve();
        };
        res.on('drain', done).on('close', done);
      });
  }
  if (!gone) res.end('"end"]');
  return { sent, gone };
}

/**
 * Koa middleware answering `/__zw/fault/…`; everything else passes on.
 *   /__zw/fault/seen/<token>                       what the server did for that token (see `seen` above)
 *   /__zw/fault/<fault>/<token>?ok=<path>[&mark=T][&fail=N]
 *       the first N requests (default 1) meet <fault>, later ones get the document at <path> (the 重试 test);
 *       without `ok`, every request meets the fault. Faults:
 *     never       no answer at all until the client gives up (timeouts)
 *     404, 500    that status with a JSON error body
 *     malformed   200 application/json with broken JSON
 *     html        200 text/html: a CMS's error page where JSON was expected
 *     reset       200 with Content-Length, half the body, then the connection is destroyed
 *     huge        200 streamed JSON, HUGE_BYTES long, no Content-Length (the limit must be counted)
 *     huge-declared  the same announced by Content-Length (refused before reading)
 *     slow<ms>    (e.g. slow1500) the document after <ms>, unless the client went away first (superseded requests)
 *   /__zw/fault/remote/<fault>/<token>?<search query>
 *       the directory's search endpoint: request number `fail` (default 2: the first search answers, so there are earlier
 *       results) meets <fault>, every other one is passed to the reference server (/__zw/directory). Faults as above, plus
 *     slow<ms>    the faulty request is answered after <ms> with one entry titled 过时的结果 (a stale answer)
 */
export function faultRoutes() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__zw/fault/')) return next();
    const seenToken = /^\/__zw\/fault\/seen\/(.+)$/.exec(ctx.path);
    if (seenToken) {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(seen.get(decodeURIComponent(seenToken[1])) ?? { state: 'unknown', requests: 0, sent: 0 });
      return;
    }
    const remote = /^\/__zw\/fault\/remote\/([\w-]+)\/([\w.-]+)$/.exec(ctx.path);
    if (remote) {
      const [, fault, token] = remote;
      const { requests } = record(token, { requests: (seen.get(token)?.requests ?? 0) + 1 });
      const failAt = Number(ctx.query.fail ?? 2);
      if (requests !== failAt) {
        record(token, requests > failAt ? {} : { state: 'answered' });
        ctx.path = '/__zw/directory'; // the query string stays: the reference server answers it
        return next();
      }
      return meet(ctx, fault, token, () => staleAnswer());
    }
    const src = /^\/__zw\/fault\/([\w-]+)\/([\w.-]+)$/.exec(ctx.path);
    if (!src) return next();
    const [, fault, token] = src;
    const { requests } = record(token, { requests: (seen.get(token)?.requests ?? 0) + 1 });
    const ok = ctx.query.ok;
    const document = () => documentText(String(ok), ctx.query.mark ? String(ctx.query.mark) : undefined);
    if (ok && requests > Number(ctx.query.fail ?? 1)) {
      record(token, { state: 'answered' });
      ctx.type = 'application/json';
      ctx.body = await document();
      return;
    }
    return meet(ctx, fault, token, document);
  };
}

/** One entry that no real search returns: if it is ever shown, a superseded answer got through. */
function staleAnswer() {
  const entry = { id: 'stale', title: '过时的结果', issuer: { name: '过时机构' }, publishDate: '2000-01-01', columns: ['gz'] };
  const facets = { year: [], issuer: [], topic: [], validity: [], disclosure: [] };
  return JSON.stringify({ total: 1, page: 1, size: 20, entries: [entry], facets, columns: {} });
}

async function meet(ctx, fault, token, answer) {
  record(token, { state: 'pending' });
  const status = /^(\d{3})$/.exec(fault);
  if (status) {
    record(token, { state: 'failed' });
    ctx.status = Number(status[1]);
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ error: `fault ${fault}`, path: ctx.path });
    return;
  }
  const slow = /^slow(\d+)$/.exec(fault);
  if (slow || fault === 'never') {
    const gone = await waitOrGone(ctx, slow ? Number(slow[1]) : Infinity);
    if (gone) {
      record(token, { state: 'aborted' });
      ctx.status = 499; // nothing is sent (the client is gone), but the runner logs no 404
      ctx.respond = false;
      return;
    }
    const body = await answer();
    record(token, { state: 'answered', sent: Buffer.byteLength(body) });
    ctx.type = 'application/json';
    ctx.body = body;
    return;
  }
  switch (fault) {
    case 'malformed':
      record(token, { state: 'failed' });
      ctx.type = 'application/json';
      ctx.body = '{\n  "type": "policy",\n  "title": "缺逗号"\n  "schemaVersion": 1\n}';
      return;
    case 'html':
      record(token, { state: 'failed' });
      ctx.type = 'text/html; charset=utf-8';
      ctx.body =
        '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>系统维护中</title></head>\n<body><h1>系统维护中</h1><p>网站正在维护，请稍后访问。</p></body></html>\n';
      return;
    case 'reset': {
      const body = Buffer.from(await answer());
      ctx.respond = false;
      ctx.res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
      const half = body.subarray(0, Math.floor(body.length / 2));
      ctx.res.write(half, () => {
        record(token, { state: 'failed', sent: half.length });
        ctx.req.socket.destroy();
      });
      return;
    }
    case 'huge':
    case 'huge-declared': {
      const { sent, gone } = await streamHuge(ctx, token, HUGE_BYTES, fault === 'huge-declared');
      record(token, { state: gone ? 'aborted' : 'answered', sent });
      return;
    }
    default:
      ctx.status = 404;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ error: `unknown fault ${fault}` });
  }
}
