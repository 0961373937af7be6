import { expect } from '@open-wc/testing';
import './rules/all.js';
import { checkDocument } from './check.js';
import { checkDirectoryEntry, checkDirectoryShell } from './directory/entries-check.js';
import { isMachineKey, scrapeDamageIssues } from './rules/scrape-damage.js';
import { withLocale } from '../i18n/locale.js';
import type { Issue } from '../schema/issues.js';
import { localizeIssue } from '../schema/messages.js';
import type { DocumentKind } from '../schema/validate.js';
import type { ComparisonDocument, DirectoryDocument, InfographicDocument, InterpretationDocument } from '../schema/types.generated.js';
import { fullInterpretation, seedInterpretation } from '../test-support/interpretation-fixture.js';
import { fullInfographic } from '../test-support/infographic-fixture.js';
import { comparisonOf, comparisonSample } from '../test-support/comparison-fixture.js';
import { samples } from '../test-support/samples.js';
import comparison000 from '../../demo/data/comparison-000-shandong-commerce.json' with { type: 'json' };
import comparisonClauseList from '../../demo/data/comparison-clause-list.json' with { type: 'json' };
import comparisonThreeVersions from '../../demo/data/comparison-three-versions.json' with { type: 'json' };
import directoryRemote from '../../demo/data/directory-remote.json' with { type: 'json' };
import directorySeeds from '../../demo/data/directory-seeds.json' with { type: 'json' };
import infographic002 from '../../demo/data/infographic-002-anhui-2017.json' with { type: 'json' };
import infographic003 from '../../demo/data/infographic-003-guangzhou-deadlines.json' with { type: 'json' };
import infographic004 from '../../demo/data/infographic-004-shanxi-procedure.json' with { type: 'json' };
import infographicAnnual from '../../demo/data/infographic-annual-report-example.json' with { type: 'json' };
import interpretation000 from '../../demo/data/interpretation-000-shandong-commerce-2019.json' with { type: 'json' };
import interpretation004 from '../../demo/data/interpretation-004-shanxi-industry-2021.json' with { type: 'json' };
import interpretationLate from '../../demo/data/interpretation-late-example.json' with { type: 'json' };
import policy000 from '../../demo/data/policy-000-shandong-commerce-2019.json' with { type: 'json' };
import policy001 from '../../demo/data/policy-001-jinan-market-2020.json' with { type: 'json' };
import policy002 from '../../demo/data/policy-002-anhui-commerce-2017.json' with { type: 'json' };
import policy003 from '../../demo/data/policy-003-guangzhou-commerce-2021.json' with { type: 'json' };
import policy004 from '../../demo/data/policy-004-shanxi-industry-2021.json' with { type: 'json' };
import reader000 from '../../demo/data/reader-000-shandong-2019.json' with { type: 'json' };

const damaged = (issues: Issue[]) => issues.filter((i) => i.code === 'scrape-damage');
const paths = (issues: Issue[]) => damaged(issues).map((i) => i.path);
const warningsOf = (kind: DocumentKind, doc: unknown) => {
  const result = checkDocument(kind, doc);
  expect(result.document, `${kind}: warnings only, the document stays valid`).to.exist;
  return damaged(result.issues);
};

describe('scrapeDamageIssues: the walker every kind shares', () => {
  it('visits every string of nested objects and arrays, one warning per damaged string, with count and sample', () => {
    const value = {
      title: '干净的标题',
      sections: [
        {
          rows: [
            ['甲', '内宸/p>'],
            ['乙', '丙'],
          ],
        },
        { text: '穗府办函?021?7号、/p>' },
      ],
      deep: { deeper: { deepest: ['紧?ldquo;扣', '正常'] } },
      count: 3,
      flag: true,
      none: null,
    };
    const found = scrapeDamageIssues(value);
    expect(found.map((i) => i.path)).to.deep.equal(['/sections/0/rows/0/1', '/sections/1/text', '/deep/deeper/deepest/0']);
    expect(found.every((i) => i.code === 'scrape-damage' && i.severity === 'warning')).to.equal(true);
    expect(found[0]!.params).to.deep.equal({ count: 1, sample: '内宸/p>' });
    expect(found[1]!.params).to.deep.equal({ count: 3, sample: '穗府办函?' }); // ?021, ?7 and 、/p>: one warning, three places
  });

  it('leaves out the machine fields the schemas have (ids, links, dates, codes, enums, column ids), but walks objects under them', () => {
    const remnant = '宸/p>';
    const machine = {
      type: remnant,
      schemaVersion: remnant,
      id: remnant,
      version: remnant,
      clause: remnant,
      url: remnant,
      remote: remnant,
      policyUrl: remnant,
      captionsUrl: remnant,
      date: remnant,
      publishDate: remnant,
      language: remnant,
      format: remnant,
      code: remnant,
      indexNo: remnant,
      validity: remnant,
      disclosure: remnant,
      chart: remnant,
      orientation: remnant,
      stacking: remnant,
      style: remnant,
      theme: remnant,
      form: remnant,
      columns: [remnant, remnant],
    };
    expect(scrapeDamageIssues(machine)).to.deep.equal([]);
    // a directory's column tree sits under `columns` too: its names are prose
    expect(paths(scrapeDamageIssues({ columns: [{ id: 'gz', name: '规章宸/p>', children: [{ id: 'a', name: '子栏目、/li>' }] }] }))).to.deep.equal([
      '/columns/0/name',
      '/columns/0/children/0/name',
    ]);
    // prose keys that merely look like machine ones are walked
    for (const key of ['title', 'docNo', 'name', 'label', 'heading', 'number', 'text', 'keywords', 'summary', 'before', 'after', 'unit']) {
      expect(isMachineKey(key), key).to.equal(false);
    }
  });

  it('escapes keys in the pointers as JSON Pointer does (~0, ~1), and prefixes `at`', () => {
    const found = scrapeDamageIssues({ 'a/b': { '~c': ['x', '内宸/p>'] } }, '/entries/7');
    expect(found.map((i) => i.path)).to.deep.equal(['/entries/7/a~1b/~0c/1']);
    expect(paths(scrapeDamageIssues('一段文字、/p>'))).to.deep.equal(['']);
  });

  it('leaves out the subtrees given in `skip`', () => {
    const value = { policy: { title: '标题宸/p>' }, related: [{ title: '一宸/p>' }, { title: '二宸/p>' }], title: '三宸/p>' };
    expect(paths(scrapeDamageIssues(value, '', ['/policy', '/related/0']))).to.deep.equal(['/related/1/title', '/title']);
  });

  it('takes a remnant quoted as an example for what it is, not for damage', () => {
    expect(scrapeDamageIssues('所据网页文本有编码损坏（如“宸/p>”“、/td>”）。')).to.deep.equal([]);
    expect(scrapeDamageIssues('未修复编码损坏（如“、/td>”“外资夃/td>”），用来查看。')).to.deep.equal([]);
    expect(scrapeDamageIssues('示例「内宸/p>」')).to.deep.equal([]);
    // real damage beside a quoted example still counts, and only it
    const [found] = scrapeDamageIssues('如“宸/p>”所示，方案内宸/p>');
    expect(found?.params).to.deep.equal({ count: 1, sample: '，方案内宸/p>' });
    // a remnant after a quote that closed long before is not quoted
    expect(scrapeDamageIssues('“紧扣”二字之后的一大段很长的文字内容宸/p>”')).to.have.length(1);
  });
});

describe('scrape-damage in every kind', () => {
  it('a policy: the same paths as before, and nothing on machine fields', () => {
    const doc = { ...structuredClone(samples.shandong), summary: '概述宸/p>', keyPoints: ['要点、/li>'], indexNo: samples.shandong.indexNo };
    expect(paths(warningsOf('policy', doc))).to.deep.equal(['/summary', '/keyPoints/0']);
  });

  it('an interpretation: its sections, changes, FAQ and glossary, at their pointers', () => {
    const doc = fullInterpretation();
    doc.background = [{ type: 'paragraph', text: '背景依据宸/p>' }];
    doc.standards = [{ type: 'table', head: ['事项', '时限'], rows: [['解读材料发布', '3个工作日内、/td>']] }];
    doc.changes!.items![0]!.after = '文件公布后3个工作日内发布解读、/p>';
    doc.faq![0]!.answer = '答复?ldquo;谁起草、谁解读&rdquo;';
    doc.glossary![1]!.definition = '对政策作出说明、/p>';
    expect(paths(warningsOf('interpretation', doc))).to.deep.equal([
      '/background/0/text',
      '/standards/0/rows/0/1',
      '/glossary/1/definition',
      '/changes/items/0/after',
      '/faq/0/answer',
    ]);
  });

  it('an interpretation: its embedded policy and related policies warn once, under their paths', () => {
    const doc = seedInterpretation();
    doc.policy!.summary = '概述宸/p>';
    const related = doc.related![0]!;
    expect('type' in related, 'the seed embeds its first related policy').to.equal(true);
    (related as { title: string }).title = '相关文件、/p>';
    doc.title = '解读标题、/p>';
    const found = warningsOf('interpretation', doc);
    expect(found.map((i) => i.path).sort()).to.deep.equal(['/policy/summary', '/related/0/title', '/title']);
  });

  it('an infographic: a block’s text, list items, table cells, chart names — at their pointers', () => {
    const doc = fullInfographic();
    const at = (type: string) => doc.blocks.findIndex((b) => b.type === type);
    const list = at('list');
    const table = at('table');
    const chart = at('chart');
    const blocks = structuredClone(doc.blocks) as unknown as Record<string, unknown>[];
    (blocks[list]!.items as string[])[0] = '一项、/li>';
    ((blocks[table]!.rows as unknown[][])[0] as string[])[1] = '综合处宣/td>';
    (blocks[chart]!.categories as string[])[0] = '分类、/td>';
    const found = warningsOf('infographic', { ...doc, subtitle: '副标题?ldquo;', blocks });
    expect(paths(found).sort()).to.deep.equal([`/blocks/${chart}/categories/0`, `/blocks/${list}/items/0`, `/blocks/${table}/rows/0/1`, '/subtitle'].sort());
  });

  it('a comparison: a version’s whole text and a clause’s text and heading, not ids or references', () => {
    const byText = comparisonOf([
      { id: 'v1', label: '2019年版', text: '一、总体要求\n（一）坚持公开为常态、/p>\n二、主要任务' },
      { id: 'v2', label: '2021年版', text: '一、总体要求\n（一）坚持公开为常态。' },
    ]);
    const found = warningsOf('comparison', byText);
    expect(paths(found)).to.deep.equal(['/versions/0/text']);
    expect(found[0]!.params).to.deep.equal({ count: 1, sample: '开为常态、/p>' });

    const byClauses = comparisonSample('clauseList') as ComparisonDocument;
    byClauses.versions[1]!.clauses![0]!.text = '条款内容宸/p>';
    byClauses.versions[1]!.clauses![1]!.heading = '【适用范围、/b>';
    byClauses.notes![0]!.text = '修改说明?ldquo;';
    expect(paths(warningsOf('comparison', byClauses))).to.deep.equal(['/versions/1/clauses/0/text', '/versions/1/clauses/1/heading', '/notes/0/text']);
  });

  it('a directory entry: its title, 发文字号, issuer, keywords and summary, inside the per-entry check', () => {
    const entry = structuredClone(directorySeeds.entries[1]) as Record<string, unknown>;
    entry.title = '关于印?021年政务公开工作要点的通知';
    entry.docNo = '国办发?021?2号';
    entry.summary = '概述重大风险、/div>';
    entry.keywords = ['政务公开', '要点、/li>'];
    entry.issuer = { name: '济南市市场监督管理局、/p>' };
    const found = checkDirectoryEntry(entry, 12);
    expect(paths(found).sort()).to.deep.equal(['/entries/12/docNo', '/entries/12/issuer/name', '/entries/12/keywords/1', '/entries/12/summary', '/entries/12/title']);
    expect(found.every((i) => i.severity === 'warning')).to.equal(true);
    // machine fields of an entry stay quiet: columns, url, dates, indexNo
    expect(paths(checkDirectoryEntry({ ...structuredClone(directorySeeds.entries[1]), columns: ['gz'] }, 0))).to.deep.equal([]);
  });

  it('a directory shell: its title and column names, never its entries (they are checked one by one)', () => {
    const doc = structuredClone(directorySeeds) as unknown as DirectoryDocument;
    doc.title = '政府信息公开目录、/p>';
    doc.columns = [{ id: 'gz', name: '规章宸/p>' }];
    doc.entries = [{ ...doc.entries![1]!, title: '条目标题宸/p>', columns: ['gz'] }];
    expect(paths(checkDirectoryShell(doc).issues)).to.deep.equal(['/title', '/columns/0/name']);
    // the whole-document check (the demo's) leaves the entries to checkDirectoryEntry as well
    expect(paths(checkDocument('directory', doc).issues)).to.deep.equal(['/title', '/columns/0/name']);
  });

  it('says where, how many and what, through msg(), the same for every kind', () => {
    const [infographicWarning] = scrapeDamageIssues({ blocks: [{ type: 'note', text: '注释内容宸/p>' }] });
    const message = withLocale('zh-CN', () => localizeIssue(infographicWarning!, 'infographic').message);
    expect(message).to.contain('疑似网页转码损坏');
    expect(message).to.contain('1 处');
    expect(message).to.contain('“注释内容宸/p>”');
    expect(message, 'only the reader repairs: the message does not promise it').not.to.contain('阅读模式');
  });
});

describe('scrape-damage: no false alarms on the real samples', () => {
  const clean: [DocumentKind, string, unknown][] = [
    ['policy', 'policy-000', policy000],
    ['policy', 'policy-001', policy001],
    ['policy', 'policy-002', policy002],
    ['policy', 'policy-003 (repaired by hand)', policy003],
    ['policy', 'policy-004', policy004],
    ['policy', 'reader-000', reader000],
    ['interpretation', 'interpretation-000', interpretation000],
    ['interpretation', 'interpretation-004', interpretation004],
    ['interpretation', 'interpretation-late', interpretationLate],
    ['infographic', 'infographic-002', infographic002],
    ['infographic', 'infographic-003 (quotes the damage it repaired)', infographic003],
    ['infographic', 'infographic-004', infographic004],
    ['infographic', 'infographic-annual-report', infographicAnnual],
    ['comparison', 'comparison-000', comparison000],
    ['comparison', 'comparison-clause-list', comparisonClauseList],
    ['comparison', 'comparison-three-versions', comparisonThreeVersions],
    ['directory', 'directory-remote', directoryRemote],
  ];

  for (const [kind, name, doc] of clean) {
    it(`${name}: no scrape-damage warning`, () => {
      expect(paths(checkDocument(kind, doc).issues)).to.deep.equal([]);
    });
  }

  it('directory-seeds: none in the shell or any of its entries', () => {
    expect(paths(checkDirectoryShell(directorySeeds).issues)).to.deep.equal([]);
    directorySeeds.entries.forEach((entry, i) => expect(paths(checkDirectoryEntry(entry, i)), `entry ${i}`).to.deep.equal([]));
  });

  it('the test fixtures every element test uses are clean too', () => {
    expect(paths(checkDocument('interpretation', fullInterpretation() as InterpretationDocument).issues)).to.deep.equal([]);
    expect(paths(checkDocument('infographic', fullInfographic() as InfographicDocument).issues)).to.deep.equal([]);
    for (const name of Object.keys(samples)) expect(paths(checkDocument('policy', samples[name]).issues), name).to.deep.equal([]);
  });
});
