import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { characters, diffText } from './diff.js';
import type { DiffSegment } from './types.js';

/** The redline as one string: [-deleted]{+inserted}. */
const redline = (segments: DiffSegment[]) => segments.map((s) => (s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}]` : `{+${s.text}}`)).join('');
const side = (segments: DiffSegment[], op: 'delete' | 'insert') =>
  segments
    .filter((s) => s.op === 'equal' || s.op === op)
    .map((s) => s.text)
    .join('');
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The invariants every diff keeps: rebuilds both texts, no empty or same-op neighbours, deletion before insertion, whole code points. */
function checkShape(oldText: string, newText: string, segments: DiffSegment[]) {
  expect(side(segments, 'delete'), 'old rebuilt').to.equal(oldText);
  expect(side(segments, 'insert'), 'new rebuilt').to.equal(newText);
  segments.forEach((s, k) => {
    expect(s.text.length, `segment ${k} not empty`).to.be.greaterThan(0);
    if (k > 0) expect(s.op, `segment ${k} op differs from the previous one`).to.not.equal(segments[k - 1].op);
    if (k > 0) expect(segments[k - 1].op === 'insert' && s.op === 'delete', `segment ${k}: deletion comes first`).to.equal(false);
    expect(isLow(s.text.charCodeAt(0)), `segment ${k} starts inside a surrogate pair: ${JSON.stringify(s.text)}`).to.equal(false);
    expect(isHigh(s.text.charCodeAt(s.text.length - 1)), `segment ${k} ends inside a surrogate pair: ${JSON.stringify(s.text)}`).to.equal(false);
  });
}

describe('diffText', () => {
  it('gives nothing for two empty texts, one equal segment for equal texts, one insertion or deletion against empty', () => {
    expect(diffText('', '')).to.deep.equal([]);
    expect(diffText('政务公开', '政务公开')).to.deep.equal([{ op: 'equal', text: '政务公开' }]);
    expect(diffText('', '政务公开')).to.deep.equal([{ op: 'insert', text: '政务公开' }]);
    expect(diffText('政务公开', '')).to.deep.equal([{ op: 'delete', text: '政务公开' }]);
  });

  // Sentences of seed 000 (省商务厅2019年政务公开工作实施方案) with revisions as a drafter would write them.
  it('reads as phrase edits on real sentences, not scattered characters', () => {
    const cases: [string, string, string][] = [
      ['加强政策解读', '做好政策解读工作', '[-加强]{+做好}政策解读{+工作}'],
      ['积极回应社会关切', '主动回应公众关注', '[-积极]{+主动}回应[-社会关切]{+公众关注}'],
      ['加强政务新媒体日常监管和维护', '强化政务新媒体日常运维和安全管理', '[-加强]{+强化}政务新媒体日常[-监管和维护]{+运维和安全管理}'],
      [
        '严格时限办理,原则上自收到申请之日起20个工作日内予以答复。',
        '严格时限办理,原则上自收到申请之日起15个工作日内予以答复。',
        '严格时限办理,原则上自收到申请之日起[-20]{+15}个工作日内予以答复。',
      ],
      ['每年解读重要政策措施不少于2次。', '每年解读重要政策措施不少于3次，并通过新闻发布会等方式解读。', '每年解读重要政策措施不少于[-2]{+3}次{+，并通过新闻发布会等方式解读}。'],
      [
        '将政务公开纳入厅绩效考核体系,分值不低于4%。',
        '将政务公开纳入厅绩效考核体系，分值不低于5%，并加强督查。',
        '将政务公开纳入厅绩效考核体系[-,]{+，}分值不低于[-4]{+5}%{+，并加强督查}。',
      ],
      ['按照“谁起草、谁解读”的原则,做好政策解读工作。', '按照“谁起草、谁解读”的原则,全面做好政策解读和回应工作。', '按照“谁起草、谁解读”的原则,{+全面}做好政策解读{+和回应}工作。'],
      [
        '不断提高网站搜索功能,优化搜索结果排序,增强用户体验。',
        '持续优化网站搜索服务,提升检索准确率,改善用户体验。',
        '[-不断提高]{+持续优化}网站搜索[-功能]{+服务},[-优化搜索结果排序]{+提升检索准确率},[-增强]{+改善}用户体验。',
      ],
      [
        '完善省级政务服务热线、山东政务服务办事咨询系统、厅网站网民咨询留言、问政山东网民留言办理机制。',
        '完善12345政务服务便民热线、厅网站网民咨询留言办理机制。',
        '完善[-省级]{+12345}政务服务{+便民}热线、[-山东政务服务办事咨询系统、]厅网站网民咨询留言[-、问政山东网民留言]办理机制。',
      ],
      [
        '(二)积极回应社会关切。出台的重要改革措施、涉及公众切身利益、容易引发媒体和社会关注的政策文件',
        '(二)积极回应社会关切。出台涉及公众切身利益、容易引发社会关注的重要改革措施和政策文件',
        '(二)积极回应社会关切。出台[-的重要改革措施、]涉及公众切身利益、容易引发[-媒体和]社会关注的{+重要改革措施和}政策文件',
      ],
    ];
    for (const [oldText, newText, expected] of cases) {
      const segments = diffText(oldText, newText);
      expect(redline(segments), oldText).to.equal(expected);
      checkShape(oldText, newText, segments);
    }
  });

  it('shows a changed number whole, not its changed digits', () => {
    expect(redline(diffText('2019年我厅政务公开工作', '2021年我厅政务公开工作'))).to.equal('[-2019]{+2021}年我厅政务公开工作');
    expect(redline(diffText('自收到转办件之日起10个工作日内', '自收到转办件之日起7个工作日内'))).to.equal('自收到转办件之日起[-10]{+7}个工作日内');
    expect(redline(diffText('分值不低于１５％', '分值不低于１８％'))).to.equal('分值不低于[-１５]{+１８}％');
    checkShape('第1.5倍', '第12.5倍', diffText('第1.5倍', '第12.5倍'));
  });

  it('shows two long unrelated stretches as one rewrite, without chance single-character islands', () => {
    const tail = '按照“属地管理、分级负责、谁主管谁负责”的原则，切实增强敏锐性和预见性。';
    const oldText = '发布日期: 2019- 07- 30 信息来源: 浏览次数 字体:【' + tail;
    const newText = '加强重大突发事件舆情风险源头研判，增强回应的主动性、针对性、有效性，保持正确的舆论导向。' + tail;
    const segments = diffText(oldText, newText);
    expect(redline(segments)).to.equal(`[-${oldText.slice(0, -tail.length)}]{+${newText.slice(0, -tail.length)}}${tail}`);
    checkShape(oldText, newText, segments);
  });

  it('places an inserted list item on the punctuation boundary', () => {
    // 「同步部署、」 could sit after 「同步组织、」's 同步 too; the clean place is after a 、
    expect(
      redline(
        diffText('主办处室应将政策性文件与解读方案、解读材料同步组织、同步审签、同步部署。', '主办处室应将政策性文件与解读方案、解读材料同步组织、同步审签、同步发布、同步部署。'),
      ),
    ).to.equal('主办处室应将政策性文件与解读方案、解读材料同步组织、同步审签、{+同步发布、}同步部署。');
    // a dropped item takes its own 、 with it
    expect(redline(diffText('同步组织、同步审签、同步部署', '同步组织、同步部署'))).to.equal('同步组织、[-同步审签、]同步部署');
  });

  it('keeps line breaks between paragraph edits', () => {
    const segments = diffText('第一款内容。\n第二款内容。', '第一款新内容。\n第二款新内容。');
    checkShape('第一款内容。\n第二款内容。', '第一款新内容。\n第二款新内容。', segments);
    expect(redline(segments)).to.equal('第一款{+新}内容。\n第二款{+新}内容。');
  });

  it('never splits a surrogate pair, an emoji sequence, a flag or a combining mark', () => {
    const cases: [string, string, string][] = [
      ['𠀀', '𪚥', '[-𠀀]{+𪚥}'],
      ['申请人𠮷田', '申请人𠀀田', '申请人[-𠮷]{+𠀀}田'],
      // 𠮷 and 𠀀 share their high surrogate: a UTF-16 diff would keep it as "equal"
      ['𠮷𠀀𪚥', '𠀀𪚥', '[-𠮷]𠀀𪚥'],
      ['点赞👍🏽', '点赞👍🏿', '点赞[-👍🏽]{+👍🏿}'],
      ['👍', '👍🏽', '[-👍]{+👍🏽}'],
      ['家庭👨‍👩‍👧成员', '家庭👨‍👩‍👦成员', '家庭[-👨‍👩‍👧]{+👨‍👩‍👦}成员'],
      ['🇨🇳🇭🇰', '🇨🇳🇲🇴', '🇨🇳[-🇭🇰]{+🇲🇴}'],
      ['cafe\u0301', 'cafe', 'caf[-e\u0301]{+e}'],
      ['政策𠀀解读👍🏽', '政策𪚥解读👨‍👩‍👧', '政策[-𠀀]{+𪚥}解读[-👍🏽]{+👨‍👩‍👧}'],
    ];
    for (const [oldText, newText, expected] of cases) {
      const segments = diffText(oldText, newText);
      expect(redline(segments), oldText).to.equal(expected);
      checkShape(oldText, newText, segments);
    }
    expect(characters('a👨‍👩‍👧🇨🇳é\r\n𠮷')).to.deep.equal(['a', '👨‍👩‍👧', '🇨🇳', 'é', '\r\n', '𠮷']);
  });

  it('rebuilds both texts and keeps whole code points on random mixed text (property)', () => {
    const alphabet = ['政', '策', '解', '读', '公', '开', '的', '，', '。', '、', '\n', ' ', 'a', 'b', '1', '𠀀', '𪚥', '𠮷', '👍🏽', '👍', '👨‍👩‍👧', '🇨🇳', 'e\u0301', '（', '）'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''));
    // the new text is usually an edit of the old one, so the clean-up has real islands to work on
    const pair = fc.oneof(
      fc.tuple(text, text),
      fc.tuple(text, text, text, text).map(([a, b, c, d]) => [a + b + c, a + d + c] as [string, string]),
    );
    fc.assert(
      fc.property(pair, ([oldText, newText]) => {
        checkShape(oldText, newText, diffText(oldText, newText));
      }),
      { numRuns: 1500 },
    );
    // lone surrogates (broken input) stay whole too and are never paired with a neighbour
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (oldText, newText) => {
        const segments = diffText(oldText, newText);
        expect(side(segments, 'delete')).to.equal(oldText);
        expect(side(segments, 'insert')).to.equal(newText);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to one deletion and one insertion when the texts are too different to diff', () => {
    // two unrelated 20,000-character texts (different first and last characters): Myers would need ~D² steps
    const make = (alphabet: string, seed: number) => {
      let out = '';
      for (let k = 0, x = seed; k < 20000; k++) ((x = (x * 1103515245 + 12345) & 0x7fffffff), (out += alphabet[x % alphabet.length]));
      return out;
    };
    const oldText = '甲' + make('政务公开信息发布解读回应平台建设', 1) + '乙';
    const newText = '丙' + make('市场监管消费升级招商引资项目服务', 2) + '丁';
    const segments = diffText(oldText, newText);
    expect(segments).to.deep.equal([
      { op: 'delete', text: oldText },
      { op: 'insert', text: newText },
    ]);
    // the same with a shared beginning and end: they stay equal around the fallback
    const wrapped = diffText('前言。' + oldText + '。结语', '前言。' + newText + '。结语');
    expect(wrapped.map((s) => s.op)).to.deep.equal(['equal', 'delete', 'insert', 'equal']);
    checkShape('前言。' + oldText + '。结语', '前言。' + newText + '。结语', wrapped);
  });
});
