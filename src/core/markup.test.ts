import { expect } from '@open-wc/testing';
import { escapeJsonForScript, escapeMarkup } from './markup.js';

describe('escapeMarkup', () => {
  it('escapes what could start markup or end an attribute', () => {
    expect(escapeMarkup(`<img src="x" onerror='y'>&amp;`)).to.equal('&lt;img src=&quot;x&quot; onerror=&#39;y&#39;&gt;&amp;amp;');
  });

  it('removes control characters and lone surrogates, keeps tabs, line breaks and whole pairs', () => {
    expect(escapeMarkup('a\u0000b\u0008c\td\ne\r\n\uFFFF')).to.equal('abc\td\ne\r\n');
    expect(escapeMarkup('𠀀𪚥👍🏽')).to.equal('𠀀𪚥👍🏽');
    expect(escapeMarkup('x\ud800y\udc00z')).to.equal('xyz');
  });

  it('gives text an XML parser accepts', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text>${escapeMarkup('\u0001<b>&\ud83d')}</text></svg>`;
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).to.equal(null);
    expect(parsed.querySelector('text')!.textContent).to.equal('<b>&');
  });
});

describe('escapeJsonForScript', () => {
  it('keeps JSON inside its script: no closing tag, no comment opener, and parses back to the same value', () => {
    const value = { summary: '</script><img src=x onerror=alert(1)><!-- </SCRIPT >', ok: '普通文字' };
    const escaped = escapeJsonForScript(JSON.stringify(value));
    expect(escaped).not.to.match(/<\/script|<!--/i);
    expect(JSON.parse(escaped)).to.deep.equal(value);
  });
});
