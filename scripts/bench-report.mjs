// How the benchmark scripts print their figures: one aligned line per figure, sizes in KB, times in ms, and the first
// informative line of a build error.
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
export const ms = (n, digits = 1) => (n === undefined || n === null || Number.isNaN(n) ? '—' : `${n.toFixed(digits)} ms`);
export const line = (label, figure, note = '') => console.log(`  ${label.padEnd(46)} ${String(figure).padStart(12)}${note ? `   ${note}` : ''}`);
/** The first informative line of a build error ("Build failed with 2 errors:" says nothing). */
export const firstLine = (error) =>
  String(error?.errors?.[0]?.text ?? error?.message ?? error)
    // eslint-disable-next-line no-control-regex -- the terminal colour codes Vite puts in its messages
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Build failed with \d+ errors?:?$/.test(l))[0]
    ?.slice(0, 200) ?? String(error);
