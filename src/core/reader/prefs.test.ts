import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clampPrefs, defaultPrefs, effectivePrefs, elderlyChoice, parseStoredPrefs, PREF_RANGES, PREFS_KEY, serializePrefs, stepTextScale, TEXT_SCALES } from './prefs.js';
import type { ReaderPrefs } from './prefs.js';

const plain = { prefersContrast: false, prefersDark: false, reducedMotion: false };
const base = defaultPrefs(plain);

/** every field in its type and range */
function expectValid(p: ReaderPrefs) {
  for (const [key, [min, max]] of Object.entries(PREF_RANGES)) {
    const v = p[key as keyof typeof PREF_RANGES];
    expect(Number.isFinite(v) && v >= min && v <= max, `${key} = ${v}`).to.equal(true);
  }
  expect(['default', 'hei', 'song', 'kai']).to.include(p.font);
  expect(['default', 'sepia', 'dark', 'contrast-black', 'contrast-white']).to.include(p.colorTheme);
  expect(['original', 'hant']).to.include(p.script);
  for (const key of ['elderly', 'pointRead', 'ruler', 'crosshair', 'caption', 'largeCursor', 'pinyin'] as const) expect(p[key], key).to.be.a('boolean');
  expect(p.voice).to.be.a('string');
  expect(Object.keys(p).sort()).to.deep.equal(Object.keys(base).sort());
}

describe('reader prefs', () => {
  it('defaults follow prefers-contrast and prefers-color-scheme, within every range', () => {
    expect(PREFS_KEY).to.equal('zw-reader:v1');
    expectValid(base);
    expect(base.colorTheme).to.equal('default');
    expect(base.textScale).to.equal(1);
    expect(base.lineHeight, '适老化: line spacing ≥ 1.3').to.be.at.least(1.3);
    expect(base.paragraphSpacing).to.be.at.least(1.3);
    expect(base.lineWidth, '~40 characters a line for CJK').to.be.at.most(80);
    expect(defaultPrefs({ ...plain, prefersDark: true }).colorTheme).to.equal('dark');
    expect(defaultPrefs({ ...plain, prefersContrast: true }).colorTheme).to.equal('contrast-white');
    expect(defaultPrefs({ ...plain, prefersContrast: true, prefersDark: true }).colorTheme).to.equal('contrast-black');
    expect(defaultPrefs({ ...plain, reducedMotion: true })).to.deep.equal(base);
  });

  it('clamps numbers and falls back per field on anything wrong', () => {
    const p = clampPrefs(
      {
        textScale: 9,
        lineHeight: 0.5,
        letterSpacing: -1,
        paragraphSpacing: 2,
        lineWidth: 200,
        rate: 0.1,
        font: 'comic',
        colorTheme: 'sepia',
        elderly: 'yes',
        ruler: true,
        voice: 42,
        script: 'hant',
        extra: 1,
      },
      base,
    );
    expect(p).to.deep.equal({
      ...base,
      textScale: 3,
      lineHeight: 1.3,
      letterSpacing: 0,
      paragraphSpacing: 2,
      lineWidth: 80,
      rate: 0.5,
      colorTheme: 'sepia',
      ruler: true,
      script: 'hant',
    });
    expect(clampPrefs({ textScale: NaN, lineHeight: Infinity, rate: '1.5' }, base)).to.deep.equal(base);
    for (const junk of [null, undefined, 42, 'x', [], [1, 2]]) expect(clampPrefs(junk, base), String(junk)).to.deep.equal(base);
    // prototype keys are not preferences
    expect(clampPrefs(JSON.parse('{"__proto__": {"textScale": 2}}'), base).textScale).to.equal(1);
    expect(clampPrefs(Object.create({ textScale: 2 }), base).textScale).to.equal(1);
  });

  it('any input gives valid prefs (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(fc.constantFrom(...Object.keys(base)), fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null))), (a, b) => {
        expectValid(clampPrefs(a, base));
        expectValid(clampPrefs(b, base));
      }),
    );
  });

  it('stores only what changed, versioned, and reads it back; other versions and junk count as nothing stored', () => {
    const changed = { textScale: 2, colorTheme: 'contrast-black' as const, ruler: true };
    const raw = serializePrefs(changed);
    expect(JSON.parse(raw)).to.deep.equal({ v: 1, prefs: changed });
    expect(parseStoredPrefs(raw, base)).to.deep.equal({ prefs: { ...base, ...changed }, stored: changed });
    const attrs = { ...base, lineHeight: 2.2 };
    expect(parseStoredPrefs(raw, attrs).prefs.lineHeight, 'a field not stored keeps its base (the attribute)').to.equal(2.2);
    expect(serializePrefs({ textScale: 7, font: 'x' as never })).to.equal('{"v":1,"prefs":{"textScale":3}}');
    for (const junk of [
      null,
      '',
      'not json',
      '{',
      '42',
      'null',
      '[]',
      '{"v":2,"prefs":{"textScale":2}}',
      '{"prefs":{"textScale":2}}',
      '{"v":"1","prefs":{"textScale":2}}',
      '{"v":1,"prefs":"x"}',
    ]) {
      expect(parseStoredPrefs(junk, base), String(junk)).to.deep.equal({ prefs: base, stored: {} });
    }
    expect(parseStoredPrefs('{"v":1,"prefs":{"textScale":"big","rate":1.5}}', base).stored, 'valid fields of a partly broken record').to.deep.equal({ rate: 1.5 });
  });

  it('round-trips any valid change (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (a) => {
        const stored = parseStoredPrefs(serializePrefs(clampPrefs(a, base)), base);
        expect(stored.prefs).to.deep.equal(clampPrefs(a, base));
      }),
    );
  });

  it('steps the text size through TEXT_SCALES and stays within 100–300 %', () => {
    expect(TEXT_SCALES).to.deep.equal([1, 1.25, 1.5, 1.75, 2, 2.5, 3]);
    const up: number[] = [];
    for (let s = 1, i = 0; i < 8; i++) up.push((s = stepTextScale(s, 1)));
    expect(up).to.deep.equal([1.25, 1.5, 1.75, 2, 2.5, 3, 3, 3]);
    const down: number[] = [];
    for (let s = 3, i = 0; i < 8; i++) down.push((s = stepTextScale(s, -1)));
    expect(down).to.deep.equal([2.5, 2, 1.75, 1.5, 1.25, 1, 1, 1]);
    expect(stepTextScale(1.1, 1), 'between steps: the next one up').to.equal(1.25);
    expect(stepTextScale(1.1, -1)).to.equal(1);
    expect(stepTextScale(2.2, -1)).to.equal(2);
    expect(stepTextScale(NaN, 1)).to.equal(1);
  });

  it('elderly mode (适老化) raises text, spacing and contrast, keeping larger choices and chosen themes', () => {
    expect(effectivePrefs(base)).to.equal(base);
    const elderly = effectivePrefs({ ...base, elderly: true });
    expect(elderly).to.deep.include({ textScale: 1.5, lineHeight: 1.8, paragraphSpacing: 1.5, colorTheme: 'contrast-white', elderly: true });
    expect(effectivePrefs({ ...base, elderly: true, textScale: 2.5, lineHeight: 2.2, paragraphSpacing: 2.5, colorTheme: 'sepia' })).to.deep.include({
      textScale: 2.5,
      lineHeight: 2.2,
      paragraphSpacing: 2.5,
      colorTheme: 'sepia',
    });
    expect(effectivePrefs({ ...base, elderly: true, colorTheme: 'contrast-black' }).colorTheme).to.equal('contrast-black');
    expect(base.elderly, 'not mutated').to.equal(false);
  });

  it('指读 (pointRead) is a preference of its own: off by default, validated, stored; choosing elderly mode turns it on with it', () => {
    expect(base.pointRead).to.equal(false);
    expect(clampPrefs({ pointRead: true }, base).pointRead).to.equal(true);
    for (const junk of ['yes', 1, null]) expect(clampPrefs({ pointRead: junk }, base).pointRead, String(junk)).to.equal(false);
    expect(parseStoredPrefs(serializePrefs({ pointRead: true }), base).stored).to.deep.equal({ pointRead: true });
    expect(elderlyChoice(true)).to.deep.equal({ elderly: true, pointRead: true });
    expect(elderlyChoice(false)).to.deep.equal({ elderly: false, pointRead: false });
    // elderly mode does not force it: 指读 off in elderly mode stays off
    expect(effectivePrefs({ ...base, elderly: true, pointRead: false }).pointRead).to.equal(false);
  });
});
