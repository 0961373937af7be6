import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, oneEvent, settle, text, until, untilState } from '../../test-support/helpers.js';
import { comparisonOf, comparisonSample, hostileComparison, identicalComparison, oneSideEmptyComparison, unsafeUrlComparison } from '../../test-support/comparison-fixture.js';
import { generateComparison } from '../../test-support/comparison-generator.js';
import type { ComparisonDocument } from '../../schema/types.generated.js';
import type { ZwErrorEvent, ZwLoadEvent } from '../../base/events.js';
import type { ChangeSummary } from '../../core/compare/types.js';
import { compareVersions, type CompareStep } from '../../core/compare/compare.js';
import { ZwPolicyCompare, type CompareView, type ShownComparison } from './policy-compare.js';
import type { ZwChangeFocusEvent, ZwVersionsChangeEvent } from './policy-compare.events.js';

/**
 * One of each change, in reading order:
 * c-1 第一条 unchanged · c-2 第二条 added (renumbers what follows) · c-3 第二条→第三条 modified, with a note ·
 * c-4 第三条→第四条 unchanged, renumbered · c-5 第四条 deleted.
 */
const basic = (): ComparisonDocument =>
  comparisonOf(
    [
      {
        id: '2019',
        label: '2019年版',
        title: '某市政府信息公开办法',
        docNo: '某政发〔2019〕1号',
        date: '2019-05-10',
        url: '/zc/2019.html',
        text: '第一条　为了规范本市政府信息公开工作，制定本办法。\n第二条　本办法适用于本市所属行政机关。\n第三条　信息公开应当坚持及时准确的原则。\n第四条　各单位应当每年编制政府信息公开工作年度报告。',
      },
      {
        id: '2021',
        label: '2021年版',
        title: '某市政府信息公开办法（修订）',
        date: '2021-06-23',
        text: '第一条　为了规范本市政府信息公开工作，制定本办法。\n第二条　公共企事业单位应当主动公开与群众切身利益相关的办事指南。\n第三条　本办法适用于本市各级行政机关和法律法规授权的组织。\n第四条　信息公开应当坚持及时准确的原则。',
      },
    ],
    { title: '某市政府信息公开办法修订前后对照', description: '2021年修订。', notes: [{ version: '2021', clause: '第三条', text: '扩大适用范围。' }] },
  );
const BASIC_KINDS = ['unchanged', 'added', 'modified', 'unchanged', 'deleted'];

interface Options {
  lang?: string;
  width?: number;
  attrs?: Record<string, string>;
  tag?: string;
}

/** A comparison in a wrapper of `width` px, loaded from `doc`; resolves with its `zw-load`. */
async function compare(doc: unknown, options: Options = {}): Promise<{ el: ZwPolicyCompare; load: ZwLoadEvent<ComparisonDocument, { summary: ChangeSummary }> }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'zh-CN'}></div>`);
  wrapper.style.width = `${options.width ?? 1000}px`;
  const el = document.createElement(options.tag ?? 'zw-policy-compare') as ZwPolicyCompare;
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  wrapper.append(el);
  const loaded = oneEvent(el, 'zw-load') as Promise<ZwLoadEvent<ComparisonDocument, { summary: ChangeSummary }>>;
  el.data = doc;
  const load = await loaded;
  await settle(el);
  return { el, load };
}

const rows = (el: ZwPolicyCompare) => $$(el, '.row:not(.head)');
const kinds = (el: ZwPolicyCompare) => rows(el).map((r) => r.dataset.kind);
const row = (el: ZwPolicyCompare, n: number) => $(el, `#c-${n}`);
/** The element focused inside the comparison's shadow root. */
const focused = (el: ZwPolicyCompare) => el.shadowRoot!.activeElement as HTMLElement | null;
const position = (el: ZwPolicyCompare) => text($(el, '.position'));
const button = (el: ZwPolicyCompare, label: string) => $$<HTMLButtonElement>(el, 'button').find((b) => text(b).includes(label))!;

/** The next `name` event on `target`, or a clear failure after `ms`. */
function eventWithin<T extends Event>(target: EventTarget, name: string, ms = 4000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${ms} ms`)), ms);
    target.addEventListener(name, (event) => (clearTimeout(timer), resolve(event as T)), { once: true });
  });
}

describe('<zw-policy-compare>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  describe('views', () => {
    it('对照: one row per change in reading order, old left and new right, in one grid that scrolls with the page', async () => {
      const { el } = await compare(basic(), { attrs: { view: 'side-by-side' } });
      expect($$(el, '.rows')).to.have.length(1);
      expect($(el, '.rows').classList.contains('side-by-side')).to.equal(true);
      expect(getComputedStyle($(el, '.rows')).overflowY).to.equal('visible');
      expect(kinds(el)).to.deep.equal(BASIC_KINDS);
      expect(rows(el).map((r) => r.id)).to.deep.equal(['c-1', 'c-2', 'c-3', 'c-4', 'c-5']);
      // the two sides of a row sit side by side, on the same line
      const [oldCell, newCell] = [row(el, 3).querySelector<HTMLElement>('.cell.old')!, row(el, 3).querySelector<HTMLElement>('.cell.new')!];
      expect(oldCell.getBoundingClientRect().right).to.be.at.most(newCell.getBoundingClientRect().left);
      expect(Math.abs(oldCell.getBoundingClientRect().top - newCell.getBoundingClientRect().top)).to.be.below(2);
      expect(text(oldCell)).to.contain('原条款：').and.contain('第二条').and.contain('本办法适用于本市');
      expect(text(newCell)).to.contain('新条款：').and.contain('第三条').and.contain('各级');
      expect(oldCell.querySelector('ins')).to.equal(null);
      expect(newCell.querySelector('del')).to.equal(null);
      expect(text(row(el, 2).querySelector('.cell.old')!)).to.contain('（原无此条）');
      expect(row(el, 2).querySelector('.cell.new ins.whole')).to.exist;
      expect(row(el, 5).querySelector('.cell.old del.whole')).to.exist;
      expect(text(row(el, 5).querySelector('.cell.new')!)).to.contain('（已删除）');
      expect(text(row(el, 4))).to.contain('原第三条 → 第四条');
      expect(text(row(el, 4).querySelector('.mark')!)).to.equal('#编号变化');
      // the column headings name the versions
      expect(text($(el, '.row.head')))
        .to.contain('原条款')
        .and.contain('2019年版')
        .and.contain('新条款')
        .and.contain('2021年版')
        .and.contain('说明');
    });

    it('marks changes as <ins>/<del> with hidden 新增/删除 labels, underlined and struck through', async () => {
      const { el } = await compare(basic(), { attrs: { view: 'redline' } });
      const ins = row(el, 3).querySelector('ins')!;
      const del = row(el, 3).querySelector('del')!;
      expect(ins.querySelector('.visually-hidden')!.textContent).to.equal('新增：');
      expect(del.querySelector('.visually-hidden')!.textContent).to.equal('删除：');
      expect([...ins.querySelectorAll('.visually-hidden')].pop()!.textContent).to.equal('（新增结束）');
      expect(getComputedStyle(ins).textDecorationLine).to.equal('underline');
      expect(getComputedStyle(del).textDecorationLine).to.equal('line-through');
      expect(getComputedStyle(ins.querySelector('.visually-hidden')!).position).to.equal('absolute');
      // the whole clause carries a visible label, not colour alone
      expect(text(row(el, 2).querySelector('.mark')!)).to.equal('+新增');
      expect(text(row(el, 5).querySelector('.mark')!)).to.equal('−删除');
      expect(text(row(el, 3).querySelector('.mark')!)).to.equal('✎修改');
    });

    it('修订: deletions and insertions inline, in reading order, notes under the clause', async () => {
      const { el } = await compare(basic(), { attrs: { view: 'redline' } });
      expect($(el, '.rows').classList.contains('redline')).to.equal(true);
      expect(kinds(el)).to.deep.equal(BASIC_KINDS);
      const body = row(el, 3).querySelector('.body')!;
      expect(body.querySelector('del')).to.exist;
      expect(body.querySelector('ins')).to.exist;
      expect(text(body)).to.contain('第三条');
      expect(row(el, 2).querySelector('ins.whole')).to.exist;
      expect(row(el, 5).querySelector('del.whole')).to.exist;
      const note = row(el, 3).querySelector('[part=clause-note]')!;
      expect(text(note)).to.equal('说明：扩大适用范围。');
      expect(note.compareDocumentPosition(body.querySelector('.clause')!) & Node.DOCUMENT_POSITION_PRECEDING).to.be.ok;
    });

    it('新文: the new text with insertions only; a deleted clause is a marker that unfolds', async () => {
      const { el } = await compare(basic(), { attrs: { view: 'margin' } });
      expect($(el, '.rows').classList.contains('margin')).to.equal(true);
      expect(row(el, 3).querySelector('ins')).to.exist;
      expect(row(el, 3).querySelector('del')).to.equal(null);
      const marker = row(el, 5).querySelector<HTMLDetailsElement>('details.deleted-marker')!;
      expect(text(marker.querySelector('summary')!)).to.equal('此处删除原第四条');
      expect(marker.open).to.equal(false);
      marker.querySelector('summary')!.click();
      await until(() => marker.open, 'the deleted clause to unfold');
      expect(text(marker.querySelector('del.whole')!)).to.contain('年度报告');
      expect(text(row(el, 2).querySelector('[part=mark]')!)).to.contain('新增');
    });

    it('switches views with a labelled radio group and reflects the choice in `view`', async () => {
      const { el } = await compare(basic(), { width: 1280 });
      const radios = $$<HTMLInputElement>(el, '.views input[type=radio]');
      expect(radios.map((r) => r.value)).to.deep.equal(['side-by-side', 'redline', 'margin']);
      expect(text($(el, '.views legend'))).to.equal('视图');
      expect($$(el, '.views label').map((l) => text(l))).to.deep.equal(['对照', '修订', '新文']);
      expect(radios[0].checked).to.equal(true);
      radios[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await until(() => el.getAttribute('view') === 'redline', 'the view to follow the arrow key');
      await el.updateComplete;
      expect($(el, '.rows').classList.contains('redline')).to.equal(true);
      radios[2].click();
      await el.updateComplete;
      expect(el.getAttribute('view')).to.equal('margin');
      expect($(el, '.rows').classList.contains('margin')).to.equal(true);
    });

    it('defaults to 对照 when at least 48em wide and to 修订 on a phone, following its own width', async () => {
      const { el } = await compare(basic(), { width: 375 });
      expect(el.activeView).to.equal('redline');
      expect($(el, '.rows').classList.contains('redline')).to.equal(true);
      expect(el.hasAttribute('view')).to.equal(false);
      el.parentElement!.style.width = '1280px';
      await until(() => el.shadowRoot!.querySelector('.rows.side-by-side'), 'the side-by-side view at 1280 px');
      expect(el.activeView).to.equal('side-by-side');
      // an explicit view wins over the width
      el.view = 'margin';
      el.parentElement!.style.width = '375px';
      await until(() => el.shadowRoot!.querySelector('.compare.narrow'), 'the narrow layout');
      expect($(el, '.rows').classList.contains('margin')).to.equal(true);
    });
  });

  describe('summary', () => {
    it('counts the changes in a bar with non-colour markers, and gives them to `summary` and zw-load', async () => {
      const { el, load } = await compare(basic());
      const expected = { added: 1, deleted: 1, modified: 1, moved: 0, unchanged: 2 };
      expect(el.summary).to.deep.equal(expected);
      expect(load.detail.summary).to.deep.equal(expected);
      expect(load.detail.document.title).to.equal('某市政府信息公开办法修订前后对照');
      expect($$(el, '[part=summary] li').map((li) => text(li))).to.deep.equal(['+新增 1 条', '−删除 1 条', '✎修改 1 条', '⇅移动 0 条', '=未变 2 条']);
      expect($(el, '[part=summary] ul').getAttribute('aria-labelledby')).to.equal('summary-label');
      expect($(el, '.identical')).to.equal(null);
    });

    it('says 无变化 plainly for identical texts', async () => {
      const { el, load } = await compare(identicalComparison());
      expect(load.detail.summary).to.deep.include({ added: 0, deleted: 0, modified: 0, moved: 0 });
      expect(text($(el, '.identical'))).to.contain('无变化');
      expect(new Set(kinds(el))).to.deep.equal(new Set(['unchanged']));
      expect(position(el)).to.equal('没有修改');
      expect($$(el, '.nav button')).to.have.length(0);
    });

    it('shows a new policy against an empty old side as all added', async () => {
      const { el, load } = await compare(oneSideEmptyComparison(), { attrs: { view: 'side-by-side' } });
      const count = el.comparison!.changes.length;
      expect(count).to.be.above(2);
      expect(load.detail.summary).to.deep.equal({ added: count, deleted: 0, modified: 0, moved: 0, unchanged: 0 });
      expect(new Set(kinds(el))).to.deep.equal(new Set(['added']));
      expect(rows(el).every((r) => text(r.querySelector('.cell.old')!).includes('（原无此条）'))).to.equal(true);
      expect(text($(el, '[part=versions]')))
        .to.contain('原无规定')
        .and.contain('2021年版');
    });

    it('shows the header: title, description and the two versions with their title, 发文字号, date and link', async () => {
      const { el } = await compare(basic());
      expect($(el, '[part=title]').getAttribute('role')).to.equal('heading');
      expect($(el, '[part=title]').getAttribute('aria-level')).to.equal('2');
      expect(text($(el, '[part=header]'))).to.contain('2021年修订。');
      const [oldVersion, newVersion] = $$(el, '.version');
      expect(text(oldVersion)).to.contain('旧版本').and.contain('2019年版').and.contain('某市政府信息公开办法').and.contain('某政发〔2019〕1号').and.contain('2019年5月10日');
      expect(oldVersion.querySelector('a')!.getAttribute('href')).to.equal('/zc/2019.html');
      expect(text(oldVersion.querySelector('a')!)).to.equal('查看原文（2019年版）');
      expect(text(newVersion)).to.contain('新版本').and.contain('2021年版');
      expect(newVersion.querySelector('a')).to.equal(null);
      expect($(el, '[part=picker]')).to.equal(null);
    });
  });

  describe('moves and renumbering', () => {
    it('links the two rows of a moved clause to each other, and following a link focuses the other row', async () => {
      const { el } = await compare(comparisonSample('shandong'), { attrs: { view: 'redline' } });
      const changes = el.comparison!.changes;
      const from = changes.findIndex((c) => c.kind === 'moved' && c.placement === 'from');
      expect(from).to.be.at.least(0);
      const to = changes[from].partner!;
      expect(changes[to].placement).to.equal('to');
      const fromLink = row(el, from + 1).querySelector<HTMLAnchorElement>('a.partner')!;
      const toLink = row(el, to + 1).querySelector<HTMLAnchorElement>('a.partner')!;
      expect(fromLink.getAttribute('href')).to.equal(`#c-${to + 1}`);
      expect(toLink.getAttribute('href')).to.equal(`#c-${from + 1}`);
      expect(text(fromLink)).to.match(/原.+已移至.+/);
      expect(text(toLink)).to.match(/由原.+移来/);
      expect(text(row(el, to + 1).querySelector('.mark')!)).to.contain('移动');
      fromLink.click();
      await until(() => focused(el)?.id === `c-${to + 1}`, 'focus on the row the clause moved to');
      expect(location.hash).to.equal(`#c-${to + 1}`);
      row(el, to + 1)
        .querySelector<HTMLAnchorElement>('a.partner')!
        .click();
      await until(() => focused(el)?.id === `c-${from + 1}`, 'focus back on the row it left');
    });

    it('shows a note on a moved clause once, at its new place', async () => {
      const doc = comparisonSample('shandong') as ComparisonDocument;
      const first = await compare(doc);
      const to = first.el.comparison!.changes.find((c) => c.kind === 'moved' && c.placement === 'to')!;
      const withNote = { ...doc, notes: [{ version: doc.versions[doc.versions.length - 1].id, clause: to.new!.id, text: '移到公开平台一节。' }] };
      for (const view of ['side-by-side', 'redline', 'margin'] as CompareView[]) {
        const { el } = await compare(withNote, { attrs: { view } });
        const shown = $$(el, '.clause-note').filter((n) => text(n).includes('移到公开平台一节。'));
        expect(shown.length, view).to.equal(1);
        expect(shown[0].closest('.row')!.classList.contains('to'), view).to.equal(true);
      }
    });

    it('keeps a pasted bidi override inside its own clause text', async () => {
      const doc = basic();
      (doc.versions[1] as { text: string }).text = (doc.versions[1] as { text: string }).text.replace('第一条', '第一条 \u202E反向文字');
      const { el } = await compare(doc);
      const texts = $$(el, '.clause .text');
      expect(texts.length).to.be.greaterThan(0);
      for (const t of texts) expect(getComputedStyle(t).unicodeBidi).to.equal('isolate');
    });

    it('shows 原第X条 → 第Y条 on a renumbered clause in every view', async () => {
      for (const view of ['side-by-side', 'redline', 'margin'] as CompareView[]) {
        const { el } = await compare(basic(), { attrs: { view } });
        expect(text(row(el, 4).querySelector('.renumber')!), view).to.equal('原第三条 → 第四条');
        expect(text(row(el, 3).querySelector('.renumber')!), view).to.equal('原第二条 → 第三条');
      }
    });
  });

  describe('只看修改', () => {
    it('folds unchanged clauses into runs that expand, focus moving to the first unfolded row', async () => {
      const { el } = await compare(comparisonSample('shandong'), { attrs: { 'changes-only': '' } });
      const changes = el.comparison!.changes;
      const unchanged = changes.filter((c) => c.kind === 'unchanged').length;
      expect(kinds(el).filter((k) => k === 'unchanged')).to.have.length(0);
      const runs = $$(el, '[part=run]');
      expect(runs.length).to.be.at.least(1);
      const folded = runs.map((r) => Number(/展开 (\d+) 条未变条款/.exec(text(r))![1])).reduce((a, b) => a + b, 0);
      expect(folded).to.equal(unchanged);
      const toggle = $<HTMLInputElement>(el, '.toggle input');
      expect(toggle.checked).to.equal(true);
      expect(text($(el, '.toggle'))).to.equal('只看修改');

      const first = runs[0].querySelector('button')!;
      const firstCount = Number(/展开 (\d+)/.exec(text(first))![1]);
      first.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el)?.dataset.kind === 'unchanged', 'focus on the first unfolded row');
      expect(kinds(el).filter((k) => k === 'unchanged')).to.have.length(firstCount);
      expect($$(el, '[part=run]')).to.have.length(runs.length - 1);

      toggle.click();
      await el.updateComplete;
      expect(el.changesOnly).to.equal(false);
      expect(el.hasAttribute('changes-only')).to.equal(false);
      expect($$(el, '[part=run]')).to.have.length(0);
      expect(rows(el)).to.have.length(changes.length);
    });

    it('prints every run unfolded and every deleted clause open, without the controls', async () => {
      const { el } = await compare(basic(), { attrs: { 'changes-only': '', view: 'margin' } });
      expect($$(el, '[part=run]').length).to.be.above(0);
      dispatchEvent(new Event('beforeprint'));
      try {
        await el.updateComplete;
        expect($$(el, '[part=run]')).to.have.length(0);
        expect(rows(el)).to.have.length(5);
        expect($<HTMLDetailsElement>(el, 'details.deleted-marker').open).to.equal(true);
      } finally {
        dispatchEvent(new Event('afterprint'));
      }
      await el.updateComplete;
      expect($$(el, '[part=run]').length).to.be.above(0);
    });
  });

  describe('navigation', () => {
    it('上一处/下一处 focus each change, announce the position politely and fire zw-change-focus', async () => {
      const { el } = await compare(basic());
      expect(position(el)).to.equal('共 3 处修改');
      expect($(el, '.position').getAttribute('role')).to.equal('status');
      const next = button(el, '下一处');
      const previous = button(el, '上一处');
      expect(next.getAttribute('aria-keyshortcuts')).to.equal('J N');
      expect(previous.getAttribute('aria-keyshortcuts')).to.equal('K P');
      expect(text($(el, '.keys'))).to.equal('快捷键：J 或 N 下一处，K 或 P 上一处');

      let event = eventWithin<ZwChangeFocusEvent>(el, 'zw-change-focus');
      next.click();
      let detail = (await event).detail;
      expect(detail).to.include({ index: 1, total: 3, anchor: 'c-2' });
      expect(detail.change.kind).to.equal('added');
      expect(focused(el)?.id).to.equal('c-2');
      expect(position(el)).to.equal('第 1 处修改，共 3 处');
      expect(getComputedStyle(row(el, 2)).outlineStyle).to.equal('solid');

      event = eventWithin<ZwChangeFocusEvent>(el, 'zw-change-focus');
      next.click();
      expect((await event).detail).to.include({ index: 2, anchor: 'c-3' });
      expect(await el.nextChange()).to.equal(true);
      expect(focused(el)?.id).to.equal('c-5');
      expect(position(el)).to.equal('第 3 处修改，共 3 处');
      expect(await el.nextChange()).to.equal(false);
      await el.updateComplete;
      expect(position(el)).to.equal('已是最后一处修改，共 3 处');
      expect(focused(el)?.id).to.equal('c-5');

      event = eventWithin<ZwChangeFocusEvent>(el, 'zw-change-focus');
      previous.click();
      detail = (await event).detail;
      expect(detail).to.include({ index: 2, anchor: 'c-3' });
      expect(focused(el)?.id).to.equal('c-3');
    });

    it('moves with j/n and k/p while focus is inside, not in a select, not with modifier keys', async () => {
      const { el } = await compare(comparisonSample('threeVersions'));
      const stops = el.comparison!.changes.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'unchanged' && c.placement !== 'from');
      expect(stops.length).to.be.at.least(2);
      button(el, '下一处').focus();
      await sendKeys({ press: 'j' });
      await until(() => focused(el)?.id === `c-${stops[0].i + 1}`, 'j to move to the first change');
      await sendKeys({ press: 'n' });
      await until(() => focused(el)?.id === `c-${stops[1].i + 1}`, 'n to move to the second change');
      await sendKeys({ press: 'k' });
      await until(() => focused(el)?.id === `c-${stops[0].i + 1}`, 'k to move back');
      await until(() => position(el) === `第 1 处修改，共 ${stops.length} 处`, 'the position announced');
      await sendKeys({ press: 'n' });
      await until(() => focused(el)?.id === `c-${stops[1].i + 1}`, 'n again');
      await sendKeys({ press: 'p' });
      await until(() => focused(el)?.id === `c-${stops[0].i + 1}`, 'p to move back');

      // with a modifier: the browser's or the screen reader's, not ours
      for (const modifier of ['Shift', 'Alt']) {
        await sendKeys({ down: modifier });
        await sendKeys({ press: 'KeyJ' });
        await sendKeys({ up: modifier });
      }
      await el.updateComplete;
      expect(focused(el)?.id).to.equal(`c-${stops[0].i + 1}`);

      // in a select, letters choose options
      const select = $<HTMLSelectElement>(el, '#pick-old');
      select.focus();
      await sendKeys({ press: 'j' });
      await el.updateComplete;
      expect(focused(el)).to.equal(select);
      expect(position(el)).to.equal(`第 1 处修改，共 ${stops.length} 处`);
    });

    it('moves on with j from a view radio button, and from a folded run to the change after it', async () => {
      const { el } = await compare(comparisonSample('shandong'), { attrs: { 'changes-only': '' } });
      const changes = el.comparison!.changes;
      const stops = changes.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'unchanged' && c.placement !== 'from');
      $<HTMLInputElement>(el, 'input[name=view]:checked').focus();
      await sendKeys({ press: 'j' });
      await until(() => focused(el)?.id === `c-${stops[0].i + 1}`, 'j from the view radio to the first change');
      // a folded run after some change: j from its button goes to the first change after the run
      const runs = $$(el, '.run[data-run-start]');
      const run = runs.find((r) => Number(r.dataset.runStart) > stops[1].i)!;
      expect(run, 'a folded run after the second change').to.not.equal(undefined);
      const after = stops.find(({ i }) => i >= Number(run.dataset.runEnd))!;
      run.querySelector<HTMLButtonElement>('button')!.focus();
      await sendKeys({ press: 'j' });
      await until(() => focused(el)?.id === `c-${after.i + 1}`, 'j from the run to the change after it');
    });

    it('keeps the sticky bar short on a phone at large text: arrow buttons in one row, their words kept for screen readers', async () => {
      const { el } = await compare(comparisonSample('shandong'), { width: 320 });
      el.style.setProperty('--zw-font-size', '32px');
      await el.updateComplete;
      const [previous, next] = [button(el, '上一处'), button(el, '下一处')];
      expect(previous.getBoundingClientRect().top).to.equal(next.getBoundingClientRect().top);
      expect(next.getBoundingClientRect().height).to.be.at.least(44);
      expect(next.getBoundingClientRect().width).to.be.at.least(44);
      expect(next.querySelector('.label')!.getBoundingClientRect().width).to.be.at.most(1);
      expect(text(next)).to.contain('下一处');
      const controls = $(el, '.controls').getBoundingClientRect();
      for (const option of $$(el, '.segmented label')) expect(option.getBoundingClientRect().right, text(option)).to.be.at.most(controls.right + 0.5);
    });

    it('lands a change below the sticky bar, however tall the bar has grown', async () => {
      const { el } = await compare(comparisonSample('shandong'), { width: 320 });
      el.style.setProperty('--zw-font-size', '32px');
      await el.updateComplete;
      await el.nextChange();
      const target = focused(el)!;
      const nav = $(el, '.nav');
      expect(target.style.getPropertyValue('--_nav-height')).to.equal(`${nav.offsetHeight}px`);
      expect(parseFloat(getComputedStyle(target).scrollMarginTop)).to.be.at.least(nav.offsetHeight);
    });

    it('says again that it is at the last change when pressed again', async () => {
      const { el } = await compare(basic());
      while (await el.nextChange());
      expect(position(el)).to.match(/^已是最后一处修改/);
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(position(el)));
      observer.observe($(el, '.position'), { childList: true, characterData: true, subtree: true });
      expect(await el.nextChange()).to.equal(false);
      observer.disconnect();
      expect(said[0], 'emptied first').to.equal('');
      expect(position(el)).to.match(/^已是最后一处修改/);
    });
  });

  describe('anchors', () => {
    it('opens at the row the address names (#c-4), unfolding it when only changes are shown', async () => {
      history.replaceState(null, '', '#c-4');
      const { el } = await compare(basic(), { attrs: { 'changes-only': '' } });
      await until(() => focused(el)?.id === 'c-4', 'focus on #c-4');
      expect(row(el, 4).dataset.kind).to.equal('unchanged');
      expect(el.getBoundingClientRect().height).to.be.above(0);
    });

    it('follows later changes of the address, and a prefix keeps two comparisons apart', async () => {
      const { el } = await compare(basic(), { attrs: { 'anchor-prefix': 'b-' } });
      expect(rows(el).map((r) => r.id)).to.deep.equal(['b-1', 'b-2', 'b-3', 'b-4', 'b-5']);
      location.hash = '#c-3';
      await new Promise((r) => addEventListener('hashchange', r, { once: true }));
      await el.updateComplete;
      expect(focused(el)).to.equal(null);
      location.hash = '#b-3';
      await until(() => focused(el)?.id === 'b-3', 'focus on #b-3');
    });
  });

  describe('versions', () => {
    it('picks any two versions (default: the last two), from attributes or the picker, which fires zw-versions-change', async () => {
      const doc = comparisonSample('threeVersions');
      const { el } = await compare(doc);
      const ids = doc.versions.map((v) => v.id);
      const [oldSelect, newSelect] = [$<HTMLSelectElement>(el, '#pick-old'), $<HTMLSelectElement>(el, '#pick-new')];
      expect(text(el.shadowRoot!.querySelector('label[for=pick-old]')!)).to.equal('旧版本');
      expect(text(el.shadowRoot!.querySelector('label[for=pick-new]')!)).to.equal('新版本');
      expect([oldSelect.value, newSelect.value]).to.deep.equal([ids[1], ids[2]]);
      expect([el.comparison!.oldIndex, el.comparison!.newIndex]).to.deep.equal([1, 2]);
      // a version cannot be compared with itself, nor with an older one as the new
      expect([...oldSelect.options].map((o) => o.disabled)).to.deep.equal([false, false, true]);
      expect([...newSelect.options].map((o) => o.disabled)).to.deep.equal([true, true, false]);

      const event = eventWithin<ZwVersionsChangeEvent>(el, 'zw-versions-change');
      oldSelect.value = ids[0];
      oldSelect.dispatchEvent(new Event('change'));
      const detail = (await event).detail;
      expect(detail.oldVersion).to.equal(ids[0]);
      expect(detail.newVersion).to.equal(ids[2]);
      expect(detail.summary).to.deep.equal(el.summary);
      expect(el.getAttribute('old-version')).to.equal(ids[0]);
      expect([el.comparison!.oldIndex, el.comparison!.newIndex]).to.deep.equal([0, 2]);
      expect(text($$(el, '.version')[0])).to.contain(doc.versions[0].label);
      // the summary is rebuilt for the new pair: a status that stays in place says what changed
      const s = el.summary!;
      await until(
        () => text($(el, '[part=picker] [role=status]')).startsWith(`已对比${doc.versions[0].label}与${doc.versions[2].label}：新增 ${s.added} 条`),
        'the new pair announced',
      );

      el.setAttribute('new-version', ids[1]);
      await el.updateComplete;
      expect([el.comparison!.oldIndex, el.comparison!.newIndex]).to.deep.equal([0, 1]);
      expect($<HTMLSelectElement>(el, '#pick-new').value).to.equal(ids[1]);
    });

    it('starts with the pair its attributes name', async () => {
      const doc = comparisonSample('threeVersions');
      const { el, load } = await compare(doc, { attrs: { 'old-version': doc.versions[0].id, 'new-version': doc.versions[1].id } });
      expect([el.comparison!.oldIndex, el.comparison!.newIndex]).to.deep.equal([0, 1]);
      expect(load.detail.summary).to.deep.equal(el.summary);
    });
  });

  it('shows notes beside their clause in 对照 (a 说明 column) and under it in the other views', async () => {
    const { el } = await compare(comparisonSample('clauseList'), { attrs: { view: 'side-by-side' } });
    const noted = el.comparison!.changes.map((c, i) => ({ c, i })).filter(({ c }) => c.notes.length);
    expect(noted.length).to.be.at.least(1);
    for (const { c, i } of noted) {
      const cell = row(el, i + 1).querySelector('.cell.notes')!;
      for (const note of c.notes) expect(text(cell)).to.contain(`说明：${note.replace(/\s+/g, ' ').trim()}`);
    }
    el.view = 'redline';
    await el.updateComplete;
    const { i } = noted[0];
    expect(row(el, i + 1).querySelector('.body [part=clause-note]')).to.exist;
  });

  it('copies the 对照表 from its button and says so politely', async () => {
    const { el } = await compare(basic());
    let copied = '';
    const onCopy = (e: ClipboardEvent): void => void (copied = e.clipboardData?.getData('text/html') ?? '');
    document.addEventListener('copy', onCopy);
    try {
      const copy = button(el, '复制对照表');
      copy.focus();
      await sendKeys({ press: 'Enter' });
      const status = await until(() => text($(el, '.copy-status')), 'the copy status');
      expect($(el, '.copy-status').getAttribute('role')).to.equal('status');
      expect(status).to.equal('已复制对照表，可粘贴到 Word 或 WPS');
      // the async Clipboard API or, where it is refused, the copy event: either way the table itself went
      // (reading the clipboard back needs a permission headless Chromium does not grant: then the status is the evidence)
      if (copied) expect(copied).to.contain('<table').and.contain('扩大适用范围');
      else {
        const pasted = await navigator.clipboard.readText().catch(() => undefined);
        if (pasted !== undefined) expect(pasted).to.contain('扩大适用范围');
      }
    } finally {
      document.removeEventListener('copy', onCopy);
    }
  });

  describe('safety', () => {
    it('renders hostile strings as inert text', async () => {
      delete (window as { __zwPwned?: unknown }).__zwPwned;
      for (const view of ['side-by-side', 'redline', 'margin'] as CompareView[]) {
        const { el } = await compare(hostileComparison(), { attrs: { view } });
        expect(el.shadowRoot!.querySelector('img, script, svg')).to.equal(null);
        expect(text(el)).to.contain('<img src=x onerror=alert(1)>');
        expect($$<HTMLAnchorElement>(el, 'a').every((a) => !/^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).to.equal(true);
        expect($$(el, 'a').map((a) => a.getAttribute('href'))).to.include('/policy/2021.html');
      }
      await new Promise((r) => setTimeout(r, 50)); // an injected onerror would have run by now
      expect((window as { __zwPwned?: unknown }).__zwPwned).to.equal(undefined);
    });

    it('refuses a javascript: version link', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><zw-policy-compare preview></zw-policy-compare></div>`);
      const el = wrapper.querySelector('zw-policy-compare')!;
      const error = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
      el.data = unsafeUrlComparison();
      const { detail } = await error;
      expect(detail.errors.some((e) => e.path === '/versions/1/url')).to.equal(true);
      expect($$(el, 'a[href^="javascript"]')).to.have.length(0);
    });

    /** An element whose comparison throws (a bug) at its first step, or after splitting the old version. */
    class Broken extends ZwPolicyCompare {
      static at: 'first' | 'later' = 'first';
      protected override *compareInSteps(): Generator<CompareStep, ShownComparison> {
        if (Broken.at === 'later') yield 'split-old';
        throw new Error('test: the comparison failed');
      }
    }
    if (!customElements.get('zw-policy-compare-broken')) customElements.define('zw-policy-compare-broken', Broken);
    for (const at of ['first', 'later'] as const) {
      it(`reports a comparison that throws (a bug) as a render failure, politely (${at === 'first' ? 'at its first step' : 'in a later step'})`, async () => {
        Broken.at = at;
        const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
        const el = document.createElement('zw-policy-compare-broken') as ZwPolicyCompare;
        wrapper.append(el);
        const error = oneEvent(el, 'zw-error') as Promise<ZwErrorEvent>;
        const consoleError = console.error;
        const logged: unknown[][] = [];
        console.error = (...args: unknown[]) => logged.push(args);
        try {
          el.data = basic();
          const { detail } = await error;
          expect(detail.errors.map((e) => e.code)).to.include('render-failed');
        } finally {
          console.error = consoleError;
        }
        await untilState(el, 'error');
        expect(logged.length).to.be.at.least(1);
        expect(text($(el, '[part=error]'))).to.contain('本栏内容暂时无法显示');
        expect(el.shadowRoot!.querySelector('[part=rows]')).to.equal(null);
      });
    }
  });

  describe('computing in steps', () => {
    /**
     * An element that logs each step of its comparison as `<title> <old>→<new>: <step>` (`done` for the last),
     * with what it showed when the step ran, and calls `onStep` after it (where a test changes the data).
     */
    class Logged extends ZwPolicyCompare {
      static log: string[] = [];
      static onStep?: (el: ZwPolicyCompare, line: string) => void;
      protected override *compareInSteps(doc: ComparisonDocument, oldIndex: number, newIndex: number): Generator<CompareStep, ShownComparison> {
        const steps = super.compareInSteps(doc, oldIndex, newIndex);
        const name = `${doc.title} ${doc.versions[oldIndex].id}→${doc.versions[newIndex].id}`;
        for (;;) {
          const step = steps.next();
          const line = `${name}: ${step.done ? 'done' : step.value}`;
          Logged.log.push(line);
          Logged.onStep?.(this, line);
          if (step.done) return step.value;
          yield step.value;
        }
      }
    }
    if (!customElements.get('zw-policy-compare-logged')) customElements.define('zw-policy-compare-logged', Logged);

    async function logged(onStep?: (el: ZwPolicyCompare, line: string) => void) {
      Logged.log = [];
      Logged.onStep = onStep;
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
      wrapper.style.width = '1000px';
      const el = document.createElement('zw-policy-compare-logged') as ZwPolicyCompare;
      wrapper.append(el);
      return el;
    }
    afterEach(() => (Logged.onStep = undefined));

    it('splits each version in a step of its own, and shows the comparison only when all are done', async () => {
      const seen: string[] = [];
      const el = await logged((el, line) => {
        // what the reader has while the steps run (the splitting ones, and the last): the header, no comparison and no rows yet
        if (!/: (split-|done)/.test(line)) return;
        const shown = `${text($(el, '[part=title]'))} · ${el.comparison ? 'comparison' : 'no comparison'} · ${$$(el, '.row:not(.head)').length} rows`;
        seen.push(`${line.split(': ')[1]}: ${shown}`);
      });
      const loaded = oneEvent(el, 'zw-load') as Promise<ZwLoadEvent<ComparisonDocument, { summary: ChangeSummary }>>;
      // without its note: the rules split a version a note names while checking the data, and the steps skip it
      const withoutNote = basic();
      delete withoutNote.notes;
      el.data = withoutNote;
      const { detail } = await loaded;
      expect(seen).to.deep.equal([
        'split-old: 某市政府信息公开办法修订前后对照 · no comparison · 0 rows',
        'split-new: 某市政府信息公开办法修订前后对照 · no comparison · 0 rows',
        'done: 某市政府信息公开办法修订前后对照 · no comparison · 0 rows',
      ]);
      expect(Logged.log.filter((line) => /: (split-|done)/.test(line))).to.deep.equal([
        '某市政府信息公开办法修订前后对照 2019→2021: split-old',
        '某市政府信息公开办法修订前后对照 2019→2021: split-new',
        '某市政府信息公开办法修订前后对照 2019→2021: done',
      ]);
      expect(rows(el).map((r) => r.dataset.kind)).to.deep.equal(BASIC_KINDS);
      expect(detail.summary).to.deep.equal({ added: 1, deleted: 1, modified: 1, moved: 0, unchanged: 2 });

      // with it: the version the note names was split while the data was checked, so only the old one is left
      const again = await logged();
      const reloaded = oneEvent(again, 'zw-load');
      again.data = basic();
      await reloaded;
      expect(Logged.log.map((line) => line.split(': ')[1]).filter((step) => /^(split-|done)/.test(step))).to.deep.equal(['split-old', 'done']);
    });

    it('drops the steps left of a document replaced meanwhile', async () => {
      const first = basic();
      first.title = '旧数据';
      const second = comparisonSample('shandong');
      const el = await logged((el, line) => {
        if (line === '旧数据 2019→2021: split-old') el.data = second;
      });
      const loads: ZwLoadEvent[] = [];
      el.addEventListener('zw-load', (e) => loads.push(e as ZwLoadEvent));
      el.data = first;
      await until(() => loads.length, 'zw-load');
      await settle(el);
      expect(
        Logged.log.filter((line) => line.startsWith('旧数据')),
        'the first document stopped after its first step',
      ).to.deep.equal(['旧数据 2019→2021: split-old']);
      const last = Logged.log[Logged.log.length - 1];
      expect(last.startsWith(`${second.title} `) && last.endsWith(': done'), last).to.equal(true);
      expect(loads, 'one zw-load, for the document shown').to.have.length(1);
      expect((loads[0].detail as { document: ComparisonDocument }).document.title).to.equal(second.title);
      expect(el.summary).to.deep.equal(compareVersions(structuredClone(second)).summary);
      expect(text($(el, '[part=title]'))).to.equal(second.title);
    });

    it('drops the steps left of a version pair the reader changed meanwhile', async () => {
      // without its notes, so no version is split while the data is checked
      const doc = comparisonSample('threeVersions');
      delete doc.notes;
      const ids = doc.versions.map((v) => v.id);
      const el = await logged((el, line) => {
        if (line === `${doc.title} ${ids[1]}→${ids[2]}: split-old`) el.oldVersion = ids[0];
      });
      el.data = doc;
      await until(() => Logged.log.some((line) => line.endsWith(': done')), 'a comparison done');
      await el.updateComplete;
      expect(
        Logged.log.filter((line) => line.includes(`${ids[1]}→${ids[2]}`)),
        'the default pair stopped after its first step',
      ).to.deep.equal([`${doc.title} ${ids[1]}→${ids[2]}: split-old`]);
      expect(Logged.log[Logged.log.length - 1]).to.equal(`${doc.title} ${ids[0]}→${ids[2]}: done`);
      const expected = compareVersions(structuredClone(doc), 0, 2);
      expect([el.comparison!.oldIndex, el.comparison!.newIndex]).to.deep.equal([0, 2]);
      expect(el.comparison!.changes.map((c) => c.kind)).to.deep.equal(expected.changes.map((c) => c.kind));
      expect(el.summary).to.deep.equal(expected.summary);
    });
  });

  describe('long policies', () => {
    it('renders 1,000 clauses progressively and fires zw-load once every row is in', async () => {
      const { document: doc } = generateComparison({ clauses: 1000 });
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"></div>`);
      wrapper.style.width = '1280px';
      const el = document.createElement('zw-policy-compare');
      wrapper.append(el);
      let firstRows = -1;
      const started = performance.now();
      let firstPaint = 0;
      const observer = new MutationObserver(() => {
        if (firstRows < 0 && el.shadowRoot!.querySelector('.row:not(.head)')) {
          firstRows = rows(el).length;
          firstPaint = performance.now() - started;
        }
      });
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      const loaded = oneEvent(el, 'zw-load');
      el.data = doc;
      await loaded;
      observer.disconnect();
      const total = el.comparison!.changes.length;
      expect(total).to.be.above(1000);
      expect(rows(el)).to.have.length(total);
      expect(firstRows).to.be.within(1, 150);
      console.log(`[policy-compare] 1,000 clauses: first rows after ${firstPaint.toFixed(0)} ms, all ${total} rows after ${(performance.now() - started).toFixed(0)} ms`);
      // navigation reaches the last change
      const last = el
        .comparison!.changes.map((c, i) => ({ c, i }))
        .filter(({ c }) => c.kind !== 'unchanged' && c.placement !== 'from')
        .pop()!;
      await el.previousChange();
      expect(focused(el as ZwPolicyCompare)?.id).to.equal(`c-${last.i + 1}`);
    });
  });

  describe('accessibility and language', () => {
    for (const lang of ['zh-CN', 'en']) {
      for (const width of [375, 1280]) {
        it(`is accessible in every view, ${lang} UI at ${width} px`, async () => {
          const { el } = await compare(comparisonSample('shandong'), { lang, width });
          for (const view of ['side-by-side', 'redline', 'margin'] as CompareView[]) {
            el.view = view;
            await el.updateComplete;
            await expect(el).to.be.accessible();
          }
          el.changesOnly = true;
          await el.updateComplete;
          await expect(el).to.be.accessible();
        });
      }
    }

    it('is accessible with the version picker and notes', async () => {
      const { el } = await compare(comparisonSample('threeVersions'));
      await expect(el).to.be.accessible();
      const notes = await compare(comparisonSample('clauseList'), { attrs: { view: 'side-by-side' } });
      await expect(notes.el).to.be.accessible();
    });

    it('marks the content with its language and the UI with the UI language', async () => {
      const { el } = await compare(basic(), { lang: 'en', attrs: { view: 'side-by-side' } });
      expect($(el, '[part=title]').getAttribute('lang')).to.equal('zh-CN');
      expect(row(el, 3).querySelector('.clause')!.getAttribute('lang')).to.equal('zh-CN');
      expect(row(el, 3).querySelector('.mark')!.closest('[lang]')).to.equal(null);
      // UI strings come through msg(): the English catalogue has the element's older strings at least
      expect(text($(el, '.toggle'))).to.not.equal('');
    });

    it('shows the loading, empty and error states accessibly', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><zw-policy-compare></zw-policy-compare></div>`);
      const el = wrapper.querySelector('zw-policy-compare')!;
      await settle(el);
      expect(el.state).to.equal('empty');
      expect(text($(el, '[part=empty]'))).to.equal('暂无对比内容');
      await expect(el).to.be.accessible();
      const error = oneEvent(el, 'zw-error');
      el.data = { type: 'comparison', schemaVersion: 1, title: '缺版本', versions: [] };
      await error;
      await settle(el);
      await expect(el).to.be.accessible();
    });
  });
});
