import { FOLD, foldText, foldedIncludes } from './fold.js';

/**
 * Exact substring search over folded text (see fold.ts), built incrementally, pure (no DOM: the page
 * and the reference server use it).
 *
 * Per entry, every distinct folded UTF-16 unigram gets the entry id appended to its posting list (with a
 * bit: does it occur in the first field), and every distinct bigram (never across fields) the id plus the
 * bigram's positions in the entry. A query of one code unit is its unigram list, of two its bigram list;
 * a longer one intersects all its bigram lists, rarest first, keeping an entry only where the bigrams sit
 * at consecutive positions — exact (recall and precision 1.0) without re-reading the texts. Whether a
 * match lies in the first field (the catalogue's 名称, for ranking) follows from its position and the
 * first field's folded length, so one index serves title and text.
 *
 * Memory while adding: posting lists are delta + varint encoded in chained blocks (8 bytes, doubling,
 * capped at 4 KB) carved out of 256 KB pages, so a list grows without copying. `pack()` (the catalogue's
 * finish, in steps) then copies every list block by block into one buffer without the chain overhead, and
 * gives the bigram lists held by more than 1/8 of the ids (digits such as `20`, `01`) a bitset as well: a
 * phrase query tests candidates against them in O(1) before reading any positions. Adding after `pack()`
 * unpacks first (rare: the server and the element add, then pack once).
 */

const PAGE_BITS = 18;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const FIRST_BLOCK = 8;
const MAX_BLOCK = 4096;
const MAX_LEVEL = 9; // FIRST_BLOCK << 9 = MAX_BLOCK
/** Postings of the lists still to read, per candidate left, beyond which checking the candidates' texts is cheaper. */
const VERIFY_RATIO = 6;
/** The same for an all-ascii query, checked against the entries' ascii runs. */
const ASCII_VERIFY_RATIO = 3;
/** A bigram list held by at least 1/DENSE of the ids gets a bitset at packing (a bit per id: ≤ a byte per posting). */
const DENSE = 8;
const blockSize = (level: number) => (level >= MAX_LEVEL ? MAX_BLOCK : FIRST_BLOCK << level);
const UNIGRAM = 1;
const BIGRAM = 2;
/** A 4-gram of an ascii run: ids only (no positions, no first-field bit); a dense one is kept as its bitset alone once packed. */
const QUAD = 3;

/** Open addressing with linear probing: key → list + 1 (0 = empty). */
interface Table {
  keys: Uint32Array<ArrayBuffer>;
  values: Int32Array<ArrayBuffer>;
  size: number;
}
const table = (): Table => ({ keys: new Uint32Array(1 << 12), values: new Int32Array(1 << 12), size: 0 });

function grownInt32(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
}

function grownUint8(a: Uint8Array, min: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(min, a.length * 2));
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
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

export interface TextIndexOptions {
  /** Expected number of entries: the per-entry arrays start at that size (they grow as needed). */
  expectedEntries?: number;
  /** The fields of an id as passed to `add`, for `matchesField` and verification; without it the index keeps a reference to each added array. */
  fields?: (id: number) => readonly string[];
}

/** What `search` gives: ascending ids and, per id, 1 when the query occurs in its first field. Views into buffers reused by the next search. */
export interface TextMatches {
  ids: Int32Array;
  inFirst: Uint8Array;
}

export class TextIndex {
  /** Entries added (ids must be added in ascending order; gaps are allowed). */
  size = 0;
  private lastId = -1;

  // chained posting-list storage (while adding)
  private readonly pages: Uint8Array[] = [];
  private pageFill = PAGE_SIZE;
  // per list (struct of arrays)
  private lists = 0;
  private kind = new Uint8Array(1024);
  private last = new Int32Array(1024);
  private count = new Int32Array(1024);
  private bytes = new Int32Array(1024);
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private end = new Int32Array(1024);
  private level = new Uint8Array(1024);
  // per list, while adding one entry: its occurrences (a chain through occNext)
  private stamp = new Int32Array(1024);
  private firstOcc = new Int32Array(1024);
  private lastOcc = new Int32Array(1024);
  private occCount = new Int32Array(1024);
  // unigram code unit → list + 1 (0 = none)
  private readonly unigrams = new Int32Array(65536);
  // bigram (hi << 16 | lo) → list; ascii 4-gram (7 bits a character) → list
  private readonly pairs = table();
  private readonly quads = table();

  // packed storage: list l is packed[start[l] .. start[l + 1]); a dense list's ids are bits[dense[l] ..] (one bit per id)
  private packed?: Uint8Array<ArrayBuffer>;
  private start = new Int32Array(0);
  private dense = new Int32Array(0);
  private bits = new Uint32Array(0);
  private packing = 0;

  private ids = new Int32Array(1024);
  /** Per id: the folded length of its first field (a match starting at s of length m is in it when s + m ≤ firstLength). */
  private firstLength = new Int32Array(1024);
  /**
   * Per id, what folding changed in its fields, so that verification folds only fields where a folded
   * match can differ from a raw one: bit f (f < 7; bit 7 for the rest) = field f has removed characters;
   * bits 8–31 = the folded values (mod 24) of characters that folding changed, in any field.
   */
  private foldInfo = new Int32Array(1024);
  /**
   * Per id, the ascii runs of its folded fields, each followed by a 0 (folding removes U+0000):
   * ascii[asciiFrom[id] .. asciiFrom[id + 1]). An all-ascii query can only match inside one run, so
   * its candidates are verified here, byte by byte (~40 bytes an entry), instead of in the texts.
   */
  private ascii = new Uint8Array(4096);
  private asciiFrom = new Int32Array(1025);
  /** Per id, where the runs of its first field end (a match before it is in the first field). */
  private asciiFirstEnd = new Int32Array(1024);
  private readonly fieldsOf?: (id: number) => readonly string[];
  private readonly kept: (readonly string[])[] = [];

  // scratch
  private buf = new Uint16Array(1024);
  private occNext = new Int32Array(1024);
  private touched = new Int32Array(1024);
  private positions = new Int32Array(64);
  private cIds = new Int32Array(1024);
  private cFrom = new Int32Array(1025);
  private cPool = new Int32Array(1024);
  private nIds = new Int32Array(1024);
  private nFrom = new Int32Array(1025);
  private nPool = new Int32Array(1024);
  private outFirst = new Uint8Array(1024);

  // the list being written
  private wList = 0;
  private wAt = 0;
  private wEnd = 0;
  private wPage: Uint8Array = new Uint8Array(0);
  private spilled = new Uint8Array(64);
  private chainCopy = new Uint8Array(0);
  /** Where the bytes returned by `listBytes` start. */
  private at = 0;

  constructor(options: TextIndexOptions = {}) {
    this.fieldsOf = options.fields;
    // sized once rather than doubled (and copied) all through a big build
    const n = options.expectedEntries ?? 0;
    if (n > 1024) {
      this.ids = new Int32Array(n);
      this.firstLength = new Int32Array(n);
      this.foldInfo = new Int32Array(n);
      this.asciiFirstEnd = new Int32Array(n);
      this.asciiFrom = new Int32Array(n + 1);
    }
  }

  /** Indexes `fields` (each folded separately; no match spans two fields) under `id` (greater than every id added before). */
  add(id: number, fields: readonly string[]): void {
    if (!(id > this.lastId) || id !== (id | 0)) throw new RangeError(`TextIndex.add: id ${id} after ${this.lastId}`);
    if (this.packed) this.unpack();
    this.packing++;
    const slot = this.size;
    if (slot >= this.ids.length) this.ids = grownInt32(this.ids, slot + 1);
    if (id >= this.firstLength.length) {
      this.firstLength = grownInt32(this.firstLength, id + 1);
      this.foldInfo = grownInt32(this.foldInfo, id + 1);
      this.asciiFirstEnd = grownInt32(this.asciiFirstEnd, id + 1);
    }
    if (id + 2 > this.asciiFrom.length) this.asciiFrom = grownInt32(this.asciiFrom, id + 2);
    let asciiAt = this.asciiFrom[this.size === 0 ? 0 : this.ids[this.size - 1] + 1];
    for (let gap = this.size === 0 ? 0 : this.ids[this.size - 1] + 1; gap <= id; gap++) this.asciiFrom[gap] = asciiAt;
    this.ids[slot] = id;
    this.lastId = id;
    if (!this.fieldsOf) this.kept.push(fields);

    let total = 0;
    for (let f = 0; f < fields.length; f++) total += (fields[f] ?? '').length;
    if (this.ascii.length < asciiAt + 2 * total) this.ascii = grownUint8(this.ascii, asciiAt + 2 * total);
    const ascii = this.ascii;
    if (this.buf.length < total) {
      const cap = Math.max(total, this.buf.length * 2);
      this.buf = new Uint16Array(cap);
      this.occNext = new Int32Array(cap);
      this.touched = new Int32Array(cap);
    }
    // every list this entry can create exists before the loop: the per-list arrays are not reallocated inside it
    this.reserveLists(this.lists + 3 * total);
    const buf = this.buf;
    const unigrams = this.unigrams;
    const occNext = this.occNext;
    const touched = this.touched;
    const stamp = this.stamp;
    const firstOcc = this.firstOcc;
    const lastOcc = this.lastOcc;
    const occCount = this.occCount;
    const last = this.last;
    const mark = id + 1;
    let n = 0;
    let lists = 0;
    let info = 0;
    for (let f = 0; f < fields.length; f++) {
      const text = fields[f] ?? '';
      const from = n;
      for (let i = 0; i < text.length; i++) {
        const raw = text.charCodeAt(i);
        const c = FOLD[raw];
        if (c !== 0) {
          buf[n++] = c;
          if (c !== raw) info |= 1 << (8 + (c % 24));
          if (c < 128) ascii[asciiAt++] = c;
          else if (asciiAt > 0 && ascii[asciiAt - 1] !== 0) ascii[asciiAt++] = 0;
        } else info |= 1 << (f < 7 ? f : 7);
      }
      if (asciiAt > 0 && ascii[asciiAt - 1] !== 0) ascii[asciiAt++] = 0;
      if (f === 0) this.asciiFirstEnd[id] = asciiAt;
      if (f === 0) this.firstLength[id] = n;
      const inFirst = f === 0 ? 1 : 0;
      for (let i = from; i < n; i++) {
        const u = buf[i];
        let list = unigrams[u] - 1;
        if (list < 0) {
          list = this.newList(UNIGRAM);
          unigrams[u] = list + 1;
        }
        if (last[list] !== id) {
          // the first occurrence: in the first field exactly when the unigram occurs there
          this.posting(list, id, (id - last[list] - 1) * 2 + inFirst);
        }
        if (i + 1 < n) {
          const b = this.bigramList(((u << 16) | buf[i + 1]) >>> 0, true);
          occNext[i] = -1;
          if (stamp[b] !== mark) {
            stamp[b] = mark;
            firstOcc[b] = i;
            occCount[b] = 1;
            touched[lists++] = b;
          } else {
            occNext[lastOcc[b]] = i;
            occCount[b]++;
          }
          lastOcc[b] = i;
        }
      }
    }
    this.foldInfo[id] = info;
    this.asciiFrom[id + 1] = asciiAt;
    // the 4-grams of its ascii runs, each once: ids only
    for (let p = this.asciiFrom[id], key = 0, run = 0; p < asciiAt; p++) {
      const c = ascii[p];
      run = c === 0 ? 0 : run + 1;
      key = ((key << 7) | c) & 0xfffffff;
      if (run < 4) continue;
      const list = this.listOf(this.quads, key, QUAD);
      if (stamp[list] === mark) continue;
      stamp[list] = mark;
      this.posting(list, id, id - last[list] - 1);
    }
    // bigram postings: (id delta × 2 + several?) [occurrences − 2] position deltas…
    // written in place when the block has room for the longest encoding, else through `spill`
    const { pages, tail, end, count, bytes } = this;
    for (let t = 0; t < lists; t++) {
      const b = touched[t];
      const k = occCount[b];
      const at = tail[b];
      const inPlace = end[b] - at >= 5 * (k + 2);
      const out = inPlace ? pages[at >>> PAGE_BITS] : this.spillBuffer(k);
      const from = inPlace ? at & PAGE_MASK : 0;
      let w = putVarint(out, from, (id - last[b] - 1) * 2 + (k > 1 ? 1 : 0));
      if (k > 1) w = putVarint(out, w, k - 2);
      for (let o = firstOcc[b], prev = -1; o >= 0; prev = o, o = occNext[o]) w = putVarint(out, w, o - prev - 1);
      const len = w - from;
      if (inPlace) tail[b] = at + len;
      else this.spill(b, len);
      last[b] = id;
      count[b]++;
      bytes[b] += len;
    }
    this.size = slot + 1;
  }

  private reserveLists(min: number): void {
    if (min <= this.head.length) return;
    const cap = Math.max(min, this.head.length * 2);
    this.head = grownInt32(this.head, cap);
    this.tail = grownInt32(this.tail, cap);
    this.end = grownInt32(this.end, cap);
    this.last = grownInt32(this.last, cap);
    this.count = grownInt32(this.count, cap);
    this.bytes = grownInt32(this.bytes, cap);
    this.stamp = grownInt32(this.stamp, cap);
    this.firstOcc = grownInt32(this.firstOcc, cap);
    this.lastOcc = grownInt32(this.lastOcc, cap);
    this.occCount = grownInt32(this.occCount, cap);
    this.level = grownUint8(this.level, cap);
    this.kind = grownUint8(this.kind, cap);
  }

  private newList(kind: number): number {
    const list = this.lists++;
    this.chainList(list);
    this.kind[list] = kind;
    this.last[list] = -1;
    this.count[list] = 0;
    this.bytes[list] = 0;
    return list;
  }

  /** Gives `list` a fresh first block. */
  private chainList(list: number): void {
    const block = this.alloc(FIRST_BLOCK);
    this.head[list] = block;
    this.tail[list] = block;
    this.end[list] = block + FIRST_BLOCK - 4;
    this.level[list] = 0;
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
    return this.listOf(this.pairs, key, create ? BIGRAM : 0);
  }

  /** The list of `key` in table `t`, −1 when absent (a `kind` > 0 makes it). */
  private listOf(t: Table, key: number, kind: number): number {
    const { keys, values } = t;
    const mask = keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const v = values[h];
      if (v === 0) break;
      if (keys[h] === key) return v - 1;
      h = (h + 1) & mask;
    }
    if (!kind) return -1;
    const list = this.newList(kind);
    keys[h] = key;
    values[h] = list + 1;
    if (++t.size * 2 > mask) {
      // rehash at half full
      const cap = keys.length * 2;
      t.keys = new Uint32Array(cap);
      t.values = new Int32Array(cap);
      t.size = 0;
      for (let i = 0; i < keys.length; i++) if (values[i] !== 0) this.place(t, keys[i], values[i]);
    }
    return list;
  }

  private place(t: Table, key: number, value: number): void {
    const mask = t.keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    while (t.values[h] !== 0) h = (h + 1) & mask;
    t.keys[h] = key;
    t.values[h] = value;
    t.size++;
  }

  /** Appends one posting of a single varint to `list` (unigrams, 4-grams). */
  private posting(list: number, id: number, value: number): void {
    const at = this.tail[list];
    let len: number;
    if (this.end[list] - at >= 5) this.tail[list] = at + (len = putVarint(this.pages[at >>> PAGE_BITS], at & PAGE_MASK, value) - (at & PAGE_MASK));
    else this.spill(list, (len = putVarint(this.spillBuffer(0), 0, value)));
    this.last[list] = id;
    this.count[list]++;
    this.bytes[list] += len;
  }

  /** Scratch for a posting of `k` positions that may cross a block end. */
  private spillBuffer(k: number): Uint8Array {
    if (this.spilled.length < 5 * (k + 2)) this.spilled = new Uint8Array(10 * (k + 2));
    return this.spilled;
  }

  /** Appends spilled[0, len) to `list` byte by byte, chaining blocks; `bytes` grows by what the caller counts. */
  private spill(list: number, len: number): void {
    this.begin(list);
    for (let j = 0; j < len; j++) this.putByte(this.spilled[j]);
    this.tail[list] = this.wAt;
    this.end[list] = this.wEnd;
  }

  private begin(list: number): void {
    this.wList = list;
    this.wAt = this.tail[list];
    this.wEnd = this.end[list];
    this.wPage = this.pages[this.wAt >>> PAGE_BITS];
  }

  /** Appends one byte to the list being written; a full block gets a bigger one chained (its address in the last 4 bytes). */
  private putByte(b: number): void {
    if (this.wAt === this.wEnd) {
      const list = this.wList;
      const level = Math.min(this.level[list] + 1, MAX_LEVEL);
      this.level[list] = level;
      const size = blockSize(level);
      const next = this.alloc(size);
      const page = this.wPage;
      const p = this.wAt & PAGE_MASK;
      page[p] = next & 255;
      page[p + 1] = (next >>> 8) & 255;
      page[p + 2] = (next >>> 16) & 255;
      page[p + 3] = next >>> 24;
      this.wAt = next;
      this.wEnd = next + size - 4;
      this.wPage = this.pages[next >>> PAGE_BITS];
    }
    this.wPage[this.wAt++ & PAGE_MASK] = b;
  }

  // ---- packing ----

  /** Packs the lists into one buffer (see the module comment) in one go. */
  pack(): this {
    for (const _ of this.packSteps());
    return this;
  }

  /**
   * `pack()` one step per `next()` (each copies ~1 MB), for a build that yields to the page. The index
   * keeps answering from the chained lists until the last step swaps; an `add` meanwhile abandons it.
   */
  *packSteps(): Generator<void, void, void> {
    if (this.packed) return;
    const version = this.packing;
    const lists = this.lists;
    const range = this.lastId + 1;
    const words = (range + 31) >>> 5;
    let total = 0;
    let denseLists = 0;
    const isDense = (l: number) => this.kind[l] !== UNIGRAM && this.count[l] * DENSE >= range && this.count[l] >= 64;
    for (let l = 0; l < lists; l++) {
      if (isDense(l)) denseLists++;
      if (!isDense(l) || this.kind[l] !== QUAD) total += this.bytes[l];
    }
    const out = new Uint8Array(total);
    const start = new Int32Array(lists + 1);
    const dense = new Int32Array(lists).fill(-1);
    const bits = new Uint32Array(denseLists * words);
    let at = 0;
    let work = 0;
    let nextDense = 0;
    for (let l = 0; l < lists; l++) {
      start[l] = at;
      const quad = this.kind[l] === QUAD;
      // the bytes as they are, block after block (a dense 4-gram list: none, its bitset is enough)
      if (!quad || !isDense(l)) at = this.copyChain(l, out, at);
      if (isDense(l)) {
        // its ids as bits too
        const base = (dense[l] = nextDense++ * words);
        const b = quad ? this.listBytes(l) : out;
        let p = quad ? this.at : start[l];
        let id = -1;
        for (let k = this.count[l]; k > 0; k--) {
          const v = longVarint(b, p);
          while (b[p++] > 127);
          id += quad ? v + 1 : (v >>> 1) + 1;
          bits[base + (id >>> 5)] |= 1 << (id & 31);
          // a bigram posting: its count of positions, then the positions
          let skip = 1;
          if (!quad && v & 1) {
            skip = longVarint(b, p) + 2;
            while (b[p++] > 127);
          }
          for (; !quad && skip > 0;) if (b[p++] < 128) skip--;
        }
      }
      work += this.bytes[l];
      if (work > 1 << 20) {
        work = 0;
        yield;
        if (this.packing !== version) return;
      }
    }
    start[lists] = at;
    this.packed = out;
    this.start = start;
    this.dense = dense;
    this.bits = bits;
    // the chains and the per-list write state are rebuilt if anything is added later
    this.pages.length = 0;
    this.pageFill = PAGE_SIZE;
    const none = new Int32Array(0);
    this.head = this.tail = this.end = this.stamp = this.firstOcc = this.lastOcc = this.occCount = none;
    this.level = new Uint8Array(0);
    this.buf = new Uint16Array(64);
    this.occNext = new Int32Array(64);
    this.touched = new Int32Array(64);
    this.count = this.count.slice(0, lists);
    this.bytes = this.bytes.slice(0, lists);
    this.last = this.last.slice(0, lists);
    this.kind = this.kind.slice(0, lists);
    // per-id arrays down to their use (they grew by doubling)
    const range1 = this.lastId + 1;
    this.ascii = this.ascii.slice(0, this.asciiFrom[range1]);
    this.asciiFrom = this.asciiFrom.slice(0, range1 + 1);
    this.firstLength = this.firstLength.slice(0, range1);
    this.foldInfo = this.foldInfo.slice(0, range1);
    this.asciiFirstEnd = this.asciiFirstEnd.slice(0, range1);
    this.ids = this.ids.slice(0, this.size);
  }

  /** Back to chained lists, so that entries can be added after `pack()`. */
  private unpack(): void {
    const packed = this.packed!;
    const lists = this.lists;
    this.packed = undefined;
    const cap = Math.max(1024, lists * 2);
    this.head = new Int32Array(cap);
    this.tail = new Int32Array(cap);
    this.end = new Int32Array(cap);
    this.level = new Uint8Array(cap);
    this.stamp = new Int32Array(cap);
    this.firstOcc = new Int32Array(cap);
    this.lastOcc = new Int32Array(cap);
    this.occCount = new Int32Array(cap);
    this.count = grownInt32(this.count, cap);
    this.bytes = grownInt32(this.bytes, cap);
    this.last = grownInt32(this.last, cap);
    this.kind = grownUint8(this.kind, cap);
    for (let l = 0; l < lists; l++) {
      this.chainList(l);
      this.begin(l);
      for (let p = this.start[l]; p < this.start[l + 1]; p++) this.putByte(packed[p]);
      // a dense 4-gram list kept only its bitset: its postings again
      for (let id = 0, prev = -1; this.kind[l] === QUAD && this.dense[l] >= 0 && id <= this.lastId; id++) {
        if (!this.inBits(this.dense[l], id)) continue;
        const len = putVarint(this.spilled, 0, id - prev - 1);
        for (let j = 0; j < len; j++) this.putByte(this.spilled[j]);
        prev = id;
      }
      this.tail[l] = this.wAt;
      this.end[l] = this.wEnd;
    }
    this.start = new Int32Array(0);
    this.dense = new Int32Array(0);
    this.bits = new Uint32Array(0);
  }

  // ---- searching ----

  /** Ascending ids whose folded fields contain the folded `query` (every id for an empty query). */
  find(query: string): Int32Array<ArrayBuffer> {
    return this.findFolded(foldText(query));
  }

  /** `find` for an already folded query. */
  findFolded(q: string): Int32Array<ArrayBuffer> {
    return this.search(q).ids.slice();
  }

  /** The matches of an already folded query with, per id, whether it occurs in the first field. The arrays are reused by the next search. */
  search(q: string): TextMatches {
    const m = q.length;
    if (m === 0) {
      const n = this.size;
      this.fitOut(n);
      this.cIds.set(this.ids.subarray(0, n));
      this.outFirst.fill(0, 0, n);
      return this.out(n);
    }
    if (m === 1) {
      const list = this.unigrams[q.charCodeAt(0)] - 1;
      return list < 0 ? this.out(0) : this.unigramMatches(list);
    }
    if (m >= 4 && isAscii(q)) return this.quadMatches(q);
    // the query's bigrams: distinct lists, each with the offsets where it occurs in the query
    const lists: number[] = [];
    const offsets: number[][] = [];
    for (let i = 0; i + 1 < m; i++) {
      const list = this.bigramList(((q.charCodeAt(i) << 16) | q.charCodeAt(i + 1)) >>> 0, false);
      if (list < 0) return this.out(0);
      const at = lists.indexOf(list);
      if (at >= 0) offsets[at].push(i);
      else {
        lists.push(list);
        offsets.push([i]);
      }
    }
    if (m === 2) return this.bigramMatches(lists[0]);
    const order = lists.map((_, i) => i).sort((a, b) => this.count[lists[a]] - this.count[lists[b]]);
    return this.phrase(
      q,
      order.map((i) => lists[i]),
      order.map((i) => offsets[i]),
    );
  }

  private fitOut(n: number): void {
    if (this.cIds.length < n) this.cIds = new Int32Array(Math.max(n, this.cIds.length * 2));
    if (this.cFrom.length < n + 1) this.cFrom = new Int32Array(Math.max(n + 1, this.cFrom.length * 2));
    if (this.outFirst.length < n) this.outFirst = new Uint8Array(Math.max(n, this.outFirst.length * 2));
  }

  private out(n: number): TextMatches {
    return { ids: this.cIds.subarray(0, n), inFirst: this.outFirst.subarray(0, n) };
  }

  private unigramMatches(list: number): TextMatches {
    const n = this.count[list];
    this.fitOut(n);
    const ids = this.cIds;
    const first = this.outFirst;
    const b = this.listBytes(list);
    let p = this.at;
    let id = -1;
    for (let k = 0; k < n; k++) {
      let v = b[p++];
      if (v > 127) {
        v = longVarint(b, p - 1);
        while (b[p++] > 127);
      }
      ids[k] = id += (v >>> 1) + 1;
      first[k] = v & 1;
    }
    return this.out(n);
  }

  /** Whether bitset `at` holds `id`. */
  private inBits(at: number, id: number): boolean {
    return (this.bits[at + (id >>> 5)] & (1 << (id & 31))) !== 0;
  }

  /**
   * An all-ascii query of 4 or more: it lies inside one ascii run, so every 4-gram of it is in the
   * entry's 4-gram lists. Candidates: the rarest list's ids also in the next rarest; one 4-gram is the
   * answer itself, longer queries are checked against the candidates' ascii runs.
   */
  private quadMatches(q: string): TextMatches {
    const lists: number[] = [];
    for (let i = 0; i + 4 <= q.length; i++) {
      let key = 0;
      for (let j = i; j < i + 4; j++) key = (key << 7) | q.charCodeAt(j);
      const list = this.listOf(this.quads, key, 0);
      if (list < 0) return this.out(0);
      lists.push(list);
    }
    lists.sort((a, b) => this.count[a] - this.count[b]);
    const [rarest, next] = lists;
    const packed = this.packed !== undefined;
    const n = this.count[rarest];
    this.fitOut(n);
    const ids = this.cIds;
    if (packed && this.dense[rarest] >= 0) {
      for (let id = 0, k = 0; k < n; id++) if (this.inBits(this.dense[rarest], id)) ids[k++] = id;
    } else {
      const b = this.listBytes(rarest);
      for (let k = 0, id = -1, p = this.at; k < n; k++) {
        ids[k] = id += longVarint(b, p) + 1;
        while (b[p++] > 127);
      }
    }
    let kept = n;
    if (next !== undefined && next !== rarest) {
      kept = 0;
      if (packed && this.dense[next] >= 0) {
        for (let k = 0; k < n; k++) if (this.inBits(this.dense[next], ids[k])) ids[kept++] = ids[k];
      } else {
        const b = this.listBytes(next);
        for (let k = 0, j = 0, id = -1, p = this.at; k < this.count[next] && j < n; k++) {
          id += longVarint(b, p) + 1;
          while (b[p++] > 127);
          while (j < n && ids[j] < id) j++;
          if (j < n && ids[j] === id) ids[kept++] = ids[j++];
        }
      }
    }
    return this.verified(ids, kept, q, lists.length === 1);
  }

  /** Ids of a bigram list; in the first field when its first position ends there. */
  private bigramMatches(list: number): TextMatches {
    const n = this.count[list];
    this.fitOut(n);
    const ids = this.cIds;
    const first = this.outFirst;
    const firstLength = this.firstLength;
    const b = this.listBytes(list);
    let p = this.at;
    let k = 0;
    let id = -1;
    for (; k < n; k++) {
      let v = b[p++];
      if (v > 127) {
        v = longVarint(b, p - 1);
        while (b[p++] > 127);
      }
      ids[k] = id += (v >>> 1) + 1;
      // skips the count of positions, reads the first, skips the rest
      let skip = 0;
      if (v & 1) {
        skip = longVarint(b, p) + 1;
        while (b[p++] > 127);
      }
      first[k] = longVarint(b, p) + 2 <= firstLength[id] ? 1 : 0;
      for (skip++; skip > 0;) if (b[p++] < 128) skip--;
    }
    return this.out(k);
  }

  /**
   * Entries where every list's bigram sits at `start + offset` for one common start: candidates from the
   * first (rarest) list with their possible starts, kept only when every dense list's bitset holds them,
   * narrowed by each further list. When the lists left are far longer than the candidates, checking
   * those against their texts is cheaper than reading the lists.
   */
  private phrase(q: string, lists: number[], offsets: number[][]): TextMatches {
    const packed = this.packed !== undefined;
    const m = q.length;
    // the dense lists after the first: an O(1) membership test each
    const filters: number[] = [];
    if (packed) for (let l = 1; l < lists.length; l++) if (this.dense[lists[l]] >= 0) filters.push(this.dense[lists[l]]);
    const bits = this.bits;
    const firstLength = this.firstLength;
    // candidates: ids[k] with possible starts pool[from[k] .. from[k + 1])
    const first = this.count[lists[0]];
    this.fitOut(first);
    let ids = this.cIds;
    let from = this.cFrom;
    let pool = this.cPool;
    let n = 0;
    let used = 0;
    {
      const b = this.listBytes(lists[0]);
      let p = this.at;
      const offs = offsets[0];
      const off = offs[0];
      const nFilters = filters.length;
      let id = -1;
      for (let k = 0; k < first; k++) {
        // varints decoded inline (a byte below 128 ends one)
        let v = b[p++];
        if (v > 127) {
          v = longVarint(b, p - 1);
          while (b[p++] > 127);
        }
        id += (v >>> 1) + 1;
        let occ = 1;
        if (v & 1) {
          occ = b[p++];
          if (occ > 127) {
            occ = longVarint(b, p - 1);
            while (b[p++] > 127);
          }
          occ += 2;
        }
        // an O(1) look at every dense list before reading any position
        let keep = true;
        for (let f = 0; f < nFilters && keep; f++) keep = (bits[filters[f] + (id >>> 5)] & (1 << (id & 31))) !== 0;
        if (!keep) {
          for (let c = occ; c > 0;) if (b[p++] < 128) c--;
          continue;
        }
        if (occ === 1 && offs.length === 1) {
          // the common case: one position
          let at = b[p++];
          if (at > 127) {
            at = longVarint(b, p - 1);
            while (b[p++] > 127);
          }
          if (at < off) continue;
          if (used >= pool.length) pool = this.cPool = grownInt32(pool, used + 1);
          ids[n] = id;
          from[n++] = used;
          pool[used++] = at - off;
          from[n] = used;
          continue;
        }
        p = this.readPositions(b, p, occ);
        if (used + occ > pool.length) pool = this.cPool = grownInt32(pool, used + occ);
        const start = used;
        const pos = this.positions;
        for (let o = 0; o < occ; o++) if (pos[o] >= off) pool[used++] = pos[o] - off;
        used = start + this.narrow(pool, start, used, offs, occ);
        if (used > start) {
          ids[n] = id;
          from[n++] = start;
          from[n] = used;
        }
      }
    }
    let left = 0;
    for (let l = 1; l < lists.length; l++) left += this.count[lists[l]];
    for (let l = 1; l < lists.length && n > 0; l++) {
      const list = lists[l];
      const total = this.count[list];
      if (left > n * (isAscii(q) ? ASCII_VERIFY_RATIO : VERIFY_RATIO)) return this.verified(ids, n, q);
      left -= total;
      const nextIds = (this.nIds = fit(this.nIds, n));
      const nextFrom = (this.nFrom = fit(this.nFrom, n + 1));
      const nextPool = (this.nPool = fit(this.nPool, from[n]));
      const b = this.listBytes(list);
      let p = this.at;
      let i = 0;
      let kept = 0;
      let keptUsed = 0;
      // the postings of this list in id order, positions read only for candidates
      let id = -1;
      for (let k = 0; k < total && i < n; k++) {
        let v = b[p++];
        if (v > 127) {
          v = longVarint(b, p - 1);
          while (b[p++] > 127);
        }
        id += (v >>> 1) + 1;
        while (i < n && ids[i] < id) i++;
        let occ = 1;
        if (v & 1) {
          occ = b[p++];
          if (occ > 127) {
            occ = longVarint(b, p - 1);
            while (b[p++] > 127);
          }
          occ += 2;
        }
        if (i === n || ids[i] !== id) {
          for (let c = occ; c > 0;) if (b[p++] < 128) c--;
          continue;
        }
        p = this.readPositions(b, p, occ);
        // the starts of candidate i that this bigram confirms
        const pos = this.positions;
        const start = keptUsed;
        const offs = offsets[l];
        for (let s = from[i]; s < from[i + 1]; s++) {
          const want = pool[s];
          let ok = true;
          for (let o = 0; o < offs.length && ok; o++) ok = hasPosition(pos, occ, want + offs[o]);
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
    // in the first field when a confirmed start ends within it
    this.fitOut(n);
    const inFirst = this.outFirst;
    for (let k = 0; k < n; k++) {
      let yes = 0;
      for (let s = from[k]; s < from[k + 1] && !yes; s++) if (pool[s] + m <= firstLength[ids[k]]) yes = 1;
      inFirst[k] = yes;
    }
    return this.out(n);
  }

  /** Reads the `occ` position deltas at b[p] into `this.positions`; returns where they end. */
  private readPositions(b: Uint8Array, p: number, occ: number): number {
    if (this.positions.length < occ) this.positions = new Int32Array(Math.max(occ, this.positions.length * 2));
    const out = this.positions;
    for (let o = 0, at = -1; o < occ; o++) {
      let v = b[p++];
      if (v > 127) {
        v = longVarint(b, p - 1);
        while (b[p++] > 127);
      }
      out[o] = at += v + 1;
    }
    return p;
  }

  /**
   * The bytes of list `l` in one run, from `this.at` on: the packed buffer, or while adding its chain
   * copied into scratch (queries before the build finishes only).
   */
  private listBytes(l: number): Uint8Array {
    if (this.packed) {
      this.at = this.start[l];
      return this.packed;
    }
    if (this.chainCopy.length < this.bytes[l]) this.chainCopy = new Uint8Array(this.bytes[l] * 2);
    this.copyChain(l, this.chainCopy, 0);
    this.at = 0;
    return this.chainCopy;
  }

  /** Copies the bytes of chained list `l` to out[at..]; returns where they end. */
  private copyChain(l: number, out: Uint8Array, at: number): number {
    const pages = this.pages;
    let block = this.head[l];
    let size = FIRST_BLOCK - 4;
    for (let left = this.bytes[l], level = 0; left > 0;) {
      const page = pages[block >>> PAGE_BITS];
      const p = block & PAGE_MASK;
      const take = Math.min(left, size);
      if (take > 32) out.set(page.subarray(p, p + take), at);
      else for (let k = 0; k < take; k++) out[at + k] = page[p + k];
      at += take;
      left -= take;
      block = (page[p + size] | (page[p + size + 1] << 8) | (page[p + size + 2] << 16) | (page[p + size + 3] << 24)) >>> 0;
      if (level < MAX_LEVEL) level++;
      size = blockSize(level) - 4;
    }
    return at;
  }

  /** The candidates whose texts contain `q` (ids is `this.cIds`, compacted in place); `exact`: they all do (an ascii `q`: only whether in the first field is looked up). */
  private verified(ids: Int32Array, n: number, q: string, exact = false): TextMatches {
    this.cIds = ids as Int32Array<ArrayBuffer>;
    this.fitOut(n);
    ids = this.cIds;
    const inFirst = this.outFirst;
    let qMask = 0;
    for (let i = 0; i < q.length; i++) qMask |= 1 << (8 + (q.charCodeAt(i) % 24));
    const asciiQuery = isAscii(q);
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const id = ids[k];
      if (asciiQuery) {
        const firstEnd = this.asciiFirstEnd[id];
        const at = exact && firstEnd === this.asciiFrom[id] ? firstEnd : this.asciiIndexOf(id, q);
        if (at < 0) continue;
        inFirst[kept] = at < this.asciiFirstEnd[id] ? 1 : 0;
        ids[kept++] = id;
        continue;
      }
      const fields = this.fieldsOfId(id);
      const info = this.foldInfo[id];
      // a raw match is a folded one (the query's characters are folding's fixed points); a folded match
      // that is not raw needs a removed character in the field or a changed character folding into the query
      const changed = (info & qMask) !== 0;
      let found = -1;
      for (let f = 0; f < fields.length && found < 0; f++) {
        const text = fields[f] ?? '';
        if (text.includes(q) || ((changed || (info & (1 << (f < 7 ? f : 7))) !== 0) && foldedIncludes(text, q))) found = f;
      }
      if (found < 0) continue;
      inFirst[kept] = found === 0 ? 1 : 0;
      ids[kept++] = id;
    }
    return this.out(kept);
  }

  /** Where the ascii runs of `id` first contain the (folded, all-ascii) `q`, −1 when they do not. */
  private asciiIndexOf(id: number, q: string): number {
    const ascii = this.ascii;
    const m = q.length;
    const first = q.charCodeAt(0);
    const end = this.asciiFrom[id + 1] - m;
    outer: for (let p = this.asciiFrom[id]; p <= end; p++) {
      if (ascii[p] !== first) continue;
      for (let j = 1; j < m; j++) if (ascii[p + j] !== q.charCodeAt(j)) continue outer;
      return p;
    }
    return -1;
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
      for (let o = 1; o < offsets.length && ok; o++) ok = hasPosition(this.positions, occ, pool[s] + offsets[o]);
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
    if (this.slotOf(id) < 0) return false;
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

  /** Bytes held by the index: lists, tables, per-list and per-entry arrays, scratch (references to kept field arrays at 8 bytes; not the texts). */
  byteSize(): number {
    const perList = [
      this.kind,
      this.last,
      this.count,
      this.bytes,
      this.head,
      this.tail,
      this.end,
      this.level,
      this.stamp,
      this.firstOcc,
      this.lastOcc,
      this.occCount,
      this.start,
      this.dense,
    ];
    const scratch = [this.buf, this.occNext, this.touched, this.positions, this.cIds, this.cFrom, this.cPool, this.nIds, this.nFrom, this.nPool, this.outFirst];
    let bytes =
      this.pages.length * PAGE_SIZE + (this.packed?.byteLength ?? 0) + this.bits.byteLength + this.ascii.byteLength + this.asciiFrom.byteLength + this.asciiFirstEnd.byteLength;
    for (const a of [...perList, ...scratch]) bytes += a.byteLength;
    return (
      bytes +
      this.unigrams.byteLength +
      this.pairs.keys.byteLength * 2 +
      this.quads.keys.byteLength * 2 +
      this.ids.byteLength +
      this.firstLength.byteLength +
      this.foldInfo.byteLength +
      this.kept.length * 8
    );
  }

  /** Posting lists, distinct bigrams, 256 KB pages (0 once packed), dense lists and packed bytes, for tuning. */
  stats(): { lists: number; bigrams: number; pages: number; dense: number; packedBytes: number } {
    let dense = 0;
    for (let l = 0; l < this.dense.length; l++) if (this.dense[l] >= 0) dense++;
    return { lists: this.lists, bigrams: this.pairs.size, pages: this.pages.length, dense, packedBytes: this.packed?.byteLength ?? 0 };
  }
}

/** The varint at b[p] (the caller steps past it). */
function longVarint(b: Uint8Array, p: number): number {
  let v = 0;
  for (let s = 0, c = 128; c > 127; s += 7) v |= ((c = b[p++]) & 127) << s;
  return v;
}

/** Writes `v` as a varint at out[w]; returns where it ends. */
function putVarint(out: Uint8Array, w: number, v: number): number {
  while (v >= 128) {
    out[w++] = (v & 127) | 128;
    v >>>= 7;
  }
  out[w++] = v;
  return w;
}

/** `a` when it holds `min` values, else a bigger empty array. */
function fit(a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> {
  return a.length >= min ? a : new Int32Array(Math.max(min, a.length * 2));
}

/** Whether every code unit of `q` is ascii (then a match lies inside one ascii run). */
function isAscii(q: string): boolean {
  for (let i = 0; i < q.length; i++) if (q.charCodeAt(i) >= 128) return false;
  return true;
}

/** Whether the ascending `pos[0..n)` holds `p`. */
function hasPosition(pos: Int32Array, n: number, p: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = pos[i];
    if (v >= p) return v === p;
  }
  return false;
}
