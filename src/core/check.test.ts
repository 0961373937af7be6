import { expect } from '@open-wc/testing';
import './rules/policy.js';
import { policyRules } from './rules/policy.js';
import { checkDocument, notJsonData, registerRules } from './check.js';
import { withLocale } from '../i18n/locale.js';
import { localizeIssue } from '../schema/messages.js';
import type { DocumentKind } from '../schema/validate.js';
import { sample } from '../test-support/samples.js';

const zh = (data: unknown) => withLocale('zh-CN', () => checkDocument('policy', data).issues.map((i) => localizeIssue(i).message));

describe('checkDocument: bad data is reported, bugs are thrown', () => {
  it('lets a throwing rule reach the caller with its stack (a bug, not bad data)', () => {
    const bug = new Error('a rule with a bug');
    registerRules('policy', () => {
      throw bug;
    });
    try {
      expect(() => checkDocument('policy', sample('jinan'))).to.throw(bug);
    } finally {
      registerRules('policy', policyRules);
    }
    expect(checkDocument('policy', sample('jinan')).document).to.exist; // restored
  });

  it('throws for a kind whose schema was never registered', () => {
    expect(() => checkDocument('comparison' as DocumentKind, { type: 'comparison', schemaVersion: 1 })).to.throw(/no schema registered/);
  });

  it('reports circular data as not JSON, at the place it loops', () => {
    const doc = sample('jinan') as Record<string, unknown>;
    const issuer = doc.issuer as Record<string, unknown>;
    issuer.parent = doc;
    const { issues, document, partial } = checkDocument('policy', doc);
    expect(issues).to.deep.equal([{ path: '/issuer/parent', code: 'not-json', severity: 'error', params: { reason: 'circular' } }]);
    expect(document).to.equal(undefined);
    expect(partial).to.equal(undefined);
    expect(zh(doc)[0]).to.equal('「发布机构 · parent」指回了包含它的对象（循环引用），不是 JSON 数据');
    const list: unknown[] = [];
    list.push(list);
    expect(notJsonData({ keywords: list })).to.deep.include({ path: '/keywords/0', code: 'not-json' });
  });

  it('does not mistake a value used twice for a loop', () => {
    const org = { name: '济南市市场监督管理局' };
    expect(checkDocument('policy', sample('jinan', { issuer: org, replaces: [{ title: '旧文件' }, { title: '旧文件' }] })).document).to.exist;
    expect(notJsonData({ a: org, b: org })).to.equal(undefined);
  });

  it('reports BigInt, functions and symbols as not JSON', () => {
    expect(checkDocument('policy', sample('jinan', { attachments: [{ name: 'a', url: '/a', size: 10n }] })).issues).to.deep.equal([
      { path: '/attachments/0/size', code: 'not-json', severity: 'error', params: { reason: 'bigint' } },
    ]);
    expect(zh(sample('jinan', { attachments: [{ name: 'a', url: '/a', size: 10n }] }))[0]).to.equal('「附件 1 · 文件大小」是 BigInt 大整数，JSON 数据中没有这种值');
    expect(notJsonData({ title: () => 'x' })).to.deep.include({ path: '/title', params: { reason: 'function' } });
    expect(notJsonData({ title: Symbol('x') })).to.deep.include({ path: '/title', params: { reason: 'symbol' } });
  });

  it('reports an object whose getter throws as unreadable, where it threw', () => {
    const doc = sample('jinan') as Record<string, unknown>;
    Object.defineProperty(doc, 'summary', {
      enumerable: true,
      get: () => {
        throw new Error('denied');
      },
    });
    const [only, ...rest] = checkDocument('policy', doc).issues;
    expect(rest).to.deep.equal([]);
    expect(only).to.deep.equal({ path: '/summary', code: 'not-json', severity: 'error', params: { reason: 'unreadable', error: 'denied' } });
    expect(zh(doc)[0]).to.equal('读取「内容概述」时出错（denied），不是 JSON 数据');
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const unreadable = notJsonData({ issuer: revoked.proxy })!;
    expect(unreadable).to.include({ path: '/issuer', code: 'not-json' });
    expect(unreadable.params).to.include({ reason: 'unreadable' });
  });

  it('refuses absurdly deep data without walking it all', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10_000; i++) deep = (deep.x = {}) as Record<string, unknown>;
    expect(notJsonData(root)).to.deep.include({ code: 'not-json', params: { reason: 'too-deep', max: 64 } });
  });

  it('names internal errors for staff, not as a data problem', () => {
    const message = withLocale('zh-CN', () => localizeIssue({ path: '', code: 'internal-error', severity: 'error' }).message);
    expect(message).to.equal('处理数据时程序出错（不是数据的问题），请把控制台信息发给网站技术支持');
  });
});
