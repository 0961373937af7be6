// Pre-rendered elements (src/ssr: declarative shadow DOM) upgrade in place instead of rendering again. Lit's hydration
// support must be installed before LitElement is first evaluated, so every element module and the index import this
// module first, before anything that imports lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
