import { expect } from '@open-wc/testing';
import { diagnoseJson, issueRange, jsonErrorPlace, lineColumnOf, locateJson, type JsonErrorPlace } from './json.js';

/** The place and hint of the first syntax error; fails the test if the text parses. */
function mistake(text: string): JsonErrorPlace {
  let error: unknown;
  try {
    JSON.parse(text);
  } catch (e) {
    error = e;
  }
  expect(error, 'the text must not parse').to.be.instanceOf(SyntaxError);
  return jsonErrorPlace(text, error);
}

/** 1-based line and column of the first occurrence of `needle` (plus `shift` characters). */
function placeOf(text: string, needle: string, shift = 0) {
  const offset = text.indexOf(needle);
  expect(offset, `${needle} in the text`).to.be.greaterThan(-1);
  return { ...lineColumnOf(text, offset + shift), offset: offset + shift };
}

describe('core/json', () => {
  it('places a syntax error by line and column', () => {
    const text = '{\n  "a": 1,\n  "b": 2,,\n}';
    expect(mistake(text)).to.deep.include({ line: 3, column: 10, offset: 21, found: ',' });
    // whatever the engine says (or when it gives no position), the scanner finds the same place
    expect(jsonErrorPlace(text, new Error('Unexpected token'))).to.deep.include({ line: 3, column: 10, offset: 21 });
    expect(jsonErrorPlace(text)).to.deep.include({ line: 3, column: 10, offset: 21 });
  });

  it('gives no hint for a mistake it cannot name', () => {
    const unclosed = '{\n  "type": "policy",\n  "title": "关于印发通知"\n';
    expect(mistake(unclosed).hint).to.equal(undefined);
    // an unescaped straight quote inside a text is not a missing comma
    const innerQuote = '{\n  "title": "关于落实"五公开"的通知"\n}';
    expect(mistake(innerQuote)).to.deep.include({ ...placeOf(innerQuote, '五公开'), found: '五' });
    expect(mistake(innerQuote).hint).to.equal(undefined);
  });

  it('names Chinese quotes typed or autocorrected by Word', () => {
    // Word's "smart quotes" turn every straight quote into “ ”
    const word = '{\n  “type”: “policy”,\n  “title”: “关于印发《2020年济南市市场监督管理局政务公开工作要点》的通知”\n}';
    expect(mistake(word)).to.deep.include({ ...placeOf(word, '“type'), hint: 'chinese-quote', found: '“' });
    // only the value's quotes autocorrected
    const value = '{\n  "type": "policy",\n  "issuer": { "name": ”济南市市场监督管理局” }\n}';
    expect(mistake(value)).to.deep.include({ ...placeOf(value, '”济南'), hint: 'chinese-quote', found: '”' });
    // a straight quote opened the key, a Chinese one closed it: the key ran on to the next straight quote
    const key = '{\n  "type": "policy",\n  "title”: "关于印发通知"\n}';
    expect(mistake(key)).to.deep.include({ ...placeOf(key, '”:'), hint: 'chinese-quote', found: '”' });
    // a text closed by a Chinese quote runs on to the end of the line
    const closing = '{\n  "type": "policy",\n  "summary": "进一步做好政务公开工作”,\n  "validity": "effective"\n}';
    expect(mistake(closing)).to.deep.include({ ...placeOf(closing, '”,'), hint: 'chinese-quote', found: '”' });
    // single Chinese quotes
    const single = "{\n  ‘type’: 'policy'\n}";
    expect(mistake(single)).to.deep.include({ ...placeOf(single, '‘'), hint: 'chinese-quote', found: '‘' });
  });

  it('does not blame Chinese quotes that belong to the text', () => {
    const text = '{\n  "title": "关于落实“五公开”的通知",\n  "summary": "坚持“谁起草、谁解读”的原则"\n  "validity": "effective"\n}';
    // valid up to the missing comma after 原则”"
    expect(mistake(text)).to.deep.include({ ...placeOf(text, '原则"', 3), hint: 'missing-comma', found: '"' });
  });

  it('names full-width commas, colons and other full-width punctuation', () => {
    const comma = '{\n  "type": "policy"，\n  "schemaVersion": 1\n}';
    expect(mistake(comma)).to.deep.include({ ...placeOf(comma, '，'), hint: 'fullwidth-punctuation', found: '，' });
    const colon = '{\n  "type": "policy",\n  "title"：“关于印发通知”\n}';
    expect(mistake(colon)).to.deep.include({ ...placeOf(colon, '：'), hint: 'fullwidth-punctuation', found: '：' });
    const list = '{\n  "keywords": ["政务公开"、"工作要点"]\n}';
    expect(mistake(list)).to.deep.include({ ...placeOf(list, '、'), hint: 'fullwidth-punctuation', found: '、' });
    // 首行缩进 with full-width spaces, as Word indents a Chinese paragraph
    const indent = '{\n\u3000\u3000"type": "policy"\n}';
    expect(mistake(indent)).to.deep.include({ line: 2, column: 1, hint: 'fullwidth-punctuation', found: '\u3000' });
  });

  it('names a trailing comma and points at the comma', () => {
    const object = '{\n  "type": "policy",\n  "validity": "effective",\n}';
    expect(mistake(object)).to.deep.include({ ...placeOf(object, '"effective",', 11), hint: 'trailing-comma', found: ',' });
    const array = '{\n  "keyPoints": [\n    "全面推进决策、执行、管理、服务、结果公开",\n    "加强政策解读",\n  ]\n}';
    expect(mistake(array)).to.deep.include({ ...placeOf(array, '解读",', 3), hint: 'trailing-comma', found: ',' });
  });

  it('names a missing comma at the end of the previous line, not the start of the next', () => {
    const text = '{\n  "type": "policy",\n  "title": "关于印发通知"\n  "schemaVersion": 1\n}';
    const place = mistake(text);
    expect(place).to.deep.include({ line: 3, column: '  "title": "关于印发通知"'.length + 1, hint: 'missing-comma', found: '"' });
    // between two objects of a list
    const list = '{\n  "attachments": [\n    { "title": "附件1" }\n    { "title": "附件2" }\n  ]\n}';
    expect(mistake(list)).to.deep.include({ line: 3, column: '    { "title": "附件1" }'.length + 1, hint: 'missing-comma', found: '{' });
    // after a number, before an unquoted key on the next line
    const number = '{\n  "schemaVersion": 1\n  title: "x"\n}';
    expect(mistake(number)).to.deep.include({ line: 2, column: '  "schemaVersion": 1'.length + 1, hint: 'missing-comma', found: 't' });
  });

  it('names unquoted keys', () => {
    const text = '{\n  type: "policy",\n  "schemaVersion": 1\n}';
    expect(mistake(text)).to.deep.include({ ...placeOf(text, 'type'), hint: 'unquoted-key', found: 't' });
    const chinese = '{\n  "type": "policy",\n  标题: "关于印发通知"\n}';
    expect(mistake(chinese)).to.deep.include({ ...placeOf(chinese, '标题'), hint: 'unquoted-key', found: '标' });
  });

  it('names single quotes', () => {
    const value = '{\n  "type": \'policy\'\n}';
    expect(mistake(value)).to.deep.include({ ...placeOf(value, "'policy"), hint: 'single-quote', found: "'" });
    const key = '{\n  \'type\': "policy"\n}';
    expect(mistake(key)).to.deep.include({ ...placeOf(key, "'type"), hint: 'single-quote', found: "'" });
  });

  it('says nothing about valid JSON', () => {
    expect(diagnoseJson('{"title": "关于落实“五公开”的通知"}')).to.equal(undefined);
  });

  it('locates every value by JSON Pointer', () => {
    const text = '{"title": "x", "list": [1, {"k": true}]}';
    const { spans } = locateJson(text);
    expect(text.slice(spans!.get('/title')!.start, spans!.get('/title')!.end)).to.equal('"x"');
    expect(text.slice(spans!.get('/list/1/k')!.start, spans!.get('/list/1/k')!.end)).to.equal('true');
    expect(spans!.get('/title')!.keyStart).to.equal(1);
    expect(locateJson('{"a": }').errorAt).to.equal(6);
  });

  it('locates an issue: the field with its key; a missing top-level field on the first line', () => {
    const text = '{\n  "type": "policy",\n  "issuer": {\n    "code": "11370100MB28696235"\n  }\n}\n';
    const spans = locateJson(text).spans!;
    const type = issueRange(text, spans, '/type');
    expect(text.slice(type.start, type.end)).to.equal('"type": "policy"');
    const title = issueRange(text, spans, '/title');
    expect(lineColumnOf(text, title.start).line).to.equal(1);
    expect(title).to.deep.equal({ start: 0, end: 1 });
    // a missing field of a nested object: the line that opens that object
    const name = issueRange(text, spans, '/issuer/name');
    expect(text.slice(name.start, name.end)).to.equal('"issuer": {');
    // the whole document
    expect(lineColumnOf(text, issueRange(text, spans, '').start).line).to.equal(1);
  });
});
