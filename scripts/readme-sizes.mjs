// The README's size table, generated from the budgets in scripts/build-config.mjs so the two never disagree:
//   node scripts/readme-sizes.mjs           writes the table between <!-- sizes:start --> and <!-- sizes:end --> in README.md
//   node scripts/readme-sizes.mjs --check   exits 1, saying what differs, when README.md's table is not the generated one
// `--readme <file>` and `--config <file>` name other files (the tests use copies).
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { kb } from './bench-report.mjs';

const root = new URL('..', import.meta.url).pathname;
export const START = '<!-- sizes:start -->';
export const END = '<!-- sizes:end -->';

/** The budgets' keys in words; a key not named here is shown as it is (the table still changes, so --check notices). */
const ELEMENTS = {
  'policy-card': '政策卡片',
  interpretation: '政策解读',
  infographic: '一图读懂',
  'policy-compare': '新旧政策对比',
  'disclosure-directory': '政府信息公开目录',
  reader: '无障碍阅读',
};
const PAGES = {
  'autoload.js': 'the autoloader alone (`autoload.js`) 按需加载脚本本身',
  'card page': 'a page with one policy card 一个政策卡片的页面',
  'interpretation page': 'a page with an interpretation 一篇政策解读的页面',
  'everything page': 'a page with every element 全部组件的页面',
};
const DROP_IN = 'zhengwu-elements.js';

/** The Markdown between the markers (without them), from build-config's `budgets` and `autoloadBudgets`. */
export function sizesTable({ budgets, autoloadBudgets }) {
  const rows = (entries) => entries.map(([what, bytes]) => `| ${what} | ${kb(bytes)} |`).join('\n');
  const pages = Object.entries(autoloadBudgets).map(([key, bytes]) => [PAGES[key] ?? key, bytes]);
  pages.push([`the single file \`${DROP_IN}\`, every element 单个文件（全部组件）`, budgets[DROP_IN]]);
  const elements = Object.entries(budgets)
    .filter(([key]) => key !== DROP_IN)
    .map(([key, bytes]) => [`\`<zw-${key}>\`${ELEMENTS[key] ? ` ${ELEMENTS[key]}` : ''}`, bytes]);
  return [
    'Budgets, gzip: what a page downloads at most. `npm run bench` measures every figure (gzip -9 of the built files; the pages',
    'in Chromium, counting each file they fetch) and CI fails when one is over its budget (`scripts/build-config.mjs`; this table',
    'is generated from it by `node scripts/readme-sizes.mjs`, and `--check` keeps it in step).',
    '',
    '| per page, with the autoloader or the single file | budget (gzip) |',
    '|---|---|',
    rows(pages),
    '',
    '| per element, from a bundler (the element alone with Lit and all it imports; a zh-CN page) | budget (gzip) |',
    '|---|---|',
    rows(elements),
  ].join('\n');
}

/** `readme` with the block between the markers replaced; throws when the markers are missing or out of order. */
export function withSizes(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no size table markers: put ${START} and ${END} (in that order) where the table goes`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

async function main(args) {
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : fallback;
  };
  const readmePath = option('--readme', `${root}README.md`);
  const configPath = option('--config', `${root}scripts/build-config.mjs`);
  const check = args.includes('--check');
  const config = await import(pathToFileURL(configPath).href);
  const readme = await readFile(readmePath, 'utf8');
  const expected = withSizes(readme, sizesTable(config));
  if (expected === readme) {
    if (!check) console.log(`readme-sizes: ${readmePath} is up to date.`);
    return 0;
  }
  if (check) {
    const lines = (text) => text.slice(text.indexOf(START), text.indexOf(END)).split('\n');
    const [have, want] = [lines(readme), lines(expected)];
    const first = want.findIndex((line, i) => line !== have[i]);
    console.error(
      `readme-sizes: the size table in ${readmePath} differs from the budgets in ${configPath}.\n` +
        `  README:    ${have[first] ?? '(nothing)'}\n  generated: ${want[first] ?? '(nothing)'}\n` +
        'Run `node scripts/readme-sizes.mjs` to rewrite it.',
    );
    return 1;
  }
  await writeFile(readmePath, expected);
  console.log(`readme-sizes: wrote the size table in ${readmePath}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`readme-sizes: ${error.message}`);
      process.exit(1);
    },
  );
}
