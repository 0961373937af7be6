import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { splitUtterances } from './sentences.js';
import type { Utterance } from './sentences.js';

const nonSpace = (s: string) => s.replace(/\s/g, '');

/** The contract every split holds: in order, each ≤ max, trimmed, non-empty, its offsets right, all non-space characters exactly once. */
function expectWellFormed(input: string, max: number, utterances: Utterance[]) {
  let last = 0;
  for (const u of utterances) {
    expect(u.start, `order at ${JSON.stringify(u.text)}`).to.be.at.least(last);
    expect(u.end).to.be.greaterThan(u.start);
    expect(input.slice(u.start, u.end)).to.equal(u.text);
    expect(u.text.length, `${JSON.stringify(u.text)} longer than ${max}`).to.be.at.most(max);
    expect(u.text).to.equal(u.text.trim());
    expect(/^\s/.test(u.text) || /\s$/.test(u.text), 'trimmed').to.equal(false);
    expect(nonSpace(input.slice(last, u.start)), 'nothing skipped').to.equal('');
    last = u.end;
  }
  expect(nonSpace(input.slice(last)), 'nothing skipped at the end').to.equal('');
  expect(utterances.map((u) => nonSpace(u.text)).join('')).to.equal(nonSpace(input));
}

/** Which utterance holds offset `at` (-1 for none). */
const holder = (utterances: Utterance[], at: number) => utterances.findIndex((u) => u.start <= at && at < u.end);

const HAN = [...'政务公开工作要点实施方案信息发布解读回应平台建设'];
const PUNCT = [...'。！？!?；;，、,：:…“”‘’「」『』（）()【】〔〕《》"\''];
const SPACES = [' ', '\u3000', '\u00a0', '\n', '\r\n', '\t'];
const OTHER = [...'0123456789.%-/abcXYZ', '😀', '𠀋'];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HAN) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...OTHER) },
);
const anyText = fc.array(unit, { maxLength: 600 }).map((units) => units.join(''));

// tokens that must never be cut, each ≤ 20 characters
const number = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}%`),
  fc.integer({ min: 1000, max: 9999999 }).map((n) => n.toLocaleString('en-US')),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 10, max: 59 })).map(([h, m]) => `${h}:${m}`),
  fc.integer({ min: 0, max: 99999 }).map(String),
);
const date = fc
  .tuple(fc.integer({ min: 1949, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean())
  .map(([y, m, d, day]) => (day ? `${y}年${m}月${d}日` : `${y}年${m}月`));
const docNo = fc
  .tuple(fc.constantFrom('穗商务函', '国办发', '鲁商字', '粤府办', '皖商办'), fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 999 }))
  .map(([org, y, n]) => `${org}〔${y}〕${n}号`);
const word = fc.constantFrom('COVID-19', 'Hello', 'WCAG', 'www', 'e-mail', 'API', 'GB/T', 'ISO', 'PDF', 'Web');
const token = fc.oneof(number, date, docNo, word);
const filler = fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 150 }).map((c) => c.join(''));
const separator = fc.constantFrom('，', '。', ' ', '、', '的', '；', '\n', '：');
/** text made of tokens between fillers and separators, with the tokens' offsets */
const tokenText = fc.array(fc.tuple(filler, separator, token, separator), { minLength: 1, maxLength: 12 }).map((parts) => {
  let text = '';
  const tokens: { start: number; end: number; token: string }[] = [];
  for (const [before, sep1, t, sep2] of parts) {
    text += before + sep1;
    tokens.push({ start: text.length, end: text.length + t.length, token: t });
    text += t + sep2;
  }
  return { text, tokens };
});

describe('splitUtterances', () => {
  it('covers every non-space character exactly once, in order, in trimmed pieces of at most max', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 2, max: 200 }), (text, max) => expectWellFormed(text, max, splitUtterances(text, max))),
      { numRuns: 400 },
    );
  });

  it('never cuts a number, a date, a 文号 or an ascii word', () => {
    fc.assert(
      fc.property(tokenText, fc.integer({ min: 40, max: 160 }), ({ text, tokens }, max) => {
        const utterances = splitUtterances(text, max);
        expectWellFormed(text, max, utterances);
        for (const t of tokens) {
          const first = holder(utterances, t.start);
          expect(first, `${t.token} in ${JSON.stringify(utterances.map((u) => u.text))}`).to.be.at.least(0);
          expect(holder(utterances, t.end - 1), `${t.token} cut`).to.equal(first);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    const closer = /^[”’」』）)】〕》]/;
    const quoted = fc
      .tuple(filler, fc.constantFrom(['“', '。”'], ['「', '！」'], ['（', '。）'], ['《', '》'], ['“', '？”'], ['(', ';)']), filler)
      .map(([inner, [open, close], after]) => `${open}${inner.slice(0, 30)}${close}${after}`);
    fc.assert(
      fc.property(fc.array(quoted, { minLength: 1, maxLength: 8 }), fc.integer({ min: 40, max: 160 }), (parts, max) => {
        const text = parts.join('');
        const utterances = splitUtterances(text, max);
        expectWellFormed(text, max, utterances);
        for (const u of utterances) expect(closer.test(u.text), `${JSON.stringify(u.text)} starts with a closer`).to.equal(false);
      }),
      { numRuns: 300 },
    );
  });

  it('prefers sentence ends, then clause marks, then white space, then characters, and cuts hard only inside an over-long token', () => {
    expect(splitUtterances('第一句。第二句！第三句？第四句；完').map((u) => u.text)).to.deep.equal(['第一句。', '第二句！', '第三句？', '第四句；', '完']);
    expect(
      splitUtterances('短句一，短句二，短句三。').map((u) => u.text),
      'short sentences keep their commas',
    ).to.deep.equal(['短句一，短句二，短句三。']);
    expect(splitUtterances('甲乙丙丁，戊己庚辛，壬癸子丑。', 10).map((u) => u.text)).to.deep.equal(['甲乙丙丁，戊己庚辛，', '壬癸子丑。']);
    expect(splitUtterances('甲乙丙丁 戊己庚辛 壬癸子丑', 10).map((u) => u.text)).to.deep.equal(['甲乙丙丁 戊己庚辛', '壬癸子丑']);
    expect(splitUtterances('甲乙丙丁戊己庚辛壬癸子丑', 5).map((u) => u.text)).to.deep.equal(['甲乙丙丁戊', '己庚辛壬癸', '子丑']);
    expect(splitUtterances('第一行\n第二行\r\n\n第三行').map((u) => u.text)).to.deep.equal(['第一行', '第二行', '第三行']);
    expect(splitUtterances('See https://www.gov.cn/zhengce/a.html?id=1 now. Then go!').map((u) => u.text)).to.deep.equal([
      'See https://www.gov.cn/zhengce/a.html?id=1 now.',
      'Then go!',
    ]);
    // a token longer than max is the one place a hard cut happens
    const long = 'x'.repeat(25);
    expect(splitUtterances(long, 10).map((u) => u.text)).to.deep.equal(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    // never between the halves of a surrogate pair
    expect(splitUtterances('😀😀😀', 3).map((u) => u.text)).to.deep.equal(['😀', '😀', '😀']);
    expect(splitUtterances('')).to.deep.equal([]);
    expect(splitUtterances(' \n\u3000 ')).to.deep.equal([]);
  });

  it('reads seed 000 (山东省商务厅 2019 实施方案) in sentences of at most 120 characters', () => {
    // copied from /work/shared/seeds/000_c25a241404696369.txt (ascii commas and brackets as published)
    const paragraph =
      '(二)推进“放管服”改革信息公开。一是结合机构改革和职能优化,及时向社会公开调整后的权责清单并对政务服务事项进行标准化梳理。对山东政务服务网、厅门户网站政务大厅权责清单的各项要素进行梳理修订,实现网上大厅与实体大厅服务信息一致,方便群众和企业办事。二是健全“双随机、一公开”监管手段,多渠道、全方位及时公开综合监管和检查执法信息,提高监管效能和公正性,增强监管威慑力和公信力。将检查处置结果通过“国家企业信用信息公示系统(山东)和“信用中国(山东)”网站公开。三是定期公开政府规章、规范性文件清理结果。根据清理结果,及时公布文件的废止、失效等情况,并在厅门户网站已发布的原文件上作出明确标注。(法规处牵头,相关处室负责)';
    const utterances = splitUtterances(paragraph);
    expectWellFormed(paragraph, 120, utterances);
    expect(utterances.map((u) => u.text)).to.deep.equal([
      '(二)推进“放管服”改革信息公开。',
      '一是结合机构改革和职能优化,及时向社会公开调整后的权责清单并对政务服务事项进行标准化梳理。',
      '对山东政务服务网、厅门户网站政务大厅权责清单的各项要素进行梳理修订,实现网上大厅与实体大厅服务信息一致,方便群众和企业办事。',
      '二是健全“双随机、一公开”监管手段,多渠道、全方位及时公开综合监管和检查执法信息,提高监管效能和公正性,增强监管威慑力和公信力。',
      '将检查处置结果通过“国家企业信用信息公示系统(山东)和“信用中国(山东)”网站公开。',
      '三是定期公开政府规章、规范性文件清理结果。',
      '根据清理结果,及时公布文件的废止、失效等情况,并在厅门户网站已发布的原文件上作出明确标注。',
      '(法规处牵头,相关处室负责)',
    ]);
    const notice =
      '为贯彻落实省政府办公厅《2019年山东省政务公开要点》,扎实推动政务公开工作,办公室制定了《省商务厅2019年政务公开工作实施方案》,现印发给你们,请结合工作分工认真贯彻执行。';
    expect(
      splitUtterances(notice, 60).map((u) => u.text),
      'a long sentence splits at its commas',
    ).to.deep.equal([
      '为贯彻落实省政府办公厅《2019年山东省政务公开要点》,扎实推动政务公开工作,',
      '办公室制定了《省商务厅2019年政务公开工作实施方案》,现印发给你们,请结合工作分工认真贯彻执行。',
    ]);
    const dated = '发布日期: 2019- 07- 30 信息来源: 浏览次数';
    expect(
      splitUtterances(dated, 12).some((u) => u.text.includes('2019- 07- 30')),
      'the date stays whole',
    ).to.equal(true);
  });

  it('reads seed 003 (广州市商务局, damaged text and its task table) without breaking 文号 or dates', () => {
    // copied from /work/shared/seeds/003_ed13813fff02754d.txt, damage included
    const intro =
      '按照《广州市人民政府办公厅关于印发广州市2021年政务公开工作要点分工方案的通知》(穗府办函?021?7号)要求,现制定《广州市商务局2021年政务公开工作要点分工实施方案》,请结合实际认真落实。落实过程中,如有问题和建议,请径向局政务公开办(局办公室)反映、/p>';
    expect(splitUtterances(intro).map((u) => u.text)).to.deep.equal([
      '按照《广州市人民政府办公厅关于印发广州市2021年政务公开工作要点分工方案的通知》(穗府办函?021?7号)要求,现制定《广州市商务局2021年政务公开工作要点分工实施方案》,请结合实际认真落实。',
      '落实过程中,如有问题和建议,请径向局政务公开办(局办公室)反映、/p>',
    ]);
    expect(
      splitUtterances('一、紧?ldquo;十四?rdquo;开好局起好步深化政务公开').map((u) => u.text),
      'a broken entity is no sentence end',
    ).to.deep.equal(['一、紧?ldquo;十四?rdquo;开好局起好步深化政务公开']);
    const row =
      '(一)做好各类规划主动公开、/td> 1.县级以上各级政府要主动公开国民经济和社会发展第十四个五年规划纲要、国土空间规划、专项规划和区域规划等、/td> 综合处会各业务处宣/td>   密切跟进省商务发展规划编制进展,对接后及时上报市政府审定印发,并按要求做好主动公开和新闻宣传工作、/td> 2021年底';
    const utterances = splitUtterances(row);
    expectWellFormed(row, 120, utterances);
    expect(utterances.length).to.equal(2);
    expect(utterances[1].text.endsWith('2021年底')).to.equal(true);
    const cited = '(一)、《国务院办公厅关于印发2021年政务公开工作要点的通知》(国办发〔2021〕12号)';
    for (const max of [20, 30, 40]) {
      const pieces = splitUtterances(cited, max);
      expectWellFormed(cited, max, pieces);
      expect(
        pieces.some((u) => u.text.includes('国办发〔2021〕12号')),
        `文号 whole at ${max}: ${JSON.stringify(pieces.map((u) => u.text))}`,
      ).to.equal(true);
    }
  });
});
