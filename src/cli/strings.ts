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
  /** `render`: a value that is not one of the choices. */
  badChoice(option: string, value: string, choices: string): string;
  /** `render` of several files needs a folder to write them to. */
  needsOutDir: string;
  /** `render`: the document has errors; the page would show the public notice. */
  renderedWithErrors(file: string, errors: number): string;
  /** `render`: the file cannot be rendered at all (not JSON, no element for its type). */
  cannotRender(file: string, reason: string): string;
}

const KINDS_ZH = 'policy 政策文件、interpretation 政策解读、infographic 一图读懂、comparison 新旧政策对比、directory 政府信息公开目录';
const KINDS_HANT = 'policy 政策文件、interpretation 政策解讀、infographic 一圖讀懂、comparison 新舊政策對比、directory 政府資訊公開目錄';
const KINDS_EN =
  'policy (policy document), interpretation (policy interpretation), infographic, comparison (old and new policy comparison), directory (government information disclosure directory)';

const zhCN: CliText = {
  help: `用法：zhengwu-elements validate [选项] <文件.json|目录>…
      zhengwu-elements render [选项] <文件.json|目录>… [--out-dir <目录>]

validate：按页面上组件的同一套规则检查 CMS 输出的 JSON 文档，给出同样的提示。
render：输出组件预先渲染好的 HTML（声明式 Shadow DOM，内含 JSON），放进页面后不用 JavaScript 也能阅读，
  搜索引擎能收录，脚本载入后组件原地接管。一个文件输出到标准输出；多个文件用 --out-dir 写成同名 .html。
目录会递归查找其中所有 *.json（跳过 node_modules 和以 . 开头的目录）。

选项：
  --lang <zh-CN|en|zh-Hant>  提示的语言（缺省 zh-CN）
  --format <text|json>       text 供人阅读（缺省）；json 供程序读取，输出一个数组
  --quiet, -q                只输出有错误或警告的文件，不输出汇总
  --help, -h                 显示本帮助
  --version, -v              显示版本号
render 的选项：
  --element <标签>           用哪个组件渲染（缺省按 type；政策文件的正文可用 zw-reader）
  --theme <red|blue>         主题色（缺省 red）
  --appearance <light|dark|auto>  配色（缺省 light）
  --heading-level <1-6>      组件主标题的层级（缺省 2）
  --out-dir <目录>           写入的目录（多个文件时必需）

退出码：0 全部通过（可以有警告）；1 有文件存在错误；2 用法错误（选项不认识、文件不存在等）。`,
  seeHelp: '（用 --help 查看用法）',
  unknownOption: (option) => `不认识的选项 ${option}`,
  missingValue: (option) => `选项 ${option} 后面缺少取值`,
  badLang: (value) => `--lang 只能是 zh-CN、en 或 zh-Hant，不能是 “${value}”`,
  badFormat: (value) => `--format 只能是 text 或 json，不能是 “${value}”`,
  unknownCommand: (command) => `不认识的命令 “${command}”（只有 validate 和 render）`,
  noCommand: '缺少命令：zhengwu-elements validate|render <文件.json|目录>…',
  noFiles: '请给出要检查的 JSON 文件或目录',
  notFound: (path) => `找不到文件或目录：${path}`,
  noJsonIn: (dir) => `目录中没有 .json 文件：${dir}`,
  warning: '警告',
  kindMissing: `缺少「文档类型」type，无法判断是哪种文档（应为 ${KINDS_ZH} 之一）`,
  kindUnknown: (value) => `不认识的文档类型 ${value}（应为 ${KINDS_ZH} 之一）`,
  emptyFile: '文件是空的，没有任何 JSON 内容',
  readFailed: (reason) => `无法读取文件（${reason}）`,
  summary: (files, passed, failed, warnings) => `${files} 个文件：${passed} 个通过，${failed} 个有错误${warnings ? `；共 ${warnings} 个警告` : ''}`,
  badChoice: (option, value, choices) => `${option} 只能是 ${choices}，不能是 “${value}”`,
  needsOutDir: '渲染多个文件时，请用 --out-dir 指定写入的目录',
  renderedWithErrors: (file, errors) => `${file} 有 ${errors} 处错误：渲染出的页面只会显示错误提示（先用 validate 查看）`,
  cannotRender: (file, reason) => `无法渲染 ${file}：${reason}`,
};

const zhHant: CliText = {
  help: `用法：zhengwu-elements validate [選項] <檔案.json|目錄>…
      zhengwu-elements render [選項] <檔案.json|目錄>… [--out-dir <目錄>]

validate：按頁面上元件的同一套規則檢查 CMS 輸出的 JSON 文件，給出同樣的提示。
render：輸出元件預先渲染好的 HTML（宣告式 Shadow DOM，內含 JSON），放進頁面後不用 JavaScript 也能閱讀，
  搜尋引擎能收錄，腳本載入後元件原地接管。一個檔案輸出到標準輸出；多個檔案用 --out-dir 寫成同名 .html。
目錄會遞迴尋找其中所有 *.json（略過 node_modules 和以 . 開頭的目錄）。

選項：
  --lang <zh-CN|en|zh-Hant>  提示的語言（預設 zh-CN）
  --format <text|json>       text 供人閱讀（預設）；json 供程式讀取，輸出一個陣列
  --quiet, -q                只輸出有錯誤或警告的檔案，不輸出彙總
  --help, -h                 顯示本說明
  --version, -v              顯示版本號
render 的選項：
  --element <標籤>           用哪個元件渲染（預設按 type；政策文件的正文可用 zw-reader）
  --theme <red|blue>         主題色（預設 red）
  --appearance <light|dark|auto>  配色（預設 light）
  --heading-level <1-6>      元件主標題的層級（預設 2）
  --out-dir <目錄>           寫入的目錄（多個檔案時必需）

結束碼：0 全部通過（可以有警告）；1 有檔案存在錯誤；2 用法錯誤（選項不認識、檔案不存在等）。`,
  seeHelp: '（用 --help 查看用法）',
  unknownOption: (option) => `不認識的選項 ${option}`,
  missingValue: (option) => `選項 ${option} 後面缺少取值`,
  badLang: (value) => `--lang 只能是 zh-CN、en 或 zh-Hant，不能是 “${value}”`,
  badFormat: (value) => `--format 只能是 text 或 json，不能是 “${value}”`,
  unknownCommand: (command) => `不認識的命令 “${command}”（只有 validate 和 render）`,
  noCommand: '缺少命令：zhengwu-elements validate|render <檔案.json|目錄>…',
  noFiles: '請給出要檢查的 JSON 檔案或目錄',
  notFound: (path) => `找不到檔案或目錄：${path}`,
  noJsonIn: (dir) => `目錄中沒有 .json 檔案：${dir}`,
  warning: '警告',
  kindMissing: `缺少「文件類型」type，無法判斷是哪種文件（應為 ${KINDS_HANT} 之一）`,
  kindUnknown: (value) => `不認識的文件類型 ${value}（應為 ${KINDS_HANT} 之一）`,
  emptyFile: '檔案是空的，沒有任何 JSON 內容',
  readFailed: (reason) => `無法讀取檔案（${reason}）`,
  summary: (files, passed, failed, warnings) => `${files} 個檔案：${passed} 個通過，${failed} 個有錯誤${warnings ? `；共 ${warnings} 個警告` : ''}`,
  badChoice: (option, value, choices) => `${option} 只能是 ${choices}，不能是 “${value}”`,
  needsOutDir: '渲染多個檔案時，請用 --out-dir 指定寫入的目錄',
  renderedWithErrors: (file, errors) => `${file} 有 ${errors} 處錯誤：渲染出的頁面只會顯示錯誤提示（先用 validate 查看）`,
  cannotRender: (file, reason) => `無法渲染 ${file}：${reason}`,
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: CliText = {
  help: `Usage: zhengwu-elements validate [options] <file.json|dir>…
       zhengwu-elements render [options] <file.json|dir>… [--out-dir <dir>]

validate: checks the JSON documents a CMS publishes with the elements' own rules and messages.
render: prints the element pre-rendered (declarative shadow DOM, the JSON inside): readable without JavaScript,
  indexed by search engines, taken over in place when the script loads. One file to standard output; several
  with --out-dir, each as <name>.html.
A directory is searched recursively for *.json (node_modules and directories starting with . are skipped).

Options:
  --lang <zh-CN|en|zh-Hant>  language of the messages (default zh-CN)
  --format <text|json>       text for people (default); json for programs: one array
  --quiet, -q                only files with errors or warnings, no summary
  --help, -h                 this help
  --version, -v              the version
render options:
  --element <tag>            the element to render (default: by type; a policy's body can use zw-reader)
  --theme <red|blue>         theme colour (default red)
  --appearance <light|dark|auto>  colours (default light)
  --heading-level <1-6>      level of the element's main heading (default 2)
  --out-dir <dir>            where to write (needed for several files)

Exit codes: 0 all valid (warnings allowed); 1 some file has errors; 2 usage error (unknown option, no such file, …).`,
  seeHelp: ' (see --help)',
  unknownOption: (option) => `Unknown option ${option}`,
  missingValue: (option) => `Option ${option} needs a value`,
  badLang: (value) => `--lang must be zh-CN, en or zh-Hant, not "${value}"`,
  badFormat: (value) => `--format must be text or json, not "${value}"`,
  unknownCommand: (command) => `Unknown command "${command}" (there are validate and render)`,
  noCommand: 'No command: zhengwu-elements validate|render <file.json|dir>…',
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
  badChoice: (option, value, choices) => `${option} must be ${choices}, not "${value}"`,
  needsOutDir: 'Rendering several files needs --out-dir, the folder to write them to',
  renderedWithErrors: (file, errors) => `${file} has ${plural(errors, 'error', 'errors')}: the page will show only the error notice (see validate)`,
  cannotRender: (file, reason) => `Cannot render ${file}: ${reason}`,
};

export const CLI_TEXT: Record<UiLocale, CliText> = { 'zh-CN': zhCN, en, 'zh-Hant': zhHant };
