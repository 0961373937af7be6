import { expect } from '@open-wc/testing';
import { pinyinOf } from './pinyin.js';

/** Readings as in 现代汉语词典, 一/不 in their own tone (GB/T 16159); several are where pinyin-pro itself errs (还款, 处长, 种植, 率先). */
const WORDS =
  `还款 huán kuǎn|偿还 cháng huán|还是 hái shì|处长 chù zhǎng|处室 chù shì|处理 chǔ lǐ|处罚 chǔ fá|查处 chá chǔ|银行 yín háng|行长 háng zhǎng|行业 háng yè|行政 xíng zhèng|发行 fā xíng|执行 zhí xíng
重新 chóng xīn|重复 chóng fù|重要 zhòng yào|重庆 chóng qìng|调查 diào chá|调研 diào yán|调整 tiáo zhěng|协调 xié tiáo|长期 cháng qī|增长 zēng zhǎng|省长 shěng zhǎng|部长 bù zhǎng|参加 cān jiā|会计 kuài jì|朝阳 cháo yáng|单于 chán yú
了解 liǎo jiě|首都 shǒu dū|都是 dōu shì|目的 mù dì|的确 dí què|觉得 jué de|获得 huò dé|作为 zuò wéi|成为 chéng wéi|为民 wèi mín|应当 yīng dāng|应用 yìng yòng|相应 xiāng yìng|质量 zhì liàng|测量 cè liáng
种植 zhòng zhí|品种 pǐn zhǒng|率先 shuài xiān|效率 xiào lǜ|中标 zhòng biāo|给予 jǐ yǔ|变更 biàn gēng|没收 mò shōu|干部 gàn bù|差异 chā yì|出差 chū chāi|尽快 jǐn kuài|节假日 jié jià rì|西藏 xī zàng|内蒙古 nèi měng gǔ|头发 tóu fa|着手 zhuó shǒu|一律 yī lǜ|不是 bù shì`
    .split(/\||\n/)
    .map((row) => row.trim().split(' '));

describe('pinyinOf (拼音)', () => {
  it('reads the 政务 polyphones by phrase', () => {
    const wrong = WORDS.filter(([word, ...syllables]) => pinyinOf(word).join(' ') !== syllables.join(' ')).map(([w]) => `${w}: ${pinyinOf(w).join(' ')}`);
    expect(wrong).to.deep.equal([]);
    expect(WORDS.length).to.be.greaterThan(60);
  });

  it('reads in running text, phrases not caught across word edges', () => {
    expect(pinyinOf('市场运行情况')).to.deep.equal(['shì', 'chǎng', 'yùn', 'xíng', 'qíng', 'kuàng']);
    expect(pinyinOf('注明了牵头处室')).to.deep.equal(['zhù', 'míng', 'le', 'qiān', 'tóu', 'chù', 'shì']);
    expect(
      pinyinOf('逾期还款的，应当依法处理')
        .map((r) => r ?? '-')
        .join(' '),
    ).to.equal('yú qī huán kuǎn de - yīng dāng yī fǎ chǔ lǐ');
  });

  it('gives one entry per code unit, null for what is not Han', () => {
    const text = '第3条 ABC，《办法》😀';
    const readings = pinyinOf(text);
    expect(readings.length).to.equal(text.length);
    expect(readings).to.deep.equal(['dì', null, 'tiáo', null, null, null, null, null, null, 'bàn', 'fǎ', null, null, null]);
    expect(pinyinOf('')).to.deep.equal([]);
  });

  it('knows the GB2312 level 2 characters too (decoded with TextDecoder)', () => {
    expect(pinyinOf('邕赣皖闽黔')).to.deep.equal(['yōng', 'gàn', 'wǎn', 'mǐn', 'qián']);
  });
});
