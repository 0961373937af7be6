import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));
/** What a portal copies for the single-file drop-in: the file and the reader's on-demand modules beside it. */
const LIBRARY_FILES = ['zhengwu-elements.js', 'zhengwu-elements.js.map', 'zhengwu-elements'];

function filesUnder(path: string): string[] {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => filesUnder(join(path, name))) : [path];
}

/**
 * The demo previews the BUILT library (dist/, `npm run build`), so what content staff see is what portals get:
 * the pages load ./lib/zhengwu-elements.js (a `vite-ignore` script, never bundled into the page). The dev server
 * serves it from dist/; the static build copies it into lib/ beside the pages, so the demo works from any folder
 * of any web server.
 */
function builtLibrary(): Plugin {
  return {
    name: 'zw-built-library',
    configureServer(server) {
      server.middlewares.use('/lib/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const file = resolve(dist, name);
        const top = relative(dist, file).split(sep)[0];
        if (!LIBRARY_FILES.includes(top) || !existsSync(file) || statSync(file).isDirectory()) return next();
        res.setHeader('Content-Type', file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      const missing = LIBRARY_FILES.filter((name) => !existsSync(join(dist, name)));
      if (missing.length) this.error(`the demo previews the built library: run \`npm run build\` first (missing dist/${missing.join(', dist/')})`);
      for (const name of LIBRARY_FILES) {
        for (const file of filesUnder(join(dist, name))) {
          this.emitFile({ type: 'asset', fileName: `lib/${relative(dist, file).split(sep).join('/')}`, source: readFileSync(file) });
        }
      }
    },
  };
}

/**
 * `npm start` also runs the directory's reference search server (src/server, the same handler portals
 * get as `zhengwu-elements/server`) at /api/directory, over a generated catalogue of 100,000 entries, for
 * the remote-mode sample (demo/data/directory-remote.json). Built lazily on the first request; the
 * static build of the demo has no server, and that sample then shows its polite error.
 */
function directorySearchServer(): Plugin {
  return {
    name: 'zw-directory-search-server',
    configureServer(server) {
      let handler: Promise<(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> | undefined;
      server.middlewares.use('/api/directory', (req, res) => {
        handler ??= (async () => {
          const [{ createDirectoryHandler }, { generateDirectory }] = await Promise.all([
            server.ssrLoadModule(fileURLToPath(new URL('./src/server/index.ts', import.meta.url))) as Promise<typeof import('./src/server/index.js')>,
            import('./scripts/directory-generator.mjs'),
          ]);
          return createDirectoryHandler({ document: generateDirectory(100_000, 1), cors: false });
        })();
        handler.then(
          (handle) => handle(req, res),
          (error: unknown) => {
            server.config.logger.error(`directory search server: ${String(error)}`);
            res.statusCode = 500;
            res.end();
          },
        );
      });
    },
  };
}

/**
 * `npm start`: the content staff's demo page (demo/index.html) on localhost.
 * The library build lives in scripts/build.mjs (two builds: bundler modules
 * with Lit as a peer, and the single-file drop-in).
 */
export default defineConfig({
  root: 'demo',
  // relative asset URLs: the built demo works from any folder of any server
  base: './',
  plugins: [builtLibrary(), directorySearchServer()],
  // demo/ imports ../src directly: vite serves the TypeScript as is.
  // `npm start` opens the page in the browser where there is one to open (not in CI or a headless shell).
  server: {
    host: '127.0.0.1',
    port: 5173,
    open: !process.env.CI && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)),
    fs: { allow: ['..'] },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  // `npm run build:demo` → demo-dist/: static files for any web server (the samples are bundled in; no server needed)
  build: {
    outDir: '../demo-dist',
    emptyOutDir: true,
    target: 'chrome86',
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('./demo/index.html', import.meta.url)), embed: fileURLToPath(new URL('./demo/embed-example.html', import.meta.url)) },
    },
  },
});
