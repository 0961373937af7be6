import type { DirectoryEntry } from '../../schema/types.generated.js';
import { foldText } from './fold.js';
import { TextIndex, unionIds } from './search-index.js';
import { FACET_NAMES, type ColumnNode, type DirectoryQuery, type DirectoryResult, type FacetCount, type FacetName, type SortKey } from './types.js';

/**
 * The directory's in-page search core: entries + column tree → one `query()` giving the page of entries,
 * the total, the facet counts and the column counts (types.ts is the contract). Pure, no DOM: the element
 * and the reference server (Node) share it.
 *
 * Text: two TextIndex (名称; 发文字号 + 索引号 + 内容概述 + each 关键词), so `relevance` knows title matches
 * without re-reading titles. Filters and facets: per entry a code per facet in typed arrays; one pass over
 * the matches counts each facet over the entries that pass every OTHER filter. Sorting: per key a
 * permutation built once (`finish`), walked with a membership stamp instead of sorting per query.
 */

/** The entry fields the catalogue reads (the directory schema's entry has them all). */
export type CatalogueEntry = Pick<DirectoryEntry, 'title' | 'indexNo' | 'docNo' | 'issuer' | 'category' | 'writtenDate' | 'publishDate' | 'validity' | 'disclosure' | 'keywords' | 'summary' | 'columns'>;

/** 有效性 values that `hideInvalid` leaves out (已废止, 已失效). */
export const INVALID_VALIDITY: readonly string[] = ['abolished', 'expired'];

/** Four-digit year of 发布日期, '' when absent or malformed. */
export const entryYear = (e: { publishDate?: string }): string => (typeof e.publishDate === 'string' && /^\d{4}/.test(e.publishDate) ? e.publishDate.slice(0, 4) : '');

/** yyyymmdd of an ISO date, 0 when absent or malformed (sorts before every date ascending). */
const dateKey = (d: unknown): number => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10)) : 0);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Facet values → small integer codes. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
  find(value: string): number {
    return this.codes.get(value) ?? -2;
  }
}

const grown = (a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> => {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
};

type StringKey = 'indexNo' | 'title';
type DateKey = 'publishDate' | 'writtenDate';
const SORT_KEYS: readonly (DateKey | StringKey)[] = ['publishDate', 'writtenDate', 'indexNo', 'title'];
const COLUMN = FACET_NAMES.length;

export interface CatalogueOptions {
  /** Expected number of entries (sizes the tables up front). */
  expected?: number;
  /** 拼音首字母 of a title (pinyin.ts `pinyinInitials`): ascii-letter queries then also match titles by initials. */
  initials?: (title: string) => string;
}

export class Catalogue<E extends CatalogueEntry = DirectoryEntry> {
  /** The entries, by id (the order they were added). */
  readonly entries: E[] = [];
  private readonly titles: TextIndex;
  private readonly texts: TextIndex;
  private initialsIndex?: TextIndex;
  private initials?: (title: string) => string;
  /** Entries whose initials are indexed (they are added in id order, possibly after the build). */
  private initialsDone = 0;

  private readonly dictionaries: Dictionary[] = FACET_NAMES.map(() => new Dictionary());
  private facetCodes: Int32Array<ArrayBuffer>[] = FACET_NAMES.map(() => new Int32Array(0));
  private readonly columnCodes = new Dictionary();
  /** Per column code: the codes from the root down to it. */
  private readonly columnPath: number[][] = [];
  /** Columns of entry i (with their ancestors, each once): columnList[columnFrom[i] .. columnFrom[i + 1]). */
  private columnFrom = new Int32Array(1);
  private columnList = new Int32Array(0);
  private invalid = new Uint8Array(0);
  private dates: Record<DateKey, Int32Array<ArrayBuffer>> = { publishDate: new Int32Array(0), writtenDate: new Int32Array(0) };
  /** Per sort key, ids in ascending order (ties by id) and each id's rank in it; built by `finish`. */
  private orders = new Map<DateKey | StringKey, { order: Int32Array; rank: Int32Array }>();
  private finishing?: Generator<void, void, void>;
  private stamp = new Uint32Array(0);
  private titleStamp = new Uint32Array(0);
  private generation = 0;

  constructor(columns: readonly ColumnNode[], options: CatalogueOptions = {}) {
    const expected = options.expected ?? 0;
    this.titles = new TextIndex({ expectedEntries: expected, fields: (id) => [this.entries[id].title] });
    this.texts = new TextIndex({ expectedEntries: expected, fields: (id) => textFields(this.entries[id]) });
    this.initials = options.initials;
    if (this.initials) this.initialsIndex = new TextIndex({ expectedEntries: expected });
    this.growTo(Math.max(64, expected));
    const walk = (nodes: readonly ColumnNode[], above: number[]) => {
      for (const node of nodes) {
        const known = this.columnCodes.find(node.id);
        // a repeated id keeps its first place (the directory rules report the repeat)
        const code = known >= 0 ? known : this.columnCodes.code(node.id);
        const path = known >= 0 ? this.columnPath[code] : [...above, code];
        this.columnPath[code] = path;
        if (node.children) walk(node.children, path);
      }
    };
    walk(columns, []);
  }

  /** Entries added. */
  get size(): number {
    return this.entries.length;
  }

  /** Adds an entry (after checking it: the catalogue trusts the shape); returns its id. */
  add(entry: E): number {
    const id = this.entries.length;
    this.entries.push(entry);
    this.titles.add(id, [str(entry.title)]);
    this.texts.add(id, textFields(entry));
    if (id >= this.invalid.length) this.growTo(Math.max(64, id * 2));
    const values = [entryYear(entry), str(entry.issuer?.name), str(entry.category?.topic), str(entry.validity), str(entry.disclosure)];
    for (let f = 0; f < COLUMN; f++) this.facetCodes[f][id] = values[f] ? this.dictionaries[f].code(values[f]) : -1;
    this.invalid[id] = INVALID_VALIDITY.includes(values[3]) ? 1 : 0;
    this.dates.publishDate[id] = dateKey(entry.publishDate);
    this.dates.writtenDate[id] = dateKey(entry.writtenDate);
    let at = this.columnFrom[id];
    for (const column of Array.isArray(entry.columns) ? entry.columns : []) {
      let code = this.columnCodes.find(str(column));
      if (code < 0) {
        // not in the tree: counted under itself
        code = this.columnCodes.code(str(column));
        this.columnPath[code] = [code];
      }
      for (const c of this.columnPath[code]) {
        let seen = false;
        for (let k = this.columnFrom[id]; k < at; k++) if (this.columnList[k] === c) seen = true;
        if (seen) continue;
        this.columnList = grown(this.columnList, at + 1);
        this.columnList[at++] = c;
      }
    }
    this.columnFrom[id + 1] = at;
    if (this.initials && this.initialsDone === id) this.indexInitials(id);
    this.orders.clear();
    this.finishing = undefined;
    return id;
  }

  private growTo(cap: number): void {
    this.facetCodes = this.facetCodes.map((a) => grown(a, cap));
    this.columnFrom = grown(this.columnFrom, cap + 1);
    const invalid = new Uint8Array(cap);
    invalid.set(this.invalid);
    this.invalid = invalid;
    this.dates = { publishDate: grown(this.dates.publishDate, cap), writtenDate: grown(this.dates.writtenDate, cap) };
  }

  private indexInitials(id: number): void {
    this.initialsIndex!.add(id, [foldText(this.initials!(str(this.entries[id].title)))]);
    this.initialsDone = id + 1;
  }

  /**
   * Makes ascii-letter queries also match titles by 拼音首字母 (`initials` from pinyin.ts, loaded lazily):
   * indexes the entries added so far in slices (see `buildCatalogueInSlices`), then every later one.
   */
  async addInitials(initials: (title: string) => string, options: SliceOptions = {}): Promise<void> {
    if (this.initials) return;
    this.initials = initials;
    this.initialsIndex = new TextIndex({ expectedEntries: this.size });
    const yieldToPage = yielder();
    try {
      while (this.initialsDone < this.size) {
        throwIfAborted(options.signal);
        const deadline = now() + (options.sliceMs ?? SLICE_MS);
        while (this.initialsDone < this.size && now() < deadline) this.indexInitials(this.initialsDone);
        options.onSlice?.(this.initialsDone, this.size);
        if (this.initialsDone < this.size) await yieldToPage.next();
      }
    } finally {
      yieldToPage.close();
    }
  }

  /**
   * Builds the sort orders (call once every entry is added; `query` works before, sorting its matches
   * directly). One step per `next()`, each a bounded piece of work, so the sliced build can yield.
   */
  finishSteps(): Generator<void, void, void> {
    if (!this.finishing) this.finishing = this.buildOrders();
    return this.finishing;
  }

  /** Builds the sort orders in one go (the server; tests). */
  finish(): this {
    for (const _ of this.finishSteps());
    return this;
  }

  private *buildOrders(): Generator<void, void, void> {
    const n = this.size;
    for (const key of SORT_KEYS) {
      let order: Int32Array;
      if (key === 'publishDate' || key === 'writtenDate') order = countingOrder(this.dates[key], n);
      else {
        const values = this.entries.map((e) => str(e[key]));
        order = yield* mergeOrder(n, (a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
      }
      const rank = new Int32Array(n);
      for (let i = 0; i < n; i++) rank[order[i]] = i;
      this.orders.set(key, { order, rank });
      yield;
    }
  }

  /** Bytes held by the indexes and per-entry arrays (not the entries themselves). */
  byteSize(): number {
    let bytes = this.titles.byteSize() + this.texts.byteSize() + (this.initialsIndex?.byteSize() ?? 0);
    bytes += this.facetCodes.reduce((s, a) => s + a.byteLength, 0) + this.columnFrom.byteLength + this.columnList.byteLength + this.invalid.byteLength;
    bytes += this.dates.publishDate.byteLength + this.dates.writtenDate.byteLength + this.stamp.byteLength + this.titleStamp.byteLength;
    for (const { order, rank } of this.orders.values()) bytes += order.byteLength + rank.byteLength;
    return bytes + this.entries.length * 8;
  }

  /** Ids of the entries whose searchable text (or title initials) contains the folded query, ascending; and which of them match in the title. */
  private search(q: string): { ids: Int32Array; inTitle: Int32Array } {
    let inTitle = this.titles.findFolded(q);
    if (this.initialsIndex && q.length >= 2 && /^[a-z]+$/.test(q)) inTitle = unionIds(inTitle, this.initialsIndex.findFolded(q));
    return { ids: unionIds(inTitle, this.texts.findFolded(q)), inTitle };
  }

  query(request: DirectoryQuery): DirectoryResult<E> {
    const n = this.size;
    if (this.stamp.length < n) {
      this.stamp = new Uint32Array(Math.max(n, this.stamp.length * 2));
      this.titleStamp = new Uint32Array(this.stamp.length);
    }
    const gen = (this.generation = (this.generation + 1) >>> 0 || 1);
    const stamp = this.stamp;
    const q = foldText(request.q ?? '');
    let candidates: Int32Array | undefined;
    if (q) {
      const found = this.search(q);
      candidates = found.ids;
      for (let k = 0; k < found.inTitle.length; k++) this.titleStamp[found.inTitle[k]] = gen;
    }

    // the filters: per facet the wanted code (−1 none; −2 a value no entry has), and the column
    const wanted = new Int32Array(COLUMN + 1);
    const requested = [request.year, request.issuer, request.topic, request.validity, request.disclosure];
    for (let f = 0; f < COLUMN; f++) wanted[f] = requested[f] ? this.dictionaries[f].find(requested[f]!) : -1;
    wanted[COLUMN] = request.column ? this.columnCodes.find(request.column) : -1;
    const hideInvalid = request.hideInvalid === true;

    const facetCounts = this.dictionaries.map((d) => new Int32Array(d.values.length));
    const columnCounts = new Int32Array(this.columnCodes.values.length);
    const codes = this.facetCodes;
    const columnFrom = this.columnFrom;
    const columnList = this.columnList;
    const matches = new Int32Array(candidates ? candidates.length : n);
    let total = 0;
    let inTitle = 0;
    const count = candidates ? candidates.length : n;
    for (let k = 0; k < count; k++) {
      const id = candidates ? candidates[k] : k;
      if (hideInvalid && this.invalid[id] === 1) continue;
      let misses = 0;
      let missed = -1;
      for (let f = 0; f < COLUMN && misses < 2; f++) {
        if (wanted[f] !== -1 && codes[f][id] !== wanted[f]) (misses++, (missed = f));
      }
      if (misses < 2 && wanted[COLUMN] !== -1) {
        let inColumn = false;
        for (let c = columnFrom[id]; c < columnFrom[id + 1]; c++) if (columnList[c] === wanted[COLUMN]) inColumn = true;
        if (!inColumn) (misses++, (missed = COLUMN));
      }
      if (misses === 0) {
        matches[total++] = id;
        stamp[id] = gen;
        if (q && this.titleStamp[id] === gen) inTitle++;
        for (let f = 0; f < COLUMN; f++) if (codes[f][id] >= 0) facetCounts[f][codes[f][id]]++;
        for (let c = columnFrom[id]; c < columnFrom[id + 1]; c++) columnCounts[columnList[c]]++;
      } else if (misses === 1) {
        if (missed === COLUMN) for (let c = columnFrom[id]; c < columnFrom[id + 1]; c++) columnCounts[columnList[c]]++;
        else if (codes[missed][id] >= 0) facetCounts[missed][codes[missed][id]]++;
      }
    }

    const size = Math.min(100, Math.max(1, Math.floor(request.size ?? 20) || 20));
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(pages, Math.max(1, Math.floor(request.page ?? 1) || 1));
    let sort: SortKey = request.sort ?? (q ? 'relevance' : 'publishDate');
    if (sort === 'relevance' && !q) sort = 'publishDate';
    const desc = (request.order ?? (sort === 'publishDate' || sort === 'writtenDate' ? 'desc' : 'asc')) === 'desc';
    const key = sort === 'relevance' ? 'publishDate' : sort;
    const from = (page - 1) * size;
    const to = Math.min(total, from + size);
    let ids: number[];
    const found = matches.subarray(0, total);
    if (sort === 'relevance') {
      // title matches first, then the rest; each newest first
      const titled = (id: number) => this.titleStamp[id] === gen;
      ids = [
        ...(from < inTitle ? this.pageOf(found, key, true, from, Math.min(to, inTitle) - from, titled, true) : []),
        ...(to > inTitle ? this.pageOf(found, key, true, Math.max(0, from - inTitle), to - Math.max(from, inTitle), titled, false) : []),
      ];
    } else ids = this.pageOf(found, key, desc, from, to - from);

    const facets = {} as Record<FacetName, FacetCount[]>;
    FACET_NAMES.forEach((name, f) => {
      const values = this.dictionaries[f].values;
      const list: FacetCount[] = [];
      for (let c = 0; c < values.length; c++) if (facetCounts[f][c] > 0 || values[c] === requested[f]) list.push({ value: values[c], count: facetCounts[f][c] });
      if (requested[f] && !values.includes(requested[f]!)) list.push({ value: requested[f]!, count: 0 });
      list.sort(name === 'year' ? (a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0) : (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      facets[name] = list;
    });
    const columns: Record<string, number> = {};
    this.columnCodes.values.forEach((id, c) => (columns[id] = columnCounts[c]));
    return { total, page, size, entries: ids.map((id) => this.entries[id]), facets, columns };
  }

  /**
   * `count` ids of `matches` (the members stamped with the current generation) from position `skip` in
   * the order of `key` (desc: reversed); with `group`, only the members where `group(id) === inGroup`.
   */
  private pageOf(matches: Int32Array, key: DateKey | StringKey, desc: boolean, skip: number, count: number, group?: (id: number) => boolean, inGroup = true): number[] {
    if (count <= 0) return [];
    const out: number[] = [];
    const built = this.orders.get(key);
    const n = this.size;
    if (built && matches.length * 16 >= n) {
      // many matches: walk the order, taking members
      const { order } = built;
      const gen = this.generation;
      let seen = 0;
      for (let k = 0; k < n && out.length < count; k++) {
        const id = order[desc ? n - 1 - k : k];
        if (this.stamp[id] !== gen || (group && group(id) !== inGroup)) continue;
        if (seen++ >= skip) out.push(id);
      }
      return out;
    }
    // few matches (or no order yet): sort them
    let members = group ? Array.from(matches).filter((id) => group(id) === inGroup) : Array.from(matches);
    if (built) {
      const { rank } = built;
      members.sort((a, b) => rank[a] - rank[b]);
    } else members = this.sortDirect(members, key);
    if (desc) members.reverse();
    return members.slice(skip, skip + count);
  }

  private sortDirect(ids: number[], key: DateKey | StringKey): number[] {
    if (key === 'publishDate' || key === 'writtenDate') {
      const d = this.dates[key];
      return ids.sort((a, b) => d[a] - d[b] || a - b);
    }
    const values = this.entries;
    return ids.sort((a, b) => {
      const x = str(values[a][key]);
      const y = str(values[b][key]);
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
}

/** The searchable fields after 名称: 发文字号, 索引号, 内容概述, then each 关键词 (a match never spans two). */
function textFields(e: CatalogueEntry): string[] {
  const fields = [str(e.docNo), str(e.indexNo), str(e.summary)];
  if (Array.isArray(e.keywords)) for (const k of e.keywords) fields.push(str(k));
  return fields;
}

/** Ids 0..n−1 by ascending yyyymmdd (ties by id): a counting sort over years × 372 day slots. */
function countingOrder(keys: Int32Array, n: number): Int32Array {
  let min = Infinity;
  let max = -Infinity;
  const slot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    const s = k === 0 ? 0 : Math.floor(k / 10000) * 372 + (Math.floor(k / 100) % 100) * 31 + (k % 100) + 1;
    slot[i] = s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  const order = new Int32Array(n);
  if (n === 0) return order;
  const buckets = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) buckets[slot[i] - min + 1]++;
  for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
  for (let i = 0; i < n; i++) order[buckets[slot[i] - min]++] = i;
  return order;
}

/** Ids 0..n−1 sorted by `compare` (a total order): a bottom-up merge sort yielding after each ~32k comparisons. */
function* mergeOrder(n: number, compare: (a: number, b: number) => number): Generator<void, Int32Array, void> {
  let a = new Int32Array(n);
  let b = new Int32Array(n);
  const RUN = 32;
  for (let i = 0; i < n; i++) a[i] = i;
  let work = 0;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(n, lo + RUN);
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= lo && compare(a[j], v) > 0) (a[j + 1] = a[j]), j--;
      a[j + 1] = v;
    }
    if ((work += RUN * 4) > 32768) (work = 0), yield;
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
      if ((work += hi - lo) > 32768) (work = 0), yield;
    }
    [a, b] = [b, a];
  }
  return a;
}

// ---- building in slices ----

const SLICE_MS = 8;
const now = () => performance.now();

export interface SliceOptions {
  /** Aborting rejects the build with an AbortError. */
  signal?: AbortSignal;
  /** After each slice: entries done, entries in all, and the catalogue (queryable already). */
  onSlice?: (done: number, total: number) => void;
  /** Work per slice before yielding to the page; default 8 ms. */
  sliceMs?: number;
}

export interface BuildOptions<E> extends CatalogueOptions {
  /** Whether to keep an entry (the element checks each one here and reports the bad ones); default: all. */
  accept?: (entry: E, index: number) => boolean;
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The build was aborted', 'AbortError');
}

/**
 * Yields to the page with a MessageChannel task: setTimeout(0) nested in a loop is clamped to 4 ms,
 * which would double a 100k build. Falls back to setTimeout where there is no MessageChannel.
 */
function yielder(): { next(): Promise<void>; close(): void } {
  if (typeof MessageChannel === 'undefined') return { next: () => new Promise((r) => setTimeout(r, 0)), close() {} };
  const channel = new MessageChannel();
  let wake: (() => void) | undefined;
  channel.port1.onmessage = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  return {
    next: () =>
      new Promise<void>((r) => {
        wake = r;
        channel.port2.postMessage(0);
      }),
    close: () => {
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/** Builds the catalogue in one go (the reference server; small catalogues). */
export function buildCatalogue<E extends CatalogueEntry>(entries: readonly E[], columns: readonly ColumnNode[], options: BuildOptions<E> = {}): Catalogue<E> {
  const catalogue = new Catalogue<E>(columns, { expected: entries.length, initials: options.initials });
  entries.forEach((entry, i) => {
    if (!options.accept || options.accept(entry, i)) catalogue.add(entry);
  });
  return catalogue.finish();
}

/**
 * Builds the catalogue in slices of ~8 ms, yielding to the page between them (no long task). `onSlice`
 * gets the catalogue too: it answers queries over the entries added so far, so the first rows can be
 * painted after the first slice. Rejects with an AbortError when `signal` aborts.
 */
export async function buildCatalogueInSlices<E extends CatalogueEntry>(
  entries: readonly E[],
  columns: readonly ColumnNode[],
  options: BuildOptions<E> & Omit<SliceOptions, 'onSlice'> & { onSlice?: (done: number, total: number, catalogue: Catalogue<E>) => void } = {},
): Promise<Catalogue<E>> {
  const catalogue = new Catalogue<E>(columns, { expected: entries.length, initials: options.initials });
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const yieldToPage = yielder();
  try {
    let i = 0;
    while (i < entries.length) {
      throwIfAborted(options.signal);
      const deadline = now() + sliceMs;
      do {
        const entry = entries[i];
        if (!options.accept || options.accept(entry, i)) catalogue.add(entry);
        i++;
      } while (i < entries.length && ((i & 15) !== 0 || now() < deadline));
      options.onSlice?.(i, entries.length, catalogue);
      await yieldToPage.next();
    }
    const steps = catalogue.finishSteps();
    for (let done = false; !done; ) {
      throwIfAborted(options.signal);
      const deadline = now() + sliceMs;
      while (!(done = steps.next().done === true) && now() < deadline);
      if (!done) await yieldToPage.next();
    }
    throwIfAborted(options.signal);
    return catalogue;
  } finally {
    yieldToPage.close();
  }
}
