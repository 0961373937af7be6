// node --test: the build's css`` minifier keeps what CSS means.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyCssLiterals } from '../../scripts/css-literals.mjs';

test('drops comments and the spaces around { } ; ,', () => {
  assert.equal(minifyCss('\n  /* why */\n  .a,\n  .b {\n    color: red;\n    margin: 0 1em;\n  }\n').trim(), '.a,.b{color: red;margin: 0 1em}');
});

test('keeps quoted text, descendant pseudo-classes and calc() spacing', () => {
  assert.equal(minifyCss(".x a::after { content: ' (' attr(href) ')'; }"), ".x a::after{content: ' (' attr(href) ')'}");
  assert.equal(minifyCss('.a :focus { width: calc(100% - 2em); }'), '.a :focus{width: calc(100% - 2em)}');
  assert.equal(minifyCss('a[title="x  ,  y"] { }'), 'a[title="x  ,  y"]{}');
});

test('keeps the space between text and a ${…} beside it', () => {
  assert.equal(minifyCssLiterals('css`\n  .a { margin: 0 ${gap}; }\n`'), 'css`.a{margin: 0 ${gap}}`');
});

test('rewrites only css`` templates and leaves ${…} as written', () => {
  const source = 'const a = css`\n  .a {  color: ${unsafeCSS(`x  y`)}; }\n`;\nconst b = html`<p>  x  </p>`;';
  assert.equal(minifyCssLiterals(source), 'const a = css`.a{color: ${unsafeCSS(`x  y`)}}`;\nconst b = html`<p>  x  </p>`;');
});
