import { FOLD, foldText, foldedIncludes } from './fold.js';

/**
 * Exact substring search over folded text (see fold.ts), built incrementally, pure (no DOM: the page
 * and the reference server use it).
 *
 * Per entry, every distinct folded UTF-16 unigram gets the entry id appended to its posting list, and
 * every distinct bigram (never across fields) the id plus the bigram's positions in the entry. A query
 * of one code unit is its unigram list, of two its bigram list; a longer one intersects all its bigram
 * lists, rarest first, keeping an entry only where the bigrams sit at consecutive positions — exact
 * (recall and precision 1.0) without re-reading the texts. Verifying candidates against the texts instead
 * costs ~0.2 µs each, too much when 20k entries contain 关于印发.
 *
 * Memory: posting lists are delta + varint encoded in chained blocks (8 bytes, doubling, capped at 4 KB)
 * carved out of 256 KB pages, so a list grows without copying and a rare bigram costs ~8 bytes. Bigram →
 * list is an open-addressing hash table on typed arrays; unigram → list a direct table.
 */

const PAGE_BITS = 18;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const FIRST_BLOCK = 8;
const MAX_BLOCK = 4096;
const MAX_LEVEL = 9; // FIRST_BLOCK << 9 = MAX_BLOCK
/** Stop reading posting lists longer than this many times the candidates left: check their texts instead. */
const VERIFY_RATIO = 32;
const blockSize = (level: number) => (level >= MAX_LEVEL ? MAX_BLOCK : FIRST_BLOCK << level);

/** `a` when it holds `min` values, else a bigger empty array. */
function fit(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  return a.length >= min ? a : new Int32Array(Math.max(min, a.length * 2));
}

function grownInt32(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

/** Ascending union of two ascending id lists. */
export function unionIds(a: Int32Array<ArrayBuffer>, b: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) (out[n++] = x), i++;
    else if (y < x) (out[n++] = y), j++;
    else (out[n++] = x), i++, j++;
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

/** Reads varints along a list's chain of blocks. */
class ListReader {
  private page: Uint8Array = new Uint8Array(0);
  private p = 0;
  private stop = 0;
  private level = 0;
  constructor(private readonly pages: Uint8Array[]) {}

  open(head: number): void {
    this.page = this.pages[head >>> PAGE_BITS];
    this.p = head & PAGE_MASK;
    this.stop = this.p + FIRST_BLOCK - 4;
    this.level = 0;
  }

  /** The next varint (values stay below 2^31: ids below 2^30). */
  varint(): number {
    if (this.p === this.stop) this.nextBlock();
    let b = this.page[this.p++];
    if (b < 128) return b;
    let v = b & 127;
    let shift = 7;
    for (;;) {
      if (this.p === this.stop) this.nextBlock();
      b = this.page[this.p++];
      v |= (b & 127) << shift;
      if (b < 128) return v;
      shift += 7;
    }
  }

  /** Skips `count` varints. */
  skip(count: number): void {
    for (let k = 0; k < count; ) {
      if (this.p === this.stop) this.nextBlock();
      if (this.page[this.p++] < 128) k++;
    }
  }

  private nextBlock(): void {
    const page = this.page;
    const p = this.p;
    const at = (page[p] | (page[p + 1] << 8) | (page[p + 2] << 16) | (page[p + 3] << 24)) >>> 0;
    if (this.level < MAX_LEVEL) this.level++;
    this.page = this.pages[at >>> PAGE_BITS];
    this.p = at & PAGE_MASK;
    this.stop = this.p + blockSize(this.level) - 4;
  }
}

export interface TextIndexOptions {
  /** Expected number of entries: sizes the tables up front (fewer re-hashes while building). */
  expectedEntries?: number;
  /** The fields of an id as passed to `add`, for `matchesField`; without it the index keeps a reference to each added array. */
  fields?: (id: number) => readonly string[];
}

export class TextIndex {
  /** Entries added (ids must be added in ascending order; gaps are allowed). */
  size = 0;
  private lastId = -1;

  // posting-list storage
  private readonly pages: Uint8Array[] = [];
  private pageFill = PAGE_SIZE;
  private readonly reader: ListReader;
  // per list (struct of arrays)
  private lists = 0;
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private end = new Int32Array(1024);
  private level = new Uint8Array(1024);
  private last = new Int32Array(1024);
  private count = new Int32Array(1024);
  // per list, while adding one entry: its occurrences (a chain through occNext)
  private stamp = new Int32Array(1024);
  private firstOcc = new Int32Array(1024);
  private lastOcc = new Int32Array(1024);
  private occCount = new Int32Array(1024);
  // unigram code unit → list + 1 (0 = none)
  private readonly unigrams = new Int32Array(65536);
  // bigram (hi << 16 | lo) → list + 1, open addressing with linear probing
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  private bigrams = 0;

  private ids = new Int32Array(1024);
  private readonly fieldsOf?: (id: number) => readonly string[];
  private readonly kept: (readonly string[])[] = [];

  // scratch
  private buf = new Uint16Array(1024);
  private occList = new Int32Array(1024);
  private occPos = new Int32Array(1024);
  private occNext = new Int32Array(1024);
  private touched = new Int32Array(1024);
  private positions = new Int32Array(64);
  private cIds = new Int32Array(0);
  private cFrom = new Int32Array(0);
  private cPool = new Int32Array(1024);
  private nIds = new Int32Array(0);
  private nFrom = new Int32Array(0);
  private nPool = new Int32Array(0);

  // the list being written
  private wList = 0;
  private wAt = 0;
  private wEnd = 0;
  private wPage: Uint8Array = new Uint8Array(0);

  constructor(options: TextIndexOptions = {}) {
    let cap = 1 << 12;
    const expected = options.expectedEntries ?? 0;
    while (cap < expected * 2 && cap < 1 << 20) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    this.fieldsOf = options.fields;
    this.reader = new ListReader(this.pages);
  }

  /** Indexes `fields` (each folded separately; no match spans two fields) under `id` (greater than every id added before). */
  add(id: number, fields: readonly string[]): void {
    if (!(id > this.lastId) || id !== (id | 0)) throw new RangeError(`TextIndex.add: id ${id} after ${this.lastId}`);
    const slot = this.size;
    if (slot >= this.ids.length) this.ids = grownInt32(this.ids, slot + 1);
    this.ids[slot] = id;
    this.lastId = id;
    if (!this.fieldsOf) this.kept.push(fields);

    let total = 0;
    for (let f = 0; f < fields.length; f++) total += (fields[f] ?? '').length;
    if (this.buf.length < total) {
      const cap = Math.max(total, this.buf.length * 2);
      this.buf = new Uint16Array(cap);
      this.occList = new Int32Array(cap);
      this.occPos = new Int32Array(cap);
      this.occNext = new Int32Array(cap);
      this.touched = new Int32Array(cap);
    }
    const buf = this.buf;
    const unigrams = this.unigrams;
    const occList = this.occList;
    const occPos = this.occPos;
    const occNext = this.occNext;
    const touched = this.touched;
    let n = 0;
    let occ = 0;
    let lists = 0;
    for (let f = 0; f < fields.length; f++) {
      const text = fields[f] ?? '';
      const from = n;
      for (let i = 0; i < text.length; i++) {
        const c = FOLD[text.charCodeAt(i)];
        if (c !== 0) buf[n++] = c;
      }
      for (let i = from; i < n; i++) {
        const u = buf[i];
        let list = unigrams[u] - 1;
        if (list < 0) {
          list = this.newList();
          unigrams[u] = list + 1;
        }
        if (this.last[list] !== id) {
          this.begin(list);
          this.put(id - this.last[list] - 1);
          this.commit(id);
        }
        if (i + 1 < n) {
          const b = this.bigramList(((u << 16) | buf[i + 1]) >>> 0, true);
          occList[occ] = b;
          occPos[occ] = i;
          occNext[occ] = -1;
          if (this.stamp[b] !== id + 1) {
            this.stamp[b] = id + 1;
            this.firstOcc[b] = occ;
            this.occCount[b] = 1;
            touched[lists++] = b;
          } else {
            occNext[this.lastOcc[b]] = occ;
            this.occCount[b]++;
          }
          this.lastOcc[b] = occ;
          occ++;
        }
      }
    }
    // bigram postings: (id delta × 2 + several?) [occurrences − 2] position deltas…
    for (let t = 0; t < lists; t++) {
      const b = touched[t];
      const k = this.occCount[b];
      this.begin(b);
      this.put((id - this.last[b] - 1) * 2 + (k > 1 ? 1 : 0));
      if (k > 1) this.put(k - 2);
      let prev = -1;
      for (let o = this.firstOcc[b]; o >= 0; o = occNext[o]) {
        this.put(occPos[o] - prev - 1);
        prev = occPos[o];
      }
      this.commit(id);
    }
    this.size = slot + 1;
  }

  private newList(): number {
    const list = this.lists++;
    if (list >= this.head.length) {
      const cap = this.head.length * 2;
      this.head = grownInt32(this.head, cap);
      this.tail = grownInt32(this.tail, cap);
      this.end = grownInt32(this.end, cap);
      this.last = grownInt32(this.last, cap);
      this.count = grownInt32(this.count, cap);
      this.stamp = grownInt32(this.stamp, cap);
      this.firstOcc = grownInt32(this.firstOcc, cap);
      this.lastOcc = grownInt32(this.lastOcc, cap);
      this.occCount = grownInt32(this.occCount, cap);
      const level = new Uint8Array(cap);
      level.set(this.level);
      this.level = level;
    }
    const block = this.alloc(FIRST_BLOCK);
    this.head[list] = block;
    this.tail[list] = block;
    this.end[list] = block + FIRST_BLOCK - 4;
    this.level[list] = 0;
    this.last[list] = -1;
    this.count[list] = 0;
    return list;
  }

  private alloc(size: number): number {
    if (this.pageFill + size > PAGE_SIZE) {
      this.pages.push(new Uint8Array(PAGE_SIZE));
      this.pageFill = 0;
    }
    const at = (this.pages.length - 1) * PAGE_SIZE + this.pageFill;
    this.pageFill += size;
    return at;
  }

  /** The list of a bigram key, −1 when absent (`create`: make it). */
  private bigramList(key: number, create: boolean): number {
    const keys = this.keys;
    const values = this.values;
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const v = values[h];
      if (v === 0) break;
      if (keys[h] === key) return v - 1;
      h = (h + 1) & this.mask;
    }
    if (!create) return -1;
    const list = this.newList();
    keys[h] = key;
    values[h] = list + 1;
    if (++this.bigrams * 2 > this.mask) this.rehash();
    return list;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Uint32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const v = oldValues[i];
      if (v === 0) continue;
      const key = oldKeys[i];
      let h = Math.imul(key, 0x9e3779b1) >>> 0;
      h = (h ^ (h >>> 15)) & this.mask;
      while (this.values[h] !== 0) h = (h + 1) & this.mask;
      this.keys[h] = key;
      this.values[h] = v;
    }
  }

  private begin(list: number): void {
    this.wList = list;
    this.wAt = this.tail[list];
    this.wEnd = this.end[list];
    this.wPage = this.pages[Math.floor(this.wAt / PAGE_SIZE)];
  }

  private put(value: number): void {
    let v = value;
    let at = this.wAt;
    let page = this.wPage;
    for (;;) {
      if (at === this.wEnd) {
        // block full: chain a bigger one (its address in the last 4 bytes)
        const list = this.wList;
        const level = Math.min(this.level[list] + 1, MAX_LEVEL);
        this.level[list] = level;
        const size = blockSize(level);
        const next = this.alloc(size);
        const p = at & PAGE_MASK;
        page[p] = next & 255;
        page[p + 1] = (next >>> 8) & 255;
        page[p + 2] = (next >>> 16) & 255;
        page[p + 3] = next >>> 24;
        at = next;
        this.wEnd = next + size - 4;
        page = this.pages[Math.floor(at / PAGE_SIZE)];
      }
      if (v < 128) {
        page[at++ & PAGE_MASK] = v;
        break;
      }
      page[at++ & PAGE_MASK] = (v & 127) | 128;
      v = Math.floor(v / 128);
    }
    this.wAt = at;
    this.wPage = page;
  }

  private commit(id: number): void {
    const list = this.wList;
    this.tail[list] = this.wAt;
    this.end[list] = this.wEnd;
    this.last[list] = id;
    this.count[list]++;
  }

  /** Ids of a unigram list. */
  private unigramIds(list: number): Int32Array<ArrayBuffer> {
    const n = this.count[list];
    const out = new Int32Array(n);
    const r = this.reader;
    r.open(this.head[list]);
    let id = -1;
    for (let k = 0; k < n; k++) out[k] = id += r.varint() + 1;
    return out;
  }

  /** Ids of a bigram list (positions skipped). */
  private bigramIds(list: number): Int32Array<ArrayBuffer> {
    const n = this.count[list];
    const out = new Int32Array(n);
    const r = this.reader;
    r.open(this.head[list]);
    let id = -1;
    for (let k = 0; k < n; k++) {
      const v = r.varint();
      out[k] = id += (v >>> 1) + 1;
      r.skip(v & 1 ? r.varint() + 2 : 1);
    }
    return out;
  }

  /** Reads the positions of the current posting into `this.positions`; returns how many. */
  private readPositions(v: number): number {
    const r = this.reader;
    const occ = v & 1 ? r.varint() + 2 : 1;
    if (this.positions.length < occ) this.positions = new Int32Array(Math.max(occ, this.positions.length * 2));
    const out = this.positions;
    let p = -1;
    for (let o = 0; o < occ; o++) out[o] = p += r.varint() + 1;
    return occ;
  }

  /** Ascending ids whose folded fields contain the folded `query` (every id for an empty query). */
  find(query: string): Int32Array<ArrayBuffer> {
    return this.findFolded(foldText(query));
  }

  /** `find` for an already folded query. */
  findFolded(q: string): Int32Array<ArrayBuffer> {
    const m = q.length;
    if (m === 0) return this.ids.slice(0, this.size);
    if (m === 1) {
      const list = this.unigrams[q.charCodeAt(0)] - 1;
      return list < 0 ? new Int32Array(0) : this.unigramIds(list);
    }
    // the query's bigrams: distinct lists, each with the offsets where it occurs in the query
    const lists: number[] = [];
    const offsets: number[][] = [];
    for (let i = 0; i + 1 < m; i++) {
      const list = this.bigramList(((q.charCodeAt(i) << 16) | q.charCodeAt(i + 1)) >>> 0, false);
      if (list < 0) return new Int32Array(0);
      const at = lists.indexOf(list);
      if (at >= 0) offsets[at].push(i);
      else lists.push(list), offsets.push([i]);
    }
    if (m === 2) return this.bigramIds(lists[0]);
    const order = lists.map((_, i) => i).sort((a, b) => this.count[lists[a]] - this.count[lists[b]]);
    return this.phrase(q, order.map((i) => lists[i]), order.map((i) => offsets[i]));
  }

  /**
   * Entries where every list's bigram sits at `start + offset` for one common start: candidates from the
   * first (rarest) list with their possible starts, narrowed by each further list. When the next list is
   * far longer than the candidates left, checking those against their texts is cheaper than reading it.
   */
  private phrase(q: string, lists: number[], offsets: number[][]): Int32Array<ArrayBuffer> {
    const r = this.reader;
    // candidates: ids[k] with possible starts pool[from[k] .. from[k + 1])
    const first = this.count[lists[0]];
    let ids = (this.cIds = fit(this.cIds, first));
    let from = (this.cFrom = fit(this.cFrom, first + 1));
    let pool = this.cPool;
    let n = 0;
    let used = 0;
    {
      r.open(this.head[lists[0]]);
      const off = offsets[0][0];
      let id = -1;
      for (let k = 0; k < first; k++) {
        const v = r.varint();
        id += (v >>> 1) + 1;
        const occ = this.readPositions(v);
        if (used + occ > pool.length) pool = this.cPool = grownInt32(pool, used + occ);
        const start = used;
        const pos = this.positions;
        for (let o = 0; o < occ; o++) if (pos[o] >= off) pool[used++] = pos[o] - off;
        used = start + this.narrow(pool, start, used, offsets[0], occ);
        if (used > start) {
          ids[n] = id;
          from[n++] = start;
          from[n] = used;
        }
      }
    }
    for (let l = 1; l < lists.length && n > 0; l++) {
      const list = lists[l];
      const total = this.count[list];
      if (total > n * VERIFY_RATIO) return this.verified(ids, n, q);
      const nextIds = (this.nIds = fit(this.nIds, n));
      const nextFrom = (this.nFrom = fit(this.nFrom, n + 1));
      const nextPool = (this.nPool = fit(this.nPool, from[n]));
      r.open(this.head[list]);
      let id = -1;
      let i = 0;
      let kept = 0;
      let keptUsed = 0;
      for (let k = 0; k < total && i < n; k++) {
        const v = r.varint();
        id += (v >>> 1) + 1;
        while (i < n && ids[i] < id) i++;
        if (i === n || ids[i] !== id) {
          r.skip(v & 1 ? r.varint() + 2 : 1);
          continue;
        }
        const occ = this.readPositions(v);
        // the starts of candidate i that this bigram confirms
        const pos = this.positions;
        const start = keptUsed;
        for (let s = from[i]; s < from[i + 1]; s++) {
          const want = pool[s];
          let ok = true;
          for (const off of offsets[l]) if (!hasPosition(pos, occ, want + off)) ok = false;
          if (ok) nextPool[keptUsed++] = want;
        }
        if (keptUsed > start) {
          nextIds[kept] = id;
          nextFrom[kept++] = start;
          nextFrom[kept] = keptUsed;
        }
        i++;
      }
      [this.cIds, this.nIds] = [nextIds, ids];
      [this.cFrom, this.nFrom] = [nextFrom, from];
      [this.cPool, this.nPool] = [nextPool, pool];
      ids = nextIds;
      from = nextFrom;
      pool = nextPool;
      n = kept;
    }
    return ids.slice(0, n);
  }

  /** The candidates whose texts contain `q`. */
  private verified(ids: Int32Array<ArrayBuffer>, n: number, q: string): Int32Array<ArrayBuffer> {
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const fields = this.fieldsOfId(ids[k]);
      let found = false;
      for (let f = 0; f < fields.length && !found; f++) found = (fields[f] ?? '').includes(q);
      for (let f = 0; f < fields.length && !found; f++) found = foldedIncludes(fields[f] ?? '', q);
      if (found) ids[kept++] = ids[k];
    }
    return ids.slice(0, kept);
  }

  private fieldsOfId(id: number): readonly string[] {
    if (this.fieldsOf) return this.fieldsOf(id);
    const slot = this.slotOf(id);
    return slot < 0 ? [] : this.kept[slot];
  }

  /** For a list that occurs at several query offsets: keeps the starts in pool[from, to) also confirmed at offsets[1..]; returns how many. */
  private narrow(pool: Int32Array, from: number, to: number, offsets: number[], occ: number): number {
    if (offsets.length === 1) return to - from;
    let kept = from;
    for (let s = from; s < to; s++) {
      let ok = true;
      for (let o = 1; o < offsets.length; o++) if (!hasPosition(this.positions, occ, pool[s] + offsets[o])) (ok = false);
      if (ok) pool[kept++] = pool[s];
    }
    return kept - from;
  }

  /** Whether field number `field` (as passed to `add`) of entry `id` contains the folded `query`. */
  matchesField(id: number, field: number, query: string): boolean {
    return this.matchesFolded(id, field, foldText(query));
  }

  /** `matchesField` for an already folded query. */
  matchesFolded(id: number, field: number, q: string): boolean {
    const text = this.fieldsOfId(id)[field];
    if (!text) return false;
    return q.length === 0 || text.includes(q) || foldedIncludes(text, q);
  }

  /** Slot of `id` (binary search), −1 when not added. */
  private slotOf(id: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.ids[mid];
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Bytes held by the index: pages, tables, per-list and per-entry arrays (references to kept field arrays at 8 bytes; not the texts). */
  byteSize(): number {
    return (
      this.pages.length * PAGE_SIZE +
      this.head.byteLength * 9 +
      this.level.byteLength +
      this.unigrams.byteLength +
      this.keys.byteLength +
      this.values.byteLength +
      this.ids.byteLength +
      this.kept.length * 8 +
      this.buf.byteLength * 9
    );
  }

  /** Posting lists, distinct bigrams and 256 KB pages, for tuning. */
  stats(): { lists: number; bigrams: number; pages: number } {
    return { lists: this.lists, bigrams: this.bigrams, pages: this.pages.length };
  }
}

/** Whether the ascending `pos[0..n)` holds `p`. */
function hasPosition(pos: Int32Array, n: number, p: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = pos[i];
    if (v >= p) return v === p;
  }
  return false;
}
