import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { ZwElement } from '../../base/zw-element.js';
import { contentInBrackets } from '../../base/content-lang.js';
import '../../core/rules/policy.js';
import { defineElement } from '../../base/define.js';
import { renderValidityBadge, renderValidityBanner, validityBadgeStyles, validityBannerStyles } from '../../base/validity.js';
import { formatDate, formatFileSize } from '../../core/format.js';
import { safeHref } from '../../core/url.js';
import { matchRanges } from '../../core/directory/fold.js';
import { disclosureLabel, fieldLabel, inBrackets, labelled } from '../../schema/messages.js';
import type { Attachment, PolicyDocument, PolicyRef } from '../../schema/types.generated.js';
import { policyCardStyles } from './policy-card.styles.js';

/**
 * 政策卡片 — one policy: title, issuing body, 发文字号, dates, 有效性 badge,
 * summary, key points, links to 原文, 解读, 图解 and attachments.
 *
 * @tagname zw-policy-card
 * @summary A policy document's card, in a compact (list item) or full layout.
 *
 * @attr src - URL of a policy JSON document.
 * @attr layout - `full` (default) or `compact` (one list item).
 * @attr highlight - A search to mark in the title (the directory's phone layout sets it).
 * @attr heading-level - Level of the title heading in the host page's outline (default 2).
 * @attr preview - For content staff: invalid data is listed issue by issue, with paths. Without it the public sees a short polite notice.
 * @attr appearance - `light` or `dark` forces the colours, `auto` follows the reader's system; by default the page's `color-scheme` decides (light unless it says dark).
 * @attr theme - `blue` for the blue alternative to the red 党政 default.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the policy document.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded and rendered; `detail.document`, `detail.warnings`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors`.
 * @fires {ZwEmptyEvent} zw-empty - There is no document (`data` null, an empty script, no data at all).
 *
 * @csspart root - The wrapper of everything the element shows (its typography and colours start here).
 * @csspart card - The card container.
 * @csspart banner - The notice on abolished, expired and amended documents.
 * @csspart title - The title heading.
 * @csspart badge - The 有效性 badge.
 * @csspart meta - The metadata list (索引号, 发布机构, …).
 * @csspart summary - The 内容概述 section.
 * @csspart key-points - The key points section.
 * @csspart links - The 原文 / 解读 / 图解 links.
 * @csspart attachments - The attachments section.
 * @csspart keywords - The keywords list.
 * @csspart error - The notice (public) or the issue list (`preview`) shown when the data cannot be shown.
 * @csspart retry - The 重试 button of the notice, when loading failed.
 * @csspart note - The discreet note above a document shown in part.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --zw-color-primary - Accent colour (default 党政 red #b3191f; blue theme #0f4c9a).
 * @cssprop --zw-color-text - Body text colour.
 * @cssprop --zw-color-muted - Secondary text colour.
 * @cssprop --zw-color-surface - Card background.
 * @cssprop --zw-color-subtle - Tinted background for banners and tags.
 * @cssprop --zw-color-border - Border colour.
 * @cssprop --zw-color-link - Link colour.
 * @cssprop --zw-color-focus - Focus ring colour.
 * @cssprop --zw-font-family - Font stack (system CJK fonts by default).
 * @cssprop --zw-font-size - Base text size (default 16px; 18px or more for 适老化).
 * @cssprop --zw-radius - Corner radius.
 * @cssprop --zw-space - Base spacing.
 */
export class ZwPolicyCard extends ZwElement<'policy'> {
  static override styles = [...ZwElement.styles, validityBannerStyles, validityBadgeStyles, policyCardStyles];
  protected readonly kind = 'policy' as const;

  /** `full` shows every field; `compact` is one line-group for lists. */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';

  /** A search to mark in the title (`<mark>`), as the directory's phone layout does; folded like the search (〔2019〕 = [2019]). */
  @property() highlight?: string;

  /** The document's language, for the spans of its own text. */
  private docLang = 'zh-CN';

  /** A date kept whole on one line (no 日 left alone at a line start). */
  private date(iso: string) {
    return html`<time class="zw-nobreak" datetime=${iso}>${formatDate(this.locale, iso)}</time>`;
  }

  /** 索引号 breaks only after its `/` (机构代码/ ⏎ 年份-顺序号), never inside a part. */
  private indexNo(value: string) {
    const slash = value.indexOf('/');
    if (slash < 0) return html`<span class="zw-nobreak">${value}</span>`;
    return html`<span class="zw-nobreak">${value.slice(0, slash + 1)}</span><wbr /><span class="zw-nobreak">${value.slice(slash + 1)}</span>`;
  }

  /** Shaped like a typical card of the layout (title, metadata, summary, points), so the page barely moves when it arrives. */
  protected override renderSkeleton(): TemplateResult {
    // `phone` rows show only on narrow screens, where titles and text wrap to more lines
    const lines = (n: number, phone = 0) =>
      Array.from({ length: n + phone }, (_, i) => html`<div class="bar ${i >= n ? 'phone' : ''} ${i === n + phone - 1 ? 'w70' : 'w90'}"></div>`);
    if (this.layout === 'compact') return html`<div class="bar w80"></div><div class="bar phone w70"></div>${lines(1, 1)}`;
    return html`<div class="bar title w80"></div><div class="bar title phone w50"></div>
      <div class="skeleton-meta">${lines(6, 2)}</div>
      <div class="bar heading w45"></div>${lines(3, 3)}
      <div class="bar heading w45"></div>${lines(4, 7)}
      <div class="bar button w45"></div>
      <div class="bar heading w45"></div>${lines(1)}`;
  }

  protected override renderEmpty() {
    return msg('暂无政策文件信息');
  }

  protected renderDocument(policy: PolicyDocument): TemplateResult {
    const compact = this.layout === 'compact';
    // Content is in the document's language even when the UI is English, so that
    // screen readers pick the right voice and browsers the right CJK glyphs.
    this.docLang = this.contentLang(policy);
    return html`<article class="card" part="card" aria-labelledby="title">
      ${compact ? nothing : renderValidityBanner(policy, 'policy', this.locale)}
      <div class="head">
        <div class="title" id="title" part="title" role="heading" aria-level=${this.level} lang=${this.docLang}>
          ${this.link(policy.url, this.marked(policy.title))}
        </div>
        ${policy.validity ? renderValidityBadge(policy.validity, true) : nothing}
      </div>
      ${compact ? this.renderBrief(policy) : this.renderFull(policy)}
    </article>`;
  }

  /** The title with the `highlight`'s matches marked. */
  private marked(text: string): TemplateResult | string {
    const query = this.highlight?.trim();
    const ranges = query ? matchRanges(text, query) : [];
    if (!ranges.length) return text;
    let at = 0;
    const parts: unknown[] = [];
    for (const [start, end] of ranges) {
      parts.push(text.slice(at, start), html`<mark>${text.slice(start, end)}</mark>`);
      at = end;
    }
    parts.push(text.slice(at));
    return html`${parts}`;
  }

  private link(href: string | undefined, text: TemplateResult | string) {
    const safe = safeHref(href);
    return safe ? html`<a href=${safe}>${text}</a>` : text;
  }

  private renderRef(ref: PolicyRef) {
    return html`<span lang=${this.docLang}>${this.link(ref.url, ref.title)}${ref.docNo ? inBrackets(ref.docNo) : nothing}</span>`;
  }

  private renderBrief(policy: PolicyDocument) {
    return html`<ul class="brief" part="meta">
      <li><span class="visually-hidden">${labelled(fieldLabel('issuer'))}</span><span lang=${this.docLang}>${policy.issuer.name}</span></li>
      ${policy.docNo ? html`<li><span class="visually-hidden">${labelled(fieldLabel('docNo'))}</span><span class="zw-nobreak" lang=${this.docLang}>${policy.docNo}</span></li>` : nothing}
      <li>${labelled(fieldLabel('publishDate'))}${this.date(policy.publishDate)}</li>
    </ul>`;
  }

  private renderFull(policy: PolicyDocument) {
    // dt/dd pairs wrapped in divs, so the grid adapts to the card's width, not the screen's
    const row = (key: string, value: unknown, lang = this.docLang) => (value ? html`<div class="pair"><dt>${fieldLabel(key)}</dt><dd lang=${lang}>${value}</dd></div>` : nothing);
    const dateRow = (key: string, iso?: string) => (iso ? html`<div class="pair"><dt>${fieldLabel(key)}</dt><dd>${this.date(iso)}</dd></div>` : nothing);
    const links = [
      [policy.url, msg('查看原文')],
      [policy.interpretationUrl, msg('政策解读')],
      [policy.infographicUrl, msg('图解')],
    ].filter(([href]) => safeHref(href)) as [string, string][];
    return html`
      <dl class="meta" part="meta">
        ${row('indexNo', policy.indexNo && this.indexNo(policy.indexNo))} ${row('issuer', policy.issuer.name)} ${row('topic', policy.category?.topic)}
        ${row('group', policy.category?.group)} ${row('docNo', policy.docNo && html`<span class="zw-nobreak">${policy.docNo}</span>`)} ${dateRow('writtenDate', policy.writtenDate)}
        ${dateRow('publishDate', policy.publishDate)} ${dateRow('effectiveDate', policy.effectiveDate)}
        ${dateRow('abolishDate', policy.abolishDate)} ${row('disclosure', policy.disclosure && disclosureLabel(policy.disclosure), this.locale)}
      </dl>
      ${
        policy.summary
          ? html`<div class="section" part="summary"><div class="subheading" role="heading" aria-level=${this.subLevel()}>${fieldLabel('summary')}</div><p lang=${this.docLang}>${policy.summary}</p></div>`
          : nothing
      }
      ${
        policy.keyPoints?.length
          ? html`<div class="section" part="key-points">
            <div class="subheading" role="heading" aria-level=${this.subLevel()}>${msg('政策要点')}</div>
            <ol lang=${this.docLang}>${policy.keyPoints.map((point) => html`<li>${point}</li>`)}</ol>
          </div>`
          : nothing
      }
      ${
        policy.replaces?.length
          ? html`<div class="section">
            <div class="subheading" role="heading" aria-level=${this.subLevel()}>${msg('被本文件废止或修订的文件')}</div>
            <ul>${policy.replaces.map((ref) => html`<li>${this.renderRef(ref)}</li>`)}</ul>
          </div>`
          : nothing
      }
      ${policy.attachments?.length ? this.renderAttachments(policy.attachments) : nothing}
      ${
        links.length
          ? html`<ul class="links" part="links">
            ${links.map(([href, label]) => html`<li><a class="zw-link-button" href=${href}>${label}<span class="visually-hidden">${contentInBrackets(policy.title, this.docLang)}</span></a></li>`)}
          </ul>`
          : nothing
      }
      ${
        policy.keywords?.length
          ? html`<div class="section">
            <div class="subheading" role="heading" aria-level=${this.subLevel()}>${fieldLabel('keywords')}</div>
            <ul class="keywords" part="keywords" lang=${this.docLang}>${policy.keywords.map((k) => html`<li>${k}</li>`)}</ul>
          </div>`
          : nothing
      }
    `;
  }

  private renderAttachments(attachments: Attachment[]) {
    return html`<div class="section attachments" part="attachments">
      <div class="subheading" role="heading" aria-level=${this.subLevel()}>${fieldLabel('attachments')}</div>
      <ul>
        ${attachments.map((file) => {
          const info = [file.format?.toUpperCase(), file.size !== undefined ? formatFileSize(this.locale, file.size) : undefined].filter(Boolean).join(msg('，'));
          return html`<li>${this.link(file.url, html`<span lang=${this.docLang}>${file.name}</span>${info ? html` <span class="fileinfo">${inBrackets(info)}</span>` : nothing}`)}</li>`;
        })}
      </ul>
    </div>`;
  }
}

defineElement('zw-policy-card', ZwPolicyCard);

declare global {
  interface HTMLElementTagNameMap {
    'zw-policy-card': ZwPolicyCard;
  }
}
