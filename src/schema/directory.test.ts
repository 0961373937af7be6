import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../core/rules/directory.js';
import seeds from '../../demo/data/directory-seeds.json' with { type: 'json' };
import { checkDirectoryEntry, checkDirectoryShell } from '../core/directory/entries-check.js';
import { columnPaths, STANDARD_COLUMNS } from '../core/directory/columns.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import directorySchema from './directory.schema.json' with { type: 'json' };
import policySchema from './policy.schema.json' with { type: 'json' };
import commonSchema from './common.schema.json' with { type: 'json' };
import { isError } from './issues.js';
import { labelOfPath } from './messages.js';
import type { Column, DirectoryDocument, DirectoryEntry } from './types.generated.js';
import { HANDLED_KEYWORDS, validateDefinition, validateSchema } from './validate.js';

type Schema = Record<string, unknown>;
const zhLabel = (path: string) => withLocale('zh-CN', () => labelOfPath(path, 'directory'));

// The generated types, by name: a change of name or shape breaks this file's type check.
const typed: DirectoryDocument = seeds as DirectoryDocument;
const firstEntry: DirectoryEntry = typed.entries![0];
const column: Column = { id: 'gz', name: '规章', children: [{ id: 'gz-sd', name: '省政府规章' }] };

describe('the directory document kind', () => {
  before(() => Promise.all([loadLocale('en'), loadLocale('zh-Hant')]));

  it('accepts the sample directory: shell and every entry, with no error', () => {
    const result = checkDirectoryShell(seeds);
    expect(result.issues).to.deep.equal([]);
    expect(result.document!.entries).to.have.length.greaterThan(30);
    const known = columnPaths(STANDARD_COLUMNS);
    const errors = typed.entries!.flatMap((e, i) => checkDirectoryEntry(e, i, known)).filter(isError);
    expect(errors).to.deep.equal([]);
    expect(firstEntry.columns).to.deep.equal(['gkzd']);
    expect(validateDefinition('directory.schema.json', '/$defs/column', column)).to.deep.equal([]);
  });

  it('covers the columns, validities, years and 公开属性 a directory needs to show', () => {
    const entries = typed.entries!;
    const inColumn = new Set(entries.flatMap((e) => e.columns));
    for (const id of ['gkzn', 'gkzd', 'gz', 'gfxwj', 'fzsx', 'ghxx', 'yjs', 'xzxk', 'xzcf', 'zcjd', 'ysqgk', 'gknb']) expect([...inColumn], id).to.include(id);
    expect([...new Set(entries.map((e) => e.validity))]).to.include.members(['effective', 'abolished', 'expired', 'amended', undefined]);
    for (const e of entries.filter((e) => e.validity === 'abolished' || e.validity === 'expired')) expect(e.abolishDate, e.title).to.be.a('string');
    expect([...new Set(entries.map((e) => e.disclosure))]).to.include.members(['proactive', 'on-request']);
    const years = new Set(entries.map((e) => e.publishDate.slice(0, 4)));
    for (let y = 2017; y <= 2026; y++) expect([...years], String(y)).to.include(String(y));
    expect(new Set(entries.map((e) => e.issuer.name)).size).to.be.greaterThan(5);
    // the seeds' real metadata
    const jinan = entries.find((e) => e.indexNo === '11370100MB28696235/2020-00757')!;
    expect([jinan.title, jinan.writtenDate, jinan.publishDate, jinan.issuer.name]).to.deep.equal([
      '关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知',
      '2020-09-16',
      '2020-09-16',
      '济南市市场监督管理局',
    ]);
    expect(entries.some((e) => e.docNo === '鲁商字〔2019〕12号')).to.equal(true);
  });

  it('defines each entry field once: as a $ref to the policy field of the same name', () => {
    const entry = (directorySchema.$defs.entry as Schema).properties as Record<string, Schema>;
    const policyFields = policySchema.properties as Record<string, Schema>;
    for (const [name, node] of Object.entries(entry)) {
      if (name === 'columns') continue;
      expect(node.$ref, name).to.equal(`policy.schema.json#/properties/${name}`);
      expect(policyFields, name).to.have.property(name);
      // only annotations beside the reference
      expect(
        Object.keys(node).filter((k) => !['$ref', 'title', 'description'].includes(k)),
        name,
      ).to.deep.equal([]);
    }
    expect(Object.keys(entry)).to.include.members(['id', 'title', 'indexNo', 'docNo', 'issuer', 'category', 'writtenDate', 'publishDate', 'effectiveDate', 'abolishDate']);
    expect(Object.keys(entry)).to.include.members(['validity', 'disclosure', 'keywords', 'summary', 'url', 'interpretationUrl', 'infographicUrl', 'columns']);
    expect((directorySchema.properties.remote as Schema).$ref).to.equal('common.schema.json#/$defs/url');
  });

  it('gives every property a Chinese title and uses only keywords turned into issues', () => {
    const files: Record<string, Schema> = { 'directory.schema.json': directorySchema, 'policy.schema.json': policySchema, 'common.schema.json': commonSchema };
    const titleOf = (node: Schema): string | undefined => {
      if (typeof node.title === 'string') return node.title;
      if (typeof node.$ref !== 'string') return undefined;
      const [file, fragment] = node.$ref.split('#');
      let target: unknown = files[file || 'directory.schema.json'];
      for (const part of fragment.split('/').filter(Boolean)) target = (target as Schema)[part];
      return titleOf(target as Schema);
    };
    const used = new Set<string>();
    const walk = (node: unknown, where: string) => {
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node as Schema)) {
        used.add(key);
        if (key === 'properties') {
          for (const [name, child] of Object.entries(value as Record<string, Schema>)) {
            expect(titleOf(child), `${where}/${name}`).to.match(/[\u4e00-\u9fff]/);
            walk(child, `${where}/${name}`);
          }
        } else if (key === 'items' || key === '$defs' || key === 'anyOf') Object.values(value as Schema).forEach((v) => walk(key === 'items' ? value : v, where));
      }
    };
    walk(directorySchema, '');
    const neverFail = [
      '$schema',
      '$id',
      '$ref',
      '$defs',
      'title',
      'description',
      'properties',
      'items',
      'x-zw-code',
      'tsType',
      'id',
      'name',
      'children',
      'columns',
      'entry',
      'column',
    ];
    expect([...used].filter((k) => !neverFail.includes(k) && !(HANDLED_KEYWORDS as readonly string[]).includes(k))).to.deep.equal([]);
  });

  it('names the fields of entries and columns in Chinese', () => {
    const expected: Record<string, string> = {
      '/title': '目录名称',
      '/issuer/name': '公开主体 · 名称',
      '/remote': '检索服务地址',
      '/entries': '目录项',
      '/entries/2': '第 3 条目录项',
      '/entries/2/publishDate': '第 3 条目录项 · 发布日期',
      '/entries/2/title': '第 3 条目录项 · 标题',
      '/entries/2/issuer/name': '第 3 条目录项 · 发布机构 · 名称',
      '/entries/2/url': '第 3 条目录项 · 原文链接',
      '/entries/2/columns/0': '第 3 条目录项 · 所属栏目 1',
      '/entries/2/category/topic': '第 3 条目录项 · 分类 · 主题分类',
      '/entries/2/indexNo': '第 3 条目录项 · 索引号',
      '/columns/1/id': '栏目 2 · 栏目标识',
      '/columns/1/children/0/name': '栏目 2 · 子栏目 1 · 栏目名称',
      '/columns/1/children/0/children/3/url': '栏目 2 · 子栏目 1 · 子栏目 4 · 栏目地址',
    };
    for (const [path, label] of Object.entries(expected)) expect(zhLabel(path), path).to.equal(label);
    // every field of an entry and a column, at any depth: no raw English key
    const fields = [...Object.keys((directorySchema.$defs.entry as Schema).properties as Schema), ...Object.keys(directorySchema.properties)];
    for (const key of fields) expect(zhLabel(`/entries/0/${key}`), key).to.not.match(/[A-Za-z]/);
    for (const key of Object.keys(directorySchema.properties)) expect(zhLabel(`/${key}`), key).to.not.match(/[A-Za-z]/);
    for (const key of Object.keys((directorySchema.$defs.column as Schema).properties as Schema)) {
      expect(zhLabel(`/columns/0/${key}`), key).to.not.match(/[A-Za-z]/);
      expect(zhLabel(`/columns/0/children/0/children/1/${key}`), key).to.not.match(/[A-Za-z]/);
    }
    // the same keys keep their names in other kinds
    expect(withLocale('zh-CN', () => [labelOfPath('/title', 'policy'), labelOfPath('/url', 'policy'), labelOfPath('/columns/0')])).to.deep.equal(['标题', '原文链接', 'columns 1']);
    expect(withLocale('en', () => labelOfPath('/entries/0/publishDate', 'directory'))).to.match(/ · Publication date$/);
  });

  it('the quick check of an entry never passes what the full validator refuses (property test)', () => {
    const base = seeds.entries as Record<string, unknown>[];
    const keys = [...Object.keys((directorySchema.$defs.entry as Schema).properties as Schema), 'body', 'type'];
    const value = fc.oneof(
      fc.constantFrom('', ' ', '2020-02-29', '2021-02-29', '2020-13-01', '20200101', 'javascript:x', 'http://a b', '/x', 'gz', '规章', 'effective', 'abolished', 'on-request'),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.oneof(fc.constantFrom('gz', 'gz', 'gfxwj', 'a b', ''), fc.string(), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('name', 'code', 'url', 'topic', 'group', 'x'), fc.oneof(fc.string(), fc.constantFrom('某局', '11370100MB28696235', 'javascript:x'))),
    );
    const change = fc.tuple(fc.constantFrom(...keys), fc.oneof(value, fc.constant(undefined)));
    fc.assert(
      fc.property(fc.nat(base.length - 1), fc.array(change, { maxLength: 3 }), (n, changes) => {
        const entry: Record<string, unknown> = structuredClone(base[n]);
        for (const [key, v] of changes) {
          if (v === undefined) delete entry[key];
          else entry[key] = v;
        }
        const quick = validateDefinition('directory.schema.json', '/$defs/entry', entry, '/entries/0');
        // the reference: the whole-document validation, which never takes the quick path
        const full = validateSchema('directory', { type: 'directory', schemaVersion: 1, entries: [entry] });
        expect(quick).to.deep.equal(full);
      }),
      { numRuns: 2000 },
    );
  });

  it('validates one definition of a registered schema file, and only of one', () => {
    expect(validateDefinition('directory.schema.json', '/$defs/column', { id: 'x' }, '/columns/4').map((i) => `${i.path} ${i.code}`)).to.deep.equal(['/columns/4/name required']);
    expect(() => validateDefinition('nowhere.schema.json', '/$defs/x', {})).to.throw(/no schema file/);
  });
});
