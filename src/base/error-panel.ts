import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isError, type Issue } from '../schema/issues.js';
import { localizeIssue } from '../schema/messages.js';

/**
 * What an element shows when it has no document to show: the loading skeleton,
 * the empty state, and the error panel — a short polite notice for the public,
 * or, with `preview`, the detailed issue list content staff need.
 * Call these inside the element's update (its locale is then active for `msg()`).
 */

/** How much of the document is shown under an error. */
export type Shown = 'none' | 'partial' | 'whole';

/** The loading placeholder; `shapes` are bars sized like the element's real content. */
export function renderSkeletonPanel(shapes: TemplateResult): TemplateResult {
  return html`<div class="zw-skeleton" part="skeleton" role="status" aria-busy="true">
    <span class="visually-hidden">${msg('正在加载…')}</span>${shapes}
  </div>`;
}

export function renderEmptyPanel(content: TemplateResult | string): TemplateResult {
  return html`<div class="zw-empty" part="empty" role="status">${content}</div>`;
}

/**
 * For the public: what a reader can act on, nothing that reads like a fault report (no paths,
 * addresses or status codes). `onRetry` when the data failed on its way in (a retry may help).
 */
export function renderPublicNotice(shown: Shown, onRetry?: () => void): TemplateResult | typeof nothing {
  // A complete document whose fields contradict each other: the reader sees it as it is.
  if (shown === 'whole') return nothing;
  if (shown === 'partial') return html`<p class="zw-note" part="note">${msg('本栏部分内容暂时无法显示。')}</p>`;
  return html`<div class="zw-notice" part="error">
    <p id="zw-notice-text">${onRetry ? msg('本栏内容暂时无法显示，请稍后再试。') : msg('本栏内容暂时无法显示。')}</p>
    ${onRetry ? html`<button class="zw-button" part="retry" type="button" aria-describedby="zw-notice-text" @click=${onRetry}>${msg('重试')}</button>` : nothing}
  </div>`;
}

/** For content staff (`preview`): every error and warning, with its path, under a heading that counts them. */
export function renderIssueList(issues: Issue[], shown: Shown, headingLevel: number, kind?: string): TemplateResult {
  const errors = issues.filter(isError);
  const warnings = issues.filter((i) => !isError(i));
  const item = (i: Issue) => {
    const { message } = localizeIssue(i, kind);
    return html`<li class=${i.severity}>${i.path ? html`<code>${i.path}</code> ` : nothing}${i.severity === 'warning' ? msg('提示：') : nothing}${message}</li>`;
  };
  return html`<div class="zw-error" part="error" role="alert">
    <div class="zw-error-title" role="heading" aria-level=${headingLevel}>
      ${
        shown === 'none'
          ? msg(str`数据有 ${errors.length} 处错误，无法显示`)
          : shown === 'whole'
            ? msg(str`数据有 ${errors.length} 处错误，以下内容可能不准确`)
            : msg(str`数据有 ${errors.length} 处错误，只显示了无误的部分`)
      }
    </div>
    <ul>
      ${errors.map(item)}${warnings.map(item)}
    </ul>
  </div>`;
}

export const panelStyles = css`
  .zw-error {
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 0.75) var(--_space);
    margin-block-end: var(--_space);
  }
  .zw-error-title {
    font-weight: 700;
    font-size: 1em;
    margin: 0 0 0.25em;
    color: var(--_danger);
  }
  .zw-error ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .zw-error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    background: var(--_subtle);
    padding: 0 0.25em;
    border-radius: 3px;
    overflow-wrap: anywhere;
  }
  .zw-error .warning {
    color: var(--_muted);
  }
  .zw-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    color: var(--_text);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  .zw-notice p {
    margin: 0;
  }
  .zw-note {
    margin: 0 0 0.5em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .zw-empty {
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    color: var(--_muted);
    text-align: center;
  }
  .zw-skeleton {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .zw-skeleton .bar {
    height: 1em;
    margin-block: 0.6em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_subtle) 25%, var(--_border) 50%, var(--_subtle) 75%);
    background-size: 200% 100%;
    animation: zw-shimmer 1.4s linear infinite;
  }
  /* widths as classes, not style attributes: a strict CSP (style-src without 'unsafe-inline') blocks those */
  .zw-skeleton .w45 { width: 45%; }
  .zw-skeleton .w50 { width: 50%; }
  .zw-skeleton .w70 { width: 70%; }
  .zw-skeleton .w80 { width: 80%; }
  .zw-skeleton .w90 { width: 90%; }
  @keyframes zw-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (forced-colors: active) {
    .zw-skeleton .bar {
      background: GrayText;
    }
    .zw-notice {
      border-color: CanvasText;
    }
  }
`;
