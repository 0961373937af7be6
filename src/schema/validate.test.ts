import { expect } from '@open-wc/testing';
import '../core/rules/policy.js';
import { checkDocument } from '../core/check.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import { samples, sample } from '../test-support/samples.js';
import type { Issue } from './issues.js';
import { localizeIssue } from './messages.js';
import { validateSchema } from './validate.js';

const errorsOf = (data: unknown) => checkDocument('policy', data).issues.filter((i) => i.severity === 'error');
const messages = (issues: Issue[], locale: 'zh-CN' | 'en') => withLocale(locale, () => issues.map((i) => localizeIssue(i).message));

describe('policy schema validation', () => {
  before(() => loadLocale('en'));
  for (const [name, doc] of Object.entries(samples)) {
    it(`accepts the ${name} seed sample`, () => {
      expect(errorsOf(doc)).to.deep.equal([]);
    });
  }

  it('reports a missing required field with its path', () => {
    const doc = sample('jinan');
    delete doc.title;
    const [error] = errorsOf(doc);
    expect(error).to.include({ path: '/title', code: 'required', severity: 'error' });
    expect(messages([error], 'zh-CN')[0]).to.equal('缺少必填项「标题」');
    expect(messages([error], 'en')[0]).to.match(/title/i);
  });

  it('reports a missing nested field', () => {
    const [error] = errorsOf(sample('jinan', { issuer: {} }));
    expect(error).to.include({ path: '/issuer/name', code: 'required' });
    expect(messages([error], 'zh-CN')[0]).to.equal('缺少必填项「发布机构 · 名称」');
    const [item] = errorsOf(sample('jinan', { attachments: [{ name: 'a', url: '/a' }, { url: '/b' }] }));
    expect(messages([item], 'zh-CN')[0]).to.equal('缺少必填项「附件 2 · 名称」');
    expect(messages([item], 'en')[0]).to.equal('Required field "Attachments 2 · Name" is missing');
  });

  it('reports an impossible date and an unformatted date', () => {
    const bad = errorsOf(sample('jinan', { publishDate: '2020-02-30', writtenDate: '2020/09/16' }));
    expect(bad.map((i) => `${i.path} ${i.code}`)).to.have.members(['/publishDate invalid-date', '/writtenDate invalid-date']);
    const [zh] = messages(
      bad.filter((i) => i.path === '/publishDate'),
      'zh-CN',
    );
    expect(zh).to.equal('「发布日期」不是有效日期：“2020-02-30”（格式 YYYY-MM-DD）');
    const [en] = messages(
      bad.filter((i) => i.path === '/publishDate'),
      'en',
    );
    expect(en)
      .to.contain('2020-02-30')
      .and.not.match(/[\u4e00-\u9fff]/);
  });

  it('refuses javascript:, data: and disguised links', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', ' javascript:alert(1)', 'java\nscript:alert(1)', 'vbscript:x']) {
      const [error] = errorsOf(sample('guangzhou', { url }));
      expect(error, url).to.include({ path: '/url', code: 'unsafe-url' });
    }
    expect(messages(errorsOf(sample('guangzhou', { url: 'javascript:alert(1)' })), 'zh-CN')[0]).to.match(/^「原文链接」/);
    const [nested] = errorsOf(sample('jinan', { attachments: [{ name: '附件', url: 'javascript:alert(1)' }] }));
    expect(nested).to.include({ path: '/attachments/0/url', code: 'unsafe-url' });
    expect(messages([nested], 'zh-CN')[0])
      .to.contain('javascript:alert(1)')
      .and.contain('只允许 http、https 或相对地址');
  });

  it('accepts http, https and relative links', () => {
    for (const url of ['https://www.gov.cn/zhengce/', 'http://sw.gz.gov.cn/a.html', '/xxgk/a.html', 'a/b.html', '../c.pdf', '?page=2', '#top', '//www.gov.cn/x']) {
      expect(errorsOf(sample('guangzhou', { url })), url).to.deep.equal([]);
    }
  });

  it('reports unknown fields, wrong types, values outside an enum and blank text', () => {
    const issues = errorsOf(sample('jinan', { titel: 'x', keywords: 'a,b', validity: 'valid', summary: '   ' }));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.code]));
    expect(byPath).to.deep.equal({ '/titel': 'unknown-property', '/keywords': 'wrong-type', '/validity': 'not-allowed-value', '/summary': 'blank' });
    expect(
      messages(
        issues.filter((i) => i.code === 'wrong-type'),
        'zh-CN',
      )[0],
    ).to.equal('「关键词」的类型不正确：应为列表（数组），实际是 “a,b”');
    const [duplicate] = errorsOf(sample('jinan', { keywords: ['政务公开', '市场监管', '政务公开'] }));
    expect(messages([duplicate], 'zh-CN')[0]).to.equal('「关键词」有重复项（第 3 项）');
    const zh = messages(issues, 'zh-CN').join('\n');
    expect(zh).to.contain('不认识的字段「titel」').and.contain('「有效性」的取值 “valid” 不在允许范围内').and.contain('「内容概述」不能为空');
  });

  it('names the wrong document kind and unsupported versions', () => {
    expect(validateSchema('policy', { type: 'interpretation' })).to.deep.equal([
      { path: '/type', code: 'wrong-kind', severity: 'error', params: { expected: 'policy', value: 'interpretation', valueType: 'string' } },
    ]);
    const [version] = errorsOf(sample('jinan', { schemaVersion: 2 }));
    expect(version).to.include({ path: '/schemaVersion', code: 'unsupported-version' });
    const [notObject] = errorsOf([1, 2]);
    expect(notObject).to.include({ path: '', code: 'not-object' });
  });

  it('checks that the publish date is not before the written date', () => {
    const [error] = errorsOf(sample('jinan', { writtenDate: '2020-09-20', publishDate: '2020-09-16' }));
    expect(error).to.include({ path: '/publishDate', code: 'date-order' });
    expect(messages([error], 'zh-CN')[0]).to.equal('「发布日期」2020-09-16 早于「成文日期」2020-09-20');
    expect(messages([error], 'en')[0])
      .to.contain('2020-09-16')
      .and.contain('2020-09-20')
      .and.not.match(/[\u4e00-\u9fff]/);
  });

  it('requires an abolish date on an abolished policy, and warns on an expired one', () => {
    const [error] = errorsOf(sample('jinan', { validity: 'abolished' }));
    expect(error).to.include({ path: '/abolishDate', code: 'abolish-date-missing', severity: 'error' });
    expect(messages([error], 'zh-CN')[0]).to.equal('有效性为「已废止」，但缺少「废止日期」');
    expect(messages([error], 'en')[0]).to.equal('Validity is "Abolished", but "Date abolished" is missing');
    const expired = checkDocument('policy', sample('jinan', { validity: 'expired' }));
    expect(expired.document).to.exist;
    expect(expired.issues[0]).to.include({ code: 'abolish-date-missing', severity: 'warning' });
  });

  it('rejects an abolish date before the effective date', () => {
    const [error] = errorsOf(sample('guangzhou', { validity: 'abolished', abolishDate: '2021-01-01' }));
    expect(error).to.include({ path: '/abolishDate', code: 'abolish-before-effective' });
  });

  describe('索引号 (indexNo)', () => {
    it('accepts the standard shape with an 18- or 9-character organisation code', () => {
      for (const indexNo of ['11370100MB28696235/2020-00757', '002985915/2017-00377', '00298591-5/2017-1']) {
        const result = checkDocument('policy', sample('jinan', { indexNo, writtenDate: indexNo.includes('2017') ? '2017-12-18' : '2020-09-16', publishDate: '2020-09-16' }));
        expect(result.issues, indexNo).to.deep.equal([]);
      }
    });

    it('warns, not errs, on a local shape (seed 002: 002985915/201712-00377)', () => {
      const result = checkDocument('policy', samples.anhui);
      expect(result.document).to.exist;
      expect(result.issues).to.deep.equal([{ path: '/indexNo', code: 'index-no-local-format', severity: 'warning', params: { value: '002985915/201712-00377' } }]);
    });

    it('warns, not errs, on local shapes without the slash (a real portal: SY310107202603028)', () => {
      for (const indexNo of ['SY310107202603028', '2020-00757', 'ABC/2020-00757', '11370100MB28696235/', '11370100MB28696235/二〇二〇']) {
        const result = checkDocument('policy', sample('jinan', { indexNo }));
        expect(result.document, indexNo).to.exist;
        expect(result.issues, indexNo).to.deep.equal([{ path: '/indexNo', code: 'index-no-local-format', severity: 'warning', params: { value: indexNo } }]);
      }
    });

    it('errs only on what cannot be an index number: control characters, markup, absurd length, blank', () => {
      const errorOf = (indexNo: string) => errorsOf(sample('jinan', { indexNo }));
      const [control] = errorOf('SY310107\n202603028');
      expect(control).to.deep.include({ path: '/indexNo', code: 'index-no-format' });
      expect(control.params).to.include({ reason: 'control' });
      expect(messages([control], 'zh-CN')[0]).to.equal('「索引号」含有换行、制表符等控制字符，不可能是索引号：“SY310107\\n202603028”');
      const [markup] = errorOf('<a href="x">SY310107202603028</a>');
      expect(markup.params).to.include({ reason: 'markup' });
      expect(messages([markup], 'zh-CN')[0]).to.match(/^「索引号」含有 < 或 >（像是网页标记），不可能是索引号：“<a href/);
      const [long] = errorOf('SY'.repeat(40));
      expect(long.params).to.include({ reason: 'too-long', length: 80, max: 64 });
      expect(messages([long], 'zh-CN')[0]).to.match(/^「索引号」长 80 个字符，超过 64 个，不可能是索引号：“SYSY.{56}…”$/);
      expect(errorOf('   ')).to.deep.equal([{ path: '/indexNo', code: 'blank', severity: 'error' }]);
      expect(errorOf('A'.repeat(64))).to.deep.equal([]);
      // the document still shows (only a cross-field rule failed), under the error list
      expect(checkDocument('policy', sample('jinan', { indexNo: 'a<b' })).partial).to.exist;
    });

    it('warns when the year in the index number differs from the written date', () => {
      const result = checkDocument('policy', sample('jinan', { indexNo: '11370100MB28696235/2019-00757' }));
      expect(result.issues).to.deep.include({ path: '/indexNo', code: 'index-no-year-mismatch', severity: 'warning', params: { year: 2019, otherYear: 2020 } });
    });
  });

  it('offers the valid remainder when only optional fields are wrong', () => {
    const result = checkDocument('policy', sample('guangzhou', { url: 'javascript:alert(1)', keywords: [1] }));
    expect(result.document).to.equal(undefined);
    expect(result.partial).to.exist;
    expect(result.partial).to.not.have.property('url');
    expect(result.partial!.keywords).to.deep.equal([]); // the bad item is dropped, not the list
    expect(result.partial!.title).to.equal(samples.guangzhou.title);
  });

  it('offers no remainder when a required field is wrong', () => {
    const result = checkDocument('policy', sample('guangzhou', { title: 42 }));
    expect(result.partial).to.equal(undefined);
  });
});
