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
import type { Block } from '../src/schema/types.generated.js';
import { seed003Policy } from '../src/test-support/reader-fixture.js';
import { SEED_003_CORE_HINT, abolishedPolicy, amendedPolicy, damagedPolicy, sampleFiles } from './fixtures.js';

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

/**
 * Long content: both seed interpretations in one (their sections, 16 questions, 13 glossary terms, every related policy)
 * under a very long title — real text throughout, only put together. The terms of one sample do not all occur in the
 * other's text: those are warnings only.
 */
export const longInterpretation: InterpretationDocument = (() => {
  const a = interpretation(shandong2019);
  const b = interpretation(shanxi2021);
  const both = <T>(x: T[] | undefined, y: T[] | undefined) => [...(x ?? []), ...(y ?? [])];
  return {
    ...a,
    id: 'sd-sx-zwgk-jd-long',
    title: `${a.title}；${b.title}（两篇真实解读合为一篇的超长示例：标题、章节、问答、关键词和相关政策都很长）`,
    background: both(a.background, b.background),
    objectives: both(a.objectives, b.objectives),
    mainContent: both(a.mainContent, b.mainContent),
    scope: both(a.scope, b.scope),
    standards: both(a.standards, b.standards),
    notes: both(a.notes, b.notes),
    glossary: both(a.glossary, b.glossary),
    changes: { ...a.changes, items: both(a.changes?.items, b.changes?.items) },
    benefits: both(a.benefits, b.benefits),
    faq: both(a.faq, b.faq),
    related: both(a.related, b.related),
  } as InterpretationDocument;
})();

/**
 * Damaged real content: a 解读 made of seed 003's page as scraped (demo/data/reader-003-guangzhou-2021.json and its
 * 核心提示), with the encoding damage kept — 「反映、/p>」, 「方案内宸/p>」, 「穗府办函?021?7号」, 「工作要汁/span>」. The
 * interpretation shows its own text as written and warns about it; the interpreted policy (the scraped card of ./fixtures.ts) is checked as
 * a policy, so its damaged fields come in `zw-load`'s `detail.warnings` (paths under /policy). Demonstration: seed 003
 * has no interpretation of its own, the title says so.
 */
export const damagedInterpretation: InterpretationDocument = (() => {
  const body = structuredClone(seed003Policy.body ?? []);
  const texts = body.filter((block): block is Extract<Block, { type: 'paragraph' | 'heading' }> => block.type === 'paragraph' || block.type === 'heading');
  const at = (start: string) => {
    const found = texts.find((block) => block.text.startsWith(start));
    if (!found) throw new Error(`seed 003 has no text starting with ${start}`);
    return found.text;
  };
  const basis = texts.filter((block) => /^\([一二三]\)、/.test(block.text)).map((block) => block.text);
  const requirements = texts.filter((block) => /^\([一二三]\)(高度重视|跟进报送|加强考核)/.test(block.text)).map((block) => block.text);
  const table = body.find((block) => block.type === 'table');
  return {
    type: 'interpretation',
    schemaVersion: 1,
    id: 'gz-swj-2021-zwgk-fgsf-jd-scraped',
    title: '《广州市商务局2021年政务公开工作要点分工实施方案》解读（示例：由样例 003 的网页原文组成，保留转码损坏）',
    interpreter: { name: '广州市商务局' },
    publishDate: '2021-07-23',
    form: 'text',
    policy: structuredClone(damagedPolicy),
    background: [
      { type: 'paragraph', text: at('按照《广州市人民政府办公厅') },
      { type: 'heading', text: at('一、制定依') },
      { type: 'list', items: basis },
    ],
    scope: [{ type: 'paragraph', text: at('机关各处室') }],
    mainContent: [
      { type: 'heading', text: at('二、方案内') },
      { type: 'paragraph', text: SEED_003_CORE_HINT },
      ...(table?.type === 'table' ? [{ ...table, rows: table.rows.slice(0, 4) }] : []),
    ],
    notes: [
      { type: 'heading', text: at('三、工作要') },
      { type: 'list', ordered: false, items: requirements },
    ],
  } as InterpretationDocument;
})();

/** Every document a story can show, for the `data` select control. */
export const interpretationDocuments: Record<string, unknown> = {
  ...interpretationSamples,
  complete: completeInterpretation,
  subset: sectionsSubset,
  'policy-url': policyByUrl,
  abolished: abolishedInterpretation,
  amended: amendedInterpretation,
  late: lateInterpretation,
  long: longInterpretation,
  damaged: damagedInterpretation,
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
  long: '超长内容（两篇样例合为一篇）',
  damaged: '样例 003 网页原文（转码损坏，示例）',
  invalid: '数据有误（无法显示）',
  'no-sections': '没有任何部分（数据有误）',
  none: '无数据',
};
