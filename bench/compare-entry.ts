// The code scripts/bench-compare.mjs runs in Chromium, bundled by Vite the way the elements are
// (target chrome86, minified): the generator of the 1,000-clause pair, the comparison under test and
// the two whole-text diff engines it is measured against.
export { generateComparison, measureAccuracy } from '../src/test-support/comparison-generator.js';
export { compareVersions, versionClauses } from '../src/core/compare/compare.js';
export { diffChars } from 'diff';
export { default as DiffMatchPatch } from 'diff-match-patch';
