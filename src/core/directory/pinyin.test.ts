import { expect } from '@open-wc/testing';
import { pinyinInitials } from './pinyin.js';

describe('directory pinyin initials', () => {
  it('gives one lower-case letter per Han character', () => {
    expect(pinyinInitials('政务公开')).to.equal('zwgk');
    expect(pinyinInitials('关于印发《济南市优化营商环境实施方案》的通知')).to.equal('gyyfjnsyhyshjssfadtz');
    expect(pinyinInitials('阿坝州八达岭')).to.equal('abzbdl');
  });

  it('keeps ascii letters and digits, drops punctuation', () => {
    expect(pinyinInitials('2019年“三公”经费ABC')).to.equal('2019nsgjfabc');
  });

  it('reads listed polyphone words in context', () => {
    expect(pinyinInitials('中国人民银行')).to.equal('zgrmyh');
    expect(pinyinInitials('重庆市')).to.equal('cqs');
    expect(pinyinInitials('行政许可')).to.equal('xzxk');
  });
});
