import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { ZwInterpretation } from '../src/components/interpretation/interpretation.js';
import '../src/components/interpretation/interpretation.js';
import { interpretationDocuments, interpretationLabels } from './interpretation-fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyDarkStory,
  elderlyStory,
  emptyStory,
  hidden,
  highContrastStory,
  listedWarnings,
  withWarnings,
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
  type ElementArgs,
  errorPublicStory,
  warningPaths,
} from './shared.js';

/** Story args: the shared ones (`data` is a key of ./interpretation-fixtures.ts), `anchor-prefix` and the element's own events. */
interface InterpretationArgs extends ElementArgs {
  'anchor-prefix'?: string;
  onZwSectionChange?: (event: Event) => void;
  onZwTermOpen?: (event: Event) => void;
  /** Manifest entries hidden from the controls. */
  anchorPrefix?: never;
  /** Not events: the analyzer reads the constructor arguments of `new ZwSectionChangeEvent(section, …)` as event names. */
  section?: never;
  id?: never;
}

type Story = StoryObj<InterpretationArgs>;

/** One interpretation, every attribute from the args; `slotted` goes inside (the `comparison` slot). */
const element = (args: InterpretationArgs, slotted: TemplateResult | typeof nothing = nothing) => html`<zw-interpretation
  theme=${args.theme || nothing}
  appearance=${args.appearance || nothing}
  ?preview=${args.preview}
  heading-level=${args['heading-level'] ?? nothing}
  anchor-prefix=${args['anchor-prefix'] || nothing}
  src=${args.src || nothing}
  timeout=${args.timeout ?? nothing}
  .data=${args.data}
  @zw-load=${args.onZwLoad}
  @zw-error=${args.onZwError}
  @zw-section-change=${args.onZwSectionChange}
  @zw-term-open=${args.onZwTermOpen}
  >${slotted}</zw-interpretation
>`;

const render = (args: InterpretationArgs) => page(args, element(args));

// ── Helpers for the play functions (they drive the shadow DOM directly) ──────

/** The interpretation once ready and rendered, the policy cards in its shadow root too. */
async function ready(canvasElement: HTMLElement): Promise<ZwInterpretation> {
  const el = await settled(canvasElement, 'zw-interpretation');
  await Promise.all([...el.shadowRoot!.querySelectorAll('zw-policy-card')].map((card) => card.updateComplete));
  return el;
}

const openQuestions = (el: ZwInterpretation) => [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.faq-item')].filter((d) => d.open).length;

/** The address bar's fragment without a history entry or a hashchange (the element must not react to the clean-up). */
const setHash = (hash: string) => history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);

const DEEP_LINK = '#faq-3';

const meta = {
  title: 'Elements/政策解读 zw-interpretation',
  tags: ['autodocs'],
  id: 'elements-zw-interpretation',
  component: 'zw-interpretation',
  render,
  parameters: {
    docs: {
      description: {
        component: `**政策解读** 按标准结构展示一篇解读：背景依据、目标任务、主要内容、涉及范围、执行标准、注意事项、关键词诠释、新旧政策差异、惠民利民举措、典型问答、相关政策；没有数据的部分不显示。
页首是解读机构、发布日期、解读形式，所解读的政策文件（紧凑卡片，内嵌 \`policy\` 或通过 \`policyUrl\` 加载）以及一图读懂、视频链接；所解读的文件已废止、失效或修订时，标题上方有横幅。
宽屏时目录在左侧并随滚动高亮当前部分，手机上目录折叠。正文中的关键词可点开释义；典型问答可筛选、全部展开或收起。每个部分和问题都有锚点（\`#background\`、\`#faq-3\`），打开带锚点的地址会跳到该处并展开问题；同页放两篇解读时用 \`anchor-prefix\` 区分。
数据三选一：\`data\` 属性、\`src\` 地址，或子元素 \`<script type="application/json">\`。数据有误时，门户上的读者只看到一句简短、礼貌的提示；加上 \`preview\` 属性（工作人员预览）时以 role="alert" 列出错误。能显示的部分照常显示。外观默认浅色，\`appearance="auto"\` 跟随读者系统，\`appearance="dark"\` 始终深色。发布逾期（晚于文件 3 个工作日）或词条未在正文出现等只作提示，放在 \`zw-load\` 事件的 \`detail.warnings\` 中。界面语言跟随最近的 \`lang\`（zh-CN、zh-Hant、en），主题通过 \`--zw-*\` 变量、\`::part()\` 和 \`theme="blue"\` 调整。

**Policy interpretation** shows an interpretation in the standard sections (background, objectives, main content, scope, standards, notes, glossary, changes, benefits, FAQ, related policies); sections without data are left out.
The header gives the interpreting body, date and form, the interpreted policy (a compact card, embedded \`policy\` or loaded from \`policyUrl\`) and the infographic and video links; a banner above the title says when that policy is abolished, expired or amended.
On wide screens the table of contents sits beside the text and follows the reader; on phones it folds away. Glossary terms open their definition where they occur; the FAQ can be filtered, expanded and collapsed. Every section and question has an anchor (\`#background\`, \`#faq-3\`): opening such an address scrolls there and opens the question; \`anchor-prefix\` keeps two interpretations on one page apart.
Data comes from the \`data\` property, the \`src\` URL or a child \`<script type="application/json">\`. On invalid data the public sees a short, polite message; with the \`preview\` attribute (staff preview) the issues are listed (role="alert"). Whatever is safe to show still renders. Light by default; \`appearance="auto"\` follows the reader's system, \`appearance="dark"\` forces dark. A late interpretation (more than 3 working days after the policy) or an unused glossary term is only a warning, in \`zw-load\`'s \`detail.warnings\`. The UI language follows the nearest \`lang\` (zh-CN, zh-Hant, en); theme through \`--zw-*\` custom properties, \`::part()\` and \`theme="blue"\`.`,
      },
    },
  },
  argTypes: {
    data: dataArgType(interpretationDocuments, interpretationLabels, 'InterpretationDocument'),
    ...styleArgTypes,
    'anchor-prefix': { control: 'text' },
    ...sourceArgTypes,
    ...manifestArgTypes,
    anchorPrefix: hidden,
    section: hidden,
    id: hidden,
  },
  args: {
    data: 'shandong-2019',
    ...defaultArgs,
    'anchor-prefix': '',
  },
} satisfies Meta<InterpretationArgs>;

export default meta;

export const Ready: Story = {
  name: '就绪（样例 1 山东） Ready (sample 1, Shandong)',
  parameters: describe(
    '山东省商务厅《2019年政务公开工作实施方案》解读，全部标准部分。用 data 控件切换另一份样例（山西）及各变体。',
    'The Shandong Department of Commerce’s interpretation of its 2019 disclosure plan, every standard section. Switch to the other sample (Shanxi) and the variants with the data control.',
  ),
};

export const ReadyShanxi: Story = {
  name: '就绪（样例 2 山西） Ready (sample 2, Shanxi)',
  args: { data: 'shanxi-2021' },
  parameters: describe('山西省工信厅《2021年政务公开工作要点》解读。', 'The Shanxi Department of Industry and IT’s interpretation of its 2021 disclosure work points.'),
};

export const SectionsSubset: Story = {
  name: '部分章节 Sections subset',
  args: { data: 'subset' },
  parameters: describe(
    '只有背景依据、主要内容、典型问答三部分：目录只列这三项，其余部分不显示（没有关键词诠释，正文不标关键词）。',
    'Only background, main content and FAQ: the table of contents lists those three and nothing else is shown (no glossary, so no terms are marked).',
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
    '数据有误：没有任何标准部分（至少需要一个），且一图读懂链接为 javascript:。元素以 role="alert" 列出错误，不显示内容，该链接不会被渲染。目前只列出链接这一处：“没有任何部分”在结构检查通过后才检查（见 data 控件中的“没有任何部分”变体：错误列表加上可安全显示的页首）。',
    'Invalid: not one standard section (at least one is required) and a `javascript:` infographic link. The element lists the errors (role="alert"), shows no content and never renders the link. Only the link is listed for now: “no sections” is checked once the schema check passes (see the “no sections” variant in the data control: the error list plus the header that is safe to show).',
  ),
};

export const ErrorPublic: Story = {
  ...errorPublicStory,
  name: '数据有误（读者所见） Error (public)', // literal: the indexer reads names statically
};

export const LoadFailed: Story = {
  name: '加载失败 404（工作人员预览） Load failed 404 (staff preview)',
  ...loadFailedStory('./data/interpretation-does-not-exist.json', true),
};

export const LoadFailedPublic: Story = {
  name: '加载失败（读者所见，可重试） Load failed (public, retry)',
  ...loadFailedStory('./data/interpretation-does-not-exist.json', false),
};

export const PolicyByUrl: Story = {
  name: '通过 policyUrl 加载文件 Policy by URL',
  args: { data: 'policy-url' },
  parameters: describe(
    '解读不内嵌政策文件，而以 policyUrl 指向 Storybook 提供的 ./data/policy-004-shanxi-industry-2021.json：页首的紧凑卡片自行加载该文件。',
    'The interpretation does not embed the policy: `policyUrl` points to ./data/policy-004-shanxi-industry-2021.json, served by Storybook, and the compact card in the header loads it.',
  ),
};

export const PolicyAbolished: Story = {
  name: '所解读文件已废止 Interpreted policy abolished',
  args: { data: 'abolished' },
  parameters: describe(
    '所解读的文件已废止：标题上方的横幅说明废止日期、解读不再适用，并链接现行文件。data 控件中还有“已修订”变体。',
    'The interpreted policy is abolished: the banner above the title gives the date, says the interpretation no longer applies and links the document now in force. The data control also has an “amended” variant.',
  ),
};

export const GlossaryPopover: Story = {
  name: '关键词释义 Glossary popover',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const term = shadow(el, '.term');
    term.scrollIntoView({ block: 'center' });
    await userEvent.click(term);
    await el.updateComplete;
    await expect(shadow(el, '.popover')).toBeVisible();
    await expect(term).toHaveAttribute('aria-expanded', 'true');
  },
  parameters: describe(
    '正文中第一个关键词（虚线下划线）已点开：释义浮层（role="dialog"）显示词条、释义和出处；Esc、× 或点击别处关闭。',
    'The first glossary term in the text (dotted underline) has been clicked: the popover (role="dialog") shows the term, its definition and source; Esc, × or a click elsewhere closes it.',
  ),
};

export const FaqFiltered: Story = {
  name: '问答筛选 FAQ filtered',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await el.reveal('faq', true);
    await userEvent.type(shadow<HTMLInputElement>(el, '#faq-filter'), '申请');
    await el.updateComplete;
    await expect(shadow(el, '.faq-status')).toHaveTextContent('找到 2 个问题（共 8 个）');
  },
  parameters: describe(
    '在“在问答中查找”中输入“申请”：只留下 2 个相关问题，状态行（role="status"）读出结果数。匹配不分全角半角、大小写，忽略空格。',
    'Typing “申请” (application) into the FAQ filter: 2 of 8 questions remain and the status line (role="status") announces the count. Matching ignores full/half width, case and spaces.',
  ),
};

export const FaqExpanded: Story = {
  name: '问答全部展开 FAQ all expanded',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await el.reveal('faq', true);
    const [expandAll] = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.faq-tools button');
    await userEvent.click(expandAll);
    await el.updateComplete;
    await expect(openQuestions(el)).toBe(el.shadowRoot!.querySelectorAll('details.faq-item').length);
  },
  parameters: describe('点击“全部展开”：8 个问题全部打开。', 'After “expand all”: all 8 questions are open.'),
};

export const DeepLink: Story = {
  name: '锚点 #faq-3 Deep link',
  // The page is opened as …#faq-3: the element scrolls there and opens the question
  // once it is ready. Only in the story view (in the docs page every story would jump).
  beforeEach: ({ viewMode }: StoryContext<InterpretationArgs>) => {
    if (viewMode !== 'story') return;
    setHash(DEEP_LINK);
    return () => {
      if (location.hash === DEEP_LINK) setHash('');
    };
  },
  play: async ({ canvasElement, viewMode }) => {
    const el = await ready(canvasElement);
    if (viewMode === 'story') await waitFor(() => expect(shadow<HTMLDetailsElement>(el, '#faq-3').open).toBe(true));
    setHash(''); // the fragment has done its work; other stories must not see it
  },
  parameters: describe(
    '地址带 #faq-3 打开页面：元素就绪后滚动到第 3 个问题、将其展开并把焦点移到问题上。故事在渲染前设置地址的锚点，就绪后清除（文档页中不设置）。脚本也可调用 el.reveal("faq-3")。',
    'The page opened with #faq-3: once ready, the element scrolls to question 3, opens it and focuses its summary. The story sets the fragment before rendering and clears it once the element is ready (not on the docs page). Scripts can call el.reveal("faq-3") instead.',
  ),
};

export const LateInterpretation: Story = {
  name: '逾期发布（提示） Late interpretation (warning)',
  args: { data: 'late' },
  render: (args) => page(args, withWarnings('zw-interpretation', element(args))),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(await listedWarnings(canvasElement)).toBe(2);
  },
  parameters: describe(
    '示例数据：解读比文件晚 6 个工作日发布（时限 3 个工作日），且一个词条未在正文出现。两者只是提示，解读照常显示；提示在 zw-load 事件的 detail.warnings 中，本故事把它们列在元素下方（该列表不属于元素）。',
    'Demonstration data: published 6 working days after the policy (the limit is 3) and one glossary term that does not occur in the text. Both are warnings only and the interpretation renders; they come in zw-load’s detail.warnings, listed under the element by this story (the list is not part of the element).',
  ),
};

export const WithComparison: Story = {
  name: '新旧对比插槽 With comparison slot',
  render: (args) =>
    page(
      args,
      element(
        args,
        html`<div
          slot="comparison"
          style="margin-block:12px;padding:16px;border:2px dashed #6b6b6b;border-radius:6px;color:#333;background:#f5f5f5;text-align:center"
        >
          <strong>&lt;zw-policy-compare&gt;</strong> 将接入此处：新旧政策逐条对比。<br />
          <span lang="en">&lt;zw-policy-compare&gt; plugs in here: the clause-by-clause comparison.</span>
        </div>`,
      ),
    ),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await el.reveal('changes', true);
  },
  parameters: describe(
    '“新旧政策差异”部分中的 comparison 插槽：放入详细的逐条对比（将来的 <zw-policy-compare>）。此处是占位元素，故事会滚动到该部分。',
    'The comparison slot in the changes section, for a detailed clause-by-clause comparison (the coming <zw-policy-compare>). A placeholder here; the story scrolls to that section.',
  ),
};

export const English: Story = {
  name: '英文界面 English UI',
  args: { lang: 'en' },
  parameters: describe(
    '外层 lang="en"：目录、章节标题、问答工具和日期为英文；解读内容保持原文（lang="zh-CN"）。',
    'lang="en" on a wrapper: table of contents, section headings, FAQ tools and dates in English; the interpretation’s own text stays as written (lang="zh-CN").',
  ),
};

export const TraditionalChinese: Story = {
  name: '繁體界面 Traditional Chinese UI',
  args: { lang: 'zh-Hant' },
  parameters: describe('外层 lang="zh-Hant"：界面文字为繁体。', 'lang="zh-Hant" on a wrapper: UI text in Traditional Chinese.'),
};

export const BlueTheme: Story = {
  name: '蓝色主题 Blue theme',
  args: { theme: 'blue', data: 'shanxi-2021' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案。', 'theme="blue": the blue alternative to the red default.'),
};

export const Dark: Story = {
  name: '深色 Dark',
  args: { appearance: 'dark' },
  parameters: describe(
    'appearance="dark"，放在深色页面上：深色方案（目录、问答、关键词和所解读文件的卡片一起变深）。默认是浅色（读者系统为深色时也是），appearance="auto" 跟随读者系统。',
    '`appearance="dark"` on a dark page: the dark scheme (contents list, FAQ, glossary terms and the interpreted policy’s card together). Light is the default (also when the reader’s system is dark); `appearance="auto"` follows the system.',
  ),
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
  parameters: describe(
    '两篇真实解读（山东、山西）合为一篇：超长标题，每个部分内容加倍，16 个问答，13 个关键词，相关政策全部列出。目录、问答和表格不应溢出；可切换到手机视口查看。',
    'Both real interpretations (Shandong, Shanxi) as one: a very long title, every section doubled, 16 questions, 13 glossary terms and every related policy. Contents, FAQ and tables must not overflow; try the phone viewport.',
  ),
};

export const DamagedSeed003: Story = {
  name: '损坏的真实内容（样例 003） Damaged real content (seed 003)',
  args: { data: 'damaged', preview: true },
  render: (args) => page(args, withWarnings('zw-interpretation', element(args))),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    // 4 from the interpreted policy (under /policy) and 27 from the interpretation's own sections, each once
    await expect(await listedWarnings(canvasElement)).toBe(31);
    const paths = warningPaths(canvasElement);
    await expect(paths.filter((path) => path.startsWith('/policy/'))).toHaveLength(4);
    await expect(paths).toContain('/mainContent/0/text');
    await expect(new Set(paths).size).toBe(paths.length);
  },
  parameters: describe(
    '示例：由样例 003（广州市商务局 2021 分工实施方案）的网页原文组成的解读，保留抓取时的转码损坏（“反映、/p>”“方案内宸/p>”“穗府办函?021?7号”“工作要汁/span>”）。解读照原样显示这些文字，数据仍然有效；每个受损的文字在 zw-load 的 detail.warnings 中提示一次（scrape-damage，本故事列在元素下方）：所解读的文件（页首卡片）的字段路径在 /policy 下，解读自身各栏目（背景依据、主要内容、表格单元格、注意事项等）的在各自的位置，工作人员据此核对原文后修正。',
    'Demonstration: an interpretation made of seed 003’s page as scraped (the Guangzhou Bureau of Commerce’s 2021 plan), encoding damage kept (“反映、/p>”, “方案内宸/p>”, “穗府办函?021?7号”, “工作要汁/span>”). The interpretation shows the text as written and the data stays valid; each damaged text is reported once in zw-load’s detail.warnings (scrape-damage, listed under the element by this story): the interpreted policy’s (the card in the header) under /policy, the interpretation’s own sections (background, main content, table cells, notes…) at their place, so staff can correct them against the original.',
  ),
};

export const PhoneWidth: Story = {
  name: '手机宽度（375） Phone width (375)',
  globals: viewportGlobals('phone'),
  render: (args) => page(args, phone(375, element(args))),
  parameters: {
    layout: 'fullscreen', // the 375 px column fills the 375 px viewport exactly
    ...describe(
      '故事本身是 375 px 宽的一栏（虚线框），在文档页和单独的画布中都一样；在画布中还会切换到“手机 Phone 375”视口。目录折叠为“目录（N 部分）”，表格和对比可横向阅读，不应溢出。',
      'The story itself is a 375 px column (dashed outline), the same on the docs page and the canvas alone; the canvas also switches to the “Phone 375” viewport. The table of contents folds into “目录 (N parts)”, and nothing may overflow.',
    ),
  },
};

export const PrintPreview: Story = {
  name: '打印 Print preview',
  // Leaving the story ends the simulated print.
  beforeEach: () => () => void dispatchEvent(new Event('afterprint')),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    await expect(openQuestions(el)).toBe(el.shadowRoot!.querySelectorAll('details.faq-item').length);
  },
  parameters: describe(
    '本故事发送 beforeprint 事件，元素进入打印状态：所有问题展开、关键词不再是按钮。要看打印版式：在画布中打开本故事（“在新标签页打开”），按 Ctrl+P / ⌘P 查看打印预览；或在 Chrome DevTools → Rendering → “Emulate CSS media type: print”，此时目录、问答筛选和释义浮层隐藏。',
    'This story dispatches beforeprint, so the element is in its print state: every question open, glossary terms no longer buttons. For the print layout, open the story on its own (“open canvas in new tab”) and press Ctrl+P / ⌘P for the print preview, or use Chrome DevTools → Rendering → “Emulate CSS media type: print”: the table of contents, the FAQ filter and the popover are hidden.',
  ),
};
