/** Chromium 86 is the oldest core among the domestic browsers we support (360, QQ, Sogou). */
export const TARGET = 'chrome86';

/** Public element entry points: one module per element. */
export const elements = {
  'policy-card': 'src/components/policy-card/policy-card.ts',
  interpretation: 'src/components/interpretation/interpretation.ts',
  infographic: 'src/components/infographic/infographic.ts',
};

/** Gzipped size budgets in bytes: each element alone with Lit and everything it needs inlined. */
export const budgets = {
  'zhengwu-elements.js': 92_000,
  'policy-card': 34_000,
  interpretation: 40_000,
  infographic: 68_000,
};
