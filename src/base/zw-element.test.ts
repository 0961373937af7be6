import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import { $, $$, cardWith, settle, shadow, text, until, untilState } from '../test-support/helpers.js';
import { HOSTILE, sample, samples } from '../test-support/samples.js';
import { defineElement } from './define.js';
import type { ZwEmptyEvent, ZwErrorEvent, ZwLoadEvent } from './events.js';

const SAMPLE_URL = '/demo/data/policy-001-jinan-market-2020.json';
const OTHER_URL = '/demo/data/policy-000-shandong-commerce-2019.json';

/** Captures console.warn calls during `fn` (the element reports bad data there). */
async function warningsDuring(fn: () => Promise<void>): Promise<unknown[][]> {
  return consoleDuring('warn', fn);
}

/** Captures console[method] calls during `fn`. */
async function consoleDuring(method: 'warn' | 'error', fn: () => Promise<void>): Promise<unknown[][]> {
  const original = console[method];
  const calls: unknown[][] = [];
  console[method] = (...args: unknown[]) => calls.push(args);
  try {
    await fn();
  } finally {
    console[method] = original;
  }
  return calls;
}

/** What a staff-only fault report looks like: paths, addresses, status codes, JSON talk. */
const FAULT_REPORT = /\/demo|\/__zw|\/url|404|500|JSON|127\.0\.0\.1|逗号|服务器|错误/;

/** A card whose rendering throws: a bug in an element must end in the error state, not a blank or a "ready" element. */
class BrokenCard extends ZwPolicyCard {
  protected override renderDocument(): never {
    throw new Error('render bug');
  }
}
defineElement('zw-test-broken-card', BrokenCard);

/** A card whose check throws (a programming error, not bad data). */
class UncheckableCard extends ZwPolicyCard {
  // @ts-expect-error -- an accessor in place of the field, throwing as a bug in the check would
  protected override get kind(): 'policy' {
    throw new Error('check bug');
  }
  // the base class assigns the field: accept and ignore it
  protected override set kind(_: 'policy') {}
}
defineElement('zw-test-uncheckable-card', UncheckableCard);

describe('ZwElement (through <zw-policy-card>)', () => {
  describe('three ways in', () => {
    it('takes the data property and fires zw-load', async () => {
      const el = document.createElement('zw-policy-card');
      document.body.append(el);
      const loaded = oneEvent(el, 'zw-load') as Promise<ZwLoadEvent>;
      el.data = samples.jinan;
      const event = await loaded;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.document).to.equal(samples.jinan);
      expect(el.state).to.equal('ready');
      expect(el.source).to.equal('data');
      expect(text(el)).to.contain(samples.jinan.title);
      el.remove();
    });

    it('reads a child <script type="application/json"> (the static CMS template way)', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card><script type="application/json">${JSON.stringify(samples.shanxi)}</script></zw-policy-card>`);
      await untilState(el, 'ready');
      expect(el.source).to.equal('script');
      expect(text(el)).to.contain('山西省工业和信息化厅2021年政务公开工作要点');
    });

    it('keeps its state when other light-DOM content changes', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card><script type="application/json">${JSON.stringify(samples.shanxi)}</script><span>note</span></zw-policy-card>`);
      await untilState(el, 'ready');
      let loads = 0;
      el.addEventListener('zw-load', () => loads++);
      el.querySelector('span')!.textContent = 'changed';
      await new Promise((r) => setTimeout(r, 50));
      expect(loads).to.equal(0);
      el.querySelector('script')!.textContent = JSON.stringify(samples.anhui);
      await new Promise((r) => setTimeout(r, 50));
      expect(loads).to.equal(1);
    });

    it('picks up a script the CMS fills in after the element upgraded', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card></zw-policy-card>`);
      expect(el.state).to.equal('empty');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(samples.anhui);
      el.append(script);
      await untilState(el, 'ready');
      expect(text(el)).to.contain('安徽省商务厅关于2017年度政务公开自评工作总结');
    });

    it('reports malformed JSON in the script with its line', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card preview><script type="application/json">{"type": "policy",\n"title": "x",,}</script></zw-policy-card>`);
      await untilState(el, 'error');
      expect(el.issues[0]).to.include({ code: 'json-syntax', path: '' });
      expect(el.issues[0].params!.line).to.equal(2);
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('JSON 格式错误（第 2 行');
    });

    it('fetches src from the server', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card src=${SAMPLE_URL}></zw-policy-card>`);
      await oneEvent(el, 'zw-load');
      expect(el.source).to.equal('src');
      expect(text(el)).to.contain('11370100MB28696235/2020-00757');
    });

    it('prefers data over src over a script', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card src=${SAMPLE_URL}><script type="application/json">${JSON.stringify(samples.anhui)}</script></zw-policy-card>`);
      await untilState(el, 'ready');
      expect(el.source).to.equal('src');
      el.data = samples.shanxi;
      await el.updateComplete;
      expect(el.source).to.equal('data');
      expect(text(el)).to.contain(samples.shanxi.title);
    });
  });

  describe('src', () => {
    it('shows an accessible skeleton while loading', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card src=${`/__zw/delay/400${SAMPLE_URL}`}></zw-policy-card>`);
      expect(el.state).to.equal('loading');
      const skeleton = shadow(el).querySelector('[part=skeleton]')!;
      expect(skeleton.getAttribute('aria-busy')).to.equal('true');
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(skeleton.textContent).to.contain('正在加载');
      await expect(el).to.be.accessible();
      await untilState(el, 'ready');
    });

    it('keeps the newest src when an older response arrives late', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card></zw-policy-card>`);
      const events: string[] = [];
      el.addEventListener('zw-load', (e) => events.push((e as ZwLoadEvent<{ title: string }>).detail.document.title));
      el.src = `/__zw/delay/500${OTHER_URL}`;
      await el.updateComplete;
      el.src = SAMPLE_URL;
      await untilState(el, 'ready');
      expect(text(el)).to.contain(samples.jinan.title);
      await new Promise((r) => setTimeout(r, 800)); // the slow response would be in by now
      expect(text(el)).to.contain(samples.jinan.title);
      expect(text(el)).not.to.contain(samples.shandong.title);
      expect(events).to.deep.equal([samples.jinan.title]);
    });

    const failures: [string, string, Record<string, unknown>, RegExp][] = [
      ['404', '/demo/data/no-such-policy.json', { status: 404 }, /服务器返回 404/],
      ['500', '/__zw/status/500', { status: 500 }, /服务器返回 500/],
      // the missing comma is placed at the end of the item before it (line 3), where it belongs
      ['malformed JSON', '/__zw/malformed', { line: 3 }, /JSON 格式错误（第 3 行/],
      ['a refused connection', 'http://127.0.0.1:9/policy.json', {}, /网络错误/],
    ];
    for (const [what, url, params, message] of failures) {
      it(`ends in the error state on ${what}`, async () => {
        let event!: ZwErrorEvent;
        const warnings = await warningsDuring(async () => {
          const el = await fixture<ZwPolicyCard>(html`<zw-policy-card preview></zw-policy-card>`);
          const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
          el.src = url;
          event = await failed;
          expect(el.state).to.equal('error');
          expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(message);
        });
        expect(event.detail.errors).to.have.length(1);
        expect(event.detail.errors[0].params).to.include(params);
        expect(event.detail.errors[0].message).to.match(message);
        expect(warnings, 'one structured console warning').to.have.length(1);
      });
    }

    it('ignores an unusable timeout attribute and still loads', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card timeout="abc" src=${SAMPLE_URL}></zw-policy-card>`);
      await untilState(el, 'ready');
    });

    it('reports nothing when it is removed while loading', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card src=${`/__zw/delay/300${SAMPLE_URL}`}></zw-policy-card>`);
      const events: string[] = [];
      el.addEventListener('zw-error', () => events.push('error'));
      const warnings = await warningsDuring(async () => {
        el.remove();
        await new Promise((r) => setTimeout(r, 100));
      });
      expect(events).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
    });

    it('gives up after the timeout', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card timeout="300"></zw-policy-card>`);
      const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
      await warningsDuring(async () => {
        el.src = `/__zw/delay/3000${SAMPLE_URL}`;
        await failed;
      });
      expect(el.issues[0]).to.include({ code: 'fetch-timeout' });
      expect(el.issues[0].message).to.contain('超时（0.3 秒）');
    });
  });

  describe('states', () => {
    it('is empty with no data, or null', async () => {
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card></zw-policy-card>`);
      expect(el.state).to.equal('empty');
      expect(shadow(el).querySelector('[part=empty]')!.textContent).to.contain('暂无政策文件信息');
      const empty = oneEvent(el, 'zw-empty');
      el.data = null;
      await empty;
      expect(el.state).to.equal('empty');
      await expect(el).to.be.accessible();
    });

    it('lists every error with path and message, fires zw-error and warns once', async () => {
      let el!: ZwPolicyCard;
      let event!: ZwErrorEvent;
      const warnings = await warningsDuring(async () => {
        el = document.createElement('zw-policy-card');
        el.preview = true;
        document.body.append(el);
        const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
        el.data = sample('jinan', { publishDate: '2020-09-01', validity: 'gone', docNo: '' });
        event = await failed;
      });
      const alert = shadow(el).querySelector('[role=alert]')!;
      const items = [...alert.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      // the wording is the messages' own business (src/schema/messages.ts): here, one item per issue, path first, field named
      expect(items).to.have.length(2);
      expect(items[0]).to.match(/^\/docNo .*发文字号/);
      expect(items[1]).to.match(/^\/validity .*有效性.*effective/);
      expect(event.detail.errors.map((e) => [e.path, e.code])).to.deep.equal([
        ['/docNo', 'blank'],
        ['/validity', 'not-allowed-value'],
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0][1]).to.include({ element: el, source: 'data' });
      el.remove();
    });

    it('still shows the valid parts when only optional fields are wrong', async () => {
      const el = await warningsDuringCard(sample('guangzhou', { url: 'javascript:alert(1)' }));
      expect(el.state).to.equal('error');
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('/url');
      expect(text(el)).to.contain(samples.guangzhou.title);
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('never throws into the page, whatever it is given', async () => {
      for (const junk of [42, 'policy', [samples.jinan], { type: 'policy' }, { type: 'policy', schemaVersion: 1, title: { toString: 1 } }, Object.create(null)]) {
        const el = await warningsDuringCard(junk);
        expect(el.state, JSON.stringify(junk)).to.equal('error');
        expect(shadow(el).querySelector('[role=alert]')).to.exist;
      }
    });

    it('refuses data no JSON document can be (circular) without throwing', async () => {
      const circular: Record<string, unknown> = sample('jinan', { docNo: '' });
      circular.self = circular;
      const el = await warningsDuringCard(circular);
      expect(el.state).to.equal('error');
      expect(shadow(el).querySelector('[role=alert]')).to.exist;
    });

    it('reports a number JSON cannot hold (1e309 → Infinity)', async () => {
      const el = await warningsDuringCard(
        JSON.parse(JSON.stringify(sample('jinan')).replace('"schemaVersion":1', '"schemaVersion":1,"attachments":[{"name":"a","url":"/a","size":1e309}]')),
      );
      // one issue, not a second bogus "out of range (−∞–∞)"
      expect(
        el.issues.map((i) => [i.path, i.code]),
        JSON.stringify(el.issues),
      ).to.deep.equal([['/attachments/0/size', 'not-finite']]);
    });

    it('prunes an unknown field whose name holds a slash, keeping the rest', async () => {
      const el = await warningsDuringCard(sample('jinan', { 'a/b': 1 }));
      expect(el.issues[0]).to.include({ path: '/a~1b', code: 'unknown-property' });
      expect(shadow(el).querySelector('[part=card]')).to.exist;
    });

    it('does not disturb its neighbours when it breaks', async () => {
      const wrapper = await fixture(html`<div>
        <zw-policy-card id="good"></zw-policy-card><zw-policy-card id="bad"><script type="application/json">{oops</script></zw-policy-card>
      </div>`);
      const good = wrapper.querySelector<ZwPolicyCard>('#good')!;
      good.data = samples.shanxi;
      await good.updateComplete;
      await warningsDuring(async () => {
        await untilState(wrapper.querySelector<ZwPolicyCard>('#bad')!, 'error');
      });
      expect(good.state).to.equal('ready');
      expect(text(good)).to.contain(samples.shanxi.title);
    });
  });

  describe('what the public sees (no preview)', () => {
    const loadFailures: [string, string][] = [
      ['404', '/demo/data/no-such-policy.json'],
      ['500', '/__zw/status/500'],
      ['a body that is not JSON', '/__zw/malformed'],
      ['a timeout', '/__zw/delay/3000/demo/data/policy-001-jinan-market-2020.json'],
    ];
    for (const [what, url] of loadFailures) {
      it(`shows a polite notice with a 重试 button on ${what}, and the full list in zw-error`, async () => {
        let el!: ZwPolicyCard;
        let event!: ZwErrorEvent;
        await warningsDuring(async () => {
          el = await fixture<ZwPolicyCard>(html`<zw-policy-card timeout="300"></zw-policy-card>`);
          const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
          el.src = url;
          event = await failed;
        });
        const notice = $(el, '[part=error]');
        expect(text(notice)).to.contain('本栏内容暂时无法显示，请稍后再试。');
        expect(text(el)).not.to.match(FAULT_REPORT);
        expect($(el, '[role=alert]'), 'no alarm for the public').to.equal(null);
        const retry = $<HTMLButtonElement>(el, '[part=retry]');
        expect(text(retry)).to.equal('重试');
        expect(retry.getBoundingClientRect().height, 'touch target').to.be.at.least(44);
        expect(event.detail.errors, 'detail keeps the full list').to.have.length(1);
        expect(event.detail.errors[0].message).to.match(/\S/);
        await expect(el).to.be.accessible();
      });
    }

    it('loads again when 重试 is pressed', async () => {
      // Stubbed at the fetch boundary: the server fails once, then answers.
      const realFetch = window.fetch;
      let calls = 0;
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (++calls === 1 ? Promise.resolve(new Response('busy', { status: 503 })) : realFetch(input, init));
      try {
        const el = await fixture<ZwPolicyCard>(html`<zw-policy-card></zw-policy-card>`);
        const failed = oneEvent(el, 'zw-error');
        await warningsDuring(async () => {
          el.src = SAMPLE_URL;
          await failed;
        });
        const loaded = oneEvent(el, 'zw-load');
        $<HTMLButtonElement>(el, '[part=retry]').click();
        await loaded;
        expect(calls).to.equal(2);
        expect(el.state).to.equal('ready');
        expect(text(el)).to.contain(samples.jinan.title);
      } finally {
        window.fetch = realFetch;
      }
    });

    it('offers no 重试 for data that is wrong (trying again cannot help), and says nothing technical', async () => {
      const el = await warningsDuringCard(sample('jinan', { title: '', validity: 'gone' }), 'zh-CN', false);
      expect(el.state).to.equal('error');
      expect(text($(el, '[part=error]'))).to.contain('本栏内容暂时无法显示');
      expect($(el, '[part=retry]')).to.equal(null);
      expect(text(el)).not.to.match(FAULT_REPORT).and.not.contain('validity').and.not.contain('有效性');
      await expect(el).to.be.accessible();
    });

    it('shows the well-formed part of a document with at most a discreet note', async () => {
      const el = await warningsDuringCard(sample('guangzhou', { url: 'javascript:alert(1)' }), 'zh-CN', false);
      expect(el.state).to.equal('error');
      expect(text(el)).to.contain(samples.guangzhou.title);
      expect(text($(el, '[part=note]'))).to.equal('本栏部分内容暂时无法显示。');
      expect($(el, '[part=error]')).to.equal(null);
      expect($(el, '[role=alert]')).to.equal(null);
      expect(text(el)).not.to.contain('/url');
      // a whole document whose dates contradict each other is shown as it is
      const whole = await warningsDuringCard(sample('jinan', { writtenDate: '2020-09-20' }), 'zh-CN', false);
      expect(whole.state).to.equal('error');
      expect($(whole, '[part=card]')).to.exist;
      expect($$(whole, '[part=note], [part=error], [role=alert]')).to.have.length(0);
    });

    it('shows the detailed list with preview, and switches when preview changes', async () => {
      const el = await warningsDuringCard(sample('jinan', { docNo: '' }), 'zh-CN', false);
      expect($(el, '[role=alert]')).to.equal(null);
      el.preview = true;
      await el.updateComplete;
      expect(el.hasAttribute('preview')).to.equal(true);
      expect(text($(el, '[role=alert]')))
        .to.contain('/docNo')
        .and.contain('数据有 1 处错误');
    });
  });

  describe('zw-empty', () => {
    it('fires for data = null, an empty script and no data at all', async () => {
      const none = document.createElement('zw-policy-card');
      const noneEmpty = oneEvent(none, 'zw-empty') as Promise<ZwEmptyEvent>;
      document.body.append(none);
      const event = await noneEmpty;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(none.state).to.equal('empty');

      none.data = samples.jinan;
      await oneEvent(none, 'zw-load');
      const nulled = oneEvent(none, 'zw-empty');
      none.data = null;
      await nulled;
      expect(none.state).to.equal('empty');
      none.remove();

      const script = document.createElement('zw-policy-card');
      script.innerHTML = '<script type="application/json">  </script>';
      const scriptEmpty = oneEvent(script, 'zw-empty');
      document.body.append(script);
      await scriptEmpty;
      expect(script.source).to.equal('script');
      script.remove();
    });

    it('ends the wait of a host for elements that were in the page before the script defined them', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <zw-test-late-card id="empty"></zw-test-late-card>
        <zw-test-late-card id="script"><script type="application/json">${JSON.stringify(samples.jinan)}</script></zw-test-late-card>
        <zw-test-late-card id="bad"><script type="application/json">{oops</script></zw-test-late-card>
      </div>`);
      const outcomes: string[] = [];
      for (const type of ['zw-load', 'zw-error', 'zw-empty']) wrapper.addEventListener(type, (e) => outcomes.push(`${(e.target as Element).id} ${type}`));
      await warningsDuring(async () => {
        defineElement('zw-test-late-card', class extends ZwPolicyCard {});
        await until(() => outcomes.length === 3, 'an outcome event from each pre-existing element');
      });
      expect(outcomes.sort()).to.deep.equal(['bad zw-error', 'empty zw-empty', 'script zw-load']);
    });

    it('announces the outcome even in a language whose texts load on first use', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-Hant"></div>`);
      const el = document.createElement('zw-policy-card');
      const empty = oneEvent(el, 'zw-empty');
      wrapper.append(el);
      await empty;
      expect(text(el)).to.contain('暫無');
    });
  });

  describe('failures inside the element', () => {
    it('goes to the error state with render-failed when rendering throws', async () => {
      let el!: BrokenCard;
      let event!: ZwErrorEvent;
      const errors = await consoleDuring('error', () =>
        warningsDuring(async () => {
          el = document.createElement('zw-test-broken-card') as BrokenCard;
          el.preview = true;
          document.body.append(el);
          const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
          el.data = samples.jinan;
          event = await failed;
        }).then(() => undefined),
      );
      expect(el.state).to.equal('error');
      expect(el.getAttribute('state')).to.equal('error');
      expect(el.issues.map((i) => i.code)).to.deep.equal(['render-failed']);
      expect(event.detail.errors.map((i) => i.code)).to.deep.equal(['render-failed']);
      const heading = text($(el, '[role=alert] [role=heading]'));
      expect(heading).to.contain('无法显示').and.not.contain('只显示了无误的部分');
      expect(
        errors.some((args) => args.some((a) => a instanceof Error && a.message === 'render bug' && !!a.stack)),
        'the bug with its stack in the console',
      ).to.equal(true);
      // the public sees the polite notice, not a blank
      el.preview = false;
      await el.updateComplete;
      expect(text($(el, '[part=error]'))).to.contain('本栏内容暂时无法显示');
      el.remove();
    });

    it('reports a check that throws as an internal error, never a blank', async () => {
      let el!: UncheckableCard;
      const errors = await consoleDuring('error', () =>
        warningsDuring(async () => {
          el = document.createElement('zw-test-uncheckable-card') as UncheckableCard;
          document.body.append(el);
          const failed = oneEvent(el, 'zw-error');
          el.data = samples.jinan;
          await failed;
        }).then(() => undefined),
      );
      expect(el.state).to.equal('error');
      expect(el.issues.map((i) => i.code)).to.deep.equal(['internal-error']);
      expect(el.issues[0].message).to.match(/\S/);
      expect(text($(el, '[part=error]'))).to.contain('本栏内容暂时无法显示');
      expect(errors.some((args) => args.some((a) => a instanceof Error && a.message === 'check bug' && !!a.stack))).to.equal(true);
      el.remove();
    });
  });

  describe('shared bits for elements', () => {
    it('renders everything inside one .zw-root wrapper, in every state', async () => {
      const wrapper = await fixture(html`<div>
        <zw-policy-card id="empty"></zw-policy-card>
        <zw-policy-card id="loading" src="/__zw/delay/1000/demo/data/policy-001-jinan-market-2020.json"></zw-policy-card>
        <zw-policy-card id="ready" .data=${samples.jinan}></zw-policy-card>
      </div>`);
      for (const el of wrapper.querySelectorAll<ZwPolicyCard>('zw-policy-card')) {
        await el.updateComplete;
        const children = [...el.shadowRoot!.children];
        expect(
          children.map((c) => `${c.className} ${c.getAttribute('part')}`),
          el.id,
        ).to.deep.equal(['zw-root root']);
        expect(children[0].getAttribute('data-scheme')).to.equal('light');
      }
    });
  });

  describe('hostile data', () => {
    it('renders hostile strings in every text field as inert text', async () => {
      const [img, script, svg] = HOSTILE;
      (window as unknown as Record<string, unknown>).__zwPwned = undefined;
      const el = await cardWith(
        sample('jinan', {
          title: img,
          docNo: script,
          indexNo: '11370100MB28696235/2020-00757',
          issuer: { name: svg },
          category: { topic: img, group: script },
          summary: `${script}${img}`,
          keyPoints: HOSTILE,
          keywords: [img, svg],
          attachments: [{ name: img, url: '/a.pdf', format: 'pdf', size: 10 }],
          validity: 'abolished',
          abolishDate: '2021-01-01',
          replacedBy: [{ title: svg, docNo: img, url: 'https://www.gov.cn/' }],
          replaces: [{ title: script }],
        }),
      );
      expect(el.state).to.equal('ready');
      await new Promise((r) => setTimeout(r, 50));
      const root = shadow(el);
      expect(root.querySelectorAll('img, script, svg, [onerror], [onload]')).to.have.length(0);
      expect((window as unknown as Record<string, unknown>).__zwPwned).to.equal(undefined);
      expect(root.textContent).to.contain(img).and.contain(script).and.contain(svg);
      for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).to.match(/^(https?:|\/)/);
    });

    it('refuses a javascript: link with an error naming the field', async () => {
      const el = await warningsDuringCard(sample('jinan', { attachments: [{ name: '附件', url: 'javascript:window.__zwPwned=1' }] }));
      expect(el.issues.filter((i) => i.severity === 'error').map((i) => [i.path, i.code])).to.deep.equal([['/attachments/0/url', 'unsafe-url']]);
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('/attachments/0/url');
      expect([...shadow(el).querySelectorAll('a')].some((a) => a.href.startsWith('javascript'))).to.equal(false);
    });
  });

  describe('locale', () => {
    it('follows the nearest lang and reacts when it changes', async () => {
      const el = await cardWith(samples.jinan, { lang: 'en' });
      expect(text(el)).to.contain('16 September 2020');
      expect(text(el)).to.match(/Index number/i);
      el.parentElement!.setAttribute('lang', 'zh-CN');
      await settle(el);
      expect(text(el)).to.contain('2020年9月16日').and.contain('索引号');
      el.parentElement!.setAttribute('lang', 'zh-Hant');
      await settle(el);
      expect(text(el)).to.contain('發布機構');
    });

    it('lets two elements on one page speak different languages', async () => {
      const wrapper = await fixture(html`<div>
        <div lang="en"><zw-policy-card id="en"></zw-policy-card></div>
        <div lang="zh-CN"><zw-policy-card id="zh"></zw-policy-card></div>
      </div>`);
      const [en, zh] = ['#en', '#zh'].map((s) => wrapper.querySelector<ZwPolicyCard>(s)!);
      en.data = samples.jinan;
      zh.data = samples.jinan;
      await Promise.all([settle(en), settle(zh)]);
      expect(text(en)).to.contain('16 September 2020');
      expect(text(zh)).to.contain('2020年9月16日');
    });

    it('localises error messages too', async () => {
      const el = await warningsDuringCard(sample('jinan', { title: '' }), 'en');
      expect(shadow(el).querySelector('[role=alert]')!.textContent).to.match(/Title/).and.not.match(/标题/);
    });
  });

  it('warns, and does not throw, when a tag is defined twice', async () => {
    class Impostor extends HTMLElement {}
    const warnings = await warningsDuring(async () => {
      defineElement('zw-policy-card', Impostor);
      defineElement('zw-policy-card', Impostor);
      // a second copy of the element module (as a second bundle on the page would be)
      await import(/* @vite-ignore */ `/src/components/policy-card/policy-card.ts?copy=${Date.now()}`);
    });
    expect(warnings.filter((w) => String(w[0]).includes('already defined'))).to.have.length(1);
    const el = await cardWith(samples.jinan);
    expect(el.state).to.equal('ready');
  });
});

/** A card given `data`, its console warnings swallowed; in `preview` (the detailed issue list) unless told otherwise. */
async function warningsDuringCard(data: unknown, lang = 'zh-CN', preview = true): Promise<ZwPolicyCard> {
  let el!: ZwPolicyCard;
  await warningsDuring(async () => {
    el = await cardWith(data, { lang });
    el.preview = preview;
    await el.updateComplete;
  });
  return el;
}
