import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../test-support/helpers.js';
import { applyPinyin, applyScript } from './extras.js';
import { longRegulation } from '../../test-support/reader-fixture.js';

const ARTICLE = `<h2 id="zw-r-1">一、总体要求</h2><p>各区<strong>干部</strong>要联系群众，<a href="/x">还款</a>期限为2021年3月1日。</p><ul><li>头发护理 <em>ABC</em></li></ul><p data-zw-skip="">不要转换：干燥</p><script type="text/plain">干燥</script><p><ruby>行<rt>xíng</rt></ruby>长</p>`;

async function article(): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<article lang="zh-CN"></article>`);
  el.innerHTML = ARTICLE;
  return el;
}

/** Each ruby base character (the Text nodes of a ruby, outside rt) with the reading in the rt after it. */
function readings(scope: Element): [string, string][] {
  const out: [string, string][] = [];
  for (const ruby of scope.querySelectorAll('span[data-zw-pinyin] ruby'))
    for (const node of ruby.childNodes) if (node.nodeType === Node.TEXT_NODE) out.push([node.textContent!, node.nextSibling!.textContent!]);
  return out;
}

describe('reader extras', () => {
  it('converts to 繁 in place and restores the exact DOM', async () => {
    const el = await article();
    const before = el.innerHTML;
    const textNode = el.querySelector('strong')!.firstChild;
    await applyScript(el, 'hant');
    expect(el.querySelector('h2')!.textContent).to.equal('一、總體要求');
    expect(el.querySelector('p')!.textContent).to.equal('各區幹部要聯繫群眾，還款期限為2021年3月1日。');
    expect(el.querySelector('li')!.textContent).to.equal('頭髮護理 ABC');
    expect(el.querySelector('strong')!.firstChild, 'same Text node, data rewritten').to.equal(textNode);
    expect(el.querySelector('[data-zw-skip]')!.textContent).to.equal('不要转换：干燥');
    expect(el.querySelector('script')!.textContent).to.equal('干燥');
    await applyScript(el, 'original');
    expect(el.innerHTML).to.equal(before);
  });

  it('annotates each run of Han characters with one ruby, a reading per character, rt hidden from screen readers, and restores', async () => {
    const el = await article();
    const before = el.innerHTML;
    await applyPinyin(el, true);
    const first = el.querySelector('p')!;
    expect(
      readings(first)
        .map(([base]) => base)
        .join(''),
    ).to.equal('各区干部要联系群众还款期限为年月日');
    expect(
      [...first.querySelectorAll('ruby')].map((r) =>
        [...r.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join(''),
      ),
    ).to.deep.equal(['各区', '干部', '要联系群众', '还款', '期限为', '年', '月', '日']);
    for (const ruby of el.querySelectorAll('span[data-zw-pinyin] ruby'))
      [...ruby.childNodes].forEach((node, i) => expect(i % 2 ? node.nodeName : node.nodeType, 'base, rt, base, rt, …').to.equal(i % 2 ? 'RT' : Node.TEXT_NODE));
    const reading = (ch: string) => readings(el).find(([base]) => base === ch)![1];
    expect(reading('还')).to.equal('huán');
    expect(reading('干')).to.equal('gàn');
    for (const rt of el.querySelectorAll('span[data-zw-pinyin] rt')) {
      expect(rt.getAttribute('aria-hidden')).to.equal('true');
      expect(rt.getAttribute('lang')).to.equal('zh-Latn-pinyin');
    }
    // digits and punctuation stay plain text; the link and emphasis keep their element
    expect(el.querySelector('a')!.getAttribute('href')).to.equal('/x');
    expect(el.querySelector('a ruby')).to.exist;
    expect(el.querySelector('p:first-of-type')!.textContent!.includes('2021')).to.equal(true);
    // skipped content and ruby already in the text are untouched
    expect(el.querySelector('[data-zw-skip] ruby')).to.equal(null);
    expect(el.querySelector('script')!.textContent).to.equal('干燥');
    expect(el.querySelectorAll('p:last-of-type ruby').length).to.equal(2);
    expect(el.querySelector('p:last-of-type ruby rt')!.textContent).to.equal('xíng');
    await applyPinyin(el, false);
    expect(el.innerHTML).to.equal(before);
  });

  it('works together: 拼音 over 繁 reads the simplified source, in either order', async () => {
    const el = await article();
    const before = el.innerHTML;
    await applyScript(el, 'hant');
    await applyPinyin(el, true);
    const hair = readings(el.querySelector('li')!).map(([base, reading]) => `${base}${reading}`);
    expect(hair).to.deep.equal(['頭tóu', '髮fa', '護hù', '理lǐ']);
    await applyScript(el, 'original');
    expect(
      readings(el.querySelector('li')!)
        .map(([base]) => base)
        .join(''),
    ).to.equal('头发护理');
    await applyScript(el, 'hant');
    await applyPinyin(el, false);
    expect(el.querySelector('li')!.textContent).to.equal('頭髮護理 ABC');
    await applyScript(el, 'original');
    expect(el.innerHTML).to.equal(before);
  });

  it('keeps the order of quick toggles and follows text the page changed meanwhile', async () => {
    const el = await article();
    const before = el.innerHTML;
    void applyPinyin(el, true);
    void applyScript(el, 'hant');
    void applyPinyin(el, false);
    await applyScript(el, 'original');
    expect(el.innerHTML).to.equal(before);
    await applyScript(el, 'hant');
    el.querySelector('h2')!.firstChild!.textContent = '二、工作任务';
    await applyScript(el, 'original');
    expect(el.querySelector('h2')!.textContent, 'a node the page rewrote is kept as the page wrote it').to.equal('二、工作任务');
    await applyScript(el, 'hant');
    expect(el.querySelector('h2')!.textContent).to.equal('二、工作任務');
  });

  it('is accessible with ruby on', async () => {
    const el = await article();
    el.querySelector('script')!.remove();
    await applyPinyin(el, true);
    await expect(el).to.be.accessible();
  });

  it('lets lines break between the characters of a ruby run', async () => {
    const el = await fixture<HTMLElement>(html`<p lang="zh-CN" class="narrow"></p>`);
    el.style.width = '5em';
    el.style.fontSize = '16px';
    el.textContent = '各区要按照谁起草谁解读的原则做好政策解读工作';
    const oneLine = el.getBoundingClientRect().height / 5; // 23 characters in 5 em: five lines of plain text
    await applyPinyin(el, true);
    expect(el.querySelectorAll('ruby').length, 'one run').to.equal(1);
    expect(el.scrollWidth, 'no overflow').to.be.at.most(el.clientWidth);
    expect(el.getBoundingClientRect().height, 'wrapped over several lines').to.be.greaterThan(4 * oneLine);
  });
});

/**
 * The 200k-character regulation as plain HTML the way the reader lays long bodies out: a section per chapter with
 * `content-visibility: auto` (set through CSSOM; the reader's own styles do the same).
 */
async function regulation(): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<article lang="zh-CN"></article>`);
  const add = (parent: HTMLElement, tag: string, text?: string) => parent.appendChild(Object.assign(document.createElement(tag), text === undefined ? {} : { textContent: text }));
  const newSection = () => {
    const section = add(el, 'section');
    section.style.contentVisibility = 'auto';
    section.style.containIntrinsicSize = '0 1200px';
    return section;
  };
  let section = newSection();
  for (const block of longRegulation(200_000).body ?? []) {
    if (block.type === 'heading' && section.childElementCount) section = newSection();
    if (block.type === 'heading') add(section, 'h2', block.text);
    else if (block.type === 'paragraph') add(section, 'p', block.text);
    else if (block.type === 'list') for (const item of block.items) add(add(section, 'ul'), 'li', item);
  }
  el.getBoundingClientRect();
  return el;
}

describe('reader extras on a 200k-character regulation', () => {
  it('拼音 on → 繁 → 拼音 off → original on 200k characters, and comes back exactly', async function () {
    // it works in slices (see 'converts the part in view first'); how long each takes is a figure of `npm run bench`
    // (scripts/bench-reader.mjs), not a timed assertion here
    this.timeout(60000);
    const el = await regulation();
    const before = el.innerHTML;
    await applyPinyin(el, true);
    expect(el.querySelectorAll('span[data-zw-pinyin] rt').length, 'every Han character annotated').to.be.greaterThan(150_000);
    await applyScript(el, 'hant');
    expect(el.querySelector('section:last-child')!.textContent).to.contain('條');
    await applyPinyin(el, false);
    expect(el.querySelector('ruby')).to.equal(null);
    await applyScript(el, 'original');
    expect(el.innerHTML === before, 'exactly the DOM it started from').to.equal(true);
  });

  it('converts the part in view first', async function () {
    this.timeout(60000);
    const el = await regulation();
    const sections = [...el.querySelectorAll('section')];
    const inView = sections[Math.floor(sections.length / 2)];
    inView.scrollIntoView();
    // what the first slice converted, seen right after its task (a mutation observer), however fast or loaded the machine
    let first: { inView: boolean; top: boolean } | undefined;
    const watch = new MutationObserver(() => {
      if (!first && el.querySelector('span[data-zw-pinyin]')) {
        first = { inView: !!inView.querySelector('span[data-zw-pinyin]'), top: !!sections[0].querySelector('span[data-zw-pinyin]') };
      }
    });
    watch.observe(el, { childList: true, subtree: true });
    const done = applyPinyin(el, true);
    await until(() => first, 'the first ruby');
    watch.disconnect();
    expect(first!.inView, 'the section in view').to.equal(true);
    expect(first!.top, 'the first section, out of view, comes last').to.equal(false);
    await done;
    expect(sections[0].querySelector('span[data-zw-pinyin]')).to.exist;
    window.scrollTo(0, 0);
  });

  it('lets a newer call supersede one in progress: 拼音 on then off ends off, exactly restored', async function () {
    this.timeout(60000);
    const el = await regulation();
    const before = el.innerHTML;
    let added = 0;
    const watch = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => (added += n.nodeName === 'SPAN' ? 1 : 0))));
    watch.observe(el, { childList: true, subtree: true });
    const order: string[] = [];
    // the newer call is made as soon as the first slice has put in its rubies (a mutation observer runs right after
    // that slice's task), so the first call is surely still going, however fast or loaded the machine
    let off: Promise<unknown> | undefined;
    const trigger = new MutationObserver(() => {
      if (!off && el.querySelector('span[data-zw-pinyin]')) off = applyPinyin(el, false).then(() => order.push('off'));
    });
    trigger.observe(el, { childList: true, subtree: true });
    const on = applyPinyin(el, true).then(() => order.push('on'));
    await until(() => off, 'the newer call, made after the first slice');
    trigger.disconnect();
    await Promise.all([on, off]);
    watch.disconnect();
    const runs = el.querySelectorAll('p, li, h2').length;
    expect(added, 'the first call stopped early').to.be.below(runs / 2);
    expect(order, 'the superseded call resolves with the newer one').to.deep.equal(['off', 'on']);
    expect(el.innerHTML === before, 'exactly the DOM it started from').to.equal(true);
  });
});
