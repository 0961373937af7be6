import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { findChromium } from './scripts/find-chromium.mjs';

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

export default {
  files: ['src/**/*.test.ts', 'src/**/*.test.html'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [testRoutes()],
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
