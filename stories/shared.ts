/**
 * What the stories of every zw-* element share: the common args and controls,
 * the page wrapper (lang and `--zw-*` tokens), the stories every element has
 * (Loading, Empty, From src) with the `fetch` that never answers, and the
 * play-function helpers.
 *
 * Each element's story file keeps what is its own: the meta (title, id, tags and
 * component must stay literal there, Storybook's indexer reads them statically),
 * the element's template, its own controls, and every story's `name`.
 */
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { ArgTypes, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { ZwLoadEvent } from '../src/base/events.js';
import type { ElementState } from '../src/base/zw-element.js';
import { READER_THEMES, type ColorTheme } from '../src/core/reader/themes.js';

/** One control's definition (an entry of `argTypes`). */
type InputType = NonNullable<ArgTypes[string]>;

// ── Args ────────────────────────────────────────────────────────────────────

/** The UI languages a story can put on the wrapper. */
export type UiLang = 'zh-CN' | 'en' | 'zh-Hant';

/**
 * Story args every element has: its common attributes, the `data` property, the
 * `zw-load`/`zw-error` actions, the wrapper's `lang`, and `--zw-*` tokens set on
 * the wrapper. An element's story file extends it with its own attributes.
 */
export interface ElementArgs {
  /** Key of a document in the element's fixtures (mapped to the object by the `data` select). */
  data?: unknown;
  theme?: '' | 'blue';
  /** `light` is the default (even when the reader's system is dark); `auto` follows the system; `dark` forces it. */
  appearance?: '' | 'light' | 'auto' | 'dark';
  /** Staff preview: the detailed issue list instead of the public's short message. */
  preview?: boolean;
  'heading-level'?: number;
  lang?: UiLang;
  src?: string;
  timeout?: number;
  onZwLoad?: (event: Event) => void;
  onZwError?: (event: Event) => void;
  [token: `--zw-${string}`]: string | undefined;
  /** Manifest entries hidden from the controls. */
  headingLevel?: never;
  state?: never;
  source?: never;
}

/** The meta's args every element starts from (after its `data` and own attributes). */
export const defaultArgs = {
  theme: '',
  appearance: '',
  preview: false,
  'heading-level': 2,
  lang: 'zh-CN',
} satisfies ElementArgs;

/** 适老化 (elderly mode): larger text and stronger colours, all through `--zw-*` tokens. */
export const elderlyTokens = {
  '--zw-font-size': '20px',
  '--zw-space': '20px',
  '--zw-color-text': '#000000',
  '--zw-color-muted': '#1a1a1a',
  '--zw-color-border': '#000000',
  '--zw-color-primary': '#8c0000',
  '--zw-color-link': '#00307a',
  '--zw-color-subtle': '#fff6d6',
  '--zw-color-focus': '#000000',
} satisfies ElementArgs;

/**
 * A reading colour theme of `<zw-reader>` as the `--zw-reading-*` tokens (and `--zw-reading-scheme`) a portal may set in its
 * own CSS (src/base/reading.ts): on the story's wrapper they apply to the elements inside it only, in the light and the dark
 * scheme alike — the same colours the reader publishes page-wide (the toolbar's 配色 switch does that for every story).
 */
export const readingTokens = (theme: Exclude<ColorTheme, 'default'>) => {
  const { scheme, markText, ...colours } = READER_THEMES[theme];
  const entries = Object.entries({ ...colours, 'mark-text': markText }).map(([name, value]) => [`--zw-reading-${name}`, value]);
  return { ...(Object.fromEntries(entries) as Record<`--zw-reading-${string}`, string>), '--zw-reading-scheme': scheme } satisfies ElementArgs;
};

/** 高对比 (high contrast): the reader's 黑底黄字 theme (yellow on black, body text ≥ 7:1), through `--zw-reading-*` tokens. */
export const highContrastTokens = readingTokens('contrast-black');

// ── Controls ────────────────────────────────────────────────────────────────

/** The `data` select: pick one of the element's `documents` (a sample or a variant) by its key. */
export const dataArgType = (
  documents: Record<string, unknown>,
  labels: Record<string, string>,
  summary: string,
  description = '文档对象（property）。此处从样例与变体中选择。 The document object (property); pick a sample or variant here.',
): InputType => ({
  name: 'data',
  description,
  options: Object.keys(documents),
  mapping: documents,
  control: { type: 'select', labels },
  table: { category: 'properties', type: { summary } },
});

/**
 * `theme`, `appearance`, `preview` and `heading-level`. Kept apart from `sourceArgTypes` so
 * that an element's own attribute can go between the two, where the controls
 * panel lists it (after heading-level, before src).
 */
export const styleArgTypes = {
  theme: {
    options: ['', 'blue'],
    control: { type: 'select', labels: { '': '党政红（默认） red (default)', blue: '蓝色 blue' } },
  },
  appearance: {
    description:
      '外观：默认浅色（读者系统为深色时也是浅色，与门户页面一致）；auto 跟随读者系统；dark 始终深色。 Appearance: light by default (also when the reader’s system is dark, to match the portal page); `auto` follows the system; `dark` forces it.',
    options: ['', 'light', 'auto', 'dark'],
    control: { type: 'select', labels: { '': '默认（浅色） default (light)', light: '浅色 light', auto: '跟随系统 auto', dark: '深色 dark' } },
    table: { category: 'attributes', type: { summary: "'light' | 'auto' | 'dark'" }, defaultValue: { summary: 'light' } },
  },
  preview: {
    description:
      '工作人员预览：数据有误时在元素内显示详细的错误列表（字段路径和说明）。不加时，门户上的读者只看到一句简短、礼貌的提示。 Staff preview: invalid data shows the detailed issue list (paths and messages) inside the element. Without it, the public sees a short, polite message.',
    control: 'boolean',
    table: { category: 'attributes', type: { summary: 'boolean' }, defaultValue: { summary: 'false' } },
  },
  'heading-level': { control: { type: 'number', min: 1, max: 6, step: 1 } },
} satisfies Record<string, InputType>;

/** `src`, the wrapper's `lang` and `timeout`, in the order the controls panel lists them. */
export const sourceArgTypes = {
  src: { control: 'text' },
  lang: {
    name: 'lang (wrapper)',
    description: '外层元素的 lang：界面语言跟随最近的 lang。 The wrapper’s lang: the UI follows the nearest lang.',
    options: ['zh-CN', 'en', 'zh-Hant'],
    control: { type: 'inline-radio', labels: { 'zh-CN': '简体 zh-CN', en: 'English', 'zh-Hant': '繁體 zh-Hant' } },
    table: { category: 'page' },
  },
  timeout: {
    description: '等待 src 的毫秒数。 Milliseconds to wait for `src`.',
    control: { type: 'number', min: 0, step: 1000 },
    table: { category: 'properties', defaultValue: { summary: '15000' } },
  },
} satisfies Record<string, InputType>;

/** Hides a manifest entry from the controls and the table. */
export const hidden = { table: { disable: true } } satisfies InputType;

/** The manifest lists these too; they are outputs or duplicates, not inputs a designer sets. */
export const manifestArgTypes = {
  headingLevel: hidden,
  state: { control: false, description: '当前状态（只读，反映到属性，供 CSS 使用）。 Current state (set by the element, reflected for CSS).' },
  source: hidden,
} satisfies Record<string, InputType>;

// ── Page and descriptions ───────────────────────────────────────────────────

/** The `--zw-*` args that have a value, as inline style for the wrapper (they inherit into the shadow root). */
export const tokens = (args: ElementArgs) =>
  Object.fromEntries(Object.entries(args).filter(([key, value]) => key.startsWith('--zw-') && typeof value === 'string' && value !== '')) as Record<string, string>;

/**
 * The page around the element: the nearest `lang` and the theme tokens. With `appearance="dark"` the page
 * is dark too, as on a dark portal page (styles in .storybook/preview-head.html).
 */
export const page = (args: ElementArgs, content: TemplateResult) => {
  const style = tokens(args);
  // With reading tokens (high contrast) the page around the element takes the theme's colours too, as a portal page would.
  const reading = style['--zw-reading-surface'] ? { 'background-color': 'var(--zw-reading-surface)', color: 'var(--zw-reading-text)', padding: '24px' } : {};
  const dark = args.appearance === 'dark' || style['--zw-reading-scheme'] === 'dark';
  return html`<div class="story-page ${dark ? 'story-page-dark' : ''}" lang=${args.lang ?? 'zh-CN'} style=${styleMap({ ...style, ...reading })}>
    ${content}
  </div>`;
};

/** A phone-wide column inside the story itself, so the story is narrow wherever it renders (docs page, iframe, any viewport). */
export const phone = (width: 320 | 375, content: TemplateResult) => html`<div class="story-phone" data-width=${width} style=${styleMap({ width: `${width}px` })}>${content}</div>`;

/** Markdown (the docs) reads `<zw-policy-card>` as HTML and swallows it: tags outside backticks become code. */
export const codeInMarkdown = (text: string) =>
  text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 ? part : part.replace(/<\/?[a-z][\w-]*(?:\s[^<>]*)?>/gi, (tag) => `\`${tag}\``)))
    .join('');

/** A story's description in the docs, in Chinese and English; HTML tags in it are shown as code. */
export const describe = (zh: string, en: string) => ({ docs: { description: { story: `${codeInMarkdown(zh)}\n\n${codeInMarkdown(en)}` } } });

/** Story globals that open the story in one of the preview's viewports (`phone`, or one the story's parameters add). */
export const viewportGlobals = (value: string) => ({ viewport: { value, isRotated: false } });

// ── Loading: a request that never answers ──────────────────────────────────

/** A URL the Loading story's fetch never answers (see `holdFetch`). */
export const PENDING_URL = './data/__zw-story-pending__.json';

/**
 * Makes `fetch(url)` wait forever (until aborted, like a stalled network), so
 * the element stays in its loading state. Every other request goes through.
 * Returns the function that puts the original `fetch` back.
 */
export function holdFetch(url: string): () => void {
  const original = window.fetch;
  const held = new URL(url, location.href).href;
  const wrapped: typeof fetch = function (this: unknown, input, init) {
    const target = input instanceof Request ? input.url : String(input);
    if (new URL(target, location.href).href !== held) return original.call(this ?? window, input, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return new Promise<Response>((_resolve, reject) => {
      const abort = () => reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort, { once: true });
    });
  };
  window.fetch = wrapped;
  return () => {
    if (window.fetch === wrapped) window.fetch = original;
  };
}

// ── Stories every element has ───────────────────────────────────────────────
// Spread into a story next to its literal `name` (the indexer reads names statically).

/** Loading: `src` that never answers, so the skeleton stays. */
export const loadingStory = {
  args: { data: 'none', src: PENDING_URL, timeout: 86_400_000 },
  // Only in this story: requests to PENDING_URL never answer (until aborted), so
  // the element stays in its loading state. Storybook runs the returned cleanup
  // when the story changes or re-renders, which restores window.fetch.
  beforeEach: () => holdFetch(PENDING_URL),
  parameters: describe(
    '元素在等待 src 的响应时显示骨架屏（role="status"，aria-busy）。本故事中对该地址的请求永不返回。',
    'The skeleton shown while `src` loads (role="status", aria-busy). In this story the request to that URL never answers.',
  ),
} satisfies StoryObj<ElementArgs>;

/**
 * The same invalid data as the staff-preview error story, without `preview`: what the public sees.
 * Storybook's indexer reads story names statically, so a story spreading this repeats the literal name after it.
 */
export const errorPublicStory = {
  name: '数据有误（读者所见） Error (public)',
  args: { data: 'invalid', preview: false },
  parameters: describe(
    '同一份有误的数据，不加 preview（门户上读者所见）：只有一句简短、礼貌的提示，没有字段路径和技术说明。',
    'The same invalid data without `preview` (what the public sees on the portal): a short, polite message, no field paths or technical details.',
  ),
} satisfies StoryObj<ElementArgs>;

/** Empty: no data, no src, no JSON script. */
export const emptyStory = {
  args: { data: 'none' },
  parameters: describe('没有 data、src 或 JSON 脚本时的空状态。', 'The empty state: no data, no src, no JSON script.'),
} satisfies StoryObj<ElementArgs>;

/** From src: `src` set to `files[key]` (a sample file Storybook serves), with a select of all `files` labelled by `labels`. */
export const fromSrcStory = <K extends string>(files: Record<K, string>, labels: Record<string, string>, key: K) =>
  ({
    args: { data: 'none', src: files[key] },
    argTypes: {
      src: {
        options: Object.values(files),
        control: { type: 'select', labels: Object.fromEntries(Object.entries<string>(files).map(([name, file]) => [file, labels[name]])) },
      },
    },
    parameters: describe(
      'src 指向 Storybook 提供的 JSON 文件（demo/data 映射到 ./data/）。data 须为“无数据”，否则 data 优先。',
      'src points to a JSON file served by Storybook (demo/data served at ./data/). Leave data at “none”: data takes precedence over src.',
    ),
  }) satisfies StoryObj<ElementArgs>;

/** Load failed: `src` answers 404. `preview` decides what shows: the detailed issue, or the public's short message with 重试. */
export const loadFailedStory = (src: string, preview: boolean) =>
  ({
    args: { data: 'none', src, preview },
    parameters: preview
      ? describe(
          'src 地址返回 404；加了 preview（工作人员预览）：元素列出服务器的响应和地址。',
          'The src URL answers 404; with `preview` (staff preview) the element reports the server’s answer and the URL.',
        )
      : describe(
          'src 地址返回 404；不加 preview（门户上读者所见）：一句简短、礼貌的提示和“重试”按钮，没有状态码和地址。',
          'The src URL answers 404; without `preview` (what the public sees on the portal): a short, polite message and a 重试 (retry) button, no status code or URL.',
        ),
  }) satisfies StoryObj<ElementArgs>;

/** High contrast: the reader's 黑底黄字 theme on the story's wrapper (`highContrastTokens`). */
export const highContrastStory = {
  args: { ...highContrastTokens },
  parameters: describe(
    '高对比（黑底黄字）：门户（或页面上的 <zw-reader>）设置的 --zw-reading-* 变量，正文对比度不低于 7:1，其余文字、链接、按钮边框和焦点框不低于 4.5:1。元素随 --zw-reading-scheme: dark 切换为深色方案。本故事把变量放在外层元素上；工具条的“配色”开关把它设在整页。',
    'High contrast (yellow on black): the --zw-reading-* tokens a portal (or a <zw-reader> on the page) sets; body text at least 7:1, other text, links, button borders and the focus ring at least 4.5:1. The element switches to its dark scheme with --zw-reading-scheme: dark. This story sets the tokens on the wrapper; the toolbar’s 配色 switch sets them page-wide.',
  ),
} satisfies StoryObj<ElementArgs>;

/** 适老化 (elderly mode) through the portal's `--zw-*` tokens (`elderlyTokens`). */
export const elderlyStory = {
  args: { ...elderlyTokens },
  parameters: describe(
    '适老化：--zw-font-size: 20px、更大的间距，更深的文字、边框和链接颜色（均通过 --zw-* 变量设置，可在控件中调整）。',
    'Elderly mode: --zw-font-size: 20px, more space, and stronger text, border and link colours, all through --zw-* custom properties (editable in the controls).',
  ),
} satisfies StoryObj<ElementArgs>;

/** 适老化 on a dark page: the same tokens with `appearance="dark"` (the light colour tokens give way to the dark scheme's). */
export const elderlyDarkStory = {
  args: { ...elderlyTokens, appearance: 'dark' },
  parameters: describe(
    '适老化 + appearance="dark"（深色页面）：20 px 文字和更大的间距照样生效；--zw-color-text 等浅色变量不作用于深色方案，颜色用深色方案自己的（对比度不低于 4.5:1）。',
    'Elderly mode with `appearance="dark"` (a dark page): the 20 px text and larger spacing apply; the light colour tokens such as --zw-color-text do not reach the dark scheme, which keeps its own colours (at least 4.5:1).',
  ),
} satisfies StoryObj<ElementArgs>;

// ── zw-load warnings, listed under the element ─────────────────────────────

/**
 * The element (`tag`) with the warnings of its `zw-load` (`detail.warnings`: scrape damage, a late interpretation…) listed
 * under it for the designer; the list is the story's, not part of the element. Only the story's own element counts: a
 * nested element's zw-load (the interpretation's policy card) bubbles out of the shadow root too.
 */
export const withWarnings = (tag: string, content: TemplateResult) => {
  const show = (event: ZwLoadEvent) => {
    if ((event.composedPath()[0] as Element | undefined)?.localName !== tag) return;
    const list = (event.currentTarget as Element).querySelector('.story-warnings ul');
    if (!list) return;
    const item = (path: string | undefined, message: string) => {
      const li = document.createElement('li');
      if (path !== undefined) {
        const code = document.createElement('code');
        code.textContent = path || '/';
        li.append(code, ' ');
      }
      li.append(message);
      return li;
    };
    const warnings = event.detail.warnings;
    list.replaceChildren(...(warnings.length ? warnings.map((w) => item(w.path, w.message)) : [item(undefined, '（无提示 no warnings）')]));
    list.setAttribute('data-count', String(warnings.length));
  };
  return html`<div class="story-with-warnings" @zw-load=${show}>
    ${content}
    <section class="story-warnings" aria-label="zw-load detail.warnings" style="margin-top:16px;padding:12px 16px;border:1px solid #d9a400;border-radius:6px;background:#fffbe6;color:#1a1a1a;font-size:14px">
      <p style="margin:0 0 4px;font-weight:700">zw-load detail.warnings</p>
      <ul style="margin:0;padding-inline-start:1.25em;overflow-wrap:anywhere"><li>（等待 zw-load… waiting for zw-load…）</li></ul>
    </section>
  </div>`;
};

/** How many warnings the story's list shows, once its element's `zw-load` has arrived. */
export async function listedWarnings(canvasElement: HTMLElement): Promise<number> {
  const list = canvasElement.querySelector('.story-warnings ul');
  if (!list) throw new Error('no warnings list in the story');
  await waitFor(() => expect(list.hasAttribute('data-count')).toBe(true), { timeout: 10_000 });
  return Number(list.getAttribute('data-count'));
}

/** The JSON pointers of the warnings the story's list shows (call after `listedWarnings`). */
export const warningPaths = (canvasElement: HTMLElement): string[] => [...canvasElement.querySelectorAll('.story-warnings code')].map((code) => code.textContent ?? '');

// ── Play-function helpers (they drive the shadow DOM directly) ──────────────

/** Tags of the custom elements (Lit elements) registered in `HTMLElementTagNameMap`. */
type ElementTag = {
  [K in keyof HTMLElementTagNameMap]: K extends `zw-${string}` ? (HTMLElementTagNameMap[K] extends ReactiveElement ? K : never) : never;
}[keyof HTMLElementTagNameMap];

/** The story's `tag` element once it has reached `state` and rendered. */
export async function settled<K extends ElementTag>(canvasElement: HTMLElement, tag: K, state: ElementState = 'ready'): Promise<HTMLElementTagNameMap[K]> {
  const el = canvasElement.querySelector(tag);
  if (!el) throw new Error(`no <${tag}> in the story`);
  await waitFor(() => expect(el.getAttribute('state')).toBe(state), { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The first match of `selector` in `el`'s shadow root; throws when there is none. */
export const shadow = <T extends Element = HTMLElement>(el: Element, selector: string) => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in the shadow root of <${el.localName}>`);
  return found;
};
