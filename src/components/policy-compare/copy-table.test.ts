import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Clause, ClauseChange, Comparison } from '../../core/compare/types.js';
import { HOSTILE } from '../../test-support/samples.js';
import { oneEvent, until } from '../../test-support/helpers.js';
import { comparisonTable, copyComparisonTable, copyViaCopyEvent, escapeHtml, type ComparisonTable } from './copy-table.js';

// Comparisons built by hand from the contract (core/compare/types.ts), independent of the aligner.
let at = 0;
const clause = (number: string, text: string, extra: Partial<Clause> = {}): Clause => ({ id: number, number, kind: 'article', depth: 0, parents: [], text, index: at++, ...extra });
const row = (change: Partial<ClauseChange> & Pick<ClauseChange, 'kind'>): ClauseChange => ({
  renumbered: false,
  notes: [],
  explicit: false,
  similarity: change.kind === 'added' || change.kind === 'deleted' ? 0 : 1,
  ...change,
});

const moved = clause('第五条', '本办法由省商务厅负责解释。');
const sample: Comparison = {
  changes: [
    row({ kind: 'unchanged', old: clause('第一条', '为了规范政务公开工作，制定本办法。'), new: clause('第一条', '为了规范政务公开工作，制定本办法。') }),
    row({ kind: 'added', new: clause('第二条', '各处室要高度重视政务公开工作。') }),
    row({ kind: 'unchanged', old: clause('第二条', '厅机关各处室按照分工负责。'), new: clause('第三条', '厅机关各处室按照分工负责。'), renumbered: true }),
    row({
      kind: 'modified',
      old: clause('第三条', '行政机关应当及时公开。', { heading: '公开时限' }),
      new: clause('第四条', '行政机关应当按时公开。', { heading: '公开期限' }),
      renumbered: true,
      similarity: 0.8,
      segments: [
        { op: 'equal', text: '行政机关应当' },
        { op: 'delete', text: '及时' },
        { op: 'insert', text: '按时' },
        { op: 'equal', text: '公开。' },
      ],
      headingSegments: [
        { op: 'equal', text: '公开' },
        { op: 'delete', text: '时限' },
        { op: 'insert', text: '期限' },
      ],
      notes: ['与《条例》第二十条一致。'],
    }),
    row({ kind: 'deleted', old: clause('第四条', '信息中心负责网站维护。\n办公室负责审核。') }),
    row({ kind: 'moved', placement: 'from', old: moved, partner: 6 }),
    row({
      kind: 'moved',
      placement: 'to',
      old: moved,
      new: clause('第六条', '本办法由省商务厅负责解释。'),
      renumbered: true,
      partner: 5,
    }),
  ],
  summary: { added: 1, deleted: 1, modified: 1, moved: 1, unchanged: 2 },
};
const context = { title: '《政务公开工作办法》修订前后对照', oldLabel: '2019年版', newLabel: '2024年版' };

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const cells = (doc: Document) => [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
/** Text of a node, a <br> read as a space, whitespace collapsed. */
function flatText(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('comparisonTable (复制对照表)', () => {
  it('is a three-column table 原条款 / 新条款 / 说明 with a row per change, in merged order', () => {
    const doc = parse(comparisonTable(sample, context).html);
    expect(doc.querySelectorAll('table')).to.have.length(1);
    const heads = [...doc.querySelectorAll('thead th')].map(flatText);
    expect(heads).to.have.length(3);
    expect(heads[0]).to.contain('原条款').and.contain('2019年版');
    expect(heads[1]).to.contain('新条款').and.contain('2024年版');
    expect(heads[2]).to.equal('说明');
    const rows = cells(doc);
    expect(rows).to.have.length(sample.changes.length);
    for (const r of rows) expect(r).to.have.length(3);
    expect(flatText(doc.querySelector('p')!)).to.equal(context.title);
    // Numbers shown on both sides, in the new version's order.
    expect(rows.map((r) => flatText(r[1]).split(' ')[0])).to.deep.equal(['第一条', '第二条', '第三条', '第四条', '', '', '第六条']);
    expect(flatText(rows[2][0])).to.match(/^第二条/);
  });

  it('puts version titles under the labels when given', () => {
    const doc = parse(comparisonTable(sample, { ...context, oldTitle: '鲁商字〔2019〕1号', newTitle: '鲁商字〔2024〕2号' }).html);
    const heads = [...doc.querySelectorAll('thead th')].map(flatText);
    expect(heads[0]).to.contain('鲁商字〔2019〕1号');
    expect(heads[1]).to.contain('鲁商字〔2024〕2号');
  });

  it('marks added text bold and underlined and deleted text struck through, each on its own side', () => {
    const rows = cells(parse(comparisonTable(sample, context).html));
    const [oldCell, newCell] = rows[3];
    const inserted = [...newCell.querySelectorAll('u')];
    expect(inserted.map(flatText)).to.deep.equal(['期限', '按时']);
    for (const u of inserted) {
      expect(u.getAttribute('style')).to.contain('text-decoration:underline').and.contain('font-weight:bold');
      expect(u.querySelector('b')).to.exist;
    }
    const deleted = [...oldCell.querySelectorAll('s')];
    expect(deleted.map(flatText)).to.deep.equal(['时限', '及时']);
    for (const s of deleted) expect(s.getAttribute('style')).to.contain('line-through');
    expect(flatText(oldCell)).to.equal('第三条 【公开时限】行政机关应当及时公开。');
    expect(flatText(newCell)).to.equal('第四条 【公开期限】行政机关应当按时公开。');
    expect(newCell.querySelector('s'), 'no deleted text on the new side').to.be.null;
    expect(oldCell.querySelector('u'), 'no added text on the old side').to.be.null;
    // A whole added clause is marked as added, a whole deleted one as deleted (款 kept as line breaks).
    expect(flatText(rows[1][1].querySelector('u')!)).to.equal('各处室要高度重视政务公开工作。');
    expect(flatText(rows[1][0])).to.equal('');
    const gone = rows[4][0].querySelector('s')!;
    expect(flatText(gone)).to.equal('信息中心负责网站维护。 办公室负责审核。');
    expect(gone.querySelectorAll('br')).to.have.length(1);
    expect(flatText(rows[4][1])).to.equal('');
    // Unchanged rows carry no marks.
    expect(rows[0].some((c) => c.querySelector('u, s'))).to.be.false;
  });

  it('explains each row in 说明: the change label, then the notes', () => {
    const rows = cells(parse(comparisonTable(sample, context).html));
    const said = rows.map((r) => flatText(r[2]));
    expect(said).to.deep.equal(['', '新增', '仅调整序号', '修改 与《条例》第二十条一致。', '删除', '移动：移至第六条', '移动：原第五条']);
    expect(rows[3][2].querySelector('br'), 'label and note on separate lines').to.exist;
    // The move's `from` row says where the clause went; its text is shown once, where it is now.
    expect(flatText(rows[5][0])).to.equal('第五条（已移至第六条）');
    expect(flatText(rows[6][0])).to.equal('第五条 本办法由省商务厅负责解释。');
    expect(flatText(rows[6][1])).to.equal('第六条 本办法由省商务厅负责解释。');
  });

  it('labels a moved clause whose text also changed as moved and modified', () => {
    const changes = sample.changes.map((c) => ({ ...c }));
    changes[6] = {
      ...changes[6],
      segments: [
        { op: 'equal', text: '本办法由' },
        { op: 'insert', text: '省' },
        { op: 'equal', text: '商务厅负责解释。' },
      ],
    };
    const rows = cells(parse(comparisonTable({ ...sample, changes }, context).html));
    expect(flatText(rows[6][2])).to.equal('移动：原第五条 修改');
    expect(flatText(rows[6][1].querySelector('u')!)).to.equal('省');
  });

  it('names a moved outline item with its parent (（二） restarts under each 一、), and keeps its note at its new place', () => {
    const item = (number: string, parent: string, text: string) => clause(number, text, { kind: 'item', depth: 1, parents: [parent] });
    const from = item('(二)', '四、', '优化政务公开平台。');
    const to = item('(三)', '二、', '优化政务公开平台。');
    const moves: Comparison = {
      changes: [
        row({ kind: 'moved', placement: 'from', old: from, new: to, partner: 1, notes: ['移入平台建设一节。'] }),
        row({ kind: 'moved', placement: 'to', old: from, new: to, partner: 0, notes: ['移入平台建设一节。'] }),
      ],
      summary: { added: 0, deleted: 0, modified: 0, moved: 1, unchanged: 0 },
    };
    const rows = cells(parse(comparisonTable(moves, context).html));
    expect(flatText(rows[0][0])).to.equal('四、(二)（已移至二、(三)）');
    expect(flatText(rows[0][2])).to.equal('移动：移至二、(三)');
    expect(flatText(rows[1][2])).to.equal('移动：原四、(二) 移入平台建设一节。');
  });

  it('shows a chapter heading as 第X章 and its title, an article heading in 【】', () => {
    const chapter = (title: string) => clause('第一章', '', { kind: 'chapter', heading: title });
    const table = comparisonTable(
      {
        changes: [
          row({
            kind: 'modified',
            old: chapter('总则'),
            new: chapter('一般规定'),
            headingSegments: [
              { op: 'delete', text: '总则' },
              { op: 'insert', text: '一般规定' },
            ],
            similarity: 0.5,
          }),
          row({ kind: 'unchanged', old: clause('第一条', '正文。', { heading: '目的' }), new: clause('第一条', '正文。', { heading: '目的' }) }),
        ],
        summary: { added: 0, deleted: 0, modified: 1, moved: 0, unchanged: 1 },
      },
      context,
    );
    const rows = cells(parse(table.html));
    expect(rows.map((r) => [flatText(r[0]), flatText(r[1])])).to.deep.equal([
      ['第一章 总则', '第一章 一般规定'],
      ['第一条 【目的】正文。', '第一条 【目的】正文。'],
    ]);
    expect(flatText(rows[0][1].querySelector('u')!)).to.equal('一般规定');
    expect(table.text.split('\n')[2]).to.equal('第一章　总则\t第一章　一般规定\t修改');
  });

  it('leaves unchanged clauses out with changesOnly', () => {
    const table = comparisonTable(sample, context, { changesOnly: true });
    const rows = cells(parse(table.html));
    expect(rows).to.have.length(sample.changes.filter((c) => c.kind !== 'unchanged').length);
    expect(rows.map((r) => flatText(r[2]).split(' ')[0])).to.deep.equal(['新增', '修改', '删除', '移动：移至第六条', '移动：原第五条']);
    expect(table.text.split('\n')).to.have.length(2 + rows.length);
  });

  it('carries what Word and WPS need: borders, collapsed borders, cell padding and a 公文 font, inline', () => {
    const doc = parse(comparisonTable(sample, context).html);
    const table = doc.querySelector('table')!;
    expect(table.getAttribute('border')).to.equal('1');
    expect(table.getAttribute('style'))
      .to.contain('border-collapse:collapse')
      .and.match(/FangSong|仿宋|SimSun|宋体/);
    for (const cell of doc.querySelectorAll('td, th')) expect(cell.getAttribute('style')).to.contain('border:1px solid #000').and.contain('padding:');
    expect([...doc.querySelectorAll('th')].map((th) => th.getAttribute('width'))).to.deep.equal(['40%', '40%', '20%']);
  });

  it('keeps hostile strings as text: no element, no attribute, no script from the data', async () => {
    for (const hostile of HOSTILE) {
      const evil = (s: string) => `${s}${hostile}`;
      const hostileSample: Comparison = {
        ...sample,
        changes: [
          row({
            kind: 'modified',
            old: clause(evil('第一条'), evil('旧'), { heading: evil('标题') }),
            new: clause(evil('第一条'), evil('新'), { heading: evil('标题') }),
            segments: [
              { op: 'equal', text: hostile },
              { op: 'delete', text: hostile },
              { op: 'insert', text: hostile },
            ],
            headingSegments: [{ op: 'insert', text: hostile }],
            notes: [hostile],
          }),
          row({ kind: 'added', new: clause(evil('第二条'), evil('新')) }),
          row({ kind: 'deleted', old: clause(evil('第二条'), evil('旧')) }),
          row({ kind: 'moved', placement: 'from', old: clause(evil('第三条'), 'x'), partner: 4 }),
          row({ kind: 'moved', placement: 'to', old: clause(evil('第三条'), 'x'), new: clause(evil('第四条'), 'x'), partner: 3 }),
        ],
      };
      const table = comparisonTable(hostileSample, { title: evil('标题'), oldLabel: evil('旧版'), newLabel: evil('新版'), oldTitle: hostile, newTitle: hostile });
      const doc = parse(table.html);
      expect(doc.querySelectorAll('img, script, svg, a, iframe'), hostile).to.have.length(0);
      const allowed = new Set(['P', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'U', 'B', 'S', 'BR', 'HTML', 'HEAD', 'BODY']);
      for (const el of doc.querySelectorAll('*')) {
        expect(allowed.has(el.tagName), el.tagName).to.be.true;
        for (const attr of el.getAttributeNames()) expect(['style', 'border', 'cellspacing', 'cellpadding', 'width']).to.include(attr);
      }
      expect(doc.body.textContent).to.contain(hostile);
      // Live in a document too: nothing runs.
      const box = document.createElement('div');
      box.innerHTML = table.html;
      document.body.append(box);
      await new Promise((r) => setTimeout(r, 0)); // let an onerror fire if an element had been made
      expect((window as unknown as { __zwPwned?: number }).__zwPwned).to.be.undefined;
      box.remove();
      expect(table.text).to.contain(hostile);
    }
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).to.equal('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('drops bidi controls, so a pasted U+202E cannot reverse a cell in Word', () => {
    const table = comparisonTable(
      {
        changes: [row({ kind: 'added', new: clause('第一条', '\u202e本办法\u2066自发布之日起施行\u2069。', { heading: '\u202a施行' }), notes: ['\u202d说明'] })],
        summary: sample.summary,
      },
      { ...context, title: '\u202e标题' },
    );
    expect(/[\u202a-\u202e\u2066-\u2069]/.test(table.html + table.text)).to.be.false;
    expect(flatText(cells(parse(table.html))[0][1])).to.equal('第一条 【施行】本办法自发布之日起施行。');
  });

  it('gives plain text as tab-separated rows: title, header, one line per change', () => {
    const { text } = comparisonTable(sample, context);
    const lines = text.split('\n');
    expect(lines).to.have.length(2 + sample.changes.length);
    expect(lines[0]).to.equal(context.title);
    expect(lines[1].split('\t')).to.deep.equal(['原条款（2019年版）', '新条款（2024年版）', '说明']);
    for (const line of lines.slice(1)) expect(line.split('\t')).to.have.length(3);
    expect(lines[5].split('\t')).to.deep.equal(['第三条　【公开时限】行政机关应当及时公开。', '第四条　【公开期限】行政机关应当按时公开。', '修改；与《条例》第二十条一致。']);
    // 款 line breaks inside a cell do not break the row.
    expect(lines[6].split('\t')).to.deep.equal(['第四条　信息中心负责网站维护。 办公室负责审核。', '', '删除']);
  });
});

describe('copying the table to the clipboard', () => {
  const table: ComparisonTable = comparisonTable(sample, context);

  /** A real click (user activation, as a reader's click gives) on a button that runs `action`. */
  async function clickTo<T>(action: () => T | Promise<T>): Promise<T> {
    const button = document.createElement('button');
    button.textContent = '复制对照表';
    document.body.append(button);
    const done = new Promise<T>((resolve, reject) => button.addEventListener('click', () => Promise.resolve().then(action).then(resolve, reject), { once: true }));
    const box = button.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    try {
      return await done;
    } finally {
      button.remove();
    }
  }

  /** Pastes the system clipboard into a contenteditable box with the keyboard, as a user would. */
  async function paste(): Promise<HTMLElement> {
    const target = document.createElement('div');
    target.contentEditable = 'true';
    document.body.append(target);
    target.focus();
    const pasted = oneEvent(target, 'paste');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyV' });
    await sendKeys({ up: 'Control' });
    await pasted;
    await until(() => target.querySelector('table'), 'the pasted table');
    return target;
  }

  // First in this block: no click has happened on the page yet, so there is no user activation.
  it('reports failure when the browser refuses the copy command (no user action)', () => {
    expect(navigator.userActivation?.hasBeenActive ?? false, 'precondition: no click yet').to.be.false;
    expect(copyViaCopyEvent(table)).to.be.false;
  });

  it('fills the clipboard from the copy event (the route for browsers without ClipboardItem text/html)', async () => {
    const seen: Record<string, string> = {};
    const listen = (e: ClipboardEvent) => {
      seen.html = e.clipboardData!.getData('text/html');
      seen.text = e.clipboardData!.getData('text/plain');
    };
    window.addEventListener('copy', listen); // after the copy handler (capture on document), same event
    const selectionBefore = document.createElement('p');
    selectionBefore.textContent = '读者自己选中的文字';
    document.body.append(selectionBefore);
    document.getSelection()!.selectAllChildren(selectionBefore);
    let ok: boolean;
    try {
      ok = await clickTo(() => copyViaCopyEvent(table));
    } finally {
      window.removeEventListener('copy', listen);
    }
    expect(ok).to.be.true;
    expect(seen.html).to.equal(table.html);
    expect(seen.text).to.equal(table.text);
    // The reader's selection is back, the helper node is gone.
    expect(document.getSelection()!.toString()).to.equal('读者自己选中的文字');
    selectionBefore.remove();
    // And the real clipboard holds the table: pasting gives a three-column table.
    const target = await paste();
    expect(target.querySelectorAll('tbody tr, tr').length).to.be.greaterThan(sample.changes.length - 1);
    expect(target.querySelector('tr')!.children).to.have.length(3);
    target.remove();
  });

  it('copyComparisonTable puts the table on the clipboard as HTML and reports success', async () => {
    // Clear what the previous test left, so the paste below proves this copy.
    await clickTo(() => copyViaCopyEvent({ html: '<p>旧内容</p>', text: '旧内容' }));
    const ok = await clickTo(() => copyComparisonTable(table));
    expect(ok).to.be.true;
    const target = await paste();
    expect(target.textContent).to.contain('原条款').and.contain('按时');
    expect(target.querySelector('s')?.textContent).to.equal('时限');
    target.remove();
  });
});
