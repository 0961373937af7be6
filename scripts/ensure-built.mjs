// `npm start` and `npm run build:demo`: the demo previews the BUILT library (dist/zhengwu-elements.js), so build it
// first when it is missing or older than any source file (a fresh clone, or after a change in src/).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/zhengwu-elements.js');

function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src'))) {
  console.log(existsSync(built) ? 'src/ changed since the last build: building the library (npm run build)…' : 'building the library first (npm run build)…');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
}
