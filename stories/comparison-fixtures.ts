/**
 * Story data for <zw-policy-compare>.
 *
 * The Shandong sample's 2019 version is the real 省商务厅2019年政务公开工作实施方案
 * (seed 000); its 2021 revision, the three-version 依申请公开 rules and the clause-list
 * sample were written for the demo and say so in their own `description` (示例). The
 * variants below start from them and change what a story needs.
 */
import type { ComparisonDocument } from '../src/schema/types.generated.js';
import shandong from '../demo/data/comparison-000-shandong-commerce.json';
import threeVersions from '../demo/data/comparison-three-versions.json';
import clauseList from '../demo/data/comparison-clause-list.json';
import { hostileComparison, identicalComparison, oneSideEmptyComparison } from '../src/test-support/comparison-fixture.js';
import { generateComparison } from '../src/test-support/comparison-generator.js';
import { seed003Policy } from '../src/test-support/reader-fixture.js';
import { repairScrapedText } from '../src/core/reader/repair.js';

/** A deep copy, so a story can never change another story's data. */
const comparison = (value: unknown) => structuredClone(value) as ComparisonDocument;

/** The three samples, keyed for the `data` select control. */
export const comparisonSamples = {
  shandong: comparison(shandong),
  'three-versions': comparison(threeVersions),
  'clause-list': comparison(clauseList),
} satisfies Record<string, ComparisonDocument>;

/** The same samples as files, served by Storybook at `./data/` (staticDirs). */
export const comparisonFiles = {
  shandong: './data/comparison-000-shandong-commerce.json',
  'three-versions': './data/comparison-three-versions.json',
  'clause-list': './data/comparison-clause-list.json',
} satisfies Record<keyof typeof comparisonSamples, string>;

/** Two versions with the same text: the summary says 无变化. */
export const identical: ComparisonDocument = { ...identicalComparison(), title: '《政务公开工作要点》2019年版与2020年版对照（示例：文字未变）' };

/** A new policy: nothing on the old side, every clause added (a warning only, in `zw-load`'s detail.warnings). */
export const oneSideEmpty: ComparisonDocument = { ...oneSideEmptyComparison(), title: '《政务公开工作要点》新制定（示例：原无规定）' };

/** Markup, a `javascript:` text, an RTL override and a 700-character unbroken run in every text: all shown as inert text. */
export const hostile: ComparisonDocument = hostileComparison();

/**
 * Invalid beyond repair: one version only (a comparison needs two) whose link is
 * `javascript:`. The element lists the errors (role="alert"); the link is never rendered.
 */
export const invalidComparison = (() => {
  const doc = comparison(shandong);
  return { ...doc, id: 'sd-swt-zwgk-plan-invalid', versions: [{ ...doc.versions[0], url: 'javascript:alert(document.cookie)' }], notes: [] } as unknown;
})();

/**
 * Well-formed but wrong: a note names a clause the 2021 text does not have (一/(九)). The
 * comparison is still shown, under the error list (with `preview`).
 */
export const badReference: ComparisonDocument = (() => {
  const doc = comparison(shandong);
  doc.notes = [...(doc.notes ?? []), { version: '2021', clause: '一/(九)', text: '指向不存在的条款（示例错误）' }];
  return { ...doc, id: 'sd-swt-zwgk-plan-bad-reference' };
})();

/**
 * Long content: a 200-article 办法 (第X条, in chapters) and its revision with known edits — inserted, deleted, modified,
 * moved and replaced articles — generated from the seeds' sentences (src/test-support/comparison-generator.ts, fixed seed).
 */
export const longComparison: ComparisonDocument = (() => {
  const { document } = generateComparison({ clauses: 200, seed: 8 });
  return {
    ...document,
    id: 'story-long-comparison',
    title: `${document.title}（示例：由样例文件的词句生成，非真实文件）`,
    description: '由样例文件的词句生成的 200 条办法及其修订稿，含新增、删除、修改、移动和替换的条文，用来查看超长对照的排版。',
  };
})();

/**
 * Damaged real content: seed 003's text as scraped (demo/data/reader-003-guangzhou-2021.json: the notice, 一、制定依据 with
 * its 「(一)、《…》」 items, 三、工作要求), encoding damage kept (「反映、/p>」, 「制定依?/p>」, 「国办发?021?2号」), against
 * the same text after the library's repair (core/reader/repair.ts, what <zw-reader> shows): every change in the
 * comparison is a remnant taken out or a character restored; characters that are lost (`?021?2号`) stay, nothing is guessed.
 */
export const damagedComparison: ComparisonDocument = (() => {
  const text = (seed003Policy.body ?? [])
    .filter((block) => block.type === 'paragraph' || block.type === 'heading')
    .map((block) => (block.type === 'paragraph' || block.type === 'heading' ? block.text : ''))
    .join('\n\n');
  return {
    type: 'comparison',
    schemaVersion: 1,
    language: 'zh-CN',
    id: 'gz-swj-2021-zwgk-fgsf-scraped-vs-repaired',
    title: '广州市商务局2021年政务公开工作要点分工实施方案：网页原文与自动修复稿对照（样例 003）',
    description: '左为抓取的网页原文，保留转码损坏；右为同一文字经组件库的修复（阅读模式显示和朗读时所用）。无法确定的字不猜测，原样保留。',
    versions: [
      { id: 'scraped', label: '网页原文（有损坏）', date: '2021-07-23', text },
      { id: 'repaired', label: '自动修复稿', date: '2021-07-23', text: repairScrapedText(text) },
    ],
  };
})();

/** Every document a story can show, for the `data` select control. */
export const comparisonDocuments: Record<string, unknown> = {
  ...comparisonSamples,
  identical,
  'one-side-empty': oneSideEmpty,
  hostile,
  long: longComparison,
  damaged: damagedComparison,
  'bad-reference': badReference,
  invalid: invalidComparison,
  none: undefined,
};

/** Labels of the `data` select control. */
export const comparisonLabels: Record<string, string> = {
  shandong: '样例 1 山东省商务厅政务公开实施方案 2019年版 / 2021年修订稿（示例）',
  'three-versions': '样例 2 依申请公开工作办法三个版本（示例）',
  'clause-list': '样例 3 政务新媒体管理办法，条款列表、人工对齐和说明（示例）',
  identical: '两版文字相同（无变化）',
  'one-side-empty': '新制定，原无规定（一侧为空）',
  hostile: '恶意字符串（标记、javascript:、反向文字、超长无空格文字）',
  long: '超长内容（生成的 200 条办法及修订稿）',
  damaged: '样例 003 网页原文与自动修复稿（转码损坏）',
  'bad-reference': '修改说明指向不存在的条款（数据有误，仍可显示）',
  invalid: '数据有误（无法显示）',
  none: '无数据',
};
