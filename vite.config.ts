import { defineConfig } from 'vite';

/**
 * `npm start`: the content staff's demo page (demo/index.html) on localhost.
 * The library build lives in scripts/build.mjs (two builds: bundler modules
 * with Lit as a peer, and the single-file drop-in).
 */
export default defineConfig({
  root: 'demo',
  // relative asset URLs: the built demo works from any folder of any server
  base: './',
  // demo/ imports ../src directly: vite serves the TypeScript as is.
  server: { host: '127.0.0.1', port: 5173, open: false, fs: { allow: ['..'] } },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'chrome86' },
});
