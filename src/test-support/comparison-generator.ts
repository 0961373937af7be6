// A deterministic generator of long policy texts and revisions with KNOWN edits, for the
// <zw-policy-compare> benchmark (scripts/bench-compare.mjs) and for tests that need a big realistic
// pair. The vocabulary is copied from the seed documents (/work/shared/seeds 000, 001, 002, 004) so
// that nothing reads outside the repository at run time. Pure: no DOM, no I/O.
import type { ChangeKind, Comparison } from '../core/compare/types.js';
import type { ComparisonDocument } from '../schema/types.generated.js';
import { seededRandom } from './random.js';

/** Who a clause speaks to (the grammatical subject that opens most 第X条 in a 办法 or 实施方案). */
const SUBJECTS = [
  '各级人民政府',
  '县级以上商务主管部门',
  '厅机关各处室',
  '政府信息公开工作机构',
  '起草部门',
  '行政机关',
  '市场监管部门',
  '办公室',
  '各设区市商务主管部门',
  '公共企事业单位',
  '政务服务中心',
  '信息中心',
  '投资促进中心',
  '法规处',
  '各处室主要负责人',
  '决策承办单位',
];

/** Phrases from the seeds, split at ，。； (each reads as part of a 政务公开 sentence). */
const PHRASES = [
  '高度重视政务公开工作',
  '落实重要政策解读机制',
  '积极开展决策执行效果的评估',
  '积极推进财政资金管理全程公开',
  '科学评价政策落实效果',
  '进一步推进本系统政务服务标准化建设',
  '及时依法公开防范化解重大风险相关信息',
  '切实增强公开意识和能力',
  '对重要节假日和敏感时期加强市场监测',
  '规范依申请公开答复格式文本',
  '实现网上大厅与实体大厅服务信息一致',
  '加强与相关部门的会商',
  '并做好与政策文件的相互链接',
  '以公开促进依法行政和政策落地见效',
  '编制政务公开事项标准目录',
  '做好各类新闻媒体的集中宣传',
  '确保公开承诺事项落实到位',
  '做好信息公开目录栏目建设',
  '加强我省消费市场运行信息公开',
  '规范人大代表建议和政协委员提案办理结果公开工作',
  '加强依申请公开文件存档',
  '建立政务舆情回应台账管理制度和跟踪反馈制度',
  '防范化解潜在的风险隐患',
  '让公众对相关政策能够全面了解',
  '落实政府信息公开属性源头认定机制',
  '建立健全互动回应机制',
  '更好地发挥新闻媒体的公开平台作用',
  '预测预警市场变化信息',
  '推进涉及群众切身利益的商务行政监管信息公开',
  '加强政府网站内容建设和信息发布审核',
  '严格落实网络意识形态责任制',
  '并及时公开意见收集采纳情况',
  '加强对基层一线政策执行人员的政策解读培训',
  '加快行政执法信息公开',
  '逐步扩大主动公开范围',
  '提升互动回应的社会效果',
  '加强重大突发事件舆情风险源头研判',
  '强化与申请人沟通联系',
  '协助做好标准目录的编制指导工作',
  '切实增强敏锐性和预见性',
  '主动公开监督抽查结果',
  '全面贯彻落实行政执法公示制度',
  '对舆情风险进行评估研判',
  '加强政务公开人员配备和经费保障',
  '定期发布消费市场运行情况分析报告',
  '建立商务信用信息共享共治机制',
  '对政务信息进行全生命周期的规范管理',
  '强化重点民生领域的信息公开',
  '规范政府网站政府信息公开专栏设置',
  '做好督查和审计发现问题及整改落实情况的公开',
  '增进公众对商务工作的认同和支持',
  '完善主动公开基本目录',
  '加快政务新媒体的清理整合进度',
  '在生活必需品市场发生波动时发布信息',
  '加大相关政策措施的执行和落实情况公开力度',
  '推进行政权力公开透明运行',
  '提高监管效能和公正性',
  '做好重大决策预公开工作',
  '加强对本系统的政务公开培训',
  '全面提升政务公开质量和实效',
  '利用微博微信进行舆情回应',
  '加强专项资金使用管理公开公示',
  '确保减税降费等经济政策在实际执行环节不遗漏不走样',
  '制定和执行与市场主体相关的政策并及时公开',
  '充分发挥新闻发布会作用',
  '推进政务新媒体平台整合注销',
  '扎实推动政务公开工作',
  '动态调整并及时公布权责清单',
  '将政务公开纳入绩效考核体系',
  '推动全省商务工作实现高质量发展',
  '持续做好政务舆情回应工作',
  '对商务部门权力清单进行动态管理',
  '多渠道畅通公众表达意愿',
  '完善疑难件办理的会商机制',
  '在厅门户网站已发布的原文件上作出明确标注',
  '及时公开目标任务和工作的完成情况',
];

/** Sentences that close a clause with a time limit (the number varies, which keeps clauses distinct). */
const DEADLINES: [template: string, min: number, max: number][] = [
  ['收到申请之日起{n}个工作日内予以答复', 5, 20],
  ['每{n}个月向社会公开一次工作进展', 1, 6],
  ['于每年{n}月底前向社会公布上一年度报告', 1, 3],
  ['补正材料应当在{n}个工作日内一次性告知申请人', 3, 7],
];

/** Word swaps used for small modifications (「加强」→「强化」 is the typical wording change of a revision). */
const SWAPS: [string, string][] = [
  ['加强', '强化'],
  ['及时', '按时'],
  ['积极', '主动'],
  ['规范', '统一'],
  ['推进', '推动'],
  ['完善', '健全'],
  ['定期', '每季度'],
  ['全面', '全方位'],
  ['做好', '抓好'],
  ['建立', '构建'],
  ['提升', '提高'],
  ['信息', '数据'],
];

/** Chapter titles: every ~30 articles a 第X章 heading (titles repeat with 之二, 之三… on very long texts). */
const CHAPTERS = [
  '总则',
  '主动公开',
  '依申请公开',
  '政策解读',
  '回应关切',
  '政务舆情',
  '平台建设',
  '政府网站',
  '政务新媒体',
  '政务服务',
  '行政执法公示',
  '重大决策公开',
  '预决算公开',
  '重点领域信息公开',
  '市场监管信息',
  '商务信用信息',
  '招商引资信息',
  '建议提案办理',
  '督查审计整改',
  '公开属性认定',
  '保密审查',
  '个人信息保护',
  '信息发布审核',
  '档案管理',
  '培训考核',
  '经费保障',
  '监督检查',
  '社会评议',
  '责任追究',
  '标准化规范化',
  '无障碍建设',
  '数据开放',
  '附则',
];

/** The ideographic space after a number (第一条 …, U+3000) and the two that indent a paragraph. */
const GAP = '\u3000';
const INDENT = GAP + GAP;

const prng = seededRandom;

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 15 → 十五, 105 → 一百零五, 110 → 一百一十, 1260 → 一千二百六十 (as 民法典 numbers its articles). */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`chineseNumeral: ${n}`);
  if (n < 20 && n >= 10) return `十${n > 10 ? DIGITS[n - 10] : ''}`;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i];
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + units[i];
  }
  return out;
}

export interface GeneratorOptions {
  /** Articles (第X条) in the old version. Default 1000 (≈150k characters). */
  clauses?: number;
  /** PRNG seed; the same seed gives the same pair. Default 8. */
  seed?: number;
  /** Articles per chapter, about (0: no chapters). Default 30. */
  chapterEvery?: number;
  /** `text`: versions carry the raw text (exercises splitting); `clauses`: already split (ids = numbers). Default `text`. */
  form?: 'text' | 'clauses';
  /** Edits per 1,000 old articles. Defaults: 30 insertions, 25 deletions, 60 modifications, 10 moves, 10 replacements. */
  rates?: Partial<Record<'insert' | 'delete' | 'modify' | 'move' | 'replace', number>>;
}

/**
 * The ground truth for one clause. Clauses are named by their number as written (「第十二条」, 「第三章」),
 * not by id, so the truth holds whatever id scheme the splitter derives. One entry per old clause (in old
 * order: `new` is where it went, absent when deleted) followed by one entry per added new clause (`old` absent).
 * - unchanged: same text (renumbered or not); modified: a few words changed in place;
 * - moved: taken out and put back ≥ 20 articles away (a third of the text when shorter; its text may
 *   also have a small change);
 * - deleted: gone, or replaced by unrelated text (then the replacement is an `added` entry).
 */
export interface ExpectedPairing {
  old?: string;
  new?: string;
  kind: ChangeKind;
}

export interface GeneratedComparison {
  oldText: string;
  newText: string;
  expected: ExpectedPairing[];
  /** The pair as a `comparison` document (versions `old` and `new`, in the chosen form). */
  document: ComparisonDocument;
  /** What was done, for the report. */
  edits: { articles: number; chapters: number; inserted: number; deleted: number; modified: number; moved: number; movedAndModified: number; replaced: number };
}

interface Article {
  /** Stable identity across the two versions (index in the old version, or a fresh one for inserted). */
  key: number;
  text: string;
  /** The truth kind for an article that exists in both versions. */
  kind: ChangeKind;
  /** Chapter title starting at this article (kept with the article across versions). */
  chapter?: string;
}

/**
 * A policy text of `clauses` articles in 第X条 form, with 第X章 headings about every `chapterEvery`
 * articles, and a revision of it with known edits: insertions (which renumber everything after them),
 * deletions, modifications (a word swapped, a phrase added or dropped), moves, and replacements by
 * unrelated text. Chapter headings stay with the article they precede and are never edited (so their
 * truth is `unchanged`); the first article of a chapter is never deleted, moved or replaced.
 */
export function generateComparison(options: GeneratorOptions = {}): GeneratedComparison {
  const n = options.clauses ?? 1000;
  const random = prng(options.seed ?? 8);
  const chapterEvery = options.chapterEvery ?? 30;
  const rate = { insert: 30, delete: 25, modify: 60, move: 10, replace: 10, ...options.rates };
  const count = (k: keyof typeof rate) => Math.round((rate[k] * n) / 1000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const used = new Set<string>();
  /** A new clause text, unlike every other one generated so far (≈150 characters). */
  const clauseText = (): string => {
    for (;;) {
      const phrases: string[] = [];
      const k = between(6, 9);
      while (phrases.length < k) {
        const p = pick(PHRASES);
        if (!phrases.includes(p)) phrases.push(p);
      }
      let text = `${pick(SUBJECTS)}应当${phrases.join('，')}。`;
      if (random() < 0.35) {
        const [template, min, max] = pick(DEADLINES);
        text += `${template.replace('{n}', String(between(min, max)))}。`;
      }
      // One clause in five has a second 款 (paragraph), joined with a line break as the text has it.
      if (random() < 0.2) text += `\n${pick(SUBJECTS)}${pick(PHRASES)}，${pick(PHRASES)}。`;
      if (!used.has(text)) {
        used.add(text);
        return text;
      }
    }
  };
  /** A few words changed: one or two of word swap / phrase added / phrase dropped. */
  const modify = (text: string): string => {
    for (;;) {
      let out = text;
      const edits = between(1, 2);
      for (let e = 0; e < edits; e++) {
        const how = random();
        const swaps = SWAPS.filter(([a]) => out.includes(a));
        if (how < 0.5 && swaps.length) {
          const [a, b] = pick(swaps);
          const at = out.indexOf(a);
          out = out.slice(0, at) + b + out.slice(at + a.length);
        } else if (how < 0.8) {
          const commas = [...out.matchAll(/，/g)].map((m) => m.index!);
          const at = commas.length ? pick(commas) : out.indexOf('。');
          out = `${out.slice(0, at)}，${pick(PHRASES)}${out.slice(at)}`;
        } else {
          const parts = out.split('，');
          if (parts.length > 3) {
            parts.splice(between(1, parts.length - 2), 1);
            out = parts.join('，');
          }
        }
      }
      if (out !== text && !used.has(out)) {
        used.add(out);
        return out;
      }
    }
  };

  // The old version.
  const old: Article[] = [];
  let nextChapter = 0;
  let untilChapter = 0;
  for (let i = 0; i < n; i++) {
    const article: Article = { key: i, text: clauseText(), kind: 'unchanged' };
    if (chapterEvery > 0 && i === untilChapter) {
      const round = Math.floor(nextChapter / CHAPTERS.length);
      article.chapter = CHAPTERS[nextChapter % CHAPTERS.length] + (round ? `之${chineseNumeral(round + 1)}` : '');
      nextChapter++;
      untilChapter += between(Math.ceil(chapterEvery * 0.8), Math.floor(chapterEvery * 1.2));
    }
    old.push(article);
  }

  // Choose the edited articles, each at most once; chapter openers only get in-place edits.
  const free = old.filter((a) => a.chapter === undefined).map((a) => a.key);
  const take = (k: number): number[] => {
    const out: number[] = [];
    while (out.length < k && free.length) out.push(free.splice(Math.floor(random() * free.length), 1)[0]);
    return out;
  };
  const deleted = new Set(take(count('delete')));
  const replaced = new Set(take(count('replace')));
  const moved = take(count('move'));
  const modified = new Set(take(count('modify')));

  // The new version: apply the edits to a copy of the old order.
  const revised: Article[] = old.map((a) => ({ ...a }));
  const at = (key: number) => revised.findIndex((a) => a.key === key);
  for (const a of revised) {
    if (modified.has(a.key)) {
      a.text = modify(a.text);
      a.kind = 'modified';
    }
    if (replaced.has(a.key)) {
      a.key = -1 - a.key; // a different clause standing in the same place
      a.text = clauseText();
      a.kind = 'added';
    }
  }
  for (const key of deleted) revised.splice(at(key), 1);
  let movedAndModified = 0;
  for (const key of moved) {
    const from = at(key);
    const [article] = revised.splice(from, 1);
    article.kind = 'moved';
    if (random() < 0.3) {
      article.text = modify(article.text);
      movedAndModified++;
    }
    // Far away (20 articles, less in a short text), before an article that is not a chapter opener
    // (the heading stays with its article).
    const away = Math.min(20, Math.floor(revised.length / 3));
    let to: number;
    do to = between(0, revised.length);
    while (Math.abs(to - from) < away || revised[to]?.chapter !== undefined);
    revised.splice(to, 0, article);
  }
  let freshKey = n;
  for (let k = count('insert'); k > 0; k--) {
    let to: number;
    do to = between(1, revised.length);
    while (revised[to]?.chapter !== undefined);
    revised.splice(to, 0, { key: freshKey++, text: clauseText(), kind: 'added' });
  }

  // Numbers, texts and the truth.
  const render = (articles: Article[]) => {
    const numbers = new Map<number, string>();
    const chapterNumbers = new Map<string, string>();
    const lines: string[] = [];
    const clauses: { id: string; number: string; text: string; heading?: string }[] = [];
    let chapters = 0;
    articles.forEach((a, i) => {
      if (a.chapter !== undefined) {
        const number = `第${chineseNumeral(++chapters)}章`;
        chapterNumbers.set(a.chapter, number);
        lines.push(`${number}${GAP}${a.chapter}`);
        clauses.push({ id: number, number, text: a.chapter });
      }
      const number = `第${chineseNumeral(i + 1)}条`;
      numbers.set(a.key, number);
      // Two ideographic spaces indent each paragraph, as published texts do.
      lines.push(`${INDENT}${number}${GAP}${a.text.replace(/\n/g, `\n${INDENT}`)}`);
      clauses.push({ id: number, number, text: a.text });
    });
    return { text: lines.join('\n'), numbers, chapterNumbers, clauses };
  };
  const before = render(old);
  const after = render(revised);
  const expected: ExpectedPairing[] = [];
  const revisedByKey = new Map(revised.map((r) => [r.key, r]));
  for (const a of old) {
    if (a.chapter !== undefined) expected.push({ old: before.chapterNumbers.get(a.chapter), new: after.chapterNumbers.get(a.chapter), kind: 'unchanged' });
    const now = revisedByKey.get(a.key);
    expected.push(now ? { old: before.numbers.get(a.key), new: after.numbers.get(a.key), kind: now.kind } : { old: before.numbers.get(a.key), kind: 'deleted' });
  }
  for (const r of revised) if (r.kind === 'added') expected.push({ new: after.numbers.get(r.key), kind: 'added' });

  const version = (id: string, label: string, v: ReturnType<typeof render>) => (options.form === 'clauses' ? { id, label, clauses: v.clauses } : { id, label, text: v.text });
  const document: ComparisonDocument = {
    type: 'comparison',
    schemaVersion: 1,
    title: `政务公开工作办法（${n}条）修订前后对照`,
    versions: [version('old', '2019年版', before), version('new', '2024年版', after)],
  };
  return {
    oldText: before.text,
    newText: after.text,
    expected,
    document,
    edits: {
      articles: n,
      chapters: nextChapter,
      inserted: count('insert'),
      deleted: deleted.size,
      modified: modified.size,
      moved: moved.length,
      movedAndModified,
      replaced: replaced.size,
    },
  };
}

/** A clause number compared as the splitter normalises refs: NFKC, spaces removed. */
const numberKey = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/**
 * Alignment accuracy: the fraction of truth entries (every old clause, plus every added new clause; see
 * ExpectedPairing) that the comparison gets exactly right:
 * - an old clause is right when the comparison has a row holding it on the old side (for a move, the row
 *   that also holds the new side — `placement: 'to'`, or any row with both sides) whose kind is the
 *   expected kind and whose new side has the expected number (no new side when expected deleted);
 * - an added clause is right when a row holds it on the new side with kind `added` and no old side.
 * Rows are matched by clause number (`Clause.number`, normalised), not by id. A missing or wrong row, a
 * wrong partner or a wrong kind each make the entry wrong; 1 means everything matched.
 */
export function measureAccuracy(comparison: Comparison, expected: ExpectedPairing[]): number {
  const byOld = new Map<string, Comparison['changes']>();
  const byNew = new Map<string, Comparison['changes']>();
  for (const change of comparison.changes) {
    if (change.old) byOld.set(numberKey(change.old.number), [...(byOld.get(numberKey(change.old.number)) ?? []), change]);
    if (change.new) byNew.set(numberKey(change.new.number), [...(byNew.get(numberKey(change.new.number)) ?? []), change]);
  }
  let right = 0;
  for (const truth of expected) {
    if (truth.old !== undefined) {
      const rows = byOld.get(numberKey(truth.old)) ?? [];
      // Prefer the row that pairs both sides (a move's `from` row may repeat the old clause alone).
      const row = rows.find((r) => r.new && r.placement !== 'from') ?? rows.find((r) => r.placement !== 'from') ?? rows[0];
      if (row && row.kind === truth.kind && numberKey(row.new?.number) === numberKey(truth.new)) right++;
    } else {
      const row = (byNew.get(numberKey(truth.new)) ?? [])[0];
      if (row && row.kind === 'added' && !row.old) right++;
    }
  }
  return expected.length ? right / expected.length : 1;
}
