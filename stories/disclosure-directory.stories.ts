import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/components/disclosure-directory/disclosure-directory.js';
import { addressWith } from '../src/components/disclosure-directory/url-state.js';
import { CONTRACT_PARAMS } from '../src/core/directory/contract.js';
import { STANDARD_COLUMNS } from '../src/core/directory/columns.js';
import type { ColumnNode, DirectoryQuery } from '../src/core/directory/types.js';
import {
  BAD_AT,
  DAMAGED_QUERY,
  damagedDirectory,
  FILTER_STATE,
  HOSTILE_MARK,
  NOTHING_STATE,
  REMOTE_PENDING_FIRST,
  SEARCH_QUERY,
  columnCount,
  directoryDocuments,
  directoryFileLabels,
  directoryFiles,
  directoryLabels,
  documentOf,
  filteredCount,
  generated10k,
  scanCount,
  seedDirectory,
} from './directory-fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyDarkStory,
  elderlyStory,
  emptyStory,
  errorPublicStory,
  fromSrcStory,
  hidden,
  highContrastStory,
  holdFetch,
  listedWarnings,
  loadFailedStory,
  loadingStory,
  manifestArgTypes,
  page,
  phone,
  settled,
  shadow,
  sourceArgTypes,
  styleArgTypes,
  viewportGlobals,
  withWarnings,
  type ElementArgs,
  warningPaths,
} from './shared.js';

/** Story args: the shared ones (`data` is a key of ./directory-fixtures.ts), the directory's own attributes and events. */
interface DirectoryArgs extends ElementArgs {
  query?: string;
  column?: string;
  'list-mode'?: '' | 'paging' | 'scroll';
  'page-size'?: number;
  'url-prefix'?: string;
  'url-state'?: '' | 'off';
  pinyin?: boolean;
  onZwSearch?: (event: Event) => void;
  onZwSelect?: (event: Event) => void;
  /** Manifest entries hidden from the controls (the properties behind the attributes above). */
  listMode?: never;
  pageSize?: never;
  urlPrefix?: never;
  urlState?: never;
}

type Story = StoryObj<DirectoryArgs>;

/**
 * One directory, every attribute from the args. Choosing an entry is cancelled (`zw-select` is cancelable,
 * as a portal that opens entries its own way does): the sample links lead nowhere inside Storybook.
 */
const element = (args: DirectoryArgs) => html`<zw-disclosure-directory
  theme=${args.theme || nothing}
  appearance=${args.appearance || nothing}
  ?preview=${args.preview}
  heading-level=${args['heading-level'] ?? nothing}
  query=${args.query || nothing}
  column=${args.column || nothing}
  list-mode=${args['list-mode'] || nothing}
  page-size=${args['page-size'] ?? nothing}
  url-prefix=${args['url-prefix'] || nothing}
  url-state=${args['url-state'] || nothing}
  ?pinyin=${args.pinyin}
  src=${args.src || nothing}
  timeout=${args.timeout ?? nothing}
  .data=${documentOf(args.data)}
  @zw-load=${args.onZwLoad}
  @zw-error=${args.onZwError}
  @zw-search=${args.onZwSearch}
  @zw-select=${(event: Event) => {
    event.preventDefault();
    args.onZwSelect?.(event);
  }}
></zw-disclosure-directory>`;

const render = (args: DirectoryArgs) => page(args, element(args));

/**
 * The directory once every entry is checked and indexed and the results rendered. `state` is `ready` as soon as
 * the document's shell is valid; the entries are checked and indexed after it, in slices (`index` is set then).
 */
async function ready(canvasElement: HTMLElement) {
  const el = await settled(canvasElement, 'zw-disclosure-directory');
  await waitFor(() => expect(el.index).toBeDefined(), { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** The rows shown: table rows on wide layouts, cards on narrow ones. */
const shownRows = (el: Element) => el.shadowRoot!.querySelectorAll('tr[part="row"], .cards > li').length;

// ── The page address ────────────────────────────────────────────────────────

/** A directory's parameter in the address (`zwd.q`, `filters.column`…): any prefix, a contract name. */
const DIRECTORY_PARAM = new RegExp(`^[\\w-]+\\.(?:${CONTRACT_PARAMS.join('|')})$`);

/** Removes the directories' parameters from the address: every prefix, or only `prefix`. */
function clearAddress(prefix?: string) {
  const url = new URL(location.href);
  const keys = [...url.searchParams.keys()].filter((key) => DIRECTORY_PARAM.test(key) && (!prefix || key.startsWith(`${prefix}.`)));
  if (!keys.length) return;
  for (const key of new Set(keys)) url.searchParams.delete(key);
  history.replaceState(history.state, '', url);
}

/**
 * Storybook keeps unknown parameters of the preview's address when it switches stories, so a directory's
 * state (`?zwd.q=…`) would leak into the next story. Every story starts without the default prefixes' state
 * (`zwd`, `zwd2`…); stories with their own `url-prefix` set theirs (see `openedWith`).
 */
const freshAddress = () => {
  const url = new URL(location.href);
  for (const key of [...url.searchParams.keys()]) if (/^zwd\d*\./.test(key) && DIRECTORY_PARAM.test(key)) url.searchParams.delete(key);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
};

/** The story opens as a shared link would: `prefix`'s state in the address before the element starts; removed when the story is left. */
const openedWith = (prefix: string, query: DirectoryQuery) => () => {
  history.replaceState(history.state, '', addressWith(prefix, query));
  return () => clearAddress(prefix);
};

// ── Controls ────────────────────────────────────────────────────────────────

/** Every column of the standard tree, indented by depth, for the `column` select. */
const columnOptions = (() => {
  const labels: Record<string, string> = { '': '全部栏目 all columns' };
  const walk = (nodes: readonly ColumnNode[], depth: number) => {
    for (const node of nodes) {
      labels[node.id] = `${'　'.repeat(depth)}${node.name} (${node.id})`;
      if (node.children) walk(node.children, depth + 1);
    }
  };
  walk(STANDARD_COLUMNS, 0);
  return labels;
})();

const meta = {
  title: 'Elements/政府信息公开目录 zw-disclosure-directory',
  tags: ['autodocs'],
  id: 'elements-zw-disclosure-directory',
  component: 'zw-disclosure-directory',
  render,
  beforeEach: freshAddress,
  parameters: {
    docs: {
      description: {
        component: `**政府信息公开目录** 把整个政府信息公开栏目放进一个元素：栏目树（ARIA 树，完整键盘操作，每个栏目显示条数）、文件列表（宽屏为元数据表格：索引号、名称、发布机构、发文字号、成文日期、发布日期、有效性；手机上为政策卡片）、边输入边搜索（中文子串匹配，不会漏检：名称、发文字号、索引号、内容概述、关键词；发文字号的〔〕[]（）和空格写法、全角半角字母数字视为相同；匹配处高亮）、带条数的筛选（年份、发布机构、主题分类、有效性、公开属性）、排序、分页或虚拟滚动。已废止、已失效的文件有明显标记，可用筛选隐藏。没有结果时显示搜索词和一键放宽的按钮。
状态（栏目、搜索词、筛选、排序、页码）写在页面地址中（\`?zwd.q=…\`），前进后退和分享的链接都能还原；同一页面上的两个目录互不干扰（\`url-prefix\`），\`url-state="off"\` 不改地址。条目可达 10 万条，分片检查和建索引，页面不卡顿；有误的条目逐条报告（加 \`preview\` 时列出路径），其余照常显示。更大的目录用 \`remote\` 指向检索服务（同一查询约定，见 README）。
数据三选一：\`data\` 属性、\`src\` 地址，或子元素 \`<script type="application/json">\`。事件：\`zw-search\`（搜索稳定后，\`detail: { query, total }\`）、\`zw-select\`（选中条目，可取消；本页的故事都取消了跳转）。

**Government information disclosure directory** puts a whole 政府信息公开 column in one element: the column tree (an ARIA tree, full keyboard support, counts per column), the document list (a metadata table on wide screens, policy cards on phones), search as you type (Chinese substring matching that never misses, over title, document number, index number, summary and keywords; bracket, space and full-width variants of document numbers are the same; matches highlighted), filters with counts (year, issuer, topic, validity, disclosure), sorting, paging or virtual scrolling. Abolished and expired documents are visibly marked and can be hidden. Empty results show the query and one-click ways to widen it.
The state (column, query, filters, sort, page) lives in the page address (\`?zwd.q=…\`), so back/forward and shared links restore it; two directories on one page keep apart (\`url-prefix\`); \`url-state="off"\` leaves the address alone. Up to 100k entries are checked and indexed in slices without freezing the page; bad entries are reported one by one (with paths under \`preview\`) and the rest shown. Bigger catalogues use \`remote\`, a search endpoint with the same query contract (see the README).
Data comes from the \`data\` property, the \`src\` URL or a child \`<script type="application/json">\`. Events: \`zw-search\` once a search settles (\`detail: { query, total }\`) and \`zw-select\` when an entry is chosen (cancelable; every story here cancels the navigation).`,
      },
    },
  },
  argTypes: {
    data: dataArgType(directoryDocuments, directoryLabels, 'DirectoryDocument'),
    ...styleArgTypes,
    query: {
      description: '搜索词（属性和 property），随读者输入而变。 The search text (attribute and property); follows what the reader types.',
      control: 'text',
      table: { category: 'attributes' },
    },
    column: {
      description: '选中的栏目 id：该栏目及其下级栏目的文件。 The selected column’s id: its entries and those of every column below it.',
      options: Object.keys(columnOptions),
      control: { type: 'select', labels: columnOptions },
      table: { category: 'attributes' },
    },
    'list-mode': {
      description:
        '列表方式：paging 分页（默认，读屏软件和浏览器页内查找可用）；scroll 虚拟滚动（只渲染视野附近的行）。 List mode: `paging` (default; works with screen readers and find-in-page) or `scroll` (virtual scrolling, only rows near view rendered).',
      options: ['', 'paging', 'scroll'],
      control: { type: 'select', labels: { '': '默认（分页） default (paging)', paging: '分页 paging', scroll: '虚拟滚动 scroll' } },
      table: { category: 'attributes', type: { summary: "'paging' | 'scroll'" }, defaultValue: { summary: 'paging' } },
    },
    'page-size': {
      description: '每页条数（1–100）。 Rows per page (1–100).',
      control: { type: 'number', min: 1, max: 100, step: 1 },
      table: { category: 'attributes', defaultValue: { summary: '20' } },
    },
    'url-prefix': { control: 'text' },
    'url-state': {
      description: 'off：状态不写入、也不读取页面地址。 `off`: the state is neither written to nor read from the page address.',
      options: ['', 'off'],
      control: { type: 'select', labels: { '': '写入地址（默认） in the address (default)', off: '不改地址 off' } },
      table: { category: 'attributes' },
    },
    pinyin: {
      description:
        '也按名称的拼音首字母查找（zwgk → 政务公开）；首字母表在首次使用时加载，不在基础包中。 Also find entries by the pinyin initials of their titles; the table of initials loads on first use, not in the base bundle.',
      control: 'boolean',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    ...sourceArgTypes,
    ...manifestArgTypes,
    listMode: hidden,
    pageSize: hidden,
    urlPrefix: hidden,
    urlState: hidden,
  },
  args: {
    data: 'seeds',
    ...defaultArgs,
    query: '',
    column: '',
    'list-mode': '',
    'url-prefix': '',
    'url-state': '',
    pinyin: false,
  },
} satisfies Meta<DirectoryArgs>;

export default meta;

export const Default: Story = {
  name: '默认（种子目录） Default (seeds)',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.total).toBe(seedDirectory.entries!.length);
    await expect(shownRows(el)).toBe(20); // the first page
  },
  parameters: describe(
    '种子目录：32 条真实的政府信息公开条目（山东省商务厅、济南市市场监督管理局、安徽省商务厅等），分布在标准栏目树中，默认按发布日期由新到旧。用 data 控件切换其他变体。',
    'The seed directory: 32 real disclosure entries (Shandong Department of Commerce, Jinan Market Supervision Administration, Anhui Department of Commerce…) across the standard column tree, newest first. Switch to the other variants with the data control.',
  ),
};

export const Searching: Story = {
  name: '搜索中 Search with highlights',
  args: { query: SEARCH_QUERY },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const expected = scanCount(seedDirectory, SEARCH_QUERY);
    await waitFor(() => expect(el.total).toBe(expected));
    await expect(shownRows(el)).toBe(expected);
    // every match highlighted in the rows (its text, not markup)
    const marks = [...el.shadowRoot!.querySelectorAll('mark')];
    await expect(marks.length).toBeGreaterThanOrEqual(expected);
    for (const mark of marks) await expect(mark.textContent).toBe(SEARCH_QUERY);
    await expect(shadow<HTMLInputElement>(el, 'input[type="search"]').value).toBe(SEARCH_QUERY);
  },
  parameters: describe(
    'query="政务公开"：5 个条目的名称中含有这个词，匹配处以 <mark> 高亮，名称匹配排在前面（相关度）。在搜索框中继续输入，结果随之更新；条数在停顿后礼貌地读出一次，不是每次按键都读。',
    'query="政务公开": five entries have it in their titles; the matches are highlighted with <mark>, title matches ranked first (relevance). Type in the box and the results follow; the count is announced politely once typing pauses, not per keystroke.',
  ),
};

export const DocNoVariant: Story = {
  name: '发文字号的括号写法 Document number variants',
  args: { query: '鲁商字[2019]12号' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(1));
  },
  parameters: describe(
    '搜索“鲁商字[2019]12号”找到发文字号为“鲁商字〔2019〕12号”的文件：〔〕[]（）和空格的写法、全角半角字母数字视为相同，高亮落在原文上。',
    'Searching “鲁商字[2019]12号” finds the document numbered “鲁商字〔2019〕12号”: bracket and space variants and full-/half-width letters and digits are the same, and the highlight lands on the original text.',
  ),
};

export const ColumnSelected: Story = {
  name: '选中栏目 Column selected',
  args: { column: 'fgwj' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(columnCount(seedDirectory, 'fgwj')));
    await expect(shadow(el, '[role="treeitem"][data-id="fgwj"]').getAttribute('aria-selected')).toBe('true');
  },
  parameters: describe(
    'column="fgwj"：选中“法规文件”，列出它及其下级栏目（规章、行政规范性文件、其他文件、废止和失效文件）的文件；栏目树展开到该栏目，每个栏目旁是当前搜索和筛选下的条数。',
    'column="fgwj": 法规文件 selected, listing its entries and those of the columns below it (rules, normative documents, other documents, abolished and expired); the tree opens down to it, each column showing its count under the current search and filters.',
  ),
};

export const FilteredAndSorted: Story = {
  name: '筛选 + 排序 Filtered and sorted',
  args: { 'url-prefix': 'filters' },
  beforeEach: openedWith('filters', FILTER_STATE),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(filteredCount));
    await expect(shadow<HTMLSelectElement>(el, '#f-issuer').value).toBe(FILTER_STATE.issuer);
    await expect(shadow<HTMLSelectElement>(el, '#sort').value).toBe('title');
    await expect(shadow(el, 'th[aria-sort]').classList.contains('c-title')).toBe(true);
  },
  parameters: describe(
    '本故事像打开一个分享的链接：地址中带有 filters.issuer=济南市市场监督管理局、filters.hideInvalid=1（不显示已废止、已失效文件）、filters.sort=title，元素据此还原筛选和排序（url-prefix="filters"）。每个筛选项旁的数字是选择它后会得到的条数。',
    'This story opens like a shared link: the address holds filters.issuer=济南市市场监督管理局, filters.hideInvalid=1 (abolished and expired hidden) and filters.sort=title, and the element restores the filters and sort from it (url-prefix="filters"). The number beside each filter value is how many entries choosing it would give.',
  ),
};

export const NoResults: Story = {
  name: '无结果 No results',
  args: { 'url-prefix': 'nothing' },
  beforeEach: openedWith('nothing', NOTHING_STATE),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(0));
    const empty = shadow(el, '[part="empty-results"]');
    await expect(empty.textContent).toContain(NOTHING_STATE.q);
    // one way to widen per restriction: the filter, the column, the query
    await expect(empty.querySelectorAll('ul.widen button').length).toBe(3);
  },
  parameters: describe(
    '搜索词在“行政规范性文件”栏目中、且隐藏已废止文件时什么也没找到：显示搜索词，以及一键放宽的按钮：同时显示已废止、已失效文件；在全部栏目中搜索；清除搜索词。状态来自地址（url-prefix="nothing"），如同打开分享的链接。',
    'A query that finds nothing in 行政规范性文件 with abolished documents hidden: the query is shown with one-click ways to widen it: show abolished and expired too, search all columns, clear the query. The state comes from the address (url-prefix="nothing"), as from a shared link.',
  ),
};

export const LargePaging: Story = {
  name: '大目录分页（10,000 条） Large catalogue, paging',
  args: { data: 'generated-10k' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.total).toBe(generated10k.count);
    await expect(shownRows(el)).toBe(20);
    await expect(shadow(el, '[part="pager"] [aria-current="page"]').textContent?.trim()).toBe('1');
  },
  parameters: describe(
    '由种子词汇生成的 10,000 条目录（scripts/directory-generator.mjs）：分片检查和建索引，页面不卡顿；分页是默认方式，每页都是真实的行，读屏软件和浏览器的页内查找都能用。试着在搜索框中输入发文字号或索引号的片段。',
    '10,000 entries generated from the seeds’ vocabulary (scripts/directory-generator.mjs), checked and indexed in slices without freezing the page. Paging is the default: every page holds real rows, so screen readers and the browser’s find-in-page work. Try typing a fragment of a document or index number.',
  ),
};

export const VirtualScroll: Story = {
  name: '虚拟滚动（10,000 条） Virtual scrolling',
  args: { data: 'generated-10k', 'list-mode': 'scroll' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.total).toBe(generated10k.count);
    // one table of every row for assistive technology, only those near view in the DOM
    await expect(shadow(el, 'table[part="table"]').getAttribute('aria-rowcount')).toBe(String(generated10k.count + 1));
    await waitFor(() => expect(shownRows(el)).toBeGreaterThan(0));
    await expect(shownRows(el)).toBeLessThan(200);
  },
  parameters: describe(
    'list-mode="scroll"：一张表在自己的滚动区域内滚动，只渲染视野附近的行（上下用占位行撑开），表格标有 aria-rowcount，每行标有 aria-rowindex。适合确知读者不用读屏软件的门户；默认仍是分页。',
    'list-mode="scroll": one table scrolling in its own area, only the rows near view rendered (spacer rows above and below); the table carries aria-rowcount and each row aria-rowindex. For portals that know their audience; paging stays the default.',
  ),
};

export const PhoneWidth: Story = {
  name: '手机宽度（375） Phone width (375)',
  globals: viewportGlobals('phone'),
  render: (args) => page(args, phone(375, element(args))),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.cards zw-policy-card').length).toBe(20));
  },
  parameters: {
    layout: 'fullscreen', // the 375 px column fills the 375 px viewport exactly
    ...describe(
      '故事本身是 375 px 宽的一栏（虚线框）；在画布中还会切换到“手机 Phone 375”视口。栏目树和筛选折叠在列表上方，文件显示为紧凑的政策卡片，不应横向溢出。',
      'The story itself is a 375 px column (dashed outline); the canvas also switches to the “Phone 375” viewport. The column tree and the filters fold above the list, the documents show as compact policy cards, and nothing may overflow.',
    ),
  },
};

export const Phone320: Story = {
  name: '小屏手机（320） Phone width (320)',
  args: { query: SEARCH_QUERY },
  globals: viewportGlobals('phone320'),
  // The story itself is 320 px wide, wherever it renders; the viewport only adds the phone's height.
  render: (args) => page(args, phone(320, element(args))),
  parameters: {
    layout: 'fullscreen', // the 320 px column fills the 320 px viewport exactly
    viewport: { options: { phone320: { name: '小屏手机 Phone 320', styles: { width: '320px', height: '640px' }, type: 'mobile' } } },
    ...describe(
      '320 px 宽的一栏，带搜索词：卡片标题中的匹配处高亮，长名称和发文字号换行，不应溢出。',
      'A 320 px column with a query: matches highlighted in the cards’ titles, long titles and document numbers wrap, nothing may overflow.',
    ),
  },
};

export const Dark: Story = {
  name: '深色 Dark',
  args: { appearance: 'dark', query: SEARCH_QUERY },
  parameters: describe(
    'appearance="dark"，放在深色页面上：表格、栏目树、高亮和已废止标记在深色下仍清楚可辨。',
    '`appearance="dark"` on a dark page: the table, the tree, the highlights and the abolished marks stay clear in the dark scheme.',
  ),
};

export const BlueTheme: Story = {
  name: '蓝色主题 Blue theme',
  args: { theme: 'blue', column: 'fdzdgknr' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案。', 'theme="blue": the blue alternative to the red default.'),
};

export const English: Story = {
  name: '英文界面 English UI',
  args: { lang: 'en' },
  parameters: describe(
    '外层 lang="en"：搜索框、筛选、表头、分页为英文；栏目名称和文件内容是文档文字，保持原文（lang="zh-CN"）。',
    'lang="en" on a wrapper: search box, filters, table headers and pager in English; the column names and the entries are document text and stay as written (lang="zh-CN").',
  ),
};

export const TraditionalChinese: Story = {
  name: '繁體界面 Traditional Chinese UI',
  args: { lang: 'zh-Hant' },
  parameters: describe('外层 lang="zh-Hant"：界面文字为繁体，文件内容保持原文。', 'lang="zh-Hant" on a wrapper: UI text in Traditional Chinese; the entries stay as written.'),
};

export const ElderlyMode: Story = {
  name: '适老化 Elderly mode',
  ...elderlyStory,
  parameters: describe(
    '适老化：--zw-font-size: 20px，更深的文字、边框和链接颜色（均通过 --zw-* 变量设置，可在控件中调整）；版式按字号换算，较早折叠为窄屏布局。',
    'Elderly mode: --zw-font-size: 20px and stronger text, border and link colours, all through --zw-* custom properties (editable in the controls); the layout thresholds are in em, so it folds to the narrow layout sooner.',
  ),
};

export const ElderlyDark: Story = {
  name: '适老化（深色） Elderly mode, dark',
  ...elderlyDarkStory,
};

export const HighContrast: Story = {
  name: '高对比（黑底黄字） High contrast',
  ...highContrastStory,
  args: { ...highContrastStory.args, query: SEARCH_QUERY },
};

export const LongContent: Story = {
  name: '超长内容 Long content',
  args: { data: 'long' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.total).toBe(seedDirectory.entries!.length + 1);
  },
  parameters: describe(
    '第一条是超长条目：名称、联合发文机关、发文字号和关键词都很长（与政策卡片“超长内容”相同）。表格列宽、名称换行和手机上的卡片都不应溢出；可切换到手机视口查看。',
    'The first entry is very long: title, joint issuers, document number and keywords (the same as the policy card’s “long content”). Column widths, title wrapping and the cards on phones must not overflow. Try the phone viewport.',
  ),
};

export const DamagedSeed003: Story = {
  name: '损坏的真实内容（样例 003） Damaged real content (seed 003)',
  args: { data: 'damaged', query: DAMAGED_QUERY, preview: true },
  render: (args) => page(args, withWarnings('zw-disclosure-directory', element(args))),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(scanCount(damagedDirectory, DAMAGED_QUERY)));
    await listedWarnings(canvasElement);
    // each damaged entry field once, found by the per-entry check: 3 titles/文号 of the basis documents, the plan's summary
    const paths = warningPaths(canvasElement);
    await expect(paths.filter((path) => /^\/entries\/\d+\/(?:title|docNo|summary)$/.test(path))).toEqual([
      '/entries/0/title',
      '/entries/0/docNo',
      '/entries/1/docNo',
      '/entries/2/docNo',
      '/entries/6/summary',
    ]);
  },
  parameters: describe(
    '样例 003（广州市商务局 2021 分工实施方案）的网页原文，保留抓取时的转码损坏：它的“制定依据”列出的三份文件作为示例条目，名称和发文字号照网页原样（“关于印?021年…”“国办发?021?2号”），本条目的概述为网页的“核心提示”（“…风险、/div>”）。搜索“政务公开工作要点”：受损条目与完好的条目一起列出并高亮。目录照原样显示和检索这些文字；逐条检查条目时，每个受损的字段在 zw-load 的 detail.warnings 中提示一次（scrape-damage，列在元素下方），工作人员据此核对原文后修正。',
    'Seed 003’s page as scraped (the Guangzhou Bureau of Commerce’s 2021 plan), encoding damage kept: the three documents its basis section names are demonstration entries whose titles and document numbers are as the page has them (“关于印?021年…”, “国办发?021?2号”), and the plan’s summary is the page’s 核心提示 (“…风险、/div>”). Searching “政务公开工作要点” lists and highlights the damaged entries beside clean ones. The directory shows and searches such text as written; the check of each entry reports each damaged field once in zw-load’s detail.warnings (scrape-damage, listed under the element), so staff can correct it against the original.',
  ),
};

export const PartlyInvalid: Story = {
  name: '部分条目有误（工作人员预览） Bad entries (staff preview)',
  args: { data: 'partly-invalid', preview: true },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const rejected = shadow(el, '[part="rejected"]');
    const paths = [...rejected.querySelectorAll('li.error code')].map((code) => code.textContent ?? '');
    await expect(paths.length).toBe(BAD_AT.length);
    for (const at of BAD_AT) await expect(paths.some((path) => path.startsWith(`/entries/${at}/`))).toBe(true);
    // the good ones are all there
    await expect(el.total).toBe(seedDirectory.entries!.length);
  },
  parameters: describe(
    '35 条中有 3 条有误：发布日期不是日期（/entries/3/publishDate）、原文链接为 javascript:（/entries/12/url）、缺少名称（/entries/25/title）。这 3 条被排除并逐条列出路径和说明（preview），其余 32 条照常显示和搜索。',
    'Three of 35 entries are bad: a publish date that is no date (/entries/3/publishDate), a `javascript:` link (/entries/12/url), no title (/entries/25/title). Those three are left out and listed with their paths and messages (preview); the other 32 are shown and searchable as usual.',
  ),
};

export const PartlyInvalidPublic: Story = {
  name: '部分条目有误（读者所见） Bad entries (public)',
  args: { data: 'partly-invalid', preview: false },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const note = shadow(el, '[part="rejected"]');
    await expect(note.textContent).toContain(String(BAD_AT.length));
    await expect(note.querySelector('code')).toBeNull(); // no paths for the public
    await expect(el.total).toBe(seedDirectory.entries!.length);
  },
  parameters: describe(
    '同一份数据，不加 preview（门户上读者所见）：只有一句“3 条信息暂时无法显示”，没有字段路径；其余条目照常显示。',
    'The same data without `preview` (what the public sees): one line saying 3 entries cannot be shown for now, no field paths; the other entries are shown as usual.',
  ),
};

export const Hostile: Story = {
  name: '恶意字符串 Hostile strings',
  args: { data: 'hostile' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const root = el.shadowRoot!;
    await expect(root.querySelector('img, script, svg[onload], [onerror], [onmouseover]')).toBeNull();
    await expect([...root.querySelectorAll('a[href]')].some((a) => /^\s*javascript:/i.test(a.getAttribute('href')!))).toBe(false);
    await expect(shadow(el, '[part="title"]').textContent).toContain('<img src=x onerror=');
    await expect((window as unknown as Record<string, unknown>)[HOSTILE_MARK]).toBeUndefined();
  },
  parameters: describe(
    '目录标题、栏目名称、条目名称、发文字号、发布机构和关键词中有 <img onerror>、<script>、javascript: 文字和从右到左覆盖字符：全部作为普通文字显示（在搜索框输入 onerror，高亮的也只是文字），不执行；原文链接为 javascript: 的条目被排除，不会成为链接。',
    'The directory title, column names, entry titles, document numbers, issuers and keywords hold <img onerror>, <script>, javascript: text and a right-to-left override: all shown as plain text (type onerror in the search box: the highlight is text too), nothing runs; the entry whose link is `javascript:` is left out and never becomes a link.',
  ),
};

export const Loading: Story = {
  name: '加载中 Loading',
  ...loadingStory,
};

export const ErrorState: Story = {
  name: '数据有误（工作人员预览） Error (staff preview)',
  args: { data: 'invalid', preview: true },
  parameters: describe(
    '数据有误：栏目 id 含空格（无法写入地址）、栏目名称为空、remote 为 javascript:。元素以 role="alert" 列出错误，不显示列表，也不会请求该地址。',
    'Invalid: a column id with spaces (it could not go in an address), a blank column name, a `javascript:` remote. The element lists the errors (role="alert"), shows no list and never requests that URL.',
  ),
};

export const ErrorPublic: Story = {
  ...errorPublicStory,
  name: '数据有误（读者所见） Error (public)', // literal: the indexer reads names statically
};

export const LoadFailed: Story = {
  name: '加载失败 404（工作人员预览） Load failed 404 (staff preview)',
  ...loadFailedStory('./data/directory-does-not-exist.json', true),
};

export const LoadFailedPublic: Story = {
  name: '加载失败（读者所见，可重试） Load failed (public, retry)',
  ...loadFailedStory('./data/directory-does-not-exist.json', false),
};

export const Empty: Story = {
  name: '无数据 Empty',
  ...emptyStory,
};

export const RemoteError: Story = {
  name: '远程检索：无服务器 Remote, no server',
  args: { data: 'remote-offline' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'zw-disclosure-directory');
    // the server's answer (404) settles the first search: the polite notice with its retry button
    const notice = await waitFor(() => shadow(el, '[part="results"] [part="error"]'), { timeout: 10_000 });
    await expect(notice.querySelector('[part="retry"]')).not.toBeNull();
  },
  parameters: describe(
    'remote 指向一个没有服务器应答的地址（Storybook 只提供静态文件）：元素显示“暂时无法搜索，请稍后再试。”和“重试”按钮；加 preview 时附上原因。npm start 的演示页面有参考检索服务（/api/directory）。',
    '`remote` points at an address no server answers (Storybook serves static files only): the element says it cannot search for now, with a 重试 (retry) button; with `preview` the reason is added. The demo under npm start runs the reference search server (/api/directory).',
  ),
};

export const RemoteLoading: Story = {
  name: '远程检索：等待响应 Remote, loading',
  args: { data: 'remote-pending', timeout: 86_400_000 },
  // Only in this story: the first search request never answers (until aborted), so the loading state stays.
  beforeEach: () => holdFetch(REMOTE_PENDING_FIRST),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('zw-disclosure-directory')!;
    await waitFor(() => expect(shadow(el, '[part="results"]').getAttribute('aria-busy')).toBe('true'));
    await expect(el.shadowRoot!.querySelector('[part="error"]')).toBeNull();
  },
  parameters: describe(
    '远程检索的第一次请求还没有响应：显示正在搜索的状态（aria-busy）。本故事中该请求永不返回（timeout 设为一天，所以不会转为出错状态）。',
    'Remote mode while the first search request is on its way: the searching state (aria-busy). In this story that request never answers (timeout is set to a day, so it does not turn into the error state).',
  ),
};

export const Pinyin: Story = {
  name: '拼音首字母 Pinyin initials',
  args: { pinyin: true, query: 'zwgk' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    // the table of initials loads on first use, then the search runs again
    await waitFor(() => expect(el.total).toBeGreaterThan(0), { timeout: 5000 });
    const titles = [...el.shadowRoot!.querySelectorAll('tr[part="row"] .c-title, .cards zw-policy-card')].map((row) => row.textContent ?? '');
    await expect(titles.some((title) => title.includes('政务公开'))).toBe(true);
  },
  parameters: describe(
    'pinyin 属性：输入“zwgk”找到名称中有“政务公开”（zhèng wù gōng kāi）的文件。首字母表只在设置 pinyin 后首次搜索时加载，不在基础包中。',
    'The pinyin attribute: typing “zwgk” finds the entries whose titles contain 政务公开 (zhèng wù gōng kāi). The table of initials loads only on first use with pinyin set; it is not in the base bundle.',
  ),
};

export const UrlStateOff: Story = {
  name: '不改地址 url-state="off"',
  args: { 'url-state': 'off', query: '年度报告' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.total).toBe(scanCount(seedDirectory, '年度报告')));
    await expect([...new URLSearchParams(location.search).keys()].filter((key) => DIRECTORY_PARAM.test(key))).toEqual([]);
  },
  parameters: describe(
    'url-state="off"：搜索、栏目、筛选、排序和页码都不写入页面地址，也不从地址读取，适合一个页面上已有自己的路由、或目录只是页面一角的情况。',
    'url-state="off": the query, column, filters, sort and page are neither written to nor read from the page address; for pages with their own router, or a directory in a corner of a page.',
  ),
};

export const FromSrc: Story = {
  name: '通过 src 加载 From src',
  ...fromSrcStory(directoryFiles, directoryFileLabels, 'seeds'),
};
