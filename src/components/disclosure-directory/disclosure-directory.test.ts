import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, oneEvent, settle, text, until } from '../../test-support/helpers.js';
import type { ZwLoadEvent } from '../../base/events.js';
import type { LocalizedIssue } from '../../schema/issues.js';
import type { DirectoryDocument, DirectoryEntry } from '../../schema/types.generated.js';
import type { ZwPolicyCard } from '../policy-card/policy-card.js';
import './disclosure-directory.js';
import type { ZwDisclosureDirectory } from './disclosure-directory.js';
import type { ZwSearchEvent, ZwSelectEvent } from './disclosure-directory.events.js';
import { rowWindow } from './virtual-window.js';
import { addressWith, claimPrefix, readState, release } from './url-state.js';
import seedDirectory from '../../../demo/data/directory-seeds.json' with { type: 'json' };

const ENTRIES: DirectoryEntry[] = [
  {
    title: '关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知',
    indexNo: '11370100MB28696235/2020-00757',
    docNo: '济市监发〔2020〕12号',
    issuer: { name: '济南市市场监督管理局' },
    category: { topic: '市场监管' },
    writtenDate: '2020-09-16',
    publishDate: '2020-09-16',
    validity: 'effective',
    disclosure: 'proactive',
    summary: '明确全年政务公开重点任务。',
    url: '/xxgk/757.html',
    columns: ['gfxwj'],
  },
  {
    title: '山东省商务厅关于进一步做好外贸企业服务工作的通知',
    indexNo: '113700000042110000/2019-00012',
    docNo: '鲁商字〔2019〕12号',
    issuer: { name: '山东省商务厅' },
    category: { topic: '商贸' },
    writtenDate: '2019-02-27',
    publishDate: '2019-03-01',
    abolishDate: '2021-01-01',
    validity: 'abolished',
    disclosure: 'proactive',
    url: '/xxgk/12.html',
    columns: ['gfxwj', 'fzsx'],
  },
  {
    title: '济南市人民政府办公厅关于印发济南市政府信息公开工作规定的通知',
    indexNo: '113701000041880001/2021-00003',
    docNo: '济政办字〔2021〕3号',
    issuer: { name: '济南市人民政府办公厅' },
    category: { topic: '综合政务' },
    writtenDate: '2021-05-08',
    publishDate: '2021-05-10',
    validity: 'effective',
    disclosure: 'proactive',
    columns: ['gkzd'],
  },
  {
    title: '济南市2022年市级预算',
    indexNo: '113701000041880001/2022-00100',
    issuer: { name: '济南市财政局' },
    category: { topic: '财政' },
    publishDate: '2022-02-15',
    abolishDate: '2023-01-01',
    validity: 'expired',
    disclosure: 'proactive',
    url: '/xxgk/100.html',
    columns: ['yjs'],
  },
  {
    title: '关于做好2023年政务公开工作的通知',
    indexNo: '113701000041880001/2023-00021',
    docNo: '济政办发〔2023〕5号',
    issuer: { name: '济南市人民政府办公厅' },
    category: { topic: '综合政务' },
    writtenDate: '2023-03-30',
    publishDate: '2023-04-01',
    validity: 'effective',
    disclosure: 'proactive',
    keywords: ['政务公开', '信息公开'],
    url: '/xxgk/21.html',
    columns: ['gfxwj'],
  },
];

const directory = (entries: unknown[] = ENTRIES, extra: Partial<DirectoryDocument> = {}): DirectoryDocument =>
  ({ type: 'directory', schemaVersion: 1, title: '济南市政府信息公开目录', entries, ...extra }) as DirectoryDocument;

/** `n` generated entries, numbered in their titles (第0001号文件…), one year apart in groups. */
const generated = (n: number): DirectoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `测试文件第${String(i + 1).padStart(4, '0')}号`,
    indexNo: `113701000041880001/${2000 + (i % 20)}-${String(i + 1).padStart(5, '0')}`,
    issuer: { name: i % 2 ? '济南市财政局' : '济南市商务局' },
    publishDate: `${2000 + (i % 20)}-01-${String((i % 28) + 1).padStart(2, '0')}`,
    validity: 'effective',
    url: `/xxgk/${i + 1}.html`,
    columns: ['gfxwj'],
  }));

interface Options {
  lang?: string;
  width?: number;
  attrs?: Record<string, string>;
}

type Load = ZwLoadEvent<DirectoryDocument, { rejected: LocalizedIssue[]; total: number }>;

/** A directory in a wrapper of `width` px; resolves after its `zw-load`. */
async function open(doc: unknown, options: Options = {}): Promise<{ el: ZwDisclosureDirectory; load: Load }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'zh-CN'}></div>`);
  wrapper.style.width = `${options.width ?? 1200}px`;
  const el = document.createElement('zw-disclosure-directory');
  // the address is left alone unless a test is about it (`url-state: 'on'`)
  for (const [name, value] of Object.entries({ 'url-state': 'off', ...options.attrs })) if (!(name === 'url-state' && value === 'on')) el.setAttribute(name, value);
  wrapper.append(el);
  const loaded = oneEvent(el, 'zw-load') as Promise<Load>;
  const failed = new Promise<never>((_, reject) => el.addEventListener('zw-error', (e) => reject(new Error(JSON.stringify(e.detail.errors))), { once: true }));
  el.data = doc;
  const load = await Promise.race([loaded, failed]);
  await settle(el);
  return { el, load };
}

const rows = (el: Element) => $$(el, 'tbody tr[part=row]');
const titles = (el: Element) => rows(el).map((r) => text(r.querySelector('.c-title a, .c-title button')!));
const input = (el: Element) => $<HTMLInputElement>(el, 'input[type=search]');
const select = (el: Element, id: string) => $<HTMLSelectElement>(el, `select#${id}`);

async function type(el: ZwDisclosureDirectory, value: string) {
  const box = input(el);
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: ZwDisclosureDirectory, id: string, value: string) {
  const s = select(el, id);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/**
 * One more history entry than before. Chromium keeps at most 50 entries per tab and the test runner may reuse a tab
 * across files, so at the cap the length cannot grow: then going back (which the tests do next) is the proof.
 */
const MAX_HISTORY = 50;
function expectOneMoreEntry(lengthBefore: number) {
  if (lengthBefore < MAX_HISTORY) expect(history.length).to.equal(lengthBefore + 1);
}

describe('<zw-disclosure-directory>', () => {
  const start = location.href;
  afterEach(async () => {
    history.replaceState(null, '', start);
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the title, a labelled search box and every entry in a table, newest first', async () => {
    const { el, load } = await open(directory());
    expect(el.state).to.equal('ready');
    expect(text($(el, '[part=title]'))).to.equal('济南市政府信息公开目录');
    const box = input(el);
    expect(box.labels?.[0]?.textContent?.trim()).to.equal('搜索文件');
    expect(box.getAttribute('aria-describedby')).to.equal('q-hint');
    expect(titles(el)).to.deep.equal([ENTRIES[4], ENTRIES[3], ENTRIES[2], ENTRIES[0], ENTRIES[1]].map((e) => e.title));
    expect($$(el, 'th[scope=col]').map((th) => text(th))).to.deep.equal(['索引号', '名称', '发布机构', '发文字号', '成文日期', '发布日期', '有效性']);
    expect($(el, 'th[aria-sort]').textContent).to.contain('发布日期');
    expect($(el, 'th[aria-sort]').getAttribute('aria-sort')).to.equal('descending');
    expect(load.detail.rejected).to.deep.equal([]);
    expect(el.total).to.equal(5);
    // 已废止 / 已失效 rows: muted, with a badge that says so in words
    const abolished = rows(el).find((r) => r.textContent!.includes('外贸企业'))!;
    expect(abolished.classList.contains('out')).to.be.true;
    expect(text(abolished.querySelector('[part=badge]')!)).to.contain('已废止');
    // the default heading when the document has no title
    const { el: untitled } = await open({ ...directory(), title: undefined, entries: ENTRIES }).catch(() => open(JSON.parse(JSON.stringify({ ...directory(), title: undefined }))));
    expect(text($(untitled, '[part=title]'))).to.equal('政府信息公开');
  });

  it('fits its seven columns beside the column tree in a 1280 px window: dates may take two lines after the year', async () => {
    await setViewport({ width: 1280, height: 900 });
    const { el } = await open(seedDirectory, { width: 1200 });
    expect($(el, '[part=tree]')).to.exist;
    const scroller = $(el, '.table-scroll');
    expect(scroller.scrollWidth, 'no sideways scrolling of the table').to.be.at.most(scroller.clientWidth + 1);
    // a date keeps its parts whole: 2026年 / 10月22日, never 10月 / 22日
    const date = $(el, 'td.c-date time');
    expect([...date.children].map((part) => part.textContent)).to.deep.equal([date.textContent!.slice(0, 5), date.textContent!.slice(5)]);
    for (const part of date.children) expect(part.classList.contains('zw-nobreak') && getComputedStyle(part).display).to.equal('inline-block');
  });

  it('searches as the reader types, marks the matches, and announces the count once typing settles', async () => {
    const { el } = await open(directory());
    input(el).focus();
    const searched = oneEvent(el, 'zw-search') as Promise<ZwSearchEvent>;
    await sendKeys({ type: '信息公开' });
    await until(() => rows(el).length === 2, 'two matches');
    expect(el.query).to.equal('信息公开');
    // found in the title (marked) and in the keywords of the other
    const marks = $$(el, 'tbody mark').map((m) => m.textContent);
    expect(marks).to.include('信息公开');
    const event = await searched;
    expect(event.detail).to.deep.equal({ query: '信息公开', total: 2 });
    expect(text($(el, '[role=status]:not([part])'))).to.equal('「信息公开」找到 2 条结果');
    // relevance is offered with a query
    expect([...select(el, 'sort').options].map((o) => o.value)).to.include('relevance');
  });

  it('finds 发文字号 whatever brackets, spaces and full-width characters are typed, and marks them', async () => {
    const { el } = await open(directory());
    for (const q of ['鲁商字[2019]12号', '鲁商字（2019）12号', '鲁商字 2019 12号', '鲁商字〔２０１９〕１２号', '2019-00012']) {
      await type(el, q);
      expect(titles(el), q).to.deep.equal([ENTRIES[1].title]);
    }
    await type(el, '鲁商字[2019]12号');
    expect($(el, 'td.c-docno mark').textContent).to.equal('鲁商字〔2019〕12号');
  });

  it('combines filters, their counts and the sort', async () => {
    const { el } = await open(directory());
    const options = (id: string) => [...select(el, id).options].map((o) => o.textContent!.trim());
    expect(options('f-year')).to.deep.equal(['全部', '2023（1）', '2022（1）', '2021（1）', '2020（1）', '2019（1）']);
    expect(options('f-issuer')).to.include('济南市人民政府办公厅（2）');
    expect(options('f-validity')).to.include('已废止（1）');
    const pushed = oneEvent(el, 'zw-search') as Promise<ZwSearchEvent>;
    await choose(el, 'f-issuer', '济南市人民政府办公厅');
    expect((await pushed).detail.total).to.equal(2);
    expect(titles(el)).to.deep.equal([ENTRIES[4].title, ENTRIES[2].title]);
    // counts of the other filters follow the chosen one
    expect(options('f-year')).to.deep.equal(['全部', '2023（1）', '2021（1）']);
    await choose(el, 'sort', 'title');
    expect($(el, 'th[aria-sort]').textContent).to.contain('名称');
    expect($(el, 'th[aria-sort]').getAttribute('aria-sort')).to.equal('ascending');
    await choose(el, 'order', 'desc');
    expect($(el, 'th[aria-sort]').getAttribute('aria-sort')).to.equal('descending');
    expect(titles(el)).to.deep.equal([...titles(el)].sort((a, b) => b.localeCompare(a, 'zh-CN')));
    // hide 已废止、已失效
    await choose(el, 'f-issuer', '');
    const hide = $<HTMLInputElement>(el, '.toggle input');
    hide.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(3);
    expect(rows(el).some((r) => r.classList.contains('out'))).to.be.false;
  });

  it('keeps its state in the address: back and forward restore it, a shared link opens it', async () => {
    const { el } = await open(directory(), { attrs: { id: 'xxgk', 'url-state': 'on' } });
    history.replaceState(null, '', `${location.pathname}?page=other#keep`);
    await type(el, '政务公开');
    // typing replaces the entry once it pauses (not per keystroke)
    await until(() => new URL(location.href).searchParams.get('xxgk.q') === '政务公开', 'the query in the address');
    const lengthBefore = history.length;
    await choose(el, 'f-year', '2023');
    const address = new URL(location.href);
    expect(address.searchParams.get('xxgk.year')).to.equal('2023');
    expect(address.searchParams.get('page')).to.equal('other');
    expect(address.hash).to.equal('#keep');
    expectOneMoreEntry(lengthBefore);
    expect(rows(el)).to.have.length(1);
    history.back();
    await until(() => select(el, 'f-year').value === '' && rows(el).length === 2, 'the state before the year was chosen');
    expect(el.query).to.equal('政务公开');
    history.forward();
    await until(() => select(el, 'f-year').value === '2023', 'the year again');
    // a shared link opens the same state
    const link = location.href;
    const { el: other } = await open(directory(), { attrs: { id: 'xxgk2', 'url-state': 'on' } });
    expect(other.query).to.equal('');
    history.replaceState(null, '', link.replaceAll('xxgk.', 'xxgk2.'));
    const { el: opened } = await open(directory(), { attrs: { id: 'xxgk2', 'url-state': 'on' } });
    expect(opened.query).to.equal('政务公开');
    expect(input(opened).value).to.equal('政务公开');
    expect(select(opened, 'f-year').value).to.equal('2023');
    expect(rows(opened)).to.have.length(1);
  });

  it('writes what was typed before a choice that adds a history entry, so back returns to it', async () => {
    const { el } = await open(directory(), { attrs: { id: 'typed', 'url-state': 'on' } });
    const lengthBefore = history.length;
    await type(el, '政务');
    await type(el, '政务公开');
    // chosen at once, before typing paused: the typed search lands on the entry before the new one
    await choose(el, 'f-year', '2023');
    expectOneMoreEntry(lengthBefore);
    const address = new URL(location.href);
    expect(address.searchParams.get('typed.q')).to.equal('政务公开');
    expect(address.searchParams.get('typed.year')).to.equal('2023');
    history.back();
    await until(() => select(el, 'f-year').value === '' && rows(el).length === 2, 'the typed search, every year');
    expect(el.query).to.equal('政务公开');
    expect(new URL(location.href).searchParams.get('typed.q')).to.equal('政务公开');
  });

  it('gives two directories on a page their own parameters', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="zh-CN"><zw-disclosure-directory></zw-disclosure-directory><zw-disclosure-directory></zw-disclosure-directory></div>`,
    );
    const [a, b] = [...wrapper.querySelectorAll('zw-disclosure-directory')];
    const loads = [oneEvent(a, 'zw-load'), oneEvent(b, 'zw-load')];
    a.data = directory();
    b.data = directory();
    await Promise.all(loads);
    await settle(a);
    await settle(b);
    await type(a, '预算');
    await choose(b, 'f-year', '2019');
    const params = new URL(location.href).searchParams;
    expect(params.get('zwd.q')).to.equal('预算');
    expect(params.get('zwd2.year')).to.equal('2019');
    expect(params.has('zwd.year') || params.has('zwd2.q')).to.be.false;
    expect(rows(a)).to.have.length(1);
    expect(rows(b)).to.have.length(1);
    history.back();
    await until(() => select(b, 'f-year').value === '', 'the second directory back to every year');
    expect(a.query).to.equal('预算');
    // prefixes are first come, first served, and freed on disconnect
    const c = document.createElement('div');
    expect(claimPrefix(c)).to.equal('zwd3');
    release(c);
    expect(readState('zwd', '?zwd.q=x&zwd.page=2&zwd2.q=y')).to.deep.equal({ q: 'x', page: 2 });
    expect(addressWith('zwd', { q: '政务' }, 'https://example.gov.cn/a?x=1&zwd.page=3#h')).to.equal('https://example.gov.cn/a?x=1&zwd.q=%E6%94%BF%E5%8A%A1#h');
  });

  it('reports bad entries one by one and shows the good ones', async () => {
    const bad = [ENTRIES[0], { title: '缺少发布日期', issuer: { name: '某局' }, columns: ['gfxwj'] }, ENTRIES[2], { ...ENTRIES[4], url: 'javascript:alert(1)' }];
    const { el, load } = await open(directory(bad), { attrs: { preview: '' } });
    expect(el.state).to.equal('ready');
    expect(titles(el)).to.deep.equal([ENTRIES[2].title, ENTRIES[0].title]);
    const alert = $(el, '[part=rejected] [role=alert]');
    expect(alert.textContent).to.contain('/entries/1');
    expect(alert.textContent).to.contain('/entries/3/url');
    expect(load.detail.rejected.map((i) => i.path)).to.include.members(['/entries/3/url']);
    expect(load.detail.rejected.some((i) => i.path.startsWith('/entries/1'))).to.be.true;
    expect(load.detail.rejected.every((i) => i.message)).to.be.true;
    // the public: one polite line, no paths
    const { el: publicEl } = await open(directory(bad));
    expect(text($(publicEl, '[part=rejected]'))).to.equal('2 条信息暂时无法显示');
    expect($(publicEl, '[part=rejected]').getAttribute('role')).to.equal('status');
    expect(publicEl.shadowRoot!.textContent).not.to.contain('/entries/');
  });

  it('keeps hostile strings inert', async () => {
    window.__zwPwned = false;
    const hostile = { ...ENTRIES[0], title: '<img src=x onerror="window.__zwPwned=true">通知', docNo: '<script>window.__zwPwned=true</script>', url: undefined };
    const { el } = await open(directory([hostile]));
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(titles(el)[0]).to.contain('<img src=x');
    await type(el, '<img src=x onerror="window.__zwPwned=true">');
    expect(el.shadowRoot!.querySelector('tbody img')).to.equal(null);
    await type(el, '"><svg onload=alert(1)>');
    expect(text($(el, '[part=empty-results]'))).to.contain('"><svg onload=alert(1)>');
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
    expect(window.__zwPwned).to.be.false;
    expect($$(el, 'a[href]').every((a) => /^(\/|https?:)/.test(a.getAttribute('href')!))).to.be.true;
  });

  it('fires zw-select when an entry is chosen; preventDefault keeps the page where it is', async () => {
    const doc = directory([{ ...ENTRIES[0], url: '#zw-entry-757' }, ENTRIES[2]]);
    const { el } = await open(doc);
    const link = $<HTMLAnchorElement>(el, 'td.c-title a');
    const hash = location.hash;
    el.addEventListener('zw-select', (e) => e.preventDefault(), { once: true });
    const selected = oneEvent(el, 'zw-select') as Promise<ZwSelectEvent>;
    link.click();
    const event = await selected;
    expect(event.detail.entry.title).to.equal(ENTRIES[0].title);
    expect(event.cancelable && event.composed && event.bubbles).to.be.true;
    expect(location.hash).to.equal(hash);
    // without a url: a button
    const button = $<HTMLButtonElement>(el, 'td.c-title button');
    const fromButton = oneEvent(el, 'zw-select') as Promise<ZwSelectEvent>;
    button.click();
    expect((await fromButton).detail.entry.title).to.equal(ENTRIES[2].title);
  });

  it('says what found nothing and offers one-click ways to widen the search', async () => {
    const { el } = await open(directory(), { attrs: { column: 'gkzd' } });
    expect(titles(el)).to.deep.equal([ENTRIES[2].title]);
    await choose(el, 'f-year', '2021');
    await type(el, '外贸');
    const empty = $(el, '[part=empty-results]');
    expect(text(empty)).to.contain('「外贸」没有找到结果');
    const buttons = () => $$<HTMLButtonElement>(el, '[part=empty-results] button');
    expect(buttons().map((b) => text(b))).to.deep.equal(['取消筛选：年份「2021」', '在全部栏目中搜索', '清除搜索词']);
    buttons()[1].click(); // every column
    await el.updateComplete;
    expect(el.column).to.equal(undefined);
    expect(text($(el, '[part=empty-results]'))).to.contain('「外贸」没有找到结果');
    buttons()[0].click(); // every year
    await until(() => rows(el).length === 1, 'the abolished 2019 notice');
    expect(titles(el)).to.deep.equal([ENTRIES[1].title]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('results-heading');
  });

  it('pages: a navigation with the current page, 第 x / y 页, and focus on the results after a change', async () => {
    const { el } = await open(directory(generated(45)));
    expect(rows(el)).to.have.length(20);
    const pager = $(el, 'nav[part=pager]');
    expect(pager.getAttribute('aria-label')).to.equal('济南市政府信息公开目录分页', 'named with the directory: two on a page are told apart');
    expect(text(pager)).to.contain('第 1 / 3 页');
    expect($(el, '[aria-current=page]').textContent!.trim()).to.equal('1');
    const next = $$<HTMLButtonElement>(el, '[part=pager] button').find((b) => text(b) === '下一页')!;
    next.click();
    await until(() => text($(el, 'nav[part=pager]')).includes('第 2 / 3 页'), 'page 2');
    expect($(el, '[aria-current=page]').textContent!.trim()).to.equal('2');
    expect(el.shadowRoot!.activeElement?.id).to.equal('results-heading');
    $$<HTMLButtonElement>(el, '[part=pager] button.page')
      .find((b) => b.textContent!.trim() === '3')!
      .click();
    await until(() => rows(el).length === 5, 'the last 5 rows');
    // a page size
    const size = $<HTMLSelectElement>(el, '[part=pager] select');
    size.value = '50';
    size.dispatchEvent(new Event('change'));
    await until(() => rows(el).length === 45, 'one page of 50');
    expect(text($(el, 'nav[part=pager]'))).to.contain('第 1 / 1 页');
  });

  it('scrolls virtually inside its own scroll area, with the size said to screen readers', async () => {
    const { el } = await open(directory(generated(600)), { attrs: { 'list-mode': 'scroll' } });
    const table = $(el, '.scroller table');
    expect(table.getAttribute('aria-rowcount')).to.equal('601');
    const rendered = rows(el);
    expect(rendered.length).to.be.greaterThan(5).and.lessThan(200);
    expect(rendered[0].getAttribute('aria-rowindex')).to.equal('2');
    expect($(el, 'nav[part=pager]')).to.equal(null);
    const scroller = $(el, '.scroller');
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight * 5);
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => rows(el).some((r) => r.getAttribute('aria-rowindex') === '601'), 'the last row rendered');
    expect(rows(el).length).to.be.lessThan(200);
    expect(titles(el).at(-1)).to.match(/测试文件第\d{4}号/);
    // rows that change height once there (fonts arriving late, larger text): the end stays rendered and in view
    el.style.setProperty('--zw-font-size', '24px');
    const lastInView = () => {
      const last = rows(el).find((r) => r.getAttribute('aria-rowindex') === '601');
      const box = scroller.getBoundingClientRect();
      return !!last && last.getBoundingClientRect().bottom <= box.bottom + 2 && last.getBoundingClientRect().bottom > box.top;
    };
    await until(lastInView, 'the last row still rendered and in view after the rows grew');
    // the window arithmetic
    expect(rowWindow(1000, 4800, 480, 48, 5)).to.deep.equal({ start: 95, end: 116, before: 95 * 48, after: (1000 - 116) * 48 });
    expect(rowWindow(0, 0, 480, 48)).to.deep.equal({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('comes to rest in virtual scrolling when rows differ in height (no update loop while measuring them)', async () => {
    // every third title is long enough to wrap: the mean of the rows in view changes as they move
    const entries = generated(3000).map((e, i) => (i % 3 ? e : { ...e, title: `${e.title}：关于进一步做好政务公开标准化规范化工作的实施意见和配套措施的通知` }));
    const { el } = await open(directory(entries), { width: 900, attrs: { 'list-mode': 'scroll' } });
    const scroller = $(el, '.scroller');
    scroller.scrollTop = scroller.scrollHeight / 2;
    await until(() => rows(el).some((r) => Number(r.getAttribute('aria-rowindex')) > 1000), 'rows from the middle rendered');
    // at rest: no change to the table for several checks in a row (an update loop keeps changing it and times out)
    let changes = 0;
    const observer = new MutationObserver(() => changes++);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    let quiet = 0;
    let seen = -1;
    await until(() => {
      quiet = changes === seen ? quiet + 1 : 0;
      seen = changes;
      return quiet >= 5;
    }, 'the virtual table coming to rest');
    observer.disconnect();
  });

  it('shows compact cards that mark the search on a phone, and folds the column tree and filters', async () => {
    await setViewport({ width: 375, height: 800 });
    const { el } = await open(directory(), { width: 360 });
    expect($(el, 'table')).to.equal(null);
    expect($(el, '[part=tree] details')).to.exist;
    expect($(el, 'details[part=filters]')).to.exist;
    await type(el, '外贸');
    const card = await until(() => $<ZwPolicyCard>(el, '[part=cards] zw-policy-card'), 'a card');
    await until(() => card.shadowRoot?.querySelector('mark'), 'the match marked in the card');
    expect(card.shadowRoot!.querySelector('mark')!.textContent).to.equal('外贸');
  });

  it('selects a column in the tree and counts per column', async () => {
    const { el } = await open(directory());
    const item = (name: string) => $$(el, '[role=treeitem]').find((i) => i.querySelector('.name')?.textContent === name);
    expect(item('全部栏目')!.getAttribute('aria-label')).to.contain('5');
    expect(item('政府信息公开制度')!.getAttribute('aria-label')).to.contain('1');
    const searched = oneEvent(el, 'zw-search') as Promise<ZwSearchEvent>;
    (item('政府信息公开制度')!.querySelector('.name') as HTMLElement).click();
    expect((await searched).detail.total).to.equal(1);
    expect(el.column).to.equal('gkzd');
    expect(titles(el)).to.deep.equal([ENTRIES[2].title]);
  });

  it('drops a build that a newer document superseded', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><zw-disclosure-directory url-state="off"></zw-disclosure-directory></div>`);
    const el = wrapper.querySelector('zw-disclosure-directory')!;
    const loads: Load[] = [];
    el.addEventListener('zw-load', (e) => loads.push(e as Load));
    el.data = directory(generated(3000));
    await el.updateComplete;
    el.data = directory();
    await until(() => loads.length === 1, 'zw-load');
    await settle(el);
    expect(loads[0].detail.document.entries).to.have.length(5);
    expect(el.total).to.equal(5);
    expect(rows(el)).to.have.length(5);
  });

  it('finds titles by 拼音首字母 with the pinyin attribute, and says so in the hint', async () => {
    const { el } = await open(directory(), { attrs: { pinyin: '' } });
    expect(text($(el, '#q-hint'))).to.contain('可输入拼音首字母');
    await until(() => (type(el, 'zwgk'), rows(el).length === 2), 'the two 政务公开 titles found by zwgk');
    expect(titles(el)).to.have.members([ENTRIES[0].title, ENTRIES[4].title]);
    const { el: plain } = await open(directory());
    expect(text($(plain, '#q-hint'))).not.to.contain('拼音');
    await type(plain, 'zwgk');
    expect(rows(plain)).to.have.length(0);
  });

  it('searches a remote directory: results, facet counts and column counts from the answer, a page at once', async () => {
    // a static answer: whatever the query, the server gives this page (the contract's shape)
    const remote = new URL('./remote-answer.test.json', import.meta.url).pathname;
    const { el } = await open({ type: 'directory', schemaVersion: 1, title: '远程目录', remote });
    expect(titles(el)).to.deep.equal(['远程检索到的文件之一', '远程检索到的文件之二']);
    expect(text($(el, '.result-count'))).to.equal('共 45 条');
    expect([...select(el, 'f-year').options].map((o) => o.textContent!.trim())).to.deep.equal(['全部', '2024（30）', '2023（15）']);
    expect(
      $$(el, '[role=treeitem]')
        .find((i) => i.querySelector('.name')?.textContent === '法定主动公开内容')!
        .getAttribute('aria-label'),
    ).to.contain('45');
    expect(text($(el, 'nav[part=pager]'))).to.contain('第 1 / 3 页');
    expect($(el, '[part=results]').getAttribute('aria-busy')).to.equal('false');
    const searched = oneEvent(el, 'zw-search') as Promise<ZwSearchEvent>;
    await choose(el, 'f-year', '2024');
    expect($(el, '[part=results]').getAttribute('aria-busy')).to.equal('true');
    // the rows being replaced stay readable while busy (no dimming below 4.5:1)
    expect(getComputedStyle($(el, '.table-scroll')).opacity).to.equal('1');
    expect((await searched).detail.total).to.equal(45);
    expect($(el, '[part=results]').getAttribute('aria-busy')).to.equal('false');
  });

  it('says politely when the search server fails, with the detail for staff', async () => {
    const { el } = await open({ type: 'directory', schemaVersion: 1, remote: '/__zw/status/503' });
    const notice = await until(() => $(el, '.remote-error'), 'the notice');
    expect(text(notice)).to.contain('暂时无法搜索，请稍后再试。');
    expect(notice.querySelector('code')).to.equal(null);
    const { el: staff } = await open({ type: 'directory', schemaVersion: 1, remote: '/__zw/status/503' }, { attrs: { preview: '' } });
    expect(await until(() => staff.shadowRoot!.querySelector('.remote-error code'), 'the detail')).to.exist;
    expect(text($(staff, '.remote-error code'))).to.contain('503');
  });

  it('paints the first rows while the rest of a large directory is still being indexed', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><zw-disclosure-directory url-state="off"></zw-disclosure-directory></div>`);
    const el = wrapper.querySelector('zw-disclosure-directory')!;
    let loaded = false;
    el.addEventListener('zw-load', () => (loaded = true));
    el.data = directory(generated(20000));
    await until(() => rows(el).length > 0, 'the first rows');
    expect(loaded, 'rows before zw-load').to.be.false;
    expect(text($(el, '.result-count'))).to.match(/正在载入目录：已处理 \d+ \/ 20000 条/);
    await until(() => loaded, 'zw-load');
    await el.updateComplete;
    expect(text($(el, '.result-count'))).to.equal('共 20000 条');
  });

  for (const lang of ['zh-CN', 'en']) {
    for (const width of [375, 1280]) {
      it(`is accessible at ${width} px in ${lang}: results, no results, paging and scrolling`, async () => {
        await setViewport({ width, height: 800 });
        const { el } = await open(directory([...ENTRIES, ...generated(30)]), { lang, width: width - 20 });
        await expect(el).to.be.accessible();
        await type(el, '没有这样的文件');
        await until(() => $(el, '[part=empty-results]'), 'no results');
        await expect(el).to.be.accessible();
        const { el: scrolling } = await open(directory(generated(200)), { lang, width: width - 20, attrs: { 'list-mode': 'scroll' } });
        await expect(scrolling).to.be.accessible();
      });
    }
  }
});

declare global {
  interface Window {
    __zwPwned?: boolean;
  }
}
