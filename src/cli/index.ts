#!/usr/bin/env node
/// <reference types="node" />
/**
 * `npx zhengwu-elements validate <file.json|dir>…`: checks documents before a CMS publishes them, with the
 * elements' own rules and messages (in `--lang`), so a publishing step can refuse what the page would
 * refuse. Exit 0: every file valid (warnings allowed); 1: some file has errors; 2: usage error.
 * `npx zhengwu-elements render <file.json|dir>…`: the elements pre-rendered (../ssr, loaded only for this command
 * from dist/ssr.js beside this file, so validate stays light); exit 1 when a document has errors (its page shows the
 * public notice) or cannot be rendered.
 * Built by esbuild to dist/cli.js (platform node, the package's dependencies left as imports): the
 * package's `bin`. Always runs when loaded: it is an entry, never imported.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import process from 'node:process';
import type { UiLocale } from '../core/format.js';
import { loadLocale, matchLocale, withLocale } from '../i18n/locale.js';
import { issue, type Issue, type LocalizedIssue } from '../schema/issues.js';
import { localizeIssue, shownValue } from '../schema/messages.js';
import type { DocumentKind } from '../schema/validate.js';
import { checkJsonText, type FileProblem } from './check-file.js';
import { CLI_TEXT, type CliText } from './strings.js';

/** An issue with its message: the elements' issue codes, or a file's own (check-file.ts `FileProblem`). */
type Problem = Pick<LocalizedIssue, 'path' | 'severity' | 'message'> & { code: Issue['code'] | FileProblem['code'] };

/** One file's outcome: the shape of `--format json`'s items. */
export interface FileReport {
  file: string;
  kind: DocumentKind | null;
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
}

/** The elements `render --element` accepts. */
const ELEMENTS = ['zw-policy-card', 'zw-interpretation', 'zw-infographic', 'zw-policy-compare', 'zw-disclosure-directory', 'zw-reader'] as const;

interface Options {
  command?: string;
  element?: (typeof ELEMENTS)[number];
  theme?: 'red' | 'blue';
  appearance?: 'light' | 'dark' | 'auto';
  headingLevel?: number;
  outDir?: string;
  paths: string[];
  locale: UiLocale;
  format: 'text' | 'json';
  quiet: boolean;
  help: boolean;
  version: boolean;
}

/** A usage error (exit 2), worded once the locale is known: `--lang` may come after the mistake. */
class UsageError extends Error {
  constructor(readonly say: (t: CliText) => string) {
    super('usage');
  }
}

// zh-CN, en and zh-Hant, with the tags people write for them (zh-TW, en-US, …); anything else is a mistake.
const LANG = /^(?:zh|zh-cn|zh-sg|zh-hans(?:-\w+)?|zh-hant(?:-\w+)?|zh-tw|zh-hk|zh-mo|en(?:-\w+)?)$/i;

function parseArgs(args: readonly string[]): { options: Options; mistake?: UsageError } {
  const options: Options = { paths: [], locale: 'zh-CN', format: 'text', quiet: false, help: false, version: false };
  let mistake: UsageError | undefined;
  const fail = (error: UsageError) => (mistake ??= error);
  const operand = (value: string) => (options.command === undefined ? (options.command = value) : options.paths.push(value));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      args.slice(i + 1).forEach(operand);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operand(arg);
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('-')) {
        fail(new UsageError((t) => t.missingValue(name)));
        return undefined;
      }
      i++;
      return next;
    };
    switch (name) {
      case '--lang': {
        const lang = value();
        if (lang === undefined) break;
        if (LANG.test(lang)) options.locale = matchLocale(lang);
        else fail(new UsageError((t) => t.badLang(lang)));
        break;
      }
      case '--format': {
        const format = value();
        if (format === undefined) break;
        if (format === 'text' || format === 'json') options.format = format;
        else fail(new UsageError((t) => t.badFormat(format)));
        break;
      }
      case '--element': {
        const element = value();
        if (element === undefined) break;
        if ((ELEMENTS as readonly string[]).includes(element)) options.element = element as Options['element'];
        else fail(new UsageError((t) => t.badChoice(name, element, ELEMENTS.join(', '))));
        break;
      }
      case '--theme': {
        const theme = value();
        if (theme === undefined) break;
        if (theme === 'red' || theme === 'blue') options.theme = theme;
        else fail(new UsageError((t) => t.badChoice(name, theme, 'red, blue')));
        break;
      }
      case '--appearance': {
        const appearance = value();
        if (appearance === undefined) break;
        if (appearance === 'light' || appearance === 'dark' || appearance === 'auto') options.appearance = appearance;
        else fail(new UsageError((t) => t.badChoice(name, appearance, 'light, dark, auto')));
        break;
      }
      case '--heading-level': {
        const level = value();
        if (level === undefined) break;
        if (/^[1-6]$/.test(level)) options.headingLevel = Number(level);
        else fail(new UsageError((t) => t.badChoice(name, level, '1–6')));
        break;
      }
      case '--out-dir': {
        const dir = value();
        if (dir !== undefined) options.outDir = dir;
        break;
      }
      case '--quiet':
      case '-q':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--version':
      case '-v':
        options.version = true;
        break;
      default:
        fail(new UsageError((t) => t.unknownOption(name)));
    }
  }
  return { options, mistake };
}

/** The package's version, from the package.json beside dist/ (this file is dist/cli.js). */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'zhengwu-elements' && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // not the installed layout (a test bundle elsewhere)
  }
  return 'unknown';
}

/** Path order, segment by segment (so a folder's files stay together), by code point: the same on every machine. */
function byPath(a: string, b: string): number {
  const [x, y] = [a.split(sep), b.split(sep)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/** Every `*.json` under `dir`, sorted; node_modules and dot-directories (.git, .cache, editors' settings) are not content. */
function jsonFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (/\.json$/i.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))) {
        found.push(path);
      }
    }
  };
  walk(dir);
  return found.sort(byPath);
}

/** The files to check, in the order given (a directory's sorted), each once. Throws a UsageError for a path that does not exist. */
function filesOf(paths: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new UsageError((t) => t.notFound(path));
    const found = stat.isDirectory() ? jsonFilesUnder(path) : [path];
    if (stat.isDirectory() && found.length === 0) throw new UsageError((t) => t.noJsonIn(path));
    for (const file of found) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}

/** A problem's message: the elements' own (schema/messages.ts) for their issues, the CLI's for a file's. Call inside `withLocale`. */
function messageOf(problem: Issue | FileProblem, kind: DocumentKind | undefined, t: CliText): string {
  switch (problem.code) {
    case 'unknown-kind':
      return problem.params ? t.kindUnknown(shownValue(problem as unknown as Issue)) : t.kindMissing;
    case 'empty-file':
      return t.emptyFile;
    case 'read-failed':
      return t.readFailed(String(problem.params?.reason ?? ''));
    default:
      return localizeIssue(problem, kind).message;
  }
}

function checkFile(file: string, locale: UiLocale, t: CliText): FileReport {
  let found: ReturnType<typeof checkJsonText>;
  try {
    found = checkJsonText(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code) found = { issues: [{ path: '', code: 'read-failed', severity: 'error', params: { reason: code } }] };
    else {
      // Bad data cannot get here (the checks report it): a bug, so its stack goes to stderr, as the elements log it.
      console.error(`[zhengwu-elements] checking ${file} failed (a bug, not bad data)`, error);
      found = { issues: [issue('', 'internal-error')] };
    }
  }
  const problems = withLocale(locale, () =>
    found.issues.map((one): Problem => ({ path: one.path, code: one.code, severity: one.severity, message: messageOf(one, found.kind, t) })),
  );
  const errors = problems.filter((p) => p.severity === 'error');
  return { file, kind: found.kind ?? null, valid: errors.length === 0, errors, warnings: problems.filter((p) => p.severity !== 'error') };
}

function textReport(reports: readonly FileReport[], t: CliText, quiet: boolean): string {
  const lines: string[] = [];
  const at = (path: string) => path || '/';
  for (const report of reports) {
    if (quiet && report.errors.length + report.warnings.length === 0) continue;
    lines.push(`${report.valid ? '✓' : '✗'} ${report.file}`);
    for (const error of report.errors) lines.push(`  ${at(error.path)} ${error.message}`);
    for (const warning of report.warnings) lines.push(`  ${t.warning} ${at(warning.path)} ${warning.message}`);
  }
  if (!quiet) {
    const failed = reports.filter((r) => !r.valid).length;
    const warnings = reports.reduce((sum, r) => sum + r.warnings.length, 0);
    lines.push(t.summary(reports.length, reports.length - failed, failed, warnings));
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Runs the command line; resolves to the exit code. */
async function main(args: readonly string[]): Promise<number> {
  const { options, mistake } = parseArgs(args);
  const t = CLI_TEXT[options.locale];
  const usage = (error: UsageError) => {
    process.stderr.write(`zhengwu-elements: ${error.say(t)}${t.seeHelp}\n`);
    return 2;
  };
  if (options.help) {
    process.stdout.write(`${t.help}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (mistake) return usage(mistake);
  if (options.command === undefined) return usage(new UsageError((text) => text.noCommand));
  if (options.command !== 'validate' && options.command !== 'render') return usage(new UsageError((text) => text.unknownCommand(options.command!)));
  if (options.paths.length === 0) return usage(new UsageError((text) => text.noFiles));
  let files: string[];
  try {
    files = filesOf(options.paths);
  } catch (error) {
    if (error instanceof UsageError) return usage(error);
    throw error;
  }
  if (options.command === 'render' && files.length > 1 && !options.outDir) return usage(new UsageError((text) => text.needsOutDir));
  await loadLocale(options.locale);
  if (options.command === 'render') return renderFiles(files, options, t);
  const reports = files.map((file) => checkFile(file, options.locale, t));
  const shown = options.quiet ? reports.filter((r) => r.errors.length + r.warnings.length > 0) : reports;
  process.stdout.write(options.format === 'json' ? `${JSON.stringify(shown, null, 2)}\n` : textReport(reports, t, options.quiet));
  return reports.every((r) => r.valid) ? 0 : 1;
}

/**
 * `render`: each file's element, pre-rendered, to standard output (one file) or as <name>.html in --out-dir. A document
 * with errors is still rendered (the public notice, as the page would show it) but the exit code says so.
 */
async function renderFiles(files: readonly string[], options: Options, t: CliText): Promise<number> {
  // Lit's server rendering and its DOM shim, only for this command (dist/ssr.js beside dist/cli.js)
  const ssr = (await import(new URL('./ssr.js', import.meta.url).href)) as typeof import('../ssr/index.js');
  let failed = false;
  if (options.outDir) mkdirSync(options.outDir, { recursive: true });
  for (const file of files) {
    const report = checkFile(file, options.locale, t);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      process.stderr.write(`${t.cannotRender(file, report.errors[0]?.message ?? '')}\n`);
      failed = true;
      continue;
    }
    let html: string;
    try {
      html = await ssr.render(document, {
        element: options.element,
        lang: options.locale,
        theme: options.theme,
        appearance: options.appearance,
        headingLevel: options.headingLevel,
      });
    } catch (error) {
      if (!(error instanceof ssr.RenderError)) throw error;
      // no element for the document's type: the checker's own words for it
      process.stderr.write(`${t.cannotRender(file, report.errors[0]?.message ?? error.message)}\n`);
      failed = true;
      continue;
    }
    if (!report.valid) {
      process.stderr.write(`${t.renderedWithErrors(file, report.errors.length)}\n`);
      failed = true;
    }
    if (options.outDir) writeFileSync(join(options.outDir, `${basename(file).replace(/\.json$/i, '')}.html`), `${html}\n`);
    else process.stdout.write(`${html}\n`);
  }
  return failed ? 1 : 0;
}

// `… | head` closes the pipe early: not an error of the documents.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[zhengwu-elements]', error);
    process.exitCode = 3; // a bug of the program, not bad data nor a usage error
  },
);
