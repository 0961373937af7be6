#!/usr/bin/env node
/**
 * Generates the tables behind the reader's two lazily loaded extras, from the devDependencies
 * opencc-js (简→繁) and pinyin-pro (拼音), so neither library ever reaches a page:
 *
 *   src/core/reader/hant-table.generated.ts     used by hant.ts   (toTraditional)
 *   src/core/reader/pinyin-table.generated.ts   used by pinyin.ts (pinyinOf)
 *
 *   node scripts/reader-tables.mjs           write both files, print counts, sizes and the corpus check
 *   node scripts/reader-tables.mjs --check   change nothing; exit 1 when a file is stale
 *
 * 简→繁 — OpenCC 'cn' → 'tw' (Taiwan standard characters), the same choice as scripts/zh-hant.mjs
 * and for the same reasons (never 'twp': its IT vocabulary turns 文件 into 檔案). Only characters, never
 * words, change: the reader shows the same document in another script, so 数据 stays 數據.
 *   - characters: every GB2312 character (6763) whose 'tw' form differs, one to one. A form outside the
 *     BMP would change the text's length and is left out, so offsets into the text stay valid.
 *   - phrases: OpenCC's phrase table has ~49k entries (the ~470 KB gz); ~9.6k of them say something
 *     the character map gets wrong (头发 → 頭髮, not 頭發). Kept: the two-character ones whose characters
 *     are both in GB2312 level 1 (the 3755 common characters), and DOMAIN_HANT below (政务 words of any
 *     length), each only when the greedy longest match over what is already kept still gets it wrong
 *     (so 理发店 goes when 理发 is there). Longer OpenCC phrases are mostly names and 成语.
 *   - 发布/公布/宣布/分布 → 發布/公布/宣布/分布 (the MOE forms, as zh-hant.mjs does for 發布), not OpenCC's 佈.
 * 拼音 — pinyin-pro's readings, toned (zì), with 一 and 不 in their own tone (GB/T 16159: 一、不 一般标原调).
 *   - characters: the reading pinyin-pro gives the character alone, for GB2312 (6763), except the few in
 *     CHAR_READINGS, whose commonest reading in policy texts differs (了 le, 应 yīng, 量 liàng).
 *   - phrases: pinyin-pro's two- and three-character phrases (~2.5k polyphones in context; its ~1.6k four-character
 *     ones are 成语, left out for size) and DOMAIN_PINYIN below, each kept only when the greedy longest match over
 *     the kept ones reads it otherwise; DOMAIN_PINYIN words always stay (they also stop wrong matches across
 *     their edges: 运行|情况, not 运|行情).
 *   - the characters are not in the table: GB2312 level 1 is in pinyin order, so the readings are listed in
 *     GB2312 order (long runs, small when gzipped) and the page decodes the 6763 characters with TextDecoder('gbk'). DOMAIN_PINYIN
 *     wins over pinyin-pro (还款 huán kuǎn, 处长 chù zhǎng, 种植 zhòng zhí, 率先 shuài xiān).
 * Both modules match greedily, longest phrase first, like OpenCC; what no phrase covers goes by character.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import STPhrases from 'opencc-js/dict/STPhrases';
import { pinyin } from 'pinyin-pro';
import DICT2 from 'pinyin-pro/dist/esm/data/dict2.mjs';
import DICT3 from 'pinyin-pro/dist/esm/data/dict3.mjs';

const ROOT = new URL('../', import.meta.url);
const HANT_FILE = fileURLToPath(new URL('src/core/reader/hant-table.generated.ts', ROOT));
const PINYIN_FILE = fileURLToPath(new URL('src/core/reader/pinyin-table.generated.ts', ROOT));
const pkgVersion = (name) => JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, ROOT), 'utf8')).version;

/** 政务 words whose 繁 form the character map alone gets wrong or could; the form is OpenCC's full conversion. */
const DOMAIN_HANT =
  `发布 发展 发表 发行 发放 头发 理发 干部 干事 干燥 干净 干旱 干预 干扰 若干 联系 关系 系统 维系 体系 台湾 台风 平台 舞台 后来 之后 皇后 以后 面粉 方面 面条 复制 复杂 复议 复核 答复 恢复 范围 规范 模范 历史 日历 历程 制度 制造 制定 控制 体制 准备 标准 批准 只有 一只 只是 获得 收获 获取 征求意见 特征 征收 征地 余额 其余 业余 钟表 钟情 钟点 汇报 汇总 外汇 词汇 于是 关于 由于 对于 云南 云计算 斗争 奋斗 山谷 谷物 稻谷 采取 采集 采购 冲突 冲击 松弛 放松 宽松 周年 周期 一周 周围 表示 手表 表格 丑陋 出台 划分 规划 几乎 茶几 据悉 卷宗 试卷 蒙古 启蒙 开辟 千万 秋天 曲线 歌曲 宿舍 舍弃 技术 算术 体育 涂改 纤维 咸菜 方向 旋转 叶子 郁闷 防御 愿意 志愿 折扣 打折 症状 一致 细致 朱红 建筑 注册 注意 回复 回收 签署 签订 合并 并且 托管 委托 须知 必须 胡须 着力 着手 借鉴 尽管 尽快 念书 信托 升级 提升 当年 出版 出现 里面 公里 邻里 故里 烟草 吸烟 游泳 旅游 吊销 占用 占有 克服 赞成 称赞 布置 公布 发布会 宣布 分布 布局 凶手 扣除 扣押 弦乐 荡漾 欲望 回家 签名 杆秤 栏杆 岳父 栗子 幸运 坛子 娘家 姜汁 折叠 郁金香 奸商 熏陶 哄抢 喂养 彩票 御史 稻谷 谷歌 并购`.split(
    /\s+/,
  );
/** 繁 forms chosen over OpenCC's 佈: the MOE form, which Taiwan's laws use too (公布施行), as in scripts/zh-hant.mjs. */
const HANT_FIXES = { 发布: '發布', 发布会: '發布會', 公布: '公布', 宣布: '宣布', 分布: '分布' };

/** Characters whose commonest reading in 政务 texts is not the one pinyin-pro gives them alone. */
const CHAR_READINGS = { 了: 'le', 应: 'yīng', 量: 'liàng', 一: 'yī', 不: 'bù' };
/** pinyin-pro phrases that catch more than they get right in 政务 texts (注明了, 说明了 are not 明了 míng liǎo). */
const PINYIN_DROP = ['明了', '处以'];
/** 政务 words and their readings (one syllable per character); these win over pinyin-pro. */
const DOMAIN_PINYIN = `
还款 huán kuǎn|归还 guī huán|偿还 cháng huán|退还 tuì huán|返还 fǎn huán|还贷 huán dài|还本 huán běn|还清 huán qīng|还债 huán zhài|交还 jiāo huán|送还 sòng huán|还原 huán yuán
处长 chù zhǎng|处室 chù shì|处理 chǔ lǐ|处罚 chǔ fá|处分 chǔ fèn|处置 chǔ zhì|处于 chǔ yú|查处 chá chǔ|惩处 chéng chǔ|判处 pàn chǔ|处以罚 chǔ yǐ fá|论处 lùn chǔ|相处 xiāng chǔ
银行 yín háng|行长 háng zhǎng|行业 háng yè|央行 yāng háng|分行 fēn háng|支行 zhī háng|总行 zǒng háng|各行各业 gè háng gè yè|行政 xíng zhèng|发行 fā xíng|执行 zhí xíng|试行 shì xíng|施行 shī xíng|进行 jìn xíng|履行 lǚ xíng|运行 yùn xíng|上一行 shàng yī háng|行为 xíng wéi
重新 chóng xīn|重复 chóng fù|重建 chóng jiàn|重组 chóng zǔ|重申 chóng shēn|重审 chóng shěn|重启 chóng qǐ|重庆 chóng qìng|双重 shuāng chóng|重要 zhòng yào|重大 zhòng dà|重点 zhòng diǎn|严重 yán zhòng|着重 zhuó zhòng
调查 diào chá|调研 diào yán|调动 diào dòng|调度 diào dù|调任 diào rèn|调阅 diào yuè|调取 diào qǔ|抽调 chōu diào|借调 jiè diào|调整 tiáo zhěng|调解 tiáo jiě|协调 xié tiáo|调控 tiáo kòng|调剂 tiáo jì|强调 qiáng diào
长期 cháng qī|长效 cháng xiào|长远 cháng yuǎn|成长 chéng zhǎng|增长 zēng zhǎng|省长 shěng zhǎng|市长 shì zhǎng|县长 xiàn zhǎng|区长 qū zhǎng|镇长 zhèn zhǎng|乡长 xiāng zhǎng|村长 cūn zhǎng|局长 jú zhǎng|厅长 tīng zhǎng|科长 kē zhǎng|部长 bù zhǎng|司长 sī zhǎng|所长 suǒ zhǎng|院长 yuàn zhǎng|校长 xiào zhǎng|组长 zǔ zhǎng|股长 gǔ zhǎng|家长 jiā zhǎng|首长 shǒu zhǎng|州长 zhōu zhǎng
参加 cān jiā|参与 cān yù|人参 rén shēn|会计 kuài jì|财会 cái kuài|朝阳 cháo yáng|单于 chán yú|单位 dān wèi
了解 liǎo jiě|了结 liǎo jié|一目了然 yī mù liǎo rán|不了了之 bù liǎo liǎo zhī|为了 wèi le|除了 chú le
首都 shǒu dū|都市 dū shì|成都 chéng dū|都是 dōu shì|的确 dí què|目的 mù dì|觉得 jué de|值得 zhí de|获得 huò dé|取得 qǔ dé
作为 zuò wéi|成为 chéng wéi|认为 rèn wéi|视为 shì wéi|称为 chēng wéi|为主 wéi zhǔ|为准 wéi zhǔn|为止 wéi zhǐ|以为 yǐ wéi|行为 xíng wéi|为民 wèi mín|为人民 wèi rén mín
应当 yīng dāng|应该 yīng gāi|应用 yìng yòng|相应 xiāng yìng|应急 yìng jí|响应 xiǎng yìng|反应 fǎn yìng|适应 shì yìng|供应 gōng yìng|对应 duì yìng|答应 dā ying|应对 yìng duì|回应 huí yìng|效应 xiào yìng|顺应 shùn yìng|呼应 hū yìng|感应 gǎn yìng|应聘 yìng pìn|应邀 yìng yāo|应付 yìng fù|应变 yìng biàn|应征 yìng zhēng|应届 yīng jiè|理应 lǐ yīng|供不应求 gōng bù yìng qiú|随机应变 suí jī yìng biàn
数量 shù liàng|质量 zhì liàng|测量 cè liáng|衡量 héng liáng|丈量 zhàng liáng|考量 kǎo liáng|商量 shāng liang|思量 sī liang|打量 dǎ liang|估量 gū liang|计量 jì liàng
种植 zhòng zhí|种养 zhòng yǎng|种粮 zhòng liáng|种地 zhòng dì|耕种 gēng zhòng|种子 zhǒng zi|种类 zhǒng lèi|品种 pǐn zhǒng
率先 shuài xiān|效率 xiào lǜ|标识 biāo zhì|中标 zhòng biāo|给予 jǐ yǔ|供给 gōng jǐ|变更 biàn gēng|更新 gēng xīn|没收 mò shōu|干部 gàn bù|骨干 gǔ gàn|差异 chā yì|差距 chā jù|出差 chū chāi|尽快 jǐn kuài|尽量 jǐn liàng|假期 jià qī|节假日 jié jià rì|休假 xiū jià|请假 qǐng jià|适当 shì dàng|正当 zhèng dàng|载明 zǎi míng|记载 jì zǎi|下载 xià zài|载体 zài tǐ|承载 chéng zài|西藏 xī zàng|内蒙古 nèi měng gǔ|音乐 yīn yuè|便宜 pián yi|校对 jiào duì|校核 jiào hé|冠军 guàn jūn|头发 tóu fa|理发 lǐ fà|着手 zhuó shǒu|着力 zhuó lì|着眼 zhuó yǎn|着急 zháo jí|薄弱 bó ruò|暴露 bào lù|露面 lòu miàn|省份 shěng fèn|反省 fǎn xǐng|朝气 zhāo qì|一哄而上 yī hōng ér shàng
`
  .trim()
  .split(/\||\n/);

// ---------------------------------------------------------------------------------------------------------------
const gb2312 = (() => {
  const dec = new TextDecoder('gbk');
  const level1 = new Set();
  const all = new Set();
  for (let a = 0xb0; a <= 0xf7; a++)
    for (let b = 0xa1; b <= 0xfe; b++) {
      const c = dec.decode(Uint8Array.of(a, b));
      if (!/^\p{Script=Han}$/u.test(c)) continue;
      all.add(c);
      if (a <= 0xd7) level1.add(c);
    }
  const order = [];
  for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) order.push(dec.decode(Uint8Array.of(a, b)));
  return { level1, all, order };
})();
/** 90 printable ASCII characters that need no escaping in a '…' string (no space, quote or backslash). */
const CODE_ALPHABET = [...Array(95)]
  .map((_, i) => String.fromCharCode(33 + i))
  .filter((c) => c !== "'" && c !== '\\' && c !== '`')
  .join('')
  .slice(0, 90);
const isHan = (c) => /^\p{Script=Han}$/u.test(c);
const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
const jsString = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Greedy longest match over `phrases` (Map source → per-character values), else `byChar`, as hant.ts/pinyin.ts do. */
function greedy(text, phrases, maxLength, byChar) {
  const out = [];
  for (let i = 0; i < text.length;) {
    let hit;
    for (let n = Math.min(maxLength, text.length - i); n >= 2 && !hit; n--) {
      const v = phrases.get(text.slice(i, i + n));
      if (v) hit = v;
    }
    if (hit) {
      out.push(...hit);
      i += hit.length;
    } else out.push(byChar(text[i++]));
  }
  return out;
}

/** Keeps, shortest first, each candidate that the greedy match over the kept ones gets wrong. */
function prune(candidates /* Map source → values[] */, byChar) {
  const kept = new Map();
  let max = 2;
  const sorted = [...candidates].sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
  for (const [source, want] of sorted) {
    if (greedy(source, kept, max, byChar).join('\u0001') !== want.join('\u0001')) {
      kept.set(source, want);
      max = Math.max(max, source.length);
    }
  }
  return kept;
}

/** Chinese strings from the demo data (real 政务 texts), for the corpus check that the script prints. */
function corpus() {
  const texts = [];
  const walk = (v) => {
    if (typeof v === 'string') {
      if (/\p{Script=Han}/u.test(v)) texts.push(v);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  const dir = new URL('demo/data/', ROOT);
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort())
    walk(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
  return texts;
}

// ---------------------------------------------------------------------------------------------------------------
function hantTables() {
  const openccTw = OpenCC.ConverterFactory(OpenCC.Locale.from.cn, OpenCC.Locale.to.tw);
  const fixes = Object.entries(HANT_FIXES).map(([s, t]) => [openccTw(s), t]);
  const oracle = (s) => fixes.reduce((r, [from, to]) => r.split(from).join(to), openccTw(s));
  const charMap = new Map();
  for (const c of gb2312.all) {
    const t = openccTw(c);
    if (t !== c && t.length === 1) charMap.set(c, t);
  }
  const byChar = (c) => charMap.get(c) ?? c;
  const candidates = new Map();
  const consider = (p) => {
    const t = oracle(p);
    if (t.length === p.length) candidates.set(p, [...t].length === p.length ? [...t] : t.split(''));
  };
  for (const line of STPhrases.split('|')) {
    const p = line.split(' ')[0];
    // AA phrases are onomatopoeia (当当 噹噹) that would catch 应当当场
    if (p.length === 2 && p[0] !== p[1] && gb2312.level1.has(p[0]) && gb2312.level1.has(p[1])) consider(p);
  }
  const pairs = prune(candidates, byChar);
  // the three-character phrases that stop a kept pair where it would be wrong (一出 一齣, but 一出去 一出去)
  for (const line of STPhrases.split('|')) {
    const p = line.split(' ')[0];
    if (p.length === 3 && [...p].every((c) => gb2312.level1.has(c)) && (pairs.has(p.slice(0, 2)) || pairs.has(p.slice(1)))) consider(p);
  }
  for (const p of [...DOMAIN_HANT, ...Object.keys(HANT_FIXES)]) consider(p);
  const phrases = prune(candidates, byChar);

  const from = [...charMap.keys()].sort();
  const byLength = new Map();
  for (const [source, target] of [...phrases].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const cw = [...source].map(byChar);
    const row = byLength.get(source.length) ?? [[], []];
    row[0].push(source);
    row[1].push(target.map((c, i) => (c === cw[i] ? '.' : c)).join(''));
    byLength.set(source.length, row);
  }
  const groups = [...byLength].sort((a, b) => a[0] - b[0]);
  const ts = `// Generated by scripts/reader-tables.mjs from opencc-js@${pkgVersion('opencc-js')} ('cn' → 'tw'). Do not edit.
// ${from.length} characters, ${phrases.size} phrases.

/** Simplified characters that change, and their Traditional forms at the same index (one code unit each). */
export const CHARS_FROM = ${jsString(from.join(''))};
export const CHARS_TO = ${jsString(from.map((c) => charMap.get(c)).join(''))};

/**
 * Phrases the character map gets wrong, per length: [length, sources (concatenated), targets] where a target has
 * one character per source character and '.' where the character map is right.
 */
export const PHRASES: ReadonlyArray<readonly [number, string, string]> = [
${groups.map(([n, [s, t]]) => `  [${n}, ${jsString(s.join(''))}, ${jsString(t.join(''))}],`).join('\n')}
];
`;
  // the greedy conversion as hant.ts does it, checked against OpenCC on the demo texts
  const maxLength = Math.max(...[...phrases.keys()].map((k) => k.length));
  const ours = (s) => greedy(s, phrases, maxLength, byChar).join('');
  let chars = 0;
  let wrong = 0;
  const samples = [];
  for (const text of corpus()) {
    const want = oracle(text);
    const got = ours(text);
    if (want.length !== text.length) continue;
    for (let i = 0; i < text.length; i++) {
      if (!isHan(text[i])) continue;
      chars++;
      if (got[i] !== want[i]) {
        wrong++;
        if (samples.length < 30) samples.push(`${text.slice(Math.max(0, i - 2), i + 3)}:${got[i]}≠${want[i]}`);
      }
    }
  }
  const domainWrong = DOMAIN_HANT.filter((w) => ours(w) !== oracle(w));
  return {
    ts,
    report: [
      `繁: ${from.length} characters, ${phrases.size} phrases (${groups.map(([n, [s]]) => `${s.length}×${n}`).join(', ')}), table ${gz(ts)} B gz`,
      `繁: demo corpus ${chars} Han characters, ${wrong} differ from OpenCC's full conversion${samples.length ? `: ${samples.join(' ')}` : ''}`,
      domainWrong.length ? `繁: DOMAIN_HANT wrong: ${domainWrong.join(' ')}` : '繁: every DOMAIN_HANT word matches OpenCC',
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
function pinyinTables() {
  const sandhiFree = (s) => s.replace(/^(?:yí|yì)$/, 'yī').replace(/^bú$/, 'bù');
  const readingsOf = (text) => pinyin(text, { toneSandhi: false, type: 'array' });
  const charReading = new Map();
  const chars = new Set(gb2312.all);
  const domain = new Map();
  for (const entry of DOMAIN_PINYIN) {
    const [word, ...syllables] = entry.trim().split(/\s+/);
    if (syllables.length !== word.length) throw new Error(`DOMAIN_PINYIN: ${entry} has not one syllable per character`);
    domain.set(word, syllables);
  }
  for (const word of domain.keys()) for (const c of word) chars.add(c);
  for (const c of chars) {
    const r = CHAR_READINGS[c] ?? readingsOf(c)[0];
    if (r && r !== c && /^[a-zü\u0100-\u01dc\u00e0-\u00fc]+$/.test(r)) charReading.set(c, r);
  }
  const byChar = (c) => charReading.get(c) ?? null;
  const candidates = new Map();
  for (const dict of [DICT2, DICT3])
    for (const [word, reading] of Object.entries(dict)) {
      const syllables = reading.split(' ');
      if (syllables.length !== word.length || word.length !== [...word].length) continue;
      if (![...word].every((c) => charReading.has(c))) continue;
      candidates.set(
        word,
        syllables.map((s, i) => (word[i] === '一' || word[i] === '不' ? sandhiFree(s) : s)),
      );
    }
  for (const word of PINYIN_DROP) candidates.delete(word);
  for (const [word, syllables] of domain) candidates.set(word, syllables);
  const phrases = prune(candidates, byChar);
  // a domain word stays even when its characters read right alone: it stops a wrong phrase across its edge (运行|情况, not 运|行情)
  for (const [word, syllables] of domain) if (!phrases.has(word)) phrases.set(word, syllables);

  // readings in GB2312 order (level 1 is itself in pinyin order, so runs repeat and gzip shrinks them): the page
  // rebuilds the characters with TextDecoder('gbk') instead of downloading them
  const syllables = [];
  const index = new Map();
  let codes = '';
  for (const c of gb2312.order) {
    const r = charReading.get(c);
    if (r === undefined) {
      codes += '  ';
      continue;
    }
    if (!index.has(r)) {
      index.set(r, syllables.length);
      syllables.push(r);
    }
    const i = index.get(r);
    codes += CODE_ALPHABET[Math.floor(i / CODE_ALPHABET.length)] + CODE_ALPHABET[i % CODE_ALPHABET.length];
  }
  const phraseRows = [...phrases]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([word, syllables]) => `${word} ${syllables.map((s, i) => (s === byChar(word[i]) ? '.' : s)).join(' ')}`);
  const ts = `// Generated by scripts/reader-tables.mjs from pinyin-pro@${pkgVersion('pinyin-pro')}. Do not edit.
// ${charReading.size} characters (GB2312) in ${syllables.length} readings, ${phrases.size} phrases.

/** The toned syllables, space-separated. */
export const SYLLABLES = ${jsString(syllables.join(' '))};
/** The alphabet of READINGS' two-character codes (index = first × length + second). */
export const CODE_ALPHABET = ${jsString(CODE_ALPHABET)};
/**
 * For each GB2312 position from 0xB0A1 (72 rows × 94 cells, decoded with TextDecoder('gbk')), two characters: the
 * index of its reading in SYLLABLES, or two spaces for a cell without a character.
 */
export const READINGS = ${jsString(codes)};

/** Phrases read otherwise than character by character: the phrase, then a syllable per character ('.' = as alone). */
export const PHRASES = ${jsString(phraseRows.join('|'))};
`;
  const maxLength = Math.max(...[...phrases.keys()].map((k) => k.length));
  const ours = (s) => greedy(s, phrases, maxLength, byChar);
  let han = 0;
  let differ = 0;
  const samples = [];
  for (const text of corpus()) {
    const ref = readingsOf(text);
    // pinyin-pro returns one entry per character of Han text but may group non-Han runs: compare Han-only texts piecewise
    const got = ours(text);
    if (ref.length !== text.length) continue;
    for (let i = 0; i < text.length; i++) {
      if (!isHan(text[i])) continue;
      han++;
      const want = text[i] === '一' || text[i] === '不' ? sandhiFree(ref[i]) : ref[i];
      if (got[i] !== want) {
        differ++;
        if (samples.length < 40) samples.push(`${text.slice(Math.max(0, i - 2), i + 3)}:${got[i]}≠${want}`);
      }
    }
  }
  const domainWrong = [...domain].filter(([w, s]) => ours(w).join(' ') !== s.join(' ')).map(([w]) => w);
  return {
    ts,
    report: [
      `拼音: ${charReading.size} characters, ${syllables.length} readings, ${phrases.size} phrases, table ${gz(ts)} B gz`,
      `拼音: demo corpus ${han} Han characters, ${differ} read otherwise than pinyin-pro (sample: ${samples.join(' ')})`,
      domainWrong.length ? `拼音: DOMAIN_PINYIN wrong: ${domainWrong.join(' ')}` : '拼音: every DOMAIN_PINYIN word reads as listed',
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
function main(argv) {
  const check = argv.includes('--check');
  const outputs = [
    [HANT_FILE, hantTables()],
    [PINYIN_FILE, pinyinTables()],
  ];
  let stale = 0;
  for (const [file, { ts }] of outputs) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      /* missing: stale */
    }
    if (current === ts) continue;
    if (check) {
      console.error(`${file} is stale: run node scripts/reader-tables.mjs`);
      stale++;
    } else writeFileSync(file, ts);
  }
  if (check) {
    if (stale) process.exit(1);
    console.log('reader tables are up to date');
  } else for (const [, { report }] of outputs) console.log(report.join('\n'));
}

main(process.argv.slice(2));
