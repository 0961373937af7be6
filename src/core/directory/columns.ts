import type { ColumnNode } from './types.js';

/** A frozen column: the standard tree is shared by every directory on the page, so nobody may change it in place. */
const column = (id: string, name: string, children?: ColumnNode[]): ColumnNode =>
  Object.freeze(children ? { id, name, children: Object.freeze(children) as ColumnNode[] } : { id, name });

/**
 * The standard 政府信息公开 column tree (政府信息公开专栏 as the State Council's 政府信息公开条例 and its
 * guidance lay it out), used when a directory gives no `columns`. Names are document text, in the
 * document's language (Chinese), not UI text: a portal's own tree replaces them, never a locale. Ids are
 * short pinyin initials, stable: they appear in entries' `columns` and in page addresses (`?zwd.column=gfxwj`).
 * Frozen, every node: the tree is shared by every directory on the page (copy it to change it).
 */
export const STANDARD_COLUMNS: ColumnNode[] = Object.freeze([
  column('gkzn', '政府信息公开指南'),
  column('gkzd', '政府信息公开制度'),
  column('fdzdgknr', '法定主动公开内容', [
    column('jgzn', '机构职能'),
    column('fgwj', '法规文件', [column('gz', '规章'), column('gfxwj', '行政规范性文件'), column('qtwj', '其他文件'), column('fzsx', '废止和失效文件')]),
    column('ghxx', '规划信息'),
    column('czxx', '财政信息', [column('yjs', '预算决算'), column('sgjf', '“三公”经费')]),
    column('tjxx', '统计信息'),
    column('qzqd', '权责清单'),
    column('xzxk', '行政许可'),
    column('xzcf', '行政处罚'),
    column('xzqz', '行政强制'),
    column('zfcg', '政府采购'),
    column('rsxx', '人事信息'),
    column('jyta', '建议提案办理'),
    column('zcjd', '政策解读'),
  ]),
  column('ysqgk', '依申请公开'),
  column('gknb', '政府信息公开年报'),
]) as ColumnNode[];

/** The column tree of a directory: its own, or the standard one. */
export const columnsOf = (doc: { columns?: ColumnNode[] }): ColumnNode[] => doc.columns ?? STANDARD_COLUMNS;

/**
 * Each column id → the ids from the root down to it, itself last (`gz` → [`fdzdgknr`, `fgwj`, `gz`]):
 * an entry filed under `gz` also counts for 法规文件 and 法定主动公开内容. A repeated id keeps its first
 * place (the directory rules report the repeat).
 */
export function columnPaths(columns: readonly ColumnNode[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (nodes: readonly ColumnNode[], above: string[]) => {
    for (const node of nodes) {
      const path = [...above, node.id];
      if (!paths.has(node.id)) paths.set(node.id, path);
      if (node.children) walk(node.children, path);
    }
  };
  walk(columns, []);
  return paths;
}
