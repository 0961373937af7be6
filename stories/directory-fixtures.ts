/**
 * Story data for <zw-disclosure-directory>.
 *
 * The seed sample (demo/data/directory-seeds.json) holds real 政府信息公开 entries of the seed bodies
 * (山东省商务厅, 济南市市场监督管理局, 安徽省商务厅, 广州市商务局, 山西省工业和信息化厅); the big catalogue is
 * generated from the same vocabulary by scripts/directory-generator.mjs (plain ES module, no Node API:
 * Vite bundles it into the stories). The variants below start from them and change what a story needs.
 */
import type { DirectoryDocument, DirectoryEntry } from '../src/schema/types.generated.js';
import { columnPaths, columnsOf } from '../src/core/directory/columns.js';
import { DEFAULT_SIZE, INVALID_VALIDITIES, queryToParams } from '../src/core/directory/contract.js';
import seeds from '../demo/data/directory-seeds.json';
import { generateDirectory as generate } from '../scripts/directory-generator.mjs';
import { seed003Policy } from '../src/test-support/reader-fixture.js';
import { SEED_003_CORE_HINT, longPolicy } from './fixtures.js';

/** A deep copy, so a story can never change another story's data. */
const directory = (value: unknown) => structuredClone(value) as DirectoryDocument;

/** The seed sample: 32 entries across the standard column tree. */
export const seedDirectory = directory(seeds);
const seedEntries = seedDirectory.entries!;

/**
 * A catalogue generated on first use: 10,000 entries take a moment to make, and the stories that never
 * show them should not pay for it. The `data` select maps to this marker; `documentOf` turns it into the document.
 */
export class GeneratedDirectory {
  private made?: DirectoryDocument;
  constructor(
    readonly count: number,
    readonly seed: number,
  ) {}
  get document(): DirectoryDocument {
    return (this.made ??= { ...generate(this.count, this.seed), title: `政府信息公开目录（生成的 ${this.count.toLocaleString('zh-CN')} 条示例）` });
  }
}

export const generated10k = new GeneratedDirectory(10_000, 9);

/** The document a story's `data` arg stands for (a generated catalogue is made here, once). */
export const documentOf = (data: unknown): unknown => (data instanceof GeneratedDirectory ? data.document : data);

// ── Reference figures for the play functions: a plain scan of the fixture, not the element's index ──

/** The fields a search looks in: 名称, 发文字号, 索引号, 内容概述, 关键词. */
const searchable = (e: DirectoryEntry) => [e.title, e.docNo ?? '', e.indexNo ?? '', e.summary ?? '', ...(e.keywords ?? [])];

/** How many entries of `doc` contain `text` (no folding needed: the stories' queries are plain Chinese). */
export const scanCount = (doc: DirectoryDocument, text: string) => doc.entries!.filter((e) => searchable(e).some((field) => field.includes(text))).length;

/** How many entries of `doc` are filed in `column` or any column below it. */
export const columnCount = (doc: DirectoryDocument, column: string) => {
  const paths = columnPaths(columnsOf(doc));
  return doc.entries!.filter((e) => e.columns.some((id) => paths.get(id)?.includes(column))).length;
};

/** The search of the 搜索中 story: it is in the title of every 政务公开 plan and report. */
export const SEARCH_QUERY = '政务公开';

/** The 筛选 + 排序 story's state, as a shared link carries it: one issuer, in force only, by 名称. */
export const FILTER_STATE = { issuer: '济南市市场监督管理局', hideInvalid: true, sort: 'title', order: 'asc' } as const;
export const filteredCount = seedEntries.filter((e) => e.issuer.name === FILTER_STATE.issuer && !INVALID_VALIDITIES.includes(e.validity!)).length;

/** The 无结果 story's state: a query nothing contains, in one column, with a filter: each gets its widen button. */
export const NOTHING_STATE = { q: '不存在的文件名称', column: 'gfxwj', hideInvalid: true } as const;

// ── Variants ──────────────────────────────────────────────────────────────

/**
 * Three bad entries among the good ones (at 3, 12 and 25): a 发布日期 that is no date, a `javascript:` link,
 * no 名称. They are left out and reported one by one (paths /entries/<n>/…); the 32 good ones are shown.
 */
export const BAD_AT = [3, 12, 25] as const;
export const partlyInvalid: DirectoryDocument = (() => {
  const doc = directory(seeds);
  const good = doc.entries!;
  const bad = [
    { ...good[9], id: 'bad-date', title: '济南市市场监督管理局关于发布日期写错的通知（示例错误）', publishDate: '2024年13月45日' },
    { ...good[10], id: 'bad-link', title: '原文链接为 javascript: 的文件（示例错误）', url: 'javascript:alert(document.cookie)' },
    (({ title: _title, ...rest }) => ({ ...rest, id: 'no-title' }))(good[6]),
  ] as unknown as DirectoryEntry[];
  const entries = [...good];
  BAD_AT.forEach((at, i) => entries.splice(at, 0, bad[i]));
  return { ...doc, title: '政府信息公开目录（部分条目有误的示例）', entries };
})();

/** Markup in every text the directory shows (title, column names, entries, issuer, keywords): all of it shown as inert text. */
export const HOSTILE_MARK = '__zwStoryPwned';
export const hostile: DirectoryDocument = (() => {
  const doc = directory(seeds);
  const run = `<img src=x onerror="window.${HOSTILE_MARK}=true">`;
  const [a, b, c, d] = doc.entries!;
  return {
    ...doc,
    title: `${run}政府信息公开目录（恶意字符串示例）`,
    columns: [
      { id: 'gkzd', name: `${run}政府信息公开制度`, description: '<script>alert(1)</script>' },
      { id: 'gfxwj', name: '行政规范性文件"><svg onload=alert(1)>' },
    ],
    entries: [
      {
        ...a,
        title: `${run}省商务厅2019年政务公开工作实施方案`,
        summary: 'javascript:alert(document.cookie) 不是链接，只是文字。',
        keywords: ['"><svg onload=alert(1)>', '政务公开'],
      },
      { ...b, issuer: { name: `<b onmouseover="window.${HOSTILE_MARK}=true">济南市市场监督管理局</b>` }, docNo: '<script>alert(1)</script>〔2020〕1号', columns: ['gkzd'] },
      { ...c, title: '\u202eRTL override 在标题中 javascript:void(0)', columns: ['gfxwj'] },
      // left out (an unsafe link never becomes an href); the public sees "1 条信息暂时无法显示"
      { ...d, url: 'javascript:alert(document.cookie)', columns: ['gfxwj'] },
    ],
  };
})();

/**
 * Invalid beyond repair: a column id that cannot go in an address, a blank column name, and a
 * `javascript:` remote. The element lists the errors (with `preview`) and shows no list.
 */
export const invalidDirectory = {
  type: 'directory',
  schemaVersion: 1,
  title: '政府信息公开目录（数据有误的示例）',
  columns: [{ id: 'bad id 有空格', name: '' }],
  remote: 'javascript:alert(document.cookie)',
} as unknown;

/** Remote mode against an address that no server answers (Storybook serves static files only): its polite error and 重试. */
export const REMOTE_OFFLINE = './api/__zw-story-no-server__/directory';
export const remoteOffline: DirectoryDocument = { type: 'directory', schemaVersion: 1, title: '政府信息公开目录（远程检索：没有服务器）', remote: REMOTE_OFFLINE };

/** Remote mode while the first search is on its way: the story holds that request (see the story). */
export const REMOTE_PENDING = './api/__zw-story-pending__/directory';
export const remotePending: DirectoryDocument = { type: 'directory', schemaVersion: 1, title: '政府信息公开目录（远程检索：正在搜索）', remote: REMOTE_PENDING };
/** The first request the element makes (the default query: no search, the first page) — the one the story holds. */
export const REMOTE_PENDING_FIRST = `${REMOTE_PENDING}?${queryToParams({ size: DEFAULT_SIZE })}`;

/**
 * Long content: the seed directory with the card's long variant (./fixtures.ts: very long title, joint issuers, 发文字号,
 * summary and keywords) as an entry, dated like the newest seed entry so that it heads the first page.
 */
export const LONG_ENTRY_ID = 'jn-scjgj-2020-00757-long';
export const longDirectory: DirectoryDocument = (() => {
  const doc = directory(seeds);
  const newest = doc
    .entries!.map((e) => e.publishDate)
    .sort()
    .at(-1)!;
  const { title, docNo, issuer, summary, keywords, writtenDate, effectiveDate, validity, url } = structuredClone(longPolicy);
  const jinan = doc.entries!.find((e) => e.id === 'jn-scjgj-2020-00757') ?? doc.entries![0]!;
  const entry: DirectoryEntry = {
    id: LONG_ENTRY_ID,
    title,
    docNo,
    issuer,
    summary,
    keywords,
    writtenDate,
    publishDate: newest,
    effectiveDate,
    validity,
    url,
    columns: jinan.columns,
  };
  return { ...doc, title: '政府信息公开目录（含超长条目的示例：名称、发文机关、发文字号、概述和关键词都很长）', entries: [entry, ...doc.entries!] };
})();

/**
 * Damaged real content from seed 003 (广州市商务局 2021 分工实施方案), encoding damage kept: its entry's 内容概述 is the
 * page's 核心提示 as scraped (「…风险、/div>」, copied from the seed text in ./fixtures.ts), and the three documents its
 * 一、制定依据 names are entries whose 名称 and 发文字号 are as the page has them (demo/data/reader-003-guangzhou-2021.json:
 * 「关于印?021年…」, 「国办发?021?2号」). Those three are demonstration entries: the page gives no dates for them, so they
 * carry the page's own date, as if the bureau's catalogue listed them beside the plan. The directory shows and searches
 * the text as written, and warns about each damaged entry field in `zw-load`'s `detail.warnings`.
 */
export const DAMAGED_ENTRY_ID = 'gz-swj-2021-zwgk-fgsf';
/** The search of the damaged story: in the three basis documents' titles and in clean seed titles alike. */
export const DAMAGED_QUERY = '政务公开工作要点';
export const damagedDirectory: DirectoryDocument = (() => {
  const doc = directory(seeds);
  const plan = doc.entries!.find((e) => e.id === DAMAGED_ENTRY_ID);
  if (!plan) throw new Error(`no entry ${DAMAGED_ENTRY_ID} in the seed directory`);
  const basis = (seed003Policy.body ?? []).flatMap((block) => {
    // 「(一)、《国务院办公厅关于印?021年政务公开工作要点的通知》(国办发?021?2号)」
    const found = block.type === 'paragraph' ? /^\([一二三]\)、《(.+)》\((.+)\)$/.exec(block.text) : null;
    return found ? [{ title: found[1]!, docNo: found[2]! }] : [];
  });
  const issuers = ['国务院办公厅', '广东省人民政府办公厅', '广州市人民政府办公厅'];
  const entries: DirectoryEntry[] = basis.map(({ title, docNo }, i) => ({
    id: `gz-swj-2021-zwgk-fgsf-basis-${i + 1}`,
    title,
    docNo,
    issuer: { name: issuers[i] ?? plan.issuer.name },
    publishDate: plan.publishDate,
    validity: 'effective',
    columns: plan.columns,
  }));
  if (entries.length !== 3) throw new Error(`seed 003 names ${entries.length} basis documents, expected 3`);
  const seedsWithPlan = doc.entries!.map((e) => (e.id === DAMAGED_ENTRY_ID ? { ...e, summary: SEED_003_CORE_HINT } : e));
  return { ...doc, title: '政府信息公开目录（样例 003 的网页原文，保留转码损坏）', entries: [...entries, ...seedsWithPlan] };
})();

/** Every document a story can show, for the `data` select control. */
export const directoryDocuments: Record<string, unknown> = {
  seeds: seedDirectory,
  'generated-10k': generated10k,
  'partly-invalid': partlyInvalid,
  hostile,
  long: longDirectory,
  damaged: damagedDirectory,
  'remote-offline': remoteOffline,
  'remote-pending': remotePending,
  invalid: invalidDirectory,
  none: undefined,
};

/** Labels of the `data` select control. */
export const directoryLabels: Record<string, string> = {
  seeds: '样例 种子目录（32 条真实条目）',
  'generated-10k': '生成的大目录（10,000 条）',
  'partly-invalid': '部分条目有误（3 条被排除，其余照常显示）',
  hostile: '恶意字符串（标记、javascript:、反向文字）',
  long: '含超长条目（名称、机关、文号、概述、关键词）',
  damaged: '样例 003 条目的概述为网页原文（转码损坏）',
  'remote-offline': '远程检索，没有服务器（出错）',
  'remote-pending': '远程检索，等待响应（加载中）',
  invalid: '数据有误（无法显示）',
  none: '无数据',
};

/** The samples as files, served by Storybook at `./data/` (staticDirs). The remote one points at /api/directory, which only `npm start` answers. */
export const directoryFiles = {
  seeds: './data/directory-seeds.json',
  remote: './data/directory-remote.json',
};
export const directoryFileLabels: Record<string, string> = {
  seeds: '种子目录 directory-seeds.json',
  remote: '远程检索示例 directory-remote.json（需要 npm start 的检索服务）',
};
