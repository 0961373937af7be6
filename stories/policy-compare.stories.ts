import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/components/policy-compare/policy-compare.js';
import { comparisonDocuments, comparisonFiles, comparisonLabels } from './comparison-fixtures.js';
import { inlineJson } from './fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyDarkStory,
  elderlyStory,
  emptyStory,
  highContrastStory,
  listedWarnings,
  withWarnings,
  fromSrcStory,
  hidden,
  loadFailedStory,
  loadingStory,
  manifestArgTypes,
  page,
  phone,
  settled,
  sourceArgTypes,
  styleArgTypes,
  viewportGlobals,
  type ElementArgs,
  errorPublicStory,
  warningPaths,
} from './shared.js';

/** Story args: the shared ones (`data` is a key of ./comparison-fixtures.ts), the comparison's own attributes and events. */
interface CompareArgs extends ElementArgs {
  /** 对照 side by side, 修订 inline redline, 新文 the new text with margin marks; unset: side by side, 修订 on phones. */
  view?: '' | 'side-by-side' | 'redline' | 'margin';
  'changes-only'?: boolean;
  'old-version'?: string;
  'new-version'?: string;
  'anchor-prefix'?: string;
  onZwChangeFocus?: (event: Event) => void;
  onZwVersionsChange?: (event: Event) => void;
  /** Manifest entries hidden from the controls (the properties behind the attributes above, and outputs). */
  changesOnly?: never;
  oldVersion?: never;
  newVersion?: never;
  anchorPrefix?: never;
  summary?: never;
}

type Story = StoryObj<CompareArgs>;

/** One comparison, every attribute from the args. */
const element = (args: CompareArgs) => html`<zw-policy-compare
  theme=${args.theme || nothing}
  appearance=${args.appearance || nothing}
  ?preview=${args.preview}
  heading-level=${args['heading-level'] ?? nothing}
  view=${args.view || nothing}
  ?changes-only=${args['changes-only']}
  old-version=${args['old-version'] || nothing}
  new-version=${args['new-version'] || nothing}
  anchor-prefix=${args['anchor-prefix'] || nothing}
  src=${args.src || nothing}
  timeout=${args.timeout ?? nothing}
  .data=${args.data}
  @zw-load=${args.onZwLoad}
  @zw-error=${args.onZwError}
  @zw-change-focus=${args.onZwChangeFocus}
  @zw-versions-change=${args.onZwVersionsChange}
></zw-policy-compare>`;

const render = (args: CompareArgs) => page(args, element(args));

/** The comparison once ready and rendered. */
const ready = (canvasElement: HTMLElement) => settled(canvasElement, 'zw-policy-compare');

/** The element's public summary (`summary` property, also in `zw-load`'s detail). */
const summaryOf = (el: Element) => (el as unknown as { summary?: Record<'added' | 'deleted' | 'modified' | 'moved' | 'unchanged', number> }).summary;

const meta = {
  title: 'Elements/新旧政策对比 zw-policy-compare',
  tags: ['autodocs'],
  id: 'elements-zw-policy-compare',
  component: 'zw-policy-compare',
  render,
  parameters: {
    docs: {
      description: {
        component: `**新旧政策对比** 把同一政策的两个版本逐条对齐：条款由元素自动拆分（第X章/条、一、/（一）/1./（1）/① 等编号，没有编号时按段落），按内容而不是只按编号对齐，所以插入一条后后面的条款重新编号也能对上；识别移动的条款；每条标为新增、删除、修改、移动或未变（只改编号算未变，显示编号变化），修改处逐词标出。
三种视图：对照（左旧右新，逐行对齐）、修订（按阅读顺序的修订痕迹）、新文（新文本，修改处在页边标出），手机上默认修订。顶部的统计栏列出新增、删除、修改、移动、未变的条数；“只看修改”把未变的条款折叠。上一处/下一处按钮和快捷键在修改之间跳转并读出位置；每条都有锚点。版本多于两个时可任选两个版本对比（\`old-version\`、\`new-version\`）。数据中的人工对齐（\`pairs\`）优先于自动对齐，修改说明（\`notes\`）显示在对应条款旁。“复制对照表”复制三栏表格（原条款 / 新条款 / 说明），可直接粘贴到 Word、WPS。
数据三选一：\`data\` 属性、\`src\` 地址，或子元素 \`<script type="application/json">\`。数据有误时，门户上的读者只看到一句简短、礼貌的提示；加上 \`preview\` 属性（工作人员预览）时以 role="alert" 列出错误。外观默认浅色，\`appearance="auto"\` 跟随读者系统，\`appearance="dark"\` 始终深色。界面语言跟随最近的 \`lang\`（zh-CN、zh-Hant、en），主题通过 \`--zw-*\` 变量、\`::part()\` 和 \`theme="blue"\` 调整。

**Policy comparison** aligns two versions of one policy clause by clause: the element splits the clauses itself (第X章/条, 一、/（一）/1./（1）/① outlines, paragraphs when there is no numbering) and aligns them by content, not by number alone, so a clause inserted before others that renumbers them still pairs the unchanged ones; moved clauses are detected; each clause is added, deleted, modified, moved or unchanged (renumbered-only counts as unchanged, with the number change shown), and modifications are marked word by word.
Three views: 对照 side by side (old left, new right, rows aligned), 修订 an inline redline in reading order, and 新文 the new text with changes marked in the margin; phones get 修订 by default. The summary bar counts added, deleted, modified, moved and unchanged clauses; “只看修改” (changes only) folds the unchanged ones. Previous/next buttons and keys move between changes and announce the position; every clause has an anchor. With more than two versions any two can be compared (\`old-version\`, \`new-version\`). Explicit pairs in the data (\`pairs\`) win over the automatic alignment, and notes (\`notes\`) show beside their clause. “复制对照表” copies a three-column table (old clause / new clause / note) that pastes into Word and WPS as a table.
Data comes from the \`data\` property, the \`src\` URL or a child \`<script type="application/json">\`. On invalid data the public sees a short, polite message; with the \`preview\` attribute (staff preview) the issues are listed (role="alert"). Light by default; \`appearance="auto"\` follows the reader's system, \`appearance="dark"\` forces dark. The UI language follows the nearest \`lang\` (zh-CN, zh-Hant, en); theme through \`--zw-*\` custom properties, \`::part()\` and \`theme="blue"\`.`,
      },
    },
  },
  argTypes: {
    data: dataArgType(comparisonDocuments, comparisonLabels, 'ComparisonDocument'),
    ...styleArgTypes,
    view: {
      description:
        '视图：对照（side-by-side）、修订（redline）、新文（margin）；不设时宽屏为对照，手机为修订。 View: side by side, redline or margin; unset, side by side on wide screens and redline on phones.',
      options: ['', 'side-by-side', 'redline', 'margin'],
      control: { type: 'select', labels: { '': '自动 auto', 'side-by-side': '对照 side-by-side', redline: '修订 redline', margin: '新文 margin' } },
      table: { category: 'attributes', type: { summary: "'side-by-side' | 'redline' | 'margin'" } },
    },
    'changes-only': {
      description: '只看修改：未变的条款折叠为可展开的一段。 Changes only: unchanged clauses fold into expandable runs.',
      control: 'boolean',
      table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
    },
    'old-version': {
      description: '旧版本的标识（versions[].id）；不设时为倒数第二个版本。 The old version’s id; unset: the one before last.',
      control: 'text',
      table: { category: 'attributes' },
    },
    'new-version': { description: '新版本的标识；不设时为最后一个版本。 The new version’s id; unset: the last one.', control: 'text', table: { category: 'attributes' } },
    'anchor-prefix': { control: 'text' },
    ...sourceArgTypes,
    ...manifestArgTypes,
    changesOnly: hidden,
    oldVersion: hidden,
    newVersion: hidden,
    anchorPrefix: hidden,
    summary: { control: false, description: '对比结果的条数 { added, deleted, modified, moved, unchanged }（只读）。 The comparison’s counts (read-only).' },
  },
  args: {
    data: 'shandong',
    ...defaultArgs,
    view: '',
    'changes-only': false,
    'old-version': '',
    'new-version': '',
    'anchor-prefix': '',
  },
} satisfies Meta<CompareArgs>;

export default meta;

export const Ready: Story = {
  name: '就绪（样例 1 山东） Ready (sample 1, Shandong)',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const summary = summaryOf(el)!;
    // the 2021 revision has at least one of every kind of change
    for (const kind of ['added', 'deleted', 'modified', 'moved', 'unchanged'] as const) await expect(summary[kind]).toBeGreaterThan(0);
  },
  parameters: describe(
    '山东省商务厅《2019年政务公开工作实施方案》原文与为演示编写的2021年修订稿（示例）：新增的条目使后面的条目重新编号，有删除、改了几个字、只改编号、移到另一部分、被无关文字替换的条目，以及三条修改说明。用 data 控件切换其他样例和变体。',
    'The Shandong Department of Commerce’s real 2019 disclosure plan against a 2021 revision written for the demo: an added item that renumbers the ones after it, removed items, reworded items, renumbered-only items, an item moved to another section, an item replaced by unrelated text, and three notes. Switch to the other samples and variants with the data control.',
  ),
};

export const SideBySide: Story = {
  name: '对照视图 Side by side',
  args: { view: 'side-by-side' },
  parameters: describe('view="side-by-side"：左旧右新，逐行对齐，一起滚动。', 'view="side-by-side": old on the left, new on the right, rows aligned, one scroll.'),
};

export const Redline: Story = {
  name: '修订视图 Redline',
  args: { view: 'redline' },
  parameters: describe(
    'view="redline"：按阅读顺序显示修订痕迹，新增加下划线、删除加删除线（不靠颜色也能分辨），手机上默认是这一视图。',
    'view="redline": the changes inline in reading order, insertions underlined and deletions struck through (readable without colour); the default on phones.',
  ),
};

export const Margin: Story = {
  name: '新文视图 Margin',
  args: { view: 'margin' },
  parameters: describe('view="margin"：显示新文本，修改过的条款在页边标出。', 'view="margin": the new text, with the changed clauses marked in the margin.'),
};

export const ChangesOnly: Story = {
  name: '只看修改 Changes only',
  args: { 'changes-only': true },
  parameters: describe('changes-only：未变的条款折叠为可展开的一段（“N 条未变”）。', 'changes-only: unchanged clauses fold into expandable runs (“N unchanged”).'),
};

export const ThreeVersions: Story = {
  name: '三个版本（版本选择） Three versions (picker)',
  args: { data: 'three-versions' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
  parameters: describe(
    '三个版本（2019年版、2020年征求意见稿、2021年版，示例）：默认对比最后两个，版本选择器可任选两个。控件中的 old-version / new-version 设为 2019 / 2021 可直接对比首末两版。',
    'Three versions (2019, the 2020 consultation draft, 2021; a demonstration): the last two are compared by default and the version picker chooses any two. Set old-version / new-version to 2019 / 2021 in the controls to compare the first and the last.',
  ),
};

export const FirstAndLast: Story = {
  name: '任选两个版本 Any two versions',
  args: { data: 'three-versions', 'old-version': '2019', 'new-version': '2021' },
  parameters: describe(
    'old-version="2019" new-version="2021"：跳过征求意见稿，直接对比首末两版。',
    'old-version="2019" new-version="2021": the first and the last version, skipping the draft.',
  ),
};

export const ClauseListWithNotes: Story = {
  name: '条款列表与修改说明 Clause list with notes',
  args: { data: 'clause-list' },
  parameters: describe(
    '数据以已拆分的条款列表给出。第四条【信息更新】改写为第五条【内容保障】，文字差别大，自动对齐会当作删除加新增；数据中的人工对齐（pairs）指定二者对应。修改说明显示在对应条款旁。',
    'The versions come as clause lists. Article 4 (updates) was rewritten as article 5 (content) so differently that the automatic alignment would call it deleted + added; an explicit pair in the data says they correspond. Notes show beside their clauses.',
  ),
};

export const Identical: Story = {
  name: '无变化 Identical',
  args: { data: 'identical' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const summary = summaryOf(el)!;
    await expect(summary.added + summary.deleted + summary.modified + summary.moved).toBe(0);
  },
  parameters: describe('两个版本文字相同：统计栏说明无变化，全部条款未变。', 'Two versions with the same text: the summary says nothing changed, every clause unchanged.'),
};

export const OneSideEmpty: Story = {
  name: '一侧为空（新制定） One side empty (new policy)',
  args: { data: 'one-side-empty' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(summaryOf(el)!.added).toBeGreaterThan(0));
  },
  parameters: describe(
    '新制定的政策，旧版本没有内容：全部条款为新增。一侧为空是合法数据，只在 zw-load 的 detail.warnings 中提示。',
    'A new policy with nothing on the old side: every clause is added. One empty side is legal; it is only a warning, in zw-load’s detail.warnings.',
  ),
};

export const Hostile: Story = {
  name: '恶意字符串 Hostile strings',
  args: { data: 'hostile' },
  parameters: describe(
    '版本名称、标题和条款中有 <img onerror>、javascript: 文字、从右到左覆盖字符和 700 字不换行的长串：全部作为普通文字显示，不执行、不溢出。',
    'Version labels, titles and clauses hold <img onerror>, javascript: text, a right-to-left override and a 700-character unbroken run: all shown as plain text, nothing runs, nothing overflows.',
  ),
};

export const PhoneWidth: Story = {
  name: '手机宽度（375） Phone width (375)',
  globals: viewportGlobals('phone'),
  render: (args) => page(args, phone(375, element(args))),
  parameters: {
    layout: 'fullscreen', // the 375 px column fills the 375 px viewport exactly
    ...describe(
      '故事本身是 375 px 宽的一栏（虚线框）；在画布中还会切换到“手机 Phone 375”视口。未设 view 时手机上默认修订视图，不应横向溢出。',
      'The story itself is a 375 px column (dashed outline); the canvas also switches to the “Phone 375” viewport. Without view, phones get the redline view; nothing may overflow.',
    ),
  },
};

export const English: Story = {
  name: '英文界面 English UI',
  args: { lang: 'en' },
  parameters: describe(
    '外层 lang="en"：视图切换、统计栏、导航和复制按钮为英文；政策文字保持原文（lang="zh-CN"）。',
    'lang="en" on a wrapper: view switch, summary, navigation and copy button in English; the policy text stays as written (lang="zh-CN").',
  ),
};

export const TraditionalChinese: Story = {
  name: '繁體界面 Traditional Chinese UI',
  args: { lang: 'zh-Hant' },
  parameters: describe('外层 lang="zh-Hant"：界面文字为繁体。', 'lang="zh-Hant" on a wrapper: UI text in Traditional Chinese.'),
};

export const Dark: Story = {
  name: '深色 Dark',
  args: { appearance: 'dark' },
  parameters: describe(
    'appearance="dark"，放在深色页面上：新增、删除、移动的标记在深色下仍清楚可辨。',
    '`appearance="dark"` on a dark page: the added, deleted and moved marks stay clear in the dark scheme.',
  ),
};

export const BlueTheme: Story = {
  name: '蓝色主题 Blue theme',
  args: { theme: 'blue', data: 'three-versions' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案。', 'theme="blue": the blue alternative to the red default.'),
};

export const ElderlyMode: Story = {
  name: '适老化 Elderly mode',
  ...elderlyStory,
};

export const ElderlyDark: Story = {
  name: '适老化（深色） Elderly mode, dark',
  ...elderlyDarkStory,
};

export const HighContrast: Story = {
  name: '高对比（黑底黄字） High contrast',
  ...highContrastStory,
};

export const LongContent: Story = {
  name: '超长内容 Long content',
  args: { data: 'long' },
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 'zw-policy-compare');
  },
  parameters: describe(
    '由样例词句生成的 200 条办法（分章）及其修订稿：新增、删除、修改、移动、替换的条文都有，后面的条文因此重新编号。对照、跳转和摘要在超长文本下照常工作，不应溢出。',
    'A 200-article 办法 in chapters, generated from the seeds’ sentences, and its revision: articles inserted, deleted, modified, moved and replaced, so the later ones are renumbered. Side by side, the change navigation and the summary keep working on a long text; nothing may overflow.',
  ),
};

export const DamagedSeed003: Story = {
  name: '损坏的真实内容（样例 003） Damaged real content (seed 003)',
  args: { data: 'damaged', preview: true },
  render: (args) => page(args, withWarnings('zw-policy-compare', element(args))),
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 'zw-policy-compare');
    // one per damaged version text: the scraped one (23 places) and the repaired one (its 13 lost characters stay)
    await expect(await listedWarnings(canvasElement)).toBe(2);
    const paths = warningPaths(canvasElement);
    await expect(paths).toEqual(['/versions/0/text', '/versions/1/text']);
  },
  parameters: describe(
    '样例 003（广州市商务局 2021 分工实施方案）的网页原文，保留抓取时的转码损坏（“反映、/p>”“制定依?/p>”“国办发?021?2号”），与组件库自动修复后的同一文字对照：每处修改都是去掉的标签残留或恢复的字；丢失的字（“?021?2号”）不猜测，原样保留。“(一)、《…》”这种受损的条目编号仍能拆成条款。对照照原样显示两个版本；每个有损坏的版本原文在 zw-load 的 detail.warnings 中提示一次，并给出损坏处数（scrape-damage，列在元素下方）：修复稿也提示，因为丢失的字仍在其中。',
    'Seed 003’s page as scraped (the Guangzhou Bureau of Commerce’s 2021 plan), encoding damage kept (“反映、/p>”, “制定依?/p>”, “国办发?021?2号”), against the same text after the library’s repair: every change is a tag remnant taken out or a character restored; lost characters (“?021?2号”) are not guessed and stay. Damaged numbering such as “(一)、《…》” still splits into clauses. The comparison shows both versions as written; each damaged version text is reported once in zw-load’s detail.warnings with the number of places (scrape-damage, listed under the element): the repaired one too, since its lost characters are still there.',
  ),
};

export const Loading: Story = {
  name: '加载中 Loading',
  ...loadingStory,
};

export const Empty: Story = {
  name: '无数据 Empty',
  ...emptyStory,
};

export const ErrorState: Story = {
  name: '数据有误（工作人员预览） Error (staff preview)',
  args: { data: 'invalid', preview: true },
  parameters: describe(
    '数据有误：只有一个版本（对比至少需要两个），且其原文链接为 javascript:。元素以 role="alert" 列出错误，不显示内容，该链接不会被渲染。',
    'Invalid: one version only (a comparison needs two), whose link is `javascript:`. The element lists the errors (role="alert"), shows no content and never renders the link.',
  ),
};

export const ErrorPublic: Story = {
  ...errorPublicStory,
  name: '数据有误（读者所见） Error (public)', // literal: the indexer reads names statically
};

export const BadReference: Story = {
  name: '说明指向不存在的条款（工作人员预览） Bad reference (staff preview)',
  args: { data: 'bad-reference', preview: true },
  parameters: describe(
    '一条修改说明指向 2021 年版中不存在的条款“一/(九)”：数据格式本身无误，所以对比照常显示，错误列在上方（工作人员预览）。',
    'A note names clause “一/(九)”, which the 2021 text does not have: the data is well-formed, so the comparison still shows, under the error list (staff preview).',
  ),
};

export const LoadFailed: Story = {
  name: '加载失败 404（工作人员预览） Load failed 404 (staff preview)',
  ...loadFailedStory('./data/comparison-does-not-exist.json', true),
};

export const LoadFailedPublic: Story = {
  name: '加载失败（读者所见，可重试） Load failed (public, retry)',
  ...loadFailedStory('./data/comparison-does-not-exist.json', false),
};

export const InlineJson: Story = {
  name: '内嵌 JSON Inline JSON script',
  args: { data: 'clause-list' },
  argTypes: { src: { table: { disable: true } }, timeout: { table: { disable: true } } },
  render: (args) => {
    const attributes = [
      args.view ? `view="${args.view}"` : '',
      args['changes-only'] ? 'changes-only' : '',
      args.theme ? `theme="${args.theme}"` : '',
      args.appearance ? `appearance="${args.appearance}"` : '',
      args.preview ? 'preview' : '',
      args['heading-level'] ? `heading-level="${Number(args['heading-level'])}"` : '',
    ].filter(Boolean);
    // The markup a CMS template writes into a static page; the browser parses it as HTML.
    const markup = `<zw-policy-compare ${attributes.join(' ')}>\n<script type="application/json">\n${inlineJson(args.data)}\n</script>\n</zw-policy-compare>`;
    return page(args, html`${unsafeHTML(markup)}`);
  },
  parameters: describe(
    'CMS 模板的写法：<zw-policy-compare> 内放 <script type="application/json">，页面无需任何脚本传数据。',
    'The CMS template way: a <script type="application/json"> inside <zw-policy-compare>; the page needs no script to pass the data.',
  ),
};

export const FromSrc: Story = {
  name: '通过 src 加载 From src',
  ...fromSrcStory(comparisonFiles, comparisonLabels, 'three-versions'),
};
