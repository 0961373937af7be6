import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  CONTRACT_PARAMS,
  DEFAULT_SIZE,
  DISCLOSURE_VALUES,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_SIZE,
  SORT_KEYS,
  SORT_ORDERS,
  VALIDITY_VALUES,
  effectiveSort,
  normalizeQuery,
  paramsToQuery,
  queryToParams,
  type ContractProblem,
} from './contract.js';
import type { DirectoryQuery } from './types.js';

/** Text the URL can carry unchanged: any code points but lone surrogates (which URL encoding turns into U+FFFD). */
const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max });

/** A query every field of which is one the contract has. */
const validQuery: fc.Arbitrary<DirectoryQuery> = fc.record(
  {
    q: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.length <= MAX_QUERY_LENGTH),
    column: text(20),
    year: fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
    issuer: text(20),
    topic: text(20),
    validity: fc.constantFrom(...VALIDITY_VALUES),
    disclosure: fc.constantFrom(...DISCLOSURE_VALUES),
    hideInvalid: fc.boolean(),
    sort: fc.constantFrom(...SORT_KEYS),
    order: fc.constantFrom(...SORT_ORDERS),
    page: fc.integer({ min: 1, max: MAX_PAGE }),
    size: fc.integer({ min: 1, max: MAX_SIZE }),
  },
  { requiredKeys: [] },
);

describe('directory contract (query string)', () => {
  it('round-trips every valid query, with or without a prefix', () => {
    fc.assert(
      fc.property(validQuery, fc.constantFrom('', 'zwd.', 'dir-2.'), (query, prefix) => {
        expect(paramsToQuery(queryToParams(query, prefix), prefix)).to.deep.equal(query);
        // and through the text of a URL, as a shared link carries it
        expect(paramsToQuery(new URLSearchParams(queryToParams(query, prefix).toString()), prefix)).to.deep.equal(query);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any query string into a valid query, never throwing, and reading is a fixed point', () => {
    const key = fc.oneof(fc.constantFrom(...CONTRACT_PARAMS), fc.string({ maxLength: 8 }));
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '-1', '0', '2.5', '9007199254740993', '', 'true', 'relevance', 'asc', 'abolished', '2020', '__proto__'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 20 }), (pairs) => {
        const params = new URLSearchParams(pairs);
        const query = paramsToQuery(params);
        if (query.size !== undefined) expect(query.size).to.be.within(1, MAX_SIZE);
        if (query.page !== undefined) expect(query.page).to.be.within(1, MAX_PAGE);
        if (query.q !== undefined) expect(query.q.length).to.be.within(1, MAX_QUERY_LENGTH);
        expect(Object.keys(query).every((k) => (CONTRACT_PARAMS as readonly string[]).includes(k))).to.equal(true);
        expect(paramsToQuery(queryToParams(query))).to.deep.equal(query);
      }),
      { numRuns: 500 },
    );
  });

  it('writes the parameters in the contract order, booleans as 1/0, absent fields not at all', () => {
    const params = queryToParams({ size: 50, q: '政务公开', hideInvalid: true, column: 'gfxwj', page: 3, sort: 'title' });
    expect(params.toString()).to.equal(`q=${encodeURIComponent('政务公开')}&column=gfxwj&hideInvalid=1&sort=title&page=3&size=50`);
    expect(queryToParams({}).toString()).to.equal('');
    expect(queryToParams({ hideInvalid: false }).toString()).to.equal('hideInvalid=0');
    expect(queryToParams({ q: 'x' }, 'zwd.').toString()).to.equal('zwd.q=x');
  });

  it('clamps huge, tiny and fractional numbers; drops NaN and text', () => {
    const read = (s: string) => paramsToQuery(new URLSearchParams(s));
    expect(read('size=1000000')).to.deep.equal({ size: MAX_SIZE });
    expect(read('size=1e400&page=1e400')).to.deep.equal({ size: MAX_SIZE, page: MAX_PAGE });
    expect(read('size=0&page=-4')).to.deep.equal({ size: 1, page: 1 });
    expect(read('size=2.9&page=3.5')).to.deep.equal({ size: 2, page: 3 });
    expect(read('size=NaN&page=abc')).to.deep.equal({});
    expect(read('size=&page=')).to.deep.equal({});
    expect(DEFAULT_SIZE).to.equal(20);
  });

  it('drops unknown sort, order, validity, disclosure and malformed years; cuts an overlong q', () => {
    const problems: ContractProblem[] = [];
    const query = paramsToQuery(new URLSearchParams({ sort: 'random', order: 'up', validity: 'maybe', disclosure: 'secret', year: '20', q: '字'.repeat(5000) }), '', problems);
    expect(query).to.deep.equal({ q: '字'.repeat(MAX_QUERY_LENGTH) });
    expect(problems.map((p) => `${p.param}:${p.kind}`)).to.deep.equal(['q:clamped', 'year:dropped', 'validity:dropped', 'disclosure:dropped', 'sort:dropped', 'order:dropped']);
    expect(problems[0].value.length).to.equal(60);
  });

  it('never cuts a q in the middle of a surrogate pair', () => {
    const q = 'a' + '𠀀'.repeat(150); // 301 UTF-16 units; the cut falls after a high surrogate
    const kept = paramsToQuery(new URLSearchParams({ q })).q!;
    expect(kept.length).to.equal(MAX_QUERY_LENGTH - 1);
    expect(/[\uD800-\uDBFF]$/.test(kept)).to.equal(false);
  });

  it('takes the first of repeated parameters and ignores other prefixes and names', () => {
    const params = new URLSearchParams('zwd.q=甲&zwd.q=乙&q=丙&other.page=9&zwd.page=2&zwd.page=5&zwd.unknown=1');
    expect(paramsToQuery(params, 'zwd.')).to.deep.equal({ q: '甲', page: 2 });
    expect(paramsToQuery(params)).to.deep.equal({ q: '丙' });
  });

  it('reads hideInvalid from the usual spellings', () => {
    const read = (v: string) => paramsToQuery(new URLSearchParams({ hideInvalid: v })).hideInvalid;
    expect(['1', 'true', 'on', '', 'TRUE'].map(read)).to.deep.equal([true, true, true, true, true]);
    expect(['0', 'false', 'off'].map(read)).to.deep.equal([false, false, false]);
    expect(read('perhaps')).to.equal(undefined);
  });

  it('normalises a query set from script (wrong types left out, not thrown on)', () => {
    const hostile = { q: 42, page: '3', size: Infinity, sort: 'title', hideInvalid: 'yes', column: { toString: () => 'x' } } as unknown as DirectoryQuery;
    expect(normalizeQuery(hostile)).to.deep.equal({ page: 3, size: MAX_SIZE, sort: 'title', hideInvalid: true });
    expect(normalizeQuery(null as unknown as DirectoryQuery)).to.deep.equal({});
  });

  it('says which sort applies by default', () => {
    expect(effectiveSort({})).to.deep.equal({ sort: 'publishDate', order: 'desc' });
    expect(effectiveSort({ q: '公开' })).to.deep.equal({ sort: 'relevance', order: 'desc' });
    expect(effectiveSort({ sort: 'relevance' })).to.deep.equal({ sort: 'publishDate', order: 'desc' });
    expect(effectiveSort({ sort: 'title' })).to.deep.equal({ sort: 'title', order: 'asc' });
    expect(effectiveSort({ sort: 'indexNo', order: 'desc' })).to.deep.equal({ sort: 'indexNo', order: 'desc' });
  });
});
