/**
 * The directory's search contract, shared by the element (in the page), the remote client, the
 * reference server and the Elasticsearch translation: one request shape, one result shape.
 * The remote HTTP form is `src/schema/directory-search.schema.json` (query parameters of the same names).
 */

/** A 栏目 in the 政府信息公开 column tree. */
export interface ColumnNode {
  id: string;
  name: string;
  description?: string;
  url?: string;
  children?: ColumnNode[];
}

/** The filters that show counts per value (年份, 发布机构, 主题分类, 有效性, 公开属性). */
export type FacetName = 'year' | 'issuer' | 'topic' | 'validity' | 'disclosure';
export const FACET_NAMES: readonly FacetName[] = ['year', 'issuer', 'topic', 'validity', 'disclosure'];

/** 发布日期, 成文日期, 索引号, 名称; `relevance` = title matches first, then newest 发布日期 (the default with a query). */
export type SortKey = 'relevance' | 'publishDate' | 'writtenDate' | 'indexNo' | 'title';
export type SortOrder = 'asc' | 'desc';

/** One search: every field optional; absent = no restriction. */
export interface DirectoryQuery {
  /** Search text (substring over 名称, 发文字号, 索引号, 内容概述, 关键词; folded, see fold.ts). */
  q?: string;
  /** A column id: entries of that column or any column below it. */
  column?: string;
  /** Four-digit year of 发布日期. */
  year?: string;
  /** 发布机构 name. */
  issuer?: string;
  /** 主题分类 (`category.topic`). */
  topic?: string;
  /** 有效性 value as in the policy schema (`effective`, `abolished`, …). */
  validity?: string;
  /** 公开属性 value as in the policy schema. */
  disclosure?: string;
  /** Leave out 已废止 and 已失效 documents. */
  hideInvalid?: boolean;
  /** Default: `relevance` when `q` is set, else `publishDate`. */
  sort?: SortKey;
  /** Default: `desc` for dates, `asc` for 索引号 and 名称. */
  order?: SortOrder;
  /** 1-based. Default 1. */
  page?: number;
  /** Entries per page, 1–100 in the page, default 20. */
  size?: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** What one search gives. `E` is the entry shape (the directory schema's entry). */
export interface DirectoryResult<E> {
  /** Entries matching q + column + every filter. */
  total: number;
  page: number;
  size: number;
  /** The entries of `page`, in order. */
  entries: E[];
  /**
   * Per facet, how many entries each value would give with every OTHER filter (and q, column) kept:
   * what the filter shows beside each value. Values sorted by count desc then value (year: newest first).
   */
  facets: Record<FacetName, FacetCount[]>;
  /** Per column id: entries matching q + every filter in that column or below it (the tree's counts). */
  columns: Record<string, number>;
}
