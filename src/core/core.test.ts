import { expect } from '@open-wc/testing';
import { compareDates, parseIsoDate } from './dates.js';
import { formatDate, formatFileSize } from './format.js';
import { readIndexNo } from './index-no.js';
import { isSafeUrl, safeHref } from './url.js';

describe('core', () => {
  it('parses calendar dates and refuses impossible ones', () => {
    expect(parseIsoDate('2019-07-30')).to.deep.equal({ year: 2019, month: 7, day: 30 });
    expect(parseIsoDate('2020-02-29')).to.exist;
    for (const bad of ['2019-02-29', '2019-13-01', '2019-7-30', '2019/07/30', '', null, 20190730]) expect(parseIsoDate(bad), String(bad)).to.equal(undefined);
    expect(compareDates(parseIsoDate('2020-09-15')!, parseIsoDate('2020-09-16')!)).to.be.lessThan(0);
  });

  it('formats dates the way each locale writes them', () => {
    expect(formatDate('zh-CN', '2019-07-30')).to.equal('2019年7月30日');
    expect(formatDate('en', '2019-07-30')).to.equal('30 July 2019');
    expect(formatDate('zh-Hant', '2019-07-30')).to.equal('2019年7月30日');
    expect(formatDate('zh-CN', 'not a date')).to.equal('not a date');
  });

  it('formats file sizes', () => {
    expect(formatFileSize('zh-CN', 318464)).to.equal('311 KB');
    expect(formatFileSize('en', 1288490)).to.equal('1.2 MB');
    expect(formatFileSize('en', 900)).to.equal('900 B');
  });

  it('reads index numbers', () => {
    expect(readIndexNo('11370100MB28696235/2020-00757')).to.deep.equal({ shape: 'standard', organisationCode: '11370100MB28696235', year: 2020 });
    expect(readIndexNo('002985915/201712-00377')).to.deep.include({ shape: 'local', year: 2017 });
    // local numberings without the slash are still 索引号 (a warning, never refused)
    for (const local of ['SY310107202603028', 'no-slash', '2020-00757', 'ABC/2020-00757', '11370100MB28696235/', '11370100MB28696235/二〇二〇', '鲁市监 2020-1']) {
      expect(readIndexNo(local), local).to.deep.equal({ shape: 'local' });
    }
  });

  it('refuses as 索引号 only what cannot be one', () => {
    const fault = (value: string) => readIndexNo(value).fault;
    expect(fault('11370100MB28696235/2020-00757\n')).to.equal('control');
    expect(fault('SY31\u000b0107')).to.equal('control');
    expect(fault('SY310107<b>2026</b>')).to.equal('markup');
    expect(fault('a>b')).to.equal('markup');
    expect(fault('   ')).to.equal('blank');
    expect(fault('A'.repeat(64))).to.equal(undefined);
    expect(fault('A'.repeat(65))).to.equal('too-long');
    expect(readIndexNo('A'.repeat(65)).shape).to.equal('invalid');
  });

  it('lets only http(s) and relative links through', () => {
    expect(isSafeUrl('https://www.gov.cn/')).to.equal(true);
    expect(isSafeUrl('/relative')).to.equal(true);
    expect(isSafeUrl('javascript:alert(1)')).to.equal(false);
    expect(isSafeUrl('\tjavascript:alert(1)')).to.equal(false);
    expect(isSafeUrl('java\u0000script:alert(1)')).to.equal(false);
    expect(isSafeUrl('mailto:a@b.c')).to.equal(false);
    expect(safeHref('data:text/html,x')).to.equal(undefined);
  });
});

describe('core/format numbers', () => {
  it('writes headline figures the Chinese way and the English way', async () => {
    const { formatFigure, formatPercent, formatNumber } = await import('./format.js');
    expect(formatFigure('zh-CN', 12000)).to.equal('1.2万');
    expect(formatFigure('zh-CN', 340_000_000)).to.equal('3.4亿');
    expect(formatFigure('zh-CN', 3600)).to.equal('3,600');
    expect(formatFigure('zh-CN', 36)).to.equal('36');
    expect(formatFigure('zh-Hant', 12000)).to.equal('1.2萬');
    expect(formatFigure('en', 12000)).to.equal('12,000');
    expect(formatFigure('en', 3_400_000_000)).to.equal('3.4 billion');
    expect(formatPercent('zh-CN', 0.125)).to.equal('12.5%');
    expect(formatNumber('en', 1288490)).to.equal('1,288,490');
  });
});
