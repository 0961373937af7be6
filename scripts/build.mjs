// npm run build → dist/
//   zhengwu-elements.js   one file, Lit and everything inlined: <script type="module"> drop-in; what the reader
//                         loads only on demand (read-aloud, reading aids, the sanitizer, 简繁/拼音 and their tables)
//                         sits beside it in zhengwu-elements/*.js
//   index.js, policy-card.js, …  ES modules for bundlers; lit, @lit/* and other dependencies stay imports
//   autoload.js, autoload/ the autoloader: each zw-* element's module loaded the first time the tag appears
//   types/                TypeScript declarations
//   schemas/*.schema.json the data contract, for CMS back ends in any language
//   custom-elements.json  (written by `npm run analyze`)
//   server.js             the directory's reference search server (Node)
//   cli.js                `npx zhengwu-elements validate|render <file.json|dir>…` for CMS publishing steps (Node; package.json `bin`)
//   ssr.js                `render(document, options)`: pre-rendered HTML with declarative shadow DOM (Node, @lit-labs/ssr)
import { build } from 'vite';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

import { TARGET, elements } from './build-config.mjs';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { sideEffectsPlugin } from './side-effects.mjs';

const pkg = JSON.parse((await import('node:fs')).readFileSync(`${root}package.json`, 'utf8'));
const peers = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
const isExternal = (id) => peers.some((dep) => id === dep || id.startsWith(`${dep}/`));

const common = {
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [schemaRuntimePlugin(), cssLiteralsPlugin()],
  build: { target: TARGET, outDir: dist, emptyOutDir: false, minify: true, sourcemap: true },
};

// 1. Bundler build: one module per element plus the index; shared code in chunks.
await build({
  ...common,
  plugins: [...common.plugins, sideEffectsPlugin({ outDir: dist })],
  build: {
    ...common.build,
    lib: { entry: { index: 'src/index.ts', ...elements }, formats: ['es'] },
    rolldownOptions: { external: isExternal, output: { chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});

// 2. Drop-in: everything a page needs up front in one file, no bare imports. What <zw-reader> loads only when a
// reader asks for it (DOMPurify, speech, the reading aids, 简繁/拼音 and their tables: together more than the
// reader itself) is built apart into zhengwu-elements/ beside it and fetched relative to the file, so a page that
// never uses it never downloads it. (Plain code splitting would also move Lit and the shared base out of the
// drop-in into chunks; the other elements' small lazy modules stay inlined as before.)
const readerLazy = {
  speech: 'src/components/reader/speech.ts',
  aids: 'src/components/reader/aids.ts',
  sanitize: 'src/components/reader/sanitize.ts',
  extras: 'src/components/reader/extras.ts',
};
const lazyFromReader = {
  name: 'zw-reader-lazy-modules',
  enforce: 'pre',
  resolveId(source, importer) {
    const name = /^\.\/(speech|aids|sanitize|extras)\.js$/.exec(source)?.[1];
    if (name && importer?.replaceAll('\\', '/').includes('/src/components/reader/')) return { id: `./zhengwu-elements/${name}.js`, external: true };
    return null;
  },
};
await build({
  ...common,
  plugins: [...common.plugins, lazyFromReader],
  build: {
    ...common.build,
    lib: { entry: { 'zhengwu-elements': 'src/index.ts' }, formats: ['es'] },
    // A finished file for portals, not input to another bundler: whitespace goes too (Vite keeps it in
    // library builds for bundlers' tree-shaking annotations).
    rolldownOptions: { output: { codeSplitting: false, minify: true } },
  },
});
await build({
  ...common,
  build: {
    ...common.build,
    lib: { entry: readerLazy, formats: ['es'] },
    rolldownOptions: { output: { minify: true, entryFileNames: 'zhengwu-elements/[name].js', chunkFileNames: 'zhengwu-elements/[name]-[hash].js' } },
  },
});

// 2b. The autoloader (dist/autoload.js, ≤ 3 KB) and one module per element beside it in dist/autoload/.
await import('./build-autoload.mjs');

// 3. The Node entries, bundled by esbuild for platform node with the package's dependencies left as imports: the
// directory's reference search server (`zhengwu-elements/server`), the CLI for CMS publishing steps (package.json
// `bin`; its shebang comes from the source, and esbuild marks the file executable) and the server renderer (`zhengwu-elements/ssr`).
const { build: esbuild } = await import('esbuild');
// One build with shared chunks (dist/node/): the CLI loads ssr.js for `render`, and the two must share one copy of the
// locale module (@lit/localize is configured once per process).
await esbuild({
  entryPoints: { server: `${root}src/server/index.ts`, cli: `${root}src/cli/index.ts`, ssr: `${root}src/ssr/index.ts` },
  outdir: dist,
  chunkNames: 'node/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// 4. Declarations and schemas.
execSync('npx tsc -p tsconfig.json --emitDeclarationOnly', { cwd: root, stdio: 'inherit' });
mkdirSync(`${dist}/schemas`, { recursive: true });
for (const file of readdirSync(`${root}src/schema`).filter((f) => f.endsWith('.schema.json'))) {
  cpSync(`${root}src/schema/${file}`, `${dist}/schemas/${file}`);
}
console.log('built dist/');
