import { expect } from '@open-wc/testing';
import '../schema/comparison.js';
import '../schema/comparison.labels.js';
import '../schema/infographic.labels.js';
import './rules/comparison.js';
import { checkDocument } from './check.js';
import { withLocale } from '../i18n/locale.js';
import type { Issue, IssueCode } from '../schema/issues.js';
import { issue } from '../schema/issues.js';
import { labelOfPath, localizeIssue } from '../schema/messages.js';
import type { ComparisonDocument } from '../schema/types.generated.js';
import {
  comparisonOf,
  comparisonSample,
  comparisonSamples,
  hostileComparison,
  identicalComparison,
  oneSideEmptyComparison,
  unsafeUrlComparison,
} from '../test-support/comparison-fixture.js';

const check = (doc: unknown) => checkDocument('comparison', doc);
const errors = (doc: unknown) => check(doc).issues.filter((i) => i.severity === 'error');
const warnings = (doc: unknown) => check(doc).issues.filter((i) => i.severity === 'warning');
const brief = (issues: Issue[]) => issues.map((i) => `${i.path} ${i.code}`);
const zh = (i: Issue) => withLocale('zh-CN', () => localizeIssue(i, 'comparison').message);

/** Two clause-list versions small enough to read in a test. */
const clauseLists = (changes: Partial<ComparisonDocument> = {}): ComparisonDocument =>
  comparisonOf(
    [
      {
        id: 'old',
        label: '修订前',
        date: '2020-03-02',
        clauses: [
          { id: 'a1', number: '第一条', text: '为加强管理，制定本办法。' },
          { id: 'a2', number: '第二条', text: '本办法适用于本局。' },
          { id: 'a3', number: '第三条', text: '信息每周更新一次。' },
          { id: 'a4', number: '第四条', text: '本办法自印发之日起施行。' },
        ],
      },
      {
        id: 'new',
        label: '修订后',
        date: '2022-09-01',
        clauses: [
          { id: 'b1', number: '第一条', text: '为加强管理，制定本办法。' },
          { id: 'b2', number: '第二条', text: '本办法适用于本局及所属单位。' },
          { id: 'b3', number: '第三条', text: '建立内容保障机制。' },
        ],
      },
    ],
    changes,
  );

/** Seed-style text whose split clause ids are 第1段, 一, 一/(一), 一/(二), 二, 二/(一). */
const OUTLINE = '总体要求如下。\n一、深化公开\n（一）推进消费信息公开。\n（二）推进“放管服”改革信息公开。\n二、强化解读\n(一)加强政策解读。';
const textVersions = (changes: Partial<ComparisonDocument> = {}): ComparisonDocument =>
  comparisonOf(
    [
      { id: '2019', label: '2019年版', date: '2019-07-30', text: OUTLINE },
      { id: '2021', label: '2021年版', date: '2021-04-15', text: OUTLINE.replace('消费', '消费市场') },
    ],
    changes,
  );

describe('comparison rules', () => {
  it('accepts every demo sample with no errors and no warnings', () => {
    for (const [name, sample] of Object.entries(comparisonSamples)) {
      const result = check(structuredClone(sample));
      expect(result.issues, name).to.deep.equal([]);
      expect(result.document, name).to.exist;
    }
  });

  it('accepts the inline fixtures: identical versions, hostile strings as plain text', () => {
    expect(check(identicalComparison()).issues).to.deep.equal([]);
    // markup in text is shown as text; the only remark is that it looks like a scraped page's tags (a warning per text)
    const hostile = check(hostileComparison());
    expect(hostile.document).to.exist;
    expect(hostile.issues.map((i) => `${i.code} ${i.severity}`)).to.satisfy((found: string[]) => found.length > 0 && found.every((f) => f === 'scrape-damage warning'));
    expect(brief(errors(unsafeUrlComparison()))).to.deep.equal(['/versions/1/url unsafe-url']);
  });

  it('needs two versions, and says so naming 版本', () => {
    const one = comparisonSample('shandong');
    one.versions = one.versions.slice(0, 1);
    const [tooFew] = errors(one);
    expect(tooFew).to.deep.equal({ path: '/versions', code: 'too-few-items', severity: 'error', params: { min: 2, count: 1 } });
    expect(zh(tooFew)).to.equal('「版本」至少需要 2 项');
    expect(brief(errors(comparisonOf([])))).to.deep.equal(['/versions too-few-items']);
  });

  it('needs the text or the clauses of a version, and refuses both', () => {
    const neither = clauseLists();
    delete neither.versions[1].clauses;
    expect(brief(errors(neither))).to.deep.equal(['/versions/1 missing-one-of']);
    const both = clauseLists();
    both.versions[1].text = '第一条　为加强管理，制定本办法。';
    const [error] = errors(both);
    expect(error).to.include({ path: '/versions/1/clauses', code: 'text-and-clauses' });
    expect(zh(error)).to.equal('「版本 2 · 条款」同时给出了原文（text）和条款（clauses）：二者只能选一');
  });

  it('errs on a repeated version id, at the repeat', () => {
    const doc = comparisonSample('threeVersions', { notes: [] });
    doc.versions[2].id = '2019';
    const issues = errors(doc);
    expect(issues).to.deep.equal([{ path: '/versions/2/id', code: 'duplicate-version', severity: 'error', params: { id: '2019', first: 1 } }]);
    expect(zh(issues[0])).to.equal('版本标识“2019”与第 1 个版本重复：每个版本的标识必须不同');
    // the document is well-formed: it is still shown whole, under the error
    expect(check(doc).partialIsWhole).to.equal(true);
  });

  it('errs on a repeated clause id within a clause list, also when only full/half width or spaces differ', () => {
    const doc = clauseLists();
    doc.versions[0].clauses![3].id = 'a2';
    expect(errors(doc)).to.deep.equal([
      { path: '/versions/0/clauses/3/id', code: 'duplicate-clause', severity: 'error', params: { id: 'a2', version: 'old', first: 2, other: 'a2' } },
    ]);
    expect(zh(errors(doc)[0])).to.equal('版本“old”中条款标识“a2”与第 2 条的“a2”重复（全角半角、空格不计）：同一版本内条款标识必须不同');

    const widths = clauseLists();
    widths.versions[1].clauses![0].id = '（二）';
    widths.versions[1].clauses![2].id = '( 二 )';
    expect(brief(errors(widths))).to.deep.equal(['/versions/1/clauses/2/id duplicate-clause']);
    // the same id in two different versions is normal
    const across = clauseLists();
    across.versions[1].clauses![0].id = 'a1';
    expect(errors(across)).to.deep.equal([]);
  });

  it('errs on a pair or note naming a version that does not exist', () => {
    const doc = clauseLists({
      pairs: [{ old: { version: 'older', clause: 'a3' }, new: { version: 'new', clause: 'b3' } }],
      notes: [{ version: '2022', clause: 'b3', text: '说明' }],
    });
    const issues = errors(doc);
    expect(issues).to.deep.equal([
      { path: '/pairs/0/old/version', code: 'unknown-version', severity: 'error', params: { version: 'older', known: 'old、new' } },
      { path: '/notes/0/version', code: 'unknown-version', severity: 'error', params: { version: '2022', known: 'old、new' } },
    ]);
    expect(zh(issues[0])).to.equal('「人工对齐 1 · 旧条款 · 版本标识」：没有标识为“older”的版本（现有版本：old、new）');
  });

  it('errs on a pair or note naming a clause that is not in that version, showing how its ids look', () => {
    const doc = clauseLists({
      pairs: [{ old: { version: 'old', clause: 'a3' }, new: { version: 'new', clause: 'b9' } }],
      notes: [{ version: 'old', clause: 'b1', text: '说明' }],
    });
    const issues = errors(doc);
    expect(issues).to.deep.equal([
      { path: '/pairs/0/new/clause', code: 'unknown-clause', severity: 'error', params: { clause: 'b9', version: 'new', examples: 'b1、b2、b3' } },
      { path: '/notes/0/clause', code: 'unknown-clause', severity: 'error', params: { clause: 'b1', version: 'old', examples: 'a1、a2、a3、a4' } },
    ]);
    expect(zh(issues[0])).to.equal('「人工对齐 1 · 新条款 · 条款标识」：版本“new”中没有条款“b9”（该版本的条款标识如：b1、b2、b3）');
  });

  it('resolves references to text versions through the clauses the text splits into, as the comparison does', () => {
    const found = textVersions({
      pairs: [{ old: { version: '2019', clause: '一/（一）' }, new: { version: '2021', clause: '一/(一)' } }],
      notes: [
        { version: '2021', clause: ' 二 / ( 一 ) ', text: '全角半角、空格不计' },
        { version: '2019', clause: '第1段', text: '无编号的段落' },
        { version: '2019', clause: '二', text: '大标题' },
      ],
    });
    expect(check(found).issues).to.deep.equal([]);
    const missing = textVersions({ pairs: [{ old: { version: '2019', clause: '一/(一)' }, new: { version: '2021', clause: '一/(九)' } }] });
    const [error] = errors(missing);
    expect(error).to.deep.include({ path: '/pairs/0/new/clause', code: 'unknown-clause' });
    expect(error.params).to.include({ clause: '一/(九)', version: '2021' });
    expect(String(error.params!.examples)).to.match(/^第1段、一、一\/\(一\)、一\/\(二\)…$/);
  });

  it('says when the version a reference names has no clauses at all', () => {
    const doc = oneSideEmptyComparison();
    doc.notes = [{ version: 'none', clause: '第一条', text: '说明' }];
    const [error] = errors(doc);
    expect(error).to.deep.include({ path: '/notes/0/clause', code: 'unknown-clause', params: { clause: '第一条', version: 'none', examples: '' } });
    expect(zh(error)).to.match(/」：版本“none”没有任何条款，找不到“第一条”$/);
  });

  it('errs on a pair within one version, and on a pair whose old clause is in the newer version', () => {
    const same = clauseLists({ pairs: [{ old: { version: 'old', clause: 'a1' }, new: { version: 'old', clause: 'a2' } }] });
    const [sameError] = errors(same);
    expect(sameError).to.deep.equal({ path: '/pairs/0/new/version', code: 'pair-same-version', severity: 'error', params: { version: 'old' } });
    expect(zh(sameError)).to.equal('「人工对齐 1 · 新条款 · 版本标识」：旧条款和新条款都在版本“old”中，应分别指向两个不同的版本');
    const reversed = clauseLists({ pairs: [{ old: { version: 'new', clause: 'b3' }, new: { version: 'old', clause: 'a3' } }] });
    expect(errors(reversed)).to.deep.equal([{ path: '/pairs/0/old/version', code: 'pair-order', severity: 'error', params: { old: 'new', new: 'old' } }]);
  });

  it('warns about a clause paired twice with the same other version, not about one paired across three versions', () => {
    const twice = clauseLists({
      pairs: [
        { old: { version: 'old', clause: 'a3' }, new: { version: 'new', clause: 'b3' } },
        { old: { version: 'old', clause: 'a3' }, new: { version: 'new', clause: 'b2' } },
        { old: { version: 'old', clause: 'a4' }, new: { version: 'new', clause: 'b3' } },
      ],
    });
    expect(errors(twice)).to.deep.equal([]);
    const issues = warnings(twice);
    expect(issues).to.deep.equal([
      { path: '/pairs/1/old/clause', code: 'clause-paired-twice', severity: 'warning', params: { version: 'old', clause: 'a3', first: 1, other: 'new' } },
      { path: '/pairs/2/new/clause', code: 'clause-paired-twice', severity: 'warning', params: { version: 'new', clause: 'b3', first: 1, other: 'old' } },
    ]);
    expect(zh(issues[0])).to.equal('「人工对齐 2 · 旧条款 · 条款标识」：版本“old”的条款“a3”已在第 1 组人工对齐中与版本“new”对应，一个条款只能对应另一版本的一个条款');

    const chain = comparisonSample('threeVersions', {
      pairs: [
        { old: { version: '2019', clause: '第五条' }, new: { version: '2020-draft', clause: '第六条' } },
        { old: { version: '2020-draft', clause: '第六条' }, new: { version: '2021', clause: '第六条' } },
        { old: { version: '2019', clause: '第五条' }, new: { version: '2021', clause: '第六条' } },
      ],
    });
    expect(check(chain).issues).to.deep.equal([]);
  });

  it('only warns about an empty version: one side empty is legal (a new policy)', () => {
    const result = check(oneSideEmptyComparison());
    expect(result.issues).to.deep.equal([{ path: '/versions/0/text', code: 'empty-version', severity: 'warning', params: { label: '原无规定' } }]);
    expect(result.document).to.exist;
    expect(zh(result.issues[0])).to.equal('版本“原无规定”没有内容（原文为空或没有条款）：与它对比时，另一版本的条款全部显示为新增或删除');
    const blank = identicalComparison();
    blank.versions[1].text = ' \n\u3000\n';
    expect(brief(warnings(blank))).to.deep.equal(['/versions/1/text empty-version']);
    const noClauses = clauseLists();
    noClauses.versions[1].clauses = [];
    expect(brief(check(noClauses).issues)).to.deep.equal(['/versions/1/clauses empty-version']);
  });

  it('warns when the versions are not oldest first, at the first one out of order', () => {
    const doc = comparisonSample('threeVersions');
    doc.versions[1].date = '2018-12-01';
    const issues = warnings(doc);
    expect(issues).to.deep.equal([
      { path: '/versions/1/date', code: 'version-order', severity: 'warning', params: { label: '2020年征求意见稿', date: '2018-12-01', previousDate: '2019-05-10' } },
    ]);
    expect(zh(issues[0])).to.equal('版本“2020年征求意见稿”的日期 2018-12-01 早于前一个版本的日期 2019-05-10：版本应由旧到新排列（最旧的在前）');
    // an undated version is skipped: the next dated one is compared with the last dated one
    const undated = comparisonSample('threeVersions');
    delete undated.versions[1].date;
    undated.versions[2].date = '2019-01-01';
    expect(brief(warnings(undated))).to.deep.equal(['/versions/2/date version-order']);
    expect(warnings(comparisonSample('threeVersions'))).to.deep.equal([]);
  });
});

describe('comparison messages and labels', () => {
  const NEW_CODES: IssueCode[] = [
    'text-and-clauses',
    'duplicate-version',
    'duplicate-clause',
    'unknown-version',
    'unknown-clause',
    'pair-same-version',
    'pair-order',
    'clause-paired-twice',
    'empty-version',
    'version-order',
  ];
  const params = {
    id: 'x1',
    first: 2,
    other: 'x0',
    version: 'v9',
    known: 'v1、v2',
    clause: '第五条',
    examples: '第一条',
    old: 'v2',
    new: 'v1',
    label: '2021年版',
    date: '2021-01-01',
    previousDate: '2022-01-01',
  };

  it('has a Chinese message of its own for every new code, with the values it names', () => {
    const generic = zh(issue('/versions/0/id', 'invalid'));
    for (const code of NEW_CODES) {
      const message = zh(issue('/pairs/0/old/clause', code, params));
      expect(message, code).to.match(/[\u4e00-\u9fff]/);
      expect(message, code).to.not.equal(generic);
      expect(message, code).to.not.contain('undefined');
    }
    expect(zh(issue('/pairs/0/old/clause', 'unknown-clause', params)))
      .to.contain('第五条')
      .and.contain('v9')
      .and.contain('第一条');
  });

  it('names every comparison field in Chinese, by where it is', () => {
    const labels: Record<string, string> = {
      '/type': '文档类型',
      '/schemaVersion': '数据格式版本',
      '/language': '语种',
      '/id': '标识',
      '/title': '标题',
      '/description': '修订说明',
      '/versions': '版本',
      '/versions/0': '版本 1',
      '/versions/0/id': '版本 1 · 版本标识',
      '/versions/0/label': '版本 1 · 版本名称',
      '/versions/0/title': '版本 1 · 文件标题',
      '/versions/0/docNo': '版本 1 · 发文字号',
      '/versions/0/date': '版本 1 · 日期',
      '/versions/0/url': '版本 1 · 原文链接',
      '/versions/0/text': '版本 1 · 原文',
      '/versions/1/clauses': '版本 2 · 条款',
      '/versions/1/clauses/3': '版本 2 · 条款 4',
      '/versions/1/clauses/3/id': '版本 2 · 条款 4 · 条款标识',
      '/versions/1/clauses/3/number': '版本 2 · 条款 4 · 条款编号',
      '/versions/1/clauses/3/heading': '版本 2 · 条款 4 · 条款标题',
      '/versions/1/clauses/3/text': '版本 2 · 条款 4 · 条款内容',
      '/pairs': '人工对齐',
      '/pairs/0/old': '人工对齐 1 · 旧条款',
      '/pairs/0/new': '人工对齐 1 · 新条款',
      '/pairs/0/old/version': '人工对齐 1 · 旧条款 · 版本标识',
      '/pairs/0/new/clause': '人工对齐 1 · 新条款 · 条款标识',
    };
    for (const [path, label] of Object.entries(labels))
      expect(
        withLocale('zh-CN', () => labelOfPath(path, 'comparison')),
        path,
      ).to.equal(label);
  });

  it('names the notes (修改说明) as the comparison’s, not as the interpretation’s 注意事项', () => {
    expect(withLocale('zh-CN', () => labelOfPath('/notes', 'comparison'))).to.equal('修改说明');
    expect(withLocale('zh-CN', () => labelOfPath('/notes/0/clause', 'comparison'))).to.equal('修改说明 1 · 条款标识');
    expect(withLocale('zh-CN', () => labelOfPath('/notes/0/text', 'comparison'))).to.equal('修改说明 1 · 说明');
    // the interpretation's notes stay 注意事项, a 正文 block list
    expect(withLocale('zh-CN', () => labelOfPath('/notes/0/text', 'interpretation'))).to.equal('注意事项 · 第 1 块 · 文字');
  });

  it('names both alternatives of a version by where they are: 「原文」或「条款」', () => {
    const result = checkDocument('comparison', {
      type: 'comparison',
      schemaVersion: 1,
      title: '对照',
      versions: [
        { id: 'a', label: '旧' },
        { id: 'b', label: '新', text: '第一条 x' },
      ],
    });
    const missing = result.issues.find((i) => i.code === 'missing-one-of')!;
    expect(missing.path).to.equal('/versions/0');
    expect(withLocale('zh-CN', () => localizeIssue(missing, 'comparison').message)).to.equal('「原文」或「条款」至少要填一项');
  });

  it('keeps the other kinds’ labels of the same keys', () => {
    expect(withLocale('zh-CN', () => labelOfPath('/blocks/0/items/1/label'))).to.equal('第 1 块 · 条目 2 · 说明');
    expect(withLocale('zh-CN', () => labelOfPath('/body/0/text'))).to.equal('正文 · 第 1 块 · 文字');
    expect(withLocale('zh-CN', () => labelOfPath('/url'))).to.equal('原文链接');
  });
});

describe('a text version that splits into a clause too long to lay out', () => {
  const textVersions = (oldText: string) =>
    comparisonOf([
      { id: 'v2019', label: '2019年版', text: oldText },
      { id: 'v2021', label: '2021年版', text: '第一条 为了规范管理，制定本办法。\n第二条 本办法自发布之日起施行。' },
    ]);

  it('is an error at the version text, naming the clause, its length and the limit', () => {
    const found = errors(textVersions('第一条 ' + '政'.repeat(60_000)));
    expect(brief(found)).to.deep.equal(['/versions/0/text clause-too-long']);
    expect(found[0].params).to.include({ clause: '第一条', max: 50_000, label: '2019年版' });
    expect(zh(found[0])).to.contain('第一条').and.contain('60,000').and.contain('50,000').and.contain('第X条');
  });

  it('is fine when a long text splits into clauses under the limit', () => {
    const long = Array.from({ length: 30 }, (_, i) => `第${i + 1}条 ${'规'.repeat(2_000)}`).join('\n');
    expect(long.length).to.be.greaterThan(50_000);
    expect(brief(errors(textVersions(long)))).to.deep.equal([]);
  });
});
