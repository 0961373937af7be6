import { expect } from '@open-wc/testing';
import { contrastRatio, parseCssColor, relativeLuminance } from './contrast.js';
import { COLOR_THEMES, READER_THEMES } from './themes.js';

describe('contrast', () => {
  it('parses the colours getComputedStyle writes and hex', () => {
    expect(parseCssColor('rgb(31, 31, 31)')).to.deep.equal([31, 31, 31, 1]);
    expect(parseCssColor('rgba(0, 0, 0, 0)')).to.deep.equal([0, 0, 0, 0]);
    expect(parseCssColor('rgba(255, 255, 0, 0.5)')).to.deep.equal([255, 255, 0, 0.5]);
    expect(parseCssColor('rgb(0 0 0 / 50%)')).to.deep.equal([0, 0, 0, 0.5]);
    expect(parseCssColor('  #FFF ')).to.deep.equal([255, 255, 255, 1]);
    expect(parseCssColor('#f5ecd7')).to.deep.equal([245, 236, 215, 1]);
    expect(parseCssColor('#00000080')).to.deep.equal([0, 0, 0, 0.502]);
    for (const bad of ['', 'red', '#ggg', '#12345', 'rgb(1, 2)', 'rgb(300, 0, 0)', 'rgba(0, 0, 0, 2)', 'hsl(0, 0%, 0%)']) expect(parseCssColor(bad), bad).to.equal(undefined);
  });

  it('computes WCAG luminance and ratios', () => {
    expect(relativeLuminance([255, 255, 255])).to.be.closeTo(1, 1e-9);
    expect(relativeLuminance([0, 0, 0])).to.equal(0);
    expect(contrastRatio('#000', '#fff')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#fff', '#000'), 'symmetric').to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio('#595959', '#ffffff')).to.be.closeTo(7.0, 0.01);
    expect(contrastRatio('rgb(255, 255, 0)', [0, 0, 0])).to.be.closeTo(19.56, 0.01);
    expect(() => contrastRatio('nope', '#fff')).to.throw();
  });
});

describe('reader themes', () => {
  it('has the five themes, colours as #rrggbb', () => {
    expect(Object.keys(READER_THEMES)).to.deep.equal([...COLOR_THEMES]);
    expect(COLOR_THEMES).to.deep.equal(['default', 'sepia', 'dark', 'contrast-black', 'contrast-white']);
    for (const [name, theme] of Object.entries(READER_THEMES)) {
      for (const [token, value] of Object.entries(theme)) if (token !== 'scheme') expect(value, `${name}.${token}`).to.match(/^#[0-9a-f]{6}$/);
    }
    expect(READER_THEMES.dark.scheme).to.equal('dark');
    expect(READER_THEMES['contrast-black'].scheme).to.equal('dark');
    for (const light of ['default', 'sepia', 'contrast-white'] as const) expect(READER_THEMES[light].scheme).to.equal('light');
  });

  it('looks like its name', () => {
    const lum = (c: string) => relativeLuminance(parseCssColor(c)!);
    const [r, g, b] = parseCssColor(READER_THEMES.sepia.surface)!;
    expect(r > g && g > b && lum(READER_THEMES.sepia.surface) > 0.7, 'sepia: warm paper').to.equal(true);
    expect(lum(READER_THEMES.dark.surface), 'dark: near-black surface').to.be.below(0.02);
    expect(READER_THEMES['contrast-black']).to.deep.include({ surface: '#000000', text: '#ffff00' });
    expect(READER_THEMES['contrast-white']).to.deep.include({ surface: '#ffffff', text: '#000000' });
    const [lr, lg, lb] = parseCssColor(READER_THEMES['contrast-black'].link)!;
    expect(lr < 80 && lg > 200 && lb > 200, 'links cyan on black').to.equal(true);
    const [wr, wg, wb] = parseCssColor(READER_THEMES['contrast-white'].link)!;
    expect(wb > 120 && wr < 60 && wg < 60, 'links dark blue on white').to.equal(true);
  });

  for (const name of COLOR_THEMES) {
    it(`${name}: body ≥ 7:1, muted/link/primary/focus ≥ 4.5:1 on surface and subtle, the sentence read ≥ 7:1`, () => {
      const t = READER_THEMES[name];
      for (const ground of ['surface', 'subtle'] as const) {
        expect(contrastRatio(t.text, t[ground]), `text on ${ground}`).to.be.at.least(7);
        for (const token of ['muted', 'link', 'primary', 'focus'] as const) expect(contrastRatio(t[token], t[ground]), `${token} on ${ground}`).to.be.at.least(4.5);
      }
      expect(contrastRatio(t.markText, t.mark), 'markText on mark').to.be.at.least(7);
      // the sentence being read must stand out from the page, not only by its text colour
      expect(t.mark).to.not.equal(t.surface);
      if (name !== 'default') expect(contrastRatio(t.border, t.surface), 'borders visible').to.be.at.least(name === 'sepia' ? 1.5 : 2.5);
    });
  }
});
