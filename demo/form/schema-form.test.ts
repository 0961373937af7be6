import { expect, fixture, html } from '@open-wc/testing';
import { until } from '../../src/test-support/helpers.js';
import commonSchema from '../../src/schema/common.schema.json' with { type: 'json' };
import policySchema from '../../src/schema/policy.schema.json' with { type: 'json' };
import interpretationSchema from '../../src/schema/interpretation.schema.json' with { type: 'json' };
import infographicSchema from '../../src/schema/infographic.schema.json' with { type: 'json' };
import comparisonSchema from '../../src/schema/comparison.schema.json' with { type: 'json' };
import directorySchema from '../../src/schema/directory.schema.json' with { type: 'json' };
import policySample from '../data/policy-001-jinan-market-2020.json' with { type: 'json' };
import readerSample from '../data/reader-000-shandong-2019.json' with { type: 'json' };
import infographicSample from '../data/infographic-002-anhui-2017.json' with { type: 'json' };
import interpretationSample from '../data/interpretation-000-shandong-commerce-2019.json' with { type: 'json' };
import comparisonSample from '../data/comparison-000-shandong-commerce.json' with { type: 'json' };
import directorySample from '../data/directory-seeds.json' with { type: 'json' };
import { focusField, renderSchemaForm, type FormIssue } from './schema-form.js';

type Json = Record<string, unknown>;
const SCHEMAS: Record<string, Json> = {
  'common.schema.json': commonSchema,
  'policy.schema.json': policySchema,
  'interpretation.schema.json': interpretationSchema,
  'infographic.schema.json': infographicSchema,
  'comparison.schema.json': comparisonSchema,
  'directory.schema.json': directorySchema,
};
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The demo's stylesheet and the form's, as the page links them (sizes, colours and focus rings are part of what is tested). */
before(async () => {
  for (const href of ['/demo/demo.css', '/demo/form/schema-form.css']) {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error(`stylesheet ${href} did not load`));
    });
    document.head.append(link);
    await loaded;
  }
});

interface Mounted {
  container: HTMLElement;
  changes: { value: unknown; path: string }[];
  /** What the page does after a change: re-render with the value as parsed from the JSON text, and fresh issues. */
  rerender(value: unknown, issues?: FormIssue[]): void;
  last(): Json;
}
async function mount(value: unknown, schema: Json = policySchema, issues: FormIssue[] = []): Promise<Mounted> {
  const container = await fixture<HTMLDivElement>(html`<div class="wrap"></div>`);
  const changes: { value: unknown; path: string }[] = [];
  const onChange = (next: unknown, path: string) => changes.push({ value: next, path });
  renderSchemaForm(container, { schema, schemas: SCHEMAS, value, issues, onChange });
  return {
    container,
    changes,
    rerender: (v, i = []) => renderSchemaForm(container, { schema, schemas: SCHEMAS, value: v, issues: i, onChange }),
    last: () => changes[changes.length - 1].value as Json,
  };
}
const control = <T extends HTMLElement = HTMLInputElement>(container: HTMLElement, pointer: string) => {
  const el = container.querySelector<T>(`[data-zwf-ptr="${CSS.escape(pointer)}"]`);
  if (!el) throw new Error(`no control for ${pointer}`);
  return el;
};
const labelOf = (container: HTMLElement, el: HTMLElement) => container.querySelector(`label[for="${el.id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
const describedBy = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim());
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
function choose(select: HTMLSelectElement, text: string) {
  const option = [...select.options].find((o) => o.textContent!.trim() === text);
  if (!option) throw new Error(`no option ${text} in ${[...select.options].map((o) => o.textContent).join(' | ')}`);
  select.focus();
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
const button = (container: HTMLElement, name: string) => {
  const found = [...container.querySelectorAll<HTMLButtonElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
};

describe('schema form: fields from the schema', () => {
  it('labels and help come from the schemas’ titles and descriptions; required fields say so', async () => {
    const { container } = await mount(clone(policySample));
    const title = control(container, '/title');
    expect(labelOf(container, title)).to.equal('标题（必填）');
    expect(describedBy(title)).to.include('文件全称。');
    const indexNo = control(container, '/indexNo');
    expect(labelOf(container, indexNo)).to.equal('索引号');
    expect(describedBy(indexNo).join(' ')).to.contain('机构代码（9 位组织机构代码或 18 位统一社会信用代码）');
    // a $ref's own title overrides the definition's (发布机构 → 机构 → 机构名称)
    expect(labelOf(container, control(container, '/issuer/name'))).to.equal('机构名称（必填）');
    expect(container.querySelector('[data-zwf-group="/issuer"] > legend')!.textContent).to.contain('发布机构（必填）');
  });

  it('dates use the date picker, addresses a url keyboard that still takes relative addresses', async () => {
    const { container } = await mount(clone(policySample));
    const date = control(container, '/publishDate');
    expect(date.type).to.equal('date');
    expect(date.value).to.equal(policySample.publishDate);
    const url = control(container, '/url');
    expect(url.type).to.equal('text');
    expect(url.getAttribute('inputmode')).to.equal('url');
  });

  it('a date the picker cannot show stays visible as text, never blanked', async () => {
    const { container, changes } = await mount({ ...clone(policySample), publishDate: '2020/9/16' });
    const date = control(container, '/publishDate');
    expect(date.type).to.equal('text');
    expect(date.value).to.equal('2020/9/16');
    expect(changes).to.have.length(0);
  });

  it('an enum is a select of its Chinese terms, with the value selected and （不填） first when optional', async () => {
    const { container } = await mount(clone(policySample));
    const validity = control<HTMLSelectElement>(container, '/validity');
    expect(validity.tagName).to.equal('SELECT');
    expect([...validity.options].map((o) => o.textContent!.trim())).to.deep.equal(['（不填）', '有效', '已修订', '已废止', '已失效', '尚未生效']);
    expect(validity.selectedOptions[0].textContent!.trim()).to.equal('有效');
    const disclosure = control<HTMLSelectElement>(container, '/disclosure');
    expect(disclosure.selectedOptions[0].textContent!.trim()).to.equal('主动公开');
  });

  it('a value outside the enum stays shown as a not-allowed option; choosing a term replaces it', async () => {
    const { container, changes, last } = await mount({ ...clone(policySample), validity: 'valid' });
    const validity = control<HTMLSelectElement>(container, '/validity');
    expect(validity.selectedOptions[0].textContent).to.contain('valid（不允许的值');
    expect(changes).to.have.length(0);
    choose(validity, '已废止');
    expect(last().validity).to.equal('abolished');
  });

  it('the document type and version are read-only text', async () => {
    const { container } = await mount(clone(policySample));
    const kind = control(container, '/type');
    expect(kind.tagName).to.equal('SPAN');
    expect(kind.textContent!.trim()).to.equal('policy');
    expect(container.querySelector('input[data-zwf-ptr="/schemaVersion"], select[data-zwf-ptr="/schemaVersion"]')).to.equal(null);
  });

  it('long text gets a textarea sized to its content; numbers a number input with the schema’s bounds', async () => {
    const { container } = await mount(clone(infographicSample), infographicSchema);
    const summaryLike = control<HTMLTextAreaElement>(container, '/blocks/1/takeaway');
    expect(summaryLike.tagName).to.equal('TEXTAREA');
    expect(summaryLike.rows).to.be.at.least(2);
    const value = control(container, '/blocks/0/items/0/value');
    expect(value.type).to.equal('number');
    expect(value.step).to.equal('any');
    const annual = await mount(clone((await import('../data/infographic-annual-report-example.json', { with: { type: 'json' } })).default), infographicSchema);
    const year = control(annual.container, '/blocks/0/year');
    expect([year.type, year.min, year.max, year.step]).to.deep.equal(['number', '2008', '2100', '1']);
  });
});

describe('schema form: editing', () => {
  it('an edit calls onChange with a new document and the field’s pointer; the original is untouched', async () => {
    const original = clone(policySample);
    const frozen = JSON.stringify(original);
    const { container, changes, last } = await mount(original);
    type(control(container, '/title'), '新标题');
    expect(changes).to.have.length(1);
    expect(changes[0].path).to.equal('/title');
    expect(last()).to.not.equal(original);
    expect(last().title).to.equal('新标题');
    expect(JSON.stringify(original)).to.equal(frozen);
    type(control(container, '/issuer/name'), '某局');
    expect(changes[1].path).to.equal('/issuer/name');
    expect((last().issuer as Json).name).to.equal('某局');
    expect(last().title).to.equal('新标题'); // builds on the form's own latest value
  });

  it('clearing an optional field removes its key (never ""), and a group left empty goes with it', async () => {
    const { container, last } = await mount(clone(policySample));
    type(control(container, '/indexNo'), '');
    expect(last()).to.not.have.property('indexNo');
    type(control(container, '/category/group'), '');
    expect(last()).to.not.have.property('category');
    // a new key goes in the schema's order among the keys present
    type(control(container, '/docNo'), '济市监发〔2020〕1号');
    const keys = Object.keys(last());
    expect(keys.slice(keys.indexOf('title'), keys.indexOf('title') + 3)).to.deep.equal(['title', 'docNo', 'issuer']);
  });

  it('a checkbox writes true, and unchecked an optional one goes away', async () => {
    const doc = clone(readerSample) as Json;
    const body = doc.body as Json[];
    const listAt = body.findIndex((b) => b.type === 'list');
    const { container, last } = await mount(doc);
    const ordered = control(container, `/body/${listAt}/ordered`);
    expect(ordered.type).to.equal('checkbox');
    ordered.click();
    expect(((last().body as Json[])[listAt] as Json).ordered).to.equal(true);
    ordered.click();
    expect((last().body as Json[])[listAt]).to.not.have.property('ordered');
  });
});

describe('schema form: lists', () => {
  it('key points: add focuses the new item, delete focuses the next, move keeps focus on the button pressed', async () => {
    const doc = clone(policySample);
    const points = doc.keyPoints;
    const { container, last, changes } = await mount(doc);
    const add = button(container, '添加要点');
    add.click();
    expect(last().keyPoints).to.deep.equal([...points, '']);
    expect(changes.at(-1)!.path).to.equal('/keyPoints');
    await until(() => document.activeElement === control(container, `/keyPoints/${points.length}`), 'focus on the new key point');
    type(document.activeElement as HTMLTextAreaElement, '新增要点');
    expect((last().keyPoints as string[]).at(-1)).to.equal('新增要点');

    // move the second point up: the button it pressed is at the top end now, so focus goes to 下移 of the same item
    button(container, '上移 第 2 项 要点').click();
    expect((last().keyPoints as string[]).slice(0, 2)).to.deep.equal([points[1], points[0]]);
    expect(document.activeElement).to.equal(button(container, '下移 第 1 项 要点'));
    expect(control<HTMLTextAreaElement>(container, '/keyPoints/0').value).to.equal(points[1]);
    // move it down again: focus stays on 下移, now of item 2
    button(container, '下移 第 1 项 要点').click();
    expect((last().keyPoints as string[]).slice(0, 2)).to.deep.equal([points[0], points[1]]);
    expect(document.activeElement).to.equal(button(container, '下移 第 2 项 要点'));

    // delete the first: focus goes to the item that took its place
    button(container, '删除 第 1 项 要点').click();
    expect(last().keyPoints).to.deep.equal([...points.slice(1), '新增要点']);
    expect(document.activeElement).to.equal(control(container, '/keyPoints/0'));
    // delete the last: focus goes to the add button
    const count = (last().keyPoints as string[]).length;
    button(container, `删除 第 ${count} 项 要点`).click();
    expect(document.activeElement).to.equal(button(container, '添加要点'));
    expect(container.querySelectorAll('[data-zwf-list="/keyPoints"] > ol > li')).to.have.length(count - 1);
  });

  it('item buttons say which item of which list; the first cannot move up, the last not down', async () => {
    const { container } = await mount(clone(policySample));
    const up = button(container, '上移 第 1 项 要点');
    expect(up.disabled).to.equal(true);
    expect(button(container, `下移 第 ${policySample.keyPoints.length} 项 要点`).disabled).to.equal(true);
    expect(button(container, '删除 第 2 项 关键词').textContent!.trim()).to.equal('删除');
  });

  it('the last item of an optional list deleted removes the list; a new object item is a skeleton of its required fields', async () => {
    const { container, last } = await mount(clone(policySample));
    button(container, '添加附件').click();
    expect(last().attachments).to.deep.equal([{ name: '', url: '' }]);
    expect(document.activeElement).to.equal(control(container, '/attachments/0/name'));
    button(container, '删除 第 1 项 附件').click();
    expect(last()).to.not.have.property('attachments');
  });

  it('table rows (lists of lists) get their own lists', async () => {
    const doc = clone(infographicSample) as Json;
    (doc.blocks as Json[]).push({ type: 'table', head: ['事项', '时限'], rows: [['申请', '7日']] });
    const at = (doc.blocks as Json[]).length - 1;
    const { container, last } = await mount(doc, infographicSchema);
    type(control(container, `/blocks/${at}/rows/0/1`), '15日');
    expect(((last().blocks as Json[])[at] as Json).rows).to.deep.equal([['申请', '15日']]);
    button(container, `添加一项`).click();
    expect(((last().blocks as Json[])[at] as Json).rows).to.deep.equal([['申请', '15日', '']]);
  });
});

describe('schema form: blocks and alternatives', () => {
  it('switching a body block from paragraph to list adds the list’s items; back to paragraph restores the text', async () => {
    const doc = clone(readerSample) as Json;
    const text = ((doc.body as Json[])[0] as Json).text;
    const { container, last } = await mount(doc);
    const kind = control<HTMLSelectElement>(container, '/body/0/type');
    expect(kind.selectedOptions[0].textContent!.trim()).to.equal('段落');
    choose(kind, '列表');
    expect((last().body as Json[])[0]).to.deep.equal({ type: 'list', items: [''] });
    expect(document.activeElement).to.equal(control(container, '/body/0/type'));
    expect(control(container, '/body/0/items/0')).to.exist;
    choose(control<HTMLSelectElement>(container, '/body/0/type'), '段落');
    expect((last().body as Json[])[0]).to.deep.equal({ type: 'paragraph', text });
    choose(control<HTMLSelectElement>(container, '/body/0/type'), '提示');
    expect((last().body as Json[])[0]).to.deep.equal({ type: 'note', text });
    expect(control<HTMLTextAreaElement>(container, '/body/0/text').value).to.equal(text);
  });

  it('an unknown block type keeps its data and says which fields the form cannot edit', async () => {
    const doc = clone(readerSample) as Json;
    (doc.body as Json[])[1] = { type: 'video', src: 'a.mp4', caption: '说明' };
    const { container, changes, last } = await mount(doc);
    const kind = control<HTMLSelectElement>(container, '/body/1/type');
    expect(kind.selectedOptions[0].textContent).to.contain('video（不允许的值');
    const group = container.querySelector('[data-zwf-group="/body/1"]')!;
    expect(group.querySelector('.zwf-note')!.textContent).to.contain('这些字段表单不能编辑，保留原样，请在 JSON 中修改：src、caption');
    type(control(container, '/title'), '改标题');
    expect(changes).to.have.length(1);
    expect((last().body as Json[])[1]).to.deep.equal({ type: 'video', src: 'a.mp4', caption: '说明' });
  });

  it('an infographic chart’s series can be edited: name, values, add a value', async () => {
    const doc = clone(infographicSample) as Json;
    const at = (doc.blocks as Json[]).findIndex((b) => b.type === 'chart');
    const chart = (doc.blocks as Json[])[at] as Json;
    const values = ((chart.series as Json[])[0].values as number[]).slice();
    const { container, last } = await mount(doc, infographicSchema);
    expect(control<HTMLSelectElement>(container, `/blocks/${at}/chart`).selectedOptions[0].textContent!.trim()).to.equal(
      { bar: '柱状/条形图', line: '折线图', pie: '饼图', donut: '环形图' }[chart.chart as string],
    );
    type(control(container, `/blocks/${at}/series/0/name`), '新系列名');
    type(control(container, `/blocks/${at}/series/0/values/1`), '42.5');
    const series = ((last().blocks as Json[])[at] as Json).series as Json[];
    expect(series[0].name).to.equal('新系列名');
    expect(series[0].values).to.deep.equal([values[0], 42.5, ...values.slice(2)]);
    button(container, '添加数值').click();
    expect((((last().blocks as Json[])[at] as Json).series as Json[])[0].values).to.have.length(values.length + 1);
    expect(document.activeElement).to.equal(control(container, `/blocks/${at}/series/0/values/${values.length}`));
  });

  it('a comparison version shows both 原文 and 条款, with the either-or rule as a hint', async () => {
    const { container, last } = await mount(clone(comparisonSample), comparisonSchema);
    const text = control<HTMLTextAreaElement>(container, '/versions/0/text');
    expect(text.tagName).to.equal('TEXTAREA');
    expect(text.value).to.equal(comparisonSample.versions[0].text);
    const clauses = container.querySelector('[data-zwf-list="/versions/0/clauses"]')!;
    expect(clauses.querySelector('legend')!.textContent).to.contain('条款');
    const group = container.querySelector('[data-zwf-group="/versions/0"]') as HTMLElement;
    expect(describedBy(group).join(' ')).to.contain('“原文”、“条款”至少填写一项（二选一）');
    button(container, '添加条款').click();
    expect(((last().versions as Json[])[0] as Json).clauses).to.deep.equal([{ id: '', text: '' }]);
  });

  it('a chart’s categories stay a list of texts under their per-kind limits (an if/then on a list), with no extra type picker', async () => {
    const { container } = await mount(clone(infographicSample), infographicSchema);
    const chart = container.querySelector('[data-zwf-group="/blocks/1"]')!;
    // the block's own type picker only: no second, unnamed "类型" select for the if/then limits
    const pickers = [...chart.querySelectorAll('select')].filter((s) => s.closest('[data-zwf-group]') === chart && /类型/.test(s.labels?.[0]?.textContent ?? ''));
    expect(pickers.map((s) => s.labels![0].textContent!.trim())).to.not.include('类型（必填）');
    // the categories stay a list of texts (their `if`: unique below 400 of them)
    expect(control(container, '/blocks/1/categories/0')).to.exist;
  });

  it('an embedded related policy that lost its type is still shown as a policy (if: anyOf of its fields)', async () => {
    const doc = clone(interpretationSample) as Json;
    delete ((doc.related as Json[])[0] as Json).type;
    const { container } = await mount(doc, interpretationSchema);
    const picker = container.querySelector<HTMLSelectElement>('[data-zwf-group="/related/0"] select')!;
    expect(picker.selectedOptions[0].textContent!.trim()).to.equal('政策文件 (policy)');
  });

  it('a related policy (if/then/else) switches between a link and an embedded policy document', async () => {
    const doc = clone(interpretationSample) as Json;
    (doc.related as Json[]) = [{ url: 'https://example.gov.cn/a.html', title: '相关文件' }];
    const { container, last } = await mount(doc, interpretationSchema);
    const picker = container.querySelector<HTMLSelectElement>('[data-zwf-group="/related/0"] select')!;
    expect(picker.selectedOptions[0].textContent!.trim()).to.equal('相关政策链接');
    choose(picker, '政策文件 (policy)');
    const related = (last().related as Json[])[0];
    // the fields a policy also has (url, title) stay; its required ones are added
    expect(related).to.deep.include({ type: 'policy', schemaVersion: 1, title: '相关文件', url: 'https://example.gov.cn/a.html', issuer: { name: '' } });
    choose(container.querySelector<HTMLSelectElement>('[data-zwf-group="/related/0"] select')!, '相关政策链接');
    expect((last().related as Json[])[0]).to.deep.equal({ url: 'https://example.gov.cn/a.html', title: '相关文件' });
  });
});

describe('schema form: issues beside fields', () => {
  it('an issue at /publishDate appears beside the date field, which is aria-invalid and described by it', async () => {
    const issues: FormIssue[] = [{ path: '/publishDate', severity: 'error', message: '发布日期早于成文日期。' }];
    const { container } = await mount(clone(policySample), policySchema, issues);
    const date = control(container, '/publishDate');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(date)).to.include('错误：发布日期早于成文日期。');
    expect(date.closest('.zwf-field')!.querySelector('.zwf-issue')!.textContent).to.equal('错误：发布日期早于成文日期。');
  });

  it('a missing required field’s issue appears beside its empty control; warnings are not aria-invalid', async () => {
    const doc = clone(policySample) as Json;
    delete doc.publishDate;
    const issues: FormIssue[] = [
      { path: '/publishDate', severity: 'error', message: '缺少“发布日期”。' },
      { path: '/indexNo', severity: 'warning', message: '索引号是本地编号。' },
    ];
    const { container } = await mount(doc, policySchema, issues);
    const date = control(container, '/publishDate');
    expect(date.value).to.equal('');
    expect(describedBy(date)).to.include('错误：缺少“发布日期”。');
    const indexNo = control(container, '/indexNo');
    expect(indexNo.hasAttribute('aria-invalid')).to.equal(false);
    expect(describedBy(indexNo)).to.include('提示：索引号是本地编号。');
  });

  it('issues without a control go to the nearest group; issues at "" to the top of the form', async () => {
    const issues: FormIssue[] = [
      { path: '', severity: 'error', message: '整份文件的问题。' },
      { path: '/keyPoints/9', severity: 'error', message: '没有这一项。' },
      { path: '/extra', severity: 'error', message: '未知字段 extra。' },
    ];
    const { container } = await mount({ ...clone(policySample), extra: 1 }, policySchema, issues);
    const root = container.querySelector('[data-zwf-group=""]') as HTMLElement;
    expect(root.querySelector(':scope > .zwf-issues')!.textContent).to.contain('错误：整份文件的问题。');
    expect(root.querySelector(':scope > .zwf-issues')!.textContent).to.contain('错误：未知字段 extra。');
    const list = container.querySelector('[data-zwf-group="/keyPoints"]') as HTMLElement;
    expect(describedBy(list)).to.include('错误：没有这一项。');
  });
});

describe('schema form: never loses data', () => {
  it('a property the schema does not know is kept through an edit of another field, and listed', async () => {
    const { container, last } = await mount({ ...clone(policySample), cmsInternal: { a: 1 } });
    expect(container.querySelector('[data-zwf-group=""] > .zwf-note')!.textContent).to.contain('这些字段表单不能编辑，保留原样，请在 JSON 中修改：cmsInternal');
    type(control(container, '/title'), '改');
    expect(last().cmsInternal).to.deep.equal({ a: 1 });
  });

  it('a value of the wrong type is shown read-only and not overwritten; 清空并重填 clears it on request', async () => {
    const doc = { ...clone(policySample), issuer: '某厅', keyPoints: { a: '要点' }, title: 12 };
    const { container, changes, last, rerender } = await mount(doc);
    rerender(clone(doc));
    expect(changes).to.have.length(0);
    const issuer = container.querySelector('[data-zwf-group="/issuer"]')!;
    expect(issuer.textContent).to.contain('这里应是一组字段，现在是文字');
    expect(issuer.querySelector('.zwf-raw')!.textContent).to.equal('"某厅"');
    expect(container.querySelector('[data-zwf-group="/keyPoints"]')!.textContent).to.contain('这里应是列表，现在是一组字段');
    expect(container.querySelector('[data-zwf-group="/title"]')!.textContent).to.contain('这里应是文字，现在是数字');
    type(control(container, '/docNo'), '某字〔2020〕1号');
    expect(last()).to.include({ issuer: '某厅', title: 12 });
    expect(last().keyPoints).to.deep.equal({ a: '要点' });
    button(container, '清空并重填 发布机构').click();
    expect(last()).to.not.have.property('issuer');
    expect(document.activeElement).to.equal(control(container, '/issuer/name'));
  });

  it('values are text, never markup', async () => {
    const { container } = await mount({ ...clone(policySample), cmsNote: 1, title: '<img src=x onerror="window.__zwfPwned=1">' });
    expect(container.querySelector('img')).to.equal(null);
    expect(control(container, '/title').value).to.contain('<img');
    expect((window as unknown as Json).__zwfPwned).to.equal(undefined);
  });
});

describe('schema form: focus', () => {
  it('re-rendering with the parsed value and fresh issues keeps focus and caret in the input being typed in', async () => {
    const { container, last, rerender } = await mount(clone(policySample));
    const title = control(container, '/title');
    type(title, '关于印发济南市文件的通知');
    title.setSelectionRange(4, 4);
    rerender(clone(last()), [{ path: '/title', severity: 'warning', message: '标题较长。' }]);
    expect(document.activeElement).to.equal(title);
    expect([title.selectionStart, title.selectionEnd]).to.deep.equal([4, 4]);
    expect(describedBy(title)).to.include('提示：标题较长。');
    // an edit elsewhere (from the JSON editor) also keeps it
    rerender({ ...clone(last()), summary: '改过的概述' });
    expect(document.activeElement).to.equal(control(container, '/title'));
    expect(title.selectionStart).to.equal(4);
    expect(control<HTMLTextAreaElement>(container, '/summary').value).to.equal('改过的概述');
  });

  it('focus stays in a list item’s field when the page re-renders after an edit', async () => {
    const { container, last, rerender } = await mount(clone(policySample));
    const point = control<HTMLTextAreaElement>(container, '/keyPoints/1');
    type(point, '改过的要点');
    point.setSelectionRange(2, 2);
    rerender(clone(last()));
    expect(document.activeElement).to.equal(point);
    expect(point.selectionStart).to.equal(2);
  });

  it('focusField focuses the control, a nested one inside a list item, or the nearest group; it opens folded groups', async () => {
    const doc = clone(policySample) as Json;
    delete doc.category;
    const { container } = await mount(doc);
    expect(focusField(container, '/issuer/name')).to.equal(true);
    expect(document.activeElement).to.equal(control(container, '/issuer/name'));
    expect(focusField(container, '/keyPoints/1')).to.equal(true);
    expect(document.activeElement).to.equal(control(container, '/keyPoints/1'));
    const folded = container.querySelector('[data-zwf-group="/category"]')!.closest('details')!;
    expect(folded.open).to.equal(false);
    expect(focusField(container, '/category/topic')).to.equal(true);
    expect(folded.open).to.equal(true);
    expect(document.activeElement).to.equal(control(container, '/category/topic'));
    expect(focusField(container, '/keyPoints/9/x')).to.equal(true); // no such item: the list's first control
    expect(document.activeElement).to.equal(control(container, '/keyPoints/0'));

    const info = await mount(clone(infographicSample), infographicSchema);
    expect(focusField(info.container, '/blocks/1/series/0/values/2')).to.equal(true);
    expect(document.activeElement).to.equal(control(info.container, '/blocks/1/series/0/values/2'));
  });
});

describe('schema form: long lists', () => {
  it('a long list renders a page of items with a button for more; focusField reaches an item beyond it', async function () {
    this.timeout(60000); // renders 250 entries of ~20 fields
    const doc = clone(directorySample) as Json;
    const entry = (doc.entries as Json[])[0];
    doc.entries = Array.from({ length: 250 }, (_, i) => ({ ...entry, title: `文件 ${i + 1}` }));
    const { container, changes } = await mount(doc, directorySchema, [{ path: '/entries/180/title', severity: 'error', message: '第 181 项的问题。' }]);
    const items = () => container.querySelectorAll('[data-zwf-list="/entries"] > ol > li').length;
    expect(items()).to.equal(100);
    // the issue of an item not rendered yet shows at the list
    expect(describedBy(container.querySelector('[data-zwf-group="/entries"]') as HTMLElement)).to.include('错误：第 181 项的问题。');
    button(container, '再显示 100 项目录项（共 250 项）').click();
    expect(items()).to.equal(200);
    expect(document.activeElement).to.equal(control(container, '/entries/100/id')); // the first field of the first new item
    expect(focusField(container, '/entries/240/title')).to.equal(true);
    expect(items()).to.equal(250);
    expect(document.activeElement).to.equal(control(container, '/entries/240/title'));
    expect(changes).to.have.length(0);
  });
});

describe('schema form: accessibility', () => {
  const kinds: [string, unknown, Json][] = [
    ['policy', readerSample, policySchema],
    ['interpretation', interpretationSample, interpretationSchema],
    ['infographic', infographicSample, infographicSchema],
    ['comparison', comparisonSample, comparisonSchema],
    ['directory', directorySample, directorySchema],
  ];
  for (const [kind, sample, schema] of kinds) {
    it(`the ${kind} form from a demo sample is axe clean, every control labelled`, async function () {
      this.timeout(60000); // axe over several hundred controls takes seconds; more on a loaded CI machine
      const { container } = await mount(clone(sample), schema, [{ path: '/title', severity: 'error', message: '示例问题。' }]);
      for (const el of container.querySelectorAll<HTMLElement>('input, select, textarea')) {
        expect(labelOf(container, el) ?? el.closest('label')?.textContent, `label of ${el.dataset.zwfPtr}`)
          .to.be.a('string')
          .and.not.equal('');
      }
      await expect(container).to.be.accessible();
    });
  }

  it('buttons and controls are at least 44 px high, and the form fits a 375 px phone at 200% text', async () => {
    const { container } = await mount(clone(infographicSample), infographicSchema);
    for (const el of container.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]), summary')) {
      if (el.getClientRects().length) expect(el.getBoundingClientRect().height, el.outerHTML.slice(0, 80)).to.be.at.least(43.5);
    }
    container.style.width = '375px';
    container.style.fontSize = '32px';
    expect(container.scrollWidth).to.be.at.most(375);
  });
});
