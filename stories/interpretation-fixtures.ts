/**
 * Story data for <zw-interpretation>.
 *
 * The two seed samples are real 政策解读 (demo/data/interpretation-*.json); the
 * late example is a demonstration document (it says so in its own text). The
 * variants below start from them and change what a story needs (fewer
 * sections, the policy by URL, an abolished policy, errors). They show how the
 * element handles such data; they do not describe the real documents' status.
 */
import type { InterpretationDocument } from '../src/schema/types.generated.js';
import { fullInterpretation } from '../src/test-support/interpretation-fixture.js';
import shandong2019 from '../demo/data/interpretation-000-shandong-commerce-2019.json';
import shanxi2021 from '../demo/data/interpretation-004-shanxi-industry-2021.json';
import lateExample from '../demo/data/interpretation-late-example.json';
import { abolishedPolicy, amendedPolicy, sampleFiles } from './fixtures.js';

/** A deep copy, so a story can never change another story's data. */
const interpretation = (value: unknown) => structuredClone(value) as InterpretationDocument;

/** The two seed samples, keyed for the `data` select control. */
export const interpretationSamples = {
  'shandong-2019': interpretation(shandong2019),
  'shanxi-2021': interpretation(shanxi2021),
} satisfies Record<string, InterpretationDocument>;

/** The demonstration of a late 解读 (6 working days after the policy) with an unused glossary term: two warnings. */
export const lateInterpretation = interpretation(lateExample);

/** Only 背景依据, 主要内容 and 典型问答 (the other sections left out, so no glossary terms are marked). */
export const sectionsSubset: InterpretationDocument = (() => {
  const doc = interpretation(shandong2019);
  for (const key of ['objectives', 'scope', 'standards', 'notes', 'glossary', 'changes', 'benefits', 'related'] as const) delete doc[key];
  return { ...doc, id: 'sd-swt-2019-zwgk-plan-jd-subset' };
})();

/** The policy by reference: `policyUrl` names the sample policy file Storybook serves at ./data/ (the nested card fetches it). */
export const policyByUrl: InterpretationDocument = (() => {
  const { policy: _policy, ...rest } = interpretation(shanxi2021);
  return { ...rest, id: 'sx-gxt-2021-zwgk-jd-by-url', policyUrl: sampleFiles['shanxi-2021'] };
})();

/** The interpreted policy is 已废止 (with its date and the document now in force): the banner above the title. */
export const abolishedInterpretation: InterpretationDocument = {
  ...interpretation(shandong2019),
  id: 'sd-swt-2019-zwgk-plan-jd-abolished',
  policy: structuredClone(abolishedPolicy),
};

/** The interpreted policy is 已修订: the banner points to the amended text. */
export const amendedInterpretation: InterpretationDocument = {
  ...interpretation(shanxi2021),
  id: 'sx-gxt-2021-zwgk-jd-amended',
  policy: structuredClone(amendedPolicy),
};

/**
 * Invalid beyond repair: not one of the standard sections, and a `javascript:`
 * 一图读懂 link. The element lists the errors (role="alert"); the link is never rendered.
 */
export const invalidInterpretation = (() => {
  const { type, schemaVersion, title, interpreter, publishDate, form, policy } = interpretation(shandong2019);
  return {
    type,
    schemaVersion,
    id: 'sd-swt-2019-zwgk-plan-jd-invalid',
    title,
    interpreter,
    publishDate,
    form,
    policy,
    media: { infographicUrl: 'javascript:alert(document.cookie)', infographicTitle: '【一图读懂】解读《省商务厅2019年政务公开实施方案》' },
  } as unknown;
})();

/** No section at all, nothing else wrong: the error list, and the header (title, policy card) that is safe to show. */
export const noSectionsInterpretation = (() => {
  const { type, schemaVersion, title, interpreter, publishDate, form, policy, media } = interpretation(shandong2019);
  return { type, schemaVersion, id: 'sd-swt-2019-zwgk-plan-jd-no-sections', title, interpreter, publishDate, form, policy, media } as unknown;
})();

/** The compact complete document of the unit tests: every section, a 第一解读人, a video with captions, a comparison link. */
export const completeInterpretation = fullInterpretation({ id: 'test-support-full-interpretation' });

/** Every document a story can show, for the `data` select control. */
export const interpretationDocuments: Record<string, unknown> = {
  ...interpretationSamples,
  complete: completeInterpretation,
  subset: sectionsSubset,
  'policy-url': policyByUrl,
  abolished: abolishedInterpretation,
  amended: amendedInterpretation,
  late: lateInterpretation,
  invalid: invalidInterpretation,
  'no-sections': noSectionsInterpretation,
  none: undefined,
};

/** Labels of the `data` select control. */
export const interpretationLabels: Record<string, string> = {
  'shandong-2019': '样例 1 山东省商务厅 2019 政务公开实施方案解读',
  'shanxi-2021': '样例 2 山西省工信厅 2021 政务公开要点解读',
  complete: '完整小样例（含视频、第一解读人、对比链接）',
  subset: '仅背景依据、主要内容、典型问答',
  'policy-url': '政策文件通过 policyUrl 加载',
  abolished: '所解读的文件已废止',
  amended: '所解读的文件已修订',
  late: '逾期发布的解读（有提示）',
  invalid: '数据有误（无法显示）',
  'no-sections': '没有任何部分（数据有误）',
  none: '无数据',
};
