import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ZwPolicyCard } from '../components/policy-card/policy-card.js';
import { cardWith, settle, shadow, text, untilState } from '../test-support/helpers.js';
import { HOSTILE, sample, samples } from '../test-support/samples.js';
import { defineElement } from './define.js';
import type { ZwErrorEvent, ZwLoadEvent } from './events.js';

const SAMPLE_URL = '/demo/data/policy-001-jinan-market-2020.json';
const OTHER_URL = '/demo/data/policy-000-shandong-commerce-2019.json';

/** Captures console.warn calls during `fn` (the element reports bad data there). */
async function warningsDuring(fn: () => Promise<void>): Promise<unknown[][]> {
  const original = console.warn;
  const calls: unknown[][] = [];
  console.warn = (...args: unknown[]) => calls.push(args);
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return calls;
}

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
      const el = await fixture<ZwPolicyCard>(html`<zw-policy-card><script type="application/json">{"type": "policy",\n"title": "x",,}</script></zw-policy-card>`);
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
      ['malformed JSON', '/__zw/malformed', { line: 4 }, /JSON 格式错误（第 4 行/],
      ['a refused connection', 'http://127.0.0.1:9/policy.json', {}, /网络错误/],
    ];
    for (const [what, url, params, message] of failures) {
      it(`ends in the error state on ${what}`, async () => {
        let event!: ZwErrorEvent;
        const warnings = await warningsDuring(async () => {
          const el = await fixture<ZwPolicyCard>(html`<zw-policy-card></zw-policy-card>`);
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
      el.data = null;
      await el.updateComplete;
      expect(el.state).to.equal('empty');
      await expect(el).to.be.accessible();
    });

    it('lists every error with path and message, fires zw-error and warns once', async () => {
      let el!: ZwPolicyCard;
      let event!: ZwErrorEvent;
      const warnings = await warningsDuring(async () => {
        el = document.createElement('zw-policy-card');
        document.body.append(el);
        const failed = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
        el.data = sample('jinan', { publishDate: '2020-09-01', validity: 'gone', docNo: '' });
        event = await failed;
      });
      const alert = shadow(el).querySelector('[role=alert]')!;
      const items = [...alert.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(items).to.deep.equal(['/docNo 「发文字号」不能为空', '/validity 「有效性」的取值不在允许范围内（允许：effective, amended, abolished, expired, pending）']);
      expect(event.detail.errors.map((e) => [e.path, e.code])).to.deep.equal([['/docNo', 'blank'], ['/validity', 'not-allowed-value']]);
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
      const el = await warningsDuringCard(JSON.parse(JSON.stringify(sample('jinan')).replace('"schemaVersion":1', '"schemaVersion":1,"attachments":[{"name":"a","url":"/a","size":1e309}]')));
      expect(el.issues.map((i) => [i.path, i.code])).to.deep.include(['/attachments/0/size', 'out-of-range']);
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

async function warningsDuringCard(data: unknown, lang = 'zh-CN'): Promise<ZwPolicyCard> {
  let el!: ZwPolicyCard;
  await warningsDuring(async () => {
    el = await cardWith(data, { lang });
  });
  return el;
}
