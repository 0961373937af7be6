import { expect } from '@open-wc/testing';
import '../core/rules/policy.js';
import { checkDocument } from '../core/check.js';
import { isError } from '../schema/issues.js';
import type { TableBlock } from '../schema/types.generated.js';
import { bodyTextLength, chineseNumber, hostileArticleHtml, longRegulation, readerDocument, SEED_003_TASK_ROWS, seed000Policy, seed003Policy } from './reader-fixture.js';

const errorsOf = (doc: unknown) => checkDocument('policy', doc).issues.filter(isError);

describe('reader fixtures', () => {
  it('seed 003 is a valid policy with its 31-row task table and its damage kept', () => {
    expect(errorsOf(seed003Policy)).to.deep.equal([]);
    const table = seed003Policy.body!.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.head).to.deep.equal(['工作任务', '具体要求', '责任处室', '具体工作', '完成时限']);
    expect(table.rows).to.have.length(SEED_003_TASK_ROWS);
    expect(table.rows.every((row) => row.length === 5)).to.equal(true);
    table.rows.forEach((row, i) => expect(row[1]!.startsWith(`${i + 1}.`), row[1]).to.equal(true));
    const all = JSON.stringify(seed003Policy.body);
    for (const damage of ['、/td>', '宣/td>', '宸/p>', '?021?7号', '?ldquo;']) expect(all).to.contain(damage);
    expect(seed003Policy.body!.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).to.include.members([
      '一、制定依?/p>',
      '二、方案内宸/p>',
      '三、工作要汁/span>',
    ]);
  });

  it('seed 000 is a valid policy with headings 一、 and (一), paragraphs, a list and a note', () => {
    expect(errorsOf(seed000Policy)).to.deep.equal([]);
    const types = new Set(seed000Policy.body!.map((b) => b.type));
    expect([...types].sort()).to.deep.equal(['heading', 'list', 'note', 'paragraph']);
    expect(seed000Policy.body!.some((b) => b.type === 'heading' && b.text === '(一)推进市场消费信息公开' && b.level === 3)).to.equal(true);
  });

  it('readerDocument copies, so a test can change it freely', () => {
    const copy = readerDocument('seed003', { title: '改过' });
    copy.body!.pop();
    expect(copy.title).to.equal('改过');
    expect(seed003Policy.body!.length).to.equal(copy.body!.length + 1);
  });

  it('longRegulation is valid, deterministic and about the size asked', () => {
    const doc = longRegulation();
    expect(errorsOf(doc)).to.deep.equal([]);
    const length = bodyTextLength(doc.body);
    expect(length).to.be.within(200_000, 201_000);
    expect(JSON.stringify(longRegulation())).to.equal(JSON.stringify(doc));
    expect(doc.body![0]).to.deep.equal({ type: 'heading', text: '第一章　总则' });
    expect((doc.body![1] as { text: string }).text.startsWith('第一条　')).to.equal(true);
    expect(bodyTextLength(longRegulation(5000).body)).to.be.within(5000, 6000);
  });

  it('writes Chinese numbers as regulations do', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110, 999, 1000, 1010, 1234].map(chineseNumber)).to.deep.equal([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '一百',
      '一百零五',
      '一百一十',
      '九百九十九',
      '一千',
      '一千零一十',
      '一千二百三十四',
    ]);
  });

  it('the hostile article has the attacks and readable text', () => {
    for (const attack of ['<script>', 'onerror=', 'javascript:', '<svg>', '<math>', '<form', 'style="']) expect(hostileArticleHtml).to.contain(attack);
    expect(hostileArticleHtml).to.contain('推进市场消费信息公开');
  });
});
