// What one element adds to the shared base, in gzipped bytes, for the benchmarks (bench-compare, bench-directory).
// The element alone (Lit and everything it imports statically, built like bench.mjs's per-element builds)
// minus the shared base as the element uses it: a bare ZwElement subclass (bench/minimal-element.ts) plus every
// import of the element that is not its own (Lit directives, base controllers, shared core helpers, other
// elements it nests), re-exported by name so exactly the parts the element uses are kept.
import { build } from 'vite';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { schemaRuntimePlugin } from './schema-runtime.mjs';
import { cssLiteralsPlugin } from './css-literals.mjs';
import { TARGET } from './build-config.mjs';
import { root } from './static-server.mjs';

const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;

/** Files reached from `file` by static imports (what the page loads before the element runs; lazy chunks are not counted). */
async function staticClosure(file, seen = new Set()) {
  if (seen.has(file) || !existsSync(file)) return seen; // a module left out (external) is not in the build
  seen.add(file);
  const [imports] = parseImports(await readFile(file, 'utf8'));
  for (const imp of imports) if (imp.d === -1 && imp.n?.startsWith('.')) await staticClosure(join(file, '..', imp.n), seen);
  return seen;
}

/** Builds entries into `tmp` and measures them. */
export async function createSizer(tmp) {
  await initLexer;
  /** Vite plugin: `virtual:<name>` entries whose code is given here. */
  const virtualEntries = new Map();
  const virtualPlugin = {
    name: 'zw-bench-virtual',
    enforce: 'pre',
    // Vite's library mode hands the entry over as a path under root.
    resolveId: (id) => {
      const name = id.slice(id.indexOf('virtual:'));
      return id.includes('virtual:') && virtualEntries.has(name) ? `\0${name}` : null;
    },
    load: (id) => (id.startsWith('\0') ? (virtualEntries.get(id.slice(1)) ?? null) : null),
  };

  /**
   * One entry built like bench.mjs's per-element builds; returns the gzipped bytes a page loads up front.
   * `leaveOut` (a test on absolute module paths and bare ids) makes those modules external: the
   * difference to the full build is their share.
   */
  async function builtSize(name, entry, { leaveOut } = {}) {
    const outDir = join(tmp, `size-${name}`);
    const external = leaveOut && ((id, importer, isResolved) => leaveOut(isResolved || !id.startsWith('.') || !importer ? id : resolve(dirname(importer), id)));
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [schemaRuntimePlugin(), cssLiteralsPlugin(), virtualPlugin],
      build: {
        target: TARGET,
        outDir,
        emptyOutDir: true,
        minify: true,
        lib: { entry: { [name]: entry }, formats: ['es'] },
        rolldownOptions: { output: { minify: true }, ...(external ? { external } : {}) },
      },
    });
    let size = 0;
    for (const file of await staticClosure(join(outDir, `${name}.js`))) size += await gz(file);
    return size;
  }

  /** The shared base as the element at `elementPath` uses it; `own` tests the import specifiers that are the element's own. */
  async function sharedBaseEntry(elementPath, own) {
    const source = await readFile(join(root, elementPath), 'utf8');
    const lines = [`export * from ${JSON.stringify(join(root, 'bench/minimal-element.ts'))};`];
    const shared = [];
    let n = 0;
    for (const [, isType, clause, spec] of source.matchAll(/^import\s+(type\s+)?(?:([\s\S]*?)\s+from\s+)?['"]([^'"]+)['"];?/gm)) {
      if (isType || own.test(spec)) continue;
      let target = spec;
      if (spec.startsWith('.')) {
        target = resolve(dirname(join(root, elementPath)), spec);
        if (target.endsWith('.js') && existsSync(target.replace(/\.js$/, '.ts'))) target = target.replace(/\.js$/, '.ts');
      }
      const names =
        /^\{([\s\S]*)\}$/
          .exec(clause?.trim() ?? '')?.[1]
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x && !x.startsWith('type ')) ?? [];
      if (clause && !names.length && clause.trim().startsWith('{')) continue; // types only
      shared.push(spec);
      if (!clause) lines.push(`import ${JSON.stringify(target)};`);
      else if (names.length) lines.push(`export { ${names.map((x) => `${x.split(/\s+as\s+/)[0]} as s${n++}`).join(', ')} } from ${JSON.stringify(target)};`);
      else lines.push(`import * as s${n} from ${JSON.stringify(target)}; export { s${n++} };`);
    }
    const name = `virtual:zw-shared-base-${virtualEntries.size}`;
    virtualEntries.set(name, lines.join('\n'));
    return { entry: name, shared };
  }

  /**
   * Prints (through `line`) and returns the element's size figures: alone, the bare subclass, the shared base
   * as it uses it, what it adds beyond each, and the share of each `[label, test]` in `shares`.
   */
  async function reportElementSize({ name, entry, own, shares = [], target = 15 * 1024, line, kb }) {
    const element = await builtSize(name, entry);
    const bare = await builtSize('minimal', 'bench/minimal-element.ts');
    const { entry: baseEntry, shared } = await sharedBaseEntry(entry, own);
    const base = await builtSize(`${name}-shared-base`, baseEntry);
    line(`${name} alone (Lit, base inlined)`, kb(element));
    line('bare ZwElement subclass', kb(bare), 'bench/minimal-element.ts');
    line(
      'shared base as the element uses it',
      kb(base),
      `bare subclass + ${shared
        .filter((x) => x.startsWith('.'))
        .map((x) => x.replace(/^(\.\.\/)+/, ''))
        .join(', ')}`,
    );
    line('beyond the bare ZwElement subclass', kb(element - bare));
    line('beyond the shared base', kb(element - base), `target ≤ ${kb(target)}${element - base > target ? '   (over)' : ''}`);
    const parts = {};
    for (const [label, test] of shares) {
      parts[label] = element - (await builtSize(`${name}-without-${Object.keys(parts).length}`, entry, { leaveOut: test }));
      line(`  of which ${label}`, kb(parts[label]));
    }
    return { element, bare, base, beyond: element - base, parts };
  }

  return { builtSize, sharedBaseEntry, reportElementSize };
}
