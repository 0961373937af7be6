// Lit's css`` templates ship as written: indentation, line breaks and comments are about a fifth of an
// element's gzipped CSS. This Vite plugin minifies them in the built bundles only (tests and the dev
// server run the source). It is deliberately small and conservative: comments go, whitespace runs
// become one space, and the spaces around { } ; , go — never inside quotes (content: ' (' stays),
// never before a colon (`.a :focus` is not `.a:focus`), never inside ${…}.
// html`` templates are left alone: a line break between inline elements is a visible space in Chinese text.

/** Minifies the static text of one css`` template. */
export function minifyCss(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const stop = end === -1 ? text.length : end + 1;
      out += text.slice(i, stop);
      i = stop - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (/\s/.test(c)) {
      while (i + 1 < text.length && /\s/.test(text[i + 1])) i++;
      if (!/[{};,]$/.test(out)) out += ' ';
    } else if (/[{};,]/.test(c)) {
      out = out.replace(/ $/, '') + c;
    } else out += c;
  }
  // a space at either end stays: it may separate the text from a ${…} beside it (`margin: 0 ${x}`)
  return out.replace(/;}/g, '}');
}

/** Rewrites every css`…` template in `code`, keeping its ${…} expressions as they are. */
export function minifyCssLiterals(code) {
  let result = '';
  let from = 0;
  const start = /\bcss`/g;
  for (let match; (match = start.exec(code));) {
    const open = match.index + match[0].length;
    // the template's end, stepping over ${…} (which may hold braces and strings of their own)
    const parts = [];
    let i = open;
    let text = '';
    for (; i < code.length && code[i] !== '`'; i++) {
      if (code[i] === '\\') {
        text += code[i] + code[i + 1];
        i++;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        let depth = 0;
        let j = i + 1;
        for (; j < code.length; j++) {
          if (code[j] === '{') depth++;
          else if (code[j] === '}' && --depth === 0) break;
        }
        parts.push(minifyCss(text), code.slice(i, j + 1));
        text = '';
        i = j;
      } else text += code[i];
    }
    if (i >= code.length) break; // unterminated: leave the rest as it is
    parts.push(minifyCss(text));
    result += code.slice(from, open) + parts.join('').trim();
    from = i;
    start.lastIndex = i + 1;
  }
  return result + code.slice(from);
}

export function cssLiteralsPlugin() {
  return {
    name: 'zw-css-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts') || !code.includes('css`')) return null;
      return { code: minifyCssLiterals(code), map: null };
    },
  };
}
