import type { DirectoryEntry } from '../../schema/types.generated.js';
import { columnPaths } from './columns.js';
import { INVALID_VALIDITIES, effectiveSort } from './contract.js';
import { foldText } from './fold.js';
import { nextTask } from '../yield.js';
import { TextIndex, unionIds } from './search-index.js';
import { FACET_NAMES, type ColumnNode, type DirectoryQuery, type DirectoryResult, type FacetCount, type FacetName } from './types.js';

/**
 * The directory's in-page search core: entries + column tree → one `query()` giving the page of entries,
 * the total, the facet counts and the column counts (types.ts is the contract). Pure, no DOM: the element
 * and the reference server (Node) share it.
 *
 * Text: one TextIndex over 名称, 发文字号, 索引号, 内容概述, each 关键词 (名称 first: the index tells which
 * matches lie in it, for `relevance`). Filters and facets: per entry a code per facet in one typed array
 * (code × 5 + facet: a slot of one flat count array); one pass over the matches counts each facet over the
 * entries that pass every OTHER filter. With no search text and no filter the counts are the ones
 * computed once at `finish`. Sorting: per key a permutation built once (`finish`), walked with a
 * membership stamp instead of sorting per query.
 */

/** The entry fields the catalogue reads (the directory schema's entry has them all). */
export type CatalogueEntry = Pick<
  DirectoryEntry,
  'title' | 'indexNo' | 'docNo' | 'issuer' | 'category' | 'writtenDate' | 'publishDate' | 'validity' | 'disclosure' | 'keywords' | 'summary' | 'columns'
>;

/** Four-digit year of 发布日期, '' when absent or malformed. */
export const entryYear = (e: { publishDate?: string }): string => (typeof e.publishDate === 'string' && /^\d{4}/.test(e.publishDate) ? e.publishDate.slice(0, 4) : '');

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** yyyy of an ISO date's first four digits, −1 when absent or malformed (as `entryYear`, without a RegExp per entry). */
const yearOf = (d: unknown): number => {
  if (typeof d !== 'string' || d.length < 4) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = digit(d, i);
    if (c < 0) return -1;
    y = y * 10 + c;
  }
  return y;
};

/** yyyymmdd of an ISO date, 0 when absent or malformed (sorts before every date ascending). */
const dateKey = (d: unknown): number => {
  const y = yearOf(d);
  if (y < 0 || (d as string).length < 10 || (d as string).charCodeAt(4) !== 45 || (d as string).charCodeAt(7) !== 45) return 0;
  const s = d as string;
  const m1 = digit(s, 5);
  const m2 = digit(s, 6);
  const d1 = digit(s, 8);
  const d2 = digit(s, 9);
  return m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0 ? 0 : y * 10000 + (m1 * 10 + m2) * 100 + d1 * 10 + d2;
};

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
/** Facets per entry; also the stride of `codes` and the slot of the column filter in `wanted`. */
const F = FACET_NAMES.length;
const YEAR = 0;
const VALIDITY = 3;

export interface CatalogueOptions {
  /** Expected number of entries (sizes the tables up front). */
  expected?: number;
  /** 拼音首字母 of a title (pinyin.ts `pinyinInitials`): ascii-letter queries then also match titles by initials. */
  initials?: (title: string) => string;
}

/** Counts of the whole catalogue (no text, no filter), with and without 已废止/已失效: computed at `finish`. */
interface Unfiltered {
  facets: Int32Array;
  columns: Int32Array;
  total: number;
}

export class Catalogue<E extends CatalogueEntry = DirectoryEntry> {
  /** The entries, by id (the order they were added). */
  readonly entries: E[] = [];
  private readonly text: TextIndex;
  private initialsIndex?: TextIndex;
  private initials?: (title: string) => string;
  /** Entries whose initials are indexed (they are added in id order, possibly after the build). */
  private initialsDone = 0;
  /** The fields handed to the text index (reused: the index keeps none). */
  private readonly fieldsScratch: string[] = [];

  private readonly dictionaries: Dictionary[] = FACET_NAMES.map(() => new Dictionary());
  /** Year (number) → its code in the year dictionary. */
  private readonly yearCodes = new Map<number, number>();
  /** Per entry and facet: (code + 1) × F + facet, its slot in a flat count array; slot `facet` when the entry has no value (counted, never shown: no branch per count). */
  private codes = new Int32Array(0);
  private readonly columnCodes = new Dictionary();
  /** Per column code: the codes from the root down to it. */
  private readonly columnPath: number[][] = [];
  /**
   * Per entry, its column set: the codes of its columns with their ancestors, each once, as
   * `columnSets[columnSet[i]]`. Entries share few sets, so a count adds 1 per entry to its set, then
   * each set's count to its columns.
   */
  private columnSet = new Int32Array(0);
  private readonly columnSets: number[][] = [];
  private readonly columnSetCodes = new Map<string, number>();
  private invalid = new Uint8Array(0);
  private dates: Record<DateKey, Int32Array<ArrayBuffer>> = { publishDate: new Int32Array(0), writtenDate: new Int32Array(0) };
  /** Per sort key, ids in ascending order (ties by id) and each id's rank in it; built by `finish`. */
  private orders = new Map<DateKey | StringKey, { order: Int32Array; rank: Int32Array }>();
  private finishing?: Generator<void, void, void>;
  private unfiltered?: [Unfiltered, Unfiltered];
  // per query, reused
  private stamp = new Uint32Array(0);
  private titleStamp = new Uint32Array(0);
  private matches = new Int32Array(0);
  private facetCounts = new Int32Array(0);
  private columnCounts = new Int32Array(0);
  private generation = 0;

  constructor(columns: readonly ColumnNode[], options: CatalogueOptions = {}) {
    const expected = options.expected ?? 0;
    const verifying: string[] = [];
    this.text = new TextIndex({ expectedEntries: expected, fields: (id) => textFields(this.entries[id], verifying) });
    this.initials = options.initials;
    if (this.initials) this.initialsIndex = new TextIndex();
    this.growTo(Math.max(64, expected));
    for (const path of columnPaths(columns).values()) {
      const codes = path.map((id) => this.columnCodes.code(id));
      this.columnPath[codes[codes.length - 1]] = codes;
    }
  }

  /** Entries added. */
  get size(): number {
    return this.entries.length;
  }

  /** Adds an entry (after checking it: the catalogue trusts the shape); returns its id. */
  add(entry: E): number {
    const id = this.entries.length;
    this.entries.push(entry);
    this.text.add(id, textFields(entry, this.fieldsScratch));
    if (id >= this.invalid.length) this.growTo(Math.max(64, id * 2));
    const base = id * F;
    const codes = this.codes;
    const year = yearOf(entry.publishDate);
    let yearCode = year < 0 ? -1 : this.yearCodes.get(year);
    if (yearCode === undefined) this.yearCodes.set(year, (yearCode = this.dictionaries[YEAR].code((entry.publishDate as string).slice(0, 4))));
    codes[base + YEAR] = (yearCode + 1) * F + YEAR;
    const validity = str(entry.validity);
    this.facetCode(base, 1, str(entry.issuer?.name));
    this.facetCode(base, 2, str(entry.category?.topic));
    this.facetCode(base, VALIDITY, validity);
    this.facetCode(base, 4, str(entry.disclosure));
    this.invalid[id] = (INVALID_VALIDITIES as readonly string[]).includes(validity) ? 1 : 0;
    this.dates.publishDate[id] = dateKey(entry.publishDate);
    this.dates.writtenDate[id] = dateKey(entry.writtenDate);
    const set: number[] = [];
    for (const column of Array.isArray(entry.columns) ? entry.columns : []) {
      let code = this.columnCodes.find(str(column));
      if (code < 0) {
        // not in the tree: counted under itself
        code = this.columnCodes.code(str(column));
        this.columnPath[code] = [code];
      }
      for (const c of this.columnPath[code]) if (!set.includes(c)) set.push(c);
    }
    const key = String.fromCharCode(...set);
    let setCode = this.columnSetCodes.get(key);
    if (setCode === undefined) {
      this.columnSetCodes.set(key, (setCode = this.columnSets.length));
      this.columnSets.push(set);
    }
    this.columnSet[id] = setCode;
    if (this.initials && this.initialsDone === id) this.indexInitials(id);
    this.orders.clear();
    this.unfiltered = undefined;
    this.finishing = undefined;
    return id;
  }

  private facetCode(base: number, f: number, value: string): void {
    this.codes[base + f] = value ? (this.dictionaries[f].code(value) + 1) * F + f : f;
  }

  private growTo(cap: number): void {
    this.codes = grown(this.codes, cap * F);
    this.columnSet = grown(this.columnSet, cap);
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
    const index = (this.initialsIndex = new TextIndex());
    while (this.initialsDone < this.size) {
      throwIfAborted(options.signal);
      const deadline = now() + (options.sliceMs ?? SLICE_MS);
      while (this.initialsDone < this.size && now() < deadline) this.indexInitials(this.initialsDone);
      options.onSlice?.(this.initialsDone, this.size);
      if (this.initialsDone < this.size) await nextTask();
    }
    const steps = index.packSteps();
    for (let done = false; !done;) {
      throwIfAborted(options.signal);
      const deadline = now() + (options.sliceMs ?? SLICE_MS);
      while (!(done = steps.next().done === true) && now() < deadline);
      if (!done) await nextTask();
    }
  }

  /**
   * Builds the sort orders, packs the text index and counts the unfiltered catalogue (call once every
   * entry is added; `query` works before, sorting its matches directly). One step per `next()`, each a
   * bounded piece of work, so the sliced build can yield.
   */
  finishSteps(): Generator<void, void, void> {
    if (!this.finishing) this.finishing = this.finishWork();
    return this.finishing;
  }

  /** Builds the sort orders in one go (the server; tests). */
  finish(): this {
    for (const _ of this.finishSteps());
    return this;
  }

  private *finishWork(): Generator<void, void, void> {
    const n = this.size;
    for (const key of SORT_KEYS) {
      const order = key === 'publishDate' || key === 'writtenDate' ? countingOrder(this.dates[key], n) : yield* stringOrder(this.entries, key, n);
      yield;
      const rank = new Int32Array(n);
      for (let i = 0; i < n; i++) rank[order[i]] = i;
      this.orders.set(key, { order, rank });
      yield;
    }
    yield* this.text.packSteps();
    yield;
    const all = this.countAll(false);
    yield;
    this.unfiltered = [all, this.countAll(true)];
  }

  /** Facet and column counts of every entry (without 已废止/已失效 with `hideInvalid`). */
  private countAll(hideInvalid: boolean): Unfiltered {
    const n = this.size;
    const facets = new Int32Array(this.countSlots());
    const columns = new Int32Array(this.columnCodes.values.length);
    const { codes, columnSet, invalid } = this;
    const sets = new Int32Array(this.columnSets.length);
    let total = 0;
    for (let id = 0; id < n; id++) {
      if (hideInvalid && invalid[id] === 1) continue;
      total++;
      const base = id * F;
      for (let f = 0; f < F; f++) {
        facets[codes[base + f]]++;
      }
      sets[columnSet[id]]++;
    }
    this.spread(sets, columns);
    return { facets, columns, total };
  }

  private countSlots(): number {
    let most = 0;
    for (const d of this.dictionaries) most = Math.max(most, d.values.length);
    return (most + 1) * F;
  }

  /** Bytes held by the indexes and per-entry arrays (not the entries themselves). */
  byteSize(): number {
    let bytes = this.text.byteSize() + (this.initialsIndex?.byteSize() ?? 0);
    bytes += this.codes.byteLength + this.columnSet.byteLength + this.invalid.byteLength;
    bytes += this.dates.publishDate.byteLength + this.dates.writtenDate.byteLength + this.stamp.byteLength + this.titleStamp.byteLength;
    bytes += this.matches.byteLength + this.facetCounts.byteLength + this.columnCounts.byteLength;
    for (const { order, rank } of this.orders.values()) bytes += order.byteLength + rank.byteLength;
    for (const u of this.unfiltered ?? []) bytes += u.facets.byteLength + u.columns.byteLength;
    return bytes + this.entries.length * 8;
  }

  /** Ids of the entries whose searchable text (or title initials) contains the folded query, ascending; title matches stamped in `titleStamp`. */
  private search(q: string, gen: number): Int32Array {
    const found = this.text.search(q);
    const titleStamp = this.titleStamp;
    for (let k = 0; k < found.ids.length; k++) if (found.inFirst[k] === 1) titleStamp[found.ids[k]] = gen;
    if (!this.initialsIndex || q.length < 2 || !/^[a-z]+$/.test(q)) return found.ids;
    const byInitials = this.initialsIndex.findFolded(q);
    for (let k = 0; k < byInitials.length; k++) titleStamp[byInitials[k]] = gen;
    return unionIds(found.ids.slice(), byInitials);
  }

  query(request: DirectoryQuery): DirectoryResult<E> {
    const n = this.size;
    if (this.stamp.length < n) {
      this.stamp = new Uint32Array(Math.max(n, this.stamp.length * 2));
      this.titleStamp = new Uint32Array(this.stamp.length);
      this.matches = new Int32Array(this.stamp.length);
    }
    const gen = (this.generation = (this.generation + 1) >>> 0 || 1);
    const q = foldText(request.q ?? '');
    const candidates = q ? this.search(q, gen) : undefined;

    // the filters: per facet the wanted slot (−1 none; −2 a value no entry has), and the column
    const wanted = new Int32Array(F + 1);
    const requested = [request.year, request.issuer, request.topic, request.validity, request.disclosure];
    const active: number[] = [];
    for (let f = 0; f < F; f++) {
      const code = requested[f] ? this.dictionaries[f].find(requested[f]!) : -1;
      wanted[f] = code >= 0 ? (code + 1) * F + f : code;
      if (code !== -1) active.push(f);
    }
    wanted[F] = request.column ? this.columnCodes.find(request.column) : -1;
    if (wanted[F] !== -1) active.push(F);
    const hideInvalid = request.hideInvalid === true;

    let facetCounts: Int32Array;
    let columnCounts: Int32Array;
    let total: number;
    let inTitle = 0;
    let all = false;
    if (!candidates && active.length === 0 && this.unfiltered) {
      // nothing searched, nothing filtered: the counts of finish; every (valid) entry matches
      const u = this.unfiltered[hideInvalid ? 1 : 0];
      ({ facets: facetCounts, columns: columnCounts, total } = u);
      all = !hideInvalid;
      if (hideInvalid) this.stampValid(gen);
    } else ({ facetCounts, columnCounts, total, inTitle } = this.count(candidates, wanted, active, hideInvalid, gen, q !== ''));

    const size = Math.min(100, Math.max(1, Math.floor(request.size ?? 20) || 20));
    const pages = Math.max(1, Math.ceil(total / size));
    const page = Math.min(pages, Math.max(1, Math.floor(request.page ?? 1) || 1));
    const { sort, order } = effectiveSort({ q: q || undefined, sort: request.sort, order: request.order });
    const desc = order === 'desc';
    const key = sort === 'relevance' ? 'publishDate' : sort;
    const from = (page - 1) * size;
    const to = Math.min(total, from + size);
    let ids: number[];
    if (all) ids = this.allPage(key, desc, from, to);
    else if (sort === 'relevance') {
      // title matches first, then the rest; each newest first
      ids = [
        ...(from < inTitle ? this.pageOf(total, inTitle, key, true, from, Math.min(to, inTitle) - from, 1) : []),
        ...(to > inTitle ? this.pageOf(total, total - inTitle, key, true, Math.max(0, from - inTitle), to - Math.max(from, inTitle), 0) : []),
      ];
    } else ids = this.pageOf(total, total, key, desc, from, to - from);

    const facets = {} as Record<FacetName, FacetCount[]>;
    FACET_NAMES.forEach((name, f) => {
      const values = this.dictionaries[f].values;
      const list: FacetCount[] = [];
      for (let c = 0; c < values.length; c++) {
        const count = facetCounts[(c + 1) * F + f];
        if (count > 0 || values[c] === requested[f]) list.push({ value: values[c], count });
      }
      if (requested[f] && !values.includes(requested[f]!)) list.push({ value: requested[f]!, count: 0 });
      list.sort(
        name === 'year' ? (a, b) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0) : (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
      );
      facets[name] = list;
    });
    const columns: Record<string, number> = {};
    this.columnCodes.values.forEach((id, c) => (columns[id] = columnCounts[c]));
    return { total, page, size, entries: ids.map((id) => this.entries[id]), facets, columns };
  }

  /** Stamps every valid entry as a match (hideInvalid with nothing else). */
  private stampValid(gen: number): void {
    const { stamp, invalid, matches } = this;
    let total = 0;
    for (let id = 0; id < this.size; id++) {
      if (invalid[id] === 0) {
        stamp[id] = gen;
        matches[total++] = id;
      }
    }
  }

  /**
   * One pass over the candidates (every entry without search text): the matches (stamped, in `matches`),
   * how many match in the title, and per facet / column the entries passing every OTHER filter.
   */
  private count(candidates: Int32Array | undefined, wanted: Int32Array, active: number[], hideInvalid: boolean, gen: number, searched: boolean) {
    const slots = this.countSlots();
    if (this.facetCounts.length < slots) this.facetCounts = new Int32Array(slots * 2);
    if (this.columnCounts.length < this.columnCodes.values.length) this.columnCounts = new Int32Array(this.columnCodes.values.length * 2);
    const facetCounts = this.facetCounts.fill(0);
    const columnCounts = this.columnCounts.fill(0);
    const { codes, columnSet, invalid, stamp, matches, titleStamp } = this;
    const sets = new Int32Array(this.columnSets.length);
    const count = candidates ? candidates.length : this.size;
    const filters = Int32Array.from(active);
    const nFilters = filters.length;
    const inColumn = Uint8Array.from(this.columnSets, (codes) => (codes.includes(wanted[F]) ? 1 : 0));
    let total = 0;
    let inTitle = 0;
    const n = this.size;
    if (candidates && nFilters === 0 && this.unfiltered && count * 2 > n) {
      // most entries match: the unfiltered counts minus those of the entries that do not
      const u = this.unfiltered[hideInvalid ? 1 : 0];
      facetCounts.set(u.facets);
      columnCounts.set(u.columns);
      let j = 0;
      let next = candidates[0];
      for (let id = 0; id < n; id++) {
        const match = next === id;
        if (match) next = ++j < count ? candidates[j] : n;
        if (hideInvalid && invalid[id] === 1) continue;
        if (match) {
          matches[total++] = id;
          stamp[id] = gen;
          if (titleStamp[id] === gen) inTitle++;
        } else {
          const base = id * F;
          for (let f = 0; f < F; f++) facetCounts[codes[base + f]]--;
          sets[columnSet[id]]--;
        }
      }
      this.spread(sets, columnCounts);
      return { facetCounts, columnCounts, total, inTitle };
    }
    if (nFilters === 0) {
      // no filter: every candidate matches (the common keystroke), a tight loop
      for (let k = 0; k < count; k++) {
        const id = candidates ? candidates[k] : k;
        if (hideInvalid && invalid[id] === 1) continue;
        matches[total++] = id;
        stamp[id] = gen;
        if (titleStamp[id] === gen) inTitle++;
        const base = id * F;
        for (let f = 0; f < F; f++) facetCounts[codes[base + f]]++;
        sets[columnSet[id]]++;
      }
      this.spread(sets, columnCounts);
      return { facetCounts, columnCounts, total, inTitle: searched ? inTitle : 0 };
    }
    for (let k = 0; k < count; k++) {
      const id = candidates ? candidates[k] : k;
      if (hideInvalid && invalid[id] === 1) continue;
      const base = id * F;
      let misses = 0;
      let missed = -1;
      for (let a = 0; a < nFilters && misses < 2; a++) {
        const f = filters[a];
        if (f < F) {
          if (codes[base + f] !== wanted[f]) {
            misses++;
            missed = f;
          }
        } else {
          if (inColumn[columnSet[id]] === 0) {
            misses++;
            missed = F;
          }
        }
      }
      if (misses === 0) {
        matches[total++] = id;
        stamp[id] = gen;
        if (searched && titleStamp[id] === gen) inTitle++;
        for (let f = 0; f < F; f++) {
          facetCounts[codes[base + f]]++;
        }
        sets[columnSet[id]]++;
      } else if (misses === 1) {
        if (missed === F) sets[columnSet[id]]++;
        else facetCounts[codes[base + missed]]++;
      }
    }
    this.spread(sets, columnCounts);
    return { facetCounts, columnCounts, total, inTitle };
  }

  /** Adds each column set's count to its columns. */
  private spread(sets: Int32Array, columns: Int32Array): void {
    this.columnSets.forEach((codes, s) => {
      if (sets[s] !== 0) for (const c of codes) columns[c] += sets[s];
    });
  }

  /** A page of every entry in the order of `key` (nothing searched or filtered). */
  private allPage(key: DateKey | StringKey, desc: boolean, from: number, to: number): number[] {
    const built = this.orders.get(key);
    const n = this.size;
    const ids: number[] = [];
    for (let k = from; k < to; k++) ids.push(built ? built.order[desc ? n - 1 - k : k] : k);
    return built
      ? ids
      : this.sortDirect(
          Array.from({ length: n }, (_, i) => i),
          key,
          desc,
        ).slice(from, to);
  }

  /**
   * `count` of the `total` matches (in `this.matches`, stamped with the current generation) from position
   * `skip` in the order of `key` (desc: reversed); with `titled` (0 or 1), only the `members` whose title
   * matched (1) or did not (0).
   */
  private pageOf(total: number, members: number, key: DateKey | StringKey, desc: boolean, skip: number, count: number, titled = -1): number[] {
    if (count <= 0) return [];
    const out: number[] = [];
    const built = this.orders.get(key);
    const n = this.size;
    const { stamp, titleStamp, generation: gen } = this;
    const wanted = (id: number) => stamp[id] === gen && (titled < 0 || (titleStamp[id] === gen ? 1 : 0) === titled);
    if (built && (skip + count) * n <= members * members * 4) {
      // a walk of ~(skip + count)·n/members steps along the order is cheaper than sorting the members
      const { order } = built;
      let seen = 0;
      for (let k = 0; k < n && out.length < count; k++) {
        const id = order[desc ? n - 1 - k : k];
        if (wanted(id) && seen++ >= skip) out.push(id);
      }
      return out;
    }
    // few members (or no order yet): sort them (their ranks, as numbers)
    const matches = this.matches.subarray(0, total);
    if (!built) return this.sortDirect(Array.from(matches).filter(wanted), key, desc).slice(skip, skip + count);
    const { order, rank } = built;
    const ranks = new Int32Array(total);
    let m = 0;
    for (let k = 0; k < total; k++) if (wanted(matches[k])) ranks[m++] = rank[matches[k]];
    ranks.subarray(0, m).sort();
    for (let k = skip; k < Math.min(m, skip + count); k++) out.push(order[ranks[desc ? m - 1 - k : k]]);
    return out;
  }

  private sortDirect(ids: number[], key: DateKey | StringKey, desc: boolean): number[] {
    if (key === 'publishDate' || key === 'writtenDate') {
      const d = this.dates[key];
      ids.sort((a, b) => d[a] - d[b] || a - b);
    } else {
      const values = this.entries;
      ids.sort((a, b) => {
        const x = str(values[a][key]);
        const y = str(values[b][key]);
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    }
    return desc ? ids.reverse() : ids;
  }
}

/** The searchable fields, 名称 first: 名称, 发文字号, 索引号, 内容概述, then each 关键词 (a match never spans two), into `out`. */
function textFields(e: CatalogueEntry, out: string[]): string[] {
  out.length = 0;
  out.push(str(e.title), str(e.docNo), str(e.indexNo), str(e.summary));
  if (Array.isArray(e.keywords)) for (const k of e.keywords) out.push(str(k));
  return out;
}

/**
 * Ids 0..n−1 by the string `key` (code unit order, ties by id): a multi-key quicksort (two code units
 * compared per step, not whole strings: ~20 ms at 100k where comparing strings took ~200), over ranges
 * on an explicit stack so that it yields every ~64k ids partitioned (no long task).
 */
function* stringOrder(entries: readonly CatalogueEntry[], key: StringKey, n: number): Generator<void, Int32Array, void> {
  const values = new Array<string>(n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = str(entries[i][key]);
    order[i] = i;
  }
  yield;
  const stack = [0, n, 0];
  let work = 0;
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < 12) {
      // insertion sort by the whole strings
      for (let i = lo + 1; i < hi; i++) {
        const id = order[i];
        const v = values[id];
        let j = i - 1;
        for (; j >= lo && (values[order[j]] > v || (values[order[j]] === v && order[j] > id)); j--) order[j + 1] = order[j];
        order[j + 1] = id;
      }
      continue;
    }
    // three-way partition on the two code units at `depth` (each + 1, 0 past the end): half the passes over long common prefixes
    const unit = (id: number) => {
      const v = values[id];
      return depth + 1 < v.length ? (v.charCodeAt(depth) + 1) * 65537 + v.charCodeAt(depth + 1) + 1 : depth < v.length ? (v.charCodeAt(depth) + 1) * 65537 : 0;
    };
    const pivot = unit(order[(lo + hi) >>> 1]);
    let lt = lo;
    let gt = hi;
    for (let i = lo; i < gt;) {
      const id = order[i];
      const u = unit(id);
      if (u < pivot) {
        order[i++] = order[lt];
        order[lt++] = id;
      } else if (u > pivot) {
        order[i] = order[--gt];
        order[gt] = id;
      } else i++;
    }
    // equal strings (all ended): by id
    if (pivot % 65537 === 0) order.subarray(lt, gt).sort();
    else stack.push(lt, gt, depth + 2);
    stack.push(lo, lt, depth, gt, hi, depth);
    if ((work += hi - lo) > 65536) {
      work = 0;
      yield;
    }
  }
  return order;
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
    await nextTask();
  }
  const steps = catalogue.finishSteps();
  for (let done = false; !done;) {
    throwIfAborted(options.signal);
    const deadline = now() + sliceMs;
    while (!(done = steps.next().done === true) && now() < deadline);
    if (!done) await nextTask();
  }
  throwIfAborted(options.signal);
  return catalogue;
}
