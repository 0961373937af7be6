/**
 * TEMPORARY STUB (element-helper): stands in for src/core/directory/catalogue.ts until the index helper's lands.
 * A plain scan with the contract's shapes. DELETE when catalogue.ts exists.
 */
import { foldText, foldedIncludes } from '../../core/directory/fold.js';
import { columnPaths } from '../../core/directory/columns.js';
import { effectiveSort, INVALID_VALIDITIES } from '../../core/directory/contract.js';
import { FACET_NAMES, type ColumnNode, type DirectoryQuery, type DirectoryResult, type FacetName } from '../../core/directory/types.js';
import type { DirectoryEntry } from '../../schema/types.generated.js';

const facetValue = (e: DirectoryEntry, f: FacetName) =>
  f === 'year' ? e.publishDate.slice(0, 4) : f === 'issuer' ? e.issuer.name : f === 'topic' ? e.category?.topic : f === 'validity' ? e.validity : e.disclosure;

export class Catalogue<E extends DirectoryEntry> {
  entries: E[] = [];
  private initials?: (s: string) => string;
  constructor(private readonly columns: readonly ColumnNode[]) {}
  get size() {
    return this.entries.length;
  }
  add(entry: E) {
    this.entries.push(entry);
  }
  enableInitials(f: (s: string) => string) {
    this.initials = f;
  }
  query(q: DirectoryQuery): DirectoryResult<E> {
    const paths = columnPaths(this.columns);
    const folded = q.q ? foldText(q.q) : '';
    const textOk = (e: E) =>
      !folded ||
      [e.title, e.docNo, e.indexNo, e.summary, ...(e.keywords ?? [])].some((f) => f && foldedIncludes(f, folded)) ||
      (!!this.initials && this.initials(e.title).toLowerCase().includes(folded));
    const inColumn = (e: E, c?: string) => !c || e.columns.some((id) => (paths.get(id) ?? [id]).includes(c));
    const passes = (e: E, skip?: FacetName) =>
      FACET_NAMES.every((f) => f === skip || !q[f] || facetValue(e, f) === q[f]) && !(q.hideInvalid && INVALID_VALIDITIES.includes(e.validity as never));
    const base = this.entries.filter(textOk);
    const matching = base.filter((e) => inColumn(e, q.column) && passes(e));
    const { sort, order } = effectiveSort(q);
    const key = (e: E) => (sort === 'relevance' ? (folded && foldedIncludes(e.title, folded) ? '1' : '0') + e.publishDate : sort === 'title' ? e.title : ((e as never)[sort] ?? ''));
    const dir = sort === 'relevance' ? -1 : order === 'asc' ? 1 : -1;
    matching.sort((a, b) => dir * String(key(a)).localeCompare(String(key(b)), 'zh-CN'));
    const size = q.size ?? 20;
    const page = q.page ?? 1;
    const facets = {} as DirectoryResult<E>['facets'];
    for (const f of FACET_NAMES) {
      const counts = new Map<string, number>();
      for (const e of base) if (inColumn(e, q.column) && passes(e, f)) { const v = facetValue(e, f); if (v) counts.set(v, (counts.get(v) ?? 0) + 1); }
      facets[f] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => (f === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
    }
    const columns: Record<string, number> = {};
    for (const e of base) if (passes(e)) { const seen = new Set<string>(); for (const id of e.columns) for (const p of paths.get(id) ?? [id]) seen.add(p); for (const p of seen) columns[p] = (columns[p] ?? 0) + 1; }
    return { total: matching.length, page, size, entries: matching.slice((page - 1) * size, page * size), facets, columns };
  }
}

export async function buildCatalogueInSlices<E extends DirectoryEntry>(
  entries: readonly E[],
  columns: readonly ColumnNode[],
  o: { accept?(e: unknown, i: number): boolean; signal?: AbortSignal; onSlice?(done: number, total: number): void } = {},
): Promise<Catalogue<E>> {
  const c = new Catalogue<E>(columns);
  for (let i = 0; i < entries.length; i++) {
    if (o.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (!o.accept || o.accept(entries[i], i)) c.add(entries[i]);
    if (i % 500 === 499) {
      o.onSlice?.(i + 1, entries.length);
      await new Promise((r) => setTimeout(r));
    }
  }
  o.onSlice?.(entries.length, entries.length);
  await new Promise((r) => setTimeout(r));
  if (o.signal?.aborted) throw new DOMException('aborted', 'AbortError');
  return c;
}
