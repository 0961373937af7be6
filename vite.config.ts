import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [directorySearchServer()],
  // demo/ imports ../src directly: vite serves the TypeScript as is.
  server: { host: '127.0.0.1', port: 5173, open: false, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'chrome86' },
});
