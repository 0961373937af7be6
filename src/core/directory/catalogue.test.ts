import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { DirectoryEntry } from '../../schema/types.generated.js';
import { Catalogue, buildCatalogue, buildCatalogueInSlices, entryYear } from './catalogue.js';
import { STANDARD_COLUMNS } from './columns.js';
import { foldText } from './fold.js';
import { pinyinInitials } from './pinyin.js';
import type { ColumnNode, DirectoryQuery, FacetName } from './types.js';

// The benchmark's generator (plain JS, outside src/): loaded by URL so the type checker leaves it alone.
const GENERATOR = '/scripts/directory-generator.mjs';
const generate = async (count: number, seed = 1): Promise<DirectoryEntry[]> => (await import(/* @vite-ignore */ GENERATOR)).generateEntries(count, seed);

const searchable = (e: DirectoryEntry) => [e.title, e.docNo ?? '', e.indexNo ?? '', e.summary ?? '', ...(e.keywords ?? [])];
const facetOf: Record<FacetName, (e: DirectoryEntry) => string> = {
  year: entryYear,
  issuer: (e) => e.issuer.name,
  topic: (e) => e.category?.topic ?? '',
  validity: (e) => e.validity ?? '',
  disclosure: (e) => e.disclosure ?? '',
};
const pathsOf = (columns: readonly ColumnNode[]) => {
  const paths = new Map<string, string[]>();
  const walk = (nodes: readonly ColumnNode[], above: string[]) => nodes.forEach((n) => (paths.set(n.id, [...above, n.id]), n.children && walk(n.children, [...above, n.id])));
  walk(columns, []);
  return paths;
};
const paths = pathsOf(STANDARD_COLUMNS);
const inColumn = (e: DirectoryEntry, column: string) => e.columns.some((c) => (paths.get(c) ?? [c]).includes(column));

/** The brute-force answer: every entry checked against q and the filters, leaving out `except`. */
const passes = (e: DirectoryEntry, r: DirectoryQuery, except?: FacetName | 'column') => {
  const q = foldText(r.q ?? '');
  if (q && !searchable(e).some((f) => foldText(f).includes(q))) return false;
  if (r.hideInvalid && (e.validity === 'abolished' || e.validity === 'expired')) return false;
  if (except !== 'column' && r.column && !inColumn(e, r.column)) return false;
  return (Object.keys(facetOf) as FacetName[]).every((f) => f === except || !r[f] || facetOf[f](e) === r[f]);
};

let entries: DirectoryEntry[];
let catalogue: Catalogue<DirectoryEntry>;

describe('directory Catalogue', () => {
  before(async () => {
    entries = await generate(3000, 7);
    // an entry filed under two children of 法规文件: 法规文件 counts it once
    entries.push({ ...entries[0], title: '两栏目文件', columns: ['gz', 'gfxwj'] });
    catalogue = buildCatalogue(entries, STANDARD_COLUMNS);
  });

  it('gives totals, facet counts and column counts equal to brute force for random filter combinations', async () => {
    const pick = (f: FacetName) => fc.option(fc.constantFrom(...new Set(entries.map(facetOf[f]).filter(Boolean))), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          q: fc.option(fc.constantFrom('关于', '通知', '鲁', '2019', '鲁商字 2019', '营商环境', '政务公开工作', 'mb28', '不存在的词'), { nil: undefined }),
          column: fc.option(fc.constantFrom('fdzdgknr', 'fgwj', 'gfxwj', 'zcjd', 'gknb', 'fzsx'), { nil: undefined }),
          year: pick('year'),
          issuer: pick('issuer'),
          topic: pick('topic'),
          validity: pick('validity'),
          disclosure: pick('disclosure'),
          hideInvalid: fc.boolean(),
        }),
        (request) => {
          const result = catalogue.query(request);
          expect(result.total).to.equal(entries.filter((e) => passes(e, request)).length);
          for (const f of Object.keys(facetOf) as FacetName[]) {
            const expected = new Map<string, number>();
            for (const e of entries) if (passes(e, request, f) && facetOf[f](e)) expected.set(facetOf[f](e), (expected.get(facetOf[f](e)) ?? 0) + 1);
            const got = new Map(result.facets[f].filter((c) => c.count > 0).map((c) => [c.value, c.count]));
            expect(got, f).to.deep.equal(expected);
          }
          for (const column of ['fdzdgknr', 'fgwj', 'gz', 'gfxwj', 'fzsx', 'gknb'])
            expect(result.columns[column], column).to.equal(entries.filter((e) => passes(e, request, 'column') && inColumn(e, column)).length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers a query without text or filters (counts precomputed at finish) as the same catalogue before finish', () => {
    const unfinished = new Catalogue<DirectoryEntry>(STANDARD_COLUMNS);
    for (const e of entries) unfinished.add(e);
    for (const request of [
      {},
      { hideInvalid: true },
      { page: 7, size: 13 },
      { hideInvalid: true, sort: 'title' as const, page: 3 },
      { sort: 'indexNo' as const, order: 'desc' as const },
    ]) {
      const got = catalogue.query(request);
      const expected = unfinished.query(request);
      expect(got.total, JSON.stringify(request)).to.equal(expected.total);
      expect(got.facets, JSON.stringify(request)).to.deep.equal(expected.facets);
      expect(got.columns, JSON.stringify(request)).to.deep.equal(expected.columns);
      expect(got.entries, JSON.stringify(request)).to.deep.equal(expected.entries);
    }
  });

  it('counts an entry once in a parent column even when it sits under two of its children', () => {
    const result = catalogue.query({ q: '两栏目文件' });
    expect(result.total).to.equal(1);
    expect(result.columns.gz).to.equal(1);
    expect(result.columns.gfxwj).to.equal(1);
    expect(result.columns.fgwj).to.equal(1);
    expect(result.columns.fdzdgknr).to.equal(1);
  });

  it('sorts by each key in both directions, paging through the same order', () => {
    const keyOf = {
      publishDate: (e: DirectoryEntry) => e.publishDate,
      writtenDate: (e: DirectoryEntry) => e.writtenDate ?? '',
      indexNo: (e: DirectoryEntry) => e.indexNo ?? '',
      title: (e: DirectoryEntry) => e.title,
    };
    for (const sort of Object.keys(keyOf) as (keyof typeof keyOf)[]) {
      for (const order of ['asc', 'desc'] as const) {
        for (const q of [undefined, '通知']) {
          const first = catalogue.query({ q, sort, order, size: 100 });
          const second = catalogue.query({ q, sort, order, size: 100, page: 2 });
          const keys = [...first.entries, ...second.entries].map(keyOf[sort]);
          for (let i = 1; i < keys.length; i++) expect(order === 'asc' ? keys[i - 1] <= keys[i] : keys[i - 1] >= keys[i], `${sort} ${order} ${q} at ${i}`).to.equal(true);
          expect(new Set([...first.entries, ...second.entries]).size).to.equal(first.entries.length + second.entries.length);
        }
      }
    }
  });

  it('ranks title matches first, then by 发布日期 newest first', () => {
    const result = catalogue.query({ q: '营商环境', size: 100 });
    const inTitle = catalogue.query({ q: '营商环境', size: 100 }).entries.map((e) => foldText(e.title).includes('营商环境'));
    const firstOther = inTitle.indexOf(false);
    expect(firstOther).to.be.greaterThan(0);
    expect(inTitle.slice(firstOther).every((t) => !t)).to.equal(true);
    const titled = entries.filter((e) => e.title.includes('营商环境')).length;
    // the page after the title matches starts with non-title matches, newest first
    const page = Math.floor(titled / 20) + 1;
    const at = catalogue.query({ q: '营商环境', page, size: 20 }).entries;
    const offset = titled - (page - 1) * 20;
    expect(at.slice(offset).every((e) => !e.title.includes('营商环境'))).to.equal(true);
    expect(at.slice(0, offset).every((e) => e.title.includes('营商环境'))).to.equal(true);
    const dates = result.entries.slice(0, firstOther).map((e) => e.publishDate);
    expect([...dates].sort().reverse()).to.deep.equal(dates);
    // relevance totals and pages cover every match exactly once
    const all = new Set<DirectoryEntry>();
    const total = catalogue.query({ q: '营商环境' }).total;
    for (let p = 1; p <= Math.ceil(total / 100); p++) catalogue.query({ q: '营商环境', page: p, size: 100 }).entries.forEach((e) => all.add(e));
    expect(all.size).to.equal(total);
  });

  it('clamps page and size, and defaults the sort', () => {
    const total = catalogue.query({}).total;
    expect(catalogue.query({ page: 0 }).page).to.equal(1);
    const last = catalogue.query({ page: 10_000, size: 100 });
    expect(last.page).to.equal(Math.ceil(total / 100));
    expect(last.entries.length).to.equal(total - (last.page - 1) * 100);
    expect(catalogue.query({ size: 1000 }).size).to.equal(100);
    expect(catalogue.query({ size: 0 }).size).to.equal(20);
    const none = catalogue.query({ q: '不存在的词' });
    expect([none.total, none.page, none.entries.length]).to.deep.equal([0, 1, 0]);
    const dates = catalogue.query({}).entries.map((e) => e.publishDate);
    expect([...dates].sort().reverse()).to.deep.equal(dates);
  });

  it('hides 已废止 and 已失效 with hideInvalid', () => {
    const all = catalogue.query({ size: 100 });
    const shown = catalogue.query({ hideInvalid: true, size: 100 });
    const invalid = entries.filter((e) => e.validity === 'abolished' || e.validity === 'expired').length;
    expect(invalid).to.be.greaterThan(0);
    expect(shown.total).to.equal(all.total - invalid);
    expect(shown.entries.some((e) => e.validity === 'abolished' || e.validity === 'expired')).to.equal(false);
    expect(shown.facets.validity.map((c) => c.value)).to.not.include('abolished');
  });

  it('keeps a selected filter value in its facet even when nothing matches, and years newest first', () => {
    const result = catalogue.query({ q: '不存在的词', issuer: '山东省商务厅' });
    expect(result.facets.issuer).to.deep.equal([{ value: '山东省商务厅', count: 0 }]);
    const years = catalogue.query({}).facets.year.map((c) => c.value);
    expect([...years].sort().reverse()).to.deep.equal(years);
    const issuers = catalogue.query({}).facets.issuer.map((c) => c.count);
    expect([...issuers].sort((a, b) => b - a)).to.deep.equal(issuers);
  });

  it('builds in slices: several slices, queryable from the first, same answers as the one-go build', async () => {
    const big = await generate(20000, 3);
    let slices = 0;
    let early: number | undefined;
    const sliced = await buildCatalogueInSlices(big, STANDARD_COLUMNS, {
      accept: (_e, i) => i % 100 !== 0,
      onSlice: (_done, total, partial) => {
        slices++;
        expect(total).to.equal(20000);
        if (early === undefined) early = partial.query({ q: '通知' }).total + partial.size * 0;
      },
    });
    expect(slices).to.be.greaterThan(3);
    expect(early).to.be.a('number');
    expect(sliced.size).to.equal(19800);
    const oneGo = buildCatalogue(big, STANDARD_COLUMNS, { accept: (_e, i) => i % 100 !== 0 });
    for (const request of [{ q: '关于印发' }, { q: '2019', sort: 'title' as const }, { column: 'fgwj', sort: 'indexNo' as const, order: 'desc' as const }])
      expect(sliced.query(request)).to.deep.equal(oneGo.query(request));
  });

  it('rejects with an AbortError when the signal aborts', async () => {
    const big = await generate(20000, 4);
    const controller = new AbortController();
    const build = buildCatalogueInSlices(big, STANDARD_COLUMNS, { signal: controller.signal, onSlice: () => controller.abort() });
    let error: unknown;
    await build.catch((e) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('matches titles by 拼音首字母 once initials are added after the build', async () => {
    const small = new Catalogue<DirectoryEntry>(STANDARD_COLUMNS);
    for (const e of entries.slice(0, 500)) small.add(e);
    small.add({ ...entries[0], title: '黔桂滇闽政务公开', summary: '', keywords: [] });
    small.finish();
    expect(small.query({ q: 'zwgk' }).total).to.equal(0);
    await small.addInitials(pinyinInitials, { sliceMs: 1 });
    expect(small.query({ q: 'qgdm' }).entries.map((e) => e.title)).to.deep.equal(['黔桂滇闽政务公开']);
    const result = small.query({ q: 'zwgk' });
    expect(result.total).to.be.greaterThan(1);
    expect(result.total).to.equal(small.entries.filter((e) => pinyinInitials(e.title).includes('zwgk') || searchable(e).some((f) => foldText(f).includes('zwgk'))).length);
    expect(small.query({ q: 'z' }).total, 'one letter does not search initials').to.equal(0);
    // later entries get initials too
    small.add({ ...entries[0], title: '财政预算公开', summary: '', keywords: [] });
    expect(small.query({ q: 'czys' }).entries.map((e) => e.title)).to.include('财政预算公开');
  });

  it('sorts by 名称 and 索引号 exactly (code unit order, ties by id): shared prefixes, equal and empty values, surrogate pairs', () => {
    const piece = fc.constantFrom('', '关于', '关', '通知', 'a', 'A', 'ab', '11370100MB28696235/', '2020-001', '2020-0012', '𠀀', '\uffff', '-');
    const value = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ title: value, indexNo: value }), { minLength: 1, maxLength: 90 }), (values) => {
        const list = values.map((v, i) => ({ ...entries[i % entries.length], title: v.title, indexNo: v.indexNo }));
        const built = buildCatalogue(list, STANDARD_COLUMNS);
        for (const sort of ['title', 'indexNo'] as const) {
          const expected = list.map((_, i) => i).sort((a, b) => (list[a][sort]! < list[b][sort]! ? -1 : list[a][sort]! > list[b][sort]! ? 1 : a - b));
          const got = built.query({ sort, order: 'asc', size: 100 }).entries.map((e) => list.indexOf(e));
          expect(got, sort).to.deep.equal(expected);
          expect(
            built.query({ sort, order: 'desc', size: 100 }).entries.map((e) => list.indexOf(e)),
            `${sort} desc`,
          ).to.deep.equal([...expected].reverse());
        }
      }),
      { numRuns: 120 },
    );
  });

  it('counts exactly when most entries match (counted as the whole catalogue minus the rest)', () => {
    for (const q of ['的', '关', '通', '于']) {
      for (const hideInvalid of [false, true]) {
        const request = { q, hideInvalid };
        const result = catalogue.query(request);
        expect(result.total, q).to.equal(entries.filter((e) => passes(e, request)).length);
        for (const f of Object.keys(facetOf) as FacetName[]) {
          const expected = new Map<string, number>();
          for (const e of entries) if (passes(e, request) && facetOf[f](e)) expected.set(facetOf[f](e), (expected.get(facetOf[f](e)) ?? 0) + 1);
          expect(new Map(result.facets[f].filter((c) => c.count > 0).map((c) => [c.value, c.count])), `${q} ${f}`).to.deep.equal(expected);
        }
        for (const column of ['fdzdgknr', 'fgwj', 'gz', 'gfxwj', 'gknb'])
          expect(result.columns[column], `${q} ${column}`).to.equal(entries.filter((e) => passes(e, request) && inColumn(e, column)).length);
        const titled = result.entries.filter((e) => foldText(e.title).includes(q)).length;
        expect(
          result.entries.slice(0, titled).every((e) => foldText(e.title).includes(q)),
          `${q}: title matches first`,
        ).to.equal(true);
      }
    }
    expect(catalogue.query({ q: '的' }).total * 2, 'the case is exercised').to.be.greaterThan(entries.length);
  });

  it('logs the longest main-thread task while building 100k entries in slices (longtask API; no assertion on time)', async function () {
    this.timeout(120000);
    const big = await generate(100000, 1);
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ entryTypes: ['longtask'] });
    let slices = 0;
    const start = performance.now();
    const built = await buildCatalogueInSlices(big, STANDARD_COLUMNS, { onSlice: () => slices++ });
    const total = performance.now() - start;
    // long-task entries are delivered after the task: wait for the observer's next delivery or a quiet moment
    await new Promise((resolve) => setTimeout(resolve, 100));
    tasks.push(...observer.takeRecords());
    observer.disconnect();
    const during = tasks.filter((t) => t.startTime >= start).map((t) => t.duration);
    const longest = Math.max(0, ...during);
    expect(built.size).to.equal(100000);
    console.log(
      `[directory bench] 100k in slices: ${total.toFixed(0)} ms, ${slices} slices, longest task ${longest ? `${longest.toFixed(0)} ms` : '< 50 ms'} (${during.length} over 50 ms)`,
    );
  });

  it('logs build time and query latency for 20k generated entries (no assertion on time)', async () => {
    const big = await generate(20000, 5);
    const start = performance.now();
    const built = buildCatalogue(big, STANDARD_COLUMNS);
    const buildMs = performance.now() - start;
    const queries = ['通', '通知', '关于印发', '鲁商字', '2019', '鲁商字〔2019〕', '营商环境', '11370100MB', '2020-00', '政务公开工作', '行政处罚决定书', '号', '市场监管'];
    const times: number[] = [];
    for (let rep = 0; rep < 5; rep++)
      for (const q of queries) {
        const t = performance.now();
        built.query({ q, hideInvalid: rep % 2 === 1, column: rep === 2 ? 'fgwj' : undefined });
        times.push(performance.now() - t);
      }
    times.sort((a, b) => a - b);
    console.log(
      `[directory bench] 20k entries: build ${buildMs.toFixed(0)} ms, ${(built.byteSize() / 1e6).toFixed(1)} MB; query p50 ${times[times.length >> 1].toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms`,
    );
  });
});
