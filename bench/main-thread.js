// The benchmarks' main-thread watcher, in the page (scripts/bench-*.mjs import it with
// `await import('/bench/main-thread.js')`; scripts/static-server.mjs serves the repository): how long the main
// thread was blocked while something ran, measured two ways — the longtask API (tasks over 50 ms only) and,
// unless turned off, our own heartbeat, the longest gap between setTimeout ticks (a blocked thread delays them).

/**
 * Starts watching now. `stop(settleMs)` waits `settleMs` (long-task entries are delivered after their task),
 * then gives the long tasks that ended after watching began and the longest timer gap.
 * @param {{ heartbeat?: boolean }} [options] heartbeat: false for the longtask API alone (no timer ticks in the way).
 * @returns {{ stop(settleMs?: number): Promise<{ longestTask: number; longTasks: number; longestGap: number }> }}
 *   longestTask is 0 when no task went over 50 ms; longestGap is 0 without the heartbeat.
 */
export function watchMainThread({ heartbeat = true } = {}) {
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ entryTypes: ['longtask'] });
  let last = performance.now();
  let longestGap = 0;
  let beating = heartbeat;
  const beat = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (beating) setTimeout(beat, 0);
  };
  if (heartbeat) setTimeout(beat, 0);
  const start = performance.now();
  return {
    async stop(settleMs = 60) {
      beating = false;
      await new Promise((r) => setTimeout(r, settleMs));
      tasks.push(...observer.takeRecords());
      observer.disconnect();
      const during = tasks.filter((t) => t.startTime + t.duration >= start);
      return { longestTask: Math.max(0, ...during.map((t) => t.duration)), longTasks: during.length, longestGap };
    },
  };
}
