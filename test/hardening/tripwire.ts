// What the XSS suites check after each render or interaction: a vector that ran would call a tripwire, navigate, put
// something live in a shadow root or something into <head>. Importing this module installs the tripwires.
import { expect } from '@open-wc/testing';
import { liveThings } from './xss-vectors.mjs';

/** The tripwires called so far (a test that expects none may also reset it: `trips.length = 0`). */
export const trips: string[] = [];
const tripwire = (what: string) =>
  function (this: unknown, ...args: unknown[]) {
    trips.push(`${what}(${args.map(String).join(', ')})`);
  };
// Own properties of window, so DOM clobbering by name cannot replace them.
Object.assign(window, { __zwTrip: tripwire('__zwTrip'), alert: tripwire('alert'), confirm: tripwire('confirm'), prompt: tripwire('prompt'), print: tripwire('print') });
const startUrl = location.href;

/** How many elements that load or run something <head> holds: compare before and after. */
export const headCount = () => document.head.querySelectorAll('base, meta, link, script').length;

let sentinels = 0;
/** Waits for every image error queued so far: a sentinel image's error comes after theirs. */
export async function flushImageErrors(): Promise<void> {
  const img = document.createElement('img');
  const done = new Promise<void>((resolve, reject) => {
    img.addEventListener('error', () => resolve(), { once: true });
    img.addEventListener('load', () => reject(new Error('the sentinel loaded')), { once: true });
    setTimeout(() => reject(new Error('the sentinel image never failed')), 5000);
  });
  img.src = `/__zw/status/200?sentinel=${++sentinels}`; // JSON, not an image: an error event, no 404 listed by the runner
  img.alt = '';
  document.body.append(img);
  try {
    await done;
  } finally {
    img.remove();
  }
}

/** Nothing ran, nothing navigated, nothing live under `root` (and its shadow roots), nothing reached <head>. */
export async function assertNothingRan(root: ParentNode, what: string, heads: number): Promise<void> {
  await flushImageErrors();
  if (trips.length) throw new Error(`a tripwire was called: ${trips.join('; ')} — ${what}`);
  expect(location.href, `navigated — ${what}`).to.equal(startUrl);
  const live = liveThings(root);
  if (live.length) throw new Error(`live things in the shadow roots: ${live.join(', ')} — ${what}`);
  expect(headCount(), `something reached <head> — ${what}`).to.equal(heads);
}
