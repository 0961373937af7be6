// node --test test/server/: the reference search server (src/server/index.ts) under abuse, over real sockets —
// fuzzed query strings, huge sizes, 200 concurrent requests, memory over thousands of requests, a 1 MB query string
// and slow-loris clients. Bundled from the source with esbuild (this runs before the build). ZW_HARDENING=nightly
// runs bigger; ZW_FUZZ_SEED=<n> replays a failing fuzz run (fast-check prints the seed and path).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { directoryFixture } from './fixture.mjs';

const NIGHTLY = process.env.ZW_HARDENING === 'nightly';
const SEED = process.env.ZW_FUZZ_SEED ? Number(process.env.ZW_FUZZ_SEED) : undefined;
const RUNS = { fuzz: NIGHTLY ? 20_000 : 400, memory: NIGHTLY ? 20_000 : 2_000 };
const BASE = '/api/directory';

// A full collection between memory samples; without --expose-gc the flag is set now and gc fetched from a fresh context.
setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? runInNewContext('gc');

let api;
let server;
const logged = [];

before(async () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'zw-server-hardening-')), 'server.mjs');
  const entry = fileURLToPath(new URL('../../src/server/index.ts', import.meta.url));
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' });
  api = await import(pathToFileURL(outfile).href);
  server = api.createDirectoryServer({ document: directoryFixture(), basePath: BASE, log: (m) => logged.push(m) });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => server.close(resolve)));

const port = () => server.address().port;

/** GET over a fresh connection; `path` is sent as written (already escaped). */
function get(path, { timeout = 10_000, to = port() } = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: to, path, agent: false, timeout }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms for ${path.slice(0, 200)}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Raw bytes over a socket (what an HTTP client library refuses to send): the whole answer as text, or the error that ended it. */
function raw(bytes, { to = port(), timeout = 10_000 } = {}) {
  return new Promise((resolve) => {
    const socket = connect(to, '127.0.0.1');
    const chunks = [];
    const done = (error) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('utf8'), error });
    };
    const timer = setTimeout(() => done(new Error('timeout')), timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => done());
    socket.on('error', (error) => done(error));
    socket.write(bytes);
  });
}

/** Every answer must be JSON: 200 in the contract's shape, or 4xx with `{ error }`. Never 5xx. */
function assertWellFormed(res, what) {
  assert.ok(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} for ${what}`);
  assert.match(String(res.headers['content-type']), /^application\/json/, `content type for ${what}`);
  let body;
  assert.doesNotThrow(() => (body = JSON.parse(res.body)), `JSON for ${what}: ${res.body.slice(0, 200)}`);
  if (res.status !== 200) {
    assert.equal(typeof body.error, 'string', `error body for ${what}`);
    return body;
  }
  assert.ok(Number.isInteger(body.total) && body.total >= 0 && body.total <= 60, `total for ${what}`);
  assert.ok(Number.isInteger(body.page) && body.page >= 1, `page for ${what}`);
  assert.ok(Number.isInteger(body.size) && body.size >= 1 && body.size <= 100, `size for ${what}`);
  assert.ok(Array.isArray(body.entries) && body.entries.length <= body.size, `entries for ${what}`);
  assert.deepEqual(Object.keys(body.facets).sort(), ['disclosure', 'issuer', 'topic', 'validity', 'year'], `facets for ${what}`);
  assert.equal(typeof body.columns, 'object');
  return body;
}

/** Percent-escapes what is not printable ASCII; `#` too (it would end the URL). Stray `%` are kept as written. */
const escape = (s) => [...s].map((c) => (/[\x21-\x7e]/.test(c) && c !== '#' ? c : [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))).join('');

const CONTRACT = ['q', 'column', 'year', 'issuer', 'topic', 'validity', 'disclosure', 'hideInvalid', 'sort', 'order', 'page', 'size'];
const HOSTILE = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
const key = fc.oneof(fc.constantFrom(...CONTRACT), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.constantFrom('', 'zwd.q', 'q[]', 'q.x', 'Q', 'size '));
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.constantFrom(...HOSTILE),
  fc.constantFrom('%', '%%', '%zz', '%E4%B8', '%ED%A0%80', '%C0%AF', '%FF', '%00', '\u0000', '\uD800', '\u202E', '\uFEFF'),
  fc.constantFrom('1e9', '1e400', '-1', '-1e309', 'NaN', 'Infinity', '0x10', '0b11', '1_000', ' 5 ', '5.5', '-0', '9'.repeat(400), '[]', '{}', 'true'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('relevance', 'publishDate', 'title', 'asc', 'desc', 'effective', 'abolished', 'proactive', '2021', 'gz', '山东省商务厅', '商贸'),
  fc.string({ minLength: 200, maxLength: 3000, unit: 'grapheme-ascii' }),
);
/** A query string: pairs (keys repeated at will), sometimes a bare key or a stray `&`/`=`. */
const queryString = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => `${escape(k)}=${escape(v)}`) }, fc.constantFrom('', '=', '&', 'q', '=x', 'size=1&size=1e9')), {
    maxLength: 12,
  })
  .map((parts) => parts.join('&'));

const fuzzOptions = (numRuns) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

describe('reference directory server under abuse', () => {
  test(`fuzzed query strings (${RUNS.fuzz}): every answer is JSON, 200 in the contract's shape or 4xx with an error; never 5xx`, async () => {
    const statuses = new Map();
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const res = await get(`${BASE}?${query}`);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        assertWellFormed(res, `?${query.slice(0, 300)}`);
      }),
      fuzzOptions(RUNS.fuzz),
    );
    // both kinds were met, or the generator is off
    assert.ok(statuses.get(200) > 0 && statuses.get(400) > 0, JSON.stringify([...statuses]));
    assert.deepEqual(
      logged.filter((m) => !/skipped 2 of 62 entries/.test(m)),
      [],
      'nothing logged as an internal error',
    );
  });

  test('the values that look like attacks on JavaScript objects are plain values', async () => {
    for (const name of HOSTILE) {
      for (const param of ['column', 'issuer', 'topic', 'q', 'year', 'validity', 'disclosure']) {
        const res = await get(`${BASE}?${param}=${name}`);
        const body = assertWellFormed(res, `${param}=${name}`);
        if (res.status === 200 && param !== 'q') assert.equal(body.total, 0, `${param}=${name} matches nothing`);
      }
      const sorted = await get(`${BASE}?sort=${name}&order=${name}`);
      assert.equal(sorted.status, 400, `sort=${name}`);
      assert.deepEqual(
        JSON.parse(sorted.body).problems.map((p) => p.param),
        ['sort', 'order'],
      );
      assertWellFormed(await get(`${BASE}?${name}=1&${name}[x]=1`), `${name} as a key`);
    }
  });

  test('a huge size is clamped, and the answer says so', async () => {
    const huge = assertWellFormed(await get(`${BASE}?size=1e9&page=-1`), 'size=1e9');
    assert.equal(huge.size, 100);
    assert.equal(huge.page, 1);
    assert.equal(huge.entries.length, 60);
    assert.deepEqual(huge.problems, [
      { param: 'page', value: '-1', kind: 'clamped' },
      { param: 'size', value: '1e9', kind: 'clamped' },
    ]);
    const tiny = assertWellFormed(await get(`${BASE}?size=-1`), 'size=-1');
    assert.equal(tiny.size, 1);
    assert.equal(tiny.entries.length, 1);
    assert.deepEqual(tiny.problems, [{ param: 'size', value: '-1', kind: 'clamped' }]);
    const long = assertWellFormed(await get(`${BASE}?q=${'%E6%94%BF'.repeat(1000)}`), 'a 1,000-character q');
    assert.deepEqual(
      long.problems.map((p) => `${p.param} ${p.kind}`),
      ['q clamped'],
    );
    // an answer taken as asked says nothing more
    assert.equal('problems' in assertWellFormed(await get(`${BASE}?size=10`), 'size=10'), false);
    assert.equal((await get(`${BASE}?page=NaN`)).status, 400);
  });

  test('200 concurrent requests are all answered correctly', async () => {
    const expected = new Map();
    const queries = Array.from(
      { length: 200 },
      (_, i) => `q=${encodeURIComponent(['政务', '营商环境', '财政', '', '鲁商字〔2021〕'][i % 5])}&size=${(i % 25) + 1}&page=${(i % 3) + 1}`,
    );
    for (const q of new Set(queries)) expected.set(q, JSON.parse((await get(`${BASE}?${q}`)).body));
    const start = performance.now();
    const answers = await Promise.all(queries.map((q) => get(`${BASE}?${q}`)));
    const ms = performance.now() - start;
    answers.forEach((res, i) => {
      assert.equal(res.status, 200);
      assert.deepEqual(JSON.parse(res.body), expected.get(queries[i]), queries[i]);
    });
    console.log(`# 200 concurrent requests answered in ${ms.toFixed(0)} ms`);
    assert.ok(ms < 10_000, `${ms} ms`);
  });

  test(`memory stays bounded over ${RUNS.memory} fuzzed requests`, async () => {
    const samples = fc.sample(queryString, { numRuns: RUNS.memory, ...(SEED !== undefined ? { seed: SEED } : {}) });
    const round = async (list) => {
      for (let i = 0; i < list.length; i += 20) await Promise.all(list.slice(i, i + 20).map((q) => get(`${BASE}?${q}`)));
    };
    const measure = () => {
      gc();
      const { rss, heapUsed, external } = process.memoryUsage();
      return { rss, held: heapUsed + external };
    };
    await round(samples.slice(0, 200)); // warm up: code compiled, caches filled
    const before = measure();
    const rounds = [];
    for (let i = 0; i < 4; i++) {
      await round(samples.slice((i * samples.length) / 4, ((i + 1) * samples.length) / 4));
      rounds.push(measure());
    }
    const mb = (n) => (n / 1048576).toFixed(1);
    console.log(
      `# memory over ${samples.length} requests, after each quarter: rss ${[before, ...rounds].map((m) => mb(m.rss)).join(' → ')} MB; heap + external ${[before, ...rounds].map((m) => mb(m.held)).join(' → ')} MB`,
    );
    // what the program holds (the leak signal) stays flat; the process's RSS (allocator arenas, socket buffers) stays in bounds
    const last = rounds[rounds.length - 1];
    assert.ok(last.held - before.held < 10 * 1048576, `heap + external grew ${mb(last.held - before.held)} MB`);
    assert.ok(last.rss - before.rss < (NIGHTLY ? 100 : 50) * 1048576, `rss grew ${mb(last.rss - before.rss)} MB`);
  });

  test('a 1 MB query string is refused with a JSON 431 and does not stall the others', async () => {
    const huge = raw(`GET ${BASE}?q=${'a'.repeat(1024 * 1024)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const others = Promise.all(Array.from({ length: 20 }, (_, i) => get(`${BASE}?size=${i + 1}`, { timeout: 3000 })));
    const [refused, answered] = await Promise.all([huge, others]);
    assert.ok(answered.every((r) => r.status === 200));
    // the refusal is read unless the socket was reset while the client was still writing the rest of the megabyte
    if (refused.text) {
      assert.match(refused.text, /^HTTP\/1\.1 431 /);
      assert.deepEqual(JSON.parse(refused.text.slice(refused.text.indexOf('\r\n\r\n') + 4)), { error: 'request-too-large' });
    } else assert.match(String(refused.error?.code), /ECONNRESET|EPIPE/);
    // a request line that is not HTTP gets the JSON 400
    const junk = await raw('\x16\x03\x01 not http\r\n\r\n');
    assert.match(junk.text, /^HTTP\/1\.1 400 /);
    assert.deepEqual(JSON.parse(junk.text.slice(junk.text.indexOf('\r\n\r\n') + 4)), { error: 'bad-request' });
  });

  test('slow-loris clients (half a request, then silence) do not stall the others, and are dropped', async () => {
    const stuck = Array.from({ length: 50 }, () => {
      const socket = connect(port(), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(`GET ${BASE}?q=x HTTP/1.1\r\nHost: x\r\nX-Slow: `);
      return socket;
    });
    try {
      const start = performance.now();
      const answered = await Promise.all(Array.from({ length: 50 }, (_, i) => get(`${BASE}?page=${(i % 3) + 1}`, { timeout: 3000 })));
      assert.ok(answered.every((r) => r.status === 200));
      console.log(`# 50 requests beside 50 slow-loris sockets answered in ${(performance.now() - start).toFixed(0)} ms`);
      assert.equal(server.headersTimeout, 10_000, 'the server drops a client that never finishes its headers');
    } finally {
      for (const socket of stuck) socket.destroy();
    }
    // and they are dropped: a server with a short headers timeout (the default is 10 s) closes them with a JSON 408
    const quick = api.createDirectoryServer({ document: directoryFixture(5), log: () => {} }, { headersTimeout: 300, requestTimeout: 600, connectionsCheckingInterval: 100 });
    await new Promise((resolve) => quick.listen(0, '127.0.0.1', resolve));
    try {
      const start = performance.now();
      const dropped = await raw(`GET /?q=x HTTP/1.1\r\nHost: x\r\nX-Slow: `, { to: quick.address().port, timeout: 5000 });
      assert.notEqual(dropped.error?.message, 'timeout', 'the slow client was never dropped');
      assert.match(dropped.text, /^HTTP\/1\.1 408 /);
      assert.ok(performance.now() - start < 3000);
    } finally {
      await new Promise((resolve) => quick.close(resolve));
    }
  });
});
