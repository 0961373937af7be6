import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { blockStyles, renderBlocks } from '../../base/blocks.js';
import { renderValidityBanner, validityBannerStyles } from '../../base/validity.js';
import { formatDate } from '../../core/format.js';
import { matchesQuery } from '../../core/search.js';
import { markTerms } from '../../core/terms.js';
import { safeHref } from '../../core/url.js';
import { INTERPRETATION_SECTIONS, type InterpretationSection } from '../../core/rules/interpretation.js';
import { fieldLabel, inBrackets, labelled } from '../../schema/messages.js';
import type { Block, InterpretationDocument, PolicyDocument } from '../../schema/types.generated.js';
import type { ZwLoadEvent } from '../../base/events.js';
import { ZwSectionChangeEvent, ZwTermOpenEvent } from './interpretation.events.js';
import { interpretationStyles } from './interpretation.styles.js';
import '../policy-card/policy-card.js';

type Faq = NonNullable<InterpretationDocument['faq']>[number];
type GlossaryEntry = NonNullable<InterpretationDocument['glossary']>[number];
type Form = NonNullable<InterpretationDocument['form']>;

/** Anchor ids of the sections: what a link to `#main-content` or `#faq` points at. */
const ANCHOR: Record<InterpretationSection, string> = {
  background: 'background',
  objectives: 'objectives',
  mainContent: 'main-content',
  scope: 'scope',
  standards: 'standards',
  notes: 'notes',
  glossary: 'glossary',
  changes: 'changes',
  benefits: 'benefits',
  faq: 'faq',
  related: 'related',
};

const SECTION_ANCHORS = new Set(Object.values(ANCHOR));

const BLOCK_SECTIONS = new Set<InterpretationSection>(['background', 'objectives', 'mainContent', 'scope', 'standards', 'notes', 'benefits']);

/**
 * From this width (in em of the element's own font size) the table of contents
 * stands beside the text, sticky; narrower — a phone, or a narrow portal column
 * on a wide screen — it folds away above the text. The element's width decides,
 * not the window's.
 */
const WIDE_EM = 56;

/**
 * 政策解读 — a full interpretation in the standard sections (背景依据, 目标任务,
 * 主要内容, 涉及范围, 执行标准, 注意事项, 关键词诠释, 新旧政策差异, 惠民利民举措,
 * 典型问答, 相关政策), with a table of contents, glossary terms explained where
 * they occur, a filterable FAQ and links to the policy, its 图解 and video.
 *
 * Every section and question has an anchor (`#background`, `#faq-3`): opening
 * a page with one scrolls there and opens the question.
 *
 * @tagname zw-interpretation
 * @summary A policy interpretation (政策解读) in the standard structure.
 *
 * @attr src - URL of an interpretation JSON document.
 * @attr heading-level - Level of the title in the host page's outline (default 2); sections go one deeper.
 * @attr anchor-prefix - Prefix for anchor ids, when two interpretations share a page (`a-` gives `#a-faq-3`).
 *
 * @slot - A `<script type="application/json">` holding the interpretation document.
 * @slot comparison - A detailed old-vs-new comparison (e.g. `<zw-policy-compare>`) shown in 新旧政策差异.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded and rendered; `detail.document`, `detail.warnings`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded or is invalid; `detail.errors`.
 * @fires {ZwSectionChangeEvent} zw-section-change - The reader's current section changed; `detail.section`, `detail.title`.
 * @fires {ZwTermOpenEvent} zw-term-open - A glossary definition was opened; `detail.term`, `detail.definition`.
 *
 * @csspart article - The whole interpretation.
 * @csspart banner - The notice when the interpreted policy is abolished, expired or amended.
 * @csspart header - Title, interpreting body, date, form, policy card and media links.
 * @csspart title - The title heading.
 * @csspart form - The 解读形式 badge.
 * @csspart toc - The table of contents.
 * @csspart section - Each section.
 * @csspart term - A glossary term marked in the text.
 * @csspart popover - The definition popover of a term.
 * @csspart glossary - The glossary list.
 * @csspart faq - The question-and-answer list.
 * @csspart error - The error list shown for invalid data.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --zw-color-primary - Accent colour (default 党政 red #b3191f; blue theme #0f4c9a).
 * @cssprop --zw-color-text - Body text colour.
 * @cssprop --zw-color-muted - Secondary text colour.
 * @cssprop --zw-color-surface - Background.
 * @cssprop --zw-color-subtle - Tinted background for notes, the table of contents and answers.
 * @cssprop --zw-color-border - Border colour.
 * @cssprop --zw-color-link - Link colour.
 * @cssprop --zw-color-focus - Focus ring colour.
 * @cssprop --zw-font-family - Font stack (system CJK fonts by default).
 * @cssprop --zw-font-size - Base text size (default 16px; 18px or more for 适老化).
 * @cssprop --zw-radius - Corner radius.
 * @cssprop --zw-space - Base spacing.
 * @cssprop --zw-sticky-top - Offset of the sticky table of contents (below a fixed portal header).
 */
export class ZwInterpretation extends ZwElement<'interpretation'> {
  static override styles = [...ZwElement.styles, blockStyles, validityBannerStyles, interpretationStyles];
  protected readonly kind = 'interpretation' as const;

  /** Prefix for anchor ids, so two interpretations on one page keep distinct links. */
  @property({ attribute: 'anchor-prefix' }) anchorPrefix = '';

  @state() private openFaq = new Set<number>();
  @state() private faqQuery = '';
  /** The open glossary popover: which term, at which occurrence. */
  @state() private openTerm?: { index: number; at: string };
  @state() private currentSection?: string;
  @state() private wide = false;
  @state() private tocOpen = false;
  @state() private printing = false;
  /** The interpreted policy when it comes by `policyUrl` (loaded by the nested card). */
  @state() private linkedPolicy?: PolicyDocument;
  private linkedPolicyUrl?: string;

  private resizeObserver?: ResizeObserver;
  private termTrigger?: HTMLElement;
  private scrollFrame = 0;
  private revealedOnLoad = false;
  private holdSection = 0;

  private resizeFrame = 0;
  private readonly onResize = () => {
    // Change layout in the next frame, not inside the observer's callback: a layout
    // change there would trigger "ResizeObserver loop" errors on the host page.
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = requestAnimationFrame(() => {
      const em = parseFloat(getComputedStyle(this).fontSize) || 16;
      const width = this.getBoundingClientRect().width / em;
      // A little hysteresis, so a scroll bar appearing at the threshold cannot make it flip back and forth.
      const wide = this.wide ? width >= WIDE_EM - 2 : width >= WIDE_EM;
      if (wide !== this.wide) this.wide = wide;
    });
  };
  private readonly onScroll = () => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.trackSection();
    });
  };
  private readonly onHash = () => this.revealHash();
  private readonly onBeforePrint = () => {
    this.printing = true;
    this.performUpdate(); // before the browser lays out the printout
  };
  private readonly onAfterPrint = () => {
    this.printing = false;
  };
  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.openTerm && !event.composedPath().some((n) => n instanceof HTMLElement && (n.classList.contains('popover') || n.classList.contains('term')))) {
      this.openTerm = undefined;
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(this.onResize);
    this.resizeObserver.observe(this);
    addEventListener('scroll', this.onScroll, { passive: true });
    addEventListener('hashchange', this.onHash);
    addEventListener('popstate', this.onHash);
    addEventListener('beforeprint', this.onBeforePrint);
    addEventListener('afterprint', this.onAfterPrint);
    document.addEventListener('pointerdown', this.onPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    cancelAnimationFrame(this.resizeFrame);
    this.resizeFrame = 0;
    removeEventListener('scroll', this.onScroll);
    // cancelled frames must not leave the guards set, or tracking stops after a move
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    removeEventListener('hashchange', this.onHash);
    removeEventListener('popstate', this.onHash);
    removeEventListener('beforeprint', this.onBeforePrint);
    removeEventListener('afterprint', this.onAfterPrint);
    document.removeEventListener('pointerdown', this.onPointerDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('doc' as keyof ZwInterpretation)) {
      // A new document starts closed, unfiltered, at its top.
      this.openFaq = new Set();
      this.faqQuery = '';
      this.openTerm = undefined;
      this.currentSection = this.doc ? ANCHOR[this.sections[0]] : undefined; // a document opens at its top
      // The nested card fetches again only when the URL changes, so keep what it loaded.
      if (this.doc?.policyUrl !== this.linkedPolicyUrl) this.linkedPolicy = undefined;
      this.revealedOnLoad = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.state === 'ready' && this.doc && !this.revealedOnLoad) {
      this.revealedOnLoad = true;
      if (location.hash) void this.revealHash(true);
    }
    if (changed.has('openTerm' as keyof ZwInterpretation) && this.openTerm) this.placePopover();
  }

  private anchor(id: string) {
    return `${this.anchorPrefix}${id}`;
  }

  private get sections(): InterpretationSection[] {
    const doc = this.doc;
    return doc ? INTERPRETATION_SECTIONS.filter((key) => doc[key] !== undefined) : [];
  }

  // ── Navigation ────────────────────────────────────────────────────────────

  /** Scrolls to the section or question the URL's fragment names, opening a question first. */
  private async revealHash(onLoad = false) {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed fragment (`#100%`): use it as written
    }
    if (!id || !this.doc || (this.anchorPrefix && !id.startsWith(this.anchorPrefix))) return;
    await this.reveal(id.slice(this.anchorPrefix.length), onLoad);
  }

  /**
   * Scrolls to an anchor (`faq-3`, `background`) and moves focus there. Returns whether it exists.
   * `instant` jumps without smooth scrolling, as a browser does for a link opened from elsewhere.
   */
  async reveal(anchorId: string, instant = false): Promise<boolean> {
    const faq = /^faq-(\d+)$/.exec(anchorId);
    if (faq) {
      const index = Number(faq[1]) - 1;
      if (!this.doc?.faq?.[index]) return false;
      this.faqQuery = '';
      this.openFaq = new Set(this.openFaq).add(index);
    }
    // Fold the phone's contents list before measuring: folding it after the jump moved the target away.
    if (!this.wide) {
      // the element itself, not only the state: a toggle event still in flight may not have synced it yet
      const toc = this.renderRoot.querySelector<HTMLDetailsElement>('[part=toc] details');
      if (toc) toc.open = false;
      this.tocOpen = false;
    }
    await this.updateComplete;
    // Cards above the target render in their own update: wait, or the target moves after the jump.
    await Promise.all([...this.renderRoot.querySelectorAll('zw-policy-card')].map((card) => card.updateComplete));
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.anchor(anchorId))}`);
    if (!target) return false;
    const focusable = faq ? target.querySelector<HTMLElement>('summary') : target.querySelector<HTMLElement>('.section-heading');
    const smooth = !instant && !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    focusable?.focus({ preventScroll: true });
    // The section followed is the current one, even if a short one below it also reached the top.
    const section = faq ? 'faq' : anchorId;
    if (section !== this.currentSection && SECTION_ANCHORS.has(section)) {
      this.currentSection = section;
      this.emit(new ZwSectionChangeEvent(section, this.renderRoot.querySelector(`#${CSS.escape(this.anchor(section))} .section-heading`)?.textContent?.trim() ?? section));
    }
    this.holdSection = performance.now() + 1000; // until the jump's own scroll events have passed
    return true;
  }

  private onTocClick(event: MouseEvent, id: string) {
    event.preventDefault();
    history.pushState(null, '', `#${this.anchor(id)}`);
    void this.reveal(id);
  }

  /** The current section is the last one whose top has passed a line near the top of the window. */
  private trackSection() {
    if (performance.now() < this.holdSection) return;
    const sections = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-section]')];
    if (!sections.length) return;
    const line = Math.min(160, innerHeight * 0.3);
    let current = sections[0];
    for (const section of sections) if (section.getBoundingClientRect().top <= line) current = section;
    const id = current.dataset.section!;
    if (id === this.currentSection) return;
    this.currentSection = id;
    this.emit(new ZwSectionChangeEvent(id, current.querySelector('.section-heading')?.textContent?.trim() ?? id));
  }

  // ── Glossary ──────────────────────────────────────────────────────────────

  private toggleTerm(index: number, at: string, trigger: HTMLElement) {
    if (this.openTerm?.index === index && this.openTerm.at === at) {
      this.closeTerm(true);
      return;
    }
    this.termTrigger = trigger;
    this.openTerm = { index, at };
    const entry = this.doc!.glossary![index];
    this.emit(new ZwTermOpenEvent(entry.term, entry.definition));
  }

  private closeTerm(returnFocus: boolean) {
    this.openTerm = undefined;
    if (returnFocus) this.termTrigger?.focus();
  }

  /** Keeps the popover inside the window on narrow screens, then focuses it. */
  private placePopover() {
    const popover = this.renderRoot.querySelector<HTMLElement>('.popover');
    if (!popover) return;
    popover.style.left = '0px'; // CSSOM, not a style attribute: allowed under a strict CSP
    const rect = popover.getBoundingClientRect();
    const overflow = rect.right - (document.documentElement.clientWidth - 8);
    if (overflow > 0) popover.style.left = `${-Math.min(overflow, rect.left - 8)}px`;
    popover.focus();
  }

  private onPopoverKey(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeTerm(true);
    }
  }

  /** Text with glossary terms marked: each term once per section, where first met. */
  private termText(section: string) {
    const glossary = this.doc?.glossary;
    if (!glossary?.length || this.printing) return (text: string) => text;
    const terms = glossary.map((g) => g.term);
    const marked = new Set<string>();
    let occurrence = 0;
    return (text: string) =>
      markTerms(text, terms, marked).map((segment) => {
        if (typeof segment === 'string') return segment;
        const at = `${section}-${occurrence++}`;
        const open = this.openTerm?.index === segment.index && this.openTerm.at === at;
        return html`<span class="term-wrap"
          ><button
            type="button"
            class="term"
            part="term"
            aria-expanded=${open ? 'true' : 'false'}
            aria-describedby=${this.anchor(`term-${segment.index + 1}-definition`)}
            @click=${(e: Event) => this.toggleTerm(segment.index, at, e.currentTarget as HTMLElement)}
            @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && open && this.closeTerm(true)}
          >${segment.term}</button
          >${open ? this.renderPopover(glossary[segment.index]) : nothing}</span
        >`;
      });
  }

  private renderPopover(entry: GlossaryEntry) {
    return html`<span class="popover" part="popover" role="dialog" aria-labelledby="popover-term" tabindex="-1" @keydown=${this.onPopoverKey}
      ><span class="popover-term" id="popover-term">${entry.term}</span
      ><span class="popover-definition">${entry.definition}</span
      >${entry.source ? html`<span class="popover-source">${labelled(fieldLabel('source'))}${entry.source}</span>` : nothing}<button
        type="button"
        class="popover-close"
        aria-label=${msg('关闭释义')}
        @click=${() => this.closeTerm(true)}
      >
        <span aria-hidden="true">×</span>
      </button></span
    >`;
  }

  // ── FAQ ───────────────────────────────────────────────────────────────────

  private setAllFaq(open: boolean) {
    const faq = this.doc?.faq ?? [];
    this.openFaq = open ? new Set(faq.map((_, i) => i).filter((i) => matchesQuery(this.faqQuery, faq[i].question, faq[i].answer))) : new Set();
  }

  private onFaqToggle(index: number, event: Event) {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === this.openFaq.has(index) || this.printing) return;
    const next = new Set(this.openFaq);
    if (open) next.add(index);
    else next.delete(index);
    this.openFaq = next;
  }

  // ── Rendering ─────────────────────────────────────────────────────────────

  private date(iso: string) {
    return formatDate(this.locale, iso);
  }

  private formLabel(form: Form): string {
    switch (form) {
      case 'text': return msg('文字解读');
      case 'graphic': return msg('图文解读');
      case 'video': return msg('视频解读');
      case 'expert': return msg('专家解读');
      case 'press-conference': return msg('新闻发布会');
    }
  }

  protected override renderEmpty() {
    return msg('暂无政策解读');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="bar title w80"></div>
      <div class="bar w45"></div>
      <div class="bar card"></div>
      ${[90, 90, 70, 90, 90, 90, 45].map((w) => html`<div class="bar w${w}"></div>`)}`;
  }

  protected renderDocument(doc: InterpretationDocument): TemplateResult {
    const sections = this.sections;
    const lang = doc.language ?? 'zh-CN';
    return html`<article class="interpretation" part="article" aria-labelledby="title">
      ${renderValidityBanner(doc.policy ?? this.linkedPolicy, 'interpreted', this.locale)}
      <header class="header" part="header">
        <div class="title" id="title" part="title" role="heading" aria-level=${this.level} lang=${lang}>${doc.title}</div>
        ${this.renderMeta(doc, lang)} ${this.renderPolicy(doc)} ${this.renderMedia(doc)}
      </header>
      <div class="layout ${this.wide ? 'wide' : ''}">
        ${sections.length > 1 ? this.renderToc(sections) : nothing}
        <div class="sections">${sections.map((key) => this.renderSection(key, doc))}</div>
      </div>
    </article>`;
  }

  private renderMeta(doc: InterpretationDocument, lang: string) {
    return html`<ul class="meta">
      ${doc.form ? html`<li><span class="form" part="form">${this.formLabel(doc.form)}</span></li>` : nothing}
      <li>${labelled(fieldLabel('interpreter'))}<span lang=${lang}>${doc.interpreter.name}</span></li>
      <li>${labelled(msg('发布日期'))}<time datetime=${doc.publishDate}>${this.date(doc.publishDate)}</time></li>
      ${doc.firstInterpreter
        ? html`<li>${labelled(fieldLabel('firstInterpreter'))}<span lang=${lang}>${doc.firstInterpreter.name}${doc.firstInterpreter.post ? inBrackets(doc.firstInterpreter.post) : nothing}</span></li>`
        : nothing}
    </ul>`;
  }

  /** The interpreted policy as a compact card; its events stay inside this element. */
  private renderPolicy(doc: InterpretationDocument) {
    const src = doc.policy ? undefined : safeHref(doc.policyUrl);
    if (!doc.policy && !src) return nothing;
    return html`<div class="policy">
      <p class="policy-label">${msg('解读的文件：')}</p>
      <zw-policy-card
        lang=${this.locale}
        theme=${this.theme ?? nothing}
        appearance=${this.appearance ?? nothing}
        layout="compact"
        heading-level=${Math.min(6, this.level + 1)}
        .data=${doc.policy}
        src=${src ?? nothing}
        @zw-load=${(e: ZwLoadEvent<PolicyDocument>) => {
          e.stopPropagation();
          if (!doc.policy) {
            this.linkedPolicy = e.detail.document;
            this.linkedPolicyUrl = doc.policyUrl;
          }
        }}
        @zw-error=${(e: Event) => e.stopPropagation()}
      ></zw-policy-card>
    </div>`;
  }

  private renderMedia(doc: InterpretationDocument) {
    const media = doc.media;
    const infographic = safeHref(media?.infographicUrl ?? doc.policy?.infographicUrl);
    const video = media?.video && safeHref(media.video.url) ? media.video : undefined;
    if (!infographic && !video) return nothing;
    const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    return html`<ul class="media">
      ${infographic
        ? html`<li><a class="zw-link-button" href=${infographic}><span aria-hidden="true">▦ </span>${media?.infographicTitle ?? msg('一图读懂')}</a></li>`
        : nothing}
      ${video
        ? html`<li>
            <a class="zw-link-button" href=${safeHref(video.url)!}
              ><span aria-hidden="true">▶ </span>${msg('观看视频解读')}${video.title ? inBrackets(video.title) : nothing}${video.duration
                ? html` <span class="duration">${msg(str`时长 ${minutes(video.duration)}`)}</span>`
                : nothing}</a
            >
            ${safeHref(video.captionsUrl) ? html`<a class="zw-link-button captions" href=${safeHref(video.captionsUrl)!}>${msg('视频字幕文件')}</a>` : nothing}
          </li>`
        : nothing}
    </ul>`;
  }

  /** Names the document, so two interpretations on a page have distinct navigation landmarks. */
  private get tocLabel() {
    return msg(str`目录：${this.doc?.title ?? ''}`);
  }

  private renderToc(sections: InterpretationSection[]) {
    const links = html`<ol>
      ${sections.map((key) => {
        const id = ANCHOR[key];
        const current = this.currentSection === id;
        return html`<li>
          <a href="#${this.anchor(id)}" aria-current=${current ? 'location' : nothing} @click=${(e: MouseEvent) => this.onTocClick(e, id)}>${fieldLabel(key)}</a>
        </li>`;
      })}
    </ol>`;
    if (this.wide) {
      return html`<nav class="toc" part="toc" aria-label=${this.tocLabel}><div class="toc-title" aria-hidden="true">${msg('目录')}</div>${links}</nav>`;
    }
    return html`<nav class="toc" part="toc" aria-label=${this.tocLabel}>
      <details ?open=${this.tocOpen} @toggle=${(e: Event) => (this.tocOpen = (e.target as HTMLDetailsElement).open)}>
        <summary>${msg(str`目录（${sections.length} 部分）`)}</summary>
        ${links}
      </details>
    </nav>`;
  }

  private renderSection(key: InterpretationSection, doc: InterpretationDocument) {
    const id = ANCHOR[key];
    const level = Math.min(6, this.level + 1);
    const text = this.termText(id);
    let body: unknown;
    // Content carries the document's language; headings, buttons and labels stay in the UI's.
    const lang = doc.language ?? 'zh-CN';
    if (BLOCK_SECTIONS.has(key)) body = html`<div class="section-body" lang=${lang}>${renderBlocks(doc[key] as Block[], { headingLevel: Math.min(6, level + 1), text })}</div>`;
    else if (key === 'glossary') body = this.renderGlossary(doc.glossary!, lang);
    else if (key === 'changes') body = this.renderChanges(doc.changes!, text, lang);
    else if (key === 'faq') body = this.renderFaq(doc.faq!, text, lang);
    else if (key === 'related') body = this.renderRelated(doc.related!, lang);
    // Not <section>: named regions would repeat as landmarks when a page holds two interpretations.
    return html`<div id=${this.anchor(id)} data-section=${id} class="section ${key}" part="section">
      <div class="section-heading" id=${`${id}-heading`} role="heading" aria-level=${level} tabindex="-1">${fieldLabel(key)}</div>
      ${body}
    </div>`;
  }

  private renderGlossary(glossary: GlossaryEntry[], lang: string) {
    return html`<dl class="glossary" part="glossary" lang=${lang}>
      ${glossary.map(
        (entry, i) => html`<div class="entry" id=${this.anchor(`term-${i + 1}`)}>
          <dt>${entry.term}</dt>
          <dd id=${this.anchor(`term-${i + 1}-definition`)}>
            ${entry.definition}${entry.source ? html`<span class="source"><span lang=${this.locale}>${labelled(fieldLabel('source'))}</span>${entry.source}</span>` : nothing}
          </dd>
        </div>`,
      )}
    </dl>`;
  }

  private renderChanges(changes: NonNullable<InterpretationDocument['changes']>, text: (t: string) => unknown, lang: string) {
    const comparison = safeHref(changes.comparisonUrl);
    return html`${changes.items?.length
        ? html`<ol class="changes-list">
            ${changes.items.map(
              (item) => html`<li>
                ${item.subject ? html`<div class="change-subject" lang=${lang}>${text(item.subject)}</div>` : nothing}
                <dl class="change">
                  <div class="before">
                    <dt>${fieldLabel('before')}</dt>
                    <dd>${item.before ? html`<span class="old" lang=${lang}>${text(item.before)}</span>` : html`<span class="none">${msg('（原无此规定，新增）')}</span>`}</dd>
                  </div>
                  <div class="after">
                    <dt>${fieldLabel('after')}</dt>
                    <dd lang=${lang}>${text(item.after)}</dd>
                  </div>
                  ${item.note ? html`<div class="note"><dt>${fieldLabel('note')}</dt><dd lang=${lang}>${text(item.note)}</dd></div>` : nothing}
                </dl>
              </li>`,
            )}
          </ol>`
        : nothing}
      <slot name="comparison"></slot>
      ${comparison ? html`<p><a href=${comparison}>${msg('查看新旧政策逐条对比')}</a></p>` : nothing}`;
  }

  private renderFaq(faq: Faq[], text: (t: string) => unknown, lang: string) {
    const visible = faq.map((item) => this.printing || matchesQuery(this.faqQuery, item.question, item.answer));
    const shown = visible.filter(Boolean).length;
    return html`<div class="faq-tools">
        <label for="faq-filter">${msg('在问答中查找')}</label>
        <input
          id="faq-filter"
          type="search"
          .value=${this.faqQuery}
          @input=${(e: Event) => (this.faqQuery = (e.target as HTMLInputElement).value)}
          autocomplete="off"
        />
        <button type="button" class="zw-button" @click=${() => this.setAllFaq(true)}>${msg('全部展开')}</button>
        <button type="button" class="zw-button" @click=${() => this.setAllFaq(false)}>${msg('全部收起')}</button>
      </div>
      <p class="faq-status" role="status">
        ${shown === faq.length ? msg(str`共 ${faq.length} 个问题`) : msg(str`找到 ${shown} 个问题（共 ${faq.length} 个）`)}
      </p>
      <div class="faq" part="faq">
        ${faq.map(
          (item, i) => html`<details
            id=${this.anchor(`faq-${i + 1}`)}
            class="faq-item"
            ?hidden=${!visible[i]}
            ?open=${this.printing || this.openFaq.has(i)}
            @toggle=${(e: Event) => this.onFaqToggle(i, e)}
          >
            <summary><span class="q" aria-hidden="true">${msg('问')}</span><span class="question" lang=${lang}>${item.question}</span></summary>
            <div class="answer">
              <span class="a" aria-hidden="true">${msg('答')}</span>
              <div lang=${lang}>${item.answer.split(/\n+/).filter((p) => p.trim()).map((p) => html`<p>${text(p)}</p>`)}</div>
            </div>
          </details>`,
        )}
      </div>`;
  }

  private renderRelated(related: NonNullable<InterpretationDocument['related']>, lang: string) {
    const level = Math.min(6, this.level + 2);
    return html`<ul class="related">
      ${related.map((item) => {
        if ('type' in item) {
          return html`<li><zw-policy-card lang=${this.locale} theme=${this.theme ?? nothing} appearance=${this.appearance ?? nothing} layout="compact" heading-level=${level} .data=${item} @zw-load=${stop} @zw-error=${stop}></zw-policy-card></li>`;
        }
        const href = safeHref(item.url);
        if (!href) return nothing;
        return item.title
          ? html`<li class="link"><a href=${href} lang=${lang}>${item.title}</a></li>`
          : html`<li><zw-policy-card lang=${this.locale} theme=${this.theme ?? nothing} appearance=${this.appearance ?? nothing} layout="compact" heading-level=${level} src=${href} @zw-load=${stop} @zw-error=${stop}></zw-policy-card></li>`;
      })}
    </ul>`;
  }
}

/** Nested cards' events are this element's business, not the host page's. */
const stop = (event: Event) => event.stopPropagation();

defineElement('zw-interpretation', ZwInterpretation);

declare global {
  interface HTMLElementTagNameMap {
    'zw-interpretation': ZwInterpretation;
  }
}
