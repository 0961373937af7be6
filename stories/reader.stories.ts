import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/components/reader/reader.js';
import '../src/components/policy-card/policy-card.js';
import '../src/components/interpretation/interpretation.js';
import { publishReading } from '../src/base/reading-publish.js';
import type { Block } from '../src/schema/types.generated.js';
import { seed000Policy } from '../src/test-support/reader-fixture.js';
import { seedInterpretation } from '../src/test-support/interpretation-fixture.js';
import { samples } from './fixtures.js';
import { hostileArticle, readerDocuments, readerFiles, readerLabels } from './reader-fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyTokens,
  emptyStory,
  errorPublicStory,
  fromSrcStory,
  hidden,
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
} from './shared.js';

/** Story args: the shared ones (`data` is a key of ./reader-fixtures.ts) and every reading preference as its attribute. */
interface ReaderArgs extends ElementArgs {
  'text-scale'?: number;
  'line-height'?: number;
  'letter-spacing'?: number;
  'paragraph-spacing'?: number;
  'line-width'?: number;
  font?: '' | 'default' | 'hei' | 'song' | 'kai';
  'color-theme'?: '' | 'default' | 'sepia' | 'dark' | 'contrast-black' | 'contrast-white';
  elderly?: boolean;
  rate?: number;
  voice?: string;
  ruler?: boolean;
  crosshair?: boolean;
  caption?: boolean;
  'large-cursor'?: boolean;
  pinyin?: boolean;
  script?: '' | 'original' | 'hant';
  for?: string;
  'no-remember'?: boolean;
  onZwReaderChange?: (event: Event) => void;
  onZwSpeak?: (event: Event) => void;
  /** Manifest entries (the properties behind the attributes above) hidden from the controls. */
  textScale?: never;
  lineHeight?: never;
  letterSpacing?: never;
  paragraphSpacing?: never;
  lineWidth?: never;
  colorTheme?: never;
  largeCursor?: never;
  noRemember?: never;
  prefs?: never;
}

type Story = StoryObj<ReaderArgs>;

/** A number attribute only when the control has a value (an empty control leaves the preference to the reader). */
const num = (value: number | undefined) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : nothing);

/** One reader, every attribute from the args; `light` goes inside (progressive enhancement). */
const element = (args: ReaderArgs, light: TemplateResult | typeof nothing = nothing) => html`<zw-reader
  theme=${args.theme || nothing}
  appearance=${args.appearance || nothing}
  ?preview=${args.preview}
  heading-level=${args['heading-level'] ?? nothing}
  src=${args.src || nothing}
  timeout=${args.timeout ?? nothing}
  text-scale=${num(args['text-scale'])}
  line-height=${num(args['line-height'])}
  letter-spacing=${num(args['letter-spacing'])}
  paragraph-spacing=${num(args['paragraph-spacing'])}
  line-width=${num(args['line-width'])}
  font=${args.font || nothing}
  color-theme=${args['color-theme'] || nothing}
  ?elderly=${args.elderly}
  rate=${num(args.rate)}
  voice=${args.voice || nothing}
  ?ruler=${args.ruler}
  ?crosshair=${args.crosshair}
  ?caption=${args.caption}
  ?large-cursor=${args['large-cursor']}
  ?pinyin=${args.pinyin}
  script=${args.script || nothing}
  for=${args.for || nothing}
  ?no-remember=${args['no-remember']}
  .data=${args.data}
  @zw-load=${args.onZwLoad}
  @zw-error=${args.onZwError}
  @zw-reader-change=${args.onZwReaderChange}
  @zw-speak=${args.onZwSpeak}
  >${light}</zw-reader
>`;

const render = (args: ReaderArgs) => page(args, element(args));

/** The reader once ready and rendered. */
const ready = (canvasElement: HTMLElement) => settled(canvasElement, 'zw-reader');

/** The body blocks as the plain HTML a portal's CMS writes (the `for` story's article). */
const plainBlocks = (blocks: readonly Block[]): TemplateResult =>
  html`${blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return block.level === 3 ? html`<h4>${block.text}</h4>` : html`<h3>${block.text}</h3>`;
      case 'list':
        return html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
      case 'table':
        return html`<table>
        <tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
      </table>`;
      case 'note':
        return html`<p><strong>${block.title ?? ''}</strong> ${block.text}</p>`;
      default:
        return html`<p>${block.text}</p>`;
    }
  })}`;

const THEME_LABELS = {
  '': '（不设，跟随系统） unset (follows the system)',
  default: '默认 default',
  sepia: '护眼（米黄） sepia',
  dark: '深色 dark',
  'contrast-black': '高对比：黑底黄字 contrast-black',
  'contrast-white': '高对比：白底黑字 contrast-white',
};

const pref = (summary: string, description: string) => ({ description, table: { category: 'attributes', type: { summary } } });

const meta = {
  title: 'Elements/无障碍阅读 zw-reader',
  tags: ['autodocs'],
  id: 'elements-zw-reader',
  component: 'zw-reader',
  render,
  // Page-wide settings live on <html> (src/base/reading.ts): a story must not leave its theme or text size to the next one.
  beforeEach: () => () => publishReading(null),
  parameters: {
    docs: {
      description: {
        component: `**无障碍阅读** 是政策正文的阅读模式，用来替代第三方“无障碍工具条”：不缩放整个页面，不依赖远程服务，只用浏览器标准接口。
工具条可调文字大小（100%–300%）、行距、字距、段距、行宽、字体（黑体、宋体、楷体）和配色（默认、护眼、深色、黑底黄字、白底黑字），可朗读（连读、指读、语速、中文语音，正在读的句子高亮并保持可见），有阅读辅助（阅读尺、十字线、大字幕、大鼠标）、简/繁转换、拼音注音、适老化一键模式、目录和快捷键说明。每项设置也是属性，门户可预设；读者的选择保存在本机（一个带版本号的 localStorage 键，\`no-remember\` 不保存），并通过 \`--zw-text-scale\`、\`--zw-reading-*\` 变量让页面上其他 zw 组件一起变。
内容三选一：\`policy\` 文档（\`data\`、\`src\` 或子元素 JSON 脚本）；放在 \`<zw-reader>\` 里的现有文章 HTML（渐进增强：经 DOMPurify 清洗后重新渲染，脚本不加载时原文照常可读）；或用 \`for="文章 id"\` 不带内容，对页面上的文章起作用。

**Accessible reading** is a reading mode for policy texts that replaces third-party accessibility toolbars: no page zoom, no remote service, standard browser APIs only.
The toolbar sets text size (100%–300%), line height, letter and paragraph spacing, line width, font (黑体, 宋体, 楷体) and colour theme (default, sepia, dark, yellow on black, black on white); reads aloud (continuous, point-to-read, rate, Chinese voice; the sentence being read is highlighted and kept in view); offers reading aids (ruler, crosshair, large caption, large cursor), Simplified/Traditional conversion, pinyin, a one-switch elderly mode, a table of contents and a shortcut help. Each setting is also an attribute a portal can preset; the reader's choices are kept on the device (one versioned localStorage key; \`no-remember\` keeps nothing) and every zw element on the page follows through \`--zw-text-scale\` and \`--zw-reading-*\`.
Content: a \`policy\` document (\`data\`, \`src\` or a child JSON script); existing article HTML inside \`<zw-reader>\` (progressive enhancement: sanitised with DOMPurify and re-rendered; readable as it is when the script never loads); or none, with \`for="<article id>"\` acting on the page's article.

The stories set \`no-remember\`, so one story's choices never reach the next.`,
      },
    },
  },
  argTypes: {
    data: dataArgType(readerDocuments, readerLabels, 'PolicyDocument'),
    ...styleArgTypes,
    'text-scale': { control: { type: 'select' }, options: [undefined, 1, 1.25, 1.5, 1.75, 2, 2.5, 3], ...pref('number', '文字大小倍数 1–3。 Text size factor, 1–3.') },
    'line-height': { control: { type: 'range', min: 1.3, max: 2.5, step: 0.1 }, ...pref('number', '行距 1.3–2.5。 Line height, 1.3–2.5.') },
    'letter-spacing': { control: { type: 'range', min: 0, max: 0.3, step: 0.02 }, ...pref('number', '字距（em）0–0.3。 Letter spacing in em, 0–0.3.') },
    'paragraph-spacing': { control: { type: 'range', min: 1.3, max: 3, step: 0.1 }, ...pref('number', '段距（行距的倍数）1.3–3。 Paragraph spacing, × line height, 1.3–3.') },
    'line-width': { control: { type: 'range', min: 20, max: 80, step: 2 }, ...pref('number', '每行字数 20–80。 Characters per line, 20–80.') },
    font: {
      options: ['', 'default', 'hei', 'song', 'kai'],
      control: { type: 'select', labels: { '': '（不设） unset', default: '默认 default', hei: '黑体 hei', song: '宋体 song', kai: '楷体 kai' } },
      ...pref("'default' | 'hei' | 'song' | 'kai'", '字体。 Font family.'),
    },
    'color-theme': {
      options: Object.keys(THEME_LABELS),
      control: { type: 'select', labels: THEME_LABELS },
      ...pref("'default' | 'sepia' | 'dark' | 'contrast-black' | 'contrast-white'", '配色，整个页面的 zw 组件一起变。 Colour theme; every zw element on the page follows.'),
    },
    elderly: { control: 'boolean', ...pref('boolean', '适老化：大字、宽松间距、高对比、60 px 按钮、聚焦即读。 Elderly mode.') },
    rate: { control: { type: 'range', min: 0.5, max: 2, step: 0.1 }, ...pref('number', '语速 0.5–2。 Speech rate, 0.5–2.') },
    voice: { control: 'text', ...pref('string', '语音的 voiceURI，空为第一个中文语音。 voiceURI, empty for the first Chinese voice.') },
    ruler: { control: 'boolean', ...pref('boolean', '阅读尺（行聚焦）。 Reading ruler (line focus).') },
    crosshair: { control: 'boolean', ...pref('boolean', '十字线。 Crosshair.') },
    caption: { control: 'boolean', ...pref('boolean', '大字幕。 Large caption strip.') },
    'large-cursor': { control: 'boolean', ...pref('boolean', '大鼠标。 Large cursor.') },
    pinyin: { control: 'boolean', ...pref('boolean', '拼音注音。 Pinyin annotation.') },
    script: {
      options: ['', 'original', 'hant'],
      control: { type: 'select', labels: { '': '（不设） unset', original: '原文 original', hant: '繁体 Traditional' } },
      ...pref("'original' | 'hant'", '简/繁。 Simplified (as written) or Traditional.'),
    },
    for: { control: 'text', ...pref('string', '页面上文章元素的 id：不带内容，作用于该文章。 Id of the page’s article to act on (no own content).') },
    'no-remember': { control: 'boolean', ...pref('boolean', '不把读者的选择保存在本机。 Do not store the reader’s choices.') },
    ...sourceArgTypes,
    ...manifestArgTypes,
    textScale: hidden,
    lineHeight: hidden,
    letterSpacing: hidden,
    paragraphSpacing: hidden,
    lineWidth: hidden,
    colorTheme: hidden,
    largeCursor: hidden,
    noRemember: hidden,
    prefs: hidden,
  },
  args: {
    data: 'guangzhou-2021',
    ...defaultArgs,
    'color-theme': '',
    font: '',
    script: '',
    elderly: false,
    ruler: false,
    crosshair: false,
    caption: false,
    'large-cursor': false,
    pinyin: false,
    'no-remember': true,
  },
} satisfies Meta<ReaderArgs>;

export default meta;

// ── States ──────────────────────────────────────────────────────────────────

export const Ready: Story = {
  name: '就绪（样例 003 广州，任务表） Ready (seed 003, Guangzhou, task table)',
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('.content tbody tr').length).toBe(31);
  },
  parameters: describe(
    '广州市商务局《2021年政务公开工作要点分工实施方案》：通知、一二三级标题、段落和 31 行任务表（工作任务、具体要求、责任处室、具体工作、完成时限）。原网页的损坏（“、/td>”“宸/p>”“?021?7号”）原样保留：阅读模式须照样读得清楚。',
    'The Guangzhou Bureau of Commerce’s 2021 disclosure task plan: the notice, headings, paragraphs and the 31-row task table. The damage of the source page (“、/td>”, “宸/p>”, “?021?7号”) is kept as it is: the reading mode must still read well.',
  ),
};

export const ReadyShandong: Story = {
  name: '就绪（样例 000 山东） Ready (seed 000, Shandong)',
  args: { data: 'shandong-2019' },
  parameters: describe(
    '山东省商务厅《2019年政务公开工作实施方案》：一、（一）两级标题、段落、列表（一是、二是、三是）和提示。目录列出各级标题。',
    'The Shandong Department of Commerce’s 2019 disclosure plan: headings at two levels (一、 and (一)), paragraphs, a list and a note. The table of contents lists the headings.',
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
    '数据有误：原文链接为 javascript:，正文中有一个空段落。加了 preview（工作人员预览）：元素以 role="alert" 列出错误，能安全显示的部分照常显示，该链接不会被渲染。',
    'Invalid: a `javascript:` source URL and a blank paragraph. With `preview` (staff preview) the element lists the errors (role="alert"), still shows what is safe to show, and never renders the link.',
  ),
};

export const ErrorPublic: Story = {
  ...errorPublicStory,
  name: '数据有误（读者所见） Error (public)', // literal: the indexer reads names statically
};

export const LoadFailed: Story = {
  name: '加载失败 404（工作人员预览） Load failed 404 (staff preview)',
  ...loadFailedStory('./data/reader-does-not-exist.json', true),
};

export const LoadFailedPublic: Story = {
  name: '加载失败（读者所见，可重试） Load failed (public, retry)',
  ...loadFailedStory('./data/reader-does-not-exist.json', false),
};

export const DamagedSeed003: Story = {
  name: '损坏的真实内容（样例 003，修复并提示） Damaged real content (seed 003, repaired and reported)',
  args: { preview: true },
  render: (args) => page(args, withWarnings('zw-reader', element(args))),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(await listedWarnings(canvasElement)).toBeGreaterThan(0);
    const content = shadow(el, '.content').textContent ?? '';
    await expect(content).not.toContain('/td>');
    await expect(content).not.toContain('/p>');
  },
  parameters: describe(
    '样例 003 的网页原文（“、/td>”“宸/p>”“?ldquo;”“?021?7号”）：阅读器显示和朗读时去掉标签残留、恢复能确定的字（“内宸/p>”→“内容”），丢失的字不猜测；每个受损字段在 zw-load 的 detail.warnings 中提示一次（scrape-damage，本故事列在元素下方），工作人员据此核对原文修正数据。',
    'Seed 003’s page as scraped (“、/td>”, “宸/p>”, “?ldquo;”, “?021?7号”): the reader takes the tag remnants out and restores the characters that can be known (“内宸/p>” → “内容”) when it shows and reads the text, without guessing lost ones; each damaged field is reported once in zw-load’s detail.warnings (scrape-damage, listed under the element by this story) so staff can correct the data against the original.',
  ),
};

export const FromSrc: Story = {
  name: '从 src 加载 From src',
  ...fromSrcStory(readerFiles, readerLabels, 'shandong-2019'),
};

export const LongText: Story = {
  name: '长文本（20 万字） Long text (200,000 characters)',
  args: { data: 'long' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.zw-section').length).toBeGreaterThan(10), { timeout: 10_000 });
  },
  parameters: describe(
    '由样例句子循环生成的 20 万字规章（第一章……第N条）。正文按章分节渲染（content-visibility），不应出现超过 200 毫秒的主线程任务；目录列出各章。',
    'A 200,000-character regulation generated from the seeds’ sentences (第一章 … 第N条). The body renders in sections (content-visibility) with no main-thread task over 200 ms; the table of contents lists the chapters.',
  ),
};

// ── Colour themes ───────────────────────────────────────────────────────────

const themeStory = (theme: NonNullable<ReaderArgs['color-theme']>, zh: string, en: string): Story => ({
  args: { 'color-theme': theme },
  parameters: describe(zh, en),
});

export const ThemeDefault: Story = {
  name: '配色：默认 Theme: default',
  ...themeStory('default', '默认配色：与组件库的浅色方案相同。', 'The default theme: the library’s light tokens.'),
};

export const ThemeSepia: Story = {
  name: '配色：护眼 Theme: sepia',
  ...themeStory('sepia', '护眼（米黄底深褐字），正文对比度不低于 7:1。', 'Sepia (dark brown on cream); body text at least 7:1.'),
};

export const ThemeDark: Story = {
  name: '配色：深色 Theme: dark',
  ...themeStory('dark', '深色配色：页面上其他 zw 组件也切换为深色。', 'The dark theme: the other zw elements on the page switch to dark too.'),
};

export const ThemeContrastBlack: Story = {
  name: '配色：黑底黄字 Theme: yellow on black',
  ...themeStory('contrast-black', '高对比：黑底黄字。', 'High contrast: yellow on black.'),
};

export const ThemeContrastWhite: Story = {
  name: '配色：白底黑字 Theme: black on white',
  ...themeStory('contrast-white', '高对比：白底黑字。', 'High contrast: black on white.'),
};

// ── Text size, elderly mode ─────────────────────────────────────────────────

export const TextScale100: Story = {
  name: '文字 100% Text 100%',
  args: { 'text-scale': 1 },
  parameters: describe('text-scale="1"：正文为页面的基础字号。', '`text-scale="1"`: body text at the page’s base size.'),
};

export const TextScale200: Story = {
  name: '文字 200% Text 200%',
  args: { 'text-scale': 2 },
  parameters: describe(
    'text-scale="2"：文字放大一倍，不重叠、不出现横向滚动（表格在自己的滚动区内）。',
    '`text-scale="2"`: text doubled, no overlap, no horizontal scrolling (the table scrolls in its own region).',
  ),
};

export const TextScale300: Story = {
  name: '文字 300% Text 300%',
  args: { 'text-scale': 3 },
  parameters: describe('text-scale="3"：最大字号。', '`text-scale="3"`: the largest size.'),
};

export const ElderlyDark: Story = {
  name: '适老化（深色） Elderly mode, dark',
  args: { elderly: true, 'color-theme': 'dark', data: 'shandong-2019' },
  parameters: describe(
    'elderly + color-theme="dark"：适老化的大字、宽松间距和 60 px 按钮，配色保持读者选的深色（只有配色为默认时，适老化才换成高对比）。',
    '`elderly` with `color-theme="dark"`: the elderly mode’s large text, spacing and 60 px targets in the dark theme the reader chose (elderly mode switches to high contrast only when the theme is the default).',
  ),
};

export const Elderly: Story = {
  name: '适老化 Elderly mode',
  args: { elderly: true, data: 'shandong-2019' },
  parameters: describe(
    'elderly：一键适老化——文字至少 150%、行距至少 1.8、段距至少 1.5 倍、高对比配色、按钮 60 px、聚焦即读。',
    '`elderly`: one switch for large text (≥ 150%), line height ≥ 1.8, paragraph spacing ≥ 1.5, a high-contrast theme, 60 px targets and read-on-focus.',
  ),
};

export const ElderlyTokens: Story = {
  name: '适老化变量（门户设定） Elderly tokens (portal)',
  args: { ...elderlyTokens, data: 'shandong-2019' },
  parameters: describe(
    '门户通过 --zw-* 变量设定的适老化样式（与其他组件的适老化故事相同），阅读器在此基础上再放大。',
    'The portal’s elderly styling through --zw-* tokens (as in the other elements’ stories); the reader scales on top of it.',
  ),
};

// ── Aids, pinyin, 繁体 ──────────────────────────────────────────────────────

export const Aids: Story = {
  name: '阅读辅助：阅读尺、十字线、大字幕 Aids: ruler, crosshair, caption',
  args: { ruler: true, crosshair: true, caption: true, data: 'shandong-2019' },
  // the aids load on first use (import()): the story is shown once they are drawn
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('.aids-layer .zw-aid-band, .aids-layer .zw-aid-line, .aids-layer .zw-aid-caption').length).toBe(4), {
      timeout: 10_000,
    });
  },
  parameters: describe(
    '阅读尺（只留指针或焦点附近的几行清晰，其余变暗）、十字线和大字幕（以很大的字显示指针或焦点下的句子）。移动指针或按 Tab 看效果；Esc 关闭。',
    'Ruler (dims all but a band of lines at the pointer or focus), crosshair and large caption (the sentence under the pointer or focus in very large type). Move the pointer or Tab to see them; Escape turns them off.',
  ),
};

export const LargeCursor: Story = {
  name: '大鼠标 Large cursor',
  args: { 'large-cursor': true, data: 'shandong-2019' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.aids-layer .zw-aid-cursor')).not.toBeNull(), { timeout: 10_000 });
  },
  parameters: describe('large-cursor：阅读区内显示大号鼠标指针。', '`large-cursor`: a large pointer over the reading area.'),
};

export const Pinyin: Story = {
  name: '拼音 Pinyin',
  args: { pinyin: true, data: 'shandong-2019' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('.content ruby rt')).not.toBeNull(), { timeout: 10_000 });
  },
  parameters: describe(
    'pinyin：汉字上方注拼音（<ruby>）；注音表按需加载，不计入基础包。多音字按政务常用词校正（如“处长”“还款”）。',
    '`pinyin`: pinyin over the Han characters (`<ruby>`); the table loads on demand, outside the base bundle. Polyphones follow an override list of government words (处长, 还款).',
  ),
};

export const Traditional: Story = {
  name: '繁体 Traditional script',
  args: { script: 'hant', data: 'shandong-2019' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await waitFor(() => expect(shadow(el, '.content').textContent).toContain('政務公開'), { timeout: 10_000 });
  },
  parameters: describe(
    'script="hant"：正文转为繁体（按需加载转换表，常见一对多词语已校正）；界面语言不变。',
    '`script="hant"`: the text in Traditional characters (the table loads on demand; common one-to-many words corrected); the UI language stays.',
  ),
};

export const EnglishUi: Story = {
  name: '英文界面 English UI',
  args: { lang: 'en' },
  parameters: describe('外层 lang="en"：工具条为英文；正文保持原文。', 'lang="en" on a wrapper: the toolbar in English; the text stays as written.'),
};

export const TraditionalChinese: Story = {
  name: '繁體界面 Traditional Chinese UI',
  args: { lang: 'zh-Hant' },
  parameters: describe(
    '外层 lang="zh-Hant"：工具条为繁体；正文保持原文（简体，可用“繁”按钮转换）。',
    'lang="zh-Hant" on a wrapper: the toolbar in Traditional Chinese; the text stays as written (Simplified; the 繁 button converts it).',
  ),
};

export const BlueTheme: Story = {
  name: '蓝色主题 Blue theme',
  args: { theme: 'blue', data: 'shandong-2019' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案（工具条按钮和标题）。', 'theme="blue": the blue alternative to the red default (toolbar buttons and headings).'),
};

export const Dark: Story = {
  name: '深色页面 Dark page',
  args: { appearance: 'dark', data: 'shandong-2019' },
  parameters: describe(
    'appearance="dark"，放在深色页面上：组件库的深色方案（与其他组件相同）。阅读器自己的“深色”配色见“配色：深色”。',
    '`appearance="dark"` on a dark page: the library’s dark scheme (as every element). The reader’s own dark theme is in “Theme: dark”.',
  ),
};

// ── Progressive enhancement, page-wide ──────────────────────────────────────

export const ProgressiveEnhancement: Story = {
  name: '渐进增强：页面已有的文章 HTML（含恶意标记） Progressive enhancement (hostile HTML)',
  args: { data: 'none' },
  render: (args) => page(args, element(args, html`${unsafeHTML(hostileArticle)}`)),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    const content = shadow(el, '.content');
    await expect(content.textContent).toContain('推进市场消费信息公开');
    await expect(content.querySelector('script, svg, math, form, iframe, object, embed, style, [style], [onclick], [onerror]')).toBeNull();
    await expect([...content.querySelectorAll('a')].every((a) => !/^\s*javascript:/i.test(a.getAttribute('href') ?? ''))).toBe(true);
  },
  parameters: describe(
    '<zw-reader> 里放的是门户页面已有的文章 HTML（没有 data）：阅读器用 DOMPurify 清洗后在自己的区域重新渲染——脚本、事件属性、javascript: 链接、SVG/MathML、表单和内联样式全部去掉，标题、段落、列表、表格、链接保留。原来的 HTML 留在页面里不动（脚本不加载时照常可读）。注意：这些恶意属性在原 HTML 中本来就会执行，那是门户自己的页面，与阅读器无关；阅读器只保证自己渲染的副本是干净的。',
    'The portal’s existing article HTML inside `<zw-reader>` (no data): the reader sanitises it with DOMPurify and re-renders it in its own area — scripts, handlers, `javascript:` links, SVG/MathML, forms and inline styles removed; headings, paragraphs, lists, tables and links kept. The original HTML stays in the page untouched (readable when the script never loads). Note: the hostile attributes run in the original HTML regardless — that is the portal’s own page; the reader only guarantees that the copy it renders is clean.',
  ),
};

const PAGE_ARTICLE = 'story-article';

/** A portal page: the reader with `for`, a plain article, and a policy card and an interpretation beside it. */
const pageWide = (args: ReaderArgs) =>
  page(
    args,
    html`${element({ ...args, data: undefined, for: args.for || PAGE_ARTICLE })}
      <div class="story-portal" style="display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:24px;align-items:start;margin-top:16px">
        <article id=${args.for || PAGE_ARTICLE} style="max-width:48em">
          <h2>${seed000Policy.title}</h2>
          ${plainBlocks(seed000Policy.body!.slice(0, 16))}
        </article>
        <aside style="display:grid;gap:16px">
          <zw-policy-card layout="compact" heading-level="3" .data=${samples['guangzhou-2021']}></zw-policy-card>
          <zw-interpretation heading-level="3" .data=${seedInterpretation()}></zw-interpretation>
        </aside>
      </div>`,
  );

export const PageWide: Story = {
  name: '整页：for="文章"，卡片和解读一起变 Page-wide: for, with a card and an interpretation',
  args: { data: 'none', for: PAGE_ARTICLE, 'color-theme': 'contrast-black', 'text-scale': 1.5 },
  render: pageWide,
  play: async ({ canvasElement }) => {
    const card = await settled(canvasElement, 'zw-policy-card');
    await waitFor(() => expect(document.documentElement.getAttribute('data-zw-color-theme')).toBe('contrast-black'));
    await waitFor(() => expect(shadow(card, '.zw-root').dataset.scheme).toBe('dark'));
  },
  parameters: describe(
    '替代“无障碍工具条”的用法：<zw-reader for="story-article"> 不带内容，工具条作用于页面上的普通文章（朗读、指读、阅读尺、十字线、大字幕都对它起作用）。文字大小和配色是整页的：旁边的政策卡片和政策解读通过 --zw-text-scale、--zw-reading-* 变量一起变（本故事为 150%、黑底黄字）。',
    'The replacement for a third-party toolbar: `<zw-reader for="story-article">` has no content of its own and acts on the page’s plain article (read aloud, point-to-read, ruler, crosshair, caption). Text size and theme are page-wide: the policy card and interpretation beside it follow through --zw-text-scale and --zw-reading-* (here 150%, yellow on black).',
  ),
};

export const PageWidePhone: Story = {
  name: '整页，手机宽度（375） Page-wide, phone width (375)',
  args: { ...PageWide.args, 'color-theme': 'sepia', 'text-scale': 1.25 },
  globals: viewportGlobals('phone'),
  render: (args) =>
    page(args, phone(375, html`${element({ ...args, data: undefined })}<article id=${args.for || PAGE_ARTICLE}>${plainBlocks(seed000Policy.body!.slice(0, 10))}</article>`)),
  parameters: {
    layout: 'fullscreen',
    ...describe('手机上的整页用法：工具条折叠，文章跟随设置。', 'The page-wide form on a phone: the toolbar folds, the article follows the settings.'),
  },
};

// ── Widths ──────────────────────────────────────────────────────────────────

export const PhoneWidth: Story = {
  name: '手机宽度（375） Phone width (375)',
  globals: viewportGlobals('phone'),
  render: (args) => page(args, phone(375, element(args))),
  parameters: {
    layout: 'fullscreen',
    ...describe(
      '故事本身是 375 px 宽的一栏。工具条折叠，按钮不小于 44 px；任务表在自己的滚动区内横向阅读，页面不横向滚动。',
      'The story itself is a 375 px column. The toolbar folds, targets stay at least 44 px; the task table scrolls in its own region, the page never scrolls sideways.',
    ),
  },
};

export const Reflow320At200: Story = {
  name: '320 px、文字 200%（重排） 320 px at 200% (reflow)',
  args: { 'text-scale': 2 },
  globals: viewportGlobals('phone'),
  render: (args) => page(args, phone(320, element(args))),
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth + 1);
  },
  parameters: {
    layout: 'fullscreen',
    ...describe('WCAG 1.4.10：320 px 宽、文字 200% 时不重叠、没有横向滚动。', 'WCAG 1.4.10: at 320 px with text at 200%, nothing overlaps and nothing scrolls sideways.'),
  },
};
