#!/usr/bin/env node
/**
 * Fills <target> in xliff/zh-Hant.xlf by converting each zh-CN <source> to
 * Traditional Chinese with opencc-js. Only the text between placeholders is
 * converted; `<x …/>` tags are copied as they are.
 *
 *   node scripts/zh-hant.mjs           fill only trans-units that have no target
 *                                      (targets a person already edited are kept)
 *   node scripts/zh-hant.mjs --force   re-convert every target
 *   node scripts/zh-hant.mjs --check   change nothing; exit 1 if some target is missing
 *
 * Run `npm run i18n:extract` first (new strings) and `npm run i18n:build` after.
 *
 * Which conversion, and why:
 * - OpenCC 'cn' → 'tw' (Taiwan standard characters, e.g. 為 not 爲), not 'twp'.
 *   'twp' also swaps whole phrases for Taiwan IT vocabulary, and in this domain
 *   several of those swaps are wrong: 文件 (an official document) → 檔案
 *   (a computer file / archives), 发布 (issue a policy) → 釋出 (software release),
 *   机构代码 → 機構程式碼 ("program code"), 文档类型 → 文件型別.
 * - What 'twp' gets right is kept through the small phrase table below, applied
 *   after 'tw'. The choice of words follows what Taiwan (and, for 資訊, Hong Kong)
 *   government sites use: 信息 → 資訊 (as in 政府資訊公開法 and HK's 公開資料守則
 *   "Code on Access to Information"), 数据 → 資料, 链接 → 連結, 网络 → 網路,
 *   服务器 → 伺服器, 发布 → 發布 (the MOE form; OpenCC gives 發佈).
 * - Taiwan counts table rows as 列 and columns as 欄/行, the reverse of the
 *   mainland, so 表格行 → 表格列 and "第 N 列" (a column in JSON text) → 第 N 欄.
 * - Quotation marks are left as in the source: 「」 marks a field name and “”
 *   a value the user typed, and that difference is worth keeping.
 * Add a phrase here rather than hand-fixing the same word in many targets.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const FILE = fileURLToPath(new URL('../xliff/zh-Hant.xlf', import.meta.url));

/** Traditional (Taiwan) → preferred wording; longest match wins. Keys are OpenCC 'tw' output. */
const PHRASES = [
  ['數據', '資料'],
  ['信息', '資訊'],
  ['鏈接', '連結'],
  ['網絡', '網路'],
  ['服務器返回', '伺服器回傳'],
  ['服務器', '伺服器'],
  ['發佈', '發布'],
  ['不支持', '不支援'],
  ['字段', '欄位'],
  ['字符', '字元'],
  ['JSON 對象', 'JSON 物件'],
  ['加載', '載入'],
  ['獲取', '取得'],
  ['超時', '逾時'],
  ['文檔', '文件'],
  // An attachment is a computer file: 檔案 here (文件 stays for official documents).
  ['文件格式', '檔案格式'],
  ['文件大小', '檔案大小'],
  ['關鍵詞', '關鍵字'],
  ['出錯', '發生錯誤'],
  ['拼寫', '拼字'],
  ['相對地址', '相對網址'],
  ['列表項', '清單項目'],
  ['表格行', '表格列'],
  ['列附近', '欄附近'],
];

const toTaiwan = OpenCC.ConverterFactory(OpenCC.Locale.from.cn, OpenCC.Locale.to.tw, [PHRASES]);

const PLACEHOLDER = /(<x\b[^>]*\/>)/;

/** Converts the text of an XLIFF <source>, leaving `<x …/>` tags untouched. */
export function convert(source) {
  return source
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? part : toTaiwan(part)))
    .join('');
}

function main(argv) {
  const force = argv.includes('--force');
  const check = argv.includes('--check');
  const xml = readFileSync(FILE, 'utf8');
  let filled = 0;
  let kept = 0;
  const missing = [];
  const out = xml.replace(
    /(<trans-unit\b[^>]*\bid="([^"]*)"[^>]*>\s*<source>([\s\S]*?)<\/source>)(\s*<target\b[^>]*>[\s\S]*?<\/target>|\s*<target\b[^>]*\/>)?/g,
    (all, head, id, source, target) => {
      const hasTarget = target !== undefined && !/<target\b[^>]*\/>/.test(target) && !/<target\b[^>]*>\s*<\/target>/.test(target);
      if (hasTarget && !force) {
        kept++;
        return all;
      }
      if (check) {
        missing.push(id);
        return all;
      }
      filled++;
      return `${head}\n  <target>${convert(source)}</target>`;
    },
  );
  if (check) {
    if (missing.length) {
      console.error(`zh-Hant.xlf: ${missing.length} trans-unit(s) without a target: ${missing.join(', ')}`);
      process.exit(1);
    }
    console.log(`zh-Hant.xlf: all ${kept} trans-units have a target`);
    return;
  }
  if (out !== xml) writeFileSync(FILE, out);
  console.log(`zh-Hant.xlf: ${filled} target(s) ${force ? 're-converted' : 'filled'}, ${kept} kept`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
