// Issues come from the validator's keyword, the schema and the data, never from
// @cfworker/json-schema's English error text. These tests pin, for every keyword the
// schemas use, the issue it becomes: a validator upgrade that changes which keyword
// or location it reports fails here, loudly.
import { expect } from '@open-wc/testing';
import '../core/rules/policy.js';
import '../core/rules/interpretation.js';
import '../core/rules/infographic.js';
import { sample } from '../test-support/samples.js';
import { fullInterpretation } from '../test-support/interpretation-fixture.js';
import commonSchema from './common.schema.json' with { type: 'json' };
import policySchema from './policy.schema.json' with { type: 'json' };
import interpretationSchema from './interpretation.schema.json' with { type: 'json' };
import infographicSchema from './infographic.schema.json' with { type: 'json' };
import comparisonSchema from './comparison.schema.json' with { type: 'json' };
import directorySchema from './directory.schema.json' with { type: 'json' };
import { HANDLED_KEYWORDS, validateSchema, type DocumentKind } from './validate.js';

type Schema = Record<string, unknown>;
/** Keywords that carry subschemas, and how: one schema, a list, or a map of them. */
const SUBSCHEMAS: Record<string, 'one' | 'list' | 'map'> = {
  items: 'one',
  additionalProperties: 'one',
  if: 'one',
  then: 'one',
  else: 'one',
  not: 'one',
  allOf: 'list',
  anyOf: 'list',
  oneOf: 'list',
  prefixItems: 'list',
  properties: 'map',
  patternProperties: 'map',
  $defs: 'map',
};
/** Keywords that never fail: annotations, references, structure. */
const NEVER_FAIL = new Set(['$schema', '$id', '$ref', '$defs', 'title', 'description', 'examples', 'tsType', 'x-zw-code', 'properties', 'items', 'allOf', 'if', 'then', 'else']);

function keywordsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (!node || typeof node !== 'object') return found;
  for (const [keyword, value] of Object.entries(node)) {
    found.add(keyword);
    const kind = SUBSCHEMAS[keyword];
    if (kind === 'one') keywordsOf(value, found);
    else if (kind === 'list') (value as unknown[]).forEach((v) => keywordsOf(v, found));
    else if (kind === 'map') Object.values(value as Schema).forEach((v) => keywordsOf(v, found));
  }
  return found;
}

const issues = (kind: DocumentKind, data: unknown) => validateSchema(kind, data).map(({ path, code, params }) => (params ? { path, code, params } : { path, code }));
const infographic = (blocks: unknown[]) => ({ type: 'infographic', schemaVersion: 1, title: '图解', issuer: { name: '某局' }, publishDate: '2024-01-02', blocks });

describe('validator keywords → issues', () => {
  it('the schemas use no validation keyword that is not turned into an issue', () => {
    const used = new Set<string>();
    for (const schema of [commonSchema, policySchema, interpretationSchema, infographicSchema, comparisonSchema, directorySchema]) keywordsOf(schema, used);
    expect(used).to.include('minimum').and.include('anyOf'); // the walk reaches nested schemas
    const failing = [...used].filter((k) => !NEVER_FAIL.has(k));
    // a keyword added to a schema needs its case in validate.ts toIssues and here
    expect(
      failing.filter((k) => !(HANDLED_KEYWORDS as readonly string[]).includes(k)),
      'unhandled keywords',
    ).to.deep.equal([]);
  });

  it('required: each missing field at its own path', () => {
    const doc = sample('jinan');
    delete doc.title;
    delete doc.issuer;
    expect(issues('policy', doc)).to.deep.equal([
      { path: '/title', code: 'required' },
      { path: '/issuer', code: 'required' },
    ]);
    expect(issues('policy', sample('jinan', { body: [{ type: 'heading' }] }))).to.deep.equal([{ path: '/body/0/text', code: 'required' }]); // inside if/then
  });

  it('additionalProperties: each unknown field at its own path', () => {
    expect(issues('policy', sample('jinan', { titel: 'x', 'a/b': 1, issuer: { name: '某局', phone: '1' } }))).to.have.deep.members([
      { path: '/titel', code: 'unknown-property' },
      { path: '/a~1b', code: 'unknown-property' },
      { path: '/issuer/phone', code: 'unknown-property' },
    ]);
  });

  it('type: the expected type(s) and the value', () => {
    expect(issues('policy', sample('jinan', { title: 42 }))).to.deep.equal([
      { path: '/title', code: 'wrong-type', params: { expected: 'string', value: 42, valueType: 'number' } },
    ]);
    const compare = { type: 'compare', title: '对比', items: [{ label: '时限', before: true, after: 3 }] };
    expect(issues('infographic', infographic([compare]))).to.deep.equal([
      { path: '/blocks/0/items/0/before', code: 'wrong-type', params: { expected: 'number,string', value: 'true', valueType: 'boolean' } },
    ]);
  });

  it('enum: the allowed values and the value', () => {
    expect(issues('policy', sample('jinan', { disclosure: 'public' }))).to.deep.equal([
      { path: '/disclosure', code: 'not-allowed-value', params: { allowed: 'proactive, on-request, withheld', value: 'public', valueType: 'string' } },
    ]);
  });

  it('const: the kind and version (checked first), and a nested const', () => {
    expect(issues('policy', sample('jinan', { type: 'interpretation' }))).to.deep.equal([
      { path: '/type', code: 'wrong-kind', params: { expected: 'policy', value: 'interpretation', valueType: 'string' } },
    ]);
    expect(issues('policy', sample('jinan', { schemaVersion: '1' }))).to.deep.equal([
      { path: '/schemaVersion', code: 'unsupported-version', params: { expected: 1, value: '1', valueType: 'string' } },
    ]);
    const doc = fullInterpretation();
    (doc.policy as unknown as Record<string, unknown>).schemaVersion = 2;
    expect(issues('interpretation', doc)).to.deep.equal([{ path: '/policy/schemaVersion', code: 'not-allowed-value', params: { allowed: '1', value: 2, valueType: 'number' } }]);
  });

  it('format and pattern: the code the schema names, and the value', () => {
    expect(issues('policy', sample('jinan', { publishDate: '2020-02-30' }))).to.deep.equal([
      { path: '/publishDate', code: 'invalid-date', params: { value: '2020-02-30', valueType: 'string' } },
    ]); // format
    expect(issues('policy', sample('jinan', { writtenDate: '2020/09/16' }))).to.deep.equal([
      { path: '/writtenDate', code: 'invalid-date', params: { value: '2020/09/16', valueType: 'string' } },
    ]); // pattern + format
    expect(issues('policy', sample('jinan', { url: 'javascript:x' }))).to.deep.equal([
      { path: '/url', code: 'unsafe-url', params: { value: 'javascript:x', valueType: 'string' } },
    ]); // x-zw-code
    expect(issues('policy', sample('jinan', { issuer: { name: '某局', code: 'abc' } }))).to.deep.equal([
      { path: '/issuer/code', code: 'bad-format', params: { value: 'abc', valueType: 'string' } },
    ]);
    expect(issues('policy', sample('jinan', { docNo: ' \t' }))).to.deep.equal([{ path: '/docNo', code: 'blank', params: { value: ' \\t', valueType: 'string' } }]);
  });

  it('minLength, minProperties, minItems: blank or too few', () => {
    expect(issues('policy', sample('jinan', { indexNo: '' }))).to.deep.equal([{ path: '/indexNo', code: 'blank', params: { min: 1 } }]);
    expect(issues('interpretation', fullInterpretation({ changes: {} }))).to.deep.equal([{ path: '/changes', code: 'blank' }]);
    expect(issues('interpretation', fullInterpretation({ background: [] }))).to.deep.equal([{ path: '/background', code: 'too-few-items', params: { min: 1, count: 0 } }]);
  });

  it('uniqueItems: the first repeated item, counted from 1', () => {
    expect(issues('policy', sample('jinan', { keywords: ['甲', '乙', '甲', '乙'] }))).to.deep.equal([{ path: '/keywords', code: 'duplicate-item', params: { value: 3 } }]);
  });

  it('minimum and maximum: the bounds the schema sets, and the value', () => {
    expect(issues('policy', sample('jinan', { attachments: [{ name: 'a', url: '/a', size: -1 }] }))).to.deep.equal([
      { path: '/attachments/0/size', code: 'out-of-range', params: { min: 0, value: -1, valueType: 'number' } },
    ]);
    expect(issues('policy', sample('jinan', { body: [{ type: 'heading', text: '一', level: 5 }] }))).to.deep.equal([
      { path: '/body/0/level', code: 'out-of-range', params: { min: 1, max: 4, value: 5, valueType: 'number' } },
    ]);
  });

  it('anyOf: one missing-one-of when every alternative only misses a field', () => {
    const doc = fullInterpretation();
    delete doc.policy;
    expect(issues('interpretation', doc)).to.deep.equal([{ path: '', code: 'missing-one-of', params: { fields: 'policy / policyUrl' } }]);
  });
});
