// npm run bench (part): server rendering (dist/ssr.js, `zhengwu-elements render`) — the time per document for each demo
// sample, and a CMS batch of 1,000 policy cards in one process (as `render … --out-dir` runs it). Figures, not budgets:
// a publishing step's machine decides them. Run after `node scripts/build.mjs`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './static-server.mjs';
import { line, ms } from './bench-report.mjs';

const { render } = await import(join(root, 'dist/ssr.js'));
const data = join(root, 'demo/data');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log('== server rendering (dist/ssr.js), per document: median of 7 after a warm-up');
for (const file of readdirSync(data)
  .filter((f) => f.endsWith('.json') && !f.includes('remote'))
  .sort()) {
  const document = JSON.parse(readFileSync(join(data, file), 'utf8'));
  const options = file.startsWith('reader-') ? { element: 'zw-reader' } : {};
  await render(document, options);
  const times = [];
  let size = 0;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    size = (await render(document, options)).length;
    times.push(performance.now() - start);
  }
  line(file.replace(/\.json$/, ''), ms(median(times)), `${(size / 1024).toFixed(0)} KB of HTML`);
}

// 1,000 cards: the five real policies, each made distinct (title, 索引号 number), rendered one after another
const policies = readdirSync(data)
  .filter((f) => f.startsWith('policy-'))
  .map((f) => JSON.parse(readFileSync(join(data, f), 'utf8')));
const batch = Array.from({ length: 1000 }, (_, i) => {
  const base = policies[i % policies.length];
  return { ...base, id: `batch-${i}`, title: `${base.title}（第${i + 1}份）` };
});
await render(batch[0]);
const start = performance.now();
let bytes = 0;
for (const policy of batch) bytes += (await render(policy)).length;
const total = performance.now() - start;
console.log('== a CMS batch');
line('1,000 policy cards', ms(total, 0), `${ms(total / 1000, 2)} per card, ${(bytes / 1024 / 1024).toFixed(1)} MB of HTML`);
