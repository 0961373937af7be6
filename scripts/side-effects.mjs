// package.json `sideEffects`, exact and checked on every build: bundlers drop a module of this package that the
// page imports nothing from unless it is listed there, so a module that defines an element or registers a schema,
// its rules, labels or the locale loader at load time must be listed, and nothing else should be (so that unused
// helpers are dropped). Source modules with load-time effects are found by their top-level statements (a call or
// an `if` at column 0, e.g. `defineElement('zw-policy-card', …)`, `registerSchema(…)`, `install()`); every built
// chunk holding one must match a pattern of `sideEffects`, or the build fails and names it. The source modules are
// listed exactly too (checkSourceSideEffects).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// a bare `import './x.js'` counts too: loading the module loads x's effects, and a bundler drops bare imports of a module it thinks pure
const TOP_LEVEL_EFFECT = /^(?:[A-Za-z_$][\w$.]*\s*\(|if\s*\(|import\s+'[^']+';)/m;

const effectful = new Map();
/** Whether a source module does something when it is loaded (cached per file). */
function hasLoadTimeEffect(id) {
  if (!id.startsWith(`${root}src/`) || !/\.ts$/.test(id)) return false;
  if (!effectful.has(id)) effectful.set(id, TOP_LEVEL_EFFECT.test(readFileSync(id, 'utf8')));
  return effectful.get(id);
}

/** `./dist/chunks/policy-card-*.js` → a RegExp over paths relative to the package root. */
const patternOf = (glob) =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  );

/** Every source module (tests and test support aside). */
function sourceModules(dir = `${root}src`) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceModules(path);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The source modules are listed too, exactly: every bundler that builds from src/ (this build, esbuild for the Node
 * entries, Storybook) reads the same field, and would drop `import '../../schema/policy.js'` if it were not listed.
 */
export function checkSourceSideEffects() {
  const listed = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).sideEffects.filter((glob) => glob.startsWith('./src/'));
  const actual = sourceModules()
    .filter(hasLoadTimeEffect)
    .map((path) => `./${relative(root, path)}`)
    .sort();
  const missing = actual.filter((file) => !listed.includes(file));
  const extra = listed.filter((file) => !actual.includes(file));
  if (missing.length || extra.length)
    throw new Error(
      `package.json sideEffects is not exact for src/:${missing.length ? `\n  add (acts when loaded): ${missing.join(', ')}` : ''}${extra.length ? `\n  remove (does nothing when loaded): ${extra.join(', ')}` : ''}`,
    );
}

export function sideEffectsPlugin({ outDir }) {
  const listed = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).sideEffects;
  if (!Array.isArray(listed)) throw new Error('package.json sideEffects must list the files with load-time effects');
  const patterns = listed.map(patternOf);
  return {
    name: 'zw-side-effects',
    buildStart() {
      checkSourceSideEffects();
    },
    generateBundle(_options, bundle) {
      const missing = [];
      const used = new Set();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const file = relative(root, `${outDir}/${chunk.fileName}`);
        const causes = chunk.moduleIds.filter(hasLoadTimeEffect).map((id) => relative(root, id));
        // an entry is imported for its effect (`import 'zhengwu-elements/policy-card.js'`) even when it only re-exports
        const needed = causes.length > 0 || chunk.isEntry;
        const matching = patterns.filter((p) => p.test(file));
        if (needed && !matching.length) missing.push(`${file} (${chunk.isEntry && !causes.length ? 'an entry' : causes.join(', ')})`);
        if (needed) for (const p of matching) used.add(p);
      }
      if (missing.length) this.error(`package.json sideEffects does not list these files, which act when loaded:\n  ${missing.join('\n  ')}`);
      // the other way: a pattern for this build's files that matches none with an effect keeps dead code in users' bundles
      // (patterns that match none of this build's files are for the other builds: the drop-in, the autoloader, Node)
      const files = Object.values(bundle).map((item) => relative(root, `${outDir}/${item.fileName}`));
      const unused = listed.filter((glob, i) => glob.startsWith('./dist/') && !used.has(patterns[i]) && files.some((file) => patterns[i].test(file)));
      if (unused.length) this.error(`package.json sideEffects lists files that do nothing when loaded: ${unused.join(', ')}`);
    },
  };
}
