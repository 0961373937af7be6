// Finds the Chromium the tests run in. No test tool downloads its own browser:
// CHROME_PATH, then the usual system paths; with none, and root with apt,
// installs Debian's chromium; otherwise stops and says how to get one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (install && isRoot && hasApt) {
    console.error("[zhengwu-elements] No Chromium found: installing Debian's chromium and CJK fonts with apt-get…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  fail('No Chromium or Chrome found.');
}

function fail(why) {
  console.error(
    `\n[zhengwu-elements] ${why}\nThe tests run in a real Chromium. Install one, e.g.\n  sudo apt-get install chromium fonts-noto-cjk     (Debian/Ubuntu)\nor point CHROME_PATH at an installed Chrome/Chromium:\n  CHROME_PATH=/path/to/chrome npm test\n`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(findChromium());
