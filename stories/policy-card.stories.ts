import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import '../src/components/policy-card/policy-card.js';
import { documentLabels, documents, inlineJson, sampleFiles, samples } from './fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyDarkStory,
  elderlyStory,
  emptyStory,
  highContrastStory,
  listedWarnings,
  settled,
  withWarnings,
  fromSrcStory,
  loadingStory,
  loadFailedStory,
  manifestArgTypes,
  page,
  phone,
  sourceArgTypes,
  styleArgTypes,
  type ElementArgs,
  errorPublicStory,
} from './shared.js';

/** Story args: the shared ones (`data` is a key of ./fixtures.ts) and the card's `layout`. */
interface CardArgs extends ElementArgs {
  layout?: 'full' | 'compact';
}

type Story = StoryObj<CardArgs>;

/** One card, every attribute from the args. */
const card = (args: CardArgs) => html`<zw-policy-card
  layout=${args.layout ?? 'full'}
  theme=${args.theme || nothing}
  appearance=${args.appearance || nothing}
  ?preview=${args.preview}
  heading-level=${args['heading-level'] ?? nothing}
  src=${args.src || nothing}
  timeout=${args.timeout ?? nothing}
  .data=${args.data}
  @zw-load=${args.onZwLoad}
  @zw-error=${args.onZwError}
></zw-policy-card>`;

const render = (args: CardArgs) => page(args, card(args));

const meta = {
  title: 'Elements/政策卡片 zw-policy-card',
  tags: ['autodocs'],
  id: 'elements-zw-policy-card',
  component: 'zw-policy-card',
  render,
  parameters: {
    docs: {
      description: {
        component: `**政策卡片** 展示一份政策文件：标题、发布机构、发文字号、成文/发布/生效日期、有效性标识（有效、已修订、已废止、已失效）、内容概述、政策要点、原文/解读/图解链接和附件。
\`layout="full"\`（默认）显示全部字段，\`layout="compact"\` 用作列表中的一项。数据三选一：\`data\` 属性、\`src\` 地址，或子元素 \`<script type="application/json">\`（CMS 模板直接写入，无需脚本）。
数据有误时，门户上的读者只看到一句简短、礼貌的提示（加载失败时有“重试”按钮）；加上 \`preview\` 属性（工作人员预览，如演示页和本 Storybook 的“工作人员预览”故事），卡片内以 role="alert" 列出每处错误（字段路径和中文说明）。可安全显示的部分照常显示，不影响页面其他内容。外观默认浅色，\`appearance="auto"\` 跟随读者系统，\`appearance="dark"\` 始终深色。界面语言跟随最近的 \`lang\` 属性（zh-CN、zh-Hant、en）；主题通过 \`--zw-*\` CSS 变量和 \`::part()\` 调整，\`theme="blue"\` 为蓝色方案。

**Policy card** shows one policy document: title, issuing body, document number, dates, a validity badge (effective, amended, abolished, expired), summary, key points, links to the original, interpretation and infographic, and attachments.
\`layout="full"\` (default) shows every field; \`layout="compact"\` is one item of a list. Data comes from the \`data\` property, the \`src\` URL, or a child \`<script type="application/json">\` (what a static CMS template writes, no script of its own needed).
On invalid data the public sees a short, polite message (with a 重试 retry button when loading failed); with the \`preview\` attribute (staff preview: the demo page and this Storybook's “staff preview” stories) the card lists every issue (role="alert", with the field path and a localised message). Parts that are safe to show still render, and the page around it is never broken. Light by default; \`appearance="auto"\` follows the reader's system, \`appearance="dark"\` forces dark. The UI language follows the nearest \`lang\` attribute (zh-CN, zh-Hant, en); theme through \`--zw-*\` custom properties and \`::part()\`, \`theme="blue"\` for the blue scheme.`,
      },
    },
  },
  argTypes: {
    data: dataArgType(documents, documentLabels, 'PolicyDocument'),
    layout: { options: ['full', 'compact'], control: { type: 'inline-radio' } },
    ...styleArgTypes,
    ...sourceArgTypes,
    ...manifestArgTypes,
  },
  args: {
    data: 'jinan-2020',
    layout: 'full',
    ...defaultArgs,
  },
} satisfies Meta<CardArgs>;

export default meta;

export const Ready: Story = {
  name: '就绪（完整） Ready',
  parameters: describe(
    '完整布局。用 data 控件切换五份真实样例（山东、济南、安徽、广州、山西）及各变体。',
    'Full layout. Switch between the five real sample documents (and the variants) with the data control.',
  ),
};

export const Compact: Story = {
  name: '紧凑 Compact',
  args: { layout: 'compact', data: 'guangzhou-2021' },
  parameters: describe('紧凑布局：标题、有效性、发布机构、发文字号、发布日期。', 'Compact layout: title, validity, issuer, document number, publish date.'),
};

const LIST_HEADINGS = { 'zh-CN': '最新政策文件', en: 'Latest policy documents', 'zh-Hant': '最新政策文件' } as const;

export const CompactList: Story = {
  name: '紧凑列表 Compact list',
  args: { layout: 'compact', 'heading-level': 3 },
  argTypes: { data: { table: { disable: true } }, src: { table: { disable: true } } },
  render: (args) =>
    page(
      args,
      html`<h2 style="font-size:1.25rem;margin:0 0 12px">${LIST_HEADINGS[args.lang ?? 'zh-CN']}</h2>
        <ul style="list-style:none;margin:0;padding:0;display:grid;gap:12px">
          ${Object.values(samples).map((doc) => html`<li>${card({ ...args, data: doc })}</li>`)}
        </ul>`,
    ),
  parameters: describe('五张紧凑卡片放在 <ul role="list"> 中，标题级别 3（列表上方有 h2）。', 'Five compact cards in a <ul role="list">, titles at heading level 3 under an h2.'),
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
    '发布日期 2020-09-31 不存在（必填项，无法省略），原文链接为 javascript:：只显示错误列表（role="alert"），链接不会被渲染。',
    'The publish date 2020-09-31 does not exist (required, so nothing can be shown) and the link is `javascript:`: only the error list (role="alert") is shown, the link is never rendered.',
  ),
};

export const ErrorPublic: Story = {
  ...errorPublicStory,
  name: '数据有误（读者所见） Error (public)', // literal: the indexer reads names statically
};

export const Partial: Story = {
  name: '部分有误（工作人员预览） Partial (staff preview)',
  args: { data: 'partial', preview: true },
  parameters: describe(
    '可选字段有误（生效日期 2021-06-31、解读链接 javascript:）：列出错误，其余内容照常显示。',
    'Invalid optional fields (effective date 2021-06-31, a `javascript:` interpretation link): the errors are listed and the rest is still shown.',
  ),
};

export const PartialPublic: Story = {
  name: '部分有误（读者所见） Partial (public)',
  args: { data: 'partial', preview: false },
  parameters: describe(
    '同一份部分有误的数据，不加 preview（门户上读者所见）：能确认无误的内容照常显示，不列出错误详情。',
    'The same partly invalid data without `preview` (what the public sees): what is safe to show is shown, without the detailed issue list.',
  ),
};

export const Abolished: Story = {
  name: '已废止（含现行文件） Abolished',
  args: { data: 'abolished' },
  parameters: describe('已废止：横幅说明废止日期，并链接到现行文件。', 'Abolished: the banner gives the date and links the document now in force.'),
};

export const Expired: Story = {
  name: '已失效 Expired',
  args: { data: 'expired' },
  parameters: describe('已失效：年度工作要点在年底失效。', 'Expired: a yearly work plan that ran out at the end of the year.'),
};

export const Amended: Story = {
  name: '已修订 Amended',
  args: { data: 'amended' },
  parameters: describe('已修订：横幅提示以修订后的文件为准，并链接修订文件。', 'Amended: the banner points to the amending document.'),
};

export const AmendingDocument: Story = {
  name: '修订文件 Amending document',
  args: { data: 'amending' },
  parameters: describe('修订文件本身：列出它废止或修订的旧文件。', 'The amending document itself: lists the documents it abolishes or amends.'),
};

export const AttachmentsAndLinks: Story = {
  name: '附件与链接 Attachments and links',
  args: { data: 'attachments' },
  parameters: describe(
    '原文、政策解读、图解链接，以及 PDF、XLSX、OFD 附件（含格式和大小）。',
    'Original, interpretation and infographic links; PDF, XLSX and OFD attachments with format and size.',
  ),
};

export const LongContent: Story = {
  name: '超长内容 Long content',
  args: { data: 'long' },
  parameters: describe(
    '超长标题、联合发文机构、发文字号、概述、要点、关键词和无空格的附件名：不应溢出。可切换到手机视口查看。',
    'Very long title, joint issuers, document number, summary, key points, keywords and an unbroken file name: nothing may overflow. Try the phone viewport.',
  ),
};

export const English: Story = {
  name: '英文界面 English UI',
  args: { lang: 'en', data: 'attachments' },
  parameters: describe(
    '外层 lang="en"：界面文字、日期和文件大小为英文；文档内容保持原文。',
    'lang="en" on a wrapper: UI text, dates and file sizes in English; the document’s own text stays as written.',
  ),
};

export const TraditionalChinese: Story = {
  name: '繁體界面 Traditional Chinese UI',
  args: { lang: 'zh-Hant', data: 'attachments' },
  parameters: describe('外层 lang="zh-Hant"：界面文字为繁体。', 'lang="zh-Hant" on a wrapper: UI text in Traditional Chinese.'),
};

export const BlueTheme: Story = {
  name: '蓝色主题 Blue theme',
  args: { theme: 'blue', data: 'shandong-2019' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案。', 'theme="blue": the blue alternative to the red default.'),
};

export const Dark: Story = {
  name: '深色 Dark',
  args: { appearance: 'dark', data: 'abolished' },
  parameters: describe(
    'appearance="dark"，放在深色页面上：深色方案。默认是浅色（读者系统为深色时也是），appearance="auto" 跟随读者系统。',
    '`appearance="dark"` on a dark page: the dark scheme. Light is the default (also when the reader’s system is dark); `appearance="auto"` follows the system.',
  ),
};

export const PhoneWidth: Story = {
  name: '手机宽度（320） Phone width (320)',
  args: { data: 'long' },
  render: (args) => page(args, phone(320, card(args))),
  parameters: describe(
    '故事本身是 320 px 宽的一栏（虚线框），在文档页、单独的画布和任何视口中都一样：超长内容不应溢出。',
    'The story itself is a 320 px column (dashed outline), the same on the docs page, the canvas alone and in any viewport: the long content must not overflow.',
  ),
};

export const ElderlyMode: Story = {
  name: '适老化 Elderly mode',
  ...elderlyStory,
  args: { ...elderlyStory.args, data: 'abolished' },
};

export const ElderlyDark: Story = {
  name: '适老化（深色） Elderly mode, dark',
  ...elderlyDarkStory,
  args: { ...elderlyDarkStory.args, data: 'abolished' },
};

export const HighContrast: Story = {
  name: '高对比（黑底黄字） High contrast',
  ...highContrastStory,
  args: { ...highContrastStory.args, data: 'attachments' },
};

export const DamagedSeed003: Story = {
  name: '损坏的真实内容（样例 003） Damaged real content (seed 003)',
  args: { data: 'damaged', preview: true },
  render: (args) => page(args, withWarnings('zw-policy-card', card(args))),
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 'zw-policy-card');
    await expect(await listedWarnings(canvasElement)).toBe(4);
  },
  parameters: describe(
    '广州市商务局 2021 分工实施方案的网页原文（样例 003）：抓取时转码出错，标签残留在文字里（概述末尾“风险、/div>”，要点末尾“工作、/td>”）。卡片照原样显示，数据仍然有效；每个受损字段在 zw-load 的 detail.warnings 中提示一次（scrape-damage，本故事列在卡片下方），工作人员据此核对原文后修正。<zw-reader> 显示和朗读时会修复这些残留。',
    'The Guangzhou Bureau of Commerce’s 2021 plan as scraped (seed 003): a broken encoding conversion left tag remnants in the text (“风险、/div>” ending the summary, “工作、/td>” ending the key points). The card shows the text as written and the data stays valid; each damaged field is reported once in zw-load’s detail.warnings (scrape-damage, listed under the card by this story), so staff can correct it against the original. <zw-reader> repairs the remnants when it shows and reads the text.',
  ),
};

export const InlineJson: Story = {
  name: '内嵌 JSON Inline JSON script',
  args: { data: 'shandong-2019' },
  argTypes: { src: { table: { disable: true } }, timeout: { table: { disable: true } } },
  render: (args) => {
    const attributes = [
      `layout="${args.layout ?? 'full'}"`,
      args.theme ? `theme="${args.theme}"` : '',
      args.appearance ? `appearance="${args.appearance}"` : '',
      args.preview ? 'preview' : '',
      args['heading-level'] ? `heading-level="${Number(args['heading-level'])}"` : '',
    ].filter(Boolean);
    // The markup a CMS template writes into a static page; the browser parses it as HTML.
    const markup = `<zw-policy-card ${attributes.join(' ')}>\n<script type="application/json">\n${inlineJson(args.data)}\n</script>\n</zw-policy-card>`;
    return page(args, html`${unsafeHTML(markup)}`);
  },
  parameters: describe(
    'CMS 模板的写法：<zw-policy-card> 内放 <script type="application/json">，页面无需任何脚本传数据。',
    'The CMS template way: a <script type="application/json"> inside <zw-policy-card>; the page needs no script to pass the data.',
  ),
};

export const FromSrc: Story = {
  name: '通过 src 加载 From src',
  ...fromSrcStory(sampleFiles, documentLabels, 'anhui-2017'),
};

export const LoadFailed: Story = {
  name: '加载失败 404（工作人员预览） Load failed 404 (staff preview)',
  ...loadFailedStory('./data/policy-does-not-exist.json', true),
};

export const LoadFailedPublic: Story = {
  name: '加载失败（读者所见，可重试） Load failed (public, retry)',
  ...loadFailedStory('./data/policy-does-not-exist.json', false),
};
