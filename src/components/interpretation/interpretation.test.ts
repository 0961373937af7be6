import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, oneEvent, settle, text, until, untilState } from '../../test-support/helpers.js';
import { fullInterpretation, seedInterpretation } from '../../test-support/interpretation-fixture.js';
import { HOSTILE } from '../../test-support/samples.js';
import type { InterpretationDocument } from '../../schema/types.generated.js';
import type { ZwInterpretation } from './interpretation.js';
import type { ZwSectionChangeEvent, ZwTermOpenEvent } from './interpretation.events.js';
import './interpretation.js';

const SECTION_IDS = ['background', 'objectives', 'main-content', 'scope', 'standards', 'notes', 'glossary', 'changes', 'benefits', 'faq', 'related'];

/** Waits until the element has measured its width and chosen its layout (wide, or narrow with a folded contents list). */
const laidOut = (el: ZwInterpretation) => until(() => el.shadowRoot!.querySelector('.layout.wide, .layout.narrow'), "the layout chosen from the element's width");

async function interpretation(doc: unknown, lang = 'zh-CN'): Promise<ZwInterpretation> {
  // room below, so that any section can scroll to the top of the window
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><zw-interpretation .data=${doc}></zw-interpretation><div style="height: 100vh"></div></div>`);
  const el = wrapper.querySelector('zw-interpretation')!;
  await settle(el);
  await laidOut(el);
  await el.updateComplete;
  for (const card of el.shadowRoot!.querySelectorAll('zw-policy-card')) await card.updateComplete;
  return el;
}

/** The next `name` event on `target` that `matches`, or a clear failure after `ms`. */
const anyEvent = () => true;
function eventWithin<T extends Event>(target: EventTarget, name: string, matches: (event: T) => boolean = anyEvent, ms = 4000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (event: Event) => {
      if (!matches(event as T)) return;
      clearTimeout(timer);
      target.removeEventListener(name, listener);
      resolve(event as T);
    };
    const timer = setTimeout(() => {
      target.removeEventListener(name, listener);
      reject(new Error(`no ${name} event ${matches === anyEvent ? '' : `matching ${matches} `}within ${ms} ms`));
    }, ms);
    target.addEventListener(name, listener);
  });
}
const sectionChangeTo = (el: ZwInterpretation, section: string) => eventWithin<ZwSectionChangeEvent>(el, 'zw-section-change', (e) => e.detail.section === section);

/**
 * Resolves once an IntersectionObserver made now has reported (its first report comes with the
 * next rendering update): by then every older observer — the element's — has reported what it saw.
 */
const observersReported = (target: Element) =>
  new Promise<void>((resolve) => {
    const observer = new IntersectionObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(target);
  });

/** The text of the contents list's current entry. */
const currentInToc = (el: ZwInterpretation) => el.shadowRoot!.querySelector('[part=toc] a[aria-current=location]')?.textContent?.trim();

/** The element focused inside the interpretation (through nested shadow roots), or the document's. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<zw-interpretation>', () => {
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    // the next test starts at the top: a scroll position left over would put another section in view first
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  describe('sections', () => {
    it('renders every section in the standard order, with headings', async () => {
      const el = await interpretation(fullInterpretation());
      expect($$(el, '[data-section]').map((s) => s.id)).to.deep.equal(SECTION_IDS);
      const headings = $$(el, '.section-heading').map((h) => h.textContent!.trim());
      expect(headings).to.deep.equal([
        '背景依据',
        '目标任务',
        '主要内容',
        '涉及范围',
        '执行标准',
        '注意事项',
        '关键词诠释',
        '新旧政策差异',
        '惠民利民举措',
        '典型问答',
        '相关政策',
      ]);
      expect(new Set($$(el, '.section-heading').map((h) => h.getAttribute('aria-level')))).to.deep.equal(new Set(['3']));
      expect($(el, '[part=title]').getAttribute('aria-level')).to.equal('2');
    });

    it('renders each section from its data', async () => {
      const el = await interpretation(fullInterpretation());
      expect(text($(el, '#background'))).to.contain('扎实推动政务公开工作');
      expect($$(el, '#objectives ol li').map((li) => li.textContent)).to.deep.equal(['深化重点领域信息公开', '强化解读回应']);
      expect($(el, '#main-content .block-heading').getAttribute('aria-level')).to.equal('4');
      expect($(el, '#standards table caption').textContent).to.equal('时限要求');
      expect($$(el, '#standards th').map((th) => th.textContent)).to.deep.equal(['事项', '时限']);
      expect($(el, '#notes [role=note]').textContent).to.contain('同步审签');
      expect($$(el, '#glossary dt').map((dt) => dt.textContent)).to.deep.equal(['第一解读人', '政策解读']);
      expect(text($(el, '#glossary'))).to.contain('出处：省商务厅2019年政务公开工作实施方案');
      const changes = $$(el, '#changes .changes-list > li');
      expect(changes).to.have.length(2);
      expect(text(changes[0]))
        .to.contain('原规定')
        .and.contain('未明确解读发布时限')
        .and.contain('新规定')
        .and.contain('文件公布后3个工作日内发布解读')
        .and.contain('与政策文件相互链接');
      expect(text(changes[1])).to.contain('（原无此规定，新增）');
      expect($(el, '#changes slot[name=comparison]')).to.exist;
      expect($<HTMLAnchorElement>(el, '#changes a[href="/compare/2019.html"]')).to.exist;
      expect(text($(el, '#benefits'))).to.contain('第一时间看懂政策');
      expect($$(el, '#faq details')).to.have.length(3);
      expect($$(el, '#faq details')[1].querySelectorAll('.answer p')).to.have.length(2);
      const related = $$(el, '#related li');
      expect(related).to.have.length(2);
      expect(related[0].querySelector('zw-policy-card')!.getAttribute('layout')).to.equal('compact');
      expect(related[1].querySelector('a')!.getAttribute('href')).to.equal('/zc/2020-yaodian.html');
    });

    it('leaves out every section that has no data, and the table of contents with one section', async () => {
      const doc = fullInterpretation();
      for (const key of ['objectives', 'scope', 'standards', 'notes', 'glossary', 'changes', 'benefits', 'faq', 'related'] as const) delete doc[key];
      const el = await interpretation(doc);
      expect($$(el, '[data-section]').map((s) => s.id)).to.deep.equal(['background', 'main-content']);
      expect($$(el, '[part=toc] a').map((a) => a.textContent!.trim())).to.deep.equal(['背景依据', '主要内容']);
      delete doc.mainContent;
      const single = await interpretation(doc);
      expect($(single, '[part=toc]')).to.equal(null);
    });

    it('shows the header: form, interpreting body, date, first interpreter, the policy card and media links', async () => {
      const el = await interpretation(fullInterpretation());
      const header = text($(el, '[part=header]'));
      expect(header).to.contain('图文解读').and.contain('解读机构：山东省商务厅办公室').and.contain('发布日期：2019年8月1日').and.contain('第一解读人：张某某（厅办公室主任）');
      const card = $(el, '.policy zw-policy-card');
      expect(card.shadowRoot!.textContent).to.contain('省商务厅2019年政务公开工作实施方案');
      expect(card.getAttribute('heading-level')).to.equal('3');
      const links = $$<HTMLAnchorElement>(el, '.media a');
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/tj/2019-fangan.html', '/sp/2019.mp4', '/sp/2019.vtt']);
      expect(text(links[0])).to.contain('【一图读懂】解读《省商务厅2019年政务公开实施方案》');
      expect(text(links[1])).to.contain('观看视频解读（三分钟看懂方案）').and.contain('时长 3:05');
      for (const a of links) expect(a.getBoundingClientRect().height).to.be.at.least(44);
    });

    it('fetches the policy from policyUrl and inherits its 有效性 banner', async () => {
      const doc = fullInterpretation();
      delete doc.policy;
      doc.policyUrl = '/__zw/delay/50/src/test-support/abolished-policy.json';
      const loads: Event[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div @zw-load=${(e: Event) => loads.push(e)}><zw-interpretation .data=${doc}></zw-interpretation></div>`);
      const el = wrapper.querySelector('zw-interpretation')!;
      await untilState(el.shadowRoot!.querySelector('zw-policy-card')!, 'ready');
      await el.updateComplete;
      const banner = $(el, '[part=banner]');
      expect(banner.textContent).to.contain('本解读所解读的文件已于 2021年3月1日 废止，解读内容不再适用。');
      expect(banner.querySelector('a')!.getAttribute('href')).to.equal('/xxgk/2021-zwgk.html');
      // the nested card's zw-load stays inside: the page hears only the interpretation's own
      expect(loads.map((e) => (e.target as Element).localName)).to.deep.equal(['zw-interpretation']);
    });

    it('passes its theme on to the policy cards inside, and shows a new rule without strike-through', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><zw-interpretation theme="blue" .data=${fullInterpretation()}></zw-interpretation></div>`);
      const el = wrapper.querySelector('zw-interpretation')!;
      await settle(el);
      const cards = $$(el, 'zw-policy-card');
      expect(cards.length).to.equal(2);
      for (const card of cards) expect(card.getAttribute('theme')).to.equal('blue');
      const none = $(el, '#changes .none');
      expect(getComputedStyle(none).textDecorationLine).to.equal('none');
      expect(getComputedStyle($(el, '#changes .old')).textDecorationLine).to.equal('line-through');
    });

    it('keeps the inherited banner when the data is set again with the same policyUrl', async () => {
      const doc = fullInterpretation();
      delete doc.policy;
      doc.policyUrl = '/src/test-support/abolished-policy.json';
      const el = await interpretation(doc);
      await untilState(el.shadowRoot!.querySelector('zw-policy-card')!, 'ready');
      await el.updateComplete;
      expect($(el, '[part=banner]')).to.exist;
      el.data = { ...doc, title: '改了标题' };
      await until(() => text($(el, '[part=title]')) === '改了标题', 'the new title');
      await settle(el);
      await (el.shadowRoot!.querySelector('zw-policy-card') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect($(el, '[part=banner]')).to.exist;
    });

    it("keeps the reader's FAQ state when slotted content changes", async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><zw-interpretation><script type="application/json">${JSON.stringify(fullInterpretation())}</script><div slot="comparison">对比</div></zw-interpretation></div>`,
      );
      const el = wrapper.querySelector('zw-interpretation')!;
      await untilState(el, 'ready');
      await settle(el);
      $$<HTMLButtonElement>(el, '.faq-tools button')[0].click();
      await el.updateComplete;
      el.querySelector('[slot=comparison]')!.textContent = '新的对比'; // the element's mutation observer reports it in a microtask
      await settle(el);
      expect($$<HTMLDetailsElement>(el, '#faq details').every((d) => d.open)).to.equal(true);
    });

    it('makes an interpreted abolished policy obvious', async () => {
      const doc = fullInterpretation();
      Object.assign(doc.policy!, { validity: 'abolished', abolishDate: '2020-01-01' });
      const el = await interpretation(doc);
      const banner = $(el, '[part=banner]');
      expect(banner.textContent).to.contain('已于 2020年1月1日 废止');
      // first thing in the article, before the title
      expect($(el, '[part=article]').firstElementChild).to.equal(banner);
    });
  });

  describe('table of contents', () => {
    it('folds away in a narrow column even on a wide screen', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"><zw-interpretation .data=${fullInterpretation()}></zw-interpretation></div>`);
      const el = wrapper.querySelector('zw-interpretation')!;
      await settle(el);
      await laidOut(el);
      expect($(el, '.layout.narrow')).to.exist;
      expect($(el, '[part=toc] details')).to.exist;
    });

    it('is a sticky column on wide screens and folds away on phones', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wide = await interpretation(fullInterpretation());
      expect(getComputedStyle($(wide, '[part=toc]')).position).to.equal('sticky');
      expect($(wide, '[part=toc] details')).to.equal(null);
      await expect(wide).to.be.accessible();
      await setViewport({ width: 375, height: 700 });
      await until(() => $(wide, '[part=toc] details'), 'the contents list folded at 375 px');
      await wide.updateComplete;
      const details = $<HTMLDetailsElement>(wide, '[part=toc] details');
      expect(details.open).to.equal(false);
      await expect(wide).to.be.accessible();
      details.querySelector('summary')!.click();
      await wide.updateComplete;
      expect(details.open).to.equal(true);
      await expect(wide).to.be.accessible();
    });

    it('highlights the section being read as the reader scrolls the window, and says so once per change', async () => {
      await setViewport({ width: 1280, height: 600 });
      const el = await interpretation(fullInterpretation());
      expect($(el, '.layout.wide')).to.exist;
      const changes: string[] = [];
      el.addEventListener('zw-section-change', (e) => changes.push((e as ZwSectionChangeEvent).detail.section));
      expect(currentInToc(el)).to.equal('背景依据');
      let next = sectionChangeTo(el, 'glossary');
      $(el, '#glossary').scrollIntoView({ block: 'start' });
      await next;
      await until(() => currentInToc(el) === '关键词诠释', 'aria-current on 关键词诠释');
      next = sectionChangeTo(el, 'faq');
      $(el, '#faq').scrollIntoView({ block: 'start' });
      await next;
      await until(() => currentInToc(el) === '典型问答', 'aria-current on 典型问答');
      const back = sectionChangeTo(el, 'background');
      window.scrollTo(0, 0);
      const event = await back;
      expect(event.detail).to.deep.equal({ section: 'background', title: '背景依据' });
      expect(event.bubbles && event.composed).to.equal(true);
      await observersReported(el);
      expect(changes, 'one event per change').to.deep.equal(['glossary', 'faq', 'background']);
    });

    it('follows the reader in a portal that scrolls a <div>, not the window', async () => {
      await setViewport({ width: 1280, height: 600 });
      // the scrolling box starts below the window's top third: the reading band is the box's own
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <div style="height: 250px">门户页头</div>
        <div class="scroller" style="height: 400px; overflow: auto">
          <zw-interpretation .data=${fullInterpretation()}></zw-interpretation>
          <div style="height: 400px"></div>
        </div>
      </div>`);
      const scroller = wrapper.querySelector<HTMLDivElement>('.scroller')!;
      const el = wrapper.querySelector('zw-interpretation')!;
      await settle(el);
      await laidOut(el);
      const changes: string[] = [];
      el.addEventListener('zw-section-change', (e) => changes.push((e as ZwSectionChangeEvent).detail.section));
      expect(currentInToc(el)).to.equal('背景依据');
      const toFaq = sectionChangeTo(el, 'faq');
      scroller.scrollTop += $(el, '#faq').getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      await toFaq;
      await until(() => currentInToc(el) === '典型问答', 'aria-current on 典型问答');
      expect(scrollY, 'the window did not scroll').to.equal(0);
      await expect(el).to.be.accessible();
      const back = sectionChangeTo(el, 'background');
      scroller.scrollTop = 0;
      await back;
      await until(() => currentInToc(el) === '背景依据', 'aria-current back on 背景依据');
      await observersReported(el);
      expect(changes, 'one event per change').to.deep.equal(['faq', 'background']);
    });

    it('after a jump from the contents list, keeps the section jumped to until the reader scrolls elsewhere', async () => {
      await setViewport({ width: 1280, height: 600 });
      const el = await interpretation(fullInterpretation());
      const changes: string[] = [];
      el.addEventListener('zw-section-change', (e) => changes.push((e as ZwSectionChangeEvent).detail.section));
      const jumpTo = async () => {
        const landed = eventWithin(document, 'scrollend');
        $<HTMLAnchorElement>(el, '[part=toc] a[href="#benefits"]').click();
        await until(() => currentInToc(el) === '惠民利民举措', 'aria-current on 惠民利民举措');
        await landed;
        expect(Math.abs($(el, '#benefits').getBoundingClientRect().top), 'landed on 惠民利民举措').to.be.below(2);
        // 惠民利民举措 is short: the FAQ below it has passed the reading line too, and the observer has said so
        expect($(el, '#faq').getBoundingClientRect().top).to.be.below(innerHeight * 0.3);
        await observersReported(el);
        expect(currentInToc(el), "the jump's target holds").to.equal('惠民利民举措');
      };
      await jumpTo();
      expect(changes).to.deep.equal(['benefits']);
      // the page scrolls elsewhere (a script, no input from the reader): the observer decides again
      const back = sectionChangeTo(el, 'background');
      window.scrollTo(0, 0);
      await back;
      await jumpTo();
      // the reader scrolls on with the keyboard
      const moved = eventWithin<ZwSectionChangeEvent>(el, 'zw-section-change');
      await sendKeys({ press: 'PageDown' });
      expect((await moved).detail.section).to.not.equal('benefits');
      expect(currentInToc(el)).to.not.equal('惠民利民举措');
      expect(changes.slice(0, 3)).to.deep.equal(['benefits', 'background', 'benefits']);
    });

    it('on a phone, folds the contents list and lands on the section chosen from it', async () => {
      await setViewport({ width: 375, height: 700 });
      const el = await interpretation(fullInterpretation());
      const details = $<HTMLDetailsElement>(el, '[part=toc] details');
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      $<HTMLAnchorElement>(el, '[part=toc] a[href="#objectives"]').click();
      // smooth scrolling: wait for the section to arrive, however long the machine takes
      await until(() => Math.abs($(el, '#objectives').getBoundingClientRect().top) < 60, 'the section at the top of the window');
      expect(details.open).to.equal(false);
    });

    it('jumps to a section from its link, moves focus there and updates the address', async () => {
      const el = await interpretation(fullInterpretation());
      $<HTMLAnchorElement>(el, '[part=toc] a[href="#scope"]').click();
      await until(() => el.shadowRoot!.activeElement === $(el, '#scope .section-heading'), 'focus on the 涉及范围 heading');
      expect(location.hash).to.equal('#scope');
    });
  });

  describe('anchors', () => {
    it('opens the question a link points at (#faq-2) and scrolls to it', async () => {
      history.replaceState(null, '', '#faq-2');
      const el = await interpretation(fullInterpretation());
      await until(() => el.shadowRoot!.activeElement?.closest('#faq-2'), 'focus on the second question');
      const items = $$<HTMLDetailsElement>(el, '#faq details');
      expect(items.map((d) => d.open)).to.deep.equal([false, true, false]);
      expect(el.shadowRoot!.activeElement).to.equal(items[1].querySelector('summary'));
      const rect = items[1].getBoundingClientRect();
      expect(rect.bottom, 'scrolled into view').to.be.greaterThan(0);
      expect(rect.top, 'near the top of the window').to.be.lessThan(innerHeight / 3);
    });

    it('follows later changes of the address, and a prefix keeps two interpretations apart', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <zw-interpretation id="a" anchor-prefix="a-" .data=${fullInterpretation()}></zw-interpretation>
        <zw-interpretation id="b" anchor-prefix="b-" .data=${fullInterpretation()}></zw-interpretation>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('zw-interpretation')];
      await Promise.all([a.updateComplete, b.updateComplete]);
      location.hash = '#b-faq-3';
      await oneEvent(window, 'hashchange');
      await until(() => b.shadowRoot!.querySelector<HTMLDetailsElement>('#b-faq-3')?.open, 'the third question of b open');
      expect([...b.shadowRoot!.querySelectorAll<HTMLDetailsElement>('#b-faq-3')].map((d) => d.open)).to.deep.equal([true]);
      expect([...a.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.faq-item')].some((d) => d.open)).to.equal(false);
    });

    it('survives a malformed fragment (#100%)', async () => {
      history.replaceState(null, '', '#100%');
      const errors: unknown[] = [];
      const onError = (e: PromiseRejectionEvent) => errors.push(e.reason);
      window.addEventListener('unhandledrejection', onError);
      const el = await interpretation(fullInterpretation());
      await settle(el);
      await observersReported(el);
      window.removeEventListener('unhandledrejection', onError);
      expect(errors).to.deep.equal([]);
      expect(el.state).to.equal('ready');
    });

    it('keeps following the reader after being moved in the page', async () => {
      await setViewport({ width: 1280, height: 600 });
      const el = await interpretation(fullInterpretation());
      const wrapper = el.parentElement!;
      const moved = document.createElement('div');
      wrapper.prepend(moved);
      moved.append(el); // disconnected and connected again, the room below kept
      await settle(el);
      await laidOut(el);
      // start from the top, and let the element report where the reader is before listening: had the page been
      // left scrolled to 典型问答, that report would come first and the jump below would change nothing
      window.scrollTo(0, 0);
      await observersReported(el);
      const seen: string[] = [];
      el.addEventListener('zw-section-change', (e) => seen.push((e as ZwSectionChangeEvent).detail.section));
      const toFaq = sectionChangeTo(el, 'faq');
      $(el, '#faq').scrollIntoView({ block: 'start' });
      await toFaq;
      await until(() => currentInToc(el) === '典型问答', 'aria-current on 典型问答');
      await observersReported(el);
      // one observer, not one per connection: a second one would report every section twice in a row
      // (where the page comes to rest after the jump may also report the last section, 相关政策, once)
      expect(seen[0]).to.equal('faq');
      expect(
        seen.filter((s) => s === 'faq'),
        'faq reported once',
      ).to.deep.equal(['faq']);
      expect(
        seen.some((s, i) => i > 0 && s === seen[i - 1]),
        `no section reported twice in a row: ${seen}`,
      ).to.equal(false);
    });

    it('gives every section and question a stable id', async () => {
      const el = await interpretation(fullInterpretation());
      expect($$(el, '#faq details').map((d) => d.id)).to.deep.equal(['faq-1', 'faq-2', 'faq-3']);
      expect(await el.reveal('no-such-anchor')).to.equal(false);
    });
  });

  describe('glossary terms', () => {
    it('marks a term where it first occurs in a section, described by its definition', async () => {
      const el = await interpretation(fullInterpretation());
      const terms = $$<HTMLButtonElement>(el, '#main-content .term');
      expect(terms.map((t) => t.textContent)).to.deep.equal(['政策解读', '第一解读人']);
      const described = el.shadowRoot!.getElementById(terms[1].getAttribute('aria-describedby')!)!;
      expect(described.textContent).to.contain('在重要政策出台时带头解读政策的主要负责同志');
      expect(terms[1].getAttribute('aria-expanded')).to.equal('false');
      // the glossary itself and questions' summaries are not marked
      expect($$(el, '#glossary .term')).to.have.length(0);
      expect($$(el, '#faq summary .term')).to.have.length(0);
    });

    it("are text that wraps, one tab stop per section: arrows, Home and End move among the section's terms", async () => {
      const el = await interpretation(fullInterpretation());
      const terms = $$(el, '#main-content .term');
      expect(terms.map((t) => t.textContent)).to.deep.equal(['政策解读', '第一解读人']);
      expect(getComputedStyle(terms[0]).display).to.equal('inline');
      expect(terms.map((t) => t.getAttribute('role'))).to.deep.equal(['button', 'button']);
      expect(terms.map((t) => t.tabIndex)).to.deep.equal([0, -1]);
      // the tab stop tells how to reach the others, after the definition
      const [definition, keys] = terms[0].getAttribute('aria-describedby')!.split(' ');
      expect(el.shadowRoot!.getElementById(definition)!.textContent).to.contain('对政策的背景依据');
      expect(el.shadowRoot!.getElementById(keys)!.textContent).to.not.equal('');
      terms[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(el.shadowRoot!.activeElement).to.equal(terms[1]);
      expect(
        terms.map((t) => t.tabIndex),
        'the stop moves with focus',
      ).to.deep.equal([-1, 0]);
      await sendKeys({ press: 'ArrowRight' });
      expect(el.shadowRoot!.activeElement, 'stays on the last').to.equal(terms[1]);
      await sendKeys({ press: 'Home' });
      expect(el.shadowRoot!.activeElement).to.equal(terms[0]);
      await sendKeys({ press: 'End' });
      expect(el.shadowRoot!.activeElement).to.equal(terms[1]);
      await sendKeys({ press: 'ArrowLeft' });
      expect(el.shadowRoot!.activeElement).to.equal(terms[0]);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.closest('#main-content'), 'Tab leaves the section').to.equal(null);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement, 'back to the term used last').to.equal(terms[0]);
      const opened = oneEvent(el, 'zw-term-open') as Promise<ZwTermOpenEvent>;
      await sendKeys({ press: 'Space' });
      expect((await opened).detail.term).to.equal('政策解读');
      await until(() => el.shadowRoot!.activeElement === $(el, '[part=popover]'), 'focus in the definition');
      await expect(el).to.be.accessible();
    });

    it('in seed 000, the keyboard reaches the FAQ filter in one stop per section, not one per term', async () => {
      await setViewport({ width: 1280, height: 800 });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><button type="button" id="start">开始</button><zw-interpretation .data=${seedInterpretation()}></zw-interpretation></div>`,
      );
      const el = wrapper.querySelector('zw-interpretation')!;
      await settle(el);
      await laidOut(el);
      for (const card of $$(el, 'zw-policy-card')) await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      const termsBefore = $$(el, '.term').filter((t) => !t.closest('#faq'));
      const groups = new Set(termsBefore.map((t) => t.dataset.termGroup));
      expect(termsBefore.length, 'a text with many marked terms').to.be.at.least(10);
      wrapper.querySelector<HTMLButtonElement>('#start')!.focus();
      const filter = $(el, '#faq-filter');
      const stops: Element[] = [];
      while (deepActive() !== filter) {
        if (stops.length > 100) throw new Error(`the FAQ filter not reached in 100 tab stops: ${stops.map((s) => s.textContent?.trim().slice(0, 8)).join(' | ')}`);
        await sendKeys({ press: 'Tab' });
        stops.push(deepActive()!);
      }
      const termStops = stops.filter((s) => s.classList.contains('term'));
      expect(termStops.length, 'one stop per section with terms').to.equal(groups.size);
      expect(termStops.length).to.be.below(termsBefore.length / 2);
      await expect(el).to.be.accessible();
    });

    it('opens with Enter, moves focus into the definition, closes with Escape back to the term', async () => {
      const el = await interpretation(fullInterpretation());
      const term = $$<HTMLButtonElement>(el, '#main-content .term')[1];
      const opened = oneEvent(el, 'zw-term-open') as Promise<ZwTermOpenEvent>;
      term.focus();
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.term).to.equal('第一解读人');
      await el.updateComplete;
      const popover = $(el, '[part=popover]');
      expect(term.getAttribute('aria-expanded')).to.equal('true');
      expect(popover.getAttribute('role')).to.equal('dialog');
      expect(el.shadowRoot!.getElementById(popover.getAttribute('aria-labelledby')!)!.textContent).to.equal('第一解读人');
      expect(el.shadowRoot!.activeElement).to.equal(popover);
      expect(popover.textContent).to.contain('在重要政策出台时带头解读政策的主要负责同志').and.contain('出处：');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect($(el, '[part=popover]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(term);
      expect(term.getAttribute('aria-expanded')).to.equal('false');
    });

    it('closes with its close button and when the reader clicks elsewhere', async () => {
      const el = await interpretation(fullInterpretation());
      const term = $$<HTMLButtonElement>(el, '#main-content .term')[0];
      term.click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '.popover-close').click();
      await el.updateComplete;
      expect($(el, '[part=popover]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(term);
      term.click();
      await el.updateComplete;
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect($(el, '[part=popover]')).to.equal(null);
    });

    it('keeps quotes and punctuation with the terms when lines wrap (no 行首 closing, no 行尾 opening punctuation)', async () => {
      await setViewport({ width: 800, height: 800 });
      const doc = fullInterpretation({
        glossary: [
          { term: '五公开', definition: '决策、执行、管理、服务、结果公开。' },
          { term: '谁解读', definition: '谁起草、谁解读。' },
          { term: '公开属性源头认定', definition: '在公文拟制时明确公开属性。' },
        ],
        mainContent: [{ type: 'paragraph', text: '全面推行结果“五公开”，按照“谁起草、谁解读”的原则，落实「公开属性源头认定」（见附件）。' }],
      });
      const wrapper = await fixture<HTMLDivElement>(html`<div><zw-interpretation .data=${doc}></zw-interpretation></div>`);
      const el = wrapper.querySelector('zw-interpretation')!;
      await settle(el);
      await laidOut(el);
      const paragraph = $(el, '#main-content p');
      expect(paragraph.querySelectorAll('.term')).to.have.length(3);
      expect(getComputedStyle(paragraph).lineBreak).to.equal('strict');
      const longTerm = [...paragraph.querySelectorAll('.term')].find((t) => t.textContent === '公开属性源头认定')!;
      const faults = new Set<string>();
      let wrapped = false;
      for (let width = 120; width <= 420; width += 2) {
        wrapper.style.width = `${width}px`;
        // each character with the top of its line, across the terms' elements
        const chars: { char: string; top: number }[] = [];
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let i = 0; i < node.data.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (rect) chars.push({ char: node.data[i], top: Math.round(rect.top) });
          }
        }
        chars.forEach(({ char, top }, i) => {
          if (i > 0 && top !== chars[i - 1].top && '”」）。，、'.includes(char)) faults.add(`${width}px: a line starts with ${char}`);
          if (i < chars.length - 1 && top !== chars[i + 1].top && '“「（'.includes(char)) faults.add(`${width}px: a line ends with ${char}`);
        });
        if (longTerm.getClientRects().length > 1) wrapped = true;
      }
      expect([...faults]).to.deep.equal([]);
      expect(wrapped, 'a long term wraps like text').to.equal(true);
    });

    it('keeps the popover on screen at 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await interpretation(fullInterpretation());
      const term = $$<HTMLButtonElement>(el, '#main-content .term')[1];
      term.click();
      await el.updateComplete;
      const rect = $(el, '[part=popover]').getBoundingClientRect();
      expect(rect.left).to.be.at.least(0);
      expect(rect.right).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  });

  describe('questions and answers', () => {
    it('expands and collapses all', async () => {
      const el = await interpretation(fullInterpretation());
      const [expand, collapse] = $$<HTMLButtonElement>(el, '.faq-tools button');
      for (const button of [expand, collapse]) expect(button.getBoundingClientRect().height).to.be.at.least(44);
      expand.click();
      await el.updateComplete;
      expect($$<HTMLDetailsElement>(el, '#faq details').every((d) => d.open)).to.equal(true);
      await expect(el).to.be.accessible();
      collapse.click();
      await el.updateComplete;
      expect($$<HTMLDetailsElement>(el, '#faq details').some((d) => d.open)).to.equal(false);
    });

    it('filters questions and answers as the reader types, and says how many match', async () => {
      const el = await interpretation(fullInterpretation());
      const input = $<HTMLInputElement>(el, '#faq-filter');
      expect(el.shadowRoot!.querySelector(`label[for=faq-filter]`)!.textContent).to.equal('在问答中查找');
      input.focus();
      await sendKeys({ type: '起草' });
      await el.updateComplete;
      const visible = () =>
        $$<HTMLDetailsElement>(el, '#faq details')
          .filter((d) => !d.hidden)
          .map((d) => d.id);
      expect(visible()).to.deep.equal(['faq-2']);
      expect($(el, '.faq-status').textContent!.trim()).to.equal('找到 1 个问题（共 3 个）');
      input.value = '３个工作日'; // full-width digits still match
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(visible()).to.deep.equal(['faq-1']);
      input.value = '没有这个';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(visible()).to.deep.equal([]);
      expect($(el, '.faq-status').textContent!.trim()).to.equal('找到 0 个问题（共 3 个）');
    });
  });

  it('spaces every section alike (the glossary too) and rings the FAQ filter with the 3 px focus ring', async () => {
    const el = await interpretation(fullInterpretation());
    const sections = $$(el, '[data-section]');
    const gaps = sections.slice(1).map((s, i) => Math.round(s.getBoundingClientRect().top - sections[i].getBoundingClientRect().bottom));
    expect(new Set(gaps).size, `gaps between sections: ${gaps.join(', ')}`).to.equal(1);
    expect(gaps[0]).to.be.greaterThan(0);
    const input = $<HTMLInputElement>(el, '#faq-filter');
    input.focus();
    expect(getComputedStyle(input).outlineStyle).to.equal('solid');
    expect(getComputedStyle(input).outlineWidth).to.equal('3px');
    await expect(el).to.be.accessible();
  });

  it('chooses its layout from its own text size, not from a portal reset on the host', async () => {
    await setViewport({ width: 1280, height: 800 });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <style>
        .portal * { font-size: 12px; }
        .portal { --zw-font-size: 20px; }
      </style>
      <div class="portal" style="width: 1000px"><zw-interpretation .data=${fullInterpretation()}></zw-interpretation></div>
    </div>`);
    const el = wrapper.querySelector('zw-interpretation')!;
    await settle(el);
    await laidOut(el);
    // the element's text is set on its root wrapper (the host's own box only without one)
    const textBox = el.shadowRoot!.querySelector('.zw-root') ?? el;
    const size = parseFloat(getComputedStyle(textBox).fontSize);
    expect(!!$(el, '.layout.wide'), `${1000 / size} em at ${size}px text`).to.equal(1000 / size >= 56);
    if (textBox !== el) {
      // 1000 px is 50 em of the 20 px text the reader sees (83 em of the host's 12 px)
      expect(size).to.equal(20);
      expect($(el, '.layout.narrow')).to.exist;
    }
  });

  it('prints every section expanded, without the contents list', async () => {
    const el = await interpretation(fullInterpretation());
    window.dispatchEvent(new Event('beforeprint'));
    expect($$<HTMLDetailsElement>(el, '#faq details').every((d) => d.open)).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect($$<HTMLDetailsElement>(el, '#faq details').some((d) => d.open)).to.equal(false);
    const printRules = [...el.shadowRoot!.adoptedStyleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule) => rule instanceof CSSMediaRule && rule.conditionText === 'print')
      .map((rule) => rule.cssText)
      .join('\n');
    expect(printRules).to.contain('.toc').and.contain('attr(href)');
  });

  it('renders hostile strings as inert text', async () => {
    (window as unknown as Record<string, unknown>).__zwPwned = undefined;
    const [img, script, svg] = HOSTILE;
    const doc = fullInterpretation({
      title: img,
      interpreter: { name: script },
      firstInterpreter: { name: svg, post: img },
      background: [
        { type: 'paragraph', text: `${img}${script}` },
        { type: 'list', items: HOSTILE },
      ],
      standards: [{ type: 'table', caption: svg, head: [img], rows: [[script]] }],
      glossary: [{ term: img, definition: script, source: svg }],
      changes: { items: [{ subject: svg, before: img, after: script, note: img }] },
      faq: [{ question: img, answer: `${script}\n${svg}` }],
      related: [{ url: '/x.html', title: img }],
      media: { infographicTitle: svg, infographicUrl: '/t.html' },
    });
    const el = await interpretation(doc);
    expect(el.state).to.equal('ready');
    $$<HTMLButtonElement>(el, '.term')[0].click();
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '.faq-tools button')[0].click();
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('img, script, svg, [onerror], [onload]')).to.have.length(0);
    expect((window as unknown as Record<string, unknown>).__zwPwned).to.equal(undefined);
    expect(text(el.shadowRoot!)).to.contain(img).and.contain(script).and.contain(svg);
  });

  it('marks content with its language and UI text with the UI language, nested cards included', async () => {
    const el = await interpretation(fullInterpretation(), 'en');
    const langOf = (node: Element) => node.closest('[lang]')?.getAttribute('lang') ?? null;
    expect(langOf($(el, '#background .section-heading'))).to.equal(null); // inherits the page's English
    expect(langOf($(el, '#background p'))).to.equal('zh-CN');
    expect(langOf($(el, '.faq-tools label'))).to.equal(null);
    expect(langOf($(el, '#faq .question'))).to.equal('zh-CN');
    for (const card of $$(el, 'zw-policy-card')) {
      await settle(card as never);
      expect(card.shadowRoot!.textContent).to.contain('Publication date');
    }
    el.parentElement!.setAttribute('lang', 'zh-CN');
    await settle(el);
    for (const card of $$(el, 'zw-policy-card')) {
      await settle(card as never);
      expect(card.shadowRoot!.textContent).to.contain('发布日期');
    }
  });

  for (const [lang, ui] of [
    [
      'en',
      {
        contents: 'Contents',
        expand: 'Expand all',
        filter: 'Search the questions',
        all: '3 questions',
        found: '1 of 3 questions found',
        close: 'Close definition',
        source: 'Source',
      },
    ],
    ['zh-Hant', { contents: '目錄', expand: '全部展開', filter: '在問答中查找', all: '共 3 個問題', found: '找到 1 個問題（共 3 個）', close: '關閉釋義', source: '出處' }],
  ] as const) {
    it(`keeps its UI in ${lang} after every interaction: popover, FAQ filter, expand and collapse`, async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await interpretation(fullInterpretation(), lang);
      const ZH_CN = ['目录', '全部展开', '在问答中查找', '个问题', '关闭释义', '出处', '发布日期', '解读机构'];
      /** UI text: everything but the document's own content (marked lang="zh-CN"), with the buttons' names. */
      const uiText = () => {
        const parts: string[] = [];
        const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement!.closest('[lang]')?.getAttribute('lang') !== 'zh-CN') parts.push(node.textContent!);
        }
        for (const labelled of el.shadowRoot!.querySelectorAll('[aria-label]')) parts.push(labelled.getAttribute('aria-label')!);
        return parts.join(' ');
      };
      const expectUi = (when: string) => {
        const found = ZH_CN.filter((s) => uiText().includes(s));
        expect(found, `zh-CN UI text ${when}`).to.deep.equal([]);
      };
      expect(text($(el, '.toc-title'))).to.equal(ui.contents);
      expect(text($(el, '.faq-status'))).to.equal(ui.all);
      expect(text($(el, 'label[for=faq-filter]'))).to.equal(ui.filter);
      expectUi('as rendered');
      $$(el, '#main-content .term')[1].click();
      await until(() => $(el, '[part=popover]'), 'the popover');
      expect($(el, '.popover-close').getAttribute('aria-label')).to.equal(ui.close);
      expect(text($(el, '.popover-source'))).to.contain(ui.source);
      expectUi('with the popover open');
      const input = $<HTMLInputElement>(el, '#faq-filter');
      input.value = '起草';
      input.dispatchEvent(new Event('input'));
      await until(() => text($(el, '.faq-status')) === ui.found, `the filter status "${ui.found}"`);
      expectUi('after filtering');
      const [expand, collapse] = $$<HTMLButtonElement>(el, '.faq-tools button');
      expect(text(expand)).to.equal(ui.expand);
      expand.click();
      await until(() => $$<HTMLDetailsElement>(el, '#faq details').some((d) => d.open), 'the questions found open');
      collapse.click();
      await until(() => $$<HTMLDetailsElement>(el, '#faq details').every((d) => !d.open), 'every question closed');
      expectUi('after expanding and collapsing');
      await expect(el).to.be.accessible();
    });
  }

  it('speaks English around Chinese content', async () => {
    const el = await interpretation(fullInterpretation(), 'en');
    const headings = $$(el, '.section-heading').map((h) => h.textContent!.trim());
    expect(headings[0]).to.equal('Background and basis');
    expect(headings).to.include('Questions and answers');
    expect(text($(el, '[part=header]')))
      .to.contain('Illustrated interpretation')
      .and.contain('1 August 2019');
    expect($(el, '#background .section-body').getAttribute('lang')).to.equal('zh-CN');
    expect($(el, '.faq-status').textContent!.trim()).to.equal('3 questions');
  });

  it('is accessible at 320 px and 1280 px, in both languages, with everything open', async () => {
    for (const [width, lang] of [
      [320, 'zh-CN'],
      [1280, 'en'],
    ] as const) {
      await setViewport({ width, height: 800 });
      const el = await interpretation(fullInterpretation(), lang);
      await expect(el).to.be.accessible();
      $$<HTMLButtonElement>(el, '.faq-tools button')[0].click();
      $$<HTMLButtonElement>(el, '.term')[0].click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      expect(document.documentElement.scrollWidth, `no sideways scrolling at ${width}px`).to.be.at.most(width);
    }
  });

  it('shows the loading, empty and error states accessibly', async () => {
    const wrapper = await fixture(html`<div>
      <zw-interpretation></zw-interpretation>
      <zw-interpretation src="/__zw/delay/1000/demo/data/interpretation-000-shandong-commerce-2019.json"></zw-interpretation>
      <zw-interpretation preview .data=${{ type: 'interpretation', schemaVersion: 1, title: 'x', interpreter: { name: 'y' }, publishDate: '2019-08-01', policyUrl: '/p.json' } as unknown as InterpretationDocument}></zw-interpretation>
    </div>`);
    const [empty, loading, broken] = [...wrapper.querySelectorAll('zw-interpretation')];
    await broken.updateComplete;
    expect([empty.state, loading.state, broken.state]).to.deep.equal(['empty', 'loading', 'error']);
    expect(empty.shadowRoot!.textContent).to.contain('暂无政策解读');
    expect(broken.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('解读没有任何内容');
    await expect(wrapper).to.be.accessible();
  });

  it('renders the seed-based samples', async () => {
    const el = await fixture<ZwInterpretation>(html`<zw-interpretation src="/demo/data/interpretation-000-shandong-commerce-2019.json"></zw-interpretation>`);
    await untilState(el, 'ready');
    expect(el.issues.filter((i) => i.severity === 'error')).to.deep.equal([]);
    expect($$(el, '[data-section]').length).to.be.at.least(10);
    await expect(el).to.be.accessible();
  });
});
