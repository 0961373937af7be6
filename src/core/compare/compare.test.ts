import { expect } from '@open-wc/testing';
import type { ComparisonDocument, Version } from '../../schema/types.generated.js';
import { comparisonSamples } from '../../test-support/comparison-fixture.js';
import { generateComparison } from '../../test-support/comparison-generator.js';
import { compareVersions, compareVersionsInSteps, versionClauses, type CompareStep } from './compare.js';

// Three versions of one (abridged) 实施办法: 2019 as published text, 2021 as published text, 2023 as a clause list.
const v2019: Version = {
  id: '2019',
  label: '2019年版',
  text: '第一条 为规范政务公开工作，制定本办法。\n第二条 本办法适用于厅机关各处室。\n第三条 加强政策解读，做好解读材料发布。\n第四条 主动公开目录每年更新一次。',
};
const v2021: Version = {
  id: '2021',
  label: '2021年版',
  text: '第一条 为规范政务公开工作，制定本办法。\n第二条 本办法适用于厅机关各处室和直属单位。\n第三条 新增：政务新媒体应每周更新信息。\n第四条 加强政策解读，做好解读材料发布。\n第五条 主动公开目录每年更新一次。',
};
const v2023: Version = {
  id: '2023',
  label: '2023年版',
  clauses: [
    { id: 'a1', number: '第一条', text: '为规范政务公开工作，制定本办法。' },
    { id: 'a2', number: '第二条', heading: '适用范围', text: '本办法适用于厅机关各处室和直属单位。' },
    { id: 'a3', number: '第三条', text: '主动公开目录每年更新一次。' },
    { id: 'a4', number: '第四条', text: '本办法自印发之日起施行。' },
  ],
};
const doc = (extra: Partial<ComparisonDocument> = {}): ComparisonDocument => ({
  type: 'comparison',
  schemaVersion: 1,
  title: '政务公开实施办法',
  versions: [v2019, v2021, v2023],
  ...extra,
});
const rows = (result: ReturnType<typeof compareVersions>) =>
  result.changes.map((c) => `${c.kind}${c.placement ? `:${c.placement}` : ''} ${c.old?.number ?? '—'}→${c.new?.number ?? '—'}`);

describe('compareVersions', () => {
  it('splits text versions and takes clause lists as given, once per version object', () => {
    const clauses = versionClauses(v2019);
    expect(clauses.map((c) => c.id)).to.deep.equal(['第一条', '第二条', '第三条', '第四条']);
    expect(versionClauses(v2019), 'memoised').to.equal(clauses);
    expect(versionClauses({ ...v2019 }), 'per object').to.not.equal(clauses);
    const listed = versionClauses(v2023);
    expect(listed.map((c) => [c.id, c.number, c.heading])).to.deep.equal([
      ['a1', '第一条', undefined],
      ['a2', '第二条', '适用范围'],
      ['a3', '第三条', undefined],
      ['a4', '第四条', undefined],
    ]);
    expect(versionClauses({ id: 'empty', label: '空' })).to.deep.equal([]);
  });

  it('compares the last two versions by default', () => {
    const result = compareVersions(doc());
    expect([result.oldIndex, result.newIndex]).to.deep.equal([1, 2]);
    expect(rows(result)).to.deep.equal(['unchanged 第一条→第一条', 'modified 第二条→第二条', 'deleted 第三条→—', 'deleted 第四条→—', 'unchanged 第五条→第三条', 'added —→第四条']);
    expect(result.summary).to.deep.equal({ added: 1, deleted: 2, modified: 1, moved: 0, unchanged: 2 });
  });

  it('compares any two versions chosen by index', () => {
    const result = compareVersions(doc(), 0, 1);
    expect([result.oldIndex, result.newIndex]).to.deep.equal([0, 1]);
    expect(rows(result)).to.deep.equal(['unchanged 第一条→第一条', 'modified 第二条→第二条', 'added —→第三条', 'unchanged 第三条→第四条', 'unchanged 第四条→第五条']);
    expect(result.changes[3].renumbered).to.equal(true);
    const modified = result.changes[1];
    expect(modified.segments).to.deep.equal([
      { op: 'equal', text: '本办法适用于厅机关各处室' },
      { op: 'insert', text: '和直属单位' },
      { op: 'equal', text: '。' },
    ]);
    expect(compareVersions(doc(), 0, 2).summary).to.deep.equal({ added: 1, deleted: 1, modified: 1, moved: 0, unchanged: 2 });
    expect(compareVersions(doc(), 2, 2).summary.unchanged).to.equal(4);
  });

  it('throws RangeError on an index that is not a version', () => {
    for (const [o, n] of [
      [-1, 2],
      [0, 3],
      [0.5, 1],
      [Number.NaN, 1],
    ]) {
      expect(() => compareVersions(doc(), o, n), `${o}, ${n}`).to.throw(RangeError);
    }
    expect(() => compareVersions(doc({ versions: [v2019] })), 'a single version has no default pair').to.throw(RangeError);
  });

  it('applies the pairs and notes naming the compared versions, matching clause references loosely', () => {
    const result = compareVersions(
      doc({
        pairs: [
          // 2021 第三条 was replaced; the drafter says it became 2023's a4 (written with full-width spaces)
          { old: { version: '2021', clause: '第　三　条' }, new: { version: '2023', clause: 'a4' } },
          { old: { version: '2019', clause: '第一条' }, new: { version: '2023', clause: 'a4' } },
          { old: { version: '2021', clause: '第九条' }, new: { version: '2023', clause: 'a1' } },
        ],
        notes: [
          { version: '2023', clause: 'a4', text: '新增施行日期' },
          { version: '2021', clause: '第 四 条', text: '删除：已并入解读办法' },
          { version: '2019', clause: '第三条', text: '别的版本，不显示' },
          { version: '2023', clause: 'a9', text: '指向不存在的条款' },
        ],
      }),
    );
    const paired = result.changes.find((c) => c.explicit)!;
    expect([paired.kind, paired.old!.id, paired.new!.id]).to.deep.equal(['modified', '第三条', 'a4']);
    expect(paired.notes).to.deep.equal(['新增施行日期']);
    expect(result.changes.filter((c) => c.explicit)).to.have.length(1);
    expect(result.changes.find((c) => c.old?.id === '第四条')!.notes).to.deep.equal(['删除：已并入解读办法']);
    expect(result.changes.flatMap((c) => c.notes)).to.have.members(['新增施行日期', '删除：已并入解读办法']);
    // the same pair holds when the reader compares the other way round
    const reversed = compareVersions(doc({ pairs: [{ old: { version: '2021', clause: '第三条' }, new: { version: '2023', clause: 'a4' } }] }), 2, 1);
    const back = reversed.changes.find((c) => c.explicit)!;
    expect([back.old!.id, back.new!.id]).to.deep.equal(['a4', '第三条']);
  });

  it('resolves a reference to the id written exactly first, and to nothing when two ids normalise alike', () => {
    // a clause list whose ids differ only in bracket width: 「(一)」 names one exactly, 「（ 一 ）」 either
    const listed: Version = {
      id: 'list',
      label: '清单',
      clauses: [
        { id: '（一）', number: '（一）', text: '主动公开目录每年更新一次。' },
        { id: '(一)', number: '(一)', text: '本办法自印发之日起施行。' },
      ],
    };
    const data = (clause: string): ComparisonDocument => ({
      ...doc(),
      versions: [v2019, listed],
      pairs: [{ old: { version: '2019', clause: '第二条' }, new: { version: 'list', clause } }],
      notes: [{ version: 'list', clause, text: '说明' }],
    });
    const exact = compareVersions(data('(一)'));
    expect(exact.changes.find((c) => c.explicit)?.new?.id).to.equal('(一)');
    expect(exact.changes.filter((c) => c.notes.length).map((c) => c.new?.id)).to.deep.equal(['(一)']);
    const loose = compareVersions(data('（ 一 ）'));
    expect(loose.changes.filter((c) => c.explicit)).to.have.length(0); // an ambiguous reference pairs nothing
    expect(loose.changes.flatMap((c) => c.notes)).to.deep.equal([]);
  });
});

describe('compareVersionsInSteps', () => {
  /** Runs the steps to the end: the splitting steps yielded (the alignment may pause too), and what the last step returned. */
  const run = (...args: Parameters<typeof compareVersionsInSteps>) => {
    const steps = compareVersionsInSteps(...args);
    const yielded: CompareStep[] = [];
    for (;;) {
      const step = steps.next();
      if (step.done) return { yielded, result: step.value };
      if (step.value.startsWith('split-')) yielded.push(step.value);
    }
  };

  it('gives exactly what compareVersions gives, for every pair of every sample', () => {
    const docs: [string, ComparisonDocument][] = [
      ...Object.entries(comparisonSamples),
      [
        'inline three versions with pairs and notes',
        doc({ pairs: [{ old: { version: '2021', clause: '第三条' }, new: { version: '2023', clause: 'a4' } }], notes: [{ version: '2023', clause: 'a4', text: '说明' }] }),
      ],
      ['generated 300 articles', generateComparison({ clauses: 300 }).document],
    ];
    let compared = 0;
    for (const [name, data] of docs) {
      const count = data.versions.length;
      for (let o = 0; o < count; o++) {
        for (let n = 0; n < count; n++) {
          // each on fresh copies, so neither side profits from clauses the other split
          const stepped = run(structuredClone(data), o, n);
          expect(stepped.result, `${name} ${o}→${n}`).to.deep.equal(compareVersions(structuredClone(data), o, n));
          compared++;
        }
      }
      expect(run(structuredClone(data)).result, `${name}, default pair`).to.deep.equal(compareVersions(structuredClone(data)));
    }
    expect(compared).to.be.at.least(20);
  });

  it('yields after splitting each version, and only when its clauses are not remembered', () => {
    const data = structuredClone(doc());
    expect(run(data, 0, 1).yielded).to.deep.equal(['split-old', 'split-new']);
    expect(run(data, 0, 1).yielded, 'both remembered').to.deep.equal([]);
    expect(run(data, 1, 2).yielded, 'the clause list is read once too').to.deep.equal(['split-new']);
    expect(run(structuredClone(data), 2, 2).yielded, 'one version compared with itself').to.deep.equal(['split-old']);
  });

  it('leaves the versions unsplit until asked for the next step', () => {
    const data = structuredClone(doc());
    const steps = compareVersionsInSteps(data, 0, 1);
    expect(steps.next()).to.deep.equal({ value: 'split-old', done: false });
    // the old version is split (and remembered), the new one not yet: splitting it now is fresh work
    expect(versionClauses(data.versions[0])).to.have.length(4);
    expect(run(data, 1, 2).yielded).to.deep.equal(['split-old', 'split-new']);
  });

  it('throws RangeError on a bad index at the first step', () => {
    const steps = compareVersionsInSteps(doc(), 0, 3);
    expect(() => steps.next()).to.throw(RangeError);
    expect(() => run(doc({ versions: [v2019] }))).to.throw(RangeError);
  });
});
