import { expect } from '@open-wc/testing';
import './rules/interpretation.js';
import { checkDocument } from './check.js';
import { parseIsoDate, workingDaysBetween } from './dates.js';
import { markTerms } from './terms.js';
import { matchesQuery } from './search.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import { localizeIssue } from '../schema/messages.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';

const d = (s: string) => parseIsoDate(s)!;

describe('working days', () => {
  before(() => loadLocale('en'));
  it('skips weekends', () => {
    expect(workingDaysBetween(d('2019-07-30'), d('2019-07-30'))).to.equal(0); // Tuesday
    expect(workingDaysBetween(d('2019-07-30'), d('2019-08-02'))).to.equal(3); // Tue → Fri
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-05'))).to.equal(1); // Fri → Mon
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-04'))).to.equal(0); // Fri → Sun
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-07'))).to.equal(3); // Fri → Wed
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-08'))).to.equal(4);
    expect(workingDaysBetween(d('2019-08-08'), d('2019-08-02'))).to.equal(-4);
    expect(workingDaysBetween(d('2020-12-31'), d('2021-01-04'))).to.equal(2); // across a year end: Fri 1st, Mon 4th
  });
});

describe('interpretation rules', () => {
  before(() => loadLocale('en'));
  const warnings = (doc: unknown) => checkDocument('interpretation', doc).issues.filter((i) => i.severity === 'warning');

  it('accepts a complete interpretation', () => {
    expect(checkDocument('interpretation', fullInterpretation()).issues).to.deep.equal([]);
  });

  it('warns when the 解读 comes more than 3 working days after the policy, counting the days', () => {
    expect(warnings(fullInterpretation({ publishDate: '2019-08-02' }))).to.deep.equal([]); // Tue → Fri: 3
    const late = warnings(fullInterpretation({ publishDate: '2019-08-05' })); // Tue → next Mon: 4 (weekend skipped)
    expect(late).to.deep.equal([
      { path: '/publishDate', code: 'late-interpretation', severity: 'warning', params: { days: 4, limit: 3, date: '2019-08-05', policyDate: '2019-07-30' } },
    ]);
    expect(withLocale('zh-CN', () => localizeIssue(late[0]).message)).to.equal('解读发布日期 2019-08-05 比政策发布日期 2019-07-30 晚 4 个工作日（应在 3 个工作日内）');
    expect(withLocale('en', () => localizeIssue(late[0]).message)).to.contain('4 working days');
  });

  it('errs when there are no sections at all', () => {
    const doc = fullInterpretation();
    for (const key of ['background', 'objectives', 'mainContent', 'scope', 'standards', 'notes', 'glossary', 'changes', 'benefits', 'faq', 'related'] as const) delete doc[key];
    const [error] = checkDocument('interpretation', doc).issues;
    expect(error).to.include({ code: 'no-sections', severity: 'error', path: '' });
  });

  it('warns about a glossary term that never appears in the text', () => {
    const doc = fullInterpretation();
    doc.glossary!.push({ term: '双随机、一公开', definition: '随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。' });
    expect(warnings(doc)).to.deep.equal([{ path: '/glossary/2/term', code: 'glossary-term-unused', severity: 'warning', params: { term: '双随机、一公开' } }]);
  });

  it('needs the policy or its URL, said once', () => {
    const doc = fullInterpretation();
    delete doc.policy;
    const issues = checkDocument('interpretation', doc).issues;
    expect(issues).to.have.length(1);
    expect(issues[0]).to.include({ code: 'missing-one-of', path: '' });
    expect(withLocale('zh-CN', () => localizeIssue(issues[0]).message)).to.equal('「被解读的政策文件」或「被解读的政策文件地址」至少要填一项');
    expect(checkDocument('interpretation', { ...doc, policyUrl: '/data/policy.json' }).issues).to.deep.equal([]);
  });

  it('checks the embedded policy and related policies with the policy rules, under their paths', () => {
    const doc = fullInterpretation();
    doc.policy!.publishDate = '2019-07-01';
    doc.policy!.writtenDate = '2019-07-30';
    (doc.related![0] as { validity?: string }).validity = 'abolished';
    const codes = checkDocument('interpretation', doc).issues.filter((i) => i.severity === 'error').map((i) => `${i.path} ${i.code}`);
    expect(codes).to.deep.equal(['/policy/publishDate date-order', '/related/0/abolishDate abolish-date-missing']);
  });

  it('reports one problem in a related item, not one per alternative', () => {
    const doc = fullInterpretation({ related: [{ url: 'javascript:alert(1)' }] });
    const issues = checkDocument('interpretation', doc).issues;
    expect(issues.map((i) => `${i.path} ${i.code}`)).to.deep.equal(['/related/0/url unsafe-url']);
  });
});

describe('glossary marking and search', () => {
  it('marks each term once, where first met, longest first', () => {
    const marked = new Set<string>();
    expect(markTerms('实行双随机、一公开，一公开是要求', ['一公开', '双随机、一公开'], marked)).to.deep.equal([
      '实行',
      { term: '双随机、一公开', index: 1 },
      '，',
      { term: '一公开', index: 0 },
      '是要求',
    ]);
    expect(markTerms('再说一公开', ['一公开'], marked)).to.deep.equal(['再说一公开']);
  });

  it('matches queries across full-width forms, case and spaces', () => {
    expect(matchesQuery('３个 工作日', '文件公布后3个工作日内')).to.equal(true);
    expect(matchesQuery('ＣＭＳ', 'cms 系统')).to.equal(true);
    expect(matchesQuery('解读 时限', '解读材料', '发布时限')).to.equal(true);
    expect(matchesQuery('补正', '登记、受理')).to.equal(false);
    expect(matchesQuery('  ', 'anything')).to.equal(true);
  });
});
