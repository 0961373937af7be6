import { expect } from '@open-wc/testing';
import seeds from '../../../demo/data/directory-seeds.json' with { type: 'json' };
import { checkDirectoryEntry, checkDirectoryShell } from './entries-check.js';
import { columnPaths, STANDARD_COLUMNS } from './columns.js';
import { checkDocument } from '../check.js';
import { loadLocale, withLocale } from '../../i18n/locale.js';
import { isError, type Issue } from '../../schema/issues.js';
import { localizeIssue } from '../../schema/messages.js';
import { HOSTILE } from '../../test-support/samples.js';

type Entry = Record<string, unknown>;
const ENTRIES = seeds.entries as Entry[];
const known = columnPaths(STANDARD_COLUMNS);
/** A valid entry (the Jinan seed), changed. */
const entry = (changes: Entry = {}): Entry => ({ ...structuredClone(ENTRIES[1]), ...changes });
const without = (key: string): Entry => {
  const e = entry();
  delete e[key];
  return e;
};
const brief = (issues: Issue[]) => issues.map((i) => `${i.path} ${i.code} ${i.severity}`);
const zh = (i: Issue) => withLocale('zh-CN', () => localizeIssue(i, 'directory').message);
const directory = (changes: Entry = {}) => ({ type: 'directory', schemaVersion: 1, title: '政府信息公开目录', entries: ENTRIES, ...changes });

describe('checkDirectoryEntry', () => {
  before(() => Promise.all([loadLocale('en'), loadLocale('zh-Hant')]));

  it('passes every entry of the sample directory without an error', () => {
    ENTRIES.forEach((e, i) => expect(checkDirectoryEntry(e, i, known).filter(isError), `entry ${i}`).to.deep.equal([]));
    // the Anhui 索引号 (002985915/201712-00377) is a portal's own numbering: a warning, never refused
    expect(brief(checkDirectoryEntry(ENTRIES[2], 2, known))).to.deep.equal(['/entries/2/indexNo index-no-local-format warning']);
  });

  it('reports each missing required field at its path, with the entry number in the message', () => {
    for (const key of ['title', 'issuer', 'publishDate', 'columns']) {
      const issues = checkDirectoryEntry(without(key), 6, known);
      expect(brief(issues)).to.deep.equal([`/entries/6/${key} required error`]);
    }
    const [missing] = checkDirectoryEntry(without('publishDate'), 6, known);
    expect(zh(missing)).to.equal('缺少必填项「第 7 条目录项 · 发布日期」');
  });

  it('reports bad values of the policy fields as the policy kind does', () => {
    const cases: [Entry, string, RegExp][] = [
      [{ publishDate: '2020-13-01' }, '/entries/3/publishDate invalid-date error', /「第 4 条目录项 · 发布日期」不是有效日期：“2020-13-01”/],
      [{ publishDate: '2020/09/16' }, '/entries/3/publishDate invalid-date error', /第 4 条目录项 · 发布日期/],
      [{ title: '   ' }, '/entries/3/title blank error', /「第 4 条目录项 · 标题」不能为空/],
      [{ validity: 'valid' }, '/entries/3/validity not-allowed-value error', /「第 4 条目录项 · 有效性」的取值 “valid” 不在允许范围内（允许：有效 effective、/],
      [{ disclosure: 'public' }, '/entries/3/disclosure not-allowed-value error', /依申请公开 on-request/],
      [{ issuer: { name: '某局', phone: '1' } }, '/entries/3/issuer/phone unknown-property error', /不认识的字段「第 4 条目录项 · 发布机构 · phone」/],
      [{ issuer: '济南市市场监督管理局' }, '/entries/3/issuer wrong-type error', /「第 4 条目录项 · 发布机构」的类型不正确：应为对象/],
      [{ keywords: ['政务公开', '政务公开'] }, '/entries/3/keywords duplicate-item error', /「第 4 条目录项 · 关键词」有重复项（第 2 项）/],
      [{ columns: [] }, '/entries/3/columns too-few-items error', /「第 4 条目录项 · 所属栏目」至少需要 1 项/],
      [{ columns: ['gz', 'gz'] }, '/entries/3/columns duplicate-item error', /所属栏目」有重复项/],
      [{ columns: ['规章'] }, '/entries/3/columns/0 bad-format error', /「第 4 条目录项 · 所属栏目 1」格式不正确：“规章”/],
      [{ body: [] }, '/entries/3/body unknown-property error', /不认识的字段「第 4 条目录项 · 正文」/],
      [{ category: { topic: '' } }, '/entries/3/category/topic blank error', /第 4 条目录项 · 分类 · 主题分类/],
    ];
    for (const [changes, expected, message] of cases) {
      const issues = checkDirectoryEntry(entry(changes), 3, known);
      expect(brief(issues), JSON.stringify(changes)).to.deep.equal([expected]);
      expect(zh(issues[0]), expected).to.match(message);
    }
  });

  it('applies the policy rules to an entry: dates in order, 已废止 needs its 废止日期, the 索引号 shape', () => {
    const cases: [Entry, string[]][] = [
      [{ writtenDate: '2020-09-16', publishDate: '2020-09-01' }, ['/entries/5/publishDate date-order error']],
      [{ effectiveDate: '2021-01-01', abolishDate: '2020-12-31', validity: 'abolished' }, ['/entries/5/abolishDate abolish-before-effective error']],
      [{ validity: 'abolished' }, ['/entries/5/abolishDate abolish-date-missing error']],
      [{ validity: 'expired' }, ['/entries/5/abolishDate abolish-date-missing warning']],
      [{ indexNo: '11370100MB28696235/2020-<b>1</b>' }, ['/entries/5/indexNo index-no-format error']],
      [{ indexNo: '11370100MB28696235/2020-\n00757' }, ['/entries/5/indexNo index-no-format error']],
      [{ indexNo: '11370100MB28696235/2019-00757' }, ['/entries/5/indexNo index-no-year-mismatch warning']],
    ];
    for (const [changes, expected] of cases) expect(brief(checkDirectoryEntry(entry(changes), 5, known)), JSON.stringify(changes)).to.deep.equal(expected);
    const [order] = checkDirectoryEntry(entry({ writtenDate: '2020-09-16', publishDate: '2020-09-01' }), 5, known);
    expect(zh(order)).to.equal('「第 6 条目录项 · 发布日期」2020-09-01 早于「成文日期」2020-09-16');
    // a schema error stops there: rules read only well-formed fields
    expect(brief(checkDirectoryEntry(entry({ validity: 'abolished', publishDate: 'soon' }), 5, known))).to.deep.equal(['/entries/5/publishDate invalid-date error']);
  });

  it('refuses unsafe links in an entry', () => {
    for (const key of ['url', 'interpretationUrl', 'infographicUrl']) {
      for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'http://a b/']) {
        const issues = checkDirectoryEntry(entry({ [key]: bad }), 0, known);
        expect(brief(issues), `${key}: ${bad}`).to.deep.equal([`/entries/0/${key} unsafe-url error`]);
      }
    }
    const [issue] = checkDirectoryEntry(entry({ url: 'javascript:alert(1)' }), 0, known);
    expect(zh(issue)).to.equal('「第 1 条目录项 · 原文链接」不是安全有效的链接：“javascript:alert(1)”（只允许 http、https 或相对地址）');
    expect(checkDirectoryEntry(entry({ issuer: { name: '某局', url: 'javascript:x' } }), 0, known).map((i) => i.path)).to.deep.equal(['/entries/0/issuer/url']);
    // hostile text is only text: accepted as data (the element escapes it), never refused or interpreted
    // (markup in text may be a scraped page's tags: a scrape-damage warning, nothing else)
    expect(brief(checkDirectoryEntry(entry({ title: HOSTILE[0], summary: HOSTILE[1], keywords: HOSTILE.slice(2) }), 0, known))).to.deep.equal([
      '/entries/0/title scrape-damage warning', // <img …>; <script> and <svg> are no tags of an article page
    ]);
  });

  it('warns about an entry column the tree does not have, and checks columns only when given the tree', () => {
    const issues = checkDirectoryEntry(entry({ columns: ['gfxwj', 'tzgg'] }), 9, known);
    expect(brief(issues)).to.deep.equal(['/entries/9/columns/1 unknown-column warning']);
    expect(issues[0].params).to.deep.equal({ id: 'tzgg' });
    expect(zh(issues[0])).to.equal('「第 10 条目录项 · 所属栏目 2」：栏目树中没有标识为“tzgg”的栏目，这份文件不会列在这个栏目下');
    expect(checkDirectoryEntry(entry({ columns: ['tzgg'] }), 9, new Set(['tzgg']))).to.deep.equal([]);
    expect(checkDirectoryEntry(entry({ columns: ['tzgg'] }), 9)).to.deep.equal([]);
  });

  it('reports an entry that is not an object, or not JSON data, without throwing', () => {
    expect(brief(checkDirectoryEntry('title', 4, known))).to.deep.equal(['/entries/4 wrong-type error']);
    expect(brief(checkDirectoryEntry(null, 4, known))).to.deep.equal(['/entries/4 wrong-type error']);
    expect(brief(checkDirectoryEntry([entry()], 4, known))).to.deep.equal(['/entries/4 wrong-type error']);
    expect(zh(checkDirectoryEntry(null, 4, known)[0])).to.match(/^「第 5 条目录项」的类型不正确：应为对象/);
    const circular = entry();
    circular.issuer = { name: '某局', self: circular };
    expect(brief(checkDirectoryEntry(circular, 4, known))).to.deep.equal(['/entries/4/issuer/self not-json error']);
    const throwing = entry();
    Object.defineProperty(throwing, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(brief(checkDirectoryEntry(throwing, 4, known))).to.deep.equal(['/entries/4/title not-json error']);
    expect(brief(checkDirectoryEntry(entry({ keywords: [Number('1e309')] }), 4, known))).to.deep.equal(['/entries/4/keywords/0 not-finite error']);
    // undefined, as script writes it: a hole in the array, an optional field set to undefined (left out, as JSON would)
    expect(brief(checkDirectoryEntry(undefined, 4, known))).to.deep.equal(['/entries/4 wrong-type error']);
    expect(zh(checkDirectoryEntry(undefined, 4, known)[0])).to.match(/未定义（undefined）/);
    expect(checkDirectoryEntry(entry({ summary: undefined, docNo: undefined }), 4, known)).to.deep.equal([]);
    expect(brief(checkDirectoryEntry(entry({ title: undefined }), 4, known))).to.deep.equal(['/entries/4/title required error']);
    expect(brief(checkDirectoryEntry(entry({ keywords: ['a', undefined] }), 4, known))).to.deep.equal(['/entries/4/keywords/1 wrong-type error']);
  });

  it('words its messages through msg(): the English UI translates the field names it already knows', () => {
    const [missing] = checkDirectoryEntry(without('publishDate'), 0, known);
    const en = withLocale('en', () => localizeIssue(missing, 'directory').message);
    expect(en).to.not.equal(zh(missing));
    expect(en).to.not.match(/缺少必填项/);
    const [unknown] = checkDirectoryEntry(entry({ columns: ['tzgg'] }), 0, known);
    for (const locale of ['zh-CN', 'en', 'zh-Hant'] as const) {
      const message = withLocale(locale, () => localizeIssue(unknown, 'directory').message);
      expect(message, locale)
        .to.include('tzgg')
        .and.not.match(/undefined|\$\{/);
    }
  });

  it('costs a few microseconds per entry', () => {
    const many = Array.from({ length: 20000 }, (_, i) => ({ ...ENTRIES[i % ENTRIES.length], id: `e${i}` }));
    many.forEach((e, i) => checkDirectoryEntry(e, i, known)); // warm up
    const start = performance.now();
    let errors = 0;
    many.forEach((e, i) => (errors += checkDirectoryEntry(e, i, known).filter(isError).length));
    const µs = ((performance.now() - start) * 1000) / many.length;
    console.log(`checkDirectoryEntry: ${µs.toFixed(1)} µs per entry (${many.length} valid entries)`);
    const bad = many.map((e) => ({ ...e, publishDate: '2020-13-45', url: 'javascript:x' }));
    const startBad = performance.now();
    bad.forEach((e, i) => checkDirectoryEntry(e, i, known));
    console.log(`checkDirectoryEntry: ${(((performance.now() - startBad) * 1000) / bad.length).toFixed(1)} µs per entry with 2 errors`);
    expect(errors).to.equal(0);
  });
});

describe('checkDirectoryShell', () => {
  it('checks the document without walking its entries, and gives the raw entries back', () => {
    const bad = [...ENTRIES, { title: 1, columns: 'gz' }, 'not an entry'];
    const doc = directory({ entries: bad });
    const result = checkDirectoryShell(doc);
    expect(result.issues).to.deep.equal([]);
    expect(result.document!.entries).to.equal(bad); // the same array, unchecked
    expect(result.document!.title).to.equal('政府信息公开目录');
    expect(doc.entries).to.equal(bad); // the caller's data is not changed
    // the whole-document check would have reported them
    expect(checkDocument('directory', doc).issues.map((i) => i.path)).to.include('/entries/32/title');
  });

  it('handles 100k entries as one array it never looks into', () => {
    const broken = { title: '' };
    const entries = Array.from({ length: 100000 }, () => broken);
    const start = performance.now();
    const result = checkDirectoryShell(directory({ entries }));
    console.log(`checkDirectoryShell: ${(performance.now() - start).toFixed(2)} ms with 100,000 (bad) entries`);
    expect(result.issues).to.deep.equal([]);
    expect(result.document!.entries).to.equal(entries);
  });

  it('reports the shell: entries or remote, entries not a list, the tree, an unsafe remote', () => {
    const codes = (data: unknown) => checkDirectoryShell(data).issues.map((i) => `${i.path} ${i.code}`);
    expect(codes({ type: 'directory', schemaVersion: 1, title: '目录' })).to.deep.equal([' missing-one-of']);
    expect(zh(checkDirectoryShell({ type: 'directory', schemaVersion: 1 }).issues[0])).to.equal('「目录项」或「检索服务地址」至少要填一项');
    expect(codes({ type: 'directory', schemaVersion: 1, remote: '/api/xxgk/search' })).to.deep.equal([]);
    expect(codes({ type: 'directory', schemaVersion: 1, remote: 'https://example.gov.cn/xxgk/search' })).to.deep.equal([]);
    expect(codes(directory({ remote: 'javascript:fetch(1)' }))).to.deep.equal(['/remote unsafe-url']);
    expect(codes(directory({ entries: { 0: ENTRIES[0] } }))).to.deep.equal(['/entries wrong-type']);
    expect(codes(directory({ columns: [] }))).to.deep.equal(['/columns too-few-items']);
    expect(codes(directory({ columns: [{ id: 'a b', name: '栏目' }] }))).to.deep.equal(['/columns/0/id bad-format']);
    expect(codes(directory({ columns: [{ id: 'a', name: '栏目', children: [{ id: 'b' }] }] }))).to.deep.equal(['/columns/0/children/0/name required']);
    expect(codes(directory({ type: 'policy' }))).to.deep.equal(['/type wrong-kind']);
    expect(codes('[]')).to.deep.equal([' not-object']);
    expect(codes(null)).to.deep.equal([' not-object']);
  });

  it('reports duplicate column ids anywhere in the tree, with their path, as errors', () => {
    const columns = [
      {
        id: 'fgwj',
        name: '法规文件',
        children: [
          { id: 'gz', name: '规章' },
          { id: 'gfxwj', name: '行政规范性文件' },
        ],
      },
      { id: 'zcjd', name: '政策解读', children: [{ id: 'gz', name: '工作动态', children: [{ id: 'fgwj', name: '文件' }] }] },
      { id: 'zcjd', name: '解读' },
    ];
    const result = checkDirectoryShell(directory({ columns }));
    expect(brief(result.issues)).to.deep.equal([
      '/columns/1/children/0/id duplicate-column error',
      '/columns/1/children/0/children/0/id duplicate-column error',
      '/columns/2/id duplicate-column error',
    ]);
    expect(zh(result.issues[0])).to.equal('栏目标识“gz”已是栏目「规章」的标识：栏目树中每个栏目的标识必须不同');
    expect(withLocale('zh-CN', () => localizeIssue(result.issues[1], 'directory').path)).to.equal('/columns/1/children/0/children/0/id');
    // well-formed but contradictory: shown whole, entries included
    expect(result.partialIsWhole).to.equal(true);
    expect(result.partial!.entries).to.equal(ENTRIES);
  });

  it('keeps the entries on a partial document when a shell field is removed', () => {
    const result = checkDirectoryShell(directory({ title: '', issuer: { name: '某局', url: 'javascript:x' } }));
    expect(brief(result.issues)).to.deep.equal(['/title blank error', '/issuer/url unsafe-url error']);
    expect(result.document).to.equal(undefined);
    expect(result.partial!.title).to.equal(undefined);
    expect(result.partial!.entries).to.equal(ENTRIES);
  });

  it('never throws on data that is not JSON', () => {
    const doc = directory();
    Object.defineProperty(doc, 'entries', {
      enumerable: true,
      get() {
        throw new Error('no entries');
      },
    });
    expect(brief(checkDirectoryShell(doc).issues)).to.deep.equal(['/entries not-json error']);
    const circular: Entry = directory({ entries: [] });
    circular.issuer = { name: '某局', self: circular };
    // the shell is a copy, so the cycle closes one step later than in the caller's object: still reported, not thrown
    expect(brief(checkDirectoryShell(circular).issues)).to.deep.equal(['/issuer/self/issuer not-json error']);
  });
});
