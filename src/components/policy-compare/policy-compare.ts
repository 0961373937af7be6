import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { controlStyles } from '../../base/controls.styles.js';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { WidthController } from '../../base/width.js';
import { clientProperty } from '../../base/client-property.js';
import { formatDate } from '../../core/format.js';
import { safeHref } from '../../core/url.js';
import { compareVersionsInSteps, type CompareStep } from '../../core/compare/compare.js';
import type { ChangeSummary, Clause, ClauseChange, Comparison, DiffSegment } from '../../core/compare/types.js';
import { withLocale } from '../../i18n/locale.js';
import { inBrackets, labelled } from '../../schema/messages.js';
import type { ComparisonDocument, Version } from '../../schema/types.generated.js';
import '../../core/rules/comparison.js';
import { ZwChangeFocusEvent, ZwVersionsChangeEvent } from './policy-compare.events.js';
import { policyCompareStyles } from './policy-compare.styles.js';
import { clauseName } from './clause-name.js';
import { PageEventsController } from '../../base/page-events.js';
import { scrollBehavior } from '../../base/motion.js';

/** 对照 (old left, new right), 修订 (inline redline), 新文 (the new text, changes marked in the margin). */
export type CompareView = 'side-by-side' | 'redline' | 'margin';
const VIEWS: readonly CompareView[] = ['side-by-side', 'redline', 'margin'];

/** The comparison being shown, with the indexes of its two versions. */
export type ShownComparison = Comparison & { oldIndex: number; newIndex: number };

/**
 * From this width (in em of the element's own text size) 对照 is the default view; narrower — a phone,
 * or a narrow portal column — 修订 reads better. The element's width decides, not the window's.
 */
const WIDE_EM = 48;

/**
 * Rows render progressively so a long policy paints at once and no task blocks the page for long:
 * the first rows with the data, the rest in chunks, one chunk per task. `zw-load` (and
 * `updateComplete`) wait until every row is in.
 */
const FIRST_ROWS = 150;
const MORE_ROWS = 300;

/** A run of unchanged rows folded away by 只看修改: rows `start` (inclusive) to `end` (exclusive). */
interface Run {
  start: number;
  end: number;
}
/** What the row list shows: a row (its index in `changes`) or a folded run. */
type Item = number | Run;

/** What the live region says after a navigation (put into words at render time, in the UI's language). */
type Position = { at: number; total: number } | { edge: 'first' | 'last'; total: number } | { none: true } | { pending: true };

/** Runs `fn` in a later task, after the browser had the chance to paint (rAF does not run in a hidden tab: the timeout covers it). */
function afterPaint(fn: () => void) {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    setTimeout(fn);
  };
  requestAnimationFrame(go);
  setTimeout(go, 50);
}

const isRun = (item: Item): item is Run => typeof item !== 'number';

/** The 新旧对照表 builder, for staff who copy it: not part of what every reader loads. */
let copyTableModule: Promise<typeof import('./copy-table.js')> | undefined;
const loadCopyTable = () => (copyTableModule ??= import('./copy-table.js'));

/**
 * 新旧政策对比 — two versions of a policy, clause by clause: split from the published
 * texts (or given as clause lists), aligned by content so renumbering and moved clauses
 * are recognised, with the character changes inside each modified clause.
 *
 * Three views: 对照 (`side-by-side`: old left, new right, rows aligned, one scroll),
 * 修订 (`redline`: inline, in reading order) and 新文 (`margin`: the new text with a
 * marker in the margin beside each change). Without a `view` attribute the element
 * chooses 对照 when it is at least 48em wide and 修订 when narrower (phones).
 *
 * A summary bar counts the clauses 新增/删除/修改/移动/未变; 只看修改 folds unchanged
 * clauses into runs that expand. 上一处/下一处 (and the keys J/N, K/P while focus is
 * inside the element and not in a form field) move from change to change, and a
 * polite status says where («第 3 处修改，共 12 处»). Every row has an anchor
 * (`#c-12`): a link to it scrolls there, unfolds it and focuses it. 复制对照表 puts the
 * three-column 新旧对照表 (原条款/新条款/说明) on the clipboard for Word and WPS.
 *
 * @tagname zw-policy-compare
 * @summary A clause-by-clause comparison of two versions of a policy (新旧政策对比).
 *
 * @attr src - URL of a comparison JSON document.
 * @attr view - `side-by-side` (对照), `redline` (修订) or `margin` (新文); reflects the reader's choice. Default: by the element's width.
 * @attr changes-only - Fold unchanged clauses away (只看修改).
 * @attr old-version - Id of the version shown as the old one (default: the second last).
 * @attr new-version - Id of the version shown as the new one (default: the last).
 * @attr anchor-prefix - Prefix of the rows' anchor ids (default `c-`, giving `#c-12`); give two comparisons on one page different ones.
 * @attr heading-level - Level of the title in the host page's outline (default 2).
 * @attr preview - For content staff: invalid data is listed issue by issue, with paths. Without it the public sees a short polite notice.
 * @attr appearance - `light` or `dark` forces the colours, `auto` follows the reader's system; by default the page's `color-scheme` decides (light unless it says dark).
 * @attr theme - `blue` for the blue alternative to the red 党政 default.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the comparison document.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded and every row rendered; `detail.document`, `detail.warnings`, `detail.summary` (`{ added, deleted, modified, moved, unchanged }`).
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors`.
 * @fires {ZwEmptyEvent} zw-empty - There is no document (`data` null, an empty script, no data at all).
 * @fires {ZwVersionsChangeEvent} zw-versions-change - The reader picked another pair of versions; `detail.oldVersion`, `detail.newVersion`, `detail.summary`.
 * @fires {ZwChangeFocusEvent} zw-change-focus - 上一处/下一处 moved to a change; `detail.index` (1-based), `detail.total`, `detail.change`, `detail.anchor`.
 *
 * @csspart root - The wrapper of everything the element shows (its typography and colours start here).
 * @csspart article - The whole comparison.
 * @csspart header - Title, description and the two compared versions.
 * @csspart title - The title heading.
 * @csspart versions - The two compared versions (label, title, 发文字号, date, link).
 * @csspart picker - The version picker (more than two versions).
 * @csspart summary - The counts 新增/删除/修改/移动/未变.
 * @csspart controls - View switch, 只看修改 and 复制对照表.
 * @csspart nav - 上一处/下一处 and the position (sticky at the top while scrolling).
 * @csspart rows - The list of clause rows.
 * @csspart row - Each clause row.
 * @csspart mark - The change marker of a row (新增/删除/修改/移动).
 * @csspart run - A folded run of unchanged clauses (只看修改).
 * @csspart clause-note - A note (说明) on a clause.
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
 * @cssprop --zw-color-subtle - Tinted background for notes.
 * @cssprop --zw-color-border - Border colour.
 * @cssprop --zw-color-link - Link colour.
 * @cssprop --zw-color-focus - Focus ring colour.
 * @cssprop --zw-color-ok - Added text (underline) and 新增 markers.
 * @cssprop --zw-color-danger - Deleted text (strike-through) and 删除 markers.
 * @cssprop --zw-color-warn - 修改 markers.
 * @cssprop --zw-font-family - Font stack (system CJK fonts by default).
 * @cssprop --zw-font-size - Base text size (default 16px; 18px or more for 适老化).
 * @cssprop --zw-radius - Corner radius.
 * @cssprop --zw-space - Base spacing.
 * @cssprop --zw-sticky-top - Offset of the sticky navigation bar (below a fixed portal header).
 */
export class ZwPolicyCompare extends ZwElement<'comparison'> {
  static override styles = [...ZwElement.styles, controlStyles, policyCompareStyles];
  protected readonly kind = 'comparison' as const;

  /** The view: `side-by-side` (对照), `redline` (修订) or `margin` (新文). Unset: chosen by the element's width. */
  @property({ reflect: true }) view?: CompareView;

  /** 只看修改: unchanged clauses fold into runs that expand. */
  @property({ type: Boolean, reflect: true, attribute: 'changes-only' }) changesOnly = false;

  /** Id of the version shown as the old one (default: the second last). */
  @property({ reflect: true, attribute: 'old-version' }) oldVersion?: string;

  /** Id of the version shown as the new one (default: the last). */
  @property({ reflect: true, attribute: 'new-version' }) newVersion?: string;

  /** Prefix of the rows' anchor ids (`c-` gives `#c-12`), so two comparisons on one page keep distinct links. */
  @property({ attribute: 'anchor-prefix' }) anchorPrefix = 'c-';

  /** The comparison shown; undefined until computed. */
  @state() private computed?: ShownComparison;
  /** The document and pair `computed` is (or is being) computed for. */
  private computedFor?: { doc: ComparisonDocument; oldIndex: number; newIndex: number };
  /** A throw from the comparison (a bug): rethrown from render, so the base reports it as a render failure. */
  private computeError?: unknown;
  private generation = 0;

  @state() private expandedRuns = new Set<number>();
  @state() private position?: Position;
  @state() private copied?: boolean;
  /** Said after the reader picked another pair of versions (the picker's status). */
  @state() private pairStatus = '';
  @state() private printing = false;

  /** Whether the element is wide enough for 对照 by default (as last rendered); undefined until measured. */
  private wide?: boolean;
  /**
   * Pre-rendered (src/ssr): the first update hydrates the server's markup, which was computed at once and laid out with
   * no width to measure; it must render the same (so it computes at once too), and the next update the measured layout.
   */
  private hydrating = !isServer && this.shadowRoot !== null;
  private readonly size = new WidthController(this);

  /** What the rows were last built from: when any of it changes, the rows render afresh. */
  private signature?: unknown[];
  /** Changes identity whenever the rows must render afresh (the chunks' guard). */
  private renderKey = {};
  private items: Item[] = [];
  /** Rows that are changes to stop at (a move once, at its new place), in reading order. */
  private stops: number[] = [];
  private hasNotes = false;
  private currentStop = -1;

  /** Rows rendered so far while rendering progressively. */
  private rowsShown = 0;
  private progressive = false;
  private progressRun = 0;
  private chunkPending = false;
  /** Resolves when the comparison is computed and every row rendered (awaited by `updateComplete`). */
  private work?: { promise: Promise<void>; resolve: () => void };
  private revealedOnLoad = false;

  private readonly page = new PageEventsController(this, {
    prefix: () => this.anchorPrefix,
    reveal: (id, instant) => void this.revealAnchor(id, instant),
    print: (printing) => {
      this.printing = printing;
      if (!printing) return;
      this.progressive = false;
      this.performUpdate(); // before the browser lays out the printout
    },
  });

  constructor() {
    super();
    this.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** The counts of the comparison shown: `{ added, deleted, modified, moved, unchanged }` (a move counts once). */
  get summary(): ChangeSummary | undefined {
    return this.computed?.summary;
  }

  /** The comparison shown (its rows in merged reading order, the summary, and the two versions' indexes). */
  get comparison(): ShownComparison | undefined {
    return this.computed;
  }

  /** The view shown: the `view` attribute's, or the one chosen by width. */
  get activeView(): CompareView {
    if (this.view && VIEWS.includes(this.view)) return this.view;
    return this.wide === false ? 'redline' : 'side-by-side';
  }

  /** No width to lay out for (the server's rendering, and the first update that hydrates it): the screen's width chooses, in CSS. */
  private get unmeasured() {
    return isServer || this.hydrating;
  }

  /** Moves focus to the next change and announces it; false at the last one. */
  nextChange(): Promise<boolean> {
    return this.step(1);
  }

  /** Moves focus to the previous change and announces it; false at the first one. */
  previousChange(): Promise<boolean> {
    return this.step(-1);
  }

  /** Also waits for the comparison and for every row, when they render progressively. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.work) {
      await this.work.promise;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override loadDetail(): { summary: ChangeSummary } | undefined {
    return this.computed ? { summary: this.computed.summary } : undefined;
  }

  private startWork() {
    if (this.work) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.work = { promise, resolve };
  }

  private finishWork() {
    const work = this.work;
    this.work = undefined;
    work?.resolve();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.syncComparison();
  }

  /**
   * Starts computing the comparison when the document or the pair changed. Called before and during
   * render and after each update: data arrives during an update (the loader's hostUpdate, after willUpdate).
   */
  private syncComparison() {
    const doc = this.state === 'ready' || this.state === 'error' ? this.doc : undefined;
    const pair = doc ? this.pairOf(doc) : undefined;
    const was = this.computedFor;
    if (doc !== was?.doc || pair?.[0] !== was?.oldIndex || pair?.[1] !== was?.newIndex) {
      if (doc !== was?.doc) this.revealedOnLoad = false;
      this.computedFor = doc && pair ? { doc, oldIndex: pair[0], newIndex: pair[1] } : undefined;
      this.computed = undefined;
      this.computeError = undefined;
      this.expandedRuns = new Set();
      this.position = undefined;
      this.copied = undefined;
      this.currentStop = -1;
      const generation = ++this.generation;
      if (this.computedFor && this.unmeasured) {
        // The server (which renders once) and the update hydrating its markup (which must render the same): at once.
        this.computeNow(this.computedFor);
      } else if (this.computedFor) {
        this.startWork();
        // Not in this task, which has just checked the data: once the header and placeholder are painted.
        afterPaint(() => this.compute(generation));
      } else {
        this.finishWork();
      }
    }
  }

  /** The two versions to compare: the attributes' ids where they name a version, else the last two. */
  private pairOf(doc: ComparisonDocument): [number, number] {
    const count = doc.versions.length;
    const find = (id: string | undefined, fallback: number) => {
      const index = id === undefined ? -1 : doc.versions.findIndex((v) => v.id === id);
      return index >= 0 ? index : fallback;
    };
    return [find(this.oldVersion, Math.max(0, count - 2)), find(this.newVersion, count - 1)];
  }

  /**
   * One step of the comparison per task (splitting each version, then the alignment and diffs), then the
   * first rows in a task of their own, so no task blocks the page for long. A newer document or pair (a new
   * generation) drops the steps left.
   */
  private compute(generation: number, steps?: Iterator<CompareStep, ShownComparison>) {
    const target = this.computedFor;
    if (generation !== this.generation || !target) return;
    try {
      steps ??= this.compareInSteps(target.doc, target.oldIndex, target.newIndex);
      const step = steps.next();
      if (!step.done) {
        setTimeout(() => this.compute(generation, steps));
        return;
      }
      const comparison = step.value;
      setTimeout(() => {
        if (generation === this.generation) this.computed = comparison;
      });
    } catch (error) {
      this.computeError = error;
      this.requestUpdate();
    }
  }

  /** All the comparison's steps in this task (a long document takes a while: the server's time, or the hydrating page's once). */
  private computeNow(target: { doc: ComparisonDocument; oldIndex: number; newIndex: number }) {
    try {
      const steps = this.compareInSteps(target.doc, target.oldIndex, target.newIndex);
      let step = steps.next();
      while (!step.done) step = steps.next();
      this.computed = step.value;
    } catch (error) {
      this.computeError = error;
    }
  }

  /**
   * Splits, aligns and diffs the two versions in steps (the core's `compareVersionsInSteps`), each run in a
   * task of its own; a throw here is a bug, shown as a render failure.
   */
  protected compareInSteps(doc: ComparisonDocument, oldIndex: number, newIndex: number): Iterator<CompareStep, ShownComparison> {
    return compareVersionsInSteps(doc, oldIndex, newIndex);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.hydrating = false;
    this.syncComparison();
    if (this.wide === undefined && this.doc && this.renderRoot.querySelector('.zw-root')) {
      // The first render had no wrapper to measure the text size on: measure it now and lay out again.
      this.size.measure();
      this.chooseLayout();
      if (this.wide !== undefined) this.requestUpdate();
    }
    if (!this.computed || !this.doc) {
      if (!this.computedFor) this.finishWork();
      return;
    }
    if (this.progressive) {
      if (this.rowsShown < this.items.length) {
        if (!this.chunkPending) {
          this.chunkPending = true;
          const run = this.progressRun;
          afterPaint(() => {
            this.chunkPending = false;
            if (run === this.progressRun) this.rowsShown += MORE_ROWS;
            this.requestUpdate();
          });
        }
        return;
      }
      this.progressive = false;
    }
    if (this.state === 'ready' && !this.revealedOnLoad) {
      this.revealedOnLoad = true;
      this.page.followAddress(true);
    }
    this.finishWork();
  }

  /** Chooses the default view from the width measured for this render (the controller measures before it). */
  private chooseLayout() {
    if (this.unmeasured) return;
    // Not before the first render: until `.zw-root` exists the text size measured is the host's, which page CSS reaches.
    if (!this.size.width || !this.renderRoot.querySelector('.zw-root')) return;
    const width = this.size.width / this.size.em;
    // A little hysteresis, so a scroll bar appearing at the threshold cannot make it flip back and forth.
    this.wide = this.wide ? width >= WIDE_EM - 2 : width >= WIDE_EM;
  }

  /** Builds the rows' list when what they show changed; restarts progressive rendering for a new comparison or view. */
  private prepare() {
    this.chooseLayout();
    const view = this.activeView;
    const signature = [this.computed, view, this.changesOnly, this.expandedRuns, this.locale, this.printing, this.anchorPrefix, this.wide, this.unmeasured];
    const last = this.signature;
    if (last && signature.every((value, i) => value === last[i])) return;
    this.signature = signature;
    this.renderKey = {};
    const changes = this.computed?.changes ?? [];
    if (!last || last[0] !== this.computed) {
      this.stops = [];
      changes.forEach((c, i) => {
        if (c.kind !== 'unchanged' && !(c.kind === 'moved' && c.placement === 'from')) this.stops.push(i);
      });
      this.hasNotes = changes.some((c) => c.notes.length > 0);
    }
    this.items = this.buildItems(changes);
    if ((!last || last[0] !== this.computed || last[1] !== view) && !this.printing) {
      this.progressRun++;
      this.rowsShown = FIRST_ROWS;
      // every row at once where the server's markup is (or was just) there: the rows a reader already sees stay
      this.progressive = this.items.length > FIRST_ROWS && !this.unmeasured && !last?.[8];
      if (this.progressive) this.startWork();
    }
  }

  private buildItems(changes: ClauseChange[]): Item[] {
    if (!this.changesOnly || this.printing) return changes.map((_, i) => i);
    const items: Item[] = [];
    for (let i = 0; i < changes.length;) {
      if (changes[i].kind !== 'unchanged') {
        items.push(i++);
        continue;
      }
      let end = i;
      while (end < changes.length && changes[end].kind === 'unchanged') end++;
      if (this.expandedRuns.has(i)) for (let k = i; k < end; k++) items.push(k);
      else items.push({ start: i, end });
      i = end;
    }
    return items;
  }

  private anchor(row: number) {
    return `${this.anchorPrefix}${row + 1}`;
  }

  // ── Navigation ────────────────────────────────────────────────────────────

  private onKey(event: KeyboardEvent) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || event.isComposing) return;
    const key = event.key.toLowerCase();
    const direction = key === 'j' || key === 'n' ? 1 : key === 'k' || key === 'p' ? -1 : 0;
    if (!direction || !this.computed) return;
    // Letters typed into a field (or a select's type-to-find) are the reader's, not shortcuts.
    const target = event.composedPath()[0];
    // (radio buttons and checkboxes take no letters: the keys work there)
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest('select, textarea, input:not([type=radio]):not([type=checkbox])'))) return;
    event.preventDefault();
    void this.step(direction);
  }

  /**
   * Where focus is, as a row position for 上一处/下一处: the focused row, or inside a folded run (its button)
   * just before the run's first row when going forward and at it when going back.
   */
  private focusedRow(direction: 1 | -1): number | undefined {
    const active = this.shadowRoot?.activeElement;
    const row = active?.closest<HTMLElement>('[data-row]');
    if (row) return Number(row.dataset.row);
    const run = active?.closest<HTMLElement>('[data-run-start]');
    if (!run) return undefined;
    return direction > 0 ? Number(run.dataset.runEnd) - 1 : Number(run.dataset.runStart);
  }

  private async step(direction: 1 | -1): Promise<boolean> {
    await this.updateComplete;
    const comparison = this.computed;
    if (!comparison) return false;
    const stops = this.stops;
    const total = stops.length;
    if (!total) {
      this.position = { none: true };
      return false;
    }
    const from = this.focusedRow(direction) ?? (this.currentStop >= 0 ? stops[this.currentStop] : undefined);
    let next = -1;
    if (from === undefined) next = direction > 0 ? 0 : total - 1;
    else if (direction > 0) next = stops.findIndex((row) => row > from);
    else for (let k = total - 1; k >= 0 && next < 0; k--) if (stops[k] < from) next = k;
    if (next < 0) {
      // said again when pressed again: the status empties first, then gets the words
      this.position = { pending: true };
      await this.updateComplete;
      this.position = { edge: direction > 0 ? 'last' : 'first', total };
      return false;
    }
    const row = stops[next];
    // the position first: its words change the sticky bar's height, which the scroll then allows for
    this.currentStop = next;
    this.position = { at: next + 1, total };
    await this.reveal(row);
    this.emit(new ZwChangeFocusEvent(next + 1, total, comparison.changes[row], this.anchor(row)));
    return true;
  }

  /** Scrolls to a row, unfolding it first, and focuses it. */
  private async reveal(row: number, instant = false): Promise<boolean> {
    await this.updateComplete;
    const run = this.items.find((item): item is Run => isRun(item) && row >= item.start && row < item.end);
    if (run) {
      this.expandedRuns = new Set(this.expandedRuns).add(run.start);
      await this.updateComplete;
    }
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.anchor(row))}`);
    if (!target) return false;
    // the sticky bar wraps with the width and the text size: land the row below its measured height
    const nav = this.renderRoot.querySelector<HTMLElement>('.nav');
    if (nav) target.style.setProperty('--_nav-height', `${nav.offsetHeight}px`);
    target.scrollIntoView({ block: 'start', behavior: scrollBehavior(instant) });
    target.focus({ preventScroll: true });
    const stop = this.stops.indexOf(row);
    if (stop >= 0) this.currentStop = stop;
    return true;
  }

  /** Shows the row an anchor id names (`12` of `#c-12`). */
  private async revealAnchor(id: string, instant = false) {
    if (!this.computed) return;
    const number = /^\d+$/.exec(id)?.[0];
    const row = number ? Number(number) - 1 : -1;
    if (row < 0 || row >= this.computed.changes.length) return;
    await this.reveal(row, instant);
  }

  private followPartner(event: MouseEvent, row: number) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab or window: the browser's
    event.preventDefault();
    history.pushState(null, '', `#${this.anchor(row)}`);
    void this.reveal(row);
  }

  private async expandRun(run: Run) {
    this.expandedRuns = new Set(this.expandedRuns).add(run.start);
    await this.updateComplete;
    // The button is gone: focus goes to the first row it unfolded, where reading continues.
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.anchor(run.start))}`)?.focus();
  }

  // ── Controls ──────────────────────────────────────────────────────────────

  private async pick(which: 'old' | 'new', id: string) {
    if (which === 'old') this.oldVersion = id;
    else this.newVersion = id;
    await this.updateComplete;
    const comparison = this.computed;
    const doc = this.doc;
    if (!comparison || !doc) return;
    const s = comparison.summary;
    // the summary and the navigation are rebuilt for the new pair: a status that stays in place says what changed
    this.pairStatus = msg(
      str`已对比${doc.versions[comparison.oldIndex].label}与${doc.versions[comparison.newIndex].label}：新增 ${s.added} 条，删除 ${s.deleted} 条，修改 ${s.modified} 条，移动 ${s.moved} 条，未变 ${s.unchanged} 条`,
    );
    this.emit(new ZwVersionsChangeEvent(doc.versions[comparison.oldIndex].id, doc.versions[comparison.newIndex].id, comparison.summary));
  }

  private async copyTable() {
    const comparison = this.computed;
    const doc = this.doc;
    if (!comparison || !doc) return;
    this.copied = undefined;
    const oldVersion = doc.versions[comparison.oldIndex];
    const newVersion = doc.versions[comparison.newIndex];
    let copied = false;
    try {
      // Loaded when the reader points at or focuses the button, so it is usually there by the click: browsers
      // copy only during the reader's action (Chromium allows a few seconds after it).
      const { comparisonTable, copyComparisonTable } = await loadCopyTable();
      const table = withLocale(this.locale, () =>
        comparisonTable(
          comparison,
          { title: doc.title, oldLabel: oldVersion.label, newLabel: newVersion.label, oldTitle: oldVersion.title, newTitle: newVersion.title },
          { changesOnly: this.changesOnly },
        ),
      );
      copied = await copyComparisonTable(table);
    } catch (error) {
      console.error(`[zhengwu-elements] <${this.localName}>: copying the table failed`, error);
    }
    await this.updateComplete; // the status empties first, so the same message is announced again
    this.copied = copied;
  }

  // ── Rendering ─────────────────────────────────────────────────────────────

  protected override renderEmpty() {
    return msg('暂无对比内容');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="bar title w80"></div>
      <div class="bar w45"></div>
      <div class="bar w70"></div>
      ${[90, 90, 70, 90, 90].map((w) => html`<div class="bar w${w}"></div>`)}`;
  }

  protected renderDocument(doc: ComparisonDocument): TemplateResult {
    if (this.computeError) {
      const error = this.computeError;
      this.finishWork();
      throw error; // reported as a render failure by the base: the error state, `zw-error`, the console
    }
    this.syncComparison();
    this.prepare();
    const lang = this.contentLang(doc);
    const comparison = this.computed;
    const layout = this.unmeasured ? 'auto' : this.wide === false ? 'narrow' : 'wide';
    return html`<article class="compare ${layout}" part="article" aria-labelledby="title">
      ${this.renderHeader(doc, lang)}
      ${
        comparison
          ? html`${this.renderSummary(comparison)} ${this.renderControls()} ${this.renderNav()} ${this.renderRows(comparison, lang, this.activeView)}${
              // before the width is known, the narrow screen's default view too: CSS shows the one for the screen's width
              this.unmeasured && !this.hasViewAttribute ? this.renderRows(comparison, lang, 'redline', true) : nothing
            }`
          : html`<div class="pending" aria-hidden="true"><div class="bar w45"></div><div class="bar w90"></div><div class="bar w90"></div></div>`
      }
    </article>`;
  }

  private renderHeader(doc: ComparisonDocument, lang: string) {
    const pair = this.computedFor ?? { oldIndex: 0, newIndex: doc.versions.length - 1 };
    return html`<header class="header" part="header">
      <div class="title" id="title" part="title" role="heading" aria-level=${this.level} lang=${lang}>${doc.title}</div>
      ${doc.description ? html`<p class="description" lang=${lang}>${doc.description}</p>` : nothing}
      ${doc.versions.length > 2 ? this.renderPicker(doc, pair.oldIndex, pair.newIndex, lang) : nothing}
      <dl class="versions" part="versions">
        ${this.renderVersion(msg('旧版本'), doc.versions[pair.oldIndex], 'old', lang)} ${this.renderVersion(msg('新版本'), doc.versions[pair.newIndex], 'new', lang)}
      </dl>
    </header>`;
  }

  private renderPicker(doc: ComparisonDocument, oldIndex: number, newIndex: number, lang: string) {
    // versions run oldest first: the old one is always before the new one, never the same or after it
    const option = (v: Version, i: number, selected: number, allowed: boolean) =>
      html`<option value=${v.id} ?selected=${i === selected} ${clientProperty('selected', i === selected)} ?disabled=${!allowed} lang=${lang}>${v.label}${v.date ? inBrackets(formatDate(this.locale, v.date)) : ''}</option>`;
    return html`<div class="picker zw-needs-script" part="picker" role="group" aria-label=${msg('选择要对比的两个版本')}>
      <div class="pick">
        <label for="pick-old">${msg('旧版本')}</label>
        <select id="pick-old" @change=${(e: Event) => this.pick('old', (e.target as HTMLSelectElement).value)}>
          ${doc.versions.map((v, i) => option(v, i, oldIndex, i < newIndex))}
        </select>
      </div>
      <span class="pick-arrow" aria-hidden="true">→</span>
      <div class="pick">
        <label for="pick-new">${msg('新版本')}</label>
        <select id="pick-new" @change=${(e: Event) => this.pick('new', (e.target as HTMLSelectElement).value)}>
          ${doc.versions.map((v, i) => option(v, i, newIndex, i > oldIndex))}
        </select>
      </div>
      <span class="visually-hidden" role="status">${this.pairStatus}</span>
    </div>`;
  }

  private renderVersion(role: string, version: Version, which: 'old' | 'new', lang: string) {
    const href = safeHref(version.url);
    return html`<div class="version ${which}">
      <dt>${role}</dt>
      <dd>
        <span class="version-label" lang=${lang}>${version.label}</span>
        ${version.title ? html`<span class="version-title" lang=${lang}>${version.title}</span>` : nothing}
        ${
          version.docNo || version.date
            ? html`<span class="version-meta"
                >${version.docNo ? html`<span class="zw-nobreak" lang=${lang}>${version.docNo}</span>` : nothing}
                ${version.date ? html`<time class="zw-nobreak" datetime=${version.date}>${formatDate(this.locale, version.date)}</time>` : nothing}</span
              >`
            : nothing
        }
        ${href ? html`<a class="version-link" href=${href}>${msg('查看原文')}<span class="visually-hidden" lang=${lang}>${inBrackets(version.label)}</span></a>` : nothing}
      </dd>
    </div>`;
  }

  private renderSummary(comparison: ShownComparison) {
    const s = comparison.summary;
    const changed = s.added + s.deleted + s.modified + s.moved;
    const renumbered = comparison.changes.filter((c) => c.kind === 'unchanged' && c.renumbered).length;
    const count = (kind: string, symbol: string, label: string) => html`<li class="count ${kind}"><span class="symbol" aria-hidden="true">${symbol}</span>${label}</li>`;
    return html`<div class="summary" part="summary">
      <span class="visually-hidden" id="summary-label">${msg('修改概要')}</span>
      <ul aria-labelledby="summary-label">
        ${count('added', '+', msg(str`新增 ${s.added} 条`))} ${count('deleted', '−', msg(str`删除 ${s.deleted} 条`))} ${count('modified', '✎', msg(str`修改 ${s.modified} 条`))}
        ${count('moved', '⇅', msg(str`移动 ${s.moved} 条`))} ${count('unchanged', '=', msg(str`未变 ${s.unchanged} 条`))}
      </ul>
      ${
        changed === 0
          ? html`<p class="identical">
              <strong>${msg('无变化')}</strong>${renumbered ? msg(str`：条款内容相同，${renumbered} 条仅调整了编号。`) : msg('：两个版本的条款内容相同。')}
            </p>`
          : nothing
      }
    </div>`;
  }

  private viewLabel(view: CompareView) {
    switch (view) {
      case 'side-by-side':
        return msg('对照');
      case 'redline':
        return msg('修订');
      case 'margin':
        return msg('新文');
    }
  }

  private viewHint(view: CompareView) {
    switch (view) {
      case 'side-by-side':
        return msg('原条款在左，新条款在右');
      case 'redline':
        return msg('在一处显示删除和新增的文字');
      case 'margin':
        return msg('新文本，修改处在页边标出');
    }
  }

  private renderControls() {
    const view = this.activeView;
    return html`<div class="controls zw-needs-script" part="controls">
      <fieldset class="views">
        <legend>${msg('视图')}</legend>
        <div class="segmented">
          ${VIEWS.map(
            (v) => html`<label title=${this.viewHint(v)}
              ><input type="radio" name="view" value=${v} ?checked=${view === v} ${clientProperty('checked', view === v)} @change=${() => (this.view = v)} /><span>${this.viewLabel(v)}</span></label
            >`,
          )}
        </div>
      </fieldset>
      <label class="toggle"
        ><input type="checkbox" ?checked=${this.changesOnly} ${clientProperty('checked', this.changesOnly)} @change=${(e: Event) => (this.changesOnly = (e.target as HTMLInputElement).checked)} /><span
          >${msg('只看修改')}</span
        ></label
      >
      <div class="copy">
        <button type="button" class="zw-button" @pointerenter=${loadCopyTable} @focus=${loadCopyTable} @click=${() => this.copyTable()}>
          ${msg('复制对照表')}
        </button>
        <span class="copy-status" role="status"
          >${this.copied === true ? msg('已复制对照表，可粘贴到 Word 或 WPS') : this.copied === false ? msg('未能复制对照表，请重试，或打印本页') : ''}</span
        >
      </div>
    </div>`;
  }

  private positionText(total: number) {
    const position = this.position;
    if (!position) return total ? msg(str`共 ${total} 处修改`) : msg('没有修改');
    if ('pending' in position) return '';
    if ('none' in position) return msg('没有修改');
    if ('edge' in position) return position.edge === 'last' ? msg(str`已是最后一处修改，共 ${position.total} 处`) : msg(str`已是第一处修改，共 ${position.total} 处`);
    return msg(str`第 ${position.at} 处修改，共 ${position.total} 处`);
  }

  private renderNav() {
    const total = this.stops.length;
    return html`<div class="nav" part="nav">
      ${
        total
          ? html`<button type="button" class="zw-button prev zw-needs-script" aria-keyshortcuts="K P" @click=${() => this.previousChange()}>
                <span aria-hidden="true">↑</span> <span class="label">${msg('上一处')}</span>
              </button>
              <button type="button" class="zw-button next zw-needs-script" aria-keyshortcuts="J N" @click=${() => this.nextChange()}>
                <span aria-hidden="true">↓</span> <span class="label">${msg('下一处')}</span>
              </button>`
          : nothing
      }
      <span class="position" role="status">${this.positionText(total)}</span>
      ${total ? html`<span class="keys zw-needs-script">${msg('快捷键：J 或 N 下一处，K 或 P 上一处')}</span>` : nothing}
    </div>`;
  }

  /** Whether the page chose the view (else the width does). */
  private get hasViewAttribute() {
    return !!this.view && VIEWS.includes(this.view);
  }

  /**
   * The rows in `view`. Before the width is known, without a `view` attribute, both defaults are rendered, marked
   * `auto-wide` (对照) and `auto-narrow` (修订, the `alternative`, without anchor ids): the screen's width shows one.
   */
  private renderRows(comparison: ShownComparison, lang: string, view: CompareView, alternative = false) {
    const items = this.items;
    const limit = this.progressive ? Math.min(this.rowsShown, items.length) : items.length;
    const chunks: unknown[] = [];
    for (let start = 0; start < limit;) {
      const end = Math.min(limit, start === 0 ? FIRST_ROWS : start + MORE_ROWS);
      const from = start;
      chunks.push(
        guard([this.renderKey, from, end, view], () =>
          items.slice(from, end).map((item) => (isRun(item) ? this.renderRun(item, comparison) : this.renderRow(item, comparison, view, lang, alternative))),
        ),
      );
      start = end;
    }
    const doc = this.doc!;
    const auto = this.unmeasured && !this.hasViewAttribute ? (alternative ? 'auto-narrow' : 'auto-wide') : '';
    return html`<div class="rows ${view} ${this.hasNotes ? 'with-notes' : ''} ${auto}" part="rows">
      ${
        view === 'side-by-side'
          ? html`<div class="row head" aria-hidden="true">
              <div class="mark"></div>
              <div class="cell">${msg('原条款')}<span class="head-version" lang=${lang}>${doc.versions[comparison.oldIndex].label}</span></div>
              <div class="cell">${msg('新条款')}<span class="head-version" lang=${lang}>${doc.versions[comparison.newIndex].label}</span></div>
              ${this.hasNotes ? html`<div class="cell notes">${msg('说明')}</div>` : nothing}
            </div>`
          : nothing
      }
      ${chunks}
    </div>`;
  }

  private renderRun(run: Run, comparison: ShownComparison) {
    const count = run.end - run.start;
    const first = comparison.changes[run.start].new;
    const last = comparison.changes[run.end - 1].new;
    const range = first && last ? (count > 1 ? `${clauseName(first)}–${clauseName(last)}` : clauseName(first)) : '';
    return html`<div class="run" part="run" data-run-start=${run.start} data-run-end=${run.end}>
      <button type="button" class="run-button zw-needs-script" @click=${() => this.expandRun(run)}>
        <span aria-hidden="true">⋯</span> ${msg(str`展开 ${count} 条未变条款`)}${range ? html` <span class="run-range">${inBrackets(range)}</span>` : nothing}
      </button>
    </div>`;
  }

  private badge(change: ClauseChange) {
    const badge = (kind: string, symbol: string, label: string) => html`<span class="badge ${kind}"><span class="symbol" aria-hidden="true">${symbol}</span>${label}</span>`;
    switch (change.kind) {
      case 'added':
        return badge('added', '+', msg('新增'));
      case 'deleted':
        return badge('deleted', '−', msg('删除'));
      case 'modified':
        return badge('modified', '✎', msg('修改'));
      case 'moved':
        return change.placement === 'from' ? badge('moved', '⇅', msg('移出')) : badge('moved', '⇅', msg('移动'));
      default:
        return change.renumbered ? badge('renumbered', '#', msg('编号变化')) : nothing;
    }
  }

  /** Inserted text: underlined, with its start and end said to screen readers (which ignore `<ins>` by default). */
  private ins(text: string) {
    return html`<ins><span class="visually-hidden">${msg('新增：')}</span>${text}<span class="visually-hidden">${msg('（新增结束）')}</span></ins>`;
  }

  private del(text: string) {
    return html`<del><span class="visually-hidden">${msg('删除：')}</span>${text}<span class="visually-hidden">${msg('（删除结束）')}</span></del>`;
  }

  /** A diff: `old` shows the deletions, `new` the insertions, `both` the two inline (修订). */
  private segments(segments: DiffSegment[], side: 'old' | 'new' | 'both') {
    return segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'insert' ? (side === 'old' ? nothing : this.ins(s.text)) : side === 'new' ? nothing : this.del(s.text)));
  }

  /** A clause: number, heading and text, with the change's character diff on `side` when it has one. */
  private clause(clause: Clause, change: ClauseChange, side: 'old' | 'new' | 'both', lang: string) {
    const heading = change.headingSegments ? this.segments(change.headingSegments, side) : clause.heading;
    const text = change.segments ? this.segments(change.segments, side) : clause.text;
    return html`<span class="clause k-${clause.kind}" lang=${lang}
      >${clause.number ? html`<span class="num">${clause.number}</span> ` : nothing}${heading ? html`<span class="heading">${heading}</span> ` : nothing}<span class="text"
        >${text}</span
      ></span
    >`;
  }

  private renumbered(change: ClauseChange) {
    if (!change.renumbered || !change.old || !change.new || change.kind === 'moved') return nothing;
    return html`<span class="renumber">${msg(str`原${change.old.number} → ${change.new.number}`)}</span>`;
  }

  /** The link from one row of a move to the other. */
  private partnerLink(change: ClauseChange, row: number, comparison: ShownComparison) {
    const partner = change.partner === undefined ? undefined : comparison.changes[change.partner];
    if (!partner || change.partner === undefined) return nothing;
    const target = change.partner;
    const oldClause = change.old ?? partner.old;
    const newClause = change.new ?? partner.new;
    const label =
      change.placement === 'from'
        ? msg(str`原${oldClause ? clauseName(oldClause) : ''}已移至${newClause ? clauseName(newClause) : ''}`)
        : msg(str`由原${oldClause ? clauseName(oldClause) : ''}移来`);
    return html`<a class="partner" href="#${this.anchor(target)}" @click=${(e: MouseEvent) => this.followPartner(e, target)}
      ><span aria-hidden="true">${target > row ? '↓ ' : '↑ '}</span>${label}</a
    >`;
  }

  /** The notes on a clause: at its new place only, when it moved (the row it left links there). */
  private notes(change: ClauseChange, lang: string) {
    if (change.placement === 'from') return nothing;
    return change.notes.map(
      (note) => html`<div class="clause-note" part="clause-note"><span class="note-label">${labelled(msg('说明'))}</span><span lang=${lang}>${note}</span></div>`,
    );
  }

  private renderRow(row: number, comparison: ShownComparison, view: CompareView, lang: string, alternative = false) {
    const change = comparison.changes[row];
    const clause = change.new ?? change.old;
    const depth = Math.min(clause?.depth ?? 0, 4);
    const body = view === 'side-by-side' ? this.sideBySide(change, row, comparison, lang) : this.inline(change, row, comparison, view, lang);
    return html`<div
      class="row ${change.kind} ${change.placement ?? ''} depth-${depth}"
      part="row"
      id=${ifDefined(alternative ? undefined : this.anchor(row))}
      data-row=${row}
      data-kind=${change.kind}
      tabindex="-1"
    >
      <div class="mark" part="mark">${this.badge(change)}</div>
      ${body}
    </div>`;
  }

  /** 对照: old left, new right, the notes in a third column (under the row when narrow). */
  private sideBySide(change: ClauseChange, row: number, comparison: ShownComparison, lang: string) {
    const none = (text: string) => html`<span class="none">${text}</span>`;
    let oldCell: unknown;
    let newCell: unknown = nothing;
    switch (change.kind) {
      case 'added':
        oldCell = none(msg('（原无此条）'));
        newCell = html`<ins class="whole">${this.clause(change.new!, change, 'new', lang)}</ins>`;
        break;
      case 'deleted':
        oldCell = html`<del class="whole">${this.clause(change.old!, change, 'old', lang)}</del>`;
        newCell = none(msg('（已删除）'));
        break;
      case 'moved':
        if (change.placement === 'from') {
          oldCell = this.partnerLink(change, row, comparison);
        } else {
          oldCell = html`${this.partnerLink(change, row, comparison)}${change.old ? html`<div class="moved-old">${this.clause(change.old, change, 'old', lang)}</div>` : nothing}`;
          newCell = change.new ? this.clause(change.new, change, 'new', lang) : nothing;
        }
        break;
      default:
        oldCell = change.old ? this.clause(change.old, change, 'old', lang) : nothing;
        newCell = html`${change.new ? this.clause(change.new, change, 'new', lang) : nothing}${this.renumbered(change)}`;
    }
    return html`<div class="cell old"><span class="visually-hidden">${labelled(msg('原条款'))}</span>${oldCell}</div>
      <div class="cell new"><span class="visually-hidden">${labelled(msg('新条款'))}</span>${newCell}</div>
      ${this.hasNotes ? html`<div class="cell notes">${this.notes(change, lang)}</div>` : nothing}`;
  }

  /** 修订 (deletions and insertions inline) and 新文 (the new text; a deleted clause is a marker that unfolds). */
  private inline(change: ClauseChange, row: number, comparison: ShownComparison, view: CompareView, lang: string) {
    const side = view === 'redline' ? 'both' : 'new';
    let content: unknown;
    switch (change.kind) {
      case 'added':
        content = html`<ins class="whole">${this.clause(change.new!, change, 'new', lang)}</ins>`;
        break;
      case 'deleted': {
        const struck = html`<del class="whole">${this.clause(change.old!, change, 'old', lang)}</del>`;
        content =
          view === 'redline'
            ? struck
            : html`<details class="deleted-marker" ?open=${this.printing}><summary>${msg(str`此处删除原${clauseName(change.old!)}`)}</summary>${struck}</details>`;
        break;
      }
      case 'moved':
        content =
          change.placement === 'from'
            ? this.partnerLink(change, row, comparison)
            : html`${this.partnerLink(change, row, comparison)}${change.new ? html`<div>${this.clause(change.new, change, side, lang)}</div>` : nothing}`;
        break;
      default:
        content = html`${change.new ? this.clause(change.new, change, side, lang) : nothing}${this.renumbered(change)}`;
    }
    return html`<div class="body">${content}${this.notes(change, lang)}</div>`;
  }
}

defineElement('zw-policy-compare', ZwPolicyCompare);

declare global {
  interface HTMLElementTagNameMap {
    'zw-policy-compare': ZwPolicyCompare;
  }
}
