// The autoloader build → dist/autoload.js (tiny, no Lit) and dist/autoload/: one module per element (build-config
// `elements`) with code splitting, so Lit and the shared base sit in shared chunks a page loads once, and what the
// elements load only on first use (the reader's speech, aids, sanitizer, 简繁/拼音 tables; the other UI languages;
// the directory's remote mode, …) stays in lazy chunks there. Every file is finished for portals: minified,
// whitespace too, no bare imports. scripts/build.mjs runs it after the rest; it also runs alone
// (`node scripts/build-autoload.mjs`) and touches only dist/autoload.js(.map) and dist/autoload/.
import { build } from 'vite';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TARGET, elements } from './build-config.mjs';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(`${dist}/autoload`, { recursive: true, force: true });
rmSync(`${dist}/autoload.js`, { force: true });
rmSync(`${dist}/autoload.js.map`, { force: true });

// Without help, a page would learn an element's shared chunks only after its module arrived (autoload.js → the
// element → its chunks: three round trips on a slow line). The autoloader asks for the element's whole static
// closure at once instead: each `import('./autoload/<name>.js')` becomes `Promise.all([import(<chunk>), …, import(<name>)])`,
// still literal strings (a strict CSP, or a portal's bundler, sees plain relative imports). Promise.all holds every
// rejection, so a failed chunk is one error for the element, not an unhandled rejection.
const fetchClosureAtOnce = {
  name: 'zw-autoload-closure',
  generateBundle(_, bundle) {
    const loader = bundle['autoload.js'];
    const closure = (file, seen = new Set()) => {
      for (const dep of bundle[file].imports) if (!seen.has(dep)) closure(dep, seen.add(dep));
      return seen;
    };
    let rewritten = 0;
    loader.code = loader.code.replace(/import\((["'`])\.\/(autoload\/[\w-]+\.js)\1\)/g, (call, _q, file) => {
      rewritten++;
      const imports = [...closure(file)].map((dep) => `import("./${dep}")`);
      return imports.length ? `Promise.all([${imports.join(',')},${call}])` : call;
    });
    // the rewrite moves columns: the loader (1 KB, readable as it is) ships without a source map rather than a wrong one
    loader.code = loader.code.replace(/\n\/\/# sourceMappingURL=.*$/, '\n');
    loader.map = null;
    delete bundle['autoload.js.map'];
    if (rewritten !== Object.keys(elements).length) throw new Error(`autoload.js: expected ${Object.keys(elements).length} element imports, rewrote ${rewritten}`);
  },
};

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [schemaRuntimePlugin(), cssLiteralsPlugin(), fetchClosureAtOnce],
  build: {
    target: TARGET,
    outDir: dist,
    emptyOutDir: false,
    minify: true,
    sourcemap: true,
    // lib mode: no Vite preload helper in the loader (the closure rewrite above does that job)
    lib: { entry: { autoload: 'src/autoload.ts', ...elements }, formats: ['es'] },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: (chunk) => (chunk.name === 'autoload' ? 'autoload.js' : 'autoload/[name].js'),
        chunkFileNames: 'autoload/[name]-[hash].js',
      },
    },
  },
});
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log('built dist/autoload.js and dist/autoload/');
