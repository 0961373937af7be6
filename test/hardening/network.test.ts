// Network faults against real local HTTP (test/hardening/fault-routes.mjs on the test runner's server; no fetch mocks):
// every element's `src`, and the directory's remote mode. Pass: the right localised error in both forms (public: a short
// polite notice with no address or code; preview: the detailed issue), `zw-error` with the code, never a stale render,
// and a 重试 that works.
import { expect, fixture, html } from '@open-wc/testing';
import { $, text, until } from '../../src/test-support/helpers.js';
import type { ZwElement } from '../../src/base/zw-element.js';
import type { LocalizedIssue } from '../../src/schema/issues.js';
import { MAX_DOCUMENT_BYTES } from '../../src/base/data-loader.js';
import { MAX_ANSWER_BYTES } from '../../src/components/disclosure-directory/remote.js';
import '../../src/components/policy-card/policy-card.js';
import '../../src/components/interpretation/interpretation.js';
import '../../src/components/infographic/infographic.js';
import '../../src/components/policy-compare/policy-compare.js';
import '../../src/components/disclosure-directory/disclosure-directory.js';
import '../../src/components/reader/reader.js';
import { seededRandom } from '../../src/test-support/random.js';

type Element = ZwElement<never> & HTMLElement;
interface Seen {
  state: 'unknown' | 'pending' | 'aborted' | 'answered' | 'failed';
  requests: number;
  sent: number;
}

/** Sent by the `huge` faults (fault-routes.mjs HUGE_BYTES): more than either limit. */
const HUGE_BYTES = 256 * 1024 * 1024;

const config = (await (await fetch('/__zw/hardening')).json()) as { nightly: boolean; seed: number | null };

/** Every element with a `src`, and a document of its kind to answer with once the fault has passed. */
const ELEMENTS = [
  { tag: 'zw-policy-card', doc: '/demo/data/policy-000-shandong-commerce-2019.json' },
  { tag: 'zw-interpretation', doc: '/demo/data/interpretation-000-shandong-commerce-2019.json' },
  { tag: 'zw-infographic', doc: '/demo/data/infographic-002-anhui-2017.json' },
  { tag: 'zw-policy-compare', doc: '/demo/data/comparison-000-shandong-commerce.json' },
  { tag: 'zw-disclosure-directory', doc: '/demo/data/directory-seeds.json' },
  { tag: 'zw-reader', doc: '/demo/data/reader-000-shandong-2019.json' },
];

interface Fault {
  code: string;
  /** Whether the public notice offers 重试 (the failure happened on the way in, so trying again may help). */
  retry: boolean;
  /** What the preview's detailed issue must say, besides the address. */
  says: RegExp;
  /** The preview names the address. */
  names: boolean;
}
const FAULTS: Record<string, Fault> = {
  never: { code: 'fetch-timeout', retry: true, says: /获取数据超时（0\.4 秒）/, names: true },
  '404': { code: 'fetch-status', retry: true, says: /服务器返回 404/, names: true },
  '500': { code: 'fetch-status', retry: true, says: /服务器返回 500/, names: true },
  malformed: { code: 'json-syntax', retry: true, says: /JSON 格式错误（第 3 行，第 17 列）：这一行末尾缺少逗号/, names: false },
  html: { code: 'json-syntax', retry: true, says: /服务器返回的是网页（HTML），不是 JSON 数据/, names: true },
  reset: { code: 'fetch-failed', retry: true, says: /网络错误/, names: true },
  huge: { code: 'fetch-too-large', retry: false, says: /获取的数据过大（已收到 \d+\.\d MB，上限 64\.0 MB），已停止下载/, names: true },
};

/** A small seeded generator: a failing storm replays with ZW_FUZZ_SEED=<the printed seed>. */

let tokens = 0;
const token = () => `n${Date.now().toString(36)}-${++tokens}`;
const seen = async (key: string) => (await (await fetch(`/__zw/fault/seen/${encodeURIComponent(key)}`)).json()) as Seen;
/** Waits until the fault server's record for `key` passes `test` (what the server did, not what the browser saw). */
async function untilSeen(key: string, test: (s: Seen) => boolean, what: string, timeout = 8000): Promise<Seen> {
  const start = performance.now();
  for (;;) {
    const now = await seen(key);
    if (test(now)) return now;
    if (performance.now() - start > timeout) throw new Error(`the server's record of ${key} is ${JSON.stringify(now)}: expected ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element's own outcome events (a nested card's bubble through the host, retargeted: told apart by composedPath). */
function outcomes(el: HTMLElement) {
  const log = { load: [] as Event[], error: [] as LocalizedIssue[][], empty: 0 };
  const own = (e: Event) => e.composedPath()[0] === el;
  el.addEventListener('zw-load', (e) => own(e) && log.load.push(e));
  el.addEventListener('zw-error', (e) => own(e) && log.error.push((e as CustomEvent<{ errors: LocalizedIssue[] }>).detail.errors));
  el.addEventListener('zw-empty', (e) => own(e) && log.empty++);
  return log;
}

/** Elements of `tag` in one wrapper, each with its attributes, their events logged from before they connect. */
async function mount(tag: string, configs: Record<string, string>[]) {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
  return configs.map((attrs) => {
    const el = document.createElement(tag) as Element;
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    if (tag === 'zw-disclosure-directory') el.setAttribute('url-state', 'off');
    const log = outcomes(el);
    wrapper.append(el);
    return { el, log };
  });
}

const untilOutcome = (log: ReturnType<typeof outcomes>, kind: 'load' | 'error', what: string, timeout = 10000) =>
  until(() => (kind === 'load' ? log.load.length : log.error.length) > 0, what, timeout);

/** The public notice: what a reader can act on, nothing that reads like a fault report. */
function expectPublicNotice(el: Element, retry: boolean, url: string) {
  const notice = $(el, '.zw-notice[part=error]');
  expect(notice, 'the public notice').to.exist;
  expect(text(notice)).to.equal(retry ? '本栏内容暂时无法显示，请稍后再试。 重试' : '本栏内容暂时无法显示。');
  const all = text(el);
  for (const leak of [url, '/__zw', 'JSON', 'HTML', 'MB', '404', '500', 'http']) expect(all, `the public text leaks ${leak}`).not.to.contain(leak);
  expect(el.shadowRoot!.querySelector('[part=retry]') !== null).to.equal(retry);
}

describe('network faults: src on every element', function () {
  this.timeout(config.nightly ? 120000 : 30000);

  for (const { tag, doc } of ELEMENTS) {
    describe(`<${tag} src>`, () => {
      for (const [fault, expected] of Object.entries(FAULTS)) {
        it(`${fault}: ${expected.code}, public notice${expected.retry ? ' with a 重试 that works' : ''}, detailed issue in preview`, async () => {
          const [publicToken, previewToken] = [token(), token()];
          const url = (t: string) => `/__zw/fault/${fault}/${t}?ok=${encodeURIComponent(doc)}`;
          const timeout = fault === 'never' ? '400' : '10000';
          const [pub, staff] = await mount(tag, [
            { src: url(publicToken), timeout },
            { src: url(previewToken), timeout, preview: '' },
          ]);
          await Promise.all([untilOutcome(pub.log, 'error', `zw-error from the public ${tag}`), untilOutcome(staff.log, 'error', `zw-error from the preview ${tag}`)]);
          for (const { el, log } of [pub, staff]) {
            expect(el.state).to.equal('error');
            expect(log.load).to.have.length(0);
            expect(log.error).to.have.length(1);
            expect(log.error[0].map((i) => i.code)).to.deep.equal([expected.code]);
          }
          const [issue] = staff.log.error[0];
          expect(issue.message).to.match(expected.says);
          if (expected.names) expect(issue.message).to.contain(url(previewToken));
          if (fault === '404' || fault === '500') expect(issue.params).to.include({ status: Number(fault) });
          if (fault === 'huge') expect(issue.params).to.include({ limit: MAX_DOCUMENT_BYTES }).and.to.have.property('size').above(MAX_DOCUMENT_BYTES);

          // preview: the detailed issue in the element
          await staff.el.updateComplete;
          const list = $(staff.el, '.zw-error[part=error]');
          expect(list, 'the preview issue list').to.exist;
          expect(text(list)).to.contain(issue.message);
          expect(staff.el.shadowRoot!.querySelector('[part=retry]')).to.equal(null);

          await pub.el.updateComplete;
          expectPublicNotice(pub.el, expected.retry, url(publicToken));

          if (fault === 'huge') {
            // refused while streaming: the connection closed long before the whole body was sent
            for (const t of [publicToken, previewToken]) {
              const record = await untilSeen(t, (s) => s.state === 'aborted', 'the huge body abandoned');
              expect(record.sent).to.be.below(HUGE_BYTES);
              expect(record.sent).to.be.at.least(MAX_DOCUMENT_BYTES - 8 * 1024 * 1024); // read up to the limit, not refused blindly
            }
          }
          if (fault === 'never') await untilSeen(publicToken, (s) => s.state === 'aborted', 'the timed-out request closed');

          if (expected.retry) {
            pub.el.timeout = 10000;
            $(pub.el, '[part=retry]').click();
            await untilOutcome(pub.log, 'load', `zw-load after 重试 on ${tag}`);
            expect(pub.el.state).to.equal('ready');
            expect((await seen(publicToken)).requests).to.equal(2);
            expect(pub.el.shadowRoot!.querySelector('.zw-notice[part=error]')).to.equal(null);
            expect(pub.log.error).to.have.length(1);
            // focus stayed inside the element (the button was replaced)
            expect(pub.el.shadowRoot!.activeElement ?? null).not.to.equal(null);
          }
        });
      }

      it('huge-declared: a Content-Length over the limit is refused before reading', async () => {
        const t = token();
        const [{ el, log }] = await mount(tag, [{ src: `/__zw/fault/huge-declared/${t}`, preview: '' }]);
        await untilOutcome(log, 'error', `zw-error from ${tag}`);
        expect(log.error[0].map((i) => i.code)).to.deep.equal(['fetch-too-large']);
        expect(log.error[0][0].params).to.include({ size: HUGE_BYTES, limit: MAX_DOCUMENT_BYTES });
        expect(el.state).to.equal('error');
        const record = await untilSeen(t, (s) => s.state === 'aborted', 'the declared huge body abandoned');
        expect(record.sent).to.be.below(HUGE_BYTES);
      });

      it('a storm of src changes (some in flight, some not yet sent): only the last document ever renders', async () => {
        const seed = config.seed ?? Math.floor(Math.random() * 2 ** 31);
        const random = seededRandom(seed);
        const changes = config.nightly ? 30 : 4;
        const made: { t: string; mark: string; waited: boolean }[] = [];
        const [{ el, log }] = await mount(tag, [{}]);
        for (let i = 0; i < changes; i++) {
          const last = i === changes - 1;
          const t = token();
          const mark = `第${i}版文档`;
          const delay = last ? Math.floor(random() * 200) : 300 + Math.floor(random() * 1500);
          el.src = `/__zw/fault/slow${delay}/${t}?ok=${encodeURIComponent(doc)}&mark=${encodeURIComponent(mark)}`;
          // either the request is on the wire when the next src comes, or the next src comes at the next update
          const waited = !last && random() < 0.6;
          if (waited) await untilSeen(t, (s) => s.state === 'pending', `request ${i} under way (seed ${seed})`);
          else await el.updateComplete;
          made.push({ t, mark, waited });
        }
        const final = made[made.length - 1];
        await until(() => log.load.length > 0, `zw-load of the last src (seed ${seed})`, 10000);
        for (const { t, waited } of made.slice(0, -1)) if (waited) await untilSeen(t, (s) => s.state === 'aborted', `the superseded request closed (seed ${seed})`);
        await el.updateComplete;
        const shown = text(el);
        expect(shown, `seed ${seed}`).to.contain(final.mark);
        for (const { mark } of made.slice(0, -1)) expect(shown, `seed ${seed}`).not.to.contain(mark);
        expect(
          log.load.map((e) => (e as CustomEvent<{ document: { title: string } }>).detail.document.title),
          `seed ${seed}`,
        ).to.deep.equal([final.mark]);
        expect(log.error, `seed ${seed}`).to.have.length(0);
      });

      it('a slow src superseded by a fast one: the new document renders, the old answer never does', async () => {
        const [a, b] = [token(), token()];
        const [{ el, log }] = await mount(tag, [{ src: `/__zw/fault/slow2000/${a}?ok=${encodeURIComponent(doc)}&mark=${encodeURIComponent('旧文档甲')}` }]);
        await untilSeen(a, (s) => s.state === 'pending', 'the slow request under way');
        el.src = `/__zw/fault/slow0/${b}?ok=${encodeURIComponent(doc)}&mark=${encodeURIComponent('新文档乙')}`;
        await untilOutcome(log, 'load', `zw-load for the newer src on ${tag}`);
        expect(text(el)).to.contain('新文档乙');
        // the older request was aborted: the server saw its connection close, so its answer can never arrive
        await untilSeen(a, (s) => s.state === 'aborted', 'the superseded request closed');
        await el.updateComplete;
        expect(text(el)).to.contain('新文档乙').and.not.contain('旧文档甲');
        expect(log.load).to.have.length(1);
        expect((log.load[0] as CustomEvent<{ document: { title: string } }>).detail.document.title).to.equal('新文档乙');
        expect(log.error).to.have.length(0);
        expect(el.state).to.equal('ready');
      });
    });
  }

  it('a slow src superseded by one that fails: the error stays, the old document never shows', async () => {
    const [a, b] = [token(), token()];
    const doc = ELEMENTS[0].doc;
    const [{ el, log }] = await mount('zw-policy-card', [{ src: `/__zw/fault/slow1500/${a}?ok=${encodeURIComponent(doc)}&mark=${encodeURIComponent('旧文档甲')}`, preview: '' }]);
    await untilSeen(a, (s) => s.state === 'pending', 'the slow request under way');
    el.src = `/__zw/fault/500/${b}`;
    await untilOutcome(log, 'error', 'zw-error for the newer src');
    await untilSeen(a, (s) => s.state === 'aborted', 'the superseded request closed');
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(text(el)).not.to.contain('旧文档甲');
    expect(log.load).to.have.length(0);
    expect(log.error).to.have.length(1);
  });

  it('removing the element mid-load aborts its request and announces nothing', async () => {
    const t = token();
    const [{ el, log }] = await mount('zw-policy-card', [{ src: `/__zw/fault/never/${t}` }]);
    await untilSeen(t, (s) => s.state === 'pending', 'the request under way');
    el.remove();
    await untilSeen(t, (s) => s.state === 'aborted', 'the request closed');
    expect(log.load.length + log.error.length + log.empty).to.equal(0);
  });
});

describe('network faults: the directory remote mode', function () {
  this.timeout(config.nightly ? 120000 : 30000);

  /** A remote directory whose search endpoint meets `fault` on its second request (the first answers: earlier results). */
  async function remoteDirectories(fault: string, timeout = '10000') {
    const tokensUsed = [token(), token()];
    const made = await mount(
      'zw-disclosure-directory',
      tokensUsed.map((_, i) => ({ timeout, ...(i === 1 ? { preview: '' } : {}) })),
    );
    made.forEach(({ el }, i) => {
      el.data = { type: 'directory', schemaVersion: 1, title: '远程目录', remote: `/__zw/fault/remote/${fault}/${tokensUsed[i]}` };
    });
    await Promise.all(made.map(({ log }) => untilOutcome(log, 'load', 'zw-load of the remote directory (its first search)')));
    return made.map((m, i) => ({ ...m, token: tokensUsed[i] }));
  }
  const results = (el: Element) => $(el, '[part=results]');
  const rowTitles = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part=row]')].map((row) => text(row));

  const REMOTE_FAULTS: Record<string, { code: string; says: RegExp }> = {
    never: { code: 'fetch-timeout', says: /获取数据超时（0\.6 秒）/ },
    '500': { code: 'fetch-status', says: /服务器返回 500/ },
    html: { code: 'json-syntax', says: /服务器返回的是网页（HTML）/ },
    malformed: { code: 'json-syntax', says: /JSON 格式错误/ },
    reset: { code: 'fetch-failed', says: /网络错误/ },
    huge: { code: 'fetch-too-large', says: /获取的数据过大（已收到 \d+\.\d MB，上限 8\.0 MB）/ },
  };

  for (const [fault, expected] of Object.entries(REMOTE_FAULTS)) {
    it(`${fault}: the notice with 重试, the earlier results kept, 重试 searches again`, async () => {
      const made = await remoteDirectories(fault, fault === 'never' ? '600' : '10000');
      const before = made.map(({ el }) => rowTitles(el));
      expect(before[0]).to.have.length(20);
      for (const { el } of made) (el as unknown as { query: string }).query = '营商环境';
      for (const { el } of made) await until(() => el.shadowRoot!.querySelector('.remote-error'), `the remote error notice (${fault})`, 10000);
      const [pub, staff] = made;
      // public: polite, no address or code; preview: the localised issue
      expect(text($(pub.el, '.remote-error'))).to.equal('暂时无法搜索，请稍后再试。 重试');
      expect(text($(staff.el, '.remote-error code'))).to.match(expected.says);
      if (fault !== 'malformed') expect(text($(staff.el, '.remote-error code'))).to.contain(`/__zw/fault/remote/${fault}/${staff.token}`);
      for (const { el } of made) {
        // the earlier results stay (nothing stale or half-read replaced them), and the element is not in the error state
        expect(rowTitles(el)).to.deep.equal(before[0]);
        expect(text(results(el))).not.to.contain('过时的结果');
        expect(el.state).to.equal('ready');
      }
      if (fault === 'huge') {
        const record = await untilSeen(pub.token, (s) => s.state === 'aborted', 'the huge answer abandoned');
        expect(record.sent)
          .to.be.below(HUGE_BYTES)
          .and.at.least(MAX_ANSWER_BYTES - 2 * 1024 * 1024);
      }
      // 重试: the third request passes to the reference server
      pub.el.timeout = 10000;
      $(pub.el, '.remote-error [part=retry]').click();
      await until(
        () => !pub.el.shadowRoot!.querySelector('.remote-error') && rowTitles(pub.el).length > 0 && rowTitles(pub.el).every((t) => t.includes('营商环境')),
        'the retried search shown',
      );
      expect((await seen(pub.token)).requests).to.be.at.least(3);
    });
  }

  it('a slow search superseded by a newer one: the newer results stay, the stale answer never shows', async () => {
    const t = token();
    const [{ el, log }] = await mount('zw-disclosure-directory', [{}]);
    el.data = { type: 'directory', schemaVersion: 1, title: '远程目录', remote: `/__zw/fault/remote/slow2000/${t}` };
    await untilOutcome(log, 'load', 'zw-load of the remote directory');
    (el as unknown as { query: string }).query = '营商环境';
    await untilSeen(t, (s) => s.requests === 2 && s.state === 'pending', 'the slow search under way');
    (el as unknown as { query: string }).query = '财政预算';
    await until(() => rowTitles(el).length > 0 && rowTitles(el).every((r) => r.includes('财政预算')), 'the newer results');
    await untilSeen(t, (s) => s.state === 'aborted', 'the superseded search closed');
    await el.updateComplete;
    expect(rowTitles(el).every((r) => r.includes('财政预算'))).to.equal(true);
    expect(text(results(el))).not.to.contain('过时的结果');
    expect(el.shadowRoot!.querySelector('.remote-error')).to.equal(null);
  });
});
