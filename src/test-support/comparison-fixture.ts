// The comparison samples the demo shows (demo/data/comparison-*.json), and small inline
// comparisons for tests: identical versions, one side empty, hostile strings.
import shandong from '../../demo/data/comparison-000-shandong-commerce.json' with { type: 'json' };
import threeVersions from '../../demo/data/comparison-three-versions.json' with { type: 'json' };
import clauseList from '../../demo/data/comparison-clause-list.json' with { type: 'json' };
import type { ComparisonDocument, Version } from '../schema/types.generated.js';

/**
 * - `shandong`: seed 000's real 2019 plan and a 2021 revision written for the demo (every kind of change, 3 notes);
 * - `threeVersions`: 2019年版 / 2020年征求意见稿 / 2021年版 in 第X条 form (the version picker);
 * - `clauseList`: two versions as clause lists, with one explicit pair and notes.
 */
export const comparisonSamples = { shandong, threeVersions, clauseList } as unknown as Record<'shandong' | 'threeVersions' | 'clauseList', ComparisonDocument>;

/** A fresh copy of a sample, to change in one test without touching the others. */
export const comparisonSample = (name: keyof typeof comparisonSamples, changes: Partial<ComparisonDocument> = {}): ComparisonDocument => ({
  ...structuredClone(comparisonSamples[name]),
  ...changes,
});

/** A comparison of the given versions (at least the two the schema needs to be useful). */
export const comparisonOf = (versions: Version[], changes: Partial<ComparisonDocument> = {}): ComparisonDocument => ({
  type: 'comparison',
  schemaVersion: 1,
  title: '测试对照',
  versions,
  ...changes,
});

const SHORT_TEXT = '一、总体要求\n（一）坚持公开为常态、不公开为例外。\n（二）按照“谁起草、谁解读”的原则做好解读。\n二、主要任务\n（一）文件公布后3个工作日内发布解读材料。';

/** Two versions with the same text: nothing changed (无变化). */
export const identicalComparison = (): ComparisonDocument =>
  comparisonOf([
    { id: 'v1', label: '2019年版', date: '2019-07-30', text: SHORT_TEXT },
    { id: 'v2', label: '2020年版', date: '2020-07-30', text: SHORT_TEXT },
  ]);

/** A new policy: the old side is empty (legal; the rules only warn), every new clause is added. */
export const oneSideEmptyComparison = (): ComparisonDocument =>
  comparisonOf([
    { id: 'none', label: '原无规定', text: '' },
    { id: 'v1', label: '2021年版', date: '2021-06-23', text: SHORT_TEXT },
  ]);

/** An unbroken run longer than any line: must wrap, not overflow. */
export const LONG_UNBROKEN = '政'.repeat(400) + 'A'.repeat(300);

/**
 * Hostile strings in every text the element shows: markup, a `javascript:` URL as text,
 * a right-to-left override, a very long unbroken run. All must stay inert text. (A
 * `javascript:` *link* is refused by the schema: see `unsafeUrlComparison`.)
 */
export const hostileComparison = (): ComparisonDocument =>
  comparisonOf(
    [
      {
        id: 'old',
        label: '<img src=x onerror=alert(1)>',
        title: '<script>window.__zwPwned=1</script>',
        docNo: '"><svg onload="window.__zwPwned=1">',
        text: `第一条\u3000<img src=x onerror=alert(1)>的条款。\n第二条\u3000javascript:alert(1)\n第三条\u3000${LONG_UNBROKEN}`,
      },
      {
        id: 'new',
        label: '\u202Eأبجد 2021',
        title: 'javascript:alert(document.cookie)',
        url: '/policy/2021.html',
        text: `第一条\u3000<img src=x onerror=alert(1)>的条款，已修改。\n第二条\u3000javascript:alert(2)\n第三条\u3000${LONG_UNBROKEN}\u202E反向文字`,
      },
    ],
    {
      title: '<img src=x onerror=alert(1)>',
      description: 'javascript:alert(1)',
      notes: [{ version: 'new', clause: '第一条', text: '<img src=x onerror="window.__zwPwned=1">\u202E说明' }],
    },
  );

/** A version link with a `javascript:` URL: the schema refuses it (unsafe-url at /versions/1/url). */
export const unsafeUrlComparison = (): ComparisonDocument => {
  const doc = identicalComparison();
  doc.versions[1].url = 'javascript:alert(1)';
  return doc;
};
