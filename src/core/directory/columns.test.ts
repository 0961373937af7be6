import { expect } from '@open-wc/testing';
import '../rules/directory.js';
import { columnPaths, columnsOf, STANDARD_COLUMNS } from './columns.js';
import { checkDirectoryShell } from './entries-check.js';
import type { ColumnNode } from './types.js';

const all = (nodes: readonly ColumnNode[]): ColumnNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const byId = (id: string) => all(STANDARD_COLUMNS).find((c) => c.id === id);

describe('the standard column tree', () => {
  it('has the 政府信息公开 structure: 指南, 制度, 法定主动公开内容 with its sub-columns, 年报', () => {
    expect(STANDARD_COLUMNS.map((c) => c.name)).to.include.members(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
    expect(STANDARD_COLUMNS.map((c) => c.id).slice(0, 3)).to.deep.equal(['gkzn', 'gkzd', 'fdzdgknr']);
    expect(STANDARD_COLUMNS[STANDARD_COLUMNS.length - 1].id).to.equal('gknb');
    const statutory = byId('fdzdgknr')!.children!.map((c) => `${c.id} ${c.name}`);
    expect(statutory).to.include.members(['jgzn 机构职能', 'fgwj 法规文件', 'ghxx 规划信息', 'czxx 财政信息', 'xzxk 行政许可', 'xzcf 行政处罚', 'zcjd 政策解读']);
    expect(byId('fgwj')!.children!.map((c) => `${c.id} ${c.name}`)).to.include.members(['gz 规章', 'gfxwj 行政规范性文件', 'fzsx 废止和失效文件']);
  });

  it('has unique, short ascii ids that the schema accepts, and no error as a directory of its own', () => {
    const ids = all(STANDARD_COLUMNS).map((c) => c.id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^[a-z]{2,8}$/);
    const result = checkDirectoryShell({ type: 'directory', schemaVersion: 1, columns: STANDARD_COLUMNS, entries: [] });
    expect(result.issues).to.deep.equal([]);
  });

  it('cannot be changed in place by one directory under another', () => {
    expect(() => STANDARD_COLUMNS.push({ id: 'x', name: 'x' })).to.throw(TypeError);
    expect(() => ((byId('gz') as { name: string }).name = '改名')).to.throw(TypeError);
    expect(() => byId('fgwj')!.children!.pop()).to.throw(TypeError);
    expect(byId('gz')!.name).to.equal('规章');
  });
});

describe('columnsOf and columnPaths', () => {
  const own: ColumnNode[] = [
    {
      id: 'a',
      name: '甲',
      children: [
        { id: 'a1', name: '甲一', children: [{ id: 'a11', name: '甲一一' }] },
        { id: 'a2', name: '甲二' },
      ],
    },
    { id: 'b', name: '乙' },
    { id: 'a1', name: '重复' },
  ];

  it('columnsOf: the directory’s own tree, else the standard one', () => {
    expect(columnsOf({ columns: own })).to.equal(own);
    expect(columnsOf({})).to.equal(STANDARD_COLUMNS);
  });

  it('columnPaths: each id → the ids from the root down to it, a repeated id keeping its first place', () => {
    const paths = columnPaths(own);
    expect([...paths]).to.deep.equal([
      ['a', ['a']],
      ['a1', ['a', 'a1']],
      ['a11', ['a', 'a1', 'a11']],
      ['a2', ['a', 'a2']],
      ['b', ['b']],
    ]);
    const standard = columnPaths(STANDARD_COLUMNS);
    expect(standard.get('gz')).to.deep.equal(['fdzdgknr', 'fgwj', 'gz']);
    expect(standard.get('gknb')).to.deep.equal(['gknb']);
    expect(standard.size).to.equal(all(STANDARD_COLUMNS).length);
    expect(columnPaths([]).size).to.equal(0);
  });
});
