import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate, type UiLocale } from '../core/format.js';
import { safeHref } from '../core/url.js';
import { fieldLabel, inBrackets, labelled, validityLabel } from '../schema/messages.js';
import type { PolicyDocument, Validity } from '../schema/types.generated.js';

/** A symbol per 有效性, so the state never depends on colour alone. */
export const VALIDITY_ICON: Record<Validity, string> = {
  effective: '✓',
  amended: '↻',
  abolished: '✕',
  expired: '⊘',
  pending: '◷',
};

/**
 * The 有效性 badge: symbol + word + border style (dashed 尚未生效, double 已修订, struck 已废止), never colour
 * alone. `named` adds a hidden 「有效性：」 for screen readers where no column header says what it is.
 */
export function renderValidityBadge(validity: Validity, named = false): TemplateResult {
  return html`<span class="badge ${validity}" part="badge"
    ><span aria-hidden="true">${VALIDITY_ICON[validity]}</span
    >${named ? html`<span class="visually-hidden">${labelled(fieldLabel('validity'))}</span>` : nothing}<span class="label">${validityLabel(validity)}</span></span
  >`;
}

export const validityBadgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    flex: none;
    padding: 0.1em 0.6em;
    border: 2px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 700;
    line-height: 1.5;
    white-space: nowrap;
  }
  .badge.effective { color: var(--_ok); }
  .badge.pending { color: var(--_warn); border-style: dashed; }
  .badge.amended { color: var(--_warn); border-style: double; border-width: 3px; }
  .badge.abolished,
  .badge.expired { color: var(--_danger); }
  .badge.abolished .label { text-decoration: line-through; text-decoration-thickness: 1px; }
  @media (forced-colors: active) {
    .badge { border-color: CanvasText; forced-color-adjust: auto; }
  }
`;

/** States a reader must be warned about before trusting the text. */
export const isOutOfForce = (validity: Validity | undefined): validity is 'abolished' | 'expired' | 'amended' =>
  validity === 'abolished' || validity === 'expired' || validity === 'amended';

/**
 * The notice on a policy that is no longer (fully) in force, with links to
 * what replaces it. `subject` says whose text the reader is looking at: the
 * policy itself, or an interpretation of it.
 */
export function renderValidityBanner(policy: PolicyDocument | undefined, subject: 'policy' | 'interpreted', locale: UiLocale): TemplateResult | typeof nothing {
  const validity = policy?.validity;
  if (!policy || !isOutOfForce(validity)) return nothing;
  const since = policy.abolishDate ? formatDate(locale, policy.abolishDate) : '';
  const text =
    subject === 'policy'
      ? validity === 'abolished'
        ? since
          ? msg(str`本文件已于 ${since} 废止，不再执行。`)
          : msg('本文件已废止，不再执行。')
        : validity === 'expired'
          ? since
            ? msg(str`本文件已于 ${since} 失效。`)
            : msg('本文件已失效。')
          : msg('本文件已被修订，请以修订后的文件为准。')
      : validity === 'abolished'
        ? since
          ? msg(str`本解读所解读的文件已于 ${since} 废止，解读内容不再适用。`)
          : msg('本解读所解读的文件已废止，解读内容不再适用。')
        : validity === 'expired'
          ? since
            ? msg(str`本解读所解读的文件已于 ${since} 失效，解读内容不再适用。`)
            : msg('本解读所解读的文件已失效，解读内容不再适用。')
          : msg('本解读所解读的文件已被修订，请以修订后的文件为准。');
  const contentLang = policy.language ?? 'zh-CN';
  const replacements = policy.replacedBy ?? [];
  return html`<div class="banner ${validity}" part="banner" role="note">
    <span class="icon" aria-hidden="true">${VALIDITY_ICON[validity]}</span>
    <div>
      <p>${text}</p>
      ${
        replacements.length
          ? html`<p>${msg('现行文件：')}</p>
            <ul>
              ${replacements.map((ref) => {
                const href = safeHref(ref.url);
                return html`<li><span lang=${contentLang}>${href ? html`<a href=${href}>${ref.title}</a>` : ref.title}${ref.docNo ? inBrackets(ref.docNo) : nothing}</span></li>`;
              })}
            </ul>`
          : nothing
      }
    </div>
  </div>`;
}

export const validityBannerStyles = css`
  .banner {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    margin: 0 0 var(--_space);
    padding: 0.75em var(--_space);
    border: 2px solid var(--_danger);
    border-inline-start-width: 8px;
    border-radius: var(--_radius);
    background: var(--_subtle);
    font-weight: 600;
  }
  .banner.amended {
    border-color: var(--_warn);
  }
  .banner .icon {
    font-size: 1.25em;
    line-height: 1.3;
  }
  .banner p {
    margin: 0;
  }
  .banner ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
    font-weight: 400;
  }
  @media (forced-colors: active) {
    .banner {
      border-color: CanvasText;
    }
  }
`;
