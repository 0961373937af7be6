// Prettier: the layout of every source file (checked by `npm run lint`, part of `npm test`).
// Templates inside html`…`/css`…` are left as written: re-flowing them adds line breaks between inline
// elements, and in Chinese text a line break renders as a visible space.
export default {
  printWidth: 180,
  singleQuote: true,
  embeddedLanguageFormatting: 'off',
};
