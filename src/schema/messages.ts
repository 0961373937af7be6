import { msg, str } from '@lit/localize';
import type { Issue, LocalizedIssue, ValueType } from './issues.js';
import { fieldLabel, labelOfFieldAt, labelOfPath } from './labels.js';
import { ENUM_TERMS } from './terms.generated.js';
import commonSchema from './common.schema.json' with { type: 'json' };

export { fieldLabel, labelOfPath, registerFieldLabels, type FieldLabels } from './labels.js';

/** JSON types as content staff know them; `number,string` → 数字或文字. */
function typeLabel(type: string): string {
  if (type.includes(',')) return type.split(',').map(typeLabel).join(msg('或'));
  switch (type) {
    case 'string':
      return msg('文字');
    case 'array':
      return msg('列表（数组）');
    case 'object':
      return msg('对象');
    case 'number':
    case 'integer':
      return msg('数字');
    case 'boolean':
      return msg('是/否（true/false）');
    case 'null':
      return msg('空值（null）');
    default:
      return type;
  }
}

/** `label：` — the colon is part of the translation (full-width in Chinese). */
export const labelled = (label: string): string => msg(str`${label}：`);

/** `（text）` — brackets are part of the translation (full-width in Chinese). */
export const inBrackets = (text: string): string => msg(str`（${text}）`);

const p = (issue: Issue, key: string) => String(issue.params?.[key] ?? '');

// The three UI locales write numbers alike (12,345.6), so one format serves them all.
const numbers = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
const number = (value: unknown) => (typeof value === 'number' ? numbers.format(value) : String(value ?? ''));

/**
 * The wrong value of an issue (see issues.ts `valueParams`) as staff can read it:
 * text in quotes (already cut to 60 characters), numbers with grouping, short
 * objects and arrays as JSON, longer ones as 对象 / 列表（n 项）.
 */
export function shownValue(issue: Issue): string {
  const value = issue.params?.value;
  switch (issue.params?.valueType as ValueType | undefined) {
    case 'string':
      return msg(str`“${String(value)}”`);
    case 'number':
      return number(value);
    case 'array':
      return value ? String(value) : msg(str`列表（${p(issue, 'count')} 项）`);
    case 'object':
      return value ? msg(str`对象 ${String(value)}`) : msg('对象');
    case 'undefined':
      return msg('未定义（undefined）');
    default:
      return String(value ?? '');
  }
}

/** The Chinese term of each value of an enum (from the schemas' descriptions), by the enum's values as listed in the issue. */
function enumTerms(allowed: string): string[] | undefined {
  return ENUM_TERMS[allowed]?.();
}

/** Allowed values with their terms: 有效 effective、已修订 amended、… */
function allowedValues(allowed: string): string {
  const values = allowed.split(', ');
  const terms = enumTerms(allowed);
  return values.map((value, i) => (terms ? msg(str`${terms[i]} ${value}`) : value)).join(msg('、'));
}

/** `min`–`max`, or only the bound the schema sets. */
function range(issue: Issue, field: string): string {
  const [min, max, value] = [issue.params?.min, issue.params?.max, shownValue(issue)];
  if (min !== undefined && max !== undefined) return msg(str`「${field}」应在 ${number(min)} 到 ${number(max)} 之间，实际是 ${value}`);
  if (min !== undefined) return msg(str`「${field}」不能小于 ${number(min)}，实际是 ${value}`);
  return msg(str`「${field}」不能大于 ${number(max)}，实际是 ${value}`);
}

/** Why a value is not JSON data at all. */
function notJson(issue: Issue, field: string): string {
  switch (p(issue, 'reason')) {
    case 'circular':
      return msg(str`「${field}」指回了包含它的对象（循环引用），不是 JSON 数据`);
    case 'bigint':
      return msg(str`「${field}」是 BigInt 大整数，JSON 数据中没有这种值`);
    case 'too-deep':
      return msg(str`「${field}」嵌套超过 ${p(issue, 'max')} 层，不像是一份文档`);
    case 'unreadable':
      return msg(str`读取「${field}」时出错（${p(issue, 'error')}），不是 JSON 数据`);
    default:
      return msg(str`「${field}」是函数或符号（${p(issue, 'reason')}），不是 JSON 数据`);
  }
}

/** Why an 索引号 cannot be one. */
function indexNoFormat(issue: Issue): string {
  switch (p(issue, 'reason')) {
    case 'control':
      return msg(str`「索引号」含有换行、制表符等控制字符，不可能是索引号：${shownValue(issue)}`);
    case 'markup':
      return msg(str`「索引号」含有 < 或 >（像是网页标记），不可能是索引号：${shownValue(issue)}`);
    default:
      return msg(str`「索引号」长 ${p(issue, 'length')} 个字符，超过 ${p(issue, 'max')} 个，不可能是索引号：${shownValue(issue)}`);
  }
}

/** A chart's kind as staff call it (柱状图, 折线图…). */
function chartName(chart: string): string {
  switch (chart) {
    case 'bar':
      return msg('柱状图');
    case 'line':
      return msg('折线图');
    case 'pie':
      return msg('饼图');
    case 'donut':
      return msg('环形图');
    default:
      return msg('图表');
  }
}

/** A byte count as megabytes with one decimal (a fetched body's size and the limit). */
const megabytes = (bytes: unknown) => `${(Number(bytes) / 1048576).toFixed(1)} MB`;

/** The message for one issue in the active locale (call inside `withLocale`). */
export function issueMessage(issue: Issue, kind?: string): string {
  const field = labelOfPath(issue.path, kind);
  switch (issue.code) {
    case 'json-syntax':
      return jsonSyntax(issue);
    case 'fetch-status':
      return msg(str`无法获取数据：服务器返回 ${p(issue, 'status')}（${p(issue, 'url')}）`);
    case 'fetch-failed':
      return msg(str`无法获取数据：网络错误（${p(issue, 'url')}）`);
    case 'fetch-timeout':
      return msg(str`获取数据超时（${p(issue, 'seconds')} 秒）：${p(issue, 'url')}`);
    case 'fetch-too-large':
      return msg(str`获取的数据过大（已收到 ${megabytes(issue.params?.size)}，上限 ${megabytes(issue.params?.limit)}），已停止下载：${p(issue, 'url')}`);
    case 'render-failed':
      return msg('显示时出错，请检查数据。');
    case 'internal-error':
      return msg('处理数据时程序出错（不是数据的问题），请把控制台信息发给网站技术支持');
    case 'not-json':
      return notJson(issue, field);
    case 'not-object':
      return msg(str`数据必须是一个 JSON 对象，实际是${typeLabel(p(issue, 'actual'))}`);
    case 'wrong-kind':
      return msg(str`文档类型应为 “${p(issue, 'expected')}”，实际是 ${shownValue(issue)}`);
    case 'unsupported-version':
      return msg(str`不支持的数据格式版本 ${shownValue(issue)}（应为 ${p(issue, 'expected')}）`);
    case 'required':
      return msg(str`缺少必填项「${field}」`);
    case 'missing-one-of': {
      const [first, second = ''] = p(issue, 'fields')
        .split(' / ')
        .map((key) => labelOfFieldAt(issue.path, key, kind));
      return msg(str`「${first}」或「${second}」至少要填一项`);
    }
    case 'unknown-property':
      return msg(str`不认识的字段「${field}」，请检查拼写`);
    case 'wrong-type':
      return msg(str`「${field}」的类型不正确：应为${typeLabel(p(issue, 'expected'))}，实际是 ${shownValue(issue)}`);
    case 'not-allowed-value':
      return msg(str`「${field}」的取值 ${shownValue(issue)} 不在允许范围内（允许：${allowedValues(p(issue, 'allowed'))}）`);
    case 'blank':
      return msg(str`「${field}」不能为空`);
    case 'invalid-date':
      return msg(str`「${field}」不是有效日期：“${p(issue, 'value')}”（格式 YYYY-MM-DD）`);
    case 'unsafe-url':
      return msg(str`「${field}」不是安全有效的链接：“${p(issue, 'value')}”（只允许 http、https 或相对地址）`);
    case 'bad-format':
      return msg(str`「${field}」格式不正确：“${p(issue, 'value')}”`);
    case 'too-short':
      return msg(str`「${field}」太短（至少 ${p(issue, 'min')} 个字符）`);
    case 'too-few-items':
      return msg(str`「${field}」至少需要 ${p(issue, 'min')} 项`);
    case 'too-long':
      return msg(str`「${field}」有 ${number(issue.params?.length)} 个字，超过上限 ${number(issue.params?.max)} 个字`);
    case 'too-many-items':
      return msg(str`「${field}」有 ${number(issue.params?.count)} 项，超过上限 ${number(issue.params?.max)} 项`);
    case 'clause-too-long':
      return msg(
        str`「${field}」（${p(issue, 'label')}）拆分后，条款「${p(issue, 'clause')}」有 ${number(issue.params?.length)} 个字，超过一条的上限 ${number(issue.params?.max)} 个字：请检查原文是否缺少“第X条”等条款编号`,
      );
    case 'chart-too-many-categories':
      return msg(
        str`「${field}」有 ${number(issue.params?.count)} 项，${chartName(p(issue, 'chart'))}最多能清楚显示 ${number(issue.params?.max)} 项：请合并较小的分类，或改用表格`,
      );
    case 'duplicate-item':
      return msg(str`「${field}」有重复项（第 ${p(issue, 'value')} 项）`);
    case 'out-of-range':
      return range(issue, field);
    case 'not-finite':
      return msg(str`「${field}」不是有限的数字（${shownValue(issue)}）：JSON 中的数太大（如 1e309）会变成无穷大`);
    case 'date-order':
      return msg(str`「${field}」${p(issue, 'date')} 早于「${fieldLabel(p(issue, 'other'))}」${p(issue, 'otherDate')}`);
    case 'abolish-date-missing':
      return msg(str`有效性为「${validityLabel(p(issue, 'validity'))}」，但缺少「废止日期」`);
    case 'abolish-before-effective':
      return msg(str`「废止日期」${p(issue, 'date')} 早于「生效日期」${p(issue, 'otherDate')}`);
    case 'index-no-format':
      return indexNoFormat(issue);
    case 'index-no-local-format':
      return msg(str`「索引号」“${p(issue, 'value')}”不是通行格式（机构代码/年份-顺序号），请确认是否为本地规则`);
    case 'index-no-year-mismatch':
      return msg(str`索引号中的年份 ${p(issue, 'year')} 与成文日期的年份 ${p(issue, 'otherYear')} 不一致`);
    case 'no-sections':
      return msg('解读没有任何内容：至少需要背景依据、主要内容、问答等栏目中的一项');
    case 'late-interpretation':
      return p(issue, 'calendar') === 'official'
        ? msg(
            str`解读发布日期 ${p(issue, 'date')} 比政策发布日期 ${p(issue, 'policyDate')} 晚 ${p(issue, 'days')} 个工作日（应在 ${p(issue, 'limit')} 个工作日内；已扣除法定节假日并计入调休上班日，已知 ${p(issue, 'years')} 年的安排）`,
          )
        : msg(
            str`解读发布日期 ${p(issue, 'date')} 比政策发布日期 ${p(issue, 'policyDate')} 晚 ${p(issue, 'days')} 个工作日（应在 ${p(issue, 'limit')} 个工作日内；节假日安排只知道 ${p(issue, 'years')} 年，这段日期超出范围，只扣除了周末，未扣除节假日）`,
          );
    case 'glossary-term-unused':
      return msg(str`关键词「${p(issue, 'term')}」在解读正文中没有出现`);
    case 'scrape-damage':
      // every kind warns, and only the reader repairs what it shows: the message says nothing about how it is shown
      return msg(str`「${field}」有 ${p(issue, 'count')} 处疑似网页转码损坏的残留（如“${p(issue, 'sample')}”），请核对原文后修正`);
    case 'series-length':
      return msg(str`数据系列「${p(issue, 'series')}」有 ${p(issue, 'actual')} 个数值，但图表有 ${p(issue, 'expected')} 个分类，数值应与分类一一对应`);
    case 'pie-series':
      return msg(str`饼图、环形图只能有一个数据系列，实际有 ${p(issue, 'actual')} 个`);
    case 'negative-value':
      return msg(str`数据系列「${p(issue, 'series')}」中「${p(issue, 'category')}」的数值为 ${p(issue, 'value')}：饼图、环形图和堆叠柱状图不能有负数`);
    case 'empty-chart':
      return msg(str`图表「${p(issue, 'title')}」的数值全部为 0，没有可显示的内容`);
    case 'timeline-order':
      return msg(str`时间线的日期 ${p(issue, 'date')} 早于上一个节点的日期 ${p(issue, 'previousDate')}，请按时间先后排列`);
    case 'sum-mismatch': {
      const [row, column, expected, actual] = [p(issue, 'label') || p(issue, 'row'), p(issue, 'columnLabel'), p(issue, 'expected'), p(issue, 'actual')];
      switch (p(issue, 'basis')) {
        case 'outcomes':
          return msg(str`「${row}」一行「${column}」一列应为各项办理结果之和 ${expected}，实际填写 ${actual}`);
        case 'balance':
          return msg(
            str`「${row}」一行「${column}」一列应为 ${expected}（本年新收 ${p(issue, 'received')} + 上年结转 ${p(issue, 'previous')} − 办理结果总计 ${p(issue, 'handled')}），实际填写 ${actual}`,
          );
        case 'cases':
          return msg(str`「${row}」的总计应为 ${expected}（结果维持 + 结果纠正 + 其他结果 + 尚未审结），实际填写 ${actual}`);
        default:
          return msg(str`「${row}」一行的合计应为 ${expected}，实际填写 ${actual}`);
      }
    }
    case 'text-and-clauses':
      return msg(str`「${field}」同时给出了原文（text）和条款（clauses）：二者只能选一`);
    case 'duplicate-version':
      return msg(str`版本标识“${p(issue, 'id')}”与第 ${p(issue, 'first')} 个版本重复：每个版本的标识必须不同`);
    case 'duplicate-clause':
      return msg(
        str`版本“${p(issue, 'version')}”中条款标识“${p(issue, 'id')}”与第 ${p(issue, 'first')} 条的“${p(issue, 'other')}”重复（全角半角、空格不计）：同一版本内条款标识必须不同`,
      );
    case 'unknown-version':
      return msg(str`「${field}」：没有标识为“${p(issue, 'version')}”的版本（现有版本：${p(issue, 'known')}）`);
    case 'unknown-clause':
      return p(issue, 'examples')
        ? msg(str`「${field}」：版本“${p(issue, 'version')}”中没有条款“${p(issue, 'clause')}”（该版本的条款标识如：${p(issue, 'examples')}）`)
        : msg(str`「${field}」：版本“${p(issue, 'version')}”没有任何条款，找不到“${p(issue, 'clause')}”`);
    case 'pair-same-version':
      return msg(str`「${field}」：旧条款和新条款都在版本“${p(issue, 'version')}”中，应分别指向两个不同的版本`);
    case 'pair-order':
      return msg(str`「${field}」：旧条款所在的版本“${p(issue, 'old')}”排在新条款所在的版本“${p(issue, 'new')}”之后；版本由旧到新排列，旧条款应在较早的版本中`);
    case 'clause-paired-twice':
      return msg(
        str`「${field}」：版本“${p(issue, 'version')}”的条款“${p(issue, 'clause')}”已在第 ${p(issue, 'first')} 组人工对齐中与版本“${p(issue, 'other')}”对应，一个条款只能对应另一版本的一个条款`,
      );
    case 'empty-version':
      return msg(str`版本“${p(issue, 'label')}”没有内容（原文为空或没有条款）：与它对比时，另一版本的条款全部显示为新增或删除`);
    case 'version-order':
      return msg(str`版本“${p(issue, 'label')}”的日期 ${p(issue, 'date')} 早于前一个版本的日期 ${p(issue, 'previousDate')}：版本应由旧到新排列（最旧的在前）`);
    case 'duplicate-column':
      return msg(str`栏目标识“${p(issue, 'id')}”已是栏目「${p(issue, 'name')}」的标识：栏目树中每个栏目的标识必须不同`);
    case 'unknown-column':
      return msg(str`「${field}」：栏目树中没有标识为“${p(issue, 'id')}”的栏目，这份文件不会列在这个栏目下`);
    case 'invalid':
    default:
      return msg(str`「${field}」不符合要求`);
  }
}

/** `issue` with its message; `kind`: the document's kind, when known (some fields are named per kind). */
export const localizeIssue = (issue: Issue, kind?: string): LocalizedIssue => ({ ...issue, message: issueMessage(issue, kind) });

const VALIDITY = (commonSchema.$defs.validity.enum as string[]).join(', ');
const DISCLOSURE = (commonSchema.$defs.disclosure.enum as string[]).join(', ');
/** The term of one enum value (the schema's description names it); the value itself when unknown. */
const termOf = (allowed: string, value: string) => enumTerms(allowed)?.[allowed.split(', ').indexOf(value)] ?? value;

/** 有效性 as readers see it. */
export const validityLabel = (validity: string): string => termOf(VALIDITY, validity);

/** 公开属性 as readers see it. */
export const disclosureLabel = (disclosure: string): string => termOf(DISCLOSURE, disclosure);

/** A JSON syntax error, naming the commonest mistakes of text copied out of Word (hint from core/json.ts). */
function jsonSyntax(issue: Issue): string {
  const line = p(issue, 'line');
  const column = p(issue, 'column');
  const found = String(issue.params?.found ?? '');
  switch (issue.params?.hint) {
    case 'chinese-quote':
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：用了中文引号「${found}」。JSON 的键名和文字两边要用英文双引号 "（从 Word 复制的内容常有这个问题）`);
    case 'fullwidth-punctuation':
      return found === '\u3000'
        ? msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：有全角空格。JSON 里只能用半角空格（从 Word 复制的内容常有这个问题）`)
        : msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：用了全角标点「${found}」。JSON 的逗号、冒号和括号要用英文半角 , : { } [ ]`);
    case 'trailing-comma':
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：最后一项后面多了一个逗号：} 或 ] 前面不能有逗号，请删除它`);
    case 'missing-comma':
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：这一行末尾缺少逗号：两项之间要用英文逗号 , 隔开`);
    case 'unquoted-key':
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：键名没有加英文双引号，应写成 "title": … 这样`);
    case 'single-quote':
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列）：用了单引号 '。JSON 的键名和文字两边要用英文双引号 "`);
    case 'html':
      return msg(str`服务器返回的是网页（HTML），不是 JSON 数据：可能是出错页面、登录页或地址有误（${p(issue, 'url')}）`);
    default:
      return msg(str`JSON 格式错误（第 ${line} 行，第 ${column} 列附近），请检查逗号、引号和括号`);
  }
}
