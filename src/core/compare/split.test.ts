import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { chineseNumber, clauseRef, clausesFromList, splitClauses } from './split.js';
import { SEED_000, SEED_003, SEED_004 } from './split-fixtures.js';
import type { Clause } from './types.js';

/** id · number · depth, the shape most tests compare. */
const outline = (clauses: Clause[]) => clauses.map((c) => `${c.id} ${c.number} ${c.depth}`);
const byId = (clauses: Clause[], id: string) => {
  const clause = clauses.find((c) => c.id === id);
  if (!clause) throw new Error(`no clause ${id} in ${clauses.map((c) => c.id).join(', ')}`);
  return clause;
};

// whitespace and the invisible format characters split.ts drops where it drops spaces (line starts, inside numbers)
const isSpace = (ch: string) => /[\s\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/u.test(ch);
/**
 * The no-loss property: number + heading + text of every clause, in order, hold exactly the input's
 * non-whitespace characters — except the brackets around an article's title (【立法目的】 → heading 立法目的).
 */
function expectNoLoss(input: string, clauses: Clause[]): void {
  const out = [...clauses.map((c) => c.number + (c.heading ?? '') + c.text).join('')].filter((ch) => !isSpace(ch));
  let j = 0;
  for (const ch of input) {
    if (isSpace(ch)) continue;
    if (out[j] === ch) j++;
    else if (!'【】()（）'.includes(ch))
      throw new Error(
        `lost ${JSON.stringify(ch)} (U+${ch.codePointAt(0)!.toString(16)}) before ${JSON.stringify(out.slice(j, j + 10).join(''))} in ${JSON.stringify(input.slice(0, 200))}`,
      );
  }
  expect(out.slice(j).join(''), 'characters that were not in the input').to.equal('');
}

const expectUniqueIds = (clauses: Clause[]) => expect(new Set(clauses.map((c) => c.id)).size, clauses.map((c) => c.id).join(' ')).to.equal(clauses.length);

// Chinese numerals for generated texts (1…9999): 十一, 一百零五, 一千零五十
const CN = '零一二三四五六七八九';
function toChinese(n: number): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = ['千', '百', '十', ''];
  let s = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (!d) {
      zero = s !== '';
      return;
    }
    if (zero) s += '零';
    zero = false;
    s += (d === 1 && i === 2 && !s ? '' : CN[d]) + units[i];
  });
  return s;
}
const circled = (n: number) => String.fromCodePoint(n <= 20 ? 0x245f + n : n <= 35 ? 0x3251 + n - 21 : 0x32b1 + n - 36);

describe('chineseNumber', () => {
  it('reads the numerals of policy numbering and refuses anything else', () => {
    const table: [string, number | undefined][] = [
      ['一', 1],
      ['九', 9],
      ['十', 10],
      ['十一', 11],
      ['二十', 20],
      ['二十三', 23],
      ['九十九', 99],
      ['一百', 100],
      ['一百零五', 105],
      ['一百一十', 110],
      ['一百十', 110],
      ['一百九十九', 199],
      ['两百', 200],
      ['一千零五十', 1050],
      ['三千二百', 3200],
      ['一万零五', 10005],
      ['十万', 100000],
      ['〇', 0],
      ['零', 0],
      ['两', 2],
      ['二〇一九', 2019],
      ['12', 12],
      ['１２', 12],
      ['０', 0],
      [' 十 二 ', 12],
      ['', undefined],
      ['十十', undefined],
      ['百', undefined],
      ['一百零', undefined],
      ['一零五', undefined],
      ['1十', undefined],
      ['abc', undefined],
      ['一是', undefined],
      ['十四五', undefined],
      ['万', undefined],
      ['1.5', undefined],
    ];
    for (const [s, n] of table) expect(chineseNumber(s), s).to.equal(n);
  });

  it('round-trips every number from 1 to 199 written in Chinese', () => {
    for (let n = 1; n <= 199; n++) expect(chineseNumber(toChinese(n)), toChinese(n)).to.equal(n);
  });
});

describe('clauseRef', () => {
  it('normalises width, spacing and trailing punctuation so references match', () => {
    expect(clauseRef('（ 二 ）')).to.equal(clauseRef('(二)'));
    expect(clauseRef('（ 二 ）')).to.equal('(二)');
    expect(clauseRef('第 五 条')).to.equal('第五条');
    expect(clauseRef('第\u3000五\u00a0条')).to.equal('第五条');
    expect(clauseRef('一、')).to.equal('一');
    expect(clauseRef('１．')).to.equal('1');
    expect(clauseRef('1 .')).to.equal('1');
    expect(clauseRef('（1），')).to.equal('(1)');
    expect(clauseRef('一、／（二）')).to.equal('一/(二)');
    expect(clauseRef('第１２条')).to.equal('第12条');
    // circled numbers keep their shape: ① is not 1.
    expect(clauseRef('①')).to.equal('①');
    expect(clauseRef('一/(二)#2')).to.equal('一/(二)#2');
  });
});

describe('splitClauses: numbering styles', () => {
  it('recognises every outline style', () => {
    const cases: [string, string, string][] = [
      ['一、总体要求', '一、', '一'],
      ['（一）工作目标', '（一）', '(一)'],
      ['(一)工作目标', '(一)', '(一)'],
      ['1.加强领导', '1.', '1'],
      ['1．加强领导', '1．', '1'],
      ['1、加强领导', '1、', '1'],
      ['（1）明确分工', '（1）', '(1)'],
      ['(1)明确分工', '(1)', '(1)'],
      ['①及时公开', '①', '①'],
      ['⑳及时公开', '⑳', '⑳'],
      ['1）及时公开', '1）', '1)'],
    ];
    for (const [line, number, id] of cases) {
      const [clause] = splitClauses(line);
      expect(clause, line).to.deep.include({ kind: 'item', number, id, depth: 0, text: line.slice(number.length) });
    }
  });

  it('recognises 第X编/章/节/条 and 第X部分, with headings and article bodies', () => {
    const clauses = splitClauses('第一编 总则\n第一章 基本规定\n第一节 一般规定\n第一条 为了规范政务公开工作，制定本条例。\n第一部分 附则');
    expect(clauses.map((c) => [c.kind, c.number, c.heading, c.text])).to.deep.equal([
      ['part', '第一编', '总则', ''],
      ['chapter', '第一章', '基本规定', ''],
      ['section', '第一节', '一般规定', ''],
      ['article', '第一条', undefined, '为了规范政务公开工作，制定本条例。'],
      ['part', '第一部分', '附则', ''],
    ]);
    expect(clauses.map((c) => c.id)).to.deep.equal(['第一编', '第一编/第一章', '第一编/第一章/第一节', '第一条', '第一部分']);
  });

  it('takes an article title from 【】 or a short bracketed title, and a heading title from the next line', () => {
    const clauses = splitClauses(
      '第一章\n总则\n第一条 【立法目的】为了保障公民依法获取政府信息，制定本条例。\n第二条（适用范围）本条例适用于本市。\n第三条 （一）项所列情形除外。',
    );
    expect(clauses.map((c) => [c.number, c.heading, c.text])).to.deep.equal([
      ['第一章', '总则', ''],
      ['第一条', '立法目的', '为了保障公民依法获取政府信息，制定本条例。'],
      ['第二条', '适用范围', '本条例适用于本市。'],
      ['第三条', undefined, '（一）项所列情形除外。'],
    ]);
  });

  it('reads Chinese article numbers up to 第一百九十九条 and Arabic ones', () => {
    const text = Array.from({ length: 199 }, (_, i) => `第${toChinese(i + 1)}条 第${i + 1}条的内容。`).join('\n');
    const clauses = splitClauses(text);
    expect(clauses).to.have.length(199);
    expect(clauses.every((c) => c.kind === 'article' && c.depth === 0)).to.equal(true);
    expect(clauses[104]).to.deep.include({ id: '第一百零五条', number: '第一百零五条', text: '第105条的内容。' });
    expect(clauses[198].id).to.equal('第一百九十九条');
    const arabic = splitClauses('第12条 本办法自发布之日起施行。\n第１３条 附则。\n第120条之一 新增条款。');
    expect(arabic.map((c) => [c.kind, c.id, c.number])).to.deep.equal([
      ['article', '第12条', '第12条'],
      ['article', '第13条', '第１３条'],
      ['article', '第120条之一', '第120条之一'],
    ]);
  });

  it('tolerates the full-width, half-width and spacing variants of CMS text', () => {
    const text = [
      '\u3000\u3000一 、总体要求',
      '（ 一 ）工作目标',
      '\u00a0( 二)工作原则',
      '  1 .加强领导',
      '２．明确分工',
      '（１）落实责任',
      '第 十 条 本条。',
      '\t第\u3000十一\u3000条\u3000下一条。',
    ].join('\n');
    expect(splitClauses(text).map((c) => `${c.id} ${c.number} ${c.depth} ${c.text}`)).to.deep.equal([
      '一 一、 0 总体要求',
      '一/(一) （一） 1 工作目标',
      '一/(二) (二) 1 工作原则',
      '一/(二)/1 1. 2 加强领导',
      '一/(二)/2 ２． 2 明确分工',
      '一/(二)/2/(1) （１） 3 落实责任',
      '第十条 第十条 0 本条。',
      '第十一条 第十一条 0 下一条。',
    ]);
  });
});

describe('splitClauses: invisible characters and rare number forms', () => {
  it('reads a number behind invisible format characters pasted from web pages (U+200B, U+2060, direction marks)', () => {
    const text = ['\u200b第一条\u200b 为规范工作，制定本办法。', '\u202e\u200f第 \u2060二 条 本办法适用于各处室。', '\u00ad（一）主动公开。'].join('\n');
    expect(splitClauses(text).map((c) => `${c.id} ${c.number} ${c.kind} ${c.text}`)).to.deep.equal([
      '第一条 第一条 article 为规范工作，制定本办法。',
      '第二条 第二条 article 本办法适用于各处室。',
      '第二条/(一) （一） item 主动公开。',
    ]);
    expect(clauseRef('\u200b（一）')).to.equal('(一)');
  });

  it('reads ㈠…㈩ as （一）…（十）', () => {
    expect(splitClauses('一、总体要求\n㈠工作目标\n㈡工作原则').map((c) => `${c.id} ${c.number} ${c.depth}`)).to.deep.equal(['一 一、 0', '一/(一) ㈠ 1', '一/(二) ㈡ 1']);
  });
});

describe('splitClauses: nesting', () => {
  it('starts articles at the top after an outline: a 办法 attached to a notice does not nest under its last item', () => {
    const clauses = splitClauses(
      '一、总体要求\n（一）工作目标\n1.甲\n附件：政务公开办法\n第一条 为了规范政务公开，制定本办法。\n（一）主动公开；\n第二条 本办法自印发之日起施行。',
    );
    expect(outline(clauses)).to.deep.equal(['一 一、 0', '一/(一) （一） 1', '一/(一)/1 1. 2', '第一条 第一条 0', '第一条/(一) （一） 1', '第二条 第二条 0']);
    expect(byId(clauses, '一/(一)/1').text).to.equal('甲\n附件：政务公开办法');
  });

  it('treats （一） and (一), 1. 1． and 1、 as one style whatever their width', () => {
    const clauses = splitClauses('一、甲\n（一)乙\n(二）丙\n1.丁\n2、戊\n３．己');
    expect(outline(clauses)).to.deep.equal(['一 一、 0', '一/(一) （一) 1', '一/(二) (二） 1', '一/(二)/1 1. 2', '一/(二)/2 2、 2', '一/(二)/3 ３． 2']);
  });

  it('assigns levels by the order in which styles appear, and closes back to a style already open', () => {
    const text = '一、总体要求\n（一）目标\n1.甲\n（1）乙\n①丙\n②丁\n（2）戊\n2.己\n（二）原则\n二、主要任务\n（一）任务一';
    const clauses = splitClauses(text);
    expect(outline(clauses)).to.deep.equal([
      '一 一、 0',
      '一/(一) （一） 1',
      '一/(一)/1 1. 2',
      '一/(一)/1/(1) （1） 3',
      '一/(一)/1/(1)/① ① 4',
      '一/(一)/1/(1)/② ② 4',
      '一/(一)/1/(2) （2） 3',
      '一/(一)/2 2. 2',
      '一/(二) （二） 1',
      '二 二、 0',
      '二/(一) （一） 1',
    ]);
    expect(byId(clauses, '一/(一)/1/(1)/②').parents).to.deep.equal(['一、', '（一）', '1.', '（1）']);
    expect(byId(clauses, '二/(一)').parents).to.deep.equal(['二、']);
  });

  it('follows the text’s own order when it starts deeper (（一） before 1. is not assumed)', () => {
    const clauses = splitClauses('1.总体要求\n（一）目标\n（二）原则\n2.主要任务');
    expect(outline(clauses)).to.deep.equal(['1 1. 0', '1/(一) （一） 1', '1/(二) （二） 1', '2 2. 0']);
  });

  it('nests 章 > 节 > 条 > 款 > 项, with 款 paragraphs kept in the article’s text', () => {
    const text = [
      '第一章 总则',
      '第一条 为了保障公民依法获取政府信息，制定本条例。',
      '第二条 行政机关应当及时公开政府信息。',
      '　　行政机关公开政府信息，应当坚持以公开为常态。',
      '第二章 公开的主体和范围',
      '第一节 主动公开',
      '第三条 下列政府信息应当主动公开：',
      '（一）行政法规、规章和规范性文件；',
      '（二）机关职能、机构设置；',
      '　　前款规定以外的信息，依申请公开。',
      '第四条 本条例自2019年5月15日起施行。',
    ].join('\n');
    const clauses = splitClauses(text);
    expect(outline(clauses)).to.deep.equal([
      '第一章 第一章 0',
      '第一条 第一条 1',
      '第二条 第二条 1',
      '第二章 第二章 0',
      '第二章/第一节 第一节 1',
      '第三条 第三条 2',
      '第三条/(一) （一） 3',
      '第三条/(二) （二） 3',
      '第四条 第四条 2',
    ]);
    expect(byId(clauses, '第二条').text).to.equal('行政机关应当及时公开政府信息。\n行政机关公开政府信息，应当坚持以公开为常态。');
    expect(byId(clauses, '第三条/(二)').text).to.equal('机关职能、机构设置；\n前款规定以外的信息，依申请公开。');
    expect(byId(clauses, '第三条/(二)').parents).to.deep.equal(['第二章', '第一节', '第三条']);
    expect(byId(clauses, '第四条').parents).to.deep.equal(['第二章', '第一节']);
    expect(clauses.map((c) => c.index)).to.deep.equal(clauses.map((_, i) => i));
  });

  it('starts a clause at an article written alone on its line, its body on the next lines', () => {
    const clauses = splitClauses('第一条\n为了规范政务公开工作，\n制定本办法。\n第二条\n本办法适用于全省。');
    expect(clauses.map((c) => [c.id, c.text])).to.deep.equal([
      ['第一条', '为了规范政务公开工作，\n制定本办法。'],
      ['第二条', '本办法适用于全省。'],
    ]);
  });
});

describe('splitClauses: what is not numbering', () => {
  it('keeps dates, amounts and decimals at a line start in the text', () => {
    const text =
      '一、工作目标\n2019年我厅政务公开工作取得新进展。\n1000万元以上的项目应当公开。\n3月1日起施行。\n1.5倍以上的部分。\n2021.07.23发布。\n1、2级响应。\n12345 政务服务便民热线。\n（2021）第5号。\n二〇一九、二〇二〇年度。\n十四五规划。';
    const clauses = splitClauses(text);
    expect(clauses).to.have.length(1);
    expect(clauses[0].text.split('\n')).to.have.length(11);
  });

  it('reads 「第X条规定的…」 at a line start as a reference, not an article', () => {
    const lines = [
      '第三条（一）项所列情形除外。',
      '第三条规定的情形除外。',
      '第二十条的规定适用于本章。',
      '第五条第二款所列事项。',
      '第一条至第五条适用本办法。',
      '第十条、第十一条不适用。',
      '第二章所称政府信息，是指……',
    ];
    const clauses = splitClauses(`第一条 行政机关应当公开。\n${lines.join('\n')}`);
    expect(clauses).to.have.length(1);
    expect(clauses[0].text).to.equal(['行政机关应当公开。', ...lines].join('\n'));
  });

  it('ignores numbering inside a sentence: 一是…二是…, （一） and ① mid-line', () => {
    const clauses = splitClauses('（一）推进改革。一是结合机构改革。二是健全监管。1.按（二）项规定①执行。\n一是加强领导。二是压实责任。');
    expect(clauses).to.have.length(1);
    expect(clauses[0].text).to.equal('推进改革。一是结合机构改革。二是健全监管。1.按（二）项规定①执行。\n一是加强领导。二是压实责任。');
  });
});

describe('splitClauses: unnumbered text', () => {
  it('reads a heading-like reference (「第二章规定的…」) at a line start as text', () => {
    const clauses = splitClauses('第一章 总则\n第二章规定的事项除外。\n第三节所称机关，是指行政机关。');
    expect(clauses).to.have.length(1);
    expect(clauses[0]).to.deep.include({ heading: '总则', text: '第二章规定的事项除外。\n第三节所称机关，是指行政机关。' });
  });

  it('keeps text before the first number as paragraphs 第N段', () => {
    const clauses = splitClauses('首页\n>政务公开>政务公开建设\n\n关于印发工作要点的通知\n\n各处室：\n一、总体要求\n按照要求开展工作。');
    expect(clauses.map((c) => [c.id, c.kind, c.number, c.text])).to.deep.equal([
      ['第1段', 'paragraph', '', '首页'],
      ['第2段', 'paragraph', '', '>政务公开>政务公开建设'],
      ['第3段', 'paragraph', '', '关于印发工作要点的通知'],
      ['第4段', 'paragraph', '', '各处室：'],
      ['一', 'item', '一、', '总体要求\n按照要求开展工作。'],
    ]);
  });

  it('falls back to one paragraph per non-empty line when nothing is numbered', () => {
    const text = '为进一步做好政务公开工作，现通知如下。\r\n\r\n  请各单位认真落实。\n\u3000\u3000联系人：张三\n\n\n2021年7月30日';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => [c.id, c.kind, c.depth, c.text])).to.deep.equal([
      ['第1段', 'paragraph', 0, '为进一步做好政务公开工作，现通知如下。'],
      ['第2段', 'paragraph', 0, '请各单位认真落实。'],
      ['第3段', 'paragraph', 0, '联系人：张三'],
      ['第4段', 'paragraph', 0, '2021年7月30日'],
    ]);
    expect(splitClauses('')).to.deep.equal([]);
    expect(splitClauses(' \n\u3000\n')).to.deep.equal([]);
  });
});

describe('splitClauses: ids', () => {
  it('keeps ids unique when a path repeats (two 一、 lists, damaged numbering)', () => {
    const clauses = splitClauses('一、甲\n（一）子\n（一）重复的子\n二、乙\n一、第二个列表\n（一）子\n第一条 条\n第一条 重复的条');
    expect(clauses.map((c) => c.id)).to.deep.equal(['一', '一/(一)', '一/(一)#2', '二', '一#2', '一/(一)#3', '第一条', '第一条#2']);
    expectUniqueIds(clauses);
  });

  it('resolves data references through clauseRef whatever width and spacing they use', () => {
    const clauses = splitClauses('一、总体要求\n（二）工作原则');
    expect(clauses.map((c) => c.id)).to.include(clauseRef('一、／（ 二 ）'));
  });
});

describe('splitClauses: seed documents', () => {
  it('splits seed 000 into its preamble and the 一、 › （一） outline, leaving 一是…二是… in the text', () => {
    const clauses = splitClauses(SEED_000);
    const numbered = clauses.filter((c) => c.kind === 'item');
    expect(outline(numbered)).to.deep.equal([
      '一 一、 0',
      '一/(一) (一) 1',
      '一/(二) (二) 1',
      '一/(三) (三) 1',
      '一/(四) (四) 1',
      '二 二、 0',
      '二/(一) (一) 1',
      '二/(二) (二) 1',
      '二/(三) (三) 1',
    ]);
    const preamble = clauses.filter((c) => c.kind === 'paragraph');
    expect(preamble[0].text).to.equal('首页');
    expect(preamble.map((c) => c.text)).to.include('2019年7月30日');
    expect(preamble.at(-1)!.text).to.match(/^2019年我厅政务公开工作/);
    const reform = byId(clauses, '一/(二)');
    expect(reform.text)
      .to.match(/^推进“放管服”改革信息公开。一是结合机构改革/)
      .and.to.contain('二是健全“双随机、一公开”监管手段')
      .and.to.contain('三是定期公开政府规章');
    expectNoLoss(SEED_000, clauses);
    expectUniqueIds(clauses);
  });

  it('splits seed 004 under its header', () => {
    const clauses = splitClauses(SEED_004);
    expect(clauses.slice(0, 4).map((c) => c.kind)).to.deep.equal(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(outline(clauses.filter((c) => c.kind === 'item'))).to.deep.equal([
      '一 一、 0',
      '一/(一) (一) 1',
      '一/(二) (二) 1',
      '一/(三) (三) 1',
      '一/(四) (四) 1',
      '二 二、 0',
      '二/(一) (一) 1',
      '二/(二) (二) 1',
    ]);
    expect(byId(clauses, '二/(二)').text)
      .to.match(/^加强政策多样化解读。/)
      .and.to.contain('政策多样化解读率不得低于90%');
    expectNoLoss(SEED_004, clauses);
  });

  it('splits seed 003’s damaged text where the numbering survived, and loses nothing', () => {
    const clauses = splitClauses(SEED_003);
    expect(byId(clauses, '一').text).to.equal('制定依?/p>');
    expect(byId(clauses, '一/(一)')).to.deep.include({ number: '(一)、', depth: 1 });
    expect(byId(clauses, '一/(一)').text).to.match(/^《国务院办公厅关于印\?021年/);
    // the flattened task table: its own 一、 list (a second one in the text) with (一) rows and numbered tasks
    expect(byId(clauses, '一#2').text).to.equal('紧?ldquo;十四?rdquo;开好局起好步深化政务公开');
    expect(byId(clauses, '一/(一)/2')).to.deep.include({ number: '2.', depth: 2, parents: ['一、', '(一)'] });
    expect(byId(clauses, '一/(三)/5').text).to.match(/^持续深化地方政府债务信息公开/);
    expect(byId(clauses, '二#2').text).to.equal('紧扣宏观政策落地见效深化政务公开');
    expect(clauses.filter((c) => c.kind === 'paragraph').map((c) => c.text)).to.include('有效性状?/th> 废止日期 暂无');
    expectNoLoss(SEED_003, clauses);
    expectUniqueIds(clauses);
  });

  it('never throws or loses text on seed 003 with its line breaks gone and U+FFFD/? sprinkled in', () => {
    const oneLine = SEED_003.replace(/\n+/g, ' ');
    const replaced = [...SEED_003].map((ch, i) => (i % 17 === 0 ? '\uFFFD' : i % 23 === 0 ? '?' : ch)).join('');
    const cut = SEED_003.replace(/、\/td>/g, '\n/td>\n');
    for (const text of [oneLine, replaced, cut, SEED_003.replace(/\n/g, '\r'), SEED_003.replace(/\n/g, '\u2028')]) {
      const clauses = splitClauses(text);
      expectNoLoss(text, clauses);
      expectUniqueIds(clauses);
    }
    expect(splitClauses(oneLine)).to.have.length(1);
    // lone surrogates from a truncated upstream conversion
    const broken = '一、甲\ud800乙\n（一）\udfff丙';
    expectNoLoss(broken, splitClauses(broken));
    expect(splitClauses(broken).map((c) => c.text)).to.deep.equal(['甲\ud800乙', '\udfff丙']);
  });
});

describe('clausesFromList', () => {
  it('gives an empty list and unnumbered items depth 0', () => {
    expect(clausesFromList([])).to.deep.equal([]);
    expect(
      clausesFromList([
        { id: 'p1', text: '甲' },
        { id: 'p2', number: ' ', text: '乙' },
      ]),
    ).to.deep.equal([
      { id: 'p1', number: '', text: '甲', index: 0, kind: 'paragraph', depth: 0, parents: [] },
      { id: 'p2', number: ' ', text: '乙', index: 1, kind: 'paragraph', depth: 0, parents: [] },
    ]);
  });

  it('infers kind, depth and parents from the numbers and keeps ids as given', () => {
    const clauses = clausesFromList([
      { id: 'c1', text: '为了规范政务公开工作，制定本方案。' },
      { id: 'c2', number: '第一章', heading: '总则', text: '' },
      { id: 'c3', number: '第一条', text: '甲。' },
      { id: 'c4', number: '（一）', text: '乙。' },
      { id: 'c5', number: '1.', text: '丙。' },
      { id: 'c6', text: '不编号的说明。' },
      { id: 'c7', number: '（ 二 ）', text: '丁。' },
      { id: 'c8', number: '第 2 条', text: '戊。' },
      { id: 'c9', number: '附件1', text: '己。' },
      { id: 'c10', number: '附件2', text: '庚。' },
      { id: 'c11', number: '①', text: '辛。' },
    ]);
    expect(clauses.map((c) => `${c.id} ${c.kind} ${c.depth} ${c.parents.join(',')}`)).to.deep.equal([
      'c1 paragraph 0 ',
      'c2 chapter 0 ',
      'c3 article 1 第一章',
      'c4 item 2 第一章,第一条',
      'c5 item 3 第一章,第一条,（一）',
      'c6 paragraph 0 ',
      'c7 item 2 第一章,第一条',
      'c8 article 1 第一章',
      'c9 item 2 第一章,第 2 条',
      'c10 item 2 第一章,第 2 条',
      'c11 item 3 第一章,第 2 条,附件2',
    ]);
    expect(clauses[1]).to.deep.include({ heading: '总则', number: '第一章', index: 1 });
    expect(clauses[0]).to.not.have.property('heading');
  });

  it('classifies numbers with the same rules as text: a reference is not a number shape', () => {
    const [article, reference] = clausesFromList([
      { id: 'a', number: '第五条', text: '' },
      { id: 'b', number: '第五条规定', text: '' },
    ]);
    expect(article.kind).to.equal('article');
    expect(reference.kind).to.equal('item');
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

/** Words of seed vocabulary, with traps inside a sentence (一是, 第三条规定, 1.5倍, （一）, ①), Ext-B, emoji and damage. */
const WORDS = [
  '政务公开',
  '信息发布',
  '政策解读',
  '一是',
  '二是',
  '第三条规定的',
  '1.5倍',
  '2019年',
  '1000万元',
  '（一）',
  '(2)',
  '①',
  '1.',
  '、',
  '，',
  '。',
  '𠀀',
  '𪚥',
  '😀',
  '👨‍👩‍👧',
  '?/td>',
  '\uFFFD',
  ' ',
  '\u3000',
];
const SAFE_START = ['按照', '加强', '推进', '各处室', '政府', '𪚥'];
const body = fc.tuple(fc.constantFrom(...SAFE_START), fc.array(fc.constantFrom(...WORDS), { maxLength: 12 })).map(([first, rest]) => (first + rest.join('')).trim());

/** The number of an outline item at a depth, in one of the variants CMS text uses. */
function outlineNumber(depth: number, n: number, variant: number): string {
  const cn = toChinese(n);
  switch (depth) {
    case 0:
      return [`${cn}、`, `${cn} 、`, `${cn}．`][variant % 3];
    case 1:
      return [`（${cn}）`, `(${cn})`, `（ ${cn} ）`][variant % 3];
    case 2:
      return [`${n}.`, `${n}．`, `${n}、`, `${n} .`][variant % 4];
    case 3:
      return [`（${n}）`, `(${n})`, `（${String.fromCharCode(...[...String(n)].map((d) => 0xff10 + Number(d)))}）`][variant % 3];
    default:
      return circled(n);
  }
}

describe('splitClauses: properties', () => {
  it('clauseRef is idempotent and blind to width and spacing', () => {
    const toFullWidth = (t: string) => t.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.nat(4), fc.integer({ min: 1, max: 50 }), fc.nat(11), fc.constantFrom('', ' ', '\u3000', '\u00a0'), (depth, n, variant, space) => {
        const number = outlineNumber(depth, n, variant);
        const ref = clauseRef(number);
        expect(clauseRef(ref)).to.equal(ref);
        expect(clauseRef(toFullWidth(number))).to.equal(ref);
        expect(clauseRef([...number].join(space))).to.equal(ref);
        expect(ref).to.not.match(/\s|[、.．，]$/);
      }),
    );
  });

  it('never throws and never loses text on random strings (CJK Ext-B, emoji, numbering fragments, line breaks)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\n\n',
        '\u3000',
        '\u00a0',
        ' ',
        '第',
        '条',
        '章',
        '节',
        '编',
        '部分',
        '一、',
        '（一）',
        '(1)',
        '1.',
        '１．',
        '①',
        '十',
        '百',
        '零',
        '规定',
        '【',
        '】',
        '（',
        '）',
        '之一',
        '𠀀',
        '𪚥',
        '😀',
        '\uFFFD',
        '?',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const clauses = splitClauses(text);
        expectNoLoss(text, clauses);
        expectUniqueIds(clauses);
        clauses.forEach((c, i) => expect(c.index).to.equal(i));
      }),
      { numRuns: 400 },
    );
  });

  it('recovers the numbers, bodies and depths of a text generated from a random outline', () => {
    const item = fc.record({
      up: fc.nat(3),
      deeper: fc.boolean(),
      variant: fc.nat(11),
      body,
      indent: fc.constantFrom('', '\u3000\u3000', '  ', '\u00a0'),
      gap: fc.constantFrom('', ' ', '\u3000'),
      br: fc.constantFrom('\n', '\n\n', '\r\n'),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), (items) => {
        const counters = [0, 0, 0, 0, 0];
        let depth = -1;
        const expected: { number: string; text: string; depth: number }[] = [];
        let text = '';
        for (const it of items) {
          depth = depth < 0 ? 0 : it.deeper ? Math.min(depth + 1, 4) : Math.max(depth - it.up, 0);
          counters[depth]++;
          counters.fill(0, depth + 1);
          const number = outlineNumber(depth, counters[depth], it.variant);
          text += `${it.indent}${number}${it.gap}${it.body}${it.br}`;
          expected.push({ number: number.replace(/\s/g, ''), text: it.body, depth });
        }
        const clauses = splitClauses(text);
        expect(clauses.map((c) => ({ number: c.number, text: c.text, depth: c.depth }))).to.deep.equal(expected);
        expectUniqueIds(clauses);
      }),
      { numRuns: 300 },
    );
  });

  it('recovers the articles, 款 paragraphs and 项 items of a random regulation', () => {
    const article = fc.record({ paragraphs: fc.array(body, { minLength: 1, maxLength: 3 }), items: fc.array(body, { maxLength: 4 }), chapter: fc.boolean() });
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 25 }), (articles) => {
        let text = '';
        let chapters = 0;
        const expected: string[] = [];
        articles.forEach((a, i) => {
          if (a.chapter || i === 0) {
            chapters++;
            text += `第${toChinese(chapters)}章 章名\n`;
            expected.push(`chapter 第${toChinese(chapters)}章 0 `);
          }
          text += `第${toChinese(i + 1)}条 ${a.paragraphs.join('\n\u3000\u3000')}\n`;
          expected.push(`article 第${toChinese(i + 1)}条 1 ${a.paragraphs.join('\n')}`);
          a.items.forEach((b, k) => {
            text += `（${toChinese(k + 1)}）${b}\n`;
            expected.push(`item （${toChinese(k + 1)}） 2 ${b}`);
          });
        });
        const clauses = splitClauses(text);
        expect(clauses.map((c) => `${c.kind} ${c.number} ${c.depth} ${c.text}`)).to.deep.equal(expected);
        expectUniqueIds(clauses);
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitClauses: size', () => {
  it('splits a 1,000-clause, ~150,000-character policy (the time is logged, not asserted)', () => {
    const sentences = SEED_004.split('\n').filter((l) => l.length > 60);
    const parts: string[] = [];
    let article = 0;
    for (let chapter = 1; article < 1000; chapter++) {
      parts.push(`第${toChinese(chapter)}章 第${chapter}章`);
      for (let k = 0; k < 20 && article < 1000; k++) {
        article++;
        const s = sentences[article % sentences.length];
        parts.push(`第${toChinese(article)}条 ${s.slice(0, 90 + (article % 90))}`);
        if (article % 3 === 0) parts.push(`\u3000\u3000${s.slice(20, 80)}`);
      }
    }
    const text = parts.join('\n');
    let clauses: Clause[] = [];
    const times: number[] = [];
    for (let run = 0; run < 9; run++) {
      const start = performance.now();
      clauses = splitClauses(text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`[split] ${text.length} characters → ${clauses.length} clauses: median ${times[4].toFixed(1)} ms of 9 runs, slowest ${times.at(-1)!.toFixed(1)} ms`);
    expect(clauses.filter((c) => c.kind === 'article')).to.have.length(1000);
    expectUniqueIds(clauses);
  });
});
