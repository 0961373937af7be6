/**
 * The CLI's own words (usage, summary, file problems), one small table per UI locale. They are not
 * UI of the elements, so they stay out of msg(): `lit-localize extract` would put them into the
 * elements' translation catalogues, which every page that shows English or 繁體 downloads. The
 * documents' problems themselves are the elements' messages (schema/messages.ts, through msg()).
 */
import type { UiLocale } from '../core/format.js';

export interface CliText {
  help: string;
  /** Appended to every usage error. */
  seeHelp: string;
  unknownOption(option: string): string;
  missingValue(option: string): string;
  badLang(value: string): string;
  badFormat(value: string): string;
  unknownCommand(command: string): string;
  noCommand: string;
  noFiles: string;
  notFound(path: string): string;
  noJsonIn(dir: string): string;
  /** Marks a warning in the text output. */
  warning: string;
  /** `type` missing: names the kinds. */
  kindMissing: string;
  /** `type` names no kind; `value` as the elements show a wrong value. */
  kindUnknown(value: string): string;
  emptyFile: string;
  readFailed(reason: string): string;
  summary(files: number, passed: number, failed: number, warnings: number): string;
}

const KINDS_ZH = 'policy 政策文件、interpretation 政策解读、infographic 一图读懂、comparison 新旧政策对比、directory 政府信息公开目录';
const KINDS_HANT = 'policy 政策文件、interpretation 政策解讀、infographic 一圖讀懂、comparison 新舊政策對比、directory 政府資訊公開目錄';
const KINDS_EN =
  'policy (policy document), interpretation (policy interpretation), infographic, comparison (old and new policy comparison), directory (government information disclosure directory)';

const zhCN: CliText = {
  help: `用法：zhengwu-elements validate [选项] <文件.json|目录>…

按页面上组件的同一套规则检查 CMS 输出的 JSON 文档，给出同样的提示。
目录会递归查找其中所有 *.json（跳过 node_modules 和以 . 开头的目录）。

选项：
  --lang <zh-CN|en|zh-Hant>  提示的语言（缺省 zh-CN）
  --format <text|json>       text 供人阅读（缺省）；json 供程序读取，输出一个数组
  --quiet, -q                只输出有错误或警告的文件，不输出汇总
  --help, -h                 显示本帮助
  --version, -v              显示版本号

退出码：0 全部通过（可以有警告）；1 有文件存在错误；2 用法错误（选项不认识、文件不存在等）。`,
  seeHelp: '（用 --help 查看用法）',
  unknownOption: (option) => `不认识的选项 ${option}`,
  missingValue: (option) => `选项 ${option} 后面缺少取值`,
  badLang: (value) => `--lang 只能是 zh-CN、en 或 zh-Hant，不能是 “${value}”`,
  badFormat: (value) => `--format 只能是 text 或 json，不能是 “${value}”`,
  unknownCommand: (command) => `不认识的命令 “${command}”（目前只有 validate）`,
  noCommand: '缺少命令：zhengwu-elements validate <文件.json|目录>…',
  noFiles: '请给出要检查的 JSON 文件或目录',
  notFound: (path) => `找不到文件或目录：${path}`,
  noJsonIn: (dir) => `目录中没有 .json 文件：${dir}`,
  warning: '警告',
  kindMissing: `缺少「文档类型」type，无法判断是哪种文档（应为 ${KINDS_ZH} 之一）`,
  kindUnknown: (value) => `不认识的文档类型 ${value}（应为 ${KINDS_ZH} 之一）`,
  emptyFile: '文件是空的，没有任何 JSON 内容',
  readFailed: (reason) => `无法读取文件（${reason}）`,
  summary: (files, passed, failed, warnings) => `${files} 个文件：${passed} 个通过，${failed} 个有错误${warnings ? `；共 ${warnings} 个警告` : ''}`,
};

const zhHant: CliText = {
  help: `用法：zhengwu-elements validate [選項] <檔案.json|目錄>…

按頁面上元件的同一套規則檢查 CMS 輸出的 JSON 文件，給出同樣的提示。
目錄會遞迴尋找其中所有 *.json（略過 node_modules 和以 . 開頭的目錄）。

選項：
  --lang <zh-CN|en|zh-Hant>  提示的語言（預設 zh-CN）
  --format <text|json>       text 供人閱讀（預設）；json 供程式讀取，輸出一個陣列
  --quiet, -q                只輸出有錯誤或警告的檔案，不輸出彙總
  --help, -h                 顯示本說明
  --version, -v              顯示版本號

結束碼：0 全部通過（可以有警告）；1 有檔案存在錯誤；2 用法錯誤（選項不認識、檔案不存在等）。`,
  seeHelp: '（用 --help 查看用法）',
  unknownOption: (option) => `不認識的選項 ${option}`,
  missingValue: (option) => `選項 ${option} 後面缺少取值`,
  badLang: (value) => `--lang 只能是 zh-CN、en 或 zh-Hant，不能是 “${value}”`,
  badFormat: (value) => `--format 只能是 text 或 json，不能是 “${value}”`,
  unknownCommand: (command) => `不認識的命令 “${command}”（目前只有 validate）`,
  noCommand: '缺少命令：zhengwu-elements validate <檔案.json|目錄>…',
  noFiles: '請給出要檢查的 JSON 檔案或目錄',
  notFound: (path) => `找不到檔案或目錄：${path}`,
  noJsonIn: (dir) => `目錄中沒有 .json 檔案：${dir}`,
  warning: '警告',
  kindMissing: `缺少「文件類型」type，無法判斷是哪種文件（應為 ${KINDS_HANT} 之一）`,
  kindUnknown: (value) => `不認識的文件類型 ${value}（應為 ${KINDS_HANT} 之一）`,
  emptyFile: '檔案是空的，沒有任何 JSON 內容',
  readFailed: (reason) => `無法讀取檔案（${reason}）`,
  summary: (files, passed, failed, warnings) => `${files} 個檔案：${passed} 個通過，${failed} 個有錯誤${warnings ? `；共 ${warnings} 個警告` : ''}`,
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: CliText = {
  help: `Usage: zhengwu-elements validate [options] <file.json|dir>…

Checks the JSON documents a CMS publishes with the elements' own rules and messages.
A directory is searched recursively for *.json (node_modules and directories starting with . are skipped).

Options:
  --lang <zh-CN|en|zh-Hant>  language of the messages (default zh-CN)
  --format <text|json>       text for people (default); json for programs: one array
  --quiet, -q                only files with errors or warnings, no summary
  --help, -h                 this help
  --version, -v              the version

Exit codes: 0 all valid (warnings allowed); 1 some file has errors; 2 usage error (unknown option, no such file, …).`,
  seeHelp: ' (see --help)',
  unknownOption: (option) => `Unknown option ${option}`,
  missingValue: (option) => `Option ${option} needs a value`,
  badLang: (value) => `--lang must be zh-CN, en or zh-Hant, not "${value}"`,
  badFormat: (value) => `--format must be text or json, not "${value}"`,
  unknownCommand: (command) => `Unknown command "${command}" (there is only validate)`,
  noCommand: 'No command: zhengwu-elements validate <file.json|dir>…',
  noFiles: 'Give the JSON files or directories to check',
  notFound: (path) => `No such file or directory: ${path}`,
  noJsonIn: (dir) => `No .json files in the directory: ${dir}`,
  warning: 'warning',
  kindMissing: `No document type ("type"): it must be one of ${KINDS_EN}`,
  kindUnknown: (value) => `Unknown document type ${value}: it must be one of ${KINDS_EN}`,
  emptyFile: 'The file is empty: no JSON at all',
  readFailed: (reason) => `Cannot read the file (${reason})`,
  summary: (files, passed, failed, warnings) =>
    `${plural(files, 'file', 'files')}: ${passed} passed, ${failed} with errors${warnings ? `; ${plural(warnings, 'warning', 'warnings')}` : ''}`,
};

export const CLI_TEXT: Record<UiLocale, CliText> = { 'zh-CN': zhCN, en, 'zh-Hant': zhHant };
