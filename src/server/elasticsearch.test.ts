import { expect } from '@open-wc/testing';
import { DIRECTORY_INDEX_MAPPING, MAX_RESULT_WINDOW, fromElasticsearch, toElasticsearch, toElasticsearchDocument } from './elasticsearch.js';
import type { DirectoryEntry } from '../schema/types.generated.js';

const facetAggs = (filters: Record<string, unknown>) => ({
  facet_year: {
    filter: filters.year ?? { match_all: {} },
    aggs: { values: { date_histogram: { field: 'publishDate', calendar_interval: 'year', format: 'yyyy', min_doc_count: 1, order: { _key: 'desc' } } } },
  },
  facet_issuer: { filter: filters.issuer ?? { match_all: {} }, aggs: { values: { terms: { field: 'issuer.name', size: 200, order: [{ _count: 'desc' }, { _key: 'asc' }] } } } },
  facet_topic: { filter: filters.topic ?? { match_all: {} }, aggs: { values: { terms: { field: 'category.topic', size: 200, order: [{ _count: 'desc' }, { _key: 'asc' }] } } } },
  facet_validity: { filter: filters.validity ?? { match_all: {} }, aggs: { values: { terms: { field: 'validity', size: 200, order: [{ _count: 'desc' }, { _key: 'asc' }] } } } },
  facet_disclosure: {
    filter: filters.disclosure ?? { match_all: {} },
    aggs: { values: { terms: { field: 'disclosure', size: 200, order: [{ _count: 'desc' }, { _key: 'asc' }] } } },
  },
  columns: { filter: filters.columns ?? { match_all: {} }, aggs: { values: { terms: { field: 'columnPath', size: 1000 } } } },
});

const byDate = [{ publishDate: { order: 'desc', missing: '_last' } }, { id: { order: 'asc' } }];

describe('Elasticsearch translation', () => {
  it('an empty query: match_all, newest first, page 1 of 20, every facet counted', () => {
    expect(toElasticsearch({}, { index: 'directory' })).to.deep.equal({
      index: 'directory',
      beyondWindow: false,
      body: {
        query: { match_all: {} },
        aggs: facetAggs({}),
        sort: byDate,
        size: 20,
        from: 0,
        track_total_hits: true,
        _source: { excludes: ['columnPath'] },
      },
    });
  });

  it('a text query: title phrase (3) over the other fields (1) on the bigram / chars fields, ranked by score then date', () => {
    const { body } = toElasticsearch({ q: '鲁商字〔2019〕12号' });
    expect(body.query).to.deep.equal({
      bool: {
        must: [
          {
            dis_max: {
              queries: [
                { constant_score: { filter: { match_phrase: { title: { query: '鲁商字〔2019〕12号' } } }, boost: 3 } },
                {
                  constant_score: {
                    filter: { multi_match: { query: '鲁商字〔2019〕12号', type: 'phrase', fields: ['summary', 'keywords', 'docNo.chars', 'indexNo.chars'] } },
                    boost: 1,
                  },
                },
              ],
            },
          },
        ],
      },
    });
    expect(body.sort).to.deep.equal([{ _score: { order: 'desc' } }, ...byDate]);
    expect(body).not.to.have.property('post_filter');
  });

  it('filters go to post_filter, and each facet counts with every OTHER filter (the column counts without the column)', () => {
    const { body } = toElasticsearch({
      q: '公开',
      column: 'gfxwj',
      year: '2024',
      issuer: '山东省商务厅',
      validity: 'effective',
      hideInvalid: true,
      sort: 'title',
      page: 3,
      size: 10,
    });
    const column = { term: { columnPath: 'gfxwj' } };
    const year = { range: { publishDate: { gte: '2024-01-01', lte: '2024-12-31', format: 'yyyy-MM-dd' } } };
    const issuer = { term: { 'issuer.name': '山东省商务厅' } };
    const validity = { term: { validity: 'effective' } };
    expect(body.query)
      .to.have.nested.property('bool.must_not')
      .that.deep.equals([{ terms: { validity: ['abolished', 'expired'] } }]);
    expect(body.post_filter).to.deep.equal({ bool: { filter: [column, year, issuer, validity] } });
    expect(body.aggs).to.deep.equal(
      facetAggs({
        year: { bool: { filter: [column, issuer, validity] } },
        issuer: { bool: { filter: [column, year, validity] } },
        topic: { bool: { filter: [column, year, issuer, validity] } },
        validity: { bool: { filter: [column, year, issuer] } },
        disclosure: { bool: { filter: [column, year, issuer, validity] } },
        columns: { bool: { filter: [year, issuer, validity] } },
      }),
    );
    expect(body.sort).to.deep.equal([{ 'title.sort': { order: 'asc', missing: '_last' } }, ...byDate]);
    expect(body.from).to.equal(20);
    expect(body.size).to.equal(10);
  });

  it('sorts by 成文日期 / 索引号 in the asked direction, with 发布日期 and the tie-breaker after', () => {
    expect(toElasticsearch({ sort: 'writtenDate', order: 'asc' }).body.sort).to.deep.equal([{ writtenDate: { order: 'asc', missing: '_last' } }, ...byDate]);
    expect(toElasticsearch({ sort: 'indexNo' }, { tieBreaker: 'uid' }).body.sort).to.deep.equal([
      { indexNo: { order: 'asc', missing: '_last' } },
      { publishDate: { order: 'desc', missing: '_last' } },
      { uid: { order: 'asc' } },
    ]);
    expect(toElasticsearch({ sort: 'publishDate', order: 'asc' }).body.sort).to.deep.equal([{ publishDate: { order: 'asc', missing: '_last' } }, { id: { order: 'asc' } }]);
  });

  it('past 10 000 hits: search_after with the previous page’s last sort values instead of from', () => {
    const deep = { page: 101, size: 100 };
    expect(100 * 101).to.be.greaterThan(MAX_RESULT_WINDOW);
    const without = toElasticsearch(deep);
    expect(without.beyondWindow).to.equal(true);
    expect(without.body.from).to.equal(10_000);
    const after = toElasticsearch(deep, { searchAfter: ['2024-05-01', 'p-991'] });
    expect(after.beyondWindow).to.equal(false);
    expect(after.body).not.to.have.property('from');
    expect(after.body.search_after).to.deep.equal(['2024-05-01', 'p-991']);
    // inside the window, from is used even when search_after values are passed
    expect(toElasticsearch({ page: 2 }, { searchAfter: ['x'] }).body).to.include({ from: 20 });
  });

  it('hostile or out-of-range queries are normalised before translation', () => {
    const { body } = toElasticsearch({ size: 1e9, page: -3, sort: 'bogus', validity: 'x', q: '   ' } as never);
    expect(body).to.include({ size: 100, from: 0 });
    expect(body.query).to.deep.equal({ match_all: {} });
    expect(body).not.to.have.property('post_filter');
  });

  it('indexes each entry with its columns and their ancestors', () => {
    const columns = [{ id: 'fdzdgknr', name: '法定主动公开内容', children: [{ id: 'fgwj', name: '法规文件', children: [{ id: 'gfxwj', name: '行政规范性文件' }] }] }];
    const entry = { title: 't', issuer: { name: 'i' }, publishDate: '2024-01-01', columns: ['gfxwj', 'elsewhere'] } as unknown as DirectoryEntry;
    expect(toElasticsearchDocument(entry, columns).columnPath).to.have.members(['fdzdgknr', 'fgwj', 'gfxwj', 'elsewhere']);
  });

  it('reads a response back into the contract’s result', () => {
    const response = {
      hits: {
        total: { value: 42, relation: 'eq' },
        hits: [
          { _source: { title: '甲' }, sort: ['2024-01-02', 'a'] },
          { _source: { title: '乙' }, sort: ['2023-05-06', 'b'] },
        ],
      },
      aggregations: {
        facet_year: {
          values: {
            buckets: [
              { key: 1704067200000, key_as_string: '2024', doc_count: 3 },
              { key: 1672531200000, key_as_string: '2023', doc_count: 3 },
              { key: 0, key_as_string: '2022', doc_count: 5 },
            ],
          },
        },
        facet_issuer: {
          values: {
            buckets: [
              { key: '乙厅', doc_count: 2 },
              { key: '甲厅', doc_count: 2 },
              { key: '丙厅', doc_count: 9 },
            ],
          },
        },
        facet_topic: { values: { buckets: [] } },
        facet_validity: {
          values: {
            buckets: [
              { key: 'effective', doc_count: 40 },
              { key: 'expired', doc_count: 0 },
            ],
          },
        },
        columns: { values: { buckets: [{ key: 'gfxwj', doc_count: 12 }] } },
      },
    };
    const result = fromElasticsearch(response, { page: 2, size: 2 });
    expect(result).to.deep.equal({
      total: 42,
      page: 2,
      size: 2,
      entries: [{ title: '甲' }, { title: '乙' }],
      facets: {
        year: [
          { value: '2022', count: 5 },
          { value: '2024', count: 3 },
          { value: '2023', count: 3 },
        ],
        issuer: [
          { value: '丙厅', count: 9 },
          { value: '乙厅', count: 2 },
          { value: '甲厅', count: 2 },
        ].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
        topic: [],
        validity: [{ value: 'effective', count: 40 }],
        disclosure: [],
      },
      columns: { gfxwj: 12 },
      searchAfter: ['2023-05-06', 'b'],
    });
    // a client's { body } wrapper and an empty answer read too
    expect(fromElasticsearch({ body: response }).total).to.equal(42);
    expect(fromElasticsearch(undefined)).to.deep.include({ total: 0, page: 1, size: 20, entries: [] });
  });

  it('the mapping analyses text with cjk_bigram and 发文字号 / 索引号 per character', () => {
    const { analysis } = DIRECTORY_INDEX_MAPPING.settings;
    expect(analysis.analyzer.zw_bigram.filter).to.include('zw_bigram_unigrams');
    expect(analysis.filter.zw_bigram_unigrams).to.deep.equal({ type: 'cjk_bigram', output_unigrams: true });
    expect(analysis.analyzer.zw_bigram_search.filter).to.include('cjk_bigram');
    expect(DIRECTORY_INDEX_MAPPING.mappings.properties.title).to.include({ analyzer: 'zw_bigram', search_analyzer: 'zw_bigram_search' });
    expect(DIRECTORY_INDEX_MAPPING.mappings.properties.docNo.fields.chars.analyzer).to.equal('zw_chars');
  });
});
