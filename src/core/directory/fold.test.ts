import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { foldText, foldWithOffsets, foldedIncludes, matchRanges } from './fold.js';

describe('directory fold', () => {
  it('folds the four 发文字号 bracket and space forms to one', () => {
    const forms = ['鲁商字〔2019〕12号', '鲁商字[2019]12号', '鲁商字（2019）12号', '鲁商字 2019 12号', '鲁商字【2019】12号', '鲁商字［２０１９］１２号', '鲁商字(2019)12号'];
    for (const form of forms) expect(foldText(form), form).to.equal('鲁商字201912号');
  });

  it('makes full-width and half-width letters and digits, and case, the same', () => {
    expect(foldText('ＡＢＣ１２３ａｂｃ')).to.equal('abc123abc');
    expect(foldText('11370100MB28696235/2020-00757')).to.equal('11370100mb28696235/2020-00757');
    expect(foldText('１１３７０１００ＭＢ２８６９６２３５／２０２０－００７５７')).to.equal('11370100mb28696235/2020-00757');
    expect(foldText('，：；！？')).to.equal(',:;!?');
    expect(foldText('政务\u3000公开\t\n工作')).to.equal('政务公开工作');
  });

  it('leaves text that needs no folding as it is, surrogate pairs included', () => {
    const s = '关于印发《𠀀𠀁办法》的通知';
    expect(foldText(s)).to.equal(s);
  });

  it('is idempotent, and foldWithOffsets agrees with foldText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const f = foldText(s);
        expect(foldText(f)).to.equal(f);
        const { folded, starts } = foldWithOffsets(s);
        expect(folded).to.equal(f);
        expect(starts.length).to.equal(f.length);
        starts.forEach((at, i) => expect(foldText(s[at])).to.equal(f[i]));
      }),
      { numRuns: 300 },
    );
  });

  it('maps matches back to ranges of the original text, across removed brackets', () => {
    const text = '鲁商字〔2019〕12号 和 鲁商字[2019]12号';
    const ranges = matchRanges(text, '2019 12');
    expect(ranges.map(([a, b]) => text.slice(a, b))).to.deep.equal(['2019〕12', '2019]12']);
    expect(matchRanges('ＡＢＣ', 'b').map(([a, b]) => 'ＡＢＣ'.slice(a, b))).to.deep.equal(['Ｂ']);
    expect(matchRanges('政务公开', '   ')).to.deep.equal([]);
    expect(matchRanges('政务公开', '财政')).to.deep.equal([]);
  });

  it('checks a folded query against unfolded text (the slow path of verification)', () => {
    expect(foldedIncludes('鲁商字〔2019〕12号', '201912')).to.equal(true);
    expect(foldedIncludes('鲁商字〔2019〕12号', '201913')).to.equal(false);
    expect(foldedIncludes('ＭＢ２８', 'mb28')).to.equal(true);
  });
});
