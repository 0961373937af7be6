/**
 * A new task soon, so a long job in slices lets the page paint and answer input between them. A MessageChannel
 * message, not setTimeout(0) (clamped to 4 ms when nested — it would double a 100k-entry build — and to 1 s in a
 * background tab) nor requestAnimationFrame (stopped in a background tab: a tab switched away from would never
 * finish). One channel for the page. Outside a page (Node: the directory's server, its tests) setTimeout: an open
 * MessageChannel port would keep Node's event loop alive after the work is done.
 */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined' || typeof document === 'undefined') return new Promise((r) => setTimeout(r));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((r) => {
    waiting.push(r);
    channel!.port2.postMessage(0);
  });
}
