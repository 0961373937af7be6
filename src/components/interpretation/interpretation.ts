import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { controlStyles } from '../../base/controls.styles.js';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { WidthController } from '../../base/width.js';
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
import { PageEventsController } from '../../base/page-events.js';
import { scrollBehavior } from '../../base/motion.js';

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
 * The band at the top of the scrollport in which a section counts as being read:
 * its top 30%. The current section is the last one whose top has passed the band's
 * lower edge.
 */
const READING_BAND = '0px 0px -70% 0px';

/** A reader's own scrolling (not a jump's): wheel, touch, keys, a click (the scroll bar too). */
const READER_SCROLL_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/** The parent in the flat tree: through slots and out of shadow roots. */
const flatParent = (node: Element): Element | null => node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);

/**
 * What the reader scrolls to move through an element: the nearest ancestor that really
 * scrolls (a portal's content `<div>`), else the element's own document (in an iframe,
 * the iframe's). A clearfix `overflow: auto` that does not overflow is not one.
 */
function scrollport(element: Element): Element | Document {
  for (let node = flatParent(element); node && node !== element.ownerDocument.body && node !== element.ownerDocument.documentElement; node = flatParent(node)) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') && node.scrollHeight > node.clientHeight) return node;
  }
  return element.ownerDocument;
}

/**
 * 政策解读 — a full interpretation in the standard sections (背景依据, 目标任务,
 * 主要内容, 涉及范围, 执行标准, 注意事项, 关键词诠释, 新旧政策差异, 惠民利民举措,
 * 典型问答, 相关政策), with a table of contents, glossary terms explained where
 * they occur, a filterable FAQ and links to the policy, its 图解 and video.
 *
 * Every section and question has an anchor (`#background`, `#faq-3`): opening
 * a page with one scrolls there and opens the question.
 *
 * The section being read is tracked with an IntersectionObserver on the scrollport
 * (the window, or a portal's scrolling `<div>`). Marked glossary terms are one tab
 * stop per section (per answer in 典型问答): the arrow keys, Home and End move among
 * that section's terms, Enter or Space opens the definition, Escape closes it.
 *
 * @tagname zw-interpretation
 * @summary A policy interpretation (政策解读) in the standard structure.
 *
 * @attr src - URL of an interpretation JSON document.
 * @attr heading-level - Level of the title in the host page's outline (default 2); sections go one deeper.
 * @attr anchor-prefix - Prefix for anchor ids, when two interpretations share a page (`a-` gives `#a-faq-3`).
 * @attr preview - For content staff: invalid data is listed issue by issue, with paths. Without it the public sees a short polite notice.
 * @attr appearance - `light` or `dark` forces the colours, `auto` follows the reader's system; by default the page's `color-scheme` decides (light unless it says dark).
 * @attr theme - `blue` for the blue alternative to the red 党政 default.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the interpretation document.
 * @slot comparison - A detailed old-vs-new comparison (e.g. `<zw-policy-compare>`) shown in 新旧政策差异.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded and rendered; `detail.document`, `detail.warnings`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors`.
 * @fires {ZwEmptyEvent} zw-empty - There is no document (`data` null, an empty script, no data at all).
 * @fires {ZwSectionChangeEvent} zw-section-change - The reader's current section changed; `detail.section`, `detail.title`.
 * @fires {ZwTermOpenEvent} zw-term-open - A glossary definition was opened; `detail.term`, `detail.definition`.
 *
 * @csspart root - The wrapper of everything the element shows (its typography and colours start here).
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
 * @csspart error - The notice (public) or the issue list (`preview`) shown when the data cannot be shown.
 * @csspart retry - The 重试 button of the notice, when loading failed.
 * @csspart note - The discreet note above a document shown in part.
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
  static override styles = [...ZwElement.styles, controlStyles, blockStyles, validityBannerStyles, interpretationStyles];
  protected readonly kind = 'interpretation' as const;

  /** Prefix for anchor ids, so two interpretations on one page keep distinct links. */
  @property({ attribute: 'anchor-prefix' }) anchorPrefix = '';

  @state() private openFaq = new Set<number>();
  @state() private faqQuery = '';
  /** The open glossary popover: which term, at which occurrence. */
  @state() private openTerm?: { index: number; at: string };
  @state() private currentSection?: string;
  /** Whether the contents list stands beside the text (as last rendered); undefined until the element's width is measured. */
  private wide?: boolean;
  /**
   * Pre-rendered (src/ssr): the first update hydrates the server's markup, laid out with no width to measure (the
   * layout then follows the screen's width, in CSS); it renders the same, and the next update the measured layout.
   */
  private hydrating = !isServer && this.shadowRoot !== null;
  @state() private tocOpen = false;
  @state() private printing = false;
  /** The interpreted policy when it comes by `policyUrl` (loaded by the nested card). */
  @state() private linkedPolicy?: PolicyDocument;
  private linkedPolicyUrl?: string;

  /** The element's own width and text size (of `.zw-root`, which page CSS such as `* { font-size: 12px }` does not reach). */
  private readonly size = new WidthController(this);
  private termTrigger?: HTMLElement;
  private revealedOnLoad = false;
  /** Which term of each group (a section, or one answer) is its tab stop: group → occurrence. */
  private termStops = new Map<string, string>();

  private sectionObserver?: IntersectionObserver;
  private observedScrollport?: Element | Document;
  private observedSections: HTMLElement[] = [];
  /**
   * A jump (contents list, link, address): the section jumped to stays current while the jump
   * scrolls, and after it lands (where a short section's successor may also have passed the
   * line) until the reader scrolls on their own, or the observer reports a different place
   * from where the jump landed. `landedAt`: the section at the line when the jump's scroll ended.
   */
  private jump?: { section: string; scroller: EventTarget; landedAt?: string };
  private readonly onReaderScroll = () => this.releaseJump();
  private readonly onJumpLanded = () => {
    if (!this.jump || this.jump.landedAt !== undefined) return; // the first end is the jump's; later ones are scrolls after it
    this.jump.landedAt = this.sectionAtLine(this.fallbackLine());
  };

  private readonly page = new PageEventsController(this, {
    prefix: () => this.anchorPrefix,
    reveal: (id, instant) => {
      if (this.doc) void this.reveal(id, instant);
    },
    print: (printing) => {
      this.printing = printing;
      if (printing) this.performUpdate(); // before the browser lays out the printout
    },
  });
  private readonly onPointerDown = (event: PointerEvent) => {
    if (this.openTerm && !event.composedPath().some((n) => n instanceof HTMLElement && (n.classList.contains('popover') || n.classList.contains('term')))) {
      this.openTerm = undefined;
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.observeSections(); // moved in the page: observe again, in what now scrolls it
    document.addEventListener('pointerdown', this.onPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unobserveSections();
    this.releaseJump();
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
      this.termStops = new Map();
      this.unobserveSections(); // observe afresh, so the observer reports where the reader is in the new document
      // The nested card fetches again only when the URL changes, so keep what it loaded.
      if (this.doc?.policyUrl !== this.linkedPolicyUrl) this.linkedPolicy = undefined;
      this.revealedOnLoad = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.state === 'ready' && this.doc && !this.revealedOnLoad) {
      this.revealedOnLoad = true;
      this.page.followAddress(true);
    }
    if (changed.has('openTerm' as keyof ZwInterpretation) && this.openTerm) this.placePopover();
    this.hydrating = false;
    if (this.wide === undefined && this.doc && this.renderRoot.querySelector('.zw-root')) {
      // The first render had no wrapper to measure the text size on: measure it now and lay out again.
      this.size.measure();
      this.chooseLayout();
      if (this.wide !== undefined) this.requestUpdate();
    }
    this.applyTermStops();
    this.observeSections();
  }

  private anchor(id: string) {
    return `${this.anchorPrefix}${id}`;
  }

  private get sections(): InterpretationSection[] {
    const doc = this.doc;
    return doc ? INTERPRETATION_SECTIONS.filter((key) => doc[key] !== undefined) : [];
  }

  // ── Navigation ────────────────────────────────────────────────────────────

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
    target.scrollIntoView({ block: 'start', behavior: scrollBehavior(instant) });
    focusable?.focus({ preventScroll: true });
    // The section followed is the current one, even if a short one below it also reached the top.
    const section = faq ? 'faq' : anchorId;
    if (SECTION_ANCHORS.has(section)) {
      this.holdJump(section);
      this.setCurrentSection(section);
    }
    return true;
  }

  private onTocClick(event: MouseEvent, id: string) {
    event.preventDefault();
    history.pushState(null, '', `#${this.anchor(id)}`);
    void this.reveal(id);
  }

  private setCurrentSection(id: string) {
    if (id === this.currentSection) return;
    this.currentSection = id;
    const heading = this.renderRoot.querySelector(`[data-section="${CSS.escape(id)}"] .section-heading`);
    this.emit(new ZwSectionChangeEvent(id, heading?.textContent?.trim() ?? id));
  }

  /**
   * Watches the sections cross the reading band of the scrollport. No work per scroll event:
   * the observer reports only when a section enters or leaves the band. Called after each
   * update (a new width updates too) and on reconnecting; observes again only when the
   * sections or the scrollport changed.
   */
  private observeSections() {
    if (!this.isConnected) return;
    const sections = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-section]')];
    const root = scrollport(this);
    if (this.sectionObserver && root === this.observedScrollport && sections.length === this.observedSections.length && sections.every((s, i) => s === this.observedSections[i]))
      return;
    this.unobserveSections();
    if (!sections.length) return;
    this.observedScrollport = root;
    this.observedSections = sections;
    // An explicit root (the document, not null): in an iframe the band is the iframe's own viewport,
    // and rootBounds comes in the same coordinates as the sections' rectangles.
    this.sectionObserver = new IntersectionObserver((entries) => this.onReadingBand(entries), { root, rootMargin: READING_BAND });
    for (const section of sections) this.sectionObserver.observe(section);
  }

  private unobserveSections() {
    this.sectionObserver?.disconnect();
    this.sectionObserver = undefined;
    this.observedScrollport = undefined;
    this.observedSections = [];
  }

  /** The current section is the last one whose top has passed the lower edge of the reading band. */
  private onReadingBand(entries: IntersectionObserverEntry[]) {
    const sections = this.observedSections;
    // hidden (display: none, a closed tab of the portal): nothing is being read, keep what was
    if (!sections.length || !sections[0].getClientRects().length) return;
    const id = this.sectionAtLine(entries.find((e) => e.rootBounds)?.rootBounds?.bottom ?? this.fallbackLine());
    if (this.jump) {
      // What the jump's own scrolling passes by, and where it landed, do not count.
      if (this.jump.landedAt === undefined || id === this.jump.landedAt) return;
      this.releaseJump();
    }
    this.setCurrentSection(id);
  }

  /**
   * The last section whose top is at or above `line`. The tops are read once per report:
   * entries come only for sections that changed, and a jump can carry a short section past
   * the band without it ever intersecting.
   */
  private sectionAtLine(line: number): string {
    const sections = this.observedSections;
    let current = sections[0];
    for (const section of sections) if (section.getBoundingClientRect().top <= line) current = section;
    return current.dataset.section!;
  }

  private fallbackLine() {
    const root = this.observedScrollport;
    if (root instanceof Element) return root.getBoundingClientRect().top + root.clientHeight * 0.3;
    return document.documentElement.clientHeight * 0.3;
  }

  private holdJump(section: string) {
    this.releaseJump();
    // `scrollend` (where supported) tells when the jump has landed; without it, the reader's own input ends the hold.
    const scroller = this.observedScrollport ?? document;
    this.jump = { section, scroller };
    scroller.addEventListener('scrollend', this.onJumpLanded);
    for (const type of READER_SCROLL_INPUT) addEventListener(type, this.onReaderScroll, { capture: true, passive: true });
  }

  private releaseJump() {
    if (!this.jump) return;
    this.jump.scroller.removeEventListener('scrollend', this.onJumpLanded);
    this.jump = undefined;
    for (const type of READER_SCROLL_INPUT) removeEventListener(type, this.onReaderScroll, { capture: true });
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

  /**
   * Text with glossary terms marked: each term once per section (`marked` is shared), where
   * first met. `group` is the keyboard group the terms join: one tab stop per group.
   *
   * A term is an inline `role="button"` span, not a `<button>`: a button is an atomic
   * inline box that cannot wrap, which strands the quotes around a term at line ends
   * (`结果“⏎五公开”`). As text it wraps, and the browser keeps the quotes with it.
   */
  private termText(group: string, marked = new Set<string>()) {
    const glossary = this.doc?.glossary;
    if (!glossary?.length || this.printing) return (text: string) => text;
    const terms = glossary.map((g) => g.term);
    let occurrence = 0;
    return (text: string) =>
      markTerms(text, terms, marked).map((segment) => {
        if (typeof segment === 'string') return segment;
        const at = `${group}-${occurrence++}`;
        const open = this.openTerm?.index === segment.index && this.openTerm.at === at;
        // tabindex is set after each update (applyTermStops): one term per group is the tab stop
        return html`<span class="term-wrap"
          ><span
            class="term"
            part="term"
            role="button"
            tabindex="-1"
            data-term-group=${group}
            data-at=${at}
            aria-haspopup="dialog"
            aria-expanded=${open ? 'true' : 'false'}
            aria-describedby=${this.anchor(`term-${segment.index + 1}-definition`)}
            @click=${(e: Event) => this.toggleTerm(segment.index, at, e.currentTarget as HTMLElement)}
            @keydown=${(e: KeyboardEvent) => this.onTermKey(e, segment.index, at, open)}
            @focus=${(e: FocusEvent) => this.makeTermStop(e.currentTarget as HTMLElement)}
            >${segment.term}</span
          >${open ? this.renderPopover(glossary[segment.index]) : nothing}</span
        >`;
      });
  }

  /** The terms of each keyboard group, in reading order. */
  private termGroups(): Map<string, HTMLElement[]> {
    const groups = new Map<string, HTMLElement[]>();
    for (const term of this.renderRoot.querySelectorAll<HTMLElement>('.term[data-term-group]')) {
      const group = term.dataset.termGroup!;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group)!.push(term);
    }
    return groups;
  }

  /**
   * One tab stop per group: the term last used in it, else its first. The stop of a group with
   * more than one term is also described by how to reach the others.
   */
  private applyTermStops(only?: string) {
    for (const [group, terms] of this.termGroups()) {
      if (only !== undefined && group !== only) continue;
      const stop = terms.find((t) => t.dataset.at === this.termStops.get(group)) ?? terms[0];
      for (const term of terms) {
        term.tabIndex = term === stop ? 0 : -1;
        const definition = term.getAttribute('aria-describedby')!.split(' ')[0];
        term.setAttribute('aria-describedby', term === stop && terms.length > 1 ? `${definition} term-keys` : definition);
      }
    }
  }

  private makeTermStop(term: HTMLElement) {
    const group = term.dataset.termGroup!;
    if (this.termStops.get(group) === term.dataset.at && term.tabIndex === 0) return;
    this.termStops.set(group, term.dataset.at!);
    this.applyTermStops(group);
  }

  /** Keys on a term: Enter or Space open its definition, Escape closes it, arrows/Home/End move within the group. */
  private onTermKey(event: KeyboardEvent, index: number, at: string, open: boolean) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const term = event.currentTarget as HTMLElement;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault(); // Space would scroll the page
      if (!event.repeat) this.toggleTerm(index, at, term);
      return;
    }
    if (event.key === 'Escape') {
      if (open) {
        event.stopPropagation();
        this.closeTerm(true);
      }
      return;
    }
    const terms = this.termGroups().get(term.dataset.termGroup!) ?? [term];
    const i = terms.indexOf(term);
    const moves: Partial<Record<string, number>> = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: terms.length - 1 };
    const next = Object.prototype.hasOwnProperty.call(moves, event.key) /* not Object.hasOwn: Chromium 93+, we support 86 */ ? moves[event.key] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const target = terms[Math.max(0, Math.min(terms.length - 1, next))];
    this.makeTermStop(target);
    target.focus();
  }

  private renderPopover(entry: GlossaryEntry) {
    // the source's label is UI text inside document content: it carries the UI's language
    return html`<span class="popover" part="popover" role="dialog" aria-labelledby="popover-term" tabindex="-1" @keydown=${this.onPopoverKey}
      ><span class="popover-term" id="popover-term">${entry.term}</span
      ><span class="popover-definition">${entry.definition}</span
      >${entry.source ? html`<span class="popover-source"><span lang=${this.locale}>${labelled(fieldLabel('source'))}</span>${entry.source}</span>` : nothing}<button
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
      case 'text':
        return msg('文字解读');
      case 'graphic':
        return msg('图文解读');
      case 'video':
        return msg('视频解读');
      case 'expert':
        return msg('专家解读');
      case 'press-conference':
        return msg('新闻发布会');
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

  /** Chooses the layout from the width measured for this render (the controller measures before it). */
  private chooseLayout() {
    if (this.hydrating) return;
    // Not before the first render: until `.zw-root` exists the text size measured is the host's, which page CSS reaches.
    if (!this.size.width || !this.renderRoot.querySelector('.zw-root')) return;
    const width = this.size.width / this.size.em;
    // A little hysteresis, so a scroll bar appearing at the threshold cannot make it flip back and forth.
    this.wide = this.wide ? width >= WIDE_EM - 2 : width >= WIDE_EM;
  }

  protected renderDocument(doc: InterpretationDocument): TemplateResult {
    this.chooseLayout();
    const sections = this.sections;
    const lang = this.contentLang(doc);
    return html`<article class="interpretation" part="article" aria-labelledby="title">
      ${renderValidityBanner(doc.policy ?? this.linkedPolicy, 'interpreted', this.locale)}
      <header class="header" part="header">
        <div class="title" id="title" part="title" role="heading" aria-level=${this.level} lang=${lang}>${doc.title}</div>
        ${this.renderMeta(doc, lang)} ${this.renderPolicy(doc)} ${this.renderMedia(doc, lang)}
      </header>
      <div class="layout ${this.wide ? 'wide' : this.wide === false ? 'narrow' : 'auto'}">
        ${sections.length > 1 ? this.renderToc(sections) : nothing}
        <div class="sections">${sections.map((key) => this.renderSection(key, doc))}</div>
      </div>
      ${doc.glossary?.length && !this.printing ? html`<span id="term-keys" hidden>${msg('用方向键可移到本部分的其他释义词')}</span>` : nothing}
    </article>`;
  }

  private renderMeta(doc: InterpretationDocument, lang: string) {
    return html`<ul class="meta">
      ${doc.form ? html`<li><span class="form" part="form">${this.formLabel(doc.form)}</span></li>` : nothing}
      <li>${labelled(fieldLabel('interpreter'))}<span lang=${lang}>${doc.interpreter.name}</span></li>
      <li>${labelled(msg('发布日期'))}<time class="zw-nobreak" datetime=${doc.publishDate}>${this.date(doc.publishDate)}</time></li>
      ${
        doc.firstInterpreter
          ? html`<li>${labelled(fieldLabel('firstInterpreter'))}<span lang=${lang}>${doc.firstInterpreter.name}${doc.firstInterpreter.post ? inBrackets(doc.firstInterpreter.post) : nothing}</span></li>`
          : nothing
      }
    </ul>`;
  }

  /** The interpreted policy as a compact card; its events stay inside this element. */
  private renderPolicy(doc: InterpretationDocument) {
    const src = doc.policy ? undefined : safeHref(doc.policyUrl);
    if (!doc.policy && !src) return nothing;
    return html`<div class="policy">
      <p class="policy-label">${msg('解读的文件：')}</p>
      ${this.renderNestedCard({
        data: doc.policy,
        src,
        headingLevel: this.subLevel(),
        onLoad: (e: ZwLoadEvent<PolicyDocument>) => {
          if (!doc.policy) {
            this.linkedPolicy = e.detail.document;
            this.linkedPolicyUrl = doc.policyUrl;
          }
        },
      })}
    </div>`;
  }

  private renderMedia(doc: InterpretationDocument, lang: string) {
    const media = doc.media;
    const infographic = safeHref(media?.infographicUrl ?? doc.policy?.infographicUrl);
    const video = media?.video && safeHref(media.video.url) ? media.video : undefined;
    if (!infographic && !video) return nothing;
    const minutes = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    return html`<ul class="media">
      ${
        infographic
          ? html`<li><a class="zw-link-button" href=${infographic}><span aria-hidden="true">▦ </span>${media?.infographicTitle ? html`<span lang=${lang}>${media.infographicTitle}</span>` : msg('一图读懂')}</a></li>`
          : nothing
      }
      ${
        video
          ? html`<li>
            <a class="zw-link-button" href=${safeHref(video.url)!}
              ><span aria-hidden="true">▶ </span>${msg('观看视频解读')}${video.title ? html`<span lang=${lang}>${inBrackets(video.title)}</span>` : nothing}${
                video.duration ? html` <span class="duration">${msg(str`时长 ${minutes(video.duration)}`)}</span>` : nothing
              }</a
            >
            ${safeHref(video.captionsUrl) ? html`<a class="zw-link-button captions" href=${safeHref(video.captionsUrl)!}>${msg('视频字幕文件')}</a>` : nothing}
          </li>`
          : nothing
      }
    </ul>`;
  }

  /** Names the document, so two interpretations on a page have distinct navigation landmarks. */
  private get tocLabel() {
    return msg(str`目录：${this.doc?.title ?? ''}`);
  }

  private renderToc(sections: InterpretationSection[]) {
    // Pre-rendered HTML read without JavaScript: links into the shadow root cannot scroll there, nor can terms open —
    // the list keeps its place, invisible, and this note says why (shown only while the element is undefined)
    const noScript = html`<p class="toc-no-script">${msg('目录跳转和术语解释需要启用浏览器的 JavaScript，可直接向下阅读。')}</p>`;
    const links = html`<ol>
      ${sections.map((key) => {
        const id = ANCHOR[key];
        const current = this.currentSection === id;
        return html`<li>
          <a href="#${this.anchor(id)}" aria-current=${ifDefined(current ? 'location' : undefined)} @click=${(e: MouseEvent) => this.onTocClick(e, id)}>${fieldLabel(key)}</a>
        </li>`;
      })}
    </ol>`;
    if (this.wide) {
      return html`<nav class="toc" part="toc" aria-label=${this.tocLabel}><div class="toc-title" aria-hidden="true">${msg('目录')}</div>${links}</nav>`;
    }
    if (this.wide === undefined) {
      // Laid out before the width is known (the server's rendering): both forms, the screen's width choosing in CSS.
      return html`<nav class="toc" part="toc" aria-label=${this.tocLabel}>
        <div class="toc-title toc-wide" aria-hidden="true">${msg('目录')}</div>
        <div class="toc-wide toc-links">${noScript}${links}</div>
        <details class="toc-narrow">
          <summary>${msg(str`目录（${sections.length} 部分）`)}</summary>
          <div class="toc-links">${noScript}${links}</div>
        </details>
      </nav>`;
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
    const level = this.subLevel();
    const text = this.termText(id);
    let body: unknown;
    // Content carries the document's language; headings, buttons and labels stay in the UI's.
    const lang = this.contentLang(doc);
    if (BLOCK_SECTIONS.has(key)) body = html`<div class="section-body" lang=${lang}>${renderBlocks(doc[key] as Block[], { headingLevel: this.subLevel(2), text })}</div>`;
    else if (key === 'glossary') body = this.renderGlossary(doc.glossary!, lang);
    else if (key === 'changes') body = this.renderChanges(doc.changes!, text, lang);
    else if (key === 'faq') body = this.renderFaq(doc.faq!, lang);
    else if (key === 'related') body = this.renderRelated(doc.related!, lang);
    // Not <section>: named regions would repeat as landmarks when a page holds two interpretations.
    // No class named after the section: `.glossary` or `.related` would take the lists' styles.
    return html`<div id=${this.anchor(id)} data-section=${id} class="section" part="section">
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
    return html`${
      changes.items?.length
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
        : nothing
    }
      <slot name="comparison"></slot>
      ${comparison ? html`<p><a href=${comparison}>${msg('查看新旧政策逐条对比')}</a></p>` : nothing}`;
  }

  private renderFaq(faq: Faq[], lang: string) {
    const visible = faq.map((item) => this.printing || matchesQuery(this.faqQuery, item.question, item.answer));
    const shown = visible.filter(Boolean).length;
    // Terms are marked once in the section, but each answer is its own keyboard group: a closed answer's terms cannot take focus.
    const marked = new Set<string>();
    return html`<div class="faq-tools zw-needs-script">
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
        ${faq.map((item, i) => {
          const text = this.termText(`faq-${i + 1}`, marked);
          return html`<details
            id=${this.anchor(`faq-${i + 1}`)}
            class="faq-item"
            ?hidden=${!visible[i]}
            ?open=${this.printing || this.openFaq.has(i)}
            @toggle=${(e: Event) => this.onFaqToggle(i, e)}
          >
            <summary><span class="q" aria-hidden="true">${msg('问')}</span><span class="question" lang=${lang}>${item.question}</span></summary>
            <div class="answer">
              <span class="a" aria-hidden="true">${msg('答')}</span>
              <div lang=${lang}>${item.answer
                .split(/\n+/)
                .filter((p) => p.trim())
                .map((p) => html`<p>${text(p)}</p>`)}</div>
            </div>
          </details>`;
        })}
      </div>`;
  }

  private renderRelated(related: NonNullable<InterpretationDocument['related']>, lang: string) {
    const headingLevel = this.subLevel(2);
    return html`<ul class="related">
      ${related.map((item) => {
        if ('type' in item) return html`<li>${this.renderNestedCard({ data: item, headingLevel })}</li>`;
        const href = safeHref(item.url);
        if (!href) return nothing;
        return item.title ? html`<li class="link"><a href=${href} lang=${lang}>${item.title}</a></li>` : html`<li>${this.renderNestedCard({ src: href, headingLevel })}</li>`;
      })}
    </ul>`;
  }
}

defineElement('zw-interpretation', ZwInterpretation);

declare global {
  interface HTMLElementTagNameMap {
    'zw-interpretation': ZwInterpretation;
  }
}
