import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { foldText } from './fold.js';
import { TextIndex, unionIds } from './search-index.js';

/** Characters that exercise folding: CJK, ascii, full-width, brackets, spaces, a surrogate pair, digits. */
const ALPHABET = [
  '政',
  '务',
  '公',
  '开',
  '鲁',
  '商',
  '字',
  '号',
  '的',
  '通',
  '知',
  'a',
  'B',
  'ｃ',
  'Ｄ',
  '1',
  '２',
  '0',
  '〔',
  '〕',
  '[',
  ']',
  '（',
  '）',
  '【',
  ' ',
  '\u3000',
  '-',
  '/',
  '，',
  ',',
  '𠀀',
  '𠀁',
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((cs) => cs.join(''));
const entry = fc.array(text, { minLength: 1, maxLength: 4 });

const scan = (entries: string[][], query: string) => {
  const q = foldText(query);
  return entries.flatMap((fields, id) => (fields.some((f) => foldText(f).includes(q)) ? [id] : []));
};
const build = (entries: string[][]) => {
  const index = new TextIndex();
  entries.forEach((fields, id) => index.add(id, fields));
  return index;
};

describe('directory TextIndex', () => {
  it('finds exactly the entries containing every substring of any entry (against a scan of the folded fields)', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), fc.nat(), (entries, pick, start, length) => {
        const index = build(entries);
        const fields = entries[pick % entries.length];
        const field = [...fields[pick % fields.length]]; // by code point: no half surrogate pairs
        const from = start % (field.length + 1);
        const query = field.slice(from, from + 1 + (length % 8)).join('');
        expect(Array.from(index.find(query)), query).to.deep.equal(scan(entries, query));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the entries containing random queries, repeats and spaces included', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.array(text, { minLength: 1, maxLength: 6 }), (entries, queries) => {
        const index = build(entries);
        for (const query of [...queries, '政务政务', '1 2', '〔〕', '00', '000']) expect(Array.from(index.find(query)), query).to.deep.equal(scan(entries, query));
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same after pack(), and after adding to a packed index (dense lists as bitsets included)', () => {
    // a small alphabet makes most bigram lists dense (held by ≥ 1/8 of the entries)
    const dense = fc.array(
      fc.array(fc.constantFrom('2', '0', '1', '-', '/', 'm', 'Ｂ', '政', '务', '〔', ' '), { maxLength: 16 }).map((cs) => cs.join('')),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(
        fc.array(dense, { minLength: 70, maxLength: 160 }),
        fc.array(dense, { maxLength: 20 }),
        fc.array(fc.constantFrom('20', '2020', '0-0', '-00', '201', '1/2', 'mb', '政务', '务2', '〔2', '2 0', '000', '0', '202-'), { minLength: 3, maxLength: 6 }),
        (entries, later, queries) => {
          const index = build(entries);
          const before = queries.map((q) => Array.from(index.find(q)));
          index.pack();
          queries.forEach((q, i) => expect(Array.from(index.find(q)), `packed ${q}`).to.deep.equal(before[i]));
          queries.forEach((q) => expect(Array.from(index.find(q)), q).to.deep.equal(scan(entries, q)));
          later.forEach((fields, k) => index.add(entries.length + k, fields));
          const all = [...entries, ...later];
          queries.forEach((q) => expect(Array.from(index.find(q)), `after adding ${q}`).to.deep.equal(scan(all, q)));
          index.pack();
          queries.forEach((q) => expect(Array.from(index.find(q)), `packed again ${q}`).to.deep.equal(scan(all, q)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('tells which matches lie in the first field, packed or not', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 80 }), fc.array(text, { minLength: 1, maxLength: 4 }), fc.boolean(), (entries, queries, pack) => {
        const index = build(entries);
        if (pack) index.pack();
        for (const query of [...queries, '20', '2020', '政务', '1 2']) {
          const q = foldText(query);
          const found = index.search(q);
          const expected = scan(entries, query);
          expect(Array.from(found.ids), query).to.deep.equal(expected);
          expect(Array.from(found.inFirst), `first field ${query}`).to.deep.equal(expected.map((id) => (q === '' ? 0 : foldText(entries[id][0]).includes(q) ? 1 : 0)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds all-ascii queries of 4 or more (4-gram lists, dense as bitsets) exactly, first field included, packed, unpacked and added to', () => {
    // digit-heavy 索引号 / 发文字号-like fields: few characters, so that many 4-grams are dense and many are not
    const digits = fc.array(fc.constantFrom('2', '0', '1', '9', '-', '/', 'M', 'ｂ', '〔', '〕', '号', '政', ' '), { maxLength: 20 }).map((cs) => cs.join(''));
    const title = fc.oneof(fc.constantFrom('政务公开', '关于印发的通知', ''), digits);
    const fields = fc.tuple(title, fc.array(digits, { maxLength: 3 })).map(([t, rest]) => [t, ...rest]);
    fc.assert(
      fc.property(
        fc.array(fields, { minLength: 1, maxLength: 150 }),
        fc.array(fields, { maxLength: 10 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 8 }),
        (random, later, picks) => {
          // every 4-gram of 2019-01 without 2019-01 itself: a candidate to reject
          const entries = [['通知', '2019x 019-1 19-0z 9-01'], ...random];
          // substrings of the entries' folded ascii runs (so most queries match), and a few fixed ones
          const runs = entries.flatMap((fs) => fs.flatMap((f) => foldText(f).match(/[!-~]{4,}/g) ?? []));
          const queries = [
            '2019',
            '2020',
            '0000',
            '2019-0',
            'mb20',
            '19/20',
            '〔2019〕',
            '2019 12',
            '2019-01',
            ...picks.map((p, i) => (runs.length ? runs[p % runs.length].slice(i % 3, (i % 3) + 4 + (p % 5)) : '9999')),
          ];
          const index = build(entries);
          const check = (all: string[][], what: string) => {
            for (const query of queries) {
              const q = foldText(query);
              const found = index.search(q);
              const expected = scan(all, query);
              expect(Array.from(found.ids), `${what} ${query}`).to.deep.equal(expected);
              expect(Array.from(found.inFirst), `${what} first field ${query}`).to.deep.equal(expected.map((id) => (foldText(all[id][0]).includes(q) ? 1 : 0)));
            }
          };
          check(entries, 'chained');
          index.pack();
          check(entries, 'packed');
          later.forEach((fs, k) => index.add(entries.length + k, fs));
          check([...entries, ...later], 'added after packing');
          index.pack();
          check([...entries, ...later], 'packed again');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds phrases in long entries whose postings cross block ends (many positions), before and after pack()', () => {
    // a bigram hundreds of times in one entry: its posting is written across chained blocks and read back from them
    const entries = [['政务公开'.repeat(300)], ['政务' + '公开x'.repeat(200)], ['务公开政'.repeat(150), '政务公开'], ['政务x公开'.repeat(120)]];
    const index = build(entries);
    const queries = ['政务公开', '政务公开政务', '务公开政务公', '公开x公开', '政务x公', '开政', '政务'];
    for (const q of queries) expect([...index.find(q)], q).to.deep.equal(scan(entries, q));
    index.pack();
    for (const q of queries) expect([...index.find(q)], `${q} packed`).to.deep.equal(scan(entries, q));
  });

  it('never matches across two fields', () => {
    const index = build([['政务', '公开'], ['政务公开']]);
    expect(Array.from(index.find('务公'))).to.deep.equal([1]);
    expect(Array.from(index.find('政务公开'))).to.deep.equal([1]);
  });

  it('matches 发文字号 in any bracket or space form', () => {
    const index = build([['鲁商字〔2019〕12号'], ['鲁商字[2019]12号'], ['鲁商字（2019）12号'], ['鲁商字 2019 12号'], ['鲁商字〔2019〕120号'], ['鲁商字〔2018〕12号']]);
    for (const query of ['鲁商字〔2019〕12号', '鲁商字[2019]12号', '鲁商字（2019）12号', '鲁商字 2019 12号', '鲁商字201912号'])
      expect(Array.from(index.find(query)), query).to.deep.equal([0, 1, 2, 3]);
    expect(Array.from(index.find('2019〕12'))).to.deep.equal([0, 1, 2, 3, 4]);
    expect(Array.from(index.find('１２号'))).to.deep.equal([0, 1, 2, 3, 5]);
  });

  it('keeps ids with gaps, refuses ids out of order, and answers per field', () => {
    const index = new TextIndex();
    index.add(3, ['关于印发', '通知']);
    index.add(10, ['印发通知']);
    expect(Array.from(index.find('印发'))).to.deep.equal([3, 10]);
    expect(Array.from(index.find(''))).to.deep.equal([3, 10]);
    expect(() => index.add(10, ['x'])).to.throw(RangeError);
    expect(index.matchesField(3, 1, '通知')).to.equal(true);
    expect(index.matchesField(3, 0, '通知')).to.equal(false);
    expect(index.matchesField(4, 0, '通知')).to.equal(false);
    expect(index.byteSize()).to.be.greaterThan(0);
  });

  it('unites ascending id lists', () => {
    expect(Array.from(unionIds(Int32Array.of(1, 3, 5), Int32Array.of(2, 3, 9)))).to.deep.equal([1, 2, 3, 5, 9]);
  });
});
