import { expect } from '@open-wc/testing';
import '../core/rules/policy.js';
import '../core/rules/interpretation.js';
import '../core/rules/infographic.js';
import '../core/rules/comparison.js';
import './comparison.js';
import './directory.js';
import { checkDocument } from '../core/check.js';
import { loadLocale, withLocale } from '../i18n/locale.js';
import { sample } from '../test-support/samples.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';
import commonSchema from './common.schema.json' with { type: 'json' };
import policySchema from './policy.schema.json' with { type: 'json' };
import interpretationSchema from './interpretation.schema.json' with { type: 'json' };
import infographicSchema from './infographic.schema.json' with { type: 'json' };
import comparisonSchema from './comparison.schema.json' with { type: 'json' };
import directorySchema from './directory.schema.json' with { type: 'json' };
import { issue, type Issue } from './issues.js';
import { disclosureLabel, fieldLabel, labelOfPath, localizeIssue, validityLabel } from './messages.js';
import { validateSchema, type DocumentKind } from './validate.js';

type Schema = Record<string, unknown>;
const files: Record<string, Schema> = {
  'common.schema.json': commonSchema,
  'policy.schema.json': policySchema,
  'interpretation.schema.json': interpretationSchema,
  'infographic.schema.json': infographicSchema,
  'comparison.schema.json': comparisonSchema,
  'directory.schema.json': directorySchema,
};

/** A schema node with its `$ref`s followed: [file it is in, node, its title (the referring node's own title wins)]. */
function resolve(file: string, node: Schema): [string, Schema, string | undefined] {
  let title = node.title as string | undefined;
  while (typeof node.$ref === 'string') {
    const [target, fragment = ''] = node.$ref.split('#');
    file = target || file;
    let next: unknown = files[file];
    for (const part of fragment.split('/').filter(Boolean)) next = (next as Schema)[part];
    node = next as Schema;
    title ??= node.title as string | undefined;
  }
  return [file, node, title];
}

/**
 * Every property path of a document kind (array items as index 0), with the
 * titles the schemas give the field there (more than one where the title
 * depends on the data, e.g. a block's `text` by the block's type).
 */
function schemaPaths(kind: string): Map<string, Set<string | undefined>> {
  const paths = new Map<string, Set<string | undefined>>();
  const walk = (file: string, start: Schema, path: string, depth: number) => {
    if (depth > 16) return;
    const [own, node] = resolve(file, start);
    const branches = [node, ...((node.allOf as Schema[] | undefined) ?? []).flatMap((b) => [b.then, b.else]), node.then, node.else].filter(Boolean) as Schema[];
    for (const branch of branches) {
      const [f, b] = resolve(own, branch);
      if (b !== node && (b.allOf || b.then)) {
        walk(f, b, path, depth + 1);
        continue;
      }
      for (const [key, child] of Object.entries((b.properties as Record<string, Schema> | undefined) ?? {})) {
        const at = `${path}/${key}`;
        const titles = paths.get(at) ?? new Set();
        titles.add(resolve(f, child)[2]);
        paths.set(at, titles);
        walk(f, child, at, depth + 1);
      }
      if (b.items && typeof b.items === 'object') {
        paths.set(`${path}/0`, paths.get(`${path}/0`) ?? new Set());
        walk(f, b.items as Schema, `${path}/0`, depth + 1);
      }
    }
  };
  walk(`${kind}.schema.json`, files[`${kind}.schema.json`], '', 0);
  return paths;
}

const zh = (i: Issue) => withLocale('zh-CN', () => localizeIssue(i).message);
const zhLabel = (path: string, kind?: string) => withLocale('zh-CN', () => labelOfPath(path, kind));
const issuesOf = (kind: DocumentKind, data: unknown) => checkDocument(kind, data).issues;

/** The smallest valid infographic with the given blocks. */
const infographic = (blocks: unknown[]) => ({ type: 'infographic', schemaVersion: 1, title: '图解', issuer: { name: '某局' }, publishDate: '2024-01-02', blocks });
const chart = (changes: Record<string, unknown> = {}) => ({
  type: 'chart',
  chart: 'bar',
  title: '图',
  takeaway: '结论',
  categories: ['甲', '乙', '丙'],
  series: [{ name: '一', values: [1, 2, 3] }],
  ...changes,
});

describe('field labels', () => {
  before(() => Promise.all([loadLocale('en'), loadLocale('zh-Hant')]));

  for (const kind of ['policy', 'interpretation', 'infographic', 'comparison', 'directory']) {
    it(`names every field of every ${kind} path in Chinese, as its schema title says`, () => {
      const paths = schemaPaths(kind);
      expect(paths.size).to.be.greaterThan({ policy: 50, interpretation: 100, infographic: 150, comparison: 25, directory: 30 }[kind]!);
      for (const [path, titles] of paths) {
        const label = zhLabel(path, kind);
        // no raw English key anywhere in the label (unknown keys fall back to themselves)
        expect(label, `${path} → ${label}`).to.not.match(/[A-Za-z]/);
        const last = label.split(' · ').pop()!.replace(/ \d+$/, '');
        const [title] = titles;
        // where the path decides the title, the label is that title, or the title with a qualifier dropped or added
        if (titles.size === 1 && title && !/^\d+$/.test(path.split('/').pop()!)) {
          expect(title.includes(last) || last.includes(title), `${path}: label ${last}, schema title ${title}`).to.equal(true);
        }
      }
    });
  }

  it('depends on where the field is', () => {
    expect(zhLabel('/type')).to.equal('文档类型');
    expect(zhLabel('/body/1/type')).to.equal('正文 · 第 2 块 · 类型');
    expect(zhLabel('/background/0/text')).to.equal('背景依据 · 第 1 块 · 文字');
    expect(zhLabel('/blocks/1/type')).to.equal('第 2 块 · 类型');
    expect(zhLabel('/blocks/1/series/0')).to.equal('第 2 块 · 数据系列 1');
    expect(zhLabel('/blocks/1/series/0/values/2')).to.equal('第 2 块 · 数据系列 1 · 数值 3');
    expect(zhLabel('/blocks/0/items/1/value')).to.equal('第 1 块 · 条目 2 · 数值');
    expect(zhLabel('/blocks/0/items/1/before')).to.equal('第 1 块 · 条目 2 · 原值');
    expect(zhLabel('/changes/items/1/before')).to.equal('新旧政策差异 · 差异条目 2 · 原规定');
    expect(zhLabel('/issuer/name')).to.equal('发布机构 · 名称');
    expect(zhLabel('/firstInterpreter/name')).to.equal('第一解读人 · 姓名');
    expect(zhLabel('/url')).to.equal('原文链接');
    expect(zhLabel('/policy/url')).to.equal('被解读的政策文件 · 原文链接');
    expect(zhLabel('/attachments/0/url')).to.equal('附件 1 · 附件地址');
    expect(zhLabel('/body/0/rows/2/1')).to.equal('正文 · 第 1 块 · 表格行 3 · 第 2 项');
    expect(zhLabel('/faq/2/answer')).to.equal('典型问答 3 · 回答');
    expect(zhLabel('/glossary/0/term')).to.equal('关键词诠释 1 · 术语');
    expect(zhLabel('/media/video/duration')).to.equal('多媒体解读 · 视频解读 · 时长');
    expect(zhLabel('/blocks/3/requests/outcomes/refused/stateSecret/natural')).to.equal(
      '第 4 块 · 收到和处理政府信息公开申请情况 · 本年度办理结果 · 不予公开 · 属于国家秘密 · 自然人',
    );
    expect(zhLabel('/blocks/3/review/litigationDirect/other')).to.equal('第 4 块 · 行政复议、行政诉讼情况 · 行政诉讼（未经复议直接起诉） · 其他结果');
    expect(zhLabel('/blocks/3/requests/outcomes/other/total')).to.equal('第 4 块 · 收到和处理政府信息公开申请情况 · 本年度办理结果 · 其他处理 · 总计');
    expect(zhLabel('/titel')).to.equal('titel'); // a misspelt field stays as written
    expect(zhLabel('')).to.equal('文档');
  });

  it('keeps the names elements show beside the data', () => {
    expect(withLocale('zh-CN', () => [fieldLabel('validity'), fieldLabel('issuer'), fieldLabel('interpreter'), fieldLabel('source')])).to.deep.equal([
      '有效性',
      '发布机构',
      '解读机构',
      '出处',
    ]);
    expect(withLocale('zh-CN', () => [validityLabel('amended'), disclosureLabel('on-request'), validityLabel('unknown')])).to.deep.equal(['已修订', '依申请公开', 'unknown']);
  });

  it('translates labels through msg()', () => {
    expect(withLocale('en', () => labelOfPath('/attachments/1/name'))).to.equal('Attachments 2 · Name');
    expect(withLocale('zh-Hant', () => labelOfPath('/issuer/name'))).to.match(/^發布機構 · /);
    expect(withLocale('en', () => validityLabel('abolished'))).to.equal('Abolished');
  });
});

describe('messages show the wrong value readably', () => {
  it('shows an object or array version as short JSON or by its kind, never [object Object]', () => {
    const version = (schemaVersion: unknown) => zh(validateSchema('policy', sample('jinan', { schemaVersion }))[0]);
    expect(version({ major: 1 })).to.equal('不支持的数据格式版本 对象 {"major":1}（应为 1）');
    expect(version({ major: 1, minor: 0, note: 'a rather long explanation' })).to.equal('不支持的数据格式版本 对象（应为 1）');
    expect(version([1, 0])).to.equal('不支持的数据格式版本 [1,0]（应为 1）');
    expect(version(Array.from({ length: 30 }, (_, i) => i))).to.equal('不支持的数据格式版本 列表（30 项）（应为 1）');
    expect(version('1')).to.equal('不支持的数据格式版本 “1”（应为 1）');
    expect(version(12345.5)).to.equal('不支持的数据格式版本 12,345.5（应为 1）');
    expect(zh(validateSchema('policy', { type: { kind: 'policy' } })[0])).to.equal('文档类型应为 “policy”，实际是 对象 {"kind":"policy"}');
    for (const value of [{ major: 1 }, [1], null, true]) expect(version(value)).to.not.contain('[object');
  });

  it('quotes strings and cuts long ones', () => {
    const long = `2020年9月16日${'（补充说明）'.repeat(20)}`;
    const [date] = issuesOf('policy', sample('jinan', { writtenDate: long, publishDate: '2020-09-16' }));
    expect(date.params!.value).to.have.length(61);
    expect(zh(date)).to.match(/^「成文日期」不是有效日期：“2020年9月16日（补充说明）.*…”（格式 YYYY-MM-DD）$/);
    const [wrongType] = issuesOf('policy', sample('jinan', { title: 42 }));
    expect(zh(wrongType)).to.equal('「标题」的类型不正确：应为文字，实际是 42');
    const [wrongList] = issuesOf('policy', sample('jinan', { keywords: { a: 1 } }));
    expect(zh(wrongList)).to.equal('「关键词」的类型不正确：应为列表（数组），实际是 对象 {"a":1}');
  });

  it('reports an infinite number once, without a bogus range', () => {
    // 1e309 parses to Infinity; the annual report's year is an integer 2008–2100
    const report = { type: 'annual-report', year: Number('1e309'), requests: { received: { total: 0 }, outcomes: {}, carriedOver: { total: 0 } } };
    const yearIssues = issuesOf('infographic', infographic([report])).filter((i) => i.path === '/blocks/0/year');
    expect(yearIssues.map((i) => i.code)).to.deep.equal(['not-finite']);
    const values = issuesOf('infographic', infographic([chart({ series: [{ name: '一', values: [1, Number('1e309'), 3] }] })]));
    const [infinite] = values.filter((i) => i.path === '/blocks/0/series/0/values/1');
    expect(values.filter((i) => i.path === infinite.path)).to.have.length(1);
    expect(zh(infinite)).to.equal('「第 1 块 · 数据系列 1 · 数值 2」不是有限的数字（Infinity）：JSON 中的数太大（如 1e309）会变成无穷大');
    expect(values.map(zh).join()).to.not.contain('∞');
  });

  it('states the bound that was crossed, with numbers written out', () => {
    const [size] = issuesOf('policy', sample('jinan', { attachments: [{ name: 'a', url: '/a', size: -1024 }] }));
    expect(size).to.deep.include({ path: '/attachments/0/size', code: 'out-of-range', params: { min: 0, value: -1024, valueType: 'number' } });
    expect(zh(size)).to.equal('「附件 1 · 文件大小」不能小于 0，实际是 -1,024');
    const report = { type: 'annual-report', year: 1999, requests: { received: { total: 0 }, outcomes: {}, carriedOver: { total: 0 } } };
    const [year] = issuesOf('infographic', infographic([report])).filter((i) => i.code === 'out-of-range');
    expect(zh(year)).to.equal('「第 1 块 · 年度」应在 2,008 到 2,100 之间，实际是 1,999');
    const [level] = issuesOf('policy', sample('jinan', { body: [{ type: 'heading', text: '一', level: 9 }] }));
    expect(zh(level)).to.equal('「正文 · 第 1 块 · 层级」应在 1 到 4 之间，实际是 9');
  });

  it("labels a block's type as the block's, not the document's", () => {
    const [blockType] = issuesOf(
      'policy',
      sample('jinan', {
        body: [
          { type: 'paragraph', text: '一' },
          { type: 'chart', text: '二' },
        ],
      }),
    );
    expect(blockType).to.deep.include({ path: '/body/1/type', code: 'not-allowed-value' });
    expect(zh(blockType)).to.equal('「正文 · 第 2 块 · 类型」的取值 “chart” 不在允许范围内（允许：小标题 heading、段落 paragraph、列表 list、表格 table、提示 note）');
    const [infographicType] = issuesOf('infographic', infographic([chart(), { type: 'map' }]));
    expect(zh(infographicType)).to.match(/^「第 2 块 · 类型」的取值 “map” 不在允许范围内（允许：关键数字 figures、图表 chart、/);
  });

  it('translates every path segment of infographic blocks, series and values, and of interpretation sections', () => {
    const chartIssues = issuesOf('infographic', infographic([chart({ series: [{ name: '一', values: [1, '2', 3] }] })]));
    expect(chartIssues.map(zh)).to.deep.equal(['「第 1 块 · 数据系列 1 · 数值 2」的类型不正确：应为数字，实际是 “2”']);
    const doc = fullInterpretation();
    (doc.faq![1] as unknown as Record<string, unknown>).answer = '';
    (doc.glossary![0] as unknown as Record<string, unknown>).definition = 7;
    const messages = issuesOf('interpretation', doc).map(zh);
    expect(messages).to.include('「典型问答 2 · 回答」不能为空');
    expect(messages).to.include('「关键词诠释 1 · 解释」的类型不正确：应为文字，实际是 7');
  });

  it('lists allowed values with their Chinese terms, from the schema', () => {
    const [validity] = issuesOf('policy', sample('jinan', { validity: 'valid' }));
    expect(validity.params).to.include({ allowed: 'effective, amended, abolished, expired, pending', value: 'valid' });
    expect(zh(validity)).to.equal('「有效性」的取值 “valid” 不在允许范围内（允许：有效 effective、已修订 amended、已废止 abolished、已失效 expired、尚未生效 pending）');
    const [form] = issuesOf('interpretation', fullInterpretation({ form: 'press' as 'text' }));
    expect(zh(form)).to.contain('文字解读 text、图文解读 graphic、视频解读 video、专家解读 expert、新闻发布会 press-conference');
    const [orientation] = issuesOf('infographic', infographic([chart({ orientation: 'diagonal' })]));
    expect(zh(orientation)).to.contain('（允许：柱状图 vertical、条形图 horizontal）');
    // a const (no enum) lists its one value as it is
    expect(zh(issue('/x', 'not-allowed-value', { allowed: 'only', value: 'other', valueType: 'string' }))).to.contain('（允许：only）');
  });

  it('says internal errors are not the data’s fault', () => {
    expect(zh(issue('', 'internal-error'))).to.equal('处理数据时程序出错（不是数据的问题），请把控制台信息发给网站技术支持');
  });
});
