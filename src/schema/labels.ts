import { msg, str } from '@lit/localize';
import { unescapePointer } from './issues.js';

/**
 * Names of document fields as readers and content staff know them (索引号, 发文字号…),
 * in the words of the schemas' `title`s (a test keeps them in step). Used by
 * validation messages and by element labels, so a field has one name everywhere.
 *
 * A key may be qualified by the keys of the fields above it, array indexes
 * skipped, when the same key means something else there: `name` is 名称, but
 * `firstInterpreter>name` is 姓名 and `changes>items>before` is 原规定. The items
 * of a 正文 block list (body, background, …) are qualified as `block`.
 */
export type FieldLabels = Record<string, () => string>;

const labels = new Map<string, () => string>();

/**
 * Adds labels (each document kind registers its own with its schema, so a bundle carries only what it shows).
 * With `kind`, the labels apply to that kind's documents only and win over the shared ones there: the
 * comparison's `notes` are 修改说明, the interpretation's 注意事项.
 */
export function registerFieldLabels(table: FieldLabels, kind?: string): void {
  for (const [key, label] of Object.entries(table)) labels.set(kind ? `${kind}:${key}` : key, label);
}

/** Arrays of 正文 blocks: their items are 第 n 块 and their fields are qualified as `block>…`. */
const BLOCK_LISTS = new Set(['body', 'background', 'objectives', 'mainContent', 'scope', 'standards', 'notes', 'benefits']);
/** The kinds whose documents hold 正文 block lists (and documents of unknown kind, e.g. in the demo's editor). */
const hasBlockLists = (kind?: string) => kind === undefined || kind === 'policy' || kind === 'interpretation';
/** The infographic's own block list: its items replace its label (第 2 块, not 区块 · 第 2 块). */
const INFOGRAPHIC_BLOCKS = 'blocks';

registerFieldLabels({
  // policy (and shared definitions)
  type: () => msg('文档类型'),
  'block>type': () => msg('类型'),
  schemaVersion: () => msg('数据格式版本'),
  language: () => msg('语种'),
  id: () => msg('标识'),
  title: () => msg('标题'),
  indexNo: () => msg('索引号'),
  docNo: () => msg('发文字号'),
  issuer: () => msg('发布机构'),
  name: () => msg('名称'),
  'firstInterpreter>name': () => msg('姓名'),
  code: () => msg('机构代码'),
  category: () => msg('分类'),
  topic: () => msg('主题分类'),
  group: () => msg('组配分类'),
  writtenDate: () => msg('成文日期'),
  publishDate: () => msg('发布日期'),
  effectiveDate: () => msg('生效日期'),
  abolishDate: () => msg('废止日期'),
  validity: () => msg('有效性'),
  disclosure: () => msg('公开属性'),
  keywords: () => msg('关键词'),
  summary: () => msg('内容概述'),
  keyPoints: () => msg('要点'),
  body: () => msg('正文'),
  url: () => msg('链接'),
  '>url': () => msg('原文链接'),
  'policy>url': () => msg('原文链接'),
  'issuer>url': () => msg('机构网站'),
  'interpreter>url': () => msg('机构网站'),
  'attachments>url': () => msg('附件地址'),
  'replaces>url': () => msg('文件地址'),
  'replacedBy>url': () => msg('文件地址'),
  'related>url': () => msg('地址'),
  'video>url': () => msg('视频地址'),
  interpretationUrl: () => msg('解读链接'),
  infographicUrl: () => msg('图解（一图读懂）链接'),
  'media>infographicUrl': () => msg('一图读懂地址'),
  attachments: () => msg('附件'),
  format: () => msg('文件格式'),
  size: () => msg('文件大小'),
  replaces: () => msg('废止/修订的文件'),
  replacedBy: () => msg('替代文件'),
  text: () => msg('文字'),
  level: () => msg('层级'),
  ordered: () => msg('有序列表'),
  items: () => msg('列表项'),
  caption: () => msg('表格标题'),
  head: () => msg('表头'),
  rows: () => msg('表格行'),
  // interpretation
  policy: () => msg('被解读的政策文件'),
  policyUrl: () => msg('被解读的政策文件地址'),
  interpreter: () => msg('解读机构'),
  firstInterpreter: () => msg('第一解读人'),
  post: () => msg('职务'),
  form: () => msg('解读形式'),
  background: () => msg('背景依据'),
  objectives: () => msg('目标任务'),
  mainContent: () => msg('主要内容'),
  scope: () => msg('涉及范围'),
  standards: () => msg('执行标准'),
  notes: () => msg('注意事项'),
  glossary: () => msg('关键词诠释'),
  term: () => msg('术语'),
  definition: () => msg('解释'),
  source: () => msg('出处'),
  changes: () => msg('新旧政策差异'),
  'changes>items': () => msg('差异条目'),
  subject: () => msg('事项'),
  before: () => msg('原规定'),
  after: () => msg('新规定'),
  note: () => msg('说明'),
  comparisonUrl: () => msg('新旧政策对比文档地址'),
  benefits: () => msg('惠民利民举措'),
  faq: () => msg('典型问答'),
  question: () => msg('问题'),
  answer: () => msg('回答'),
  related: () => msg('相关政策'),
  media: () => msg('多媒体解读'),
  infographicTitle: () => msg('一图读懂标题'),
  video: () => msg('视频解读'),
  captionsUrl: () => msg('字幕地址'),
  duration: () => msg('时长'),
});

/** The label of field `key` below the fields `above` (their keys, outermost first); the key itself when it has none. */
function labelIn(above: readonly string[], key: string, kind?: string): string {
  const [grand, parent = ''] = above.length > 1 ? above.slice(-2) : ['', above[0]];
  const find = (k: string) => (kind && labels.get(`${kind}:${k}`)) || labels.get(k);
  const label = (grand && find(`${grand}>${parent}>${key}`)) || find(`${parent}>${key}`) || find(key);
  return label ? label() : key;
}

/** The name of field `key` of the object at `path` (its own name only, qualified by where it is: a version's `text` is 原文). */
export function labelOfFieldAt(path: string, key: string, kind?: string): string {
  const above = path
    .split('/')
    .slice(1)
    .map(unescapePointer)
    .filter((segment) => !/^\d+$/.test(segment));
  return labelIn(above, key, kind);
}

/** The name of a field by its key alone (element labels: 有效性, 发布机构…); the key itself when it has none. */
export const fieldLabel = (key: string): string => labels.get(key)?.() ?? key;

/**
 * The name of the field a JSON Pointer points at, with its parents so that
 * `/issuer/name` and `/attachments/0/name` differ: 发布机构 · 名称, 附件 1 · 名称,
 * 正文 · 第 2 块 · 类型. Unknown keys (a misspelt field) stay as written. `kind`: the document's
 * kind, when known (its own labels first, and 正文 block lists only where that kind has them).
 */
export function labelOfPath(path: string, kind?: string): string {
  const parts: string[] = [];
  const above: string[] = [];
  let afterIndex = false;
  for (const segment of path.split('/').slice(1).map(unescapePointer)) {
    if (/^\d+$/.test(segment) && parts.length) {
      const n = Number(segment) + 1;
      const list = above[above.length - 1];
      if (afterIndex)
        parts.push(msg(str`第 ${n} 项`)); // a cell in a row of a table
      else if (hasBlockLists(kind) && BLOCK_LISTS.has(list)) {
        parts.push(msg(str`第 ${n} 块`));
        above[above.length - 1] = 'block';
      } else if (list === INFOGRAPHIC_BLOCKS && above.length === 1) parts[parts.length - 1] = msg(str`第 ${n} 块`);
      else if (list === 'entries' && kind === 'directory' && above.length === 1) parts[parts.length - 1] = msg(str`第 ${n} 条目录项`);
      else parts[parts.length - 1] += ` ${n}`;
      afterIndex = true;
      continue;
    }
    parts.push(labelIn(above, segment, kind));
    above.push(segment);
    afterIndex = false;
  }
  return parts.length ? parts.join(' · ') : msg('文档');
}
