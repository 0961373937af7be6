// node --test test/server/: the reference search server (src/server/index.ts) over real HTTP.
// Node 20 cannot import .ts: the server is bundled with esbuild in before(), as the package ships it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { directoryFixture } from './fixture.mjs';

const dir = mkdtempSync(join(tmpdir(), 'zw-server-test-'));
const bundle = join(dir, 'server.mjs');
let api;
let server;
let base;
let logged = [];

/** GET (or another method) over a raw socket: `path` is sent as written, malformed escapes included. */
function get(path, { method = 'GET', headers = {}, port = server.address().port } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body, json: () => JSON.parse(body) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  await build({
    entryPoints: [fileURLToPath(new URL('../../src/server/index.ts', import.meta.url))],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
  });
  api = await import(pathToFileURL(bundle).href);
  server = api.createDirectoryServer({ document: directoryFixture(), basePath: '/api/directory', cors: true, log: (m) => logged.push(m) });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = '/api/directory';
});
after(() => new Promise((resolve) => server.close(resolve)));

describe('reference directory server', () => {
  test('answers the contract, skipping the bad entries and logging them once', async () => {
    const res = await get(`${base}?size=10`);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^application\/json/);
    assert.match(res.headers['cache-control'], /max-age=60/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const result = res.json();
    assert.deepEqual(Object.keys(result).sort(), ['columns', 'entries', 'facets', 'page', 'size', 'total']);
    assert.equal(result.total, 60);
    assert.equal(result.entries.length, 10);
    assert.deepEqual(Object.keys(result.facets).sort(), ['disclosure', 'issuer', 'topic', 'validity', 'year']);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /skipped 2 of 62 entries/);
    assert.match(logged[0], /\/entries\/5/);
    assert.match(logged[0], /\/entries\/17\/url unsafe-url/);
  });

  test('clamps huge and tiny numbers instead of refusing them', async () => {
    const result = (await get(`${base}?size=100000000&page=0`)).json();
    assert.equal(result.size, 100);
    assert.equal(result.page, 1);
    assert.equal(result.entries.length, 60);
    // page 1e400 is read as the largest page; the catalogue then answers its last page
    const far = (await get(`${base}?page=1e400`)).json();
    assert.ok(far.page >= 1 && far.page <= Math.ceil(far.total / far.size), `page ${far.page}`);
  });

  test('400 with the problems for values the contract does not have', async () => {
    const res = await get(`${base}?sort=random&page=abc&q=ok`);
    assert.equal(res.status, 400);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(res.json(), {
      error: 'bad-request',
      problems: [
        { param: 'sort', value: 'random', kind: 'dropped' },
        { param: 'page', value: 'abc', kind: 'dropped' },
      ],
    });
  });

  test('405 for methods other than GET/HEAD, 204 for a CORS preflight, 404 outside the base path', async () => {
    const post = await get(base, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    assert.deepEqual(post.json(), { error: 'method-not-allowed' });
    assert.equal((await get(base, { method: 'DELETE' })).status, 405);
    const preflight = await get(base, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD');
    assert.equal((await get('/elsewhere?q=1')).status, 404);
    assert.equal((await get(`${base}/?q=x`)).status, 200);
  });

  test('HEAD has the headers and no body; a matching If-None-Match gets 304', async () => {
    const head = await get(`${base}?q=${encodeURIComponent('政务公开')}`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
    const etag = head.headers.etag;
    assert.match(etag, /^W\/"/);
    const again = await get(`${base}?q=${encodeURIComponent('政务公开')}`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const other = await get(`${base}?q=${encodeURIComponent('营商')}`, { headers: { 'If-None-Match': etag } });
    assert.equal(other.status, 200);
  });

  test('column, filters and sort over HTTP agree with the facet counts', async () => {
    const all = (await get(`${base}?size=100`)).json();
    for (const { value, count } of all.facets.year) {
      const year = (await get(`${base}?year=${value}&size=100`)).json();
      assert.equal(year.total, count, `year ${value}`);
      assert.ok(year.entries.every((e) => e.publishDate.startsWith(value)));
    }
    const titles = (await get(`${base}?sort=title&order=desc&size=100`)).json().entries.map((e) => e.title);
    assert.equal(titles.length, 60);
  });

  test('fuzzed query strings never crash it or answer 5xx', async () => {
    const raw = (s) => [...s].map((c) => (/[\x21-\x7e]/.test(c) && c !== '#' ? c : [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))).join('');
    const key = fc.constantFrom('q', 'column', 'year', 'issuer', 'topic', 'validity', 'disclosure', 'hideInvalid', 'sort', 'order', 'page', 'size', 'x', '');
    const value = fc.oneof(
      fc.string({ maxLength: 60, unit: 'binary' }),
      fc.constantFrom('%', '%zz', '%E4%B8', '1e309', '-1e309', 'NaN', '9'.repeat(400), '__proto__', 'constructor', '0x10', '[]', '{}', '\u0000', '%00'),
      fc.integer().map(String),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 8 }), async (pairs) => {
        const query = pairs.map(([k, v]) => `${raw(k)}=${raw(v)}`).join('&');
        const res = await get(`${base}?${query}`);
        assert.ok(res.status === 200 || res.status === 400, `${res.status} for ?${query}`);
        const body = res.json();
        if (res.status === 200) assert.ok(body.size >= 1 && body.size <= 100 && body.entries.length <= body.size);
      }),
      { numRuns: 300 },
    );
    // a query string far longer than any search box (13.5 KB: under Node's 16 KB header limit, beyond which Node itself answers 431)
    assert.equal((await get(`${base}?q=${'%E5%AD%97'.repeat(1500)}`)).status, 200);
  });

  test('200 concurrent requests are all answered', async () => {
    const words = ['政务', '营商环境', '鲁商字〔2021〕', '2020-000', '财政', '通知', ''];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => get(`${base}?q=${encodeURIComponent(words[i % words.length])}&page=${(i % 3) + 1}&size=${(i % 20) + 1}`)),
    );
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200]);
    assert.ok(results.every((r) => Array.isArray(r.json().entries)));
  });

  test('refuses a document that is not a directory at creation, not per request', () => {
    assert.throws(() => api.createDirectoryHandler({ document: { type: 'policy' } }), /not a usable directory document/);
    assert.throws(() => api.createDirectoryHandler({}), /give `document` or `file`/);
  });

  test('reads a file, and runs from the command line', async () => {
    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(directoryFixture(30)));
    const handler = api.createDirectoryHandler({ file, log: () => {} });
    assert.equal(handler.size, 30);
    assert.equal(handler.skipped.length, 2);
    const child = spawn(process.execPath, [bundle, file, '--port', '8453', '--base', '/search'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => String(chunk).includes('directory search') && resolve());
        child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const res = await get('/search?size=5', { port: 8453 });
      assert.equal(res.status, 200);
      assert.equal(res.json().total, 30);
    } finally {
      child.kill();
    }
  });
});
