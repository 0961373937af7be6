import { expect, fixture, html } from '@open-wc/testing';
import { SKIP_SELECTOR, readableUnits, textRanges, unitAt, unitFor, unitText } from './units.js';

async function article(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<article lang="zh-CN">
    <div data-zw-skip><button>朗读</button><p>工具条说明</p></div>
    <h2>第一章\u3000总则</h2>
    <p class="spaces">第四条\u3000行政机关应当建立健全
      本机关政府信息公开工作制度。 See   the Open Government
      rules.</p>
    <p class="br">第一行<br />第二行</p>
    <pre class="pre">甲
乙</pre>
    <p class="ruby">政务<ruby>公<rt>gōng</rt></ruby>开<span hidden>隐藏</span></p>
    <ul>
      <li class="outer">见下列：<ul><li class="inner">甲项</li></ul>以上。</li>
    </ul>
    <div class="loose">直接写在容器里的文字<p class="inside">容器里的段落</p></div>
    <table>
      <tbody>
        <tr class="row">
          <th>序号</th>
          <td> 1 </td>
          <td><p>完成。</p></td>
          <td>&nbsp;</td>
          <td><span>2024年</span><p>6月</p></td>
        </tr>
        <tr class="empty"><td>&nbsp;</td><td>\u3000</td><td></td></tr>
      </tbody>
    </table>
    <p class="gone">不显示</p>
    <style>
      .gone {
        display: none;
      }
    </style>
  </article>`);
}

const q = (root: Element, selector: string) => root.querySelector<HTMLElement>(selector)!;

describe('readable units and their text (units.ts: one definition for speech and the 大字幕 caption)', () => {
  it('collapses white space as the page shows it: a source line break inside Chinese is nothing, U+3000 is kept', async () => {
    const root = await article();
    expect(unitText(q(root, '.spaces')).text).to.equal('第四条\u3000行政机关应当建立健全本机关政府信息公开工作制度。 See the Open Government rules.');
    expect(unitText(q(root, 'h2')).text).to.equal('第一章\u3000总则');
  });

  it('line ends: <br>, lines of <pre>, and the text around a nested unit', async () => {
    const root = await article();
    expect(unitText(q(root, '.br')).text).to.equal('第一行\n第二行');
    expect(unitText(q(root, '.pre')).text).to.equal('甲\n乙');
    expect(unitText(q(root, '.outer')).text).to.equal('见下列：\n以上。');
    expect(unitText(q(root, '.inner')).text).to.equal('甲项');
    expect(unitText(q(root, '.loose')).text, 'a container: only the text directly in it').to.equal('直接写在容器里的文字');
  });

  it('leaves out 拼音 <rt> and hidden things', async () => {
    const root = await article();
    expect(unitText(q(root, '.ruby')).text).to.equal('政务公开');
  });

  it('reads a table row as one unit, cells joined with “，” (none after a cell that ends a sentence), empty cells left out', async () => {
    const root = await article();
    expect(unitText(q(root, '.row')).text).to.equal('序号，1，完成。2024年\n6月');
    expect(unitText(q(root, '.empty')).text).to.equal('');
    const units = readableUnits(root);
    expect(units).to.include(q(root, '.row'));
    expect(units, 'a row of blank cells has nothing to read').not.to.include(q(root, '.empty'));
    const inCells = units.filter((u) => u.closest('td'));
    expect(inCells, 'nothing inside a row is a unit of its own').to.deep.equal([]);
    expect(units.map((u) => u.className)).to.deep.equal(['', 'spaces', 'br', 'pre', 'ruby', 'outer', 'inner', 'loose', 'inside', 'row']);
  });

  it('maps every character that is in the DOM back to it (the highlight and the caption’s hit test use these ranges)', async () => {
    const root = await article();
    for (const selector of ['.row', '.spaces', '.ruby', '.outer']) {
      const map = unitText(q(root, selector));
      const fromDom = textRanges(map, 0, map.text.length)
        .map((r) => r.toString())
        .join('');
      const withoutSeparators = [...map.text].filter((_, i) => map.nodes[i]).join('');
      // a range runs through a text node, white space of the source included
      expect(fromDom.replace(/\s/g, ''), selector).to.equal(withoutSeparators.replace(/\s/g, ''));
    }
    const map = unitText(q(root, '.spaces'));
    const at = map.text.indexOf('本机关');
    expect(textRanges(map, at, at + 3).map(String)).to.deep.equal(['本机关']);
  });

  it('unitAt (no list, for pointer moves) finds the same unit as unitFor over readableUnits, for everything shown', async () => {
    const root = await article();
    const units = readableUnits(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let checked = 0;
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      const element = node instanceof Element ? node : node.parentElement!;
      if (element.closest(SKIP_SELECTOR) || element.closest('style') || element.getClientRects().length === 0) continue;
      expect(unitAt(node, root), `${element.localName}.${element.className}: ${node.textContent?.slice(0, 10)}`).to.equal(unitFor(node, units));
      checked++;
    }
    expect(checked).to.be.greaterThan(30);
    expect(unitAt(q(root, '[data-zw-skip] p').firstChild!, root), 'the toolbar is never read').to.equal(undefined);
    expect(unitAt(q(root, '.row td p'), root)).to.equal(q(root, '.row'));
  });
});
