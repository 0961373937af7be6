import { expect, fixture, html } from '@open-wc/testing';
import { applyPinyin, applyScript } from './extras.js';

const ARTICLE = `<h2 id="zw-r-1">一、总体要求</h2><p>各区<strong>干部</strong>要联系群众，<a href="/x">还款</a>期限为2021年3月1日。</p><ul><li>头发护理 <em>ABC</em></li></ul><p data-zw-skip="">不要转换：干燥</p><script type="text/plain">干燥</script><p><ruby>行<rt>xíng</rt></ruby>长</p>`;

async function article(): Promise<HTMLElement> {
  const el = await fixture<HTMLElement>(html`<article lang="zh-CN"></article>`);
  el.innerHTML = ARTICLE;
  return el;
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

  it('annotates Han characters with one ruby each, rt hidden from screen readers, and restores', async () => {
    const el = await article();
    const before = el.innerHTML;
    await applyPinyin(el, true);
    const rubies = [...el.querySelectorAll('p:first-of-type ruby')];
    expect(rubies.map((r) => r.firstChild!.textContent).join('')).to.equal('各区干部要联系群众还款期限为年月日');
    const reading = (ch: string) => [...el.querySelectorAll('ruby')].find((r) => r.firstChild!.textContent === ch)!.querySelector('rt')!;
    expect(reading('还').textContent).to.equal('huán');
    expect(reading('干').textContent).to.equal('gàn');
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
    const hair = [...el.querySelectorAll('li ruby')].map((r) => `${r.firstChild!.textContent}${r.querySelector('rt')!.textContent}`);
    expect(hair).to.deep.equal(['頭tóu', '髮fa', '護hù', '理lǐ']);
    await applyScript(el, 'original');
    expect([...el.querySelectorAll('li ruby')].map((r) => r.firstChild!.textContent).join('')).to.equal('头发护理');
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
});
