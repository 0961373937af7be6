/**
 * The directory search contract translated into the Elasticsearch / OpenSearch query DSL, for portals that
 * already run one: create the index with `DIRECTORY_INDEX_MAPPING`, index each entry as
 * `toElasticsearchDocument(entry, columns)`, then per request
 *
 *   const { index, body } = toElasticsearch(paramsToQuery(url.searchParams), { index: 'directory' });
 *   const response = await client.search({ index, body });        // or POST /<index>/_search with `body`
 *   res.end(JSON.stringify(fromElasticsearch(response, query)));  // the same JSON the reference server answers
 *
 * Text: Chinese has no spaces, and word-segmenting analysers miss substrings across word boundaries. Title,
 * 内容概述 and 关键词 are indexed with the `cjk_bigram` filter (unigrams kept at index time, so one-character
 * queries match) and searched with `match_phrase`, so the query's bigrams must be adjacent and in order:
 * 政务公开 finds 推进政务公开工作 but not 政务信息公开. 发文字号 and 索引号 are indexed one letter/digit per
 * position (`zw_chars`: punctuation, brackets and spaces dropped), so 鲁商字[2019]12号 finds 鲁商字〔2019〕12号
 * and 2020-00757 finds 11370100MB28696235/2020-00757. Ranking: a title match (3) over a match elsewhere (1), then
 * newest 发布日期 — as the in-page index ranks.
 *
 * Known limit of bigrams (documented, not hidden): a query in which two or more Chinese characters are followed
 * directly by letters or digits (公开2019) can miss in title/summary/keywords, because the index puts the
 * trailing unigram between them; such strings are usually 发文字号, which the `zw_chars` fields match exactly.
 */
import { columnPaths } from '../core/directory/columns.js';
import { DEFAULT_SIZE, INVALID_VALIDITIES, effectiveSort, normalizeQuery } from '../core/directory/contract.js';
import { FACET_NAMES, type ColumnNode, type DirectoryQuery, type DirectoryResult, type FacetCount, type FacetName } from '../core/directory/types.js';
import type { DirectoryEntry } from '../schema/types.generated.js';

/** Elasticsearch's default `index.max_result_window`: `from + size` beyond it needs `search_after`. */
export const MAX_RESULT_WINDOW = 10_000;

/** The field a filter or a facet uses, per facet (year is a range / histogram on 发布日期). */
export const FACET_FIELDS: Record<Exclude<FacetName, 'year'>, string> = {
  issuer: 'issuer.name',
  topic: 'category.topic',
  validity: 'validity',
  disclosure: 'disclosure',
};

/** Index settings and mappings to create the index with (`PUT /<index>` with this body). */
export const DIRECTORY_INDEX_MAPPING = {
  settings: {
    analysis: {
      analyzer: {
        /** Index side: letters/digits as words, every Chinese character and every adjacent pair. */
        zw_bigram: { type: 'custom', tokenizer: 'standard', filter: ['cjk_width', 'lowercase', 'zw_bigram_unigrams'] },
        /** Search side: pairs only (a lone character stays one), matched with match_phrase. */
        zw_bigram_search: { type: 'custom', tokenizer: 'standard', filter: ['cjk_width', 'lowercase', 'cjk_bigram'] },
        /** 发文字号 / 索引号: one letter or digit per position; brackets, spaces and punctuation dropped. */
        zw_chars: { type: 'custom', tokenizer: 'zw_char', filter: ['cjk_width', 'lowercase'] },
      },
      tokenizer: { zw_char: { type: 'ngram', min_gram: 1, max_gram: 1, token_chars: ['letter', 'digit'] } },
      filter: { zw_bigram_unigrams: { type: 'cjk_bigram', output_unigrams: true } },
    },
  },
  mappings: {
    // Only what is searched, filtered, sorted or counted is indexed; every other field is kept in _source.
    dynamic: false,
    properties: {
      id: { type: 'keyword' },
      title: { type: 'text', analyzer: 'zw_bigram', search_analyzer: 'zw_bigram_search', fields: { sort: { type: 'keyword', ignore_above: 1024 } } },
      summary: { type: 'text', analyzer: 'zw_bigram', search_analyzer: 'zw_bigram_search' },
      keywords: { type: 'text', analyzer: 'zw_bigram', search_analyzer: 'zw_bigram_search' },
      docNo: { type: 'keyword', fields: { chars: { type: 'text', analyzer: 'zw_chars' } } },
      indexNo: { type: 'keyword', fields: { chars: { type: 'text', analyzer: 'zw_chars' } } },
      issuer: { properties: { name: { type: 'keyword' }, code: { type: 'keyword' } } },
      category: { properties: { topic: { type: 'keyword' } } },
      validity: { type: 'keyword' },
      disclosure: { type: 'keyword' },
      writtenDate: { type: 'date', format: 'yyyy-MM-dd' },
      publishDate: { type: 'date', format: 'yyyy-MM-dd' },
      effectiveDate: { type: 'date', format: 'yyyy-MM-dd' },
      abolishDate: { type: 'date', format: 'yyyy-MM-dd' },
      /** The entry's own column ids. */
      columns: { type: 'keyword' },
      /** Its column ids and every ancestor's (see toElasticsearchDocument): column filter and tree counts. */
      columnPath: { type: 'keyword' },
    },
  },
} as const;

export interface ElasticsearchOptions {
  /** Index name, returned as `index` for the caller's client. */
  index?: string;
  /**
   * The `sort` values of the last hit of the previous page (`hits.hits.at(-1).sort`, also returned by
   * `fromElasticsearch` as `searchAfter`). Needed when `page * size` exceeds 10 000 (`max_result_window`):
   * the request then uses `search_after` instead of `from`. Pages past the window can only be reached one
   * after another — keep the last sort values per (query, page), or raise `max_result_window`.
   */
  searchAfter?: readonly (string | number | null)[];
  /** Largest number of values counted per facet (issuer may have thousands). Default 200. */
  facetSize?: number;
  /** Largest number of columns counted. Default 1000. */
  columnCount?: number;
  /** Unique keyword field ending every sort, for stable pages and `search_after`. Default `id`. */
  tieBreaker?: string;
}

export interface ElasticsearchRequest {
  index?: string;
  body: Record<string, unknown>;
  /** `from + size` is past 10 000 and no `searchAfter` was given: Elasticsearch will refuse `from` (unless the window was raised). */
  beyondWindow: boolean;
}

type Clause = Record<string, unknown>;

/** The filter clauses of one facet's value (and of the column). */
function filterOf(name: FacetName | 'column', value: string): Clause {
  if (name === 'column') return { term: { columnPath: value } };
  if (name === 'year') return { range: { publishDate: { gte: `${value}-01-01`, lte: `${value}-12-31`, format: 'yyyy-MM-dd' } } };
  return { term: { [FACET_FIELDS[name]]: value } };
}

/** The text clause: a title match scores 3, a match in 内容概述 / 关键词 / 发文字号 / 索引号 scores 1. */
function textClause(q: string): Clause {
  return {
    dis_max: {
      queries: [
        { constant_score: { filter: { match_phrase: { title: { query: q } } }, boost: 3 } },
        { constant_score: { filter: { multi_match: { query: q, type: 'phrase', fields: ['summary', 'keywords', 'docNo.chars', 'indexNo.chars'] } }, boost: 1 } },
      ],
    },
  };
}

const SORT_FIELDS = { publishDate: 'publishDate', writtenDate: 'writtenDate', indexNo: 'indexNo', title: 'title.sort' } as const;

/**
 * The search request for one query. Shape: `query` holds what every count shares (q, hideInvalid);
 * `post_filter` holds the column and the facet filters, so the hits obey them but the aggregations do not;
 * each facet's aggregation is a `filter` aggregation with every OTHER filter — the counts the filters show
 * beside each value (and the in-page index computes); `columns` counts with every facet filter but not the column.
 */
export function toElasticsearch(query: DirectoryQuery, options: ElasticsearchOptions = {}): ElasticsearchRequest {
  const q = normalizeQuery(query);
  const page = q.page ?? 1;
  const size = q.size ?? DEFAULT_SIZE;
  const tieBreaker = options.tieBreaker ?? 'id';
  const facetSize = options.facetSize ?? 200;

  const must: Clause[] = q.q && q.q.trim() ? [textClause(q.q)] : [];
  const mustNot: Clause[] = q.hideInvalid ? [{ terms: { validity: [...INVALID_VALIDITIES] } }] : [];
  const base: Clause = { bool: { ...(must.length ? { must } : {}), ...(mustNot.length ? { must_not: mustNot } : {}) } };
  const query_ = must.length || mustNot.length ? base : { match_all: {} };

  const active: [FacetName | 'column', Clause][] = [];
  if (q.column) active.push(['column', filterOf('column', q.column)]);
  for (const name of FACET_NAMES) {
    const value = q[name];
    if (value) active.push([name, filterOf(name, value)]);
  }
  const allBut = (skip: FacetName | 'column'): Clause => {
    const filters = active.filter(([name]) => name !== skip).map(([, clause]) => clause);
    return filters.length ? { bool: { filter: filters } } : { match_all: {} };
  };

  const aggs: Record<string, Clause> = {};
  for (const name of FACET_NAMES) {
    const values: Clause =
      name === 'year'
        ? { date_histogram: { field: 'publishDate', calendar_interval: 'year', format: 'yyyy', min_doc_count: 1, order: { _key: 'desc' } } }
        : { terms: { field: FACET_FIELDS[name], size: facetSize, order: [{ _count: 'desc' }, { _key: 'asc' }] } };
    aggs[`facet_${name}`] = { filter: allBut(name), aggs: { values } };
  }
  aggs.columns = { filter: allBut('column'), aggs: { values: { terms: { field: 'columnPath', size: options.columnCount ?? 1000 } } } };

  const { sort: key, order } = effectiveSort(q);
  const sort: Clause[] =
    key === 'relevance'
      ? [{ _score: { order: 'desc' } }, { publishDate: { order: 'desc', missing: '_last' } }]
      : [{ [SORT_FIELDS[key]]: { order, missing: '_last' } }, ...(key === 'publishDate' ? [] : [{ publishDate: { order: 'desc', missing: '_last' } }])];
  sort.push({ [tieBreaker]: { order: 'asc' } });

  const from = (page - 1) * size;
  const beyondWindow = from + size > MAX_RESULT_WINDOW;
  const body: Record<string, unknown> = {
    query: query_,
    ...(active.length ? { post_filter: { bool: { filter: active.map(([, clause]) => clause) } } } : {}),
    aggs,
    sort,
    size,
    ...(options.searchAfter && beyondWindow ? { search_after: [...options.searchAfter] } : { from }),
    track_total_hits: true,
    _source: { excludes: ['columnPath'] },
  };
  return { ...(options.index ? { index: options.index } : {}), body, beyondWindow: beyondWindow && !options.searchAfter };
}

/** An entry as indexed: the entry plus `columnPath` (its columns and all their ancestors, for the column filter and counts). */
export function toElasticsearchDocument<E extends DirectoryEntry>(entry: E, columns: readonly ColumnNode[]): E & { columnPath: string[] } {
  const paths = columnPaths(columns as ColumnNode[]);
  const ids = new Set<string>();
  for (const id of entry.columns ?? []) for (const step of paths.get(id) ?? [id]) ids.add(step);
  return { ...entry, columnPath: [...ids] };
}

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}
interface SearchResponse {
  hits?: { total?: number | { value?: number }; hits?: { _source?: unknown; sort?: (string | number | null)[] }[] };
  aggregations?: Record<string, { values?: { buckets?: Bucket[] } } | undefined>;
}

/** The contract's order: count desc, then value (years newest first). */
const byCount = (name: FacetName) => (a: FacetCount, b: FacetCount) =>
  b.count - a.count || (name === 'year' ? b.value.localeCompare(a.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * A search response (the client's `response.body` or the parsed JSON) as the contract's `DirectoryResult`;
 * `query` gives page and size. `searchAfter` is the last hit's sort values, for the next page past 10 000.
 * Missing parts read as empty rather than throwing (a cluster answering partially).
 */
export function fromElasticsearch<E = DirectoryEntry>(response: unknown, query: DirectoryQuery = {}): DirectoryResult<E> & { searchAfter?: (string | number | null)[] } {
  const r = ((response as { body?: unknown })?.body && !(response as SearchResponse).hits ? (response as { body: unknown }).body : response) as SearchResponse;
  const q = normalizeQuery(query);
  const total = typeof r?.hits?.total === 'number' ? r.hits.total : (r?.hits?.total?.value ?? 0);
  const hits = Array.isArray(r?.hits?.hits) ? r.hits.hits : [];
  const buckets = (name: string): Bucket[] => r?.aggregations?.[name]?.values?.buckets ?? [];
  const facets = {} as Record<FacetName, FacetCount[]>;
  for (const name of FACET_NAMES) {
    facets[name] = buckets(`facet_${name}`)
      .filter((b) => b.doc_count > 0)
      .map((b) => ({ value: String(name === 'year' ? (b.key_as_string ?? new Date(Number(b.key)).getUTCFullYear()) : b.key), count: b.doc_count }))
      .sort(byCount(name));
  }
  const columns: Record<string, number> = {};
  for (const b of buckets('columns')) columns[String(b.key)] = b.doc_count;
  const last = hits[hits.length - 1];
  return {
    total,
    page: q.page ?? 1,
    size: q.size ?? DEFAULT_SIZE,
    entries: hits.map((h) => h._source as E),
    facets,
    columns,
    ...(last?.sort ? { searchAfter: last.sort } : {}),
  };
}
