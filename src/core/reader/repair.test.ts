import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { damageSample, findScrapeDamage, repairScrapedText, type ScrapeDamage } from './repair.js';
import { checkDocument } from '../check.js';
import '../rules/policy.js';
import { localizeIssue } from '../../schema/messages.js';
import { withLocale } from '../../i18n/locale.js';
import { longRegulation, readerDocument, seed003Policy } from '../../test-support/reader-fixture.js';
import type { Block, PolicyDocument } from '../../schema/types.generated.js';

const shown = (text: string) => findScrapeDamage(text).map((d) => `${d.kind}:${text.slice(d.start, d.end)}→${d.replacement}`);

/** Every text of a policy body, with its JSON path. */
function bodyTexts(blocks: readonly Block[]): [string, string][] {
  const out: [string, string][] = [];
  blocks.forEach((block, b) => {
    if (block.type === 'table') block.rows.forEach((row, r) => row.forEach((cell, c) => out.push([`/body/${b}/rows/${r}/${c}`, cell])));
    else if (block.type === 'list') block.items.forEach((item, i) => out.push([`/body/${b}/items/${i}`, item]));
    else out.push([`/body/${b}/text`, block.text]);
  });
  return out;
}

describe('repairScrapedText: seed 003', () => {
  it('restores the character merged with a closing tag', () => {
    expect(repairScrapedText('二、方案内宸/p>')).to.equal('二、方案内容');
    expect(repairScrapedText('综合处会各业务处宣/td>')).to.equal('综合处会各业务处室');
    expect(repairScrapedText('外资夃/td>')).to.equal('外资处');
    expect(repairScrapedText('财务处会各处室、直属单佌/td>')).to.equal('财务处会各处室、直属单位');
    expect(repairScrapedText('综合统筹练/td>')).to.equal('综合统筹组');
    expect(repairScrapedText('三、工作要汁/span>')).to.equal('三、工作要求');
    expect(repairScrapedText('请径向局政务公开办(局办公室)反映、/p>')).to.equal('请径向局政务公开办(局办公室)反映。');
    expect(repairScrapedText('机关各处室、各直属单位9/p>')).to.equal('机关各处室、各直属单位：');
    expect(repairScrapedText('(联系人:吴成刚,电话:88902886(/p>')).to.equal('(联系人:吴成刚,电话:88902886）');
  });

  it('drops a lost last character with its tag, guessing nothing', () => {
    expect(repairScrapedText('一、制定依?/p>')).to.equal('一、制定依');
    expect(repairScrapedText('有效性状?/th>')).to.equal('有效性状');
    expect(repairScrapedText('甲\ufffd/td>')).to.equal('甲');
  });

  it('takes out opening-tag remnants, full tags and tags chained after a remnant', () => {
    expect(repairScrapedText('来源9a href="http://sw.gz.gov.cn/post_7395811.html" target="_blank" rel="nofollow">广州市商务局')).to.equal('来源：广州市商务局');
    expect(repairScrapedText('浏览次数9span id="hits">588')).to.equal('浏览次数：588');
    expect(repairScrapedText('等服务、br/>电询')).to.equal('等服务。电询');
    expect(repairScrapedText('甲、/td></tr><tr>')).to.equal('甲。');
    expect(repairScrapedText('<p class="x">正文</p>')).to.equal('正文');
    expect(repairScrapedText('实时把握 /span>')).to.equal('实时把握 ');
  });

  it('decodes entity remnants, including the ?-form whose ? was the character before &', () => {
    expect(repairScrapedText('紧?ldquo;十四?rdquo;开好局')).to.equal('紧“十四”开好局');
    expect(repairScrapedText('一号&ldquo;通办&rdquo;&nbsp;&amp;mdash;完')).to.equal('一号“通办” —完');
    expect(repairScrapedText('&#12289;&#x3002;')).to.equal('、。');
    expect(shown('紧?ldquo;十')).to.deep.equal(['entity:?ldquo;→“']);
  });

  it('reports a lost character inside the text and leaves it as it is', () => {
    expect(repairScrapedText('(穗府办函?021?7号)')).to.equal('(穗府办函?021?7号)');
    expect(shown('(穗府办函?021?7号)')).to.deep.equal(['replacement-char:?→?', 'replacement-char:?→?']);
    expect(shown('请于今??0日前?022??日前')).to.deep.equal(['replacement-char:??→??', 'replacement-char:?→?', 'replacement-char:??→??']);
    expect(shown('残\ufffd缺')).to.deep.equal(['replacement-char:\ufffd→\ufffd']);
  });

  it('reads every text of seed 003 without remnants: no `/x>`, no entity names; the 31 task rows intact', () => {
    const texts = bodyTexts(seed003Policy.body ?? []);
    let damaged = 0;
    for (const [path, text] of texts) {
      const repaired = repairScrapedText(text);
      if (repaired !== text) damaged++;
      expect(repaired, path).not.to.match(/\/[a-z0-9]+>|<\/?[a-z]|[?&][a-z]+;/i);
      expect(repaired.length, path).to.be.at.most(text.length);
    }
    expect(damaged).to.be.greaterThan(90);
    const table = seed003Policy.body!.find((b) => b.type === 'table') as Extract<Block, { type: 'table' }>;
    expect(table.rows).to.have.length(31);
    expect(repairScrapedText(table.rows[30]![1]!)).to.equal('31.将本要点落实情况纳入政府信息公开工作年度报告予以公开,接受社会监督。');
  });
});

describe('repairScrapedText: legitimate text is left alone', () => {
  it('keeps slashes, maths, links and placeholders', () => {
    for (const text of [
      'a/b',
      '1/2',
      '<5>',
      '20%>',
      '和/或',
      'p>0.05',
      '若a>b，则a/b>1',
      '见<a>与<b>',
      '问题?我',
      'https://www.gov.cn/zhengce/2021?id=12&nbsp=2',
      '详见 http://sw.gz.gov.cn/a/b.html?2021?7',
      '如1/p>',
      'QQ群:12345',
      '报表;及时梳理',
      '第6版',
      '“十四五”规划',
    ]) {
      expect(findScrapeDamage(text), text).to.deep.equal([]);
      expect(repairScrapedText(text), text).to.equal(text);
    }
  });
});

// Clean text: Chinese, digits, ASCII words and the legitimate uses of / < > ? & ; — never a garbled character glued to `/tag>`.
const WORDS = ['政务公开', '工作要点', '实施方案', '广州市商务局', '2021年底', '第十四个五年', '12345', 'QQ', 'IPv6', 'p', 'a', 'b', 'td'];
const MARKS = ['。', '，', '、', '；', '：', '“', '”', '《', '》', '（', '）', ' ', '\u3000', '\n', ',', ';', ':', '.'];
const LEGIT = ['a/b', '1/2', '<5>', '20%>', '和/或', 'p>0.05', 'a>b', '<a>', '?', '&', 'https://www.gov.cn/a?x=1&y=2', '100%', '<=', '>='];
const cleanText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...MARKS), fc.constantFrom(...LEGIT)), { maxLength: 40 })
  // two tokens can still meet as damage (`…要点` + `?` + `2021…`): such texts are not clean
  .map((parts) => parts.join(''))
  .filter((text) => !/[?][0-9]|[0-9][?]/.test(text));

// Text with damage: clean pieces mixed with every kind of remnant.
const REMNANTS = [
  '宸/p>',
  '、/td>',
  '?/p>',
  '9/p>',
  '(/p>',
  '9span id="hits">',
  '9a href="http://x.cn/a?b=1" target="_blank">',
  '、br/>',
  '</p>',
  '<td class="c">',
  '/span>',
  '?ldquo;',
  '&rdquo;',
  '&amp;nbsp;',
  '&#12290;',
  '?021?7',
  '\ufffd',
  '/td></tr>',
  '&',
  '?',
  '/',
  '>',
  'ldquo;',
  'p>',
  'span',
];
const damagedText = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...MARKS), fc.constantFrom(...LEGIT), fc.constantFrom(...REMNANTS)), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(damagedText, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }));

const wellFormed = (text: string, damage: ScrapeDamage[]) => {
  let at = 0;
  for (const d of damage) {
    expect(d.start, 'in order, not overlapping').to.be.at.least(at);
    expect(d.end).to.be.greaterThan(d.start);
    expect(d.end).to.be.at.most(text.length);
    expect(d.replacement.length, 'never longer').to.be.at.most(d.end - d.start);
    at = d.end;
  }
};

describe('repairScrapedText: properties', () => {
  it('returns clean Chinese text unchanged, with no damage found', () => {
    fc.assert(
      fc.property(cleanText, (text) => {
        expect(findScrapeDamage(text)).to.deep.equal([]);
        expect(repairScrapedText(text)).to.equal(text);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent and never lengthens the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = repairScrapedText(text);
        expect(once.length).to.be.at.most(text.length);
        expect(repairScrapedText(once), JSON.stringify(text)).to.equal(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds damage in order, not overlapping, each replacement no longer than its span', () => {
    fc.assert(
      fc.property(anyText, (text) => wellFormed(text, findScrapeDamage(text))),
      { numRuns: 1000 },
    );
  });

  it('leaves no closing-tag remnant after a garbled character', () => {
    fc.assert(
      fc.property(damagedText, (text) => {
        expect(repairScrapedText(text)).not.to.match(/[\u4e00-\u9fff、?9(]\/(?:p|td|span)>/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('damageSample', () => {
  it('shows the remnant with a little of what precedes it, at most 20 characters', () => {
    const text = '二、方案内宸/p>';
    expect(damageSample(text, findScrapeDamage(text)[0]!)).to.equal('、方案内宸/p>');
    const long = '来源9a href="http://sw.gz.gov.cn/xxgk/tzgg/tz/content/post_7395811.html" target="_blank">广州';
    const sample = damageSample(long, findScrapeDamage(long)[0]!);
    expect(sample).to.have.length(20);
    expect(sample.startsWith('9a href=')).to.equal(true);
    expect(sample.endsWith('…')).to.equal(true);
  });
});

describe('policy rule scrape-damage', () => {
  const warnings = (doc: PolicyDocument) => checkDocument('policy', doc).issues.filter((i) => i.code === 'scrape-damage');

  it('warns once per damaged text of seed 003, at that text, with count and sample; the document stays valid', () => {
    const result = checkDocument('policy', readerDocument('seed003'));
    expect(result.document, 'warnings only').to.exist;
    const found = result.issues.filter((i) => i.code === 'scrape-damage');
    const damaged = bodyTexts(seed003Policy.body ?? []).filter(([, text]) => findScrapeDamage(text).length);
    expect(found.map((i) => i.path)).to.deep.equal(damaged.map(([path]) => path));
    expect(found.every((i) => i.severity === 'warning')).to.equal(true);
    const heading = found.find((i) => i.path === '/body/10/text');
    expect(heading?.params).to.deep.equal({ count: 1, sample: '、方案内宸/p>' });
    const docNo = found.find((i) => i.path === '/body/1/text');
    expect(docNo?.params?.count).to.equal(3); // ?021 and ?7 in the 文号, 、/p> at the end
  });

  it('checks title, 发文字号, summary, key points, list items, table head and caption, note title and text', () => {
    const doc = readerDocument('seed003', {
      title: '关于印发方案的通知?/p>',
      docNo: '穗府办函?021?7号',
      summary: '概述&nbsp;内容',
      keyPoints: ['干净的要点', '要点宸/p>'],
      body: [
        { type: 'list', items: ['一项', '二项、/li>'] },
        { type: 'table', caption: '表宸/p>', head: ['工作任务', '完成时限?/th>'], rows: [['甲', '乙']] },
        { type: 'note', title: '提示?/b>', text: '注意&ldquo;事项&rdquo;' },
        { type: 'heading', text: '一、总则' },
      ],
    });
    expect(warnings(doc).map((i) => i.path)).to.have.members([
      '/title',
      '/docNo',
      '/summary',
      '/keyPoints/1',
      '/body/0/items/1',
      '/body/1/caption',
      '/body/1/head/1',
      '/body/2/title',
      '/body/2/text',
    ]);
  });

  it('says where, how many and what, through msg()', () => {
    const [first] = warnings(readerDocument('seed003'));
    const message = withLocale('zh-CN', () => localizeIssue(first!, 'policy').message);
    expect(message).to.contain('疑似网页转码损坏');
    expect(message).to.contain('“直属单位9/p>”');
    expect(message).to.contain('1 处');
    expect(message).to.contain('正文');
  });

  it('finds nothing in a clean document', () => {
    expect(warnings(readerDocument('seed000'))).to.deep.equal([]);
  });

  it('finds each damaged text in the 200k-character regulation, and nothing else', () => {
    // what the check costs is a figure for the benchmark (scripts/bench-reader.mjs), not a timed assertion here
    const doc = longRegulation(200_000);
    expect(warnings(doc)).to.deep.equal([]);
    const body = [...(doc.body ?? [])];
    const at = body.length >> 1;
    body.splice(at, 0, { type: 'paragraph', text: '机关各处室、各直属单位9/p>' });
    const found = warnings({ ...doc, body });
    expect(found.map((i) => i.path)).to.deep.equal([`/body/${at}/text`]);
  });
});
