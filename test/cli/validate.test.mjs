// node --test test/cli/: `zhengwu-elements validate` (src/cli/index.ts) as a CMS publishing step runs it. Node 20 cannot
// import .ts: the CLI is bundled with esbuild in before(), as scripts/build.mjs ships it (platform node, the package's
// dependencies left as imports, package.json one level up for --version), and run as a child process. The expected
// messages come from the library itself (localizeIssue over checkDocument, bundled apart), so the test holds the
// CLI to "the same messages as the elements" rather than to a copy of their wording.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { generateDirectory } from '../../scripts/directory-generator.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Under node_modules/ (git-ignored) so the bundle's bare imports resolve from the repository's packages, as an installed package's do.
mkdirSync(join(repo, 'node_modules/.cache'), { recursive: true });
const pkg = mkdtempSync(join(repo, 'node_modules/.cache/zw-cli-test-'));
const cli = join(pkg, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'zw-cli-fixtures-'));
const demoData = join(repo, 'demo/data');
const demoFiles = readdirSync(demoData)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join('demo/data', f));
/** The library's own functions, to say what the elements would say. */
let lib;

/** Runs the CLI from the repository root; never hangs a test run. */
function run(...args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) };
}

/** Writes a fixture file under the temporary folder; objects as JSON. */
function fixture(name, content) {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** What the elements say about `data` of `kind`, in `locale`: `  <path> <message>` lines, errors first. */
async function elementLines(kind, data, locale) {
  await lib.loadLocale(locale);
  const issues = lib.checkDocument(kind, data).issues;
  const shown = lib.withLocale(locale, () => issues.map((i) => ({ ...lib.localizeIssue(i, kind), warning: i.severity === 'warning' })));
  const marker = { 'zh-CN': '警告 ', en: 'warning ', 'zh-Hant': '警告 ' }[locale];
  return [
    ...shown.filter((i) => !i.warning).map((i) => `  ${i.path || '/'} ${i.message}`),
    ...shown.filter((i) => i.warning).map((i) => `  ${marker}${i.path || '/'} ${i.message}`),
  ];
}

const demoPolicy = JSON.parse(readFileSync(join(demoData, 'policy-001-jinan-market-2020.json'), 'utf8'));
/** A real policy with two mistakes CMS staff make: an impossible date and a `javascript:` link. */
const brokenPolicy = { ...demoPolicy, publishDate: '2020-09-31', url: 'javascript:alert(1)' };

before(async () => {
  mkdirSync(join(pkg, 'dist'));
  copyFileSync(join(repo, 'package.json'), join(pkg, 'package.json'));
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node18', packages: 'external', logLevel: 'error' };
  await build({ ...common, entryPoints: [join(repo, 'src/cli/index.ts')], outfile: cli });
  await build({
    ...common,
    stdin: {
      contents: [
        "import './src/core/rules/policy.ts';",
        "export { checkDocument } from './src/core/check.ts';",
        "export { localizeIssue } from './src/schema/messages.ts';",
        "export { issue } from './src/schema/issues.ts';",
        "export { loadLocale, withLocale } from './src/i18n/locale.ts';",
      ].join('\n'),
      resolveDir: repo,
      sourcefile: 'library.ts',
      loader: 'ts',
    },
    outfile: join(pkg, 'library.mjs'),
  });
  lib = await import(pathToFileURL(join(pkg, 'library.mjs')).href);
});
after(() => {
  rmSync(pkg, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('zhengwu-elements validate', () => {
  test('the bundle is an executable entry: it starts with a node shebang', () => {
    assert.equal(readFileSync(cli, 'utf8').split('\n')[0], '#!/usr/bin/env node');
  });

  test('every demo document is valid: exit 0, one ✓ line per file, warnings marked, a summary', () => {
    const { code, lines, stderr } = run('validate', ...demoFiles);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const marks = lines.filter((l) => /^[✓✗] /.test(l));
    assert.deepEqual(
      marks,
      demoFiles.map((f) => `✓ ${f}`),
    );
    const warnings = lines.filter((l) => l.startsWith('  '));
    assert.ok(warnings.length > 0, 'the demo data has warnings (seed 002’s local 索引号, seed 003’s damaged text)');
    for (const line of warnings) assert.match(line, /^ {2}警告 \/\S* \S/);
    assert.equal(lines.at(-1), `${demoFiles.length} 个文件：${demoFiles.length} 个通过，0 个有错误；共 ${warnings.length} 个警告`);
  });

  test('a broken copy: exit 1 and, under ✗, exactly the zh-CN messages the elements show', async () => {
    const broken = fixture('broken/policy.json', brokenPolicy);
    const valid = join('demo/data', 'policy-001-jinan-market-2020.json');
    const { code, lines } = run('validate', valid, broken);
    assert.equal(code, 1);
    const expected = await elementLines('policy', brokenPolicy, 'zh-CN');
    assert.deepEqual(lines, [`✓ ${valid}`, `✗ ${broken}`, ...expected, '2 个文件：1 个通过，1 个有错误']);
    // What that is, in words (the library's message table is the source; this pins the example the README shows).
    assert.deepEqual(expected, [
      '  /publishDate 「发布日期」不是有效日期：“2020-09-31”（格式 YYYY-MM-DD）',
      '  /url 「原文链接」不是安全有效的链接：“javascript:alert(1)”（只允许 http、https 或相对地址）',
    ]);
  });

  test('--lang en and --lang zh-Hant: the elements’ messages in that locale, and the CLI’s own words too', async () => {
    const broken = fixture('broken/policy.json', brokenPolicy);
    const en = run('validate', '--lang', 'en', broken);
    assert.equal(en.code, 1);
    const expectedEn = await elementLines('policy', brokenPolicy, 'en');
    assert.deepEqual(en.lines, [`✗ ${broken}`, ...expectedEn, '1 file: 0 passed, 1 with errors']);
    assert.match(expectedEn[0], /^ {2}\/publishDate .*not a valid date.*2020-09-31/, 'English, not the zh-CN source');

    const hant = run('validate', `--lang=zh-Hant`, broken);
    const expectedHant = await elementLines('policy', brokenPolicy, 'zh-Hant');
    assert.deepEqual(hant.lines, [`✗ ${broken}`, ...expectedHant, '1 個檔案：0 個通過，1 個有錯誤']);
    assert.notDeepEqual(expectedHant, await elementLines('policy', brokenPolicy, 'zh-CN'));
  });

  test('--format json: one array of { file, kind, valid, errors, warnings } on stdout', async () => {
    const broken = fixture('broken/policy.json', brokenPolicy);
    const withWarning = join('demo/data', 'policy-002-anhui-commerce-2017.json');
    const { code, stdout } = run('validate', '--format', 'json', withWarning, broken);
    assert.equal(code, 1);
    const reports = JSON.parse(stdout);
    assert.equal(reports.length, 2);
    for (const report of reports) assert.deepEqual(Object.keys(report), ['file', 'kind', 'valid', 'errors', 'warnings']);
    const [ok, bad] = reports;
    assert.equal(ok.file, withWarning);
    assert.equal(ok.kind, 'policy');
    assert.equal(ok.valid, true);
    assert.deepEqual(ok.errors, []);
    assert.deepEqual(
      ok.warnings.map((w) => [w.path, w.code, w.severity]),
      [['/indexNo', 'index-no-local-format', 'warning']],
    );
    assert.equal(bad.valid, false);
    await lib.loadLocale('zh-CN');
    const expected = lib.withLocale('zh-CN', () => lib.checkDocument('policy', brokenPolicy).issues.map((i) => lib.localizeIssue(i, 'policy')));
    assert.deepEqual(
      bad.errors,
      expected.map(({ path, code, severity, message }) => ({ path, code, severity, message })),
    );
    assert.deepEqual(
      bad.errors.map((e) => e.code),
      ['invalid-date', 'unsafe-url'],
    );
  });

  test('a directory argument: every *.json below it, sorted, skipping node_modules and dot-directories', () => {
    const site = join(work, 'site');
    fixture('site/b.json', demoPolicy);
    fixture('site/a/z.json', demoPolicy);
    fixture('site/a/b.json', demoPolicy);
    fixture('site/a/readme.txt', 'not json, not checked');
    fixture('site/node_modules/pkg/package.json', { name: 'pkg' });
    fixture('site/.git/config.json', '{ broken');
    const { code, lines } = run('validate', site);
    assert.equal(code, 0);
    assert.deepEqual(lines, [`✓ ${join(site, 'a/b.json')}`, `✓ ${join(site, 'a/z.json')}`, `✓ ${join(site, 'b.json')}`, '3 个文件：3 个通过，0 个有错误']);

    const demo = run('validate', 'demo/data');
    assert.equal(demo.code, 0);
    assert.deepEqual(
      demo.lines.filter((l) => /^[✓✗] /.test(l)),
      demoFiles.map((f) => `✓ ${f}`),
    );

    const empty = join(work, 'empty-dir');
    mkdirSync(empty, { recursive: true });
    const none = run('validate', empty);
    assert.equal(none.code, 2);
    assert.equal(none.stderr, `zhengwu-elements: 目录中没有 .json 文件：${empty}（用 --help 查看用法）\n`);
  });

  test('invalid JSON is an error with its line and column, worded as the elements word it', async () => {
    const text = '{\n  "type": "policy",\n  "title": “关于”\n}\n';
    const file = fixture('syntax/quotes.json', text);
    const { code, lines } = run('validate', file);
    assert.equal(code, 1);
    const expected = lib.withLocale('zh-CN', () => lib.localizeIssue(lib.issue('', 'json-syntax', { line: 3, column: 12, hint: 'chinese-quote', found: '“' })).message);
    assert.deepEqual(lines.slice(0, 2), [`✗ ${file}`, `  / ${expected}`]);
    assert.match(lines[1], /第 3 行，第 12 列/);

    const trailing = fixture('syntax/trailing.json', '{\n  "type": "policy",\n  "schemaVersion": 1,\n}');
    const en = run('validate', '--lang', 'en', trailing);
    assert.equal(en.code, 1);
    assert.match(en.lines[1], /^ {2}\/ .*line 3, column 21/);

    // A UTF-8 BOM (Windows editors) is not a syntax error: fetch().text() drops it before the elements see the text.
    const bom = fixture('syntax/bom.json', `\uFEFF${JSON.stringify(demoPolicy)}`);
    assert.equal(run('validate', bom).code, 0);
  });

  test('a document whose type is missing or unknown, an array, an empty file: errors (exit 1), naming the kinds', () => {
    const missing = fixture('kinds/missing.json', { schemaVersion: 1, title: '没有类型' });
    const unknown = fixture('kinds/unknown.json', { type: 'polcy', schemaVersion: 1 });
    const array = fixture('kinds/array.json', [demoPolicy]);
    const empty = fixture('kinds/empty.json', '  \n');
    const { code, lines } = run('validate', missing, unknown, array, empty);
    assert.equal(code, 1);
    const kinds = /policy 政策文件、interpretation 政策解读、infographic 一图读懂、comparison 新旧政策对比、directory 政府信息公开目录/;
    assert.equal(lines[0], `✗ ${missing}`);
    assert.match(lines[1], /^ {2}\/type 缺少「文档类型」type/);
    assert.match(lines[1], kinds);
    assert.equal(lines[2], `✗ ${unknown}`);
    assert.match(lines[3], /^ {2}\/type 不认识的文档类型 “polcy”/);
    assert.match(lines[3], kinds);
    assert.deepEqual(lines.slice(4, 6), [`✗ ${array}`, `  / ${lib.withLocale('zh-CN', () => lib.localizeIssue(lib.issue('', 'not-object', { actual: 'array' })).message)}`]);
    assert.deepEqual(lines.slice(6, 8), [`✗ ${empty}`, '  / 文件是空的，没有任何 JSON 内容']);
    const json = JSON.parse(run('validate', '--format', 'json', missing).stdout);
    assert.deepEqual(json[0].kind, null);
    assert.deepEqual(
      json[0].errors.map((e) => e.code),
      ['unknown-kind'],
    );
  });

  test('usage errors: exit 2 with one localised line on stderr and nothing on stdout', () => {
    const cases = [
      [['validate', '--bogus', 'demo/data'], 'zhengwu-elements: 不认识的选项 --bogus（用 --help 查看用法）'],
      [['validate', 'demo/data', '--bogus', '--lang', 'en'], 'zhengwu-elements: Unknown option --bogus (see --help)'],
      [['validate', 'no/such/file.json'], 'zhengwu-elements: 找不到文件或目录：no/such/file.json（用 --help 查看用法）'],
      [['validate', '--lang', 'en', 'no/such/file.json'], 'zhengwu-elements: No such file or directory: no/such/file.json (see --help)'],
      [['validate'], 'zhengwu-elements: 请给出要检查的 JSON 文件或目录（用 --help 查看用法）'],
      [[], 'zhengwu-elements: 缺少命令：zhengwu-elements validate|render <文件.json|目录>…（用 --help 查看用法）'],
      [['check', 'demo/data'], 'zhengwu-elements: 不认识的命令 “check”（只有 validate 和 render）（用 --help 查看用法）'],
      [['validate', '--lang', 'fr', 'demo/data'], 'zhengwu-elements: --lang 只能是 zh-CN、en 或 zh-Hant，不能是 “fr”（用 --help 查看用法）'],
      [['validate', '--format', 'xml', 'demo/data'], 'zhengwu-elements: --format 只能是 text 或 json，不能是 “xml”（用 --help 查看用法）'],
      [['validate', 'demo/data', '--format'], 'zhengwu-elements: 选项 --format 后面缺少取值（用 --help 查看用法）'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.equal(stderr, `${message}\n`, args.join(' '));
    }
  });

  test('--help and --version: exit 0 on stdout', () => {
    const help = run('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^用法：zhengwu-elements validate \[选项\] <文件\.json\|目录>…/);
    for (const option of ['--lang', '--format', '--quiet', '--help', '--version']) assert.ok(help.stdout.includes(option), option);
    assert.match(run('validate', '-h', '--lang', 'en').stdout, /^Usage: zhengwu-elements validate/);
    const version = run('--version');
    assert.equal(version.code, 0);
    assert.equal(version.stdout, `${JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version}\n`);
  });

  test('--quiet: only files with problems, no summary; nothing at all when every file is clean', () => {
    const broken = fixture('broken/policy.json', brokenPolicy);
    const clean = join('demo/data', 'policy-001-jinan-market-2020.json');
    const withWarning = join('demo/data', 'policy-002-anhui-commerce-2017.json');
    const { code, lines } = run('validate', '-q', clean, withWarning, broken);
    assert.equal(code, 1);
    assert.deepEqual(
      lines.filter((l) => /^[✓✗] /.test(l)),
      [`✓ ${withWarning}`, `✗ ${broken}`],
    );
    assert.ok(!lines.some((l) => l.includes('个文件')), 'no summary');
    const quiet = run('validate', '--quiet', clean);
    assert.equal(quiet.code, 0);
    assert.equal(quiet.stdout, '');
    const json = JSON.parse(run('validate', '--quiet', '--format', 'json', clean, broken).stdout);
    assert.deepEqual(
      json.map((r) => r.file),
      [broken],
    );
  });

  test('a 10,000-entry directory document: checked entry by entry, bad entries named by index', (t) => {
    const doc = generateDirectory(10_000, 11);
    doc.entries[17] = { ...doc.entries[17], publishDate: '2024-02-30' };
    doc.entries[9_999] = { ...doc.entries[9_999], url: 'javascript:alert(1)' };
    const file = fixture('big/directory-10k.json', doc);
    const started = performance.now();
    const { code, lines } = run('validate', '--quiet', file);
    const ms = performance.now() - started;
    t.diagnostic(`validate over a 10,000-entry directory (${(readFileSync(file).length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms wall, process start included`);
    assert.equal(code, 1);
    assert.equal(lines[0], `✗ ${file}`);
    const errors = lines.slice(1).filter((l) => !l.startsWith('  警告'));
    assert.deepEqual(
      errors.map((l) => l.split(' ')[2]),
      ['/entries/17/publishDate', '/entries/9999/url'],
    );
    assert.match(errors[0], /不是有效日期：“2024-02-30”/);
    assert.match(errors[1], /不是安全有效的链接：“javascript:alert\(1\)”/);
  });
});
