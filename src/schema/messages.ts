import { msg, str } from '@lit/localize';
import type { Issue, LocalizedIssue } from './issues.js';

/**
 * Names of document fields as readers and content staff know them (索引号, 发文字号…).
 * Used by validation messages and by element labels, so a field has one name everywhere.
 */
export function fieldLabel(key: string): string {
  switch (key) {
    case 'type': return msg('文档类型');
    case 'schemaVersion': return msg('数据格式版本');
    case 'title': return msg('标题');
    case 'indexNo': return msg('索引号');
    case 'docNo': return msg('发文字号');
    case 'issuer': return msg('发布机构');
    case 'name': return msg('名称');
    case 'code': return msg('机构代码');
    case 'category': return msg('分类');
    case 'topic': return msg('主题分类');
    case 'group': return msg('组配分类');
    case 'writtenDate': return msg('成文日期');
    case 'publishDate': return msg('发布日期');
    case 'effectiveDate': return msg('生效日期');
    case 'abolishDate': return msg('废止日期');
    case 'validity': return msg('有效性');
    case 'disclosure': return msg('公开属性');
    case 'keywords': return msg('关键词');
    case 'summary': return msg('内容概述');
    case 'keyPoints': return msg('要点');
    case 'body': return msg('正文');
    case 'url': return msg('链接');
    case 'interpretationUrl': return msg('解读链接');
    case 'infographicUrl': return msg('图解链接');
    case 'attachments': return msg('附件');
    case 'format': return msg('文件格式');
    case 'size': return msg('文件大小');
    case 'replaces': return msg('废止/修订的文件');
    case 'replacedBy': return msg('替代文件');
    case 'text': return msg('文字');
    case 'items': return msg('列表项');
    case 'rows': return msg('表格行');
    case 'policy': return msg('被解读的政策文件');
    case 'policyUrl': return msg('被解读的政策文件地址');
    case 'interpreter': return msg('解读机构');
    case 'firstInterpreter': return msg('第一解读人');
    case 'post': return msg('职务');
    case 'form': return msg('解读形式');
    case 'background': return msg('背景依据');
    case 'objectives': return msg('目标任务');
    case 'mainContent': return msg('主要内容');
    case 'scope': return msg('涉及范围');
    case 'standards': return msg('执行标准');
    case 'notes': return msg('注意事项');
    case 'glossary': return msg('关键词诠释');
    case 'term': return msg('术语');
    case 'definition': return msg('解释');
    case 'source': return msg('出处');
    case 'changes': return msg('新旧政策差异');
    case 'subject': return msg('事项');
    case 'before': return msg('原规定');
    case 'after': return msg('新规定');
    case 'note': return msg('说明');
    case 'comparisonUrl': return msg('新旧政策对比地址');
    case 'benefits': return msg('惠民利民举措');
    case 'faq': return msg('典型问答');
    case 'question': return msg('问题');
    case 'answer': return msg('回答');
    case 'related': return msg('相关政策');
    case 'media': return msg('多媒体解读');
    case 'infographicTitle': return msg('一图读懂标题');
    case 'video': return msg('视频解读');
    case 'captionsUrl': return msg('字幕地址');
    case 'duration': return msg('时长');
    default: return key;
  }
}

/**
 * The name of the field a JSON Pointer points at, with its parents so that
 * `/issuer/name` and `/attachments/0/name` differ: 发布机构 · 名称, 附件 1 · 名称.
 */
export function labelOfPath(path: string): string {
  if (path === '/url') return msg('原文链接');
  const parts: string[] = [];
  for (const segment of path.split('/').slice(1)) {
    if (/^\d+$/.test(segment) && parts.length) parts[parts.length - 1] += ` ${Number(segment) + 1}`;
    else parts.push(fieldLabel(segment));
  }
  return parts.length ? parts.join(' · ') : msg('文档');
}

/** JSON types as content staff know them. */
function typeLabel(type: string): string {
  switch (type) {
    case 'string': return msg('文字');
    case 'array': return msg('列表（数组）');
    case 'object': return msg('对象');
    case 'number':
    case 'integer': return msg('数字');
    case 'boolean': return msg('是/否（true/false）');
    case 'null': return msg('空值（null）');
    default: return type;
  }
}

/** `label：` — the colon is part of the translation (full-width in Chinese). */
export const labelled = (label: string): string => msg(str`${label}：`);

/** `（text）` — brackets are part of the translation (full-width in Chinese). */
export const inBrackets = (text: string): string => msg(str`（${text}）`);

const p = (issue: Issue, key: string) => String(issue.params?.[key] ?? '');

/** The message for one issue in the active locale (call inside `withLocale`). */
export function issueMessage(issue: Issue): string {
  const field = labelOfPath(issue.path);
  switch (issue.code) {
    case 'json-syntax': return msg(str`JSON 格式错误（第 ${p(issue, 'line')} 行，第 ${p(issue, 'column')} 列附近），请检查逗号、引号和括号`);
    case 'fetch-status': return msg(str`无法获取数据：服务器返回 ${p(issue, 'status')}（${p(issue, 'url')}）`);
    case 'fetch-failed': return msg(str`无法获取数据：网络错误（${p(issue, 'url')}）`);
    case 'fetch-timeout': return msg(str`获取数据超时（${p(issue, 'seconds')} 秒）：${p(issue, 'url')}`);
    case 'render-failed': return msg('显示时出错，请检查数据。');
    case 'not-object': return msg(str`数据必须是一个 JSON 对象，实际是${typeLabel(p(issue, 'actual'))}`);
    case 'wrong-kind': return msg(str`文档类型应为 “${p(issue, 'expected')}”，实际是 “${p(issue, 'actual')}”`);
    case 'unsupported-version': return msg(str`不支持的数据格式版本 ${p(issue, 'actual')}（应为 ${p(issue, 'expected')}）`);
    case 'required': return msg(str`缺少必填项「${field}」`);
    case 'missing-one-of': {
      const [first, second = ''] = p(issue, 'fields').split(' / ').map(fieldLabel);
      return msg(str`「${first}」或「${second}」至少要填一项`);
    }
    case 'unknown-property': return msg(str`不认识的字段「${field}」，请检查拼写`);
    case 'wrong-type': return msg(str`「${field}」的类型不正确（应为${typeLabel(p(issue, 'expected'))}）`);
    case 'not-allowed-value': return msg(str`「${field}」的取值不在允许范围内（允许：${p(issue, 'allowed')}）`);
    case 'blank': return msg(str`「${field}」不能为空`);
    case 'invalid-date': return msg(str`「${field}」不是有效日期：“${p(issue, 'value')}”（格式 YYYY-MM-DD）`);
    case 'unsafe-url': return msg(str`「${field}」不是安全有效的链接：“${p(issue, 'value')}”（只允许 http、https 或相对地址）`);
    case 'bad-format': return msg(str`「${field}」格式不正确：“${p(issue, 'value')}”`);
    case 'too-short': return msg(str`「${field}」太短（至少 ${p(issue, 'min')} 个字符）`);
    case 'too-few-items': return msg(str`「${field}」至少需要 ${p(issue, 'min')} 项`);
    case 'duplicate-item': return msg(str`「${field}」有重复项（第 ${p(issue, 'value')} 项）`);
    case 'out-of-range': return msg(str`「${field}」超出范围（${p(issue, 'min')}–${p(issue, 'max')}）`);
    case 'date-order': return msg(str`「${field}」${p(issue, 'date')} 早于「${fieldLabel(p(issue, 'other'))}」${p(issue, 'otherDate')}`);
    case 'abolish-date-missing': return msg(str`有效性为「${validityLabel(p(issue, 'validity'))}」，但缺少「废止日期」`);
    case 'abolish-before-effective': return msg(str`「废止日期」${p(issue, 'date')} 早于「生效日期」${p(issue, 'otherDate')}`);
    case 'index-no-format': return msg(str`「索引号」格式不正确：“${p(issue, 'value')}”（应为“机构代码/年份-顺序号”，如 11370100MB28696235/2020-00757）`);
    case 'index-no-local-format': return msg(str`「索引号」“${p(issue, 'value')}”不是通行格式（机构代码/年份-顺序号），请确认是否为本地规则`);
    case 'index-no-year-mismatch': return msg(str`索引号中的年份 ${p(issue, 'year')} 与成文日期的年份 ${p(issue, 'otherYear')} 不一致`);
    case 'no-sections': return msg('解读没有任何内容：至少需要背景依据、主要内容、问答等栏目中的一项');
    case 'late-interpretation': return msg(str`解读发布日期 ${p(issue, 'date')} 比政策发布日期 ${p(issue, 'policyDate')} 晚 ${p(issue, 'days')} 个工作日（应在 ${p(issue, 'limit')} 个工作日内）`);
    case 'glossary-term-unused': return msg(str`关键词「${p(issue, 'term')}」在解读正文中没有出现`);
    case 'series-length': return msg(str`数据系列「${p(issue, 'series')}」有 ${p(issue, 'actual')} 个数值，但图表有 ${p(issue, 'expected')} 个分类，数值应与分类一一对应`);
    case 'pie-series': return msg(str`饼图、环形图只能有一个数据系列，实际有 ${p(issue, 'actual')} 个`);
    case 'negative-value': return msg(str`数据系列「${p(issue, 'series')}」中「${p(issue, 'category')}」的数值为 ${p(issue, 'value')}：饼图、环形图和堆叠柱状图不能有负数`);
    case 'empty-chart': return msg(str`图表「${p(issue, 'title')}」的数值全部为 0，没有可显示的内容`);
    case 'timeline-order': return msg(str`时间线的日期 ${p(issue, 'date')} 早于上一个节点的日期 ${p(issue, 'previousDate')}，请按时间先后排列`);
    case 'sum-mismatch': {
      const [row, column, expected, actual] = [p(issue, 'label') || p(issue, 'row'), p(issue, 'columnLabel'), p(issue, 'expected'), p(issue, 'actual')];
      switch (p(issue, 'basis')) {
        case 'outcomes': return msg(str`「${row}」一行「${column}」一列应为各项办理结果之和 ${expected}，实际填写 ${actual}`);
        case 'balance': return msg(str`「${row}」一行「${column}」一列应为 ${expected}（本年新收 ${p(issue, 'received')} + 上年结转 ${p(issue, 'previous')} − 办理结果总计 ${p(issue, 'handled')}），实际填写 ${actual}`);
        case 'cases': return msg(str`「${row}」的总计应为 ${expected}（结果维持 + 结果纠正 + 其他结果 + 尚未审结），实际填写 ${actual}`);
        default: return msg(str`「${row}」一行的合计应为 ${expected}，实际填写 ${actual}`);
      }
    }
    case 'invalid':
    default: return msg(str`「${field}」不符合要求`);
  }
}

export const localizeIssue = (issue: Issue): LocalizedIssue => ({ ...issue, message: issueMessage(issue) });

/** 有效性 as readers see it. */
export function validityLabel(validity: string): string {
  switch (validity) {
    case 'effective': return msg('有效');
    case 'amended': return msg('已修订');
    case 'abolished': return msg('已废止');
    case 'expired': return msg('已失效');
    case 'pending': return msg('尚未生效');
    default: return validity;
  }
}

/** 公开属性 as readers see it. */
export function disclosureLabel(disclosure: string): string {
  switch (disclosure) {
    case 'proactive': return msg('主动公开');
    case 'on-request': return msg('依申请公开');
    case 'withheld': return msg('不予公开');
    default: return disclosure;
  }
}
