/// <reference types="vite/client" />
/**
 * The content staff's page, an authoring tool: start from a sample or a blank document of any kind, fill in the
 * form generated from the JSON Schemas (or edit the JSON; both stay in sync), load a file or a URL, read what is
 * wrong in plain Chinese beside each field and in the list, preview at phone and desktop width with the public's
 * reading settings, download the checked JSON and copy the embed snippet. Work in progress is kept in a local draft.
 *
 * The elements come from the BUILT library (./lib/zhengwu-elements.js, loaded by index.html: what portals get);
 * this script bundles only the checking logic and the form.
 *
 * Security: data never goes through innerHTML. Lit templates and textContent
 * only; the preview element gets the parsed object through its `data` property.
 */
import { html, nothing, render } from 'lit';
import '../src/core/rules/all.js';
import { checkDocument } from '../src/core/check.js';
import { isSafeUrl } from '../src/core/url.js';
import { escapeJsonForScript, escapeMarkup } from '../src/core/markup.js';
import { defaultPrefs, effectivePrefs } from '../src/core/reader/prefs.js';
import type { ColorTheme } from '../src/core/reader/themes.js';
import type { JsonSchema } from '../src/schema/validate.js';
import commonSchema from '../src/schema/common.schema.json';
import policySchema from '../src/schema/policy.schema.json';
import interpretationSchema from '../src/schema/interpretation.schema.json';
import infographicSchema from '../src/schema/infographic.schema.json';
import comparisonSchema from '../src/schema/comparison.schema.json';
import directorySchema from '../src/schema/directory.schema.json';
import { focusField, renderSchemaForm } from './form/schema-form.js';
import { issueRange, jsonErrorPlace, lineColumnOf, locateJson, type JsonErrorPlace, type JsonSpan as Span } from '../src/core/json.js';
import { isError, type Issue, type LocalizedIssue } from '../src/schema/issues.js';
import { localizeIssue } from '../src/schema/messages.js';
import { withLocale, type UiLocale } from '../src/i18n/locale.js';
import { publishReading } from '../src/base/reading-publish.js';
import { longRegulation } from '../src/test-support/reader-fixture.js';

// ---------------------------------------------------------------------------
// Samples: bundled as raw text so the page also works as a static build, offline.

const sampleFiles = import.meta.glob<string>(
  ['./data/policy-*.json', './data/reader-*.json', './data/interpretation-*.json', './data/infographic-*.json', './data/comparison-*.json', './data/directory-*.json'],
  {
    eager: true,
    query: '?raw',
    import: 'default',
  },
);

// ---------------------------------------------------------------------------
// Document kinds the page previews. The kind comes from the JSON's `type`; anything
// else is checked as a policy, so the user sees the wrong-kind error the card shows.

type PreviewKind = 'policy' | 'interpretation' | 'infographic' | 'comparison' | 'directory';

const KINDS: Record<PreviewKind, { tag: string; name: string; element: string }> = {
  policy: { tag: 'zw-policy-card', name: '政策文件', element: '政策卡片' },
  interpretation: { tag: 'zw-interpretation', name: '政策解读', element: '政策解读组件' },
  infographic: { tag: 'zw-infographic', name: '一图读懂', element: '一图读懂组件' },
  comparison: { tag: 'zw-policy-compare', name: '新旧政策对比', element: '新旧对比组件' },
  directory: { tag: 'zw-disclosure-directory', name: '政府信息公开目录', element: '公开目录组件' },
};

/** The reading mode, for a policy previewed as 正文. */
const READER = { tag: 'zw-reader', name: '政策文件', element: '无障碍阅读组件' };

/** The element a document of `kind` is previewed in (a policy: the card, or the reader). */
const shownAs = (kind: PreviewKind) => (kind === 'policy' && policyView === 'reader' ? READER : KINDS[kind]);

/** Each kind's JSON Schema, and every schema file by name for the form's `$ref`s. */
const SCHEMAS: Record<PreviewKind, JsonSchema> = {
  policy: policySchema,
  interpretation: interpretationSchema,
  infographic: infographicSchema,
  comparison: comparisonSchema,
  directory: directorySchema,
};
const SCHEMA_FILES: Record<string, JsonSchema> = {
  'common.schema.json': commonSchema,
  'policy.schema.json': policySchema,
  'interpretation.schema.json': interpretationSchema,
  'infographic.schema.json': infographicSchema,
  'comparison.schema.json': comparisonSchema,
  'directory.schema.json': directorySchema,
};

const isPreviewKind = (type: unknown): type is PreviewKind => typeof type === 'string' && Object.prototype.hasOwnProperty.call(KINDS, type);

/** The `type` of a parsed document, if it has one. */
function typeOf(parsed: unknown): unknown {
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { type?: unknown }).type : undefined;
}

const kindOfType = (type: unknown): PreviewKind => (isPreviewKind(type) ? type : 'policy');

/**
 * Unparseable text has no `type`: guess it from the text, so the preview shows the element that will be published.
 * The document's own `type` comes first in every sample and CMS export; block types (`"type": "chart"`) never match.
 */
const sniffKind = (text: string): PreviewKind => kindOfType(/"type"\s*:\s*"(policy|interpretation|infographic|comparison|directory)"/.exec(text)?.[1]);

interface Sample {
  id: string;
  title: string;
  text: string;
  /** The sample's `type`, for grouping (unparseable or unknown: `other`); `reader`: a policy with its 正文, shown in <zw-reader>. */
  group: PreviewKind | 'reader' | 'other';
}

const GROUPS: { group: Sample['group']; label: string }[] = [
  { group: 'policy', label: '政策文件（政策卡片）' },
  { group: 'reader', label: '政策正文（无障碍阅读）' },
  { group: 'interpretation', label: '政策解读' },
  { group: 'infographic', label: '一图读懂' },
  { group: 'comparison', label: '新旧政策对比' },
  { group: 'directory', label: '政府信息公开目录' },
  { group: 'other', label: '其他' },
];

const unorderedSamples: Sample[] = Object.entries(sampleFiles)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    let title = id;
    let group: Sample['group'] = 'other';
    try {
      const parsed = JSON.parse(text) as { title?: unknown; type?: unknown };
      if (typeof parsed.title === 'string' && parsed.title.trim()) title = parsed.title;
      if (isPreviewKind(parsed.type)) group = parsed.type;
      if (group === 'policy' && id.startsWith('reader-')) group = 'reader';
    } catch {
      /* a broken sample still shows up, under its file name */
    }
    return { id, title, text, group };
  });

/** The 200,000-character regulation (generated from the seeds' sentences), made when it is first chosen: its JSON is ~0.5 MB. */
let longText: string | undefined;
unorderedSamples.push({
  id: 'reader-long-regulation',
  title: '长文本：20 万字规章（由样例句子生成，检验长文阅读）',
  group: 'reader',
  get text() {
    return (longText ??= `${JSON.stringify(longRegulation(200_000), null, 2)}\n`);
  },
});
/** In the order the select lists them: policies first, then 正文 for the reader, interpretations, infographics, comparisons. */
const samples: Sample[] = GROUPS.flatMap(({ group }) => unorderedSamples.filter((s) => s.group === group));

// ---------------------------------------------------------------------------
// Elements

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const sampleSelect = $<HTMLSelectElement>('sample');
const fileInput = $<HTMLInputElement>('file');
const formatButton = $<HTMLButtonElement>('format');
const editor = $<HTMLTextAreaElement>('editor');
const editorStatus = $<HTMLParagraphElement>('editor-status');
const caretInfo = $<HTMLParagraphElement>('editor-caret');
const summary = $<HTMLParagraphElement>('summary');
const docKind = $<HTMLParagraphElement>('doc-kind');
const layoutControl = $<HTMLFieldSetElement>('layout-control');
const layoutHint = $<HTMLParagraphElement>('layout-hint');
const viewControl = $<HTMLFieldSetElement>('view-control');
const viewHint = $<HTMLParagraphElement>('view-hint');
const issuesBox = $<HTMLDivElement>('issues');
const previewNote = $<HTMLParagraphElement>('preview-note');
const phoneLookOnly = $<HTMLSpanElement>('phone-look-only');
const phoneScreen = $<HTMLDivElement>('preview-phone');
const desktopScreen = $<HTMLDivElement>('preview-desktop');
const phoneFit = $<HTMLDivElement>('phone-fit');
const desktopFit = $<HTMLDivElement>('desktop-fit');
const phoneScale = $<HTMLSpanElement>('phone-scale');
const desktopScale = $<HTMLSpanElement>('desktop-scale');
const embedBox = $<HTMLTextAreaElement>('embed');
const embedWarning = $<HTMLParagraphElement>('embed-warning');
const copyButton = $<HTMLButtonElement>('copy');
const copyStatus = $<HTMLParagraphElement>('copy-status');
const newKindSelect = $<HTMLSelectElement>('new-kind');
const newDocButton = $<HTMLButtonElement>('new-doc');
const downloadButton = $<HTMLButtonElement>('download');
const urlForm = $<HTMLFormElement>('url-form');
const urlInput = $<HTMLInputElement>('url');
const formNote = $<HTMLParagraphElement>('form-note');
const formBox = $<HTMLDivElement>('form');
const formPanel = $<HTMLDivElement>('form-panel');
const jsonPanel = $<HTMLDivElement>('json-panel');
const textScaleSelect = $<HTMLSelectElement>('text-scale');
const colorThemeSelect = $<HTMLSelectElement>('color-theme');
const elderlyBox = $<HTMLInputElement>('elderly');
const srcField = $<HTMLDivElement>('src-field');
const srcInput = $<HTMLInputElement>('data-src');
const embedHint = $<HTMLParagraphElement>('embed-hint');

// ---------------------------------------------------------------------------
// Checking

interface Analysis {
  text: string;
  state: 'empty' | 'syntax' | 'checked';
  /** The element that previews it, and the rules it is checked against. */
  kind: PreviewKind;
  /** The JSON's `type` names a kind this page knows. */
  recognised: boolean;
  parsed?: unknown;
  /** Issues with their messages in zh-CN (the page's language), errors first. */
  issues: LocalizedIssue[];
  spans?: Map<string, Span>;
  /** Where a JSON syntax error is in `text`, and what the mistake is called when it is a common one. */
  syntax?: JsonErrorPlace;
}

function analyse(text: string): Analysis {
  if (text.trim() === '') return { text, state: 'empty', kind: 'policy', recognised: false, issues: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const place = jsonErrorPlace(text, error);
    const { line, column, hint, found } = place;
    const issue: Issue = { path: '', code: 'json-syntax', severity: 'error', params: { line, column, ...(hint ? { hint } : {}), ...(found ? { found } : {}) } };
    return { text, state: 'syntax', kind: sniffKind(text), recognised: false, issues: localize([issue]), syntax: place };
  }
  const type = typeOf(parsed);
  const kind = kindOfType(type);
  const result = checkDocument(kind, parsed);
  const scanned = locateJson(text);
  return { text, state: 'checked', kind, recognised: type === kind, parsed, issues: localize(result.issues, kind), spans: scanned.spans };
}

function localize(issues: Issue[], kind?: PreviewKind): LocalizedIssue[] {
  const localized = withLocale('zh-CN', () => issues.map((i) => localizeIssue(i, kind)));
  return [...localized.filter(isError), ...localized.filter((i) => !isError(i))];
}

// ---------------------------------------------------------------------------
// State

type Layout = 'full' | 'compact';
type Theme = 'red' | 'blue';
/** How a policy is previewed: its card, or its 正文 in the reading mode. */
type PolicyView = 'card' | 'reader';

let current: Analysis = analyse('');
let layout: Layout = 'full';
let policyView: PolicyView = 'card';
let theme: Theme = 'red';
let lang: UiLocale = 'zh-CN';
/** How the staff edit: the form generated from the schema, or the JSON text. */
type EditMode = 'form' | 'json';
let mode: EditMode = 'form';
/** The elements' `appearance`: the portal's choice (light unless it says otherwise). */
type Appearance = 'light' | 'dark' | 'auto';
let appearance: Appearance = 'light';
/** The public's reading settings as <zw-reader> publishes them page-wide: tried here on every element. */
let reading: { textScale: number; colorTheme: ColorTheme; elderly: boolean } = { textScale: 1, colorTheme: 'default', elderly: false };
/** The embed snippet: the autoloader or the single file; the JSON inline or by address. */
let embedScript: 'autoload' | 'single' = 'autoload';
let embedData: 'inline' | 'src' = 'inline';
/** The address the JSON was loaded from, the embed snippet's default `src`. */
let loadedUrl = '';
/** The text last put into the editor by the page (sample, file, format): edits after it are the user's work. */
let loadedText = '';
/** The sample the select shows, to restore it when the user declines to replace their edits. */
let selectedSample = '';

// ---------------------------------------------------------------------------
// Rendering

function update() {
  window.clearTimeout(pending);
  pending = 0;
  current = analyse(editor.value);
  renderSummary();
  renderKind();
  renderIssues();
  renderControls();
  renderForm();
  renderPreviews();
  renderEmbed();
  saveDraft();
}

/** Runs a waiting check now, so what is downloaded or copied is what was checked. */
function flush() {
  if (pending) update();
}

function setText(element: HTMLElement, text: string) {
  // Re-setting the same text could make a live region repeat itself.
  if (element.textContent !== text) element.textContent = text;
}

function renderSummary() {
  const errors = current.issues.filter(isError).length;
  const warnings = current.issues.length - errors;
  let state: 'none' | 'ok' | 'warning' | 'error';
  let text: string;
  if (current.state === 'empty') {
    state = 'none';
    text = '编辑框是空的：请选择示例，或粘贴、上传 CMS 导出的 JSON。';
  } else if (current.state === 'syntax') {
    state = 'error';
    text = 'JSON 格式有误，内容还无法检查：共 1 处错误。';
  } else if (errors) {
    state = 'error';
    text = `发现 ${errors} 处错误${warnings ? `、${warnings} 条提示` : ''}，请修改后再发布。`;
  } else if (warnings) {
    state = 'warning';
    text = `数据检查通过，没有错误；另有 ${warnings} 条提示，请确认。`;
  } else {
    state = 'ok';
    text = '数据检查通过，没有发现问题。';
  }
  summary.dataset.state = state;
  setText(summary, text);
  editor.setAttribute('aria-invalid', String(errors > 0));
}

/** Which kind the data was checked as: content staff see why a 解读 is held to the 解读 rules. */
function renderKind() {
  const { name } = KINDS[current.kind];
  let text = '';
  if (current.state === 'syntax') {
    text = `文档类型：暂按${name}预览（JSON 格式有误，无法读取 type）。`;
  } else if (current.state === 'checked') {
    const type = typeOf(current.parsed);
    text = current.recognised
      ? `文档类型：${name}（type 为 “${current.kind}”），按${name}的要求检查。`
      : `文档类型：无法识别（${typeof type === 'string' ? `type 为 “${type}”` : '缺少 type'}），按${name}检查。type 应为 “policy”、“interpretation”、“infographic”、“comparison” 或 “directory”。`;
  }
  docKind.hidden = !text;
  setText(docKind, text);
}

/** `第 3 行，第 12 列` of a syntax error; `第 5 行` of the value an issue points at (a missing field: the object that should hold it). */
function positionOf(issue: LocalizedIssue): string {
  if (issue.code === 'json-syntax' && current.syntax) return `第 ${current.syntax.line} 行，第 ${current.syntax.column} 列`;
  if (!current.spans) return '';
  return `第 ${lineColumnOf(current.text, issueRange(current.text, current.spans, issue.path).start).line} 行`;
}

function renderIssues() {
  const errors = current.issues.filter(isError);
  const warnings = current.issues.filter((i) => !isError(i));
  const where = (issue: LocalizedIssue) =>
    issue.code === 'json-syntax' ? html`<span>JSON 语法</span>` : issue.path ? html`<code>${issue.path}</code>` : html`<span>整个文档</span>`;
  // issueMessage names the JSON mistake itself (hint and found in the issue's params), as the elements do.
  const message = (issue: LocalizedIssue) => issue.message;
  const item = (issue: LocalizedIssue) => html`<li class="issue ${issue.severity}">
    <div>
      <span class="where"
        ><span class="kind">${issue.severity === 'error' ? '错误' : '提示'}</span>：${where(issue)}${
          positionOf(issue) ? html`<span class="position"> · ${positionOf(issue)}</span>` : nothing
        }</span
      >
      <p class="message">${message(issue)}</p>
    </div>
    <button
      type="button"
      class="button secondary"
      aria-label=${`定位 ${issue.code === 'json-syntax' ? 'JSON 语法错误' : issue.path || '整个文档'}`}
      @click=${() => locate(issue)}
    >
      定位
    </button>
  </li>`;
  render(
    html`${
      errors.length
        ? html`<h3 class="errors">错误（${errors.length}）</h3>
          <ul class="issue-list">
            ${errors.map(item)}
          </ul>`
        : nothing
    }
    ${
      warnings.length
        ? html`<h3 class="warnings">提示（${warnings.length}）</h3>
          <ul class="issue-list">
            ${warnings.map(item)}
          </ul>`
        : nothing
    }`,
    issuesBox,
  );
}

/** `layout` is the card's only: the other elements do not have it; only a policy can be shown in the reader. */
function renderControls() {
  const off = current.kind !== 'policy' || policyView === 'reader';
  if (layoutControl.disabled !== off) layoutControl.disabled = off;
  layoutHint.hidden = !off;
  const noView = current.kind !== 'policy';
  if (viewControl.disabled !== noView) viewControl.disabled = noView;
  viewHint.hidden = !noView;
}

/**
 * The preview element, with `preview`: staff see the detailed issue list (a reader on the portal gets a
 * short polite message instead; the embed snippet has no `preview`). The phone copy of an interpretation gets its own anchor prefix, so a link
 * in its table of contents (`#phone-faq`) does not also move the desktop copy (`#faq`, as published).
 */
function previewElement(kind: PreviewKind, screen: HTMLElement) {
  const themeAttribute = theme === 'blue' ? 'blue' : nothing;
  const appearanceAttribute = appearance === 'light' ? nothing : appearance;
  switch (kind) {
    case 'interpretation':
      return html`<zw-interpretation
        .data=${current.parsed}
        preview
        theme=${themeAttribute}
        appearance=${appearanceAttribute}
        anchor-prefix=${screen === phoneScreen ? 'phone-' : nothing}
        heading-level="3"
      ></zw-interpretation>`;
    case 'infographic':
      return html`<zw-infographic .data=${current.parsed} preview theme=${themeAttribute} appearance=${appearanceAttribute} heading-level="3"></zw-infographic>`;
    case 'comparison':
      return html`<zw-policy-compare
        .data=${current.parsed}
        preview
        theme=${themeAttribute}
        appearance=${appearanceAttribute}
        anchor-prefix=${screen === phoneScreen ? 'phone-c-' : nothing}
        heading-level="3"
      ></zw-policy-compare>`;
    case 'directory':
      // The desktop copy keeps its state in the page address (as published); the phone copy must not fight it.
      return html`<zw-disclosure-directory
        .data=${current.parsed}
        preview
        theme=${themeAttribute}
        appearance=${appearanceAttribute}
        url-state=${screen === phoneScreen ? 'off' : nothing}
        heading-level="3"
      ></zw-disclosure-directory>`;
    default:
      // The reader stores nothing here (no-remember): staff trying its settings must not change what they see on the portal.
      return policyView === 'reader'
        ? html`<zw-reader
            .data=${current.parsed}
            preview
            no-remember
            theme=${themeAttribute}
            appearance=${appearanceAttribute}
            text-scale=${reading.textScale}
            color-theme=${reading.colorTheme}
            ?elderly=${reading.elderly}
            heading-level="3"
          ></zw-reader>`
        : html`<zw-policy-card
            .data=${current.parsed}
            preview
            layout=${layout}
            theme=${themeAttribute}
            appearance=${appearanceAttribute}
            heading-level="3"
          ></zw-policy-card>`;
  }
}

/**
 * An interpretation is a set of named landmarks (目录, 背景依据, 典型问答…), an infographic a set of
 * named block regions with their own buttons (数据表, 下载): two copies on the page would repeat every
 * one of them for screen-reader users. The phone copy is then for looking only (inert: out of the tab
 * order and the accessibility tree); the desktop copy is the one to use.
 */
function renderPhoneMode() {
  // Two readers would also both answer the keyboard shortcuts.
  const lookOnly = current.kind !== 'policy' || policyView === 'reader';
  phoneScreen.inert = lookOnly;
  phoneLookOnly.hidden = !lookOnly;
}

function renderPreviews() {
  const syntax = current.state === 'syntax';
  const errors = current.issues.some(isError);
  const { tag, element } = shownAs(current.kind);
  // The reader's text size and theme are page-wide (on <html>): a shown reader publishes them itself (from its
  // attributes); without one, the page publishes them as a reader on the portal would.
  const reader = tag === READER.tag;
  if (!reader) publishReading(pageReading());
  // The built library did not load (npm run build not run), or has no such element: say so instead of a blank screen.
  const defined = customElements.get(tag) !== undefined;
  const noteText = !defined
    ? ''
    : syntax
      ? `JSON 格式有误：预览中${element}列出了错误详情，这是给工作人员看的；发布到门户后，读者只会看到一句简短的提示。`
      : errors
        ? `数据有错误：预览中${element}列出了这些错误（只给工作人员看），并只显示能确认无误的部分；发布到门户后，读者看不到错误详情，只会看到一句简短的提示。`
        : '';
  previewNote.hidden = !noteText;
  setText(previewNote, noteText);
  renderPhoneMode();
  for (const screen of [phoneScreen, desktopScreen]) {
    screen.lang = lang;
    if (!defined) {
      render(
        html`<p class="preview-message">
          组件库文件 <code>lib/zhengwu-elements.js</code> 没有载入，或其中没有 <code>&lt;${tag}&gt;</code>（${element}），暂时无法预览；数据检查和嵌入代码不受影响。开发时请先运行
          <code>npm run build</code>。
        </p>`,
        screen,
      );
      continue;
    }
    render(previewElement(current.kind, screen), screen);
    // Unparseable text cannot go through `data`: hand it to the element the way a CMS template would
    // (a child JSON script), so the preview shows the element's own error, exactly as it would be published.
    const card = screen.querySelector(tag)!;
    let script = card.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (syntax) {
      if (!script) {
        script = document.createElement('script');
        script.type = 'application/json';
        card.append(script);
      }
      if (script.textContent !== current.text) script.textContent = current.text;
    } else {
      script?.remove();
    }
  }
}

/**
 * Each preview is laid out at its device's real width (1280 px window, 375 px phone screen) and scaled
 * down to the column, so the elements choose the layout readers get (their width queries see 1200 px,
 * not the column's width). The box around it takes the scaled height; content that grows (a loaded
 * policy card, an opened question) re-measures through the observer.
 */
function fitToColumn(fit: HTMLElement, frame: HTMLElement, caption: HTMLElement) {
  const refit = () => {
    const scale = Math.min(1, fit.clientWidth / frame.offsetWidth);
    const transform = scale < 1 ? `scale(${scale})` : '';
    if (frame.style.transform !== transform) frame.style.transform = transform;
    fit.style.height = `${Math.ceil(frame.offsetHeight * scale)}px`;
    setText(caption, scale < 1 ? `，缩小到 ${Math.round(scale * 100)}% 显示` : '');
  };
  const observer = new ResizeObserver(refit);
  observer.observe(fit);
  observer.observe(frame);
  refit();
}
fitToColumn(desktopFit, desktopScreen, desktopScale);
fitToColumn(phoneFit, phoneFit.firstElementChild as HTMLElement, phoneScale);

/** Where the portal keeps the library, in the snippet: the staff replace it with their own address. */
const PORTAL_STATIC = 'https://你的门户/static/';

/** A value in a double-quoted HTML attribute. */

/** The `src` of the embed snippet: what the staff typed, else the address the JSON came from. */
const embedSrc = () => srcInput.value.trim() || loadedUrl;

function embedSnippet(): string {
  const { tag } = shownAs(current.kind);
  const attributes = tag === KINDS.policy.tag ? [`layout="${layout}"`] : [];
  if (theme === 'blue') attributes.push('theme="blue"');
  if (appearance !== 'light') attributes.push(`appearance="${appearance}"`);
  if (lang !== 'zh-CN') attributes.push(`lang="${lang}"`);
  // A reader's settings in the snippet are the portal's presets (an 适老化 page starts in elderly mode); readers can still change them.
  if (tag === READER.tag) {
    if (reading.textScale !== 1) attributes.push(`text-scale="${reading.textScale}"`);
    if (reading.colorTheme !== 'default') attributes.push(`color-theme="${reading.colorTheme}"`);
    if (reading.elderly) attributes.push('elderly');
  }
  const script = `<script type="module" src="${PORTAL_STATIC}${embedScript === 'autoload' ? 'autoload.js' : 'zhengwu-elements.js'}"></script>`;
  if (embedData === 'src') {
    const src = embedSrc() || '/你的数据文件.json';
    return [script, `<${[tag, ...attributes, `src="${escapeMarkup(src)}"`].join(' ')}></${tag}>`, ''].join('\n');
  }
  const json = current.parsed !== undefined ? JSON.stringify(current.parsed, null, 2) : current.text.trim();
  return [script, `<${[tag, ...attributes].join(' ')}>`, '  <script type="application/json">', escapeJsonForScript(json), '  </script>', `</${tag}>`, ''].join('\n');
}

function renderEmbed() {
  const empty = current.state === 'empty';
  const errors = current.issues.filter(isError).length;
  srcField.hidden = embedData !== 'src';
  if (!srcInput.value && loadedUrl && srcInput.placeholder !== loadedUrl) srcInput.placeholder = loadedUrl;
  embedBox.value = empty ? '' : embedSnippet();
  copyButton.disabled = empty;
  const { element } = shownAs(current.kind);
  const files = embedScript === 'autoload' ? 'dist/autoload.js 和 dist/autoload/ 文件夹' : 'dist/zhengwu-elements.js 和 dist/zhengwu-elements/ 文件夹';
  setText(
    embedHint,
    `把下面的代码放进门户页面模板。先把 ${files}放到门户的静态文件目录，再把“https://你的门户/static/”换成它的实际地址；第一行的脚本每个页面只需要引入一次。` +
      (embedScript === 'autoload' ? '按需加载只下载页面上用到的组件。' : '单个文件一次载入全部组件。') +
      (embedData === 'src' ? '数据由组件按地址读取：把“下载 JSON”得到的文件发布到这个地址。' : ''),
  );
  const src = embedSrc();
  const warning = empty
    ? '还没有数据：请先在第 1 步选择示例、新建文档，或粘贴、上传 JSON。'
    : embedData === 'src' && src && !isSafeUrl(src)
      ? `JSON 文件地址“${src}”不能用：只能是 http(s) 地址或相对地址。`
      : embedData === 'src' && !src
        ? '还没有填写 JSON 文件地址：代码里暂用“/你的数据文件.json”，请换成实际地址。'
        : current.state === 'syntax'
          ? `JSON 格式有误：现在复制的话，门户页面上的${element}只会显示错误提示。请先修正。`
          : errors
            ? `数据还有 ${errors} 处错误：现在复制的话，${element}会在门户页面上显示错误提示。请先修正。`
            : '';
  embedWarning.hidden = !warning;
  setText(embedWarning, warning);
}

// ---------------------------------------------------------------------------
// Editor

function updateCaret() {
  const { line, column } = lineColumnOf(editor.value, editor.selectionStart);
  setText(caretInfo, `光标位置：第 ${line} 行，第 ${column} 列`);
}

/** Shows the field an issue points at: in the form (its control, or the nearest one shown), else selected in the JSON. */
function locate(issue: LocalizedIssue) {
  if (mode === 'form' && issue.code !== 'json-syntax' && !formBox.hidden && focusField(formBox, issue.path)) return;
  if (mode === 'form') setMode('json');
  locateInEditor(issue);
}

/** Selects the value an issue points at (or its nearest existing parent) in the editor. */
function locateInEditor(issue: LocalizedIssue) {
  let start = 0;
  let end = 0;
  if (issue.code === 'json-syntax' && current.syntax) {
    // The offending character is selected; a missing comma is a caret where the comma belongs.
    const { offset, hint } = current.syntax;
    start = offset;
    end = hint === 'missing-comma' || offset >= current.text.length ? offset : offset + 1;
  } else if (current.spans) {
    ({ start, end } = issueRange(current.text, current.spans, issue.path));
  }
  editor.focus();
  editor.setSelectionRange(start, end);
  scrollEditorTo(start);
  updateCaret();
}

/** Scrolls the textarea so the given offset is in view (textareas do not always do it themselves). */
function scrollEditorTo(offset: number) {
  const mirror = document.createElement('div');
  const style = getComputedStyle(editor);
  for (const p of ['font', 'lineHeight', 'letterSpacing', 'padding', 'border', 'boxSizing', 'whiteSpace', 'overflowWrap', 'wordBreak', 'tabSize'] as const) {
    (mirror.style as unknown as Record<string, string>)[p] = style[p] as string;
  }
  Object.assign(mirror.style, {
    position: 'absolute',
    visibility: 'hidden',
    left: '-9999px',
    top: '0',
    width: `${editor.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
  });
  mirror.textContent = editor.value.slice(0, offset);
  const marker = document.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  document.body.append(mirror);
  const top = marker.offsetTop;
  mirror.remove();
  const lineHeight = parseFloat(style.lineHeight) || 24;
  if (top < editor.scrollTop || top > editor.scrollTop + editor.clientHeight - lineHeight * 2) {
    editor.scrollTop = Math.max(0, top - editor.clientHeight / 3);
  }
}

/** Replaces the editor's text, keeping the browser's undo history where it can. */
function replaceEditorText(text: string, undoable: boolean) {
  // only where the staff edit the text: a hidden textarea takes no focus, and insertText would go elsewhere
  if (undoable && !jsonPanel.hidden && document.queryCommandSupported?.('insertText')) {
    editor.focus();
    editor.select();
    if (document.execCommand('insertText', false, text) && editor.value === text) return;
  }
  editor.value = text;
}

function loadText(text: string, undoable = false) {
  replaceEditorText(text, undoable);
  loadedText = editor.value;
  editor.scrollTop = 0;
  window.clearTimeout(pending);
  update();
  updateCaret();
}

const isDirty = () => editor.value.trim() !== '' && editor.value !== loadedText;

let pending = 0;

/** The staff changed the text (in the JSON or through the form): check it once they pause. */
function textEdited() {
  setText(editorStatus, '');
  const sample = samples.find((s) => s.id === sampleSelect.value);
  if (sample && sample.text !== editor.value) {
    sampleSelect.value = '';
    selectedSample = '';
  }
  window.clearTimeout(pending);
  pending = window.setTimeout(update, 250);
}

editor.addEventListener('input', () => {
  textEdited();
  updateCaret();
});
for (const type of ['keyup', 'click', 'select', 'focus'] as const) editor.addEventListener(type, updateCaret);

// ---------------------------------------------------------------------------
// The form, generated from the kind's JSON Schema (demo/form/schema-form.ts), in sync with the JSON both ways

/** Beyond this the form would build tens of thousands of fields (the 200,000-character regulation): JSON only. */
const FORM_MAX_CHARACTERS = 200_000;

function renderForm() {
  // hidden while the staff edit the JSON: built when they come back to it
  if (mode !== 'form') return;
  let note = '';
  if (current.state === 'empty') note = '还没有数据：请选择一个示例，或新建空白文档。';
  else if (current.state === 'syntax' && current.syntax)
    note = `JSON 格式有误（第 ${current.syntax.line} 行，第 ${current.syntax.column} 列），表单要等格式修正后才能使用：请在 JSON 中修改（“检查结果”里的“定位”会选中出错的位置）。`;
  else if (!current.recognised)
    note = '无法识别文档类型（type），表单无法生成：请在 JSON 中把 type 改为 “policy”、“interpretation”、“infographic”、“comparison” 或 “directory”，或新建空白文档。';
  else if (current.text.length > FORM_MAX_CHARACTERS) note = `这份文档很长（约 ${Math.round(current.text.length / 10_000)} 万字符），表单会很慢：请用 JSON 编辑。`;
  formNote.hidden = !note;
  setText(formNote, note);
  formBox.hidden = Boolean(note);
  if (note) {
    render(nothing, formBox);
    return;
  }
  renderSchemaForm(formBox, {
    schema: SCHEMAS[current.kind],
    schemas: SCHEMA_FILES,
    value: current.parsed,
    issues: current.issues.filter((i) => i.code !== 'json-syntax').map(({ path, severity, message }) => ({ path, severity, message })),
    onChange: formChanged,
  });
}

/** A form edit: the JSON follows at once (so nothing typed is lost on reload), the check when the staff pause. */
function formChanged(next: unknown) {
  const text = `${JSON.stringify(next, null, 2)}\n`;
  editor.value = text;
  current = { ...current, text, parsed: next };
  renderForm();
  textEdited();
  saveDraft();
}

function setMode(next: EditMode) {
  mode = next;
  const radio = document.querySelector<HTMLInputElement>(`input[name="mode"][value="${next}"]`);
  if (radio && !radio.checked) radio.checked = true;
  formPanel.hidden = next !== 'form';
  jsonPanel.hidden = next !== 'json';
  renderForm();
  saveDraft();
}

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  radio.addEventListener('change', () => {
    flush();
    setMode(radio.value === 'json' ? 'json' : 'form');
  });
}

// ---------------------------------------------------------------------------
// The local draft: work in progress survives a reload (this browser only; nothing is uploaded)

const DRAFT_KEY = 'zhengwu-elements:demo-draft';

interface Draft {
  text: string;
  mode: EditMode;
  sample: string;
  savedAt: number;
}

let draftTimer = 0;
let draftWarned = false;
function saveDraft() {
  window.clearTimeout(draftTimer);
  draftTimer = window.setTimeout(() => {
    const draft: Draft = { text: editor.value, mode, sample: selectedSample, savedAt: Date.now() };
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
      draftWarned = false;
    } catch {
      // storage full or off (private windows): say it once, the page keeps working
      if (!draftWarned) setText(editorStatus, '无法在本机浏览器保存草稿（存储已满或被禁用）：刷新页面前请先下载 JSON。');
      draftWarned = true;
    }
  }, 300);
}

function readDraft(): Draft | undefined {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? 'null') as Partial<Draft> | null;
    if (!draft || typeof draft.text !== 'string' || !draft.text.trim()) return undefined;
    return { text: draft.text, mode: draft.mode === 'json' ? 'json' : 'form', sample: typeof draft.sample === 'string' ? draft.sample : '', savedAt: Number(draft.savedAt) || 0 };
  } catch {
    return undefined;
  }
}

/** `3 分钟前` / `今天 14:05` / `11月28日 14:05`, for "restored the draft saved …". */
function savedWhen(time: number): string {
  const minutes = Math.round((Date.now() - time) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  const date = new Date(time);
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return date.toDateString() === new Date().toDateString() ? `今天 ${clock}` : `${date.getMonth() + 1}月${date.getDate()}日 ${clock}`;
}

// ---------------------------------------------------------------------------
// Samples, file upload, format

for (const { group, label } of GROUPS) {
  const members = samples.filter((s) => s.group === group);
  if (!members.length) continue;
  const optgroup = document.createElement('optgroup');
  optgroup.label = label;
  for (const sample of members) optgroup.append(new Option(sample.title, sample.id));
  sampleSelect.append(optgroup);
}

sampleSelect.addEventListener('change', () => {
  const sample = samples.find((s) => s.id === sampleSelect.value);
  if (!sample) {
    selectedSample = '';
    return;
  }
  if (isDirty() && !window.confirm('编辑框里有修改过的内容，载入示例会替换它。确定载入吗？')) {
    sampleSelect.value = selectedSample;
    return;
  }
  selectedSample = sample.id;
  if (sample.group === 'reader' || sample.group === 'policy') setPolicyView(sample.group === 'reader' ? 'reader' : 'card');
  loadText(sample.text);
  setText(editorStatus, `已载入示例：${sample.title}`);
});

const MAX_FILE_BYTES = 5 * 1024 * 1024;

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = ''; // the same file can be chosen again after a fix
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    setText(editorStatus, `文件太大（超过 5 MB），没有载入：${file.name}`);
    return;
  }
  const { text, note } = decodeJson(await file.arrayBuffer());
  sampleSelect.value = '';
  selectedSample = '';
  loadedUrl = '';
  loadText(text, true);
  setText(editorStatus, `已载入文件：${file.name}${note}`);
});

/** The text of a JSON file: UTF-8, else GBK (older CMSs export it: read it rather than show mojibake); no BOM. */
function decodeJson(bytes: ArrayBuffer): { text: string; note: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), note: '' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), note: '（按 GBK 编码读取，建议 CMS 改为 UTF-8 导出）' };
  }
}

// ---------------------------------------------------------------------------
// Load from a URL (a JSON the CMS already publishes)

const URL_TIMEOUT = 15_000;
let urlRequest: AbortController | undefined;

urlForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const address = urlInput.value.trim();
  if (!address) {
    setText(editorStatus, '请先填写 JSON 文件的网址。');
    urlInput.focus();
    return;
  }
  if (!isSafeUrl(address)) {
    setText(editorStatus, `网址“${address}”不能用：只能是 http(s) 地址或相对地址。`);
    urlInput.focus();
    return;
  }
  if (isDirty() && !window.confirm('编辑框里有修改过的内容，从网址载入会替换它。确定载入吗？')) return;
  urlRequest?.abort();
  const request = (urlRequest = new AbortController());
  const timer = window.setTimeout(() => request.abort(new DOMException('timeout', 'TimeoutError')), URL_TIMEOUT);
  setText(editorStatus, `正在从网址载入：${address}`);
  try {
    const response = await fetch(new URL(address, location.href), { signal: request.signal, credentials: 'omit' });
    if (!response.ok) throw new Error(`status ${response.status}`, { cause: response.status });
    if (Number(response.headers.get('content-length')) > MAX_FILE_BYTES) throw new Error('too large', { cause: 'size' });
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_FILE_BYTES) throw new Error('too large', { cause: 'size' });
    if (request !== urlRequest) return; // a newer load replaced this one
    const { text, note } = decodeJson(bytes);
    sampleSelect.value = '';
    selectedSample = '';
    loadedUrl = address;
    loadText(text, true);
    setText(editorStatus, `已从网址载入：${address}${note}`);
  } catch (error) {
    if (request !== urlRequest) return;
    const cause = (error as { cause?: unknown }).cause;
    setText(
      editorStatus,
      typeof cause === 'number'
        ? `没有载入：服务器回答 ${cause}（${cause === 404 ? '找不到这个文件' : '无法提供这个文件'}）。请检查网址：${address}`
        : cause === 'size'
          ? `文件太大（超过 5 MB），没有载入：${address}`
          : request.signal.aborted
            ? `没有载入：${URL_TIMEOUT / 1000} 秒内没有回应，请稍后再试：${address}`
            : `没有载入：网络不通，或对方网站不允许跨站读取（CORS）。可以先在浏览器中下载这个文件，再用“上传 JSON 文件”：${address}`,
    );
  } finally {
    window.clearTimeout(timer);
  }
});

// ---------------------------------------------------------------------------
// Download what was checked

/** `policy-关于印发….json`: the kind and the document's own id, 索引号 or title, safe as a file name anywhere. */
function downloadName(): string {
  const doc = (current.parsed ?? {}) as { id?: unknown; indexNo?: unknown; title?: unknown };
  const label = [doc.id, doc.indexNo, doc.title].find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? '未命名';
  const safe =
    label
      .replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || '未命名';
  return `${current.kind}-${safe}.json`;
}

downloadButton.addEventListener('click', () => {
  flush();
  if (current.state !== 'checked') {
    setText(editorStatus, current.state === 'empty' ? '没有可以下载的数据。' : 'JSON 格式有误，无法下载：请先按“检查结果”里的提示修正。');
    return;
  }
  const name = downloadName();
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(current.parsed, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  const errors = current.issues.filter(isError).length;
  setText(editorStatus, errors ? `已下载 ${name}。注意：数据还有 ${errors} 处错误，发布前请修正。` : `已下载 ${name}（检查通过）。`);
});

// ---------------------------------------------------------------------------
// A blank document of a kind: its type and version; the form then shows every field, required ones marked

newDocButton.addEventListener('click', () => {
  const kind = kindOfType(newKindSelect.value);
  if (isDirty() && !window.confirm('编辑框里有修改过的内容，新建会替换它。确定新建吗？')) return;
  sampleSelect.value = '';
  selectedSample = '';
  loadedUrl = '';
  if (kind === 'policy') setPolicyView('card');
  loadText(`${JSON.stringify({ type: kind, schemaVersion: 1 }, null, 2)}\n`);
  setMode('form');
  setText(editorStatus, `已新建空白的${KINDS[kind].name}：请在表单中填写，带“必填”的项目必须填写。`);
});

formatButton.addEventListener('click', () => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(editor.value);
  } catch {
    window.clearTimeout(pending);
    update();
    setText(editorStatus, editor.value.trim() === '' ? '编辑框是空的，没有可以格式化的内容。' : 'JSON 格式有误，无法格式化：请先按“检查结果”里的提示修正。');
    return;
  }
  const pretty = `${JSON.stringify(parsed, null, 2)}\n`;
  const selected = sampleSelect.value;
  loadText(pretty, true);
  if (selected && samples.find((s) => s.id === selected)?.text !== pretty) sampleSelect.value = '';
  formatButton.focus();
  setText(editorStatus, '已格式化。');
});

// ---------------------------------------------------------------------------
// Preview controls

function radioValue(name: string): string {
  return document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

/** A 正文 sample opens in the reader, a policy sample in the card; the staff can switch either way after. */
function setPolicyView(view: PolicyView) {
  policyView = view;
  const radio = document.querySelector<HTMLInputElement>(`input[name="view"][value="${view}"]`);
  if (radio) radio.checked = true;
}

/** The reading settings as the page publishes them (elderly mode raises size and contrast, as the reader does). */
function pageReading() {
  const env = { prefersContrast: false, prefersDark: false, reducedMotion: false };
  const { textScale, colorTheme } = effectivePrefs({ ...defaultPrefs(env), ...reading });
  return textScale === 1 && colorTheme === 'default' ? null : { textScale, colorTheme };
}

const COLOR_THEME_VALUES: readonly ColorTheme[] = ['default', 'sepia', 'dark', 'contrast-black', 'contrast-white'];

function controlsChanged() {
  layout = radioValue('layout') === 'compact' ? 'compact' : 'full';
  policyView = radioValue('view') === 'reader' ? 'reader' : 'card';
  renderControls();
  theme = radioValue('theme') === 'blue' ? 'blue' : 'red';
  const chosenAppearance = radioValue('appearance');
  appearance = chosenAppearance === 'dark' || chosenAppearance === 'auto' ? chosenAppearance : 'light';
  const chosen = radioValue('lang');
  lang = chosen === 'en' || chosen === 'zh-Hant' ? chosen : 'zh-CN';
  const colorTheme = COLOR_THEME_VALUES.find((t) => t === colorThemeSelect.value) ?? 'default';
  reading = { textScale: Number(textScaleSelect.value) || 1, colorTheme, elderly: elderlyBox.checked };
  embedScript = radioValue('script') === 'single' ? 'single' : 'autoload';
  embedData = radioValue('data') === 'src' ? 'src' : 'inline';
  renderPreviews();
  renderEmbed();
}
for (const controls of document.querySelectorAll('.controls')) controls.addEventListener('change', controlsChanged);
srcInput.addEventListener('input', renderEmbed);

// Elements that register after this script runs (or a build that adds them later) replace the "not available" note.
for (const { tag } of [...Object.values(KINDS), READER]) {
  if (!customElements.get(tag)) void customElements.whenDefined(tag).then(() => renderPreviews());
}

// ---------------------------------------------------------------------------
// Copy

let statusTimer = 0;
function announceCopy(text: string) {
  window.clearTimeout(statusTimer);
  copyStatus.textContent = '';
  // A fresh text node after a tick, so "已复制" is announced again on a second copy.
  window.setTimeout(() => {
    copyStatus.textContent = text;
    statusTimer = window.setTimeout(() => (copyStatus.textContent = ''), 8000);
  }, 50);
}

copyButton.addEventListener('click', async () => {
  const text = embedBox.value;
  if (!text) return;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no async clipboard');
    await navigator.clipboard.writeText(text);
    announceCopy('已复制');
    return;
  } catch {
    /* http intranet pages have no async clipboard: fall back to selecting the text */
  }
  embedBox.focus();
  embedBox.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false; // some browsers throw instead of returning false
  }
  announceCopy(copied ? '已复制' : '已选中嵌入代码，请按 Ctrl+C（Mac 上按 ⌘C）复制。');
});

// ---------------------------------------------------------------------------
// A portal page using the elements (embed-example.html, built beside this page and loading the same lib/).

{
  const link = document.createElement('a');
  link.href = './embed-example.html';
  link.textContent = '嵌入示例页面';
  $('footer-note').append(' · ', link);
}

// ---------------------------------------------------------------------------
// Start: a sample named in the address (?sample=policy-004-…, for links and screenshots), else the draft of the
// last visit, else the first sample, so the page shows what it does. ?mode=json opens the JSON editor.

const params = new URLSearchParams(location.search);
const askedSample = samples.find((s) => s.id === params.get('sample'));
const draft = askedSample ? undefined : readDraft();
if (askedSample) {
  sampleSelect.value = askedSample.id;
  selectedSample = askedSample.id;
  if (askedSample.group === 'reader') setPolicyView('reader');
  loadText(askedSample.text);
} else if (draft) {
  const fromSample = samples.find((s) => s.id === draft.sample && s.text === draft.text);
  if (fromSample) {
    sampleSelect.value = fromSample.id;
    selectedSample = fromSample.id;
    if (fromSample.group === 'reader') setPolicyView('reader');
  }
  loadText(draft.text);
  // a restored draft is the staff's own work: replacing it asks first
  if (!fromSample) loadedText = '';
  setText(editorStatus, `已恢复上次的编辑（${savedWhen(draft.savedAt)}保存在本机浏览器）。`);
} else if (samples.length) {
  sampleSelect.value = samples[0].id;
  selectedSample = samples[0].id;
  loadText(samples[0].text);
} else {
  update();
}
setMode(params.get('mode') === 'json' ? 'json' : (draft?.mode ?? 'form'));
