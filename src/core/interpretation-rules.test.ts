import { expect } from '@open-wc/testing';
import './rules/interpretation.js';
import { checkDocument } from './check.js';
import { parseIsoDate } from './dates.js';
import { holidaysKnownBetween, isWorkingDay, knownHolidayYears, knownHolidayYearsText, registerHolidays, workingDaysBetween } from './holidays.js';
import { markTerms } from './terms.js';
import { matchesQuery } from './search.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import { localizeIssue } from '../schema/messages.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';

const d = (s: string) => parseIsoDate(s)!;

describe('working days', () => {
  it('skips weekends', () => {
    expect(workingDaysBetween(d('2019-07-30'), d('2019-07-30'))).to.equal(0); // Tuesday
    expect(workingDaysBetween(d('2019-07-30'), d('2019-08-02'))).to.equal(3); // Tue → Fri
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-05'))).to.equal(1); // Fri → Mon
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-04'))).to.equal(0); // Fri → Sun
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-07'))).to.equal(3); // Fri → Wed
    expect(workingDaysBetween(d('2019-08-02'), d('2019-08-08'))).to.equal(4);
    expect(workingDaysBetween(d('2019-08-08'), d('2019-08-02'))).to.equal(-4);
  });

  it('skips the official holidays: 国庆 2024 and 春节 2025 are 1 working day, not 6 and 7', () => {
    expect(workingDaysBetween(d('2024-09-30'), d('2024-10-08'))).to.equal(1); // 10-01…10-07 off
    expect(workingDaysBetween(d('2025-01-27'), d('2025-02-05'))).to.equal(1); // 01-28…02-04 off
    expect(workingDaysBetween(d('2024-10-08'), d('2024-09-30'))).to.equal(-1);
  });

  it('counts across a year boundary with both years’ holidays', () => {
    // 2020-12-31 Thu; 2021-01-01 元旦 (Fri) off, weekend, 01-04 Mon
    expect(workingDaysBetween(d('2020-12-31'), d('2021-01-04'))).to.equal(1);
    // 2024-12-31 Tue → 2025-01-02 Thu: 01-01 off
    expect(workingDaysBetween(d('2024-12-31'), d('2025-01-02'))).to.equal(1);
    expect(holidaysKnownBetween(d('2024-12-31'), d('2025-01-02'))).to.equal(true);
  });

  it('counts a 调休 Saturday as a working day', () => {
    expect(isWorkingDay(d('2024-10-12'))).to.equal(true); // Saturday worked after 国庆
    expect(isWorkingDay(d('2024-10-13'))).to.equal(false); // an ordinary Sunday
    expect(isWorkingDay(d('2024-10-07'))).to.equal(false); // a Monday in the holiday
    // Fri 10-11 → Mon 10-14: Sat 10-12 is worked, so 2 working days, not 1
    expect(workingDaysBetween(d('2024-10-11'), d('2024-10-14'))).to.equal(2);
    // Sun 2025-01-26 was worked before 春节
    expect(workingDaysBetween(d('2025-01-24'), d('2025-01-27'))).to.equal(2);
  });

  it('counts Monday–Friday in a year whose holidays are unknown, and says so', () => {
    const years = knownHolidayYears();
    expect(years[0]).to.be.at.most(2008);
    expect(years).to.include(2024).and.include(2025).and.include(2026);
    expect(knownHolidayYearsText()).to.match(/^20\d\d–20\d\d$/);
    expect(holidaysKnownBetween(d('2099-09-30'), d('2099-10-08'))).to.equal(false);
    expect(holidaysKnownBetween(d('2026-12-30'), d('2099-01-04'))).to.equal(false);
    expect(workingDaysBetween(d('2099-09-30'), d('2099-10-08'))).to.equal(6); // Wed → Thu, weekends only
  });

  it('lets a portal add a year before a library release', () => {
    const year = 2098; // a year no release will ship: the test stays true
    expect(holidaysKnownBetween(d(`${year}-10-01`), d(`${year}-10-09`))).to.equal(false);
    expect(workingDaysBetween(d('2098-09-30'), d('2098-10-09'))).to.equal(7); // Tue → Thu
    registerHolidays(year, { holidays: ['2098-10-01', '2098-10-02', '2098-10-03', '2098-10-04', '2098-10-05', '2098-10-06', '2098-10-07'], workdays: ['2098-10-11'] });
    expect(holidaysKnownBetween(d('2098-09-30'), d('2098-10-09'))).to.equal(true);
    expect(workingDaysBetween(d('2098-09-30'), d('2098-10-09'))).to.equal(2); // 10-08, 10-09
    expect(isWorkingDay(d('2098-10-11'))).to.equal(true); // a Saturday worked
    expect(knownHolidayYears()).to.include(year);
    expect(knownHolidayYearsText()).to.match(/、2098$/);
    expect(() => registerHolidays(year, { holidays: ['2097-10-01'] })).to.throw(RangeError, /2097-10-01/);
    expect(() => registerHolidays(year, { holidays: ['10-01'] })).to.throw(RangeError);
    expect(() => registerHolidays(2098.5, { holidays: [] })).to.throw(TypeError);
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
    const years = knownHolidayYearsText();
    expect(late).to.deep.equal([
      {
        path: '/publishDate',
        code: 'late-interpretation',
        severity: 'warning',
        params: { days: 4, limit: 3, date: '2019-08-05', policyDate: '2019-07-30', calendar: 'official', years },
      },
    ]);
    expect(withLocale('zh-CN', () => localizeIssue(late[0]).message)).to.equal(
      `解读发布日期 2019-08-05 比政策发布日期 2019-07-30 晚 4 个工作日（应在 3 个工作日内；已扣除法定节假日并计入调休上班日，已知 ${years} 年的安排）`,
    );
  });

  it('does not warn around 国庆 and 春节 when the 解读 came on the first working day after', () => {
    const after = (policyDate: string, publishDate: string) => {
      const doc = fullInterpretation({ publishDate });
      doc.policy!.publishDate = policyDate;
      doc.policy!.writtenDate = policyDate;
      return warnings(doc).filter((i) => i.code === 'late-interpretation');
    };
    expect(after('2024-09-30', '2024-10-08')).to.deep.equal([]);
    expect(after('2025-01-27', '2025-02-05')).to.deep.equal([]);
    expect(after('2024-09-27', '2024-10-10')).to.have.length(1); // Fri → 09-29 (调休 Sun), 09-30, 10-08, 10-09, 10-10: 5
    expect(after('2024-09-27', '2024-10-10')[0].params).to.include({ days: 5 });
  });

  it('says when the dates are outside the known holiday years', () => {
    const doc = fullInterpretation({ publishDate: '2099-10-08' });
    doc.policy!.publishDate = '2099-09-30';
    doc.policy!.writtenDate = '2099-09-30';
    const [late] = warnings(doc).filter((i) => i.code === 'late-interpretation');
    expect(late.params).to.include({ days: 6, calendar: 'weekdays', years: knownHolidayYearsText() });
    expect(withLocale('zh-CN', () => localizeIssue(late).message))
      .to.contain(`节假日安排只知道 ${knownHolidayYearsText()} 年`)
      .and.contain('未扣除节假日');
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
    const codes = checkDocument('interpretation', doc)
      .issues.filter((i) => i.severity === 'error')
      .map((i) => `${i.path} ${i.code}`);
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
