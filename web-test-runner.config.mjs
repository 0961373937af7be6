import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './scripts/find-chromium.mjs';
import { directoryFixture } from './test/server/fixture.mjs';
import { faultRoutes } from './test/hardening/fault-routes.mjs';

/**
 * The hardening suites' size (test/hardening): a CI run by default, the nightly size with ZW_HARDENING=nightly.
 * ZW_FUZZ_SEED=<n> replays a failing fuzz run, ZW_FUZZ_ONLY=<tag> fuzzes one element. The tests read it from /__zw/hardening.
 */
const hardening = {
  nightly: process.env.ZW_HARDENING === 'nightly',
  seed: process.env.ZW_FUZZ_SEED ? Number(process.env.ZW_FUZZ_SEED) : null,
  only: process.env.ZW_FUZZ_ONLY || null,
};
function hardeningRoute() {
  return async (ctx, next) => {
    if (ctx.path !== '/__zw/hardening') return next();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(hardening);
  };
}

/**
 * Test-only HTTP routes on the test runner's own server: real status codes,
 * real delays and real malformed bodies for the `src` tests (no fetch mocks).
 *   /__zw/status/<code>        → that status with a JSON body
 *   /__zw/delay/<ms>/<path>    → the file at /<path>, after <ms> milliseconds
 *   /__zw/malformed            → 200 with broken JSON
 */
function testRoutes() {
  return async (ctx, next) => {
    const status = /^\/__zw\/status\/(\d{3})$/.exec(ctx.path);
    if (status) {
      ctx.status = Number(status[1]);
      ctx.type = 'application/json';
      ctx.body = '{"error":"test"}';
      return;
    }
    const delay = /^\/__zw\/delay\/(\d+)(\/.*)$/.exec(ctx.path);
    if (delay) {
      await new Promise((resolve) => setTimeout(resolve, Number(delay[1])));
      ctx.path = delay[2];
      return next();
    }
    if (ctx.path === '/__zw/malformed') {
      ctx.type = 'application/json';
      ctx.body = '{\n  "type": "policy",\n  "title": "缺逗号"\n  "schemaVersion": 1\n}';
      return;
    }
    return next();
  };
}

/**
 * The directory's reference search server (src/server/index.ts), the real one over HTTP, for the remote-mode tests.
 * Node 20 cannot import .ts: it is bundled with esbuild on the first request (not at config load, so a file
 * mid-edit elsewhere never stops the other tests), into a temp .mjs.
 *   /__zw/directory?…                    the handler over test/server/fixture.mjs
 *   /__zw/directory-slow/<ms>?token=T&…  the same after <ms>, unless the client went away first
 *   /__zw/directory-seen/<T>             what the slow route saw for token T: { state: pending | aborted | answered, requests }
 *   /__zw/directory-fail                 500 with a JSON body
 *   /__zw/directory-broken/<kind>        200 that is not the contract: json (syntax), shape (total is text), entries (two bad entries)
 */
let directoryHandler;
const seen = new Map();
function directoryRoutes() {
  const handler = () =>
    (directoryHandler ??= (async () => {
      const { build } = await import('esbuild');
      const outfile = join(mkdtempSync(join(tmpdir(), 'zw-server-')), 'server.mjs');
      await build({ entryPoints: [fileURLToPath(new URL('./src/server/index.ts', import.meta.url))], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
      const { createDirectoryHandler } = await import(pathToFileURL(outfile).href);
      return createDirectoryHandler({ document: directoryFixture(), log: () => {} });
    })().catch((error) => {
      directoryHandler = undefined; // a file mid-edit: try again on the next request
      throw error;
    }));
  const json = (ctx, status, body) => {
    ctx.status = status;
    ctx.type = 'application/json';
    ctx.body = typeof body === 'string' ? body : JSON.stringify(body);
  };
  const serve = async (ctx) => {
    const answer = await handler();
    ctx.respond = false;
    answer(ctx.req, ctx.res);
  };
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/__zw/directory')) return next();
    if (ctx.path === '/__zw/directory') return serve(ctx);
    const slow = /^\/__zw\/directory-slow\/(\d+)$/.exec(ctx.path);
    if (slow) {
      const token = ctx.query.token;
      const requests = (seen.get(token)?.requests ?? 0) + 1;
      const mark = (state) => seen.set(token, { state, requests });
      mark('pending');
      const closed = new Promise((resolve) => ctx.res.on('close', () => resolve(true)));
      const gone = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve(false), Number(slow[1])))]);
      if (gone) {
        mark('aborted');
        ctx.status = 499; // nginx's "client closed request": nothing is sent, but the runner does not log a 404
        ctx.respond = false;
        return;
      }
      mark('answered');
      return serve(ctx);
    }
    const seenToken = /^\/__zw\/directory-seen\/(.+)$/.exec(ctx.path);
    if (seenToken) return json(ctx, 200, seen.get(decodeURIComponent(seenToken[1])) ?? { state: 'unknown', requests: 0 });
    if (ctx.path === '/__zw/directory-fail') return json(ctx, 500, { error: 'internal-error' });
    const broken = /^\/__zw\/directory-broken\/(\w+)$/.exec(ctx.path);
    if (broken?.[1] === 'json') return json(ctx, 200, '{ "total": 1, "entries": [ }');
    if (broken?.[1] === 'shape') return json(ctx, 200, { total: 'many', entries: {} });
    if (broken?.[1] === 'entries') {
      const good = (i) => ({ title: `文件${i}`, issuer: { name: '某厅' }, publishDate: '2024-01-01', columns: ['gz'] });
      const entries = [good(0), { title: '缺发布机构', publishDate: '2024-01-01', columns: ['gz'] }, good(2), { ...good(3), url: 'javascript:alert(1)' }];
      return json(ctx, 200, { total: 4, page: 1, size: 20, entries, facets: { year: [{ value: '2024', count: 4 }], issuer: 'x' }, columns: { gz: 4, bad: -1 } });
    }
    return json(ctx, 404, { error: 'not-found' });
  };
}

export default {
  files: ['src/**/*.test.ts', 'src/**/*.test.html', 'demo/**/*.test.ts', 'test/hardening/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  // The nightly hardening size runs for many minutes per file.
  testsFinishTimeout: hardening.nightly ? 4 * 60 * 60 * 1000 : 120_000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [hardeningRoute(), testRoutes(), faultRoutes(), directoryRoutes()],
  // The elements' own structured warnings are asserted in tests; keep the log readable.
  filterBrowserLogs: ({ args }) => !/^\[zhengwu-elements\]|Lit is in dev mode/.test(String(args[0])),
  plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      },
    }),
  ],
};
