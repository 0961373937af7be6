import { html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/policy-card/policy-card.js';
import { documentLabels, documents, inlineJson, sampleFiles, samples } from './fixtures.js';
import {
  dataArgType,
  defaultArgs,
  describe,
  elderlyTokens,
  emptyStory,
  fromSrcStory,
  loadingStory,
  manifestArgTypes,
  page,
  sourceArgTypes,
  styleArgTypes,
  type ElementArgs,
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
数据有误时，卡片内以 role="alert" 列出每处错误（字段路径和中文说明），可安全显示的部分照常显示，不影响页面其他内容。界面语言跟随最近的 \`lang\` 属性（zh-CN、zh-Hant、en）；主题通过 \`--zw-*\` CSS 变量和 \`::part()\` 调整，\`theme="blue"\` 为蓝色方案。

**Policy card** shows one policy document: title, issuing body, document number, dates, a validity badge (effective, amended, abolished, expired), summary, key points, links to the original, interpretation and infographic, and attachments.
\`layout="full"\` (default) shows every field; \`layout="compact"\` is one item of a list. Data comes from the \`data\` property, the \`src\` URL, or a child \`<script type="application/json">\` (what a static CMS template writes, no script of its own needed).
Invalid data is listed inside the card (role="alert", with the field path and a localised message); parts that are safe to show still render, and the page around it is never broken. The UI language follows the nearest \`lang\` attribute (zh-CN, zh-Hant, en); theme through \`--zw-*\` custom properties and \`::part()\`, \`theme="blue"\` for the blue scheme.`,
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
  name: 'Ready 就绪（完整）',
  parameters: describe(
    '完整布局。用 data 控件切换五份真实样例（山东、济南、安徽、广州、山西）及各变体。',
    'Full layout. Switch between the five real sample documents (and the variants) with the data control.',
  ),
};

export const Compact: Story = {
  name: 'Compact 紧凑',
  args: { layout: 'compact', data: 'guangzhou-2021' },
  parameters: describe('紧凑布局：标题、有效性、发布机构、发文字号、发布日期。', 'Compact layout: title, validity, issuer, document number, publish date.'),
};

const LIST_HEADINGS = { 'zh-CN': '最新政策文件', en: 'Latest policy documents', 'zh-Hant': '最新政策文件' } as const;

export const CompactList: Story = {
  name: 'Compact list 紧凑列表',
  args: { layout: 'compact', 'heading-level': 3 },
  argTypes: { data: { table: { disable: true } }, src: { table: { disable: true } } },
  render: (args) =>
    page(
      args,
      html`<h2 style="font-size:1.25rem;margin:0 0 12px">${LIST_HEADINGS[args.lang ?? 'zh-CN']}</h2>
        <ul role="list" style="list-style:none;margin:0;padding:0;display:grid;gap:12px">
          ${Object.values(samples).map((doc) => html`<li>${card({ ...args, data: doc })}</li>`)}
        </ul>`,
    ),
  parameters: describe(
    '五张紧凑卡片放在 <ul role="list"> 中，标题级别 3（列表上方有 h2）。',
    'Five compact cards in a <ul role="list">, titles at heading level 3 under an h2.',
  ),
};

export const Loading: Story = {
  name: 'Loading 加载中',
  ...loadingStory,
};

export const Empty: Story = {
  name: 'Empty 无数据',
  ...emptyStory,
};

export const ErrorState: Story = {
  name: 'Error 数据有误',
  args: { data: 'invalid' },
  parameters: describe(
    '发布日期 2020-09-31 不存在（必填项，无法省略），原文链接为 javascript:：只显示错误列表（role="alert"），链接不会被渲染。',
    'The publish date 2020-09-31 does not exist (required, so nothing can be shown) and the link is `javascript:`: only the error list (role="alert") is shown, the link is never rendered.',
  ),
};

export const Partial: Story = {
  name: 'Partial 部分有误',
  args: { data: 'partial' },
  parameters: describe(
    '可选字段有误（生效日期 2021-06-31、解读链接 javascript:）：列出错误，其余内容照常显示。',
    'Invalid optional fields (effective date 2021-06-31, a `javascript:` interpretation link): the errors are listed and the rest is still shown.',
  ),
};

export const Abolished: Story = {
  name: 'Abolished 已废止（含现行文件）',
  args: { data: 'abolished' },
  parameters: describe('已废止：横幅说明废止日期，并链接到现行文件。', 'Abolished: the banner gives the date and links the document now in force.'),
};

export const Expired: Story = {
  name: 'Expired 已失效',
  args: { data: 'expired' },
  parameters: describe('已失效：年度工作要点在年底失效。', 'Expired: a yearly work plan that ran out at the end of the year.'),
};

export const Amended: Story = {
  name: 'Amended 已修订',
  args: { data: 'amended' },
  parameters: describe('已修订：横幅提示以修订后的文件为准，并链接修订文件。', 'Amended: the banner points to the amending document.'),
};

export const AmendingDocument: Story = {
  name: 'Amending document 修订文件',
  args: { data: 'amending' },
  parameters: describe('修订文件本身：列出它废止或修订的旧文件。', 'The amending document itself: lists the documents it abolishes or amends.'),
};

export const AttachmentsAndLinks: Story = {
  name: 'Attachments and links 附件与链接',
  args: { data: 'attachments' },
  parameters: describe('原文、政策解读、图解链接，以及 PDF、XLSX、OFD 附件（含格式和大小）。', 'Original, interpretation and infographic links; PDF, XLSX and OFD attachments with format and size.'),
};

export const LongContent: Story = {
  name: 'Long content 超长内容',
  args: { data: 'long' },
  parameters: describe(
    '超长标题、联合发文机构、发文字号、概述、要点、关键词和无空格的附件名：不应溢出。可切换到手机视口查看。',
    'Very long title, joint issuers, document number, summary, key points, keywords and an unbroken file name: nothing may overflow. Try the phone viewport.',
  ),
};

export const English: Story = {
  name: 'English UI 英文界面',
  args: { lang: 'en', data: 'attachments' },
  parameters: describe('外层 lang="en"：界面文字、日期和文件大小为英文；文档内容保持原文。', 'lang="en" on a wrapper: UI text, dates and file sizes in English; the document’s own text stays as written.'),
};

export const TraditionalChinese: Story = {
  name: 'Traditional Chinese UI 繁體界面',
  args: { lang: 'zh-Hant', data: 'attachments' },
  parameters: describe('外层 lang="zh-Hant"：界面文字为繁体。', 'lang="zh-Hant" on a wrapper: UI text in Traditional Chinese.'),
};

export const BlueTheme: Story = {
  name: 'Blue theme 蓝色主题',
  args: { theme: 'blue', data: 'shandong-2019' },
  parameters: describe('theme="blue"：党政红默认方案之外的蓝色方案。', 'theme="blue": the blue alternative to the red default.'),
};

export const HighContrast: Story = {
  name: 'High contrast 适老化',
  args: {
    data: 'abolished',
    ...elderlyTokens,
  },
  parameters: describe(
    '适老化：--zw-font-size: 20px，更深的文字、边框和链接颜色（均通过 --zw-* 变量设置，可在控件中调整）。',
    'Elderly mode: --zw-font-size: 20px and stronger text, border and link colours, all through --zw-* custom properties (editable in the controls).',
  ),
};

export const InlineJson: Story = {
  name: 'Inline JSON script 内嵌 JSON',
  args: { data: 'shandong-2019' },
  argTypes: { src: { table: { disable: true } }, timeout: { table: { disable: true } } },
  render: (args) => {
    const attributes = [
      `layout="${args.layout ?? 'full'}"`,
      args.theme ? `theme="${args.theme}"` : '',
      args.appearance ? `appearance="${args.appearance}"` : '',
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
  name: 'From src 通过 src 加载',
  ...fromSrcStory(sampleFiles, documentLabels, 'anhui-2017'),
};

export const LoadFailed: Story = {
  name: 'Load failed 加载失败（404）',
  args: { data: 'none', src: './data/policy-does-not-exist.json' },
  parameters: describe('src 地址返回 404：错误状态说明服务器的响应。', 'The src URL answers 404: the error state reports the server’s answer.'),
};
