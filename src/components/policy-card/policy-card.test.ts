import { expect, fixture, html } from '@open-wc/testing';
import { $, $$, cardWith, shadow, text, untilState } from '../../test-support/helpers.js';
import { sample, samples } from '../../test-support/samples.js';
import type { ZwPolicyCard } from './policy-card.js';

const abolished = () =>
  sample('jinan', {
    validity: 'abolished',
    abolishDate: '2021-03-01',
    replacedBy: [{ title: '2021年济南市市场监督管理局政务公开工作要点', docNo: '济市监办字〔2021〕8号', url: '/xxgk/2021-zwgk.html' }],
  });

const full = () =>
  sample('jinan', {
    docNo: '济市监办字〔2020〕35号',
    category: { topic: '市场监管', group: '其他文件' },
    effectiveDate: '2020-09-16',
    url: 'https://jnmsa.jinan.gov.cn/art/2020/9/16/a.html',
    interpretationUrl: '/jd/2020-zwgk.html',
    infographicUrl: '/tj/2020-zwgk.html',
    attachments: [{ name: '2020年政务公开工作要点（全文）', url: '/files/a.pdf', format: 'pdf', size: 1288490 }],
    replaces: [{ title: '2019年济南市市场监督管理局政务公开工作要点' }],
  });

describe('<zw-policy-card>', () => {
  it('shows every field of the full layout with its label', async () => {
    const el = await cardWith(full());
    const t = text(el);
    for (const expected of [
      '索引号',
      '11370100MB28696235/2020-00757',
      '发布机构',
      '济南市市场监督管理局',
      '主题分类',
      '市场监管',
      '组配分类',
      '其他文件',
      '发文字号',
      '济市监办字〔2020〕35号',
      '成文日期',
      '2020年9月16日',
      '生效日期',
      '公开属性',
      '主动公开',
      '内容概述',
      '政策要点',
      '被本文件废止或修订的文件',
      '2019年济南市市场监督管理局政务公开工作要点',
      '关键词',
      '无障碍',
    ])
      expect(t, expected).to.contain(expected);
    const title = shadow(el).querySelector('[part=title]')!;
    expect(title.getAttribute('role')).to.equal('heading');
    expect(title.getAttribute('aria-level')).to.equal('2');
    expect(title.querySelector('a')!.getAttribute('href')).to.equal('https://jnmsa.jinan.gov.cn/art/2020/9/16/a.html');
    expect(shadow(el).querySelectorAll('[part=key-points] li')).to.have.length(3);
    expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal('2020-09-16');
  });

  it('links 原文, 解读 and 图解 with names that say which policy', async () => {
    const el = await cardWith(full());
    const links = [...shadow(el).querySelectorAll<HTMLAnchorElement>('[part=links] a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://jnmsa.jinan.gov.cn/art/2020/9/16/a.html', '/jd/2020-zwgk.html', '/tj/2020-zwgk.html']);
    expect(links[1].textContent!.replace(/\s+/g, '')).to.equal(`政策解读（${samples.jinan.title}）`);
    for (const a of links) expect(a.getBoundingClientRect().height, 'touch target').to.be.at.least(44);
  });

  it('lists attachments with format and size', async () => {
    const el = await cardWith(full());
    const item = shadow(el).querySelector('[part=attachments] li')!;
    expect(item.textContent!.replace(/\s+/g, ' ')).to.contain('2020年政务公开工作要点（全文）').and.contain('（PDF，1.2 MB）');
    expect(item.querySelector('a')!.getAttribute('href')).to.equal('/files/a.pdf');
  });

  it('badges 有效性 with text and a symbol, not colour alone', async () => {
    for (const [validity, label, extra] of [
      ['effective', '有效', {}],
      ['amended', '已修订', {}],
      ['abolished', '已废止', { abolishDate: '2021-03-01' }],
      ['expired', '已失效', { abolishDate: '2021-03-01' }],
      ['pending', '尚未生效', {}],
    ] as const) {
      const el = await cardWith(sample('jinan', { validity, ...extra }));
      const badge = shadow(el).querySelector('[part=badge]')!;
      expect(badge.textContent!.replace(/\s+/g, ''), validity).to.match(new RegExp(`^.有效性：${label}$`));
      expect(badge.querySelector('[aria-hidden=true]')!.textContent!.trim()).to.have.length(1);
    }
  });

  it('puts a banner on an abolished policy that links its replacement', async () => {
    const el = await cardWith(abolished());
    const banner = shadow(el).querySelector('[part=banner]')!;
    expect(banner.textContent).to.contain('本文件已于 2021年3月1日 废止，不再执行。');
    const link = banner.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/xxgk/2021-zwgk.html');
    expect(banner.textContent).to.contain('（济市监办字〔2021〕8号）');
  });

  it('puts a banner on expired and amended policies, and none on effective ones', async () => {
    expect(shadow(await cardWith(sample('jinan', { validity: 'expired', abolishDate: '2020-12-31' }))).querySelector('[part=banner]')!.textContent).to.contain(
      '本文件已于 2020年12月31日 失效。',
    );
    expect(shadow(await cardWith(sample('jinan', { validity: 'amended' }))).querySelector('[part=banner]')!.textContent).to.contain('已被修订');
    expect(shadow(await cardWith(samples.jinan)).querySelector('[part=banner]')).to.equal(null);
  });

  it('keeps the compact layout to title, badge, issuer, number and date', async () => {
    const el = await cardWith(full(), { layout: 'compact' });
    const t = text(el);
    expect(t).to.contain(samples.jinan.title).and.contain('济南市市场监督管理局').and.contain('济市监办字〔2020〕35号').and.contain('发布日期：2020年9月16日');
    expect(t).not.to.contain('内容概述');
    expect(shadow(el).querySelector('[part=banner]')).to.equal(null);
    expect(shadow(el).querySelector('[part=badge]')).to.exist;
  });

  it('follows heading-level, with sub-headings one level deeper', async () => {
    const el = await fixture<ZwPolicyCard>(html`<zw-policy-card heading-level="3" .data=${samples.shanxi}></zw-policy-card>`);
    expect(shadow(el).querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('3');
    const levels = [...shadow(el).querySelectorAll('.subheading')].map((h) => h.getAttribute('aria-level'));
    expect(levels.length).to.be.greaterThan(1);
    expect(new Set(levels)).to.deep.equal(new Set(['4']));
  });

  it('lists several full cards on one page without repeating landmarks (axe)', async () => {
    const wrapper = await fixture(html`<div>${Object.values(samples).map((doc) => html`<zw-policy-card .data=${doc}></zw-policy-card>`)}</div>`);
    for (const card of wrapper.querySelectorAll('zw-policy-card')) await card.updateComplete;
    await expect(wrapper).to.be.accessible();
  });

  it('fits its metadata to its own width (a narrow sidebar on a wide screen)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px"><zw-policy-card .data=${full()}></zw-policy-card></div>`);
    const card = wrapper.querySelector('zw-policy-card')!;
    await card.updateComplete;
    const pairs = [...shadow(card).querySelectorAll('.meta .pair')];
    const lefts = new Set(pairs.map((p) => Math.round(p.getBoundingClientRect().left)));
    expect(lefts.size, 'one column').to.equal(1);
    for (const dd of shadow(card).querySelectorAll('.meta dd')) expect(dd.scrollWidth).to.be.at.most(dd.clientWidth + 1);
  });

  it('wraps a long unbroken attachment name on a 320px phone', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><zw-policy-card></zw-policy-card></div>`);
    const card = wrapper.querySelector('zw-policy-card')!;
    card.data = sample('jinan', { attachments: [{ name: 'A'.repeat(120) + '.pdf', url: '/a.pdf', format: 'pdf', size: 1 }] });
    await card.updateComplete;
    expect(card.scrollWidth).to.be.at.most(320);
    expect(shadow(card).querySelector('[part=card]')!.scrollWidth).to.be.at.most(320);
  });

  it('still shows a well-formed card whose dates contradict each other, under the error', async () => {
    let el!: ZwPolicyCard;
    const original = console.warn;
    console.warn = () => {};
    try {
      el = await cardWith(sample('jinan', { writtenDate: '2020-09-20' }));
      el.preview = true; // staff's view: the issue list
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(el.state).to.equal('error');
    expect(shadow(el).querySelector('[role=alert]')!.textContent).to.contain('早于');
    expect(shadow(el).querySelector('[part=card]')).to.exist;
  });

  it('speaks English', async () => {
    const el = await cardWith(abolished(), { lang: 'en-GB' });
    const t = text(el);
    expect(t).to.contain('This document was abolished on 1 March 2021 and is no longer in force.');
    expect(t).to.contain('Index number').and.contain('Issuing body').and.contain('Publication date').and.contain('Validity: Abolished');
    // Chinese content inside an English UI keeps its language (screen-reader voice, CJK glyphs)
    expect(shadow(el).querySelector('[part=title]')!.getAttribute('lang')).to.equal('zh-CN');
    expect(shadow(el).querySelector('[part=summary] p')!.getAttribute('lang')).to.equal('zh-CN');
    const english = await cardWith(sample('jinan', { language: 'en', title: 'Key points of open government work 2020' }), { lang: 'en' });
    expect(shadow(english).querySelector('[part=title]')!.getAttribute('lang')).to.equal('en');
  });

  describe('Chinese typesetting', () => {
    /** The distinct line tops of a node's text (one per line it occupies). */
    const lines = (node: Element) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };

    for (const layout of ['full', 'compact'] as const) {
      it(`keeps dates, 发文字号 and the parts of the 索引号 whole at 320px with 20px text: ${layout}`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="width: 320px; --zw-font-size: 20px"><zw-policy-card layout=${layout} .data=${full()}></zw-policy-card></div>`,
        );
        const card = wrapper.querySelector('zw-policy-card')!;
        await untilState(card, 'ready');
        const dates = $$(card, 'time');
        expect(dates.length, 'dates').to.be.at.least(layout === 'full' ? 3 : 1);
        for (const date of dates) expect(lines(date), `${date.textContent} on one line (no 日 alone)`).to.equal(1);
        const tokens = $$(card, '.zw-nobreak');
        expect(
          tokens.map((t) => t.textContent),
          'the tokens kept whole',
        ).to.include.members(layout === 'full' ? ['11370100MB28696235/', '2020-00757', '济市监办字〔2020〕35号'] : ['济市监办字〔2020〕35号']);
        for (const token of tokens) expect(lines(token), `${token.textContent} on one line`).to.equal(1);
        expect(card.scrollWidth, 'nothing sticks out').to.be.at.most(320);
      });
    }

    it('moves a date or number to the next line whole, at any width', async () => {
      // Sweeping the width puts a line end inside every token at some width; a token must then move as a unit.
      const wrapper = await fixture<HTMLDivElement>(html`<div style="--zw-font-size: 20px">
        <zw-policy-card layout="compact" .data=${full()}></zw-policy-card><zw-policy-card .data=${full()}></zw-policy-card>
      </div>`);
      const cards = [...wrapper.querySelectorAll('zw-policy-card')];
      for (const card of cards) await untilState(card, 'ready');
      let checked = 0;
      for (let width = 200; width <= 520; width += 3) {
        wrapper.style.width = `${width}px`;
        for (const card of cards) {
          for (const token of $$(card, 'time, .zw-nobreak')) {
            if (token.getBoundingClientRect().width >= token.parentElement!.getBoundingClientRect().width - 1) continue; // longer than its line: may wrap
            expect(lines(token), `${token.textContent} at ${width}px`).to.equal(1);
            checked++;
          }
        }
      }
      expect(checked).to.be.greaterThan(100);
    });

    it('breaks lines the Chinese way (line-break: strict)', async () => {
      const el = await cardWith(full());
      const root = $(el, '.zw-root');
      expect(getComputedStyle(root).lineBreak).to.equal('strict');
      expect(getComputedStyle(root).wordBreak).to.equal('normal');
      expect(getComputedStyle(root).overflowWrap).to.equal('break-word');
    });
  });

  describe('accessibility (axe)', () => {
    for (const lang of ['zh-CN', 'en']) {
      for (const layout of ['full', 'compact'] as const) {
        it(`is clean when ready: ${layout}, ${lang}`, async () => {
          await expect(await cardWith(full(), { lang, layout })).to.be.accessible();
          await expect(await cardWith(abolished(), { lang, layout })).to.be.accessible();
        });
        it(`is clean when empty, loading and in error: ${layout}, ${lang}`, async () => {
          const wrapper = await fixture(html`<div lang=${lang}>
            <zw-policy-card layout=${layout}></zw-policy-card>
            <zw-policy-card layout=${layout} src="/__zw/delay/1000/demo/data/policy-001-jinan-market-2020.json"></zw-policy-card>
            <zw-policy-card layout=${layout}><script type="application/json">{"type":"policy","title":""}</script></zw-policy-card>
          </div>`);
          const [empty, loading, broken] = wrapper.querySelectorAll('zw-policy-card');
          expect([empty.state, loading.state]).to.deep.equal(['empty', 'loading']);
          await untilState(broken, 'error');
          await expect(wrapper).to.be.accessible();
        });
      }
    }
  });
});
