import '../../base/hydrate-support.js'; // first: before anything imports lit
import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { controlStyles } from '../../base/controls.styles.js';
import { ZwElement } from '../../base/zw-element.js';
import { defineElement } from '../../base/define.js';
import { WidthController } from '../../base/width.js';
import { renderValidityBadge, validityBadgeStyles } from '../../base/validity.js';
import { renderIssueList } from '../../base/error-panel.js';
import type { CheckResult } from '../../core/check.js';
import { formatDate } from '../../core/format.js';
import { safeHref } from '../../core/url.js';
import { checkDirectoryEntry, checkDirectoryShell } from '../../core/directory/entries-check.js';
import { columnPaths, columnsOf } from '../../core/directory/columns.js';
import { buildCatalogue, buildCatalogueInSlices, type Catalogue } from '../../core/directory/catalogue.js';
import { matchRanges } from '../../core/directory/fold.js';
import { effectiveSort, DEFAULT_SIZE, INVALID_VALIDITIES, MAX_SIZE } from '../../core/directory/contract.js';
import {
  FACET_NAMES,
  type ColumnNode,
  type DirectoryQuery,
  type DirectoryResult,
  type FacetCount,
  type FacetName,
  type SortKey,
  type SortOrder,
} from '../../core/directory/types.js';
import { isError, type Issue, type LocalizedIssue } from '../../schema/issues.js';
import { disclosureLabel, fieldLabel, inBrackets, localizeIssue, validityLabel } from '../../schema/messages.js';
import type { DirectoryDocument, DirectoryEntry, Validity } from '../../schema/types.generated.js';
import { withLocale } from '../../i18n/locale.js';
import '../policy-card/policy-card.js';
import { ZwSearchEvent, ZwSelectEvent } from './disclosure-directory.events.js';
import { disclosureDirectoryStyles } from './disclosure-directory.styles.js';
import { claimPrefix, readState, release, writeState } from './url-state.js';
import type { VirtualRows } from './virtual-window.js';
import { renderColumnTree, ColumnTreeController } from './column-tree.js';
import type { RemoteSearch } from './remote.js';
import { clientProperty } from '../../base/client-property.js';

/** `paging` (pages of `page-size` rows, the default) or `scroll` (one long table, only the rows near view rendered). */
export type ListMode = 'paging' | 'scroll';

/** From this width (in em of the element's own text size) the column tree sits beside the list; narrower, it folds above it. */
const TREE_BESIDE_EM = 56;
/** From this width the list is a table; narrower (a phone), compact policy cards. */
const TABLE_EM = 40;
/** The result count is announced, and `zw-search` fired, this long after the last keystroke (not per keystroke). */
const SETTLE_MS = 600;
/** While a large directory is indexed, its progress is shown this often at most (each render walks the whole template). */
const PROGRESS_MS = 250;
const PAGE_SIZES = [10, 20, 50, 100];

type Filters = Pick<DirectoryQuery, 'year' | 'issuer' | 'topic' | 'validity' | 'disclosure' | 'hideInvalid'>;
type Entry = DirectoryEntry;

/** A line break opportunity after each `/` of plain text parts (索引号: 机构代码/<wbr>年份-顺序号). */
function breakAfterSlash(parts: string | unknown[]): unknown[] {
  return (typeof parts === 'string' ? [parts] : parts).flatMap((part) =>
    typeof part === 'string' ? part.split('/').flatMap((piece, i) => (i === 0 ? [piece] : [html`/<wbr />`, piece])) : [part],
  );
}

/** An entry as the policy document its card shows; one object per entry, so a re-render does not make the card check it again. */
const cardData = new WeakMap<object, object>();
function policyOf(entry: Entry): object {
  let data = cardData.get(entry);
  if (!data) {
    const { columns: _columns, ...policy } = entry as Entry & { columns?: string[] };
    cardData.set(entry, (data = { type: 'policy', schemaVersion: 1, ...policy }));
  }
  return data;
}

/** An entry no longer in force (已废止, 已失效): its row is muted and says so. */
const isInvalid = (validity?: Validity) => !!validity && INVALID_VALIDITIES.includes(validity);

/**
 * 政府信息公开目录 — a whole 政府信息公开 column: the column tree, the document list with its metadata
 * (索引号, 名称, 发布机构, 发文字号, 成文日期, 发布日期, 有效性), search as you type (Chinese substring
 * matching that never misses; 发文字号 bracket, space and full-width variants are the same), filters with
 * counts (年份, 发布机构, 主题分类, 有效性, 公开属性), sorting, paging or virtual scrolling, and its state
 * in the page address so back/forward and shared links work.
 *
 * Entries come in the document (`entries`; up to ~100k: checked and indexed in slices, so the page never
 * freezes; bad entries are reported one by one and the good ones shown), or from a search server
 * (`remote`: the same query contract, see README and `directory-search.schema.json`).
 *
 * Why paging is the default list mode: no browser API tells whether a screen reader runs, and virtual
 * scrolling fails both screen-reader users (they read by moving through the DOM, which holds only the rows
 * near view) and the browser's find-in-page (which sees only rendered rows). Pages of real rows work for
 * everyone; `list-mode="scroll"` is for portals that know their audience (it still marks every row with
 * `aria-rowindex` and the table with `aria-rowcount`). Remote directories always page.
 *
 * State in the address: `?zwd.q=…&zwd.column=…&zwd.year=2024&zwd.page=2` (the prefix is `url-prefix`,
 * else the element's id, else `zwd`, `zwd2`… so two directories never share one). Typing replaces the
 * history entry once it pauses (not per keystroke: see url-state.ts), choosing a column, filter, sort or page adds one. `url-state="off"` leaves the address alone.
 *
 * @tagname zw-disclosure-directory
 * @summary A 政府信息公开 column: column tree, searchable and filterable document list (政府信息公开目录).
 *
 * @attr src - URL of a directory JSON document.
 * @attr query - The search text (also a property); follows what the reader types.
 * @attr column - Id of the selected 栏目 (entries of it and of every column below it).
 * @attr list-mode - `paging` (default) or `scroll` (virtual scrolling inside the table's own scroll area).
 * @attr page-size - Rows per page (default 20, at most 100).
 * @attr url-prefix - Prefix of the address's parameters (default: the element's id, else `zwd`; a second directory gets `zwd2`).
 * @attr url-state - `off`: the state is not written to nor read from the address.
 * @attr pinyin - Also find entries by the 拼音首字母 of their 名称 (`zwgk` → 政务公开); the table of initials loads on first use.
 * @attr heading-level - Level of the title in the host page's outline (default 2).
 * @attr preview - For content staff: invalid data is listed issue by issue, with paths. Without it the public sees a short polite notice.
 * @attr appearance - `light` or `dark` forces the colours, `auto` follows the reader's system; by default the page's `color-scheme` decides (light unless it says dark).
 * @attr theme - `blue` for the blue alternative to the red 党政 default.
 * @attr timeout - Milliseconds to wait for `src` (default 15000).
 *
 * @slot - A `<script type="application/json">` holding the directory document.
 *
 * @fires {ZwLoadEvent} zw-load - The document loaded, every entry checked and indexed, the first results shown; `detail.document`, `detail.warnings`, `detail.rejected` (the issues of entries left out), `detail.total`.
 * @fires {ZwErrorEvent} zw-error - The document could not be loaded, is invalid or could not be shown; `detail.errors`.
 * @fires {ZwEmptyEvent} zw-empty - There is no document (`data` null, an empty script, no data at all).
 * @fires {ZwSearchEvent} zw-search - A search settled (typing paused, or a filter, sort, column or page was chosen); `detail.query`, `detail.total`.
 * @fires {ZwSelectEvent} zw-select - The reader chose an entry; `detail.entry`. Cancelable: `preventDefault()` stops the navigation.
 *
 * @csspart root - The wrapper of everything the element shows (its typography and colours start here).
 * @csspart directory - The whole directory.
 * @csspart title - The title heading.
 * @csspart search - The search form (box and hint).
 * @csspart tree - The column tree (beside the list when wide, folded above it when narrow).
 * @csspart filters - The filters, sort and order.
 * @csspart results - The result count, list and pager.
 * @csspart table - The metadata table (wide layouts).
 * @csspart row - Each row of the table.
 * @csspart badge - The 有效性 badge in a row.
 * @csspart cards - The list of compact policy cards (narrow layouts).
 * @csspart pager - The page navigation.
 * @csspart empty-results - What is shown when nothing matches, with the ways to widen the search.
 * @csspart rejected - The note (public) or list (`preview`) of entries left out because their data is invalid.
 * @csspart error - The notice (public) or the issue list (`preview`) shown when the data cannot be shown.
 * @csspart retry - The 重试 button of a notice.
 * @csspart note - The discreet note above a document shown in part.
 * @csspart empty - The empty state.
 * @csspart skeleton - The loading placeholder.
 *
 * @cssprop --zw-color-primary - Accent colour (default 党政 red #b3191f; blue theme #0f4c9a).
 * @cssprop --zw-color-text - Body text colour.
 * @cssprop --zw-color-muted - Secondary text colour (and rows of documents no longer in force).
 * @cssprop --zw-color-surface - Background.
 * @cssprop --zw-color-subtle - Tinted background (table header, highlighted matches' neighbourhood).
 * @cssprop --zw-color-border - Border colour.
 * @cssprop --zw-color-link - Link colour.
 * @cssprop --zw-color-focus - Focus ring colour.
 * @cssprop --zw-color-danger - 已废止 / 已失效 badges.
 * @cssprop --zw-font-family - Font stack (system CJK fonts by default).
 * @cssprop --zw-font-size - Base text size (default 16px; 18px or more for 适老化).
 * @cssprop --zw-radius - Corner radius.
 * @cssprop --zw-space - Base spacing.
 */
export class ZwDisclosureDirectory extends ZwElement<'directory'> {
  static override styles = [...ZwElement.styles, controlStyles, validityBadgeStyles, ...disclosureDirectoryStyles];
  protected readonly kind = 'directory' as const;

  /** The search text. Set it to search; it follows what the reader types. */
  @property() query = '';

  /** Id of the selected 栏目: entries of it and of every column below it. Unset: every column. */
  @property() column?: string;

  /** `paging` (default) or `scroll`; see the class comment for why paging is the default. */
  @property({ reflect: true, attribute: 'list-mode' }) listMode: ListMode = 'paging';

  /** Rows per page (1–100; default 20). */
  @property({ type: Number, attribute: 'page-size' }) pageSize: number = DEFAULT_SIZE;

  /** Prefix of the address's parameters; default: the element's id, else `zwd` (`zwd2` for a second directory without an id). */
  @property({ attribute: 'url-prefix' }) urlPrefix?: string;

  /** `off`: the state stays out of the address. */
  @property({ attribute: 'url-state' }) urlState?: 'off';

  /** Search by 拼音首字母 too (`zwgk` → 政务公开); its table loads on first use. */
  @property({ type: Boolean, reflect: true }) pinyin = false;

  @state() private filters: Filters = {};
  @state() private sort?: SortKey;
  @state() private order?: SortOrder;
  @state() private page = 1;
  /** The page size the reader chose (written to the address); unset: `pageSize`. */
  @state() private chosenSize?: number;

  /** The index over the valid entries; undefined while it is being built. */
  @state() private catalogue?: Catalogue<Entry>;
  /** The index while it is being built: it answers over the entries indexed so far (the first rows, before the rest is in). */
  @state() private building?: Catalogue<Entry>;
  /** How far the build is; not reactive: shown at most every PROGRESS_MS (see `startBuild`). */
  private progress?: { done: number; total: number };
  private progressShown = 0;
  /** Issues of the entries left out (errors) and of those shown with warnings. */
  private rejectedIssues: Issue[] = [];
  private rejectedEntries = 0;
  private entryWarnings: Issue[] = [];
  private build?: { abort: AbortController; promise: Promise<void> };

  /** The result shown, and what it was computed for. */
  @state() private result?: DirectoryResult<Entry>;
  private resultKey = '';
  /** Virtual scrolling (`list-mode="scroll"`, opt-in): its module loads with the first directory that uses it. */
  private virtual?: VirtualRows<Entry>;
  private virtualLoad?: Promise<void>;

  // remote mode
  private remote?: RemoteSearch;
  private remoteApi?: typeof import('./remote.js');
  @state() private remoteBusy = false;
  @state() private remoteError?: string;
  private remoteFirst?: { promise: Promise<void>; resolve: () => void };

  /** The polite announcement of the result count (debounced). */
  @state() private announcement = '';
  private settleTimer = 0;
  /** How the next change of the search reaches the history: typing replaces, the rest pushes. */
  private historyMode: 'push' | 'replace' = 'push';
  /** The next settled search is announced at once (an explicit action), not after a pause. */
  private explicit = false;
  private lastSearchKey?: string;

  private addressPrefix = 'zwd';
  private writtenKey?: string;
  private restored = false;
  private initial?: { query: string; column?: string };

  /** The folded tree (phones) is open: closed at first, open in a pre-rendered page, whose tree showed before the script came. */
  @state() private treeOpen = !isServer && this.shadowRoot !== null;
  @state() private filtersOpen = false;
  private layout?: { beside: boolean; table: boolean };
  private readonly size = new WidthController(this);
  /** Keeps one tree item tabbable after each update (roving tabindex). */
  protected readonly tree = new ColumnTreeController(this);
  /** Open columns of the tree. */
  @state() private expanded = new Set<string>();
  /** Matches in every column (the tree's 全部栏目 count) when a column is selected, and the search it counts (no column, page or sort). */
  private allColumnsTotal = 0;
  private allColumnsKey = '';
  private pinyinInitials?: (text: string) => string;

  private pinyinReady = false;

  /**
   * Pre-rendered (src/ssr): the first update hydrates the server's markup, so it must render what the server did —
   * the catalogue built at once (not in slices), the server's layout (it measured no width), the element's own
   * initial state (the address's state applies in the next update) — and the next update follows the measured width.
   */
  private hydrating = !isServer && this.shadowRoot !== null;

  private readonly onPopState = () => {
    if (this.urlState === 'off') return;
    this.applyState(readState(this.addressPrefix));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.initial ??= { query: this.query, column: this.column };
    this.addressPrefix = claimPrefix(this, this.urlPrefix || this.id || undefined);
    addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
    release(this);
    clearTimeout(this.settleTimer);
    this.virtual?.stop();
  }

  /** The entries matching the current search, filters and column (on this page, or all of them in `scroll` mode). */
  get total(): number {
    return this.result?.total ?? 0;
  }

  /** The current search as the query contract has it (what the address and a search server receive). */
  get searchQuery(): DirectoryQuery {
    return { ...this.stateQuery(), size: this.pageSizeNow };
  }

  /** The index over the document's entries, once built (undefined in remote mode). */
  get index(): Catalogue<Entry> | undefined {
    return this.catalogue;
  }

  // ── Data ─────────────────────────────────────────────────────────────────

  /** The shell is checked at once; the entries in slices (see `startBuild`), so 100k entries never block the page. */
  protected override checkData(data: unknown): CheckResult<'directory'> {
    const result = checkDirectoryShell(data);
    this.startBuild(result.document ?? result.partial);
    return result;
  }

  protected override whenSettled(): Promise<void> {
    return Promise.all([this.build?.promise, this.loadVirtual()]).then(() => this.updateComplete.then(() => undefined));
  }

  private loadVirtual() {
    if (this.listMode === 'scroll' && !isServer)
      this.virtualLoad ??= import('./virtual-window.js').then((api) => {
        this.virtual = new api.VirtualRows(this);
        this.requestUpdate();
      });
    return this.virtualLoad;
  }

  protected override loadDetail(): { rejected: LocalizedIssue[]; total: number } {
    return { rejected: withLocale(this.locale, () => this.rejectedIssues.map((i) => localizeIssue(i, 'directory'))), total: this.catalogue?.size ?? this.total };
  }

  /** Checks and indexes the entries in slices; a newer document aborts the build under way (its results never land). */
  private startBuild(doc: DirectoryDocument | undefined) {
    this.build?.abort.abort();
    this.build = undefined;
    this.catalogue = undefined;
    this.result = undefined;
    this.resultKey = '';
    this.allColumnsKey = '';
    this.virtual?.clear();
    this.building = undefined;
    this.rejectedIssues = [];
    this.rejectedEntries = 0;
    this.entryWarnings = [];
    this.progress = undefined;
    this.remote?.cancel();
    this.remote = undefined;
    this.remoteFirst = undefined;
    this.remoteError = undefined;
    this.pinyinReady = false;
    this.restored = false;
    if (!doc) return;
    const abort = new AbortController();
    const entries = (doc.entries ?? []) as unknown[];
    if (!doc.entries && doc.remote) {
      this.startRemote(doc);
      this.build = { abort, promise: this.remoteFirst!.promise };
      return;
    }
    const columns = columnsOf(doc);
    const known = columnPaths(columns);
    const accept = (entry: unknown, i: number) => {
      const issues = checkDirectoryEntry(entry, i, known);
      if (issues.some(isError)) {
        this.rejectedIssues.push(...issues);
        this.rejectedEntries++;
        return false;
      }
      if (issues.length) this.entryWarnings.push(...issues);
      return true;
    };
    if (isServer || this.hydrating) {
      // The server renders the first page at once (a CMS batch's few thousand entries: milliseconds; a huge one just
      // takes longer there), and hydration must render the same rows and counts: at once too, before its first update.
      this.catalogue = buildCatalogue(entries as Entry[], columns, { accept });
      // the entries' warnings (scrape damage, local 索引号 shapes…) join the shell's, so zw-load carries them all
      this.addWarnings(this.entryWarnings);
      const settled = isServer
        ? Promise.resolve()
        : Promise.resolve().then(async () => {
            if (this.pinyin) await this.enablePinyin();
            await this.updateComplete;
          });
      this.build = { abort, promise: settled };
      return;
    }
    const promise = buildCatalogueInSlices(entries as Entry[], columns, {
      signal: abort.signal,
      accept,
      onSlice: (done: number, total: number, catalogue: Catalogue<Entry>) => {
        if (this.build?.abort !== abort || done >= total) return;
        this.progress = { done, total };
        const now = performance.now();
        if (!this.building) {
          // The catalogue answers over the entries indexed so far: the first rows paint after the first slice.
          this.building = catalogue;
          this.resultKey = '';
        } else if (now - this.progressShown < PROGRESS_MS) return;
        // Later slices only move the progress, a few times a second. The rows stay those of the first slice (a search
        // typed meanwhile runs over what is indexed by then): querying the partial catalogue again sorts every match
        // found so far, ~100 ms at 100k, a long task; the whole catalogue replaces them once it is built.
        this.progressShown = now;
        this.requestUpdate();
      },
    }).then(async (catalogue) => {
      if (this.build?.abort !== abort) throw new DOMException('superseded', 'AbortError');
      // the entries' warnings (scrape damage, local 索引号 shapes…) join the shell's, so zw-load carries them all
      this.addWarnings(this.entryWarnings);
      this.progress = undefined;
      this.progressShown = 0;
      this.building = undefined;
      this.catalogue = catalogue;
      this.resultKey = '';
      this.allColumnsKey = ''; // the same catalogue object, now whole
      if (this.pinyin) await this.enablePinyin();
      await this.updateComplete;
    });
    promise.catch(() => undefined); // a superseded build: the newer one is announced
    this.build = { abort, promise };
  }

  /** Loads the 拼音首字母 table on first use and lets the index find entries by it. */
  private async enablePinyin() {
    const catalogue = this.catalogue;
    if (isServer || !catalogue || this.pinyinReady) return;
    const { pinyinInitials } = await import('../../core/directory/pinyin.js');
    if (catalogue !== this.catalogue) return;
    await catalogue.addInitials(pinyinInitials, { signal: this.build?.abort.signal });
    if (catalogue !== this.catalogue) return;
    this.pinyinInitials = pinyinInitials;
    this.pinyinReady = true;
    this.resultKey = '';
    this.requestUpdate();
  }

  /** The remote client loads with the first remote directory: in-page directories never download it. */
  private startRemote(doc: DirectoryDocument) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const first = (this.remoteFirst = { promise, resolve });
    // the server renders the shell (the search, an empty list 正在搜索…): the results are the search server's to give
    if (isServer) return;
    import('./remote.js').then(
      (api) => {
        if (this.remoteFirst !== first) return; // other data arrived meanwhile
        this.remoteApi = api;
        this.remote = new api.RemoteSearch(safeHref(doc.remote) ?? '', { timeout: this.timeout });
        this.resultKey = '';
        this.requestUpdate();
      },
      (error: unknown) => {
        if (this.remoteFirst !== first) return;
        this.remoteError = String(error);
        resolve();
      },
    );
  }

  /** Asks the server (debounced while typing; at once for a page, filter or column); a newer search supersedes it. */
  private searchRemote(remote: RemoteSearch, query: DirectoryQuery) {
    this.remoteBusy = true;
    remote.search(query, { immediate: this.historyMode === 'push' }).then(
      (result) => {
        if (remote !== this.remote) return;
        this.remoteBusy = false;
        this.remoteError = undefined;
        this.result = result;
        this.afterResult();
        this.remoteFirst?.resolve();
      },
      (error: unknown) => {
        const api = this.remoteApi!;
        if (api.isAbortError(error) || remote !== this.remote) return;
        this.remoteBusy = false;
        const issues = error instanceof api.RemoteSearchError ? error.issues : [];
        this.remoteError = issues.length ? issues.map((i) => `${i.path ? `${i.path} ` : ''}${localizeIssue(i, 'directory').message}`).join('；') : String(error);
        this.remoteFirst?.resolve();
      },
    );
  }

  // ── State ────────────────────────────────────────────────────────────────

  private get pageSizeNow(): number {
    const size = this.chosenSize ?? this.pageSize;
    return Math.min(MAX_SIZE, Math.max(1, Math.round(size) || DEFAULT_SIZE));
  }

  /** What the address keeps: the reader's choices, defaults left out. */
  private stateQuery(): DirectoryQuery {
    const query: DirectoryQuery = {};
    const q = this.query.trim();
    if (q) query.q = q;
    if (this.column) query.column = this.column;
    for (const name of ['year', 'issuer', 'topic', 'validity', 'disclosure'] as const) if (this.filters[name]) query[name] = this.filters[name] as never;
    if (this.filters.hideInvalid) query.hideInvalid = true;
    if (this.sort) query.sort = this.sort;
    if (this.order) query.order = this.order;
    if (this.page > 1 && this.listMode !== 'scroll') query.page = this.page;
    if (this.chosenSize) query.size = this.chosenSize;
    return query;
  }

  /** Takes a state from the address (on load, on back/forward); none: the state the element started with. */
  private applyState(query: DirectoryQuery | undefined) {
    const q = query ?? {};
    this.query = q.q ?? (query ? '' : (this.initial?.query ?? ''));
    this.column = q.column ?? (query ? undefined : this.initial?.column);
    this.filters = { year: q.year, issuer: q.issuer, topic: q.topic, validity: q.validity, disclosure: q.disclosure, hideInvalid: q.hideInvalid || undefined };
    this.sort = q.sort;
    this.order = q.order;
    this.page = q.page ?? 1;
    this.chosenSize = q.size;
    // what the address already says is not written back
    this.writtenKey = JSON.stringify(this.stateQuery());
    this.explicit = true;
    this.revealColumn();
  }

  /** Opens the branches above the selected column, so the tree shows it. */
  private revealColumn() {
    const doc = this.doc;
    if (!doc || !this.column) return;
    const path = columnPaths(columnsOf(doc)).get(this.column);
    if (!path || path.slice(0, -1).every((id) => this.expanded.has(id))) return;
    this.expanded = new Set([...this.expanded, ...path.slice(0, -1)]);
  }

  /** A change the reader made: reflected in the address (pushed, or replaced while typing) and announced. */
  private changed(mode: 'push' | 'replace', resetPage = true) {
    if (resetPage) this.page = 1;
    this.historyMode = mode;
    this.explicit = mode === 'push';
  }

  private onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.changed('replace');
  }

  private onSubmit(event: Event) {
    event.preventDefault();
    // Enter: the reader asks for the results now
    this.explicit = true;
    this.lastSearchKey = undefined;
    this.requestUpdate();
  }

  private chooseColumn(id: string | undefined) {
    if ((id || undefined) === this.column) return;
    this.column = id || undefined;
    this.changed('push');
  }

  private setFilter<N extends keyof Filters>(name: N, value: Filters[N] | undefined) {
    this.filters = { ...this.filters, [name]: value || undefined };
    this.changed('push');
  }

  private setSort(value: string) {
    this.sort = (value || undefined) as SortKey | undefined;
    this.order = undefined; // each key's natural order first
    this.changed('push');
  }

  private setOrder(value: string) {
    this.order = (value || undefined) as SortOrder | undefined;
    this.changed('push');
  }

  private async goToPage(page: number) {
    const pages = Math.max(1, Math.ceil(this.total / this.pageSizeNow));
    const next = Math.min(pages, Math.max(1, page));
    if (next === this.page) return;
    this.page = next;
    this.changed('push', false);
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>('#results-heading');
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  private setPageSize(value: string) {
    const size = Number(value);
    this.chosenSize = size === this.pageSize ? undefined : size;
    this.changed('push');
  }

  private async widen(what: keyof Filters | 'column' | 'query') {
    if (what === 'column') this.column = undefined;
    else if (what === 'query') this.query = '';
    else this.filters = { ...this.filters, [what]: undefined };
    this.changed('push');
    await this.updateComplete;
    // the button is gone: the results heading says where the reader is now
    this.renderRoot.querySelector<HTMLElement>(what === 'query' ? '#q' : '#results-heading')?.focus();
  }

  private choose(event: MouseEvent, entry: Entry) {
    if (event.button > 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab or window: the browser's
    const select = new ZwSelectEvent(entry);
    this.emit(select);
    if (select.defaultPrevented) event.preventDefault();
  }

  // ── Searching ────────────────────────────────────────────────────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('urlPrefix') && this.isConnected && changed.get('urlPrefix') !== undefined) this.addressPrefix = claimPrefix(this, this.urlPrefix || this.id || undefined);
    if (changed.has('pinyin') && this.pinyin) void this.enablePinyin();
    void this.loadVirtual();
    this.search();
  }

  /** Runs the search when anything it depends on changed (a few ms on 100k entries: no need to debounce the index). */
  private search() {
    // (the address is the browser's; a hydrating update renders the server's state, the next one takes the address's)
    if (!this.restored && this.doc && !isServer && !this.hydrating) {
      this.restored = true;
      if (this.urlState !== 'off') {
        const fromAddress = readState(this.addressPrefix);
        if (fromAddress) this.applyState(fromAddress);
      }
      this.revealColumn();
      this.explicit = false;
      this.lastSearchKey = JSON.stringify({ ...this.stateQuery(), page: undefined, size: undefined });
    }
    const query = this.searchQuery;
    const key = JSON.stringify(query);
    if (this.remote) {
      if (key !== this.resultKey) {
        this.resultKey = key;
        this.searchRemote(this.remote, query);
      }
      return;
    }
    const catalogue = this.catalogue ?? this.building;
    if (!catalogue) return;
    const scroll = this.listMode === 'scroll';
    const full = scroll ? { ...query, page: 1, size: MAX_SIZE } : query;
    const fullKey = JSON.stringify(full) + (this.pinyinReady ? 'py' : '');
    if (fullKey === this.resultKey && this.result) return;
    this.resultKey = fullKey;
    let result = catalogue.query(full);
    if (!scroll && result.entries.length === 0 && result.total > 0 && this.page > 1) {
      // a page past the end (fewer results now, or an old link): the last page
      this.page = Math.ceil(result.total / this.pageSizeNow);
      result = catalogue.query({ ...query, page: this.page });
      this.resultKey = JSON.stringify({ ...query, page: this.page }) + (this.pinyinReady ? 'py' : '');
    }
    this.result = result;
    if (!this.column) this.allColumnsTotal = result.total;
    else {
      // a second query, only when what it counts changed (not for a page, a sort or another column)
      const all: DirectoryQuery = { ...full, column: undefined, sort: undefined, order: undefined, page: 1, size: 1 };
      const allKey = JSON.stringify(all) + (this.pinyinReady ? 'py' : '');
      if (allKey !== this.allColumnsKey) {
        this.allColumnsTotal = catalogue.query(all).total;
        this.allColumnsKey = allKey;
      }
    }
    if (scroll) this.virtual?.seed(fullKey, result.entries);
    this.afterResult();
  }

  /** After a result: the address follows, and a settled search is announced (at once for actions, after a pause for typing). */
  private afterResult() {
    // nothing to write or announce on the server; a hydrating render shows what was there (the next update announces, if anything changed)
    if (isServer || this.hydrating) return;
    if (this.urlState !== 'off' && this.restored) {
      const stateKey = JSON.stringify(this.stateQuery());
      if (stateKey !== this.writtenKey) {
        this.writtenKey = stateKey;
        writeState(this.addressPrefix, this.stateQuery(), this.historyMode);
      }
      this.historyMode = 'push';
    }
    const searchKey = JSON.stringify({ ...this.stateQuery(), page: undefined, size: undefined });
    const pageChanged = searchKey === this.lastSearchKey;
    if (pageChanged && !this.explicit) return;
    this.lastSearchKey = searchKey;
    clearTimeout(this.settleTimer);
    const explicit = this.explicit;
    this.explicit = false;
    if (explicit) void this.settle();
    else this.settleTimer = window.setTimeout(() => void this.settle(), SETTLE_MS);
  }

  /** The result count is said once the search settled, and `zw-search` fired. */
  private async settle() {
    const result = this.result;
    if (!result) return;
    // emptied first, so the same count said twice is announced twice
    this.announcement = '';
    await this.updateComplete;
    this.announcement = this.countText(result.total);
    this.emit(new ZwSearchEvent(this.query.trim(), result.total));
  }

  private countText(total: number) {
    const q = this.query.trim();
    if (!total) return q ? msg(str`「${q}」没有找到结果`) : msg('没有符合条件的文件');
    return q ? msg(str`「${q}」找到 ${total} 条结果`) : msg(str`共 ${total} 条`);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.hydrating) {
      // hydrated: now the measured width's layout and the address's state
      this.hydrating = false;
      this.requestUpdate();
    }
    if (this.listMode === 'scroll') this.virtual?.rendered();
  }

  /** The layout for the width measured for this render; true when it changed. */
  private chooseLayout(): boolean {
    if (!this.size.width || !this.renderRoot.querySelector('.zw-root')) return false;
    const width = this.size.width / this.size.em;
    const was = this.layout;
    // a little hysteresis, so a scroll bar appearing at a threshold cannot make it flip back and forth
    const beside = was?.beside ? width >= TREE_BESIDE_EM - 2 : width >= TREE_BESIDE_EM;
    const table = was?.table ? width >= TABLE_EM - 2 : width >= TABLE_EM;
    this.layout = { beside, table };
    return !was || was.beside !== beside || was.table !== table;
  }

  // ── Rendering ────────────────────────────────────────────────────────────

  protected override renderEmpty() {
    return msg('暂无政府信息公开内容');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="bar title w45"></div>
      <div class="bar w90"></div>
      ${[90, 90, 90, 90, 70].map((w) => html`<div class="bar w${w}"></div>`)}`;
  }

  protected renderDocument(doc: DirectoryDocument): TemplateResult {
    // the server measures nothing: wide (the tree beside a table); hydration lays out as the server did
    if (!isServer && !this.hydrating) this.chooseLayout();
    const lang = this.contentLang(doc);
    const layout = this.layout ?? { beside: true, table: true };
    const columns = columnsOf(doc);
    const title = doc.title ?? msg('政府信息公开');
    return html`<div class="directory ${layout.beside ? 'beside' : 'folded'} ${layout.table ? 'wide' : 'narrow'}" part="directory">
      <div class="title" id="title" part="title" role="heading" aria-level=${this.level} lang=${doc.title ? lang : this.locale}>${title}</div>
      ${this.renderRejected()} ${this.renderSearch(title, lang)}
      <div class="layout">
        ${columns.length ? this.renderTree(columns, layout.beside) : nothing}
        <div class="main">${this.renderFilters(layout.table)} ${this.renderResults(layout.table, lang)}</div>
      </div>
    </div>`;
  }

  /** Entries left out: one polite line for the public, every issue with its path for staff. */
  private renderRejected() {
    if (!this.rejectedEntries) return nothing;
    if (this.preview) return html`<div class="rejected" part="rejected">${renderIssueList(this.rejectedIssues, 'partial', this.subLevel(), 'directory')}</div>`;
    return html`<p class="zw-note rejected" part="rejected" role="status">${msg(str`${this.rejectedEntries} 条信息暂时无法显示`)}</p>`;
  }

  private renderSearch(title: string, lang: string) {
    const hint = this.pinyin ? msg('可搜索名称、发文字号、索引号、内容概述和关键词，可输入拼音首字母') : msg('可搜索名称、发文字号、索引号、内容概述和关键词');
    // zw-needs-script: pre-rendered and read without the script, the search (and the filters, the pager's buttons) would be
    // dead; they keep their place, invisible, and this note says so (see the styles)
    return html`<form class="search zw-needs-script" part="search" role="search" aria-label=${msg(str`搜索${title}`)} @submit=${this.onSubmit}>
      <p class="needs-script-note">${msg('搜索、筛选和翻页需要启用浏览器的 JavaScript。')}</p>
      <label for="q">${msg('搜索文件')}</label>
      <div class="search-row">
        <input
          id="q"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          lang=${lang}
          aria-describedby="q-hint"
          .value=${this.query}
          @input=${this.onInput}
          @focus=${() => (this.pinyin ? void this.enablePinyin() : undefined)}
        />
        <button type="submit" class="zw-button">${msg('搜索')}</button>
      </div>
      <p class="hint" id="q-hint">${hint}</p>
    </form>`;
  }

  private renderTree(columns: ColumnNode[], beside: boolean) {
    const tree = renderColumnTree({
      columns,
      counts: this.result?.columns ?? {},
      selected: this.column,
      expanded: this.expanded,
      label: msg('栏目'),
      totalCount: this.column ? this.allColumnsTotal : this.total,
      onSelect: (id) => this.chooseColumn(id),
      onToggle: (id, open) => {
        const next = new Set(this.expanded);
        if (open) next.add(id);
        else next.delete(id);
        this.expanded = next;
      },
      initials: this.pinyinInitials,
    });
    // Landmarks carry the directory's title: two directories on one page must not offer two identical 「栏目」 navigations.
    const label = msg(str`${this.doc?.title ?? msg('政府信息公开')}栏目`);
    const current = this.column ? this.columnName(columns, this.column) : undefined;
    // One structure for both layouts (beside: always open, its summary hidden, a title instead; folded: the summary
    // opens and closes it), so a pre-rendered page's CSS can fold it on a phone before the script comes (see the styles)
    // and the script changes no structure there.
    return html`<nav class="tree" part="tree" aria-label=${label}>
      <details ?open=${beside || this.treeOpen} @toggle=${(e: Event) => beside || (this.treeOpen = (e.target as HTMLDetailsElement).open)}>
        <summary id="tree-summary">${msg('栏目')}${current ? html`<span class="current">${inBrackets(current)}</span>` : nothing}</summary>
        <div class="tree-title" aria-hidden="true">${msg('栏目')}</div>
        ${tree}
      </details>
    </nav>`;
  }

  private columnName(columns: ColumnNode[], id: string): string | undefined {
    for (const c of columns) {
      if (c.id === id) return c.name;
      const inner = c.children && this.columnName(c.children, id);
      if (inner) return inner;
    }
    return undefined;
  }

  private facetLabel(name: FacetName, value: string) {
    if (name === 'validity') return validityLabel(value);
    if (name === 'disclosure') return disclosureLabel(value);
    return value;
  }

  private facetTitle(name: FacetName) {
    return name === 'year' ? msg('年份') : fieldLabel(name);
  }

  private sortLabel(key: SortKey) {
    return key === 'relevance' ? msg('相关度') : key === 'title' ? msg('名称') : fieldLabel(key);
  }

  /** A labelled select of the filters' grid: options as [value, text, selected]. */
  private select(id: string, label: unknown, options: [string, unknown, boolean][], change: (value: string) => void) {
    return html`<div class="filter">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
        ${options.map(([value, text, selected]) => html`<option value=${value} ?selected=${selected} ${clientProperty('selected', selected)}>${text}</option>`)}
      </select>
    </div>`;
  }

  private renderFilters(table: boolean) {
    const result = this.result;
    if (!result) return nothing;
    const { sort, order } = effectiveSort(this.stateQuery());
    const keys: SortKey[] = ['relevance', 'publishDate', 'writtenDate', 'indexNo', 'title'].slice(this.query.trim() ? 0 : 1) as SortKey[];
    const active = FACET_NAMES.filter((n) => this.filters[n]).length + (this.filters.hideInvalid ? 1 : 0);
    const dated = sort === 'publishDate' || sort === 'writtenDate';
    const select = (name: FacetName) => {
      const counts: FacetCount[] = [...(result.facets[name] ?? [])];
      const selected = this.filters[name];
      if (selected && !counts.some((c) => c.value === selected)) counts.unshift({ value: selected, count: 0 });
      return this.select(
        `f-${name}`,
        this.facetTitle(name),
        [
          ['', msg('全部'), !selected],
          ...counts.map((c): [string, unknown, boolean] => [c.value, [this.facetLabel(name, c.value), inBrackets(String(c.count))], c.value === selected]),
        ],
        (value) => this.setFilter(name, value as never),
      );
    };
    const controls = html`<div class="filter-grid">
        ${FACET_NAMES.map(select)}
        ${this.select(
          'sort',
          msg('排序'),
          keys.map((k) => [k, this.sortLabel(k), k === sort]),
          (value) => this.setSort(value),
        )}
        ${
          sort === 'relevance'
            ? nothing
            : this.select(
                'order',
                msg('顺序'),
                [
                  ['desc', dated ? msg('由新到旧') : msg('降序'), order === 'desc'],
                  ['asc', dated ? msg('由旧到新') : msg('升序'), order === 'asc'],
                ],
                (value) => this.setOrder(value),
              )
        }
      </div>
      <label class="toggle"
        ><input
          type="checkbox"
          ?checked=${!!this.filters.hideInvalid}
          ${clientProperty('checked', !!this.filters.hideInvalid)}
          @change=${(e: Event) => this.setFilter('hideInvalid', (e.target as HTMLInputElement).checked || undefined)} /><span
          >${msg('不显示已废止、已失效文件')}</span
        ></label
      >`;
    // One structure for both layouts (wide: always open, its summary hidden; narrow: folded), as the tree's
    return html`<details
      class="filters zw-needs-script"
      part="filters"
      ?open=${table || this.filtersOpen}
      @toggle=${(e: Event) => table || (this.filtersOpen = (e.target as HTMLDetailsElement).open)}
    >
      <summary>${active ? msg(str`筛选和排序（已选 ${active} 项）`) : msg('筛选和排序')}</summary>
      <div class="filters-group" role="group" aria-label=${msg('筛选和排序')}>${controls}</div>
    </details>`;
  }

  private renderResults(table: boolean, lang: string) {
    const result = this.result;
    const progress = this.progress;
    const busy = this.remoteBusy || !!progress || (!result && this.remoteError === undefined);
    const total = result?.total ?? 0;
    const failed = this.remoteError !== undefined;
    const count = progress
      ? msg(str`正在载入目录：已处理 ${progress.done} / ${progress.total} 条`)
      : result
        ? this.countText(total)
        : failed
          ? ''
          : this.remote || this.remoteFirst
            ? msg('正在搜索…')
            : msg('正在载入目录…');
    const entries = result ? (this.listMode === 'scroll' && !this.remote ? undefined : result.entries) : [];
    return html`<div class="results" part="results" aria-busy=${busy ? 'true' : 'false'}>
      <div class="results-head">
        <div class="results-title" id="results-heading" role="heading" aria-level=${this.subLevel()} tabindex="-1">${msg('文件列表')}</div>
        <p class="result-count" aria-hidden=${result ? 'true' : 'false'}>${count}</p>
        ${this.remoteBusy && result ? html`<span class="loading">${msg('正在搜索…')}</span>` : nothing}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
      ${this.remoteError !== undefined ? this.renderRemoteError() : nothing}
      ${
        failed && !result
          ? nothing
          : result && total === 0 && !progress
            ? this.renderNoResults()
            : entries === undefined
              ? this.renderVirtual(lang)
              : table
                ? this.renderTable(entries, lang)
                : this.renderCards(entries)
      }
      ${result && total > 0 && (this.listMode !== 'scroll' || this.remote) ? this.renderPager(total) : nothing}
    </div>`;
  }

  private renderRemoteError() {
    const retry = () => {
      this.resultKey = '';
      this.requestUpdate();
    };
    return html`<div class="zw-notice remote-error" part="error" role="status">
      <p>${msg('暂时无法搜索，请稍后再试。')}${this.preview && this.remoteError ? html` <code>${this.remoteError}</code>` : nothing}</p>
      <button type="button" class="zw-button" part="retry" @click=${retry}>${msg('重试')}</button>
    </div>`;
  }

  private renderNoResults() {
    const q = this.query.trim();
    const buttons: TemplateResult[] = [];
    const offer = (what: keyof Filters | 'column' | 'query', label: string) =>
      buttons.push(html`<li><button type="button" class="zw-button" @click=${() => this.widen(what)}>${label}</button></li>`);
    for (const name of FACET_NAMES) {
      const value = this.filters[name];
      if (value) offer(name, msg(str`取消筛选：${this.facetTitle(name)}「${this.facetLabel(name, value)}」`));
    }
    if (this.filters.hideInvalid) offer('hideInvalid', msg('同时显示已废止、已失效文件'));
    if (this.column) offer('column', msg('在全部栏目中搜索'));
    if (q) offer('query', msg('清除搜索词'));
    return html`<div class="no-results" part="empty-results">
      <p class="no-results-text">${q ? msg(str`「${q}」没有找到结果。`) : msg('没有符合条件的文件。')}</p>
      ${buttons.length ? html`<p>${msg('可以试试：')}</p><ul class="widen">${buttons}</ul>` : nothing}
    </div>`;
  }

  /** Text with the search's matches marked (ranges of the original text, so 〔2019〕 is marked for a query 2019). */
  private marked(text: string | undefined) {
    if (!text) return '';
    const q = this.query.trim();
    if (!q) return text;
    const ranges = matchRanges(text, q);
    if (!ranges.length) return text;
    const parts: unknown[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) parts.push(text.slice(at, start));
      parts.push(html`<mark>${text.slice(start, end)}</mark>`);
      at = end;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }

  /** A date in a table cell: a Chinese one may go to two lines after its year (2026年 / 10月22日) so seven columns fit beside the tree, never inside a part. */
  private date(iso?: string) {
    if (!iso) return nothing;
    const text = formatDate(this.locale, iso);
    const year = /^\d{4}年/.exec(text)?.[0];
    return year
      ? html`<time datetime=${iso}><span class="zw-nobreak">${year}</span><span class="zw-nobreak">${text.slice(year.length)}</span></time>`
      : html`<time class="zw-nobreak" datetime=${iso}>${text}</time>`;
  }

  private badge(validity?: Validity) {
    return validity ? renderValidityBadge(validity) : nothing;
  }

  private renderName(entry: Entry, lang: string) {
    const href = safeHref(entry.url);
    const title = this.marked(entry.title);
    // An entry without a 原文 address is a button for the portal's script (zw-select): pre-rendered, and read without
    // the script, it would be a dead one — plain text there (and in the hydrating render, which must match), the
    // button from the next update on, in the same place and size.
    if (!href && (isServer || this.hydrating)) return html`<span class="entry-name" lang=${lang}>${title}</span>`;
    return href
      ? html`<a href=${href} lang=${lang} @click=${(e: MouseEvent) => this.choose(e, entry)}>${title}</a>`
      : html`<button type="button" class="entry-button" lang=${lang} @click=${(e: MouseEvent) => this.choose(e, entry)}>${title}</button>`;
  }

  private tableHead() {
    const { sort, order } = effectiveSort(this.stateQuery());
    const ariaSort = (key: SortKey) => (sort === key ? (order === 'asc' ? 'ascending' : 'descending') : undefined);
    return html`<thead>
      <tr aria-rowindex=${ifDefined(this.listMode === 'scroll' ? 1 : undefined)}>
        <th scope="col" class="c-index" aria-sort=${ifDefined(ariaSort('indexNo'))}>${fieldLabel('indexNo')}</th>
        <th scope="col" class="c-title" aria-sort=${ifDefined(ariaSort('title'))}>${msg('名称')}</th>
        <th scope="col" class="c-issuer">${fieldLabel('issuer')}</th>
        <th scope="col" class="c-docno">${fieldLabel('docNo')}</th>
        <th scope="col" class="c-date" aria-sort=${ifDefined(ariaSort('writtenDate'))}>${fieldLabel('writtenDate')}</th>
        <th scope="col" class="c-date" aria-sort=${ifDefined(ariaSort('publishDate'))}>${fieldLabel('publishDate')}</th>
        <th scope="col" class="c-validity">${fieldLabel('validity')}</th>
      </tr>
    </thead>`;
  }

  private renderRow(entry: Entry, lang: string, index?: number) {
    const out = isInvalid(entry.validity);
    return html`<tr class=${out ? 'out' : ''} part="row" data-row=${ifDefined(index)} aria-rowindex=${ifDefined(index === undefined ? undefined : index + 2)}>
      <td class="c-index" lang=${lang}>${breakAfterSlash(this.marked(entry.indexNo))}</td>
      <td class="c-title">${this.renderName(entry, lang)}${out ? html`<span class="visually-hidden">${inBrackets(validityLabel(entry.validity!))}</span>` : nothing}</td>
      <td class="c-issuer" lang=${lang}>${entry.issuer?.name}</td>
      <td class="c-docno" lang=${lang}>${this.marked(entry.docNo)}</td>
      <td class="c-date">${this.date(entry.writtenDate)}</td>
      <td class="c-date">${this.date(entry.publishDate)}</td>
      <td class="c-validity">${this.badge(entry.validity)}</td>
    </tr>`;
  }

  private caption() {
    const { sort, order } = effectiveSort(this.stateQuery());
    const direction = order === 'asc' ? msg('升序') : msg('降序');
    return msg(str`${this.countText(this.total)}，按${this.sortLabel(sort)}${sort === 'relevance' ? '' : direction}排列`);
  }

  private renderTable(entries: Entry[], lang: string) {
    return html`<div class="table-scroll" role="region" aria-label=${this.listLabel} tabindex="0">
      <table part="table">
        <caption class="visually-hidden">${this.result ? this.caption() : msg('文件列表')}</caption>
        ${this.tableHead()}
        <tbody>
          ${entries.map((e) => this.renderRow(e, lang))}
        </tbody>
      </table>
    </div>`;
  }

  /** Virtual scrolling: real rows near the view of the table's own scroll area, spacers for the rest (once its module is in). */
  private renderVirtual(lang: string) {
    const catalogue = this.catalogue ?? this.building;
    const base = this.searchQuery;
    return this.virtual
      ? this.virtual.render({
          total: this.total,
          key: this.resultKey,
          block: (n, size) => catalogue?.query({ ...base, page: n + 1, size }).entries ?? [],
          row: (e, i) => this.renderRow(e, lang, i),
          head: this.tableHead(),
          caption: this.caption(),
          label: this.listLabel,
          narrow: !(this.layout?.table ?? true),
        })
      : this.renderFirstRows(lang);
  }

  /**
   * Until the virtual window's module is in (and on the server, and so in hydration, which never has it): the first
   * page's rows in the same scroll area, which keeps its height (70vh) when the window replaces them — nothing moves.
   * Without JavaScript this is what the reader gets: the newest rows, scrollable.
   */
  private renderFirstRows(lang: string) {
    const entries = this.result?.entries.slice(0, this.pageSizeNow) ?? [];
    return html`<div class="scroller ${this.layout?.table === false ? 'narrow' : ''}" role="region" aria-label=${this.listLabel} tabindex="0">
      <table part="table" aria-rowcount=${this.total + 1}>
        <caption class="visually-hidden">${this.caption()}</caption>
        ${this.tableHead()}
        <tbody>
          ${entries.map((e, i) => this.renderRow(e, lang, i))}
        </tbody>
      </table>
    </div>`;
  }

  /** The entries the phone cards show, for `onCardClick`. */
  private cardEntries: Entry[] = [];

  /**
   * A link followed inside a phone card (its title, 原文, 解读) is choosing that entry: `zw-select`, which a
   * portal may cancel. Listened for on the shadow root (clicks come from inside the cards' own shadow roots).
   */
  private readonly onCardClick = (event: Event) => {
    const path = event.composedPath();
    if (!path.some((n) => n instanceof HTMLAnchorElement)) return;
    const li = path.find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.card !== undefined);
    const entry = li && this.cardEntries[Number(li.dataset.card)];
    if (entry) this.choose(event as MouseEvent, entry);
  };

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.renderRoot.addEventListener('click', this.onCardClick);
  }

  /** Phones: compact policy cards; their titles mark the search (`highlight`). */
  private renderCards(entries: Entry[]) {
    this.cardEntries = entries;
    return html`<ul class="cards" part="cards">
      ${entries.map((entry, i) => {
        return html`<li data-card=${i}>
          ${this.renderNestedCard({ data: policyOf(entry), headingLevel: this.subLevel(2), highlight: this.query.trim() })}
        </li>`;
      })}
    </ul>`;
  }

  /** The scrolling list region's name: with the directory's title, unique among several directories on a page. */
  private get listLabel() {
    return msg(str`${this.doc?.title ?? msg('政府信息公开')}文件列表`);
  }

  private renderPager(total: number) {
    const size = this.pageSizeNow;
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(this.page, pages);
    const numbers: (number | 'gap')[] = [];
    for (let p = 1; p <= pages; p++) {
      if (p === 1 || p === pages || Math.abs(p - page) <= 2) numbers.push(p);
      else if (numbers[numbers.length - 1] !== 'gap') numbers.push('gap');
    }
    return html`<nav class="pager" part="pager" aria-label=${msg(str`${this.doc?.title ?? msg('政府信息公开')}分页`)}>
      ${
        pages > 1
          ? html`<ul class="zw-needs-script">
            <li><button type="button" class="zw-button" ?disabled=${page <= 1} @click=${() => this.goToPage(page - 1)}>${msg('上一页')}</button></li>
            ${numbers.map((n) =>
              n === 'gap'
                ? html`<li class="gap" aria-hidden="true">…</li>`
                : html`<li>
                  <button type="button" class="zw-button page" aria-current=${ifDefined(n === page ? 'page' : undefined)} aria-label=${msg(str`第 ${n} 页`)} @click=${() => this.goToPage(n)}>
                    ${n}
                  </button>
                </li>`,
            )}
            <li><button type="button" class="zw-button" ?disabled=${page >= pages} @click=${() => this.goToPage(page + 1)}>${msg('下一页')}</button></li>
          </ul>`
          : nothing
      }
      <span class="where">${msg(str`第 ${page} / ${pages} 页`)}</span>
      <label class="size zw-needs-script"
        >${msg('每页')}
        <select @change=${(e: Event) => this.setPageSize((e.target as HTMLSelectElement).value)}>
          ${[...new Set([...PAGE_SIZES, this.pageSizeNow])].sort((a, b) => a - b).map((n) => html`<option value=${n} ?selected=${n === size} ${clientProperty('selected', n === size)}>${n}</option>`)}
        </select>
        ${msg('条')}</label
      >
    </nav>`;
  }
}

defineElement('zw-disclosure-directory', ZwDisclosureDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'zw-disclosure-directory': ZwDisclosureDirectory;
  }
}
