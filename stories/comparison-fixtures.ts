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

/** Every document a story can show, for the `data` select control. */
export const comparisonDocuments: Record<string, unknown> = {
  ...comparisonSamples,
  identical,
  'one-side-empty': oneSideEmpty,
  hostile,
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
  'bad-reference': '修改说明指向不存在的条款（数据有误，仍可显示）',
  invalid: '数据有误（无法显示）',
  none: '无数据',
};
