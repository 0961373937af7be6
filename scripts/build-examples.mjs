// node scripts/build-examples.mjs → test-results/examples/{react,vue}/
// The React 19 and Vue 3 example apps (examples/), type-checked and built with Vite as a bundler user's app would be:
// they import 'zhengwu-elements/policy-card.js' etc. by the package's name. Inside the package that name resolves to
// the package itself through its own `exports` (Node's self-reference, which Vite's resolver and TypeScript follow too),
// so the apps get the built dist/ (run `node scripts/build.mjs` first) by exactly the paths an installed copy gives.
// The end-to-end checks (test/e2e/frameworks-checks.mjs) call buildExamples().
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { build } from 'vite';
import { root } from './static-server.mjs';

const examples = join(root, 'examples');

/**
 * Type-checks and builds both apps; returns their output folders and the time taken.
 * @param {{ outDir?: string, typecheck?: boolean }} [options]
 */
export async function buildExamples({ outDir = join(root, 'test-results/examples'), typecheck = true } = {}) {
  const start = performance.now();
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` first');
  // tsc: the apps' TypeScript, the JSX types of the zw-* tags (examples/react/zw-jsx.d.ts) and the package's own types
  if (typecheck) {
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(examples, 'tsconfig.json')], { stdio: 'inherit' });
    } catch {
      throw new Error('the example apps have type errors (listed above)');
    }
  }
  const apps = {
    // React 19 needs no plugin for a production build: Vite's own transform (oxc) compiles the JSX
    react: { oxc: { jsx: { runtime: 'automatic', importSource: 'react' } } },
    // Vue must be told that zw-* tags are custom elements, not Vue components it cannot resolve
    vue: { plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('zw-') } } })] },
  };
  const out = {};
  for (const [name, config] of Object.entries(apps)) {
    out[name] = join(outDir, name);
    await build({
      configFile: false,
      root: join(examples, name),
      base: './',
      logLevel: 'warn',
      ...config,
      build: { outDir: out[name], emptyOutDir: true },
    });
  }
  return { ...out, ms: Math.round(performance.now() - start) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { react, vue: vueApp, ms } = await buildExamples();
  console.log(`examples built in ${ms} ms: ${relative(root, react)}/, ${relative(root, vueApp)}/`);
}
