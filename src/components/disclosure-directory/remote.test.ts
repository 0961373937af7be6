import { expect } from '@open-wc/testing';
import { issueMessage } from '../../schema/messages.js';
import { MAX_SIZE } from '../../core/directory/contract.js';
import { RemoteSearch, RemoteSearchError, isAbortError, type RemoteResult } from './remote.js';

// The real reference server (src/server/index.ts) over HTTP: see directoryRoutes() in web-test-runner.config.mjs.
const FIXTURE_TOTAL = 60; // test/server/fixture.mjs: 60 good entries (+2 bad ones the server skips)

let tokens = 0;
const token = () => `t${Date.now()}-${++tokens}`;
/** What the slow route saw for a token: its last request's state and how many requests came. */
const seenBy = async (key: string) => (await (await fetch(`/__zw/directory-seen/${encodeURIComponent(key)}`)).json()) as { state: string; requests: number };
const seen = async (key: string) => (await seenBy(key)).state;
async function untilSeen(key: string, state: string, timeout = 5000) {
  const start = performance.now();
  for (;;) {
    const now = await seen(key);
    if (now === state) return;
    if (performance.now() - start > timeout) throw new Error(`server saw ${now} for ${key}, expected ${state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** The rejection of a promise (fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the search to fail');
}

describe('RemoteSearch (against the reference server)', () => {
  it('pages through the results', async () => {
    const remote = new RemoteSearch('/__zw/directory');
    const first = await remote.search({ size: 25 }, { immediate: true });
    const third = await remote.search({ size: 25, page: 3 }, { immediate: true });
    expect(first).to.include({ total: FIXTURE_TOTAL, page: 1, size: 25 });
    expect(first.entries).to.have.length(25);
    expect(third).to.include({ total: FIXTURE_TOTAL, page: 3, size: 25 });
    expect(third.entries).to.have.length(10);
    const ids = new Set([...first.entries, ...third.entries].map((e) => e.id));
    expect(ids.size).to.equal(35);
    expect(first.issues).to.deep.equal([]);
    // newest 发布日期 first without a query
    const dates = first.entries.map((e) => e.publishDate);
    expect([...dates].sort().reverse()).to.deep.equal(dates);
  });

  it('counts each filter value with the other filters kept, and narrows by the chosen one', async () => {
    const remote = new RemoteSearch('/__zw/directory', { debounce: 0 });
    const all = await remote.search({});
    const issuers = all.facets.issuer;
    expect(issuers.map((f) => f.value)).to.have.members(['山东省商务厅', '济南市人民政府办公厅', '山东省财政厅']);
    expect(issuers.reduce((sum, f) => sum + f.count, 0)).to.equal(FIXTURE_TOTAL);
    const chosen = issuers[0];
    const narrowed = await remote.search({ issuer: chosen.value, hideInvalid: true });
    expect(narrowed.entries.every((e) => e.issuer.name === chosen.value && e.validity !== 'abolished' && e.validity !== 'expired')).to.equal(true);
    // the issuer facet still offers every issuer (its own filter left out), the validity facet only valid values
    expect(narrowed.facets.issuer.map((f) => f.value)).to.have.members(issuers.map((f) => f.value));
    expect(narrowed.total).to.equal(narrowed.facets.issuer.find((f) => f.value === chosen.value)!.count);
    expect(narrowed.facets.validity.map((f) => f.value)).not.to.include.members(['abolished']);
    expect(narrowed.columns).to.be.an('object');
  });

  it('finds 发文字号 written with other brackets', async () => {
    const remote = new RemoteSearch('/__zw/directory', { debounce: 0 });
    const result = await remote.search({ q: '鲁商字[2021]11号' });
    expect(result.entries.map((e) => e.docNo)).to.include('鲁商字〔2021〕11号');
  });

  it('sends only the contract: a hostile query is normalised before it leaves', async () => {
    const remote = new RemoteSearch('/__zw/directory?tenant=a&size=7', { debounce: 0 });
    const url = new URL(remote.requestUrl({ size: 1e9, page: -2, sort: 'evil' as never, q: '<img src=x onerror=alert(1)>' }));
    expect(url.searchParams.get('tenant')).to.equal('a');
    expect(url.searchParams.get('size')).to.equal(String(MAX_SIZE));
    expect(url.searchParams.get('page')).to.equal('1');
    expect(url.searchParams.has('sort')).to.equal(false);
    const result = await remote.search({ size: 1e9, sort: 'evil' as never, q: '<img src=x onerror=alert(1)>' });
    expect(result).to.include({ total: 0, size: MAX_SIZE });
  });

  it('debounces typing: only the last of quick calls reaches the server, the others reject with AbortError', async () => {
    const t = token();
    const remote = new RemoteSearch(`/__zw/directory-slow/0?token=${t}`, { debounce: 100 });
    const calls = [remote.search({ q: '政' }), remote.search({ q: '政务' }), remote.search({ q: '政务公开' })];
    const [a, b] = await Promise.all([rejection(calls[0]), rejection(calls[1])]);
    expect(isAbortError(a) && isAbortError(b)).to.equal(true);
    const last = await calls[2];
    expect(last.total).to.be.greaterThan(0);
    expect(last.entries.every((e) => `${e.title}${e.summary}${(e.keywords ?? []).join('')}`.includes('政务公开'))).to.equal(true);
    // one request only: the other two never went out
    expect(await seenBy(t)).to.deep.equal({ state: 'answered', requests: 1 });
  });

  it('aborts a slow request a newer search supersedes: the server sees the connection close', async () => {
    const t = token();
    const remote = new RemoteSearch(`/__zw/directory-slow/800?token=${t}`, { debounce: 0 });
    const first = remote.search({ page: 1, size: 5 });
    await untilSeen(t, 'pending');
    const second = remote.search({ page: 2, size: 5 });
    expect(isAbortError(await rejection(first))).to.equal(true);
    await untilSeen(t, 'aborted');
    // the slow route's state is per token: the second request registers as pending again, then is answered
    const result: RemoteResult = await second;
    expect(result).to.include({ page: 2, size: 5, total: FIXTURE_TOTAL });
    expect(await seenBy(t)).to.deep.equal({ state: 'answered', requests: 2 });
  });

  it('cancel() drops the pending search', async () => {
    const t = token();
    const remote = new RemoteSearch(`/__zw/directory-slow/2000?token=${t}`, { debounce: 0 });
    const pending = remote.search({});
    await untilSeen(t, 'pending');
    remote.cancel();
    expect(isAbortError(await rejection(pending))).to.equal(true);
    await untilSeen(t, 'aborted');
  });

  it('a server error fails with fetch-status, localisable', async () => {
    const remote = new RemoteSearch('/__zw/directory-fail', { debounce: 0 });
    const error = await rejection(remote.search({ q: 'x' }));
    expect(error).to.be.instanceOf(RemoteSearchError);
    const [found] = (error as RemoteSearchError).issues;
    expect(found).to.deep.include({ code: 'fetch-status', severity: 'error' });
    expect(found.params).to.include({ status: 500 });
    expect(issueMessage(found)).to.contain('500');
  });

  it('a request slower than the timeout fails with fetch-timeout, and the server sees it go', async () => {
    const t = token();
    const remote = new RemoteSearch(`/__zw/directory-slow/3000?token=${t}`, { debounce: 0, timeout: 300 });
    const error = (await rejection(remote.search({}))) as RemoteSearchError;
    expect(error.issues.map((i) => i.code)).to.deep.equal(['fetch-timeout']);
    expect(error.issues[0].params).to.include({ seconds: 0.3 });
    await untilSeen(t, 'aborted');
  });

  it('an answer that is not JSON fails with json-syntax', async () => {
    const error = (await rejection(new RemoteSearch('/__zw/directory-broken/json', { debounce: 0 }).search({}))) as RemoteSearchError;
    expect(error.issues.map((i) => i.code)).to.deep.equal(['json-syntax']);
    expect(error.issues[0].params).to.have.property('line', 1);
  });

  it('an answer that is not the contract fails, saying which part', async () => {
    const error = (await rejection(new RemoteSearch('/__zw/directory-broken/shape', { debounce: 0 }).search({}))) as RemoteSearchError;
    expect(error.issues.map((i) => `${i.path} ${i.code}`)).to.deep.equal(['/total wrong-type', '/entries wrong-type']);
    expect(issueMessage(error.issues[0])).to.contain('many');
  });

  it('bad entries in an answer are dropped and reported; the rest is shown', async () => {
    const result = await new RemoteSearch('/__zw/directory-broken/entries', { debounce: 0 }).search({});
    expect(result.entries.map((e) => e.title)).to.deep.equal(['文件0', '文件2']);
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => i.path);
    expect(errors.some((p) => p.startsWith('/entries/1'))).to.equal(true);
    expect(errors.some((p) => p.startsWith('/entries/3'))).to.equal(true);
    const warnings = result.issues.filter((i) => i.severity === 'warning').map((i) => `${i.path} ${i.code}`);
    expect(warnings).to.deep.equal(['/facets/issuer wrong-type', '/columns/bad wrong-type']);
    expect(result.facets.year).to.deep.equal([{ value: '2024', count: 4 }]);
    expect(result.columns).to.deep.equal({ gz: 4 });
  });
});
