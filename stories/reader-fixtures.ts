/**
 * Story data for <zw-reader>.
 *
 * The two seed documents are real 政务公开 texts with their full bodies (demo/data/reader-*.json,
 * through src/test-support/reader-fixture.ts); seed 003 keeps the damage the source page had
 * (`、/td>`, `宸/p>`, `?021?7号`). The long regulation is generated from their sentences; the
 * invalid variant shows how the element handles bad data.
 */
import type { PolicyDocument } from '../src/schema/types.generated.js';
import { hostileArticleHtml, longRegulation, seed000Policy, seed003Policy } from '../src/test-support/reader-fixture.js';

/** A deep copy, so a story can never change another story's data. */
const copy = <T>(value: T): T => structuredClone(value);

/** 正文 with a `javascript:` 原文链接 and a blank paragraph: the error list (preview) or the public's short message. */
export const invalidReaderDocument = (() => {
  const doc = copy(seed000Policy) as unknown as Record<string, unknown>;
  doc.id = 'sd-swt-2019-zwgk-plan-reader-invalid';
  doc.url = 'javascript:alert(1)';
  (doc.body as unknown[]).splice(2, 0, { type: 'paragraph', text: '  ' });
  return doc;
})();

let long: PolicyDocument | undefined;
/** The 200,000-character regulation, made on first use (the select's mapping asks for it once). */
export const longReaderDocument = (): PolicyDocument => (long ??= longRegulation(200_000));

export const readerDocuments: Record<string, unknown> = {
  'guangzhou-2021': copy(seed003Policy),
  'shandong-2019': copy(seed000Policy),
  get long() {
    return longReaderDocument();
  },
  invalid: invalidReaderDocument,
  none: undefined,
};

/** The two seed documents as files, served by Storybook at `./data/` (staticDirs). */
export const readerFiles: Record<'guangzhou-2021' | 'shandong-2019', string> = {
  'guangzhou-2021': './data/reader-003-guangzhou-2021.json',
  'shandong-2019': './data/reader-000-shandong-2019.json',
};

/** Labels of the `data` select control. */
export const readerLabels: Record<string, string> = {
  'guangzhou-2021': '样例 003 广州 2021 分工方案（31 行任务表，原文有损坏）',
  'shandong-2019': '样例 000 山东 2019 实施方案',
  long: '长文本：20 万字规章（生成）',
  invalid: '数据有误',
  none: '无数据',
};

/** The hostile article HTML put inside <zw-reader> for progressive enhancement (rendered as light DOM by the story). */
export const hostileArticle = hostileArticleHtml;
