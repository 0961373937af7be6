// CI: every story of the BUILT Storybook (storybook-static/, after `npm run build-storybook`) renders in
// Chromium without console errors or page errors, finishes its play function, and is axe clean.
//
//   node scripts/check-storybook.mjs [--workers N] [--only <substring of story ids>] [--verbose]
//
// Each story opens at iframe.html?id=<id>&viewMode=story (one page per worker, reused). A story counts as
// rendered when Storybook reports it finished (play function included; its status, thrown exceptions and
// unhandled errors are checked), every zw-* element in #storybook-root — nested ones in shadow roots too —
// has announced the outcome its `state` shows (zw-load ↔ ready, zw-empty ↔ empty, zw-error ↔ error; in a
// story named "loading" an element may stay loading), no request is in flight and every element's update is
// done. All waits are for those conditions, with timeouts that fail the story clearly; nothing waits for time.
// Every story starts from empty localStorage (the reader remembers choices there); a story that asks for a
// viewport (`globals: { viewport }`, e.g. the phone stories) is opened in a window of that size, as the
// Storybook UI would size its frame, because the elements' layouts follow the viewport's media queries.
//
// Console: every `console.error`, page error and failed request fails the story, except the expected
// network failures listed in EXPECTED_FAILED_REQUESTS (the stories that show a failed load on purpose:
// Chromium itself logs "Failed to load resource … 404" for them). `console.warn` is not a failure: the
// elements' error states log one structured warning on purpose (the staff's hint in the console).
//
// axe: axe-core's default rules (WCAG A/AA + best practices, as test/e2e/axe.mjs) over #storybook-root,
// shadow roots included. Storybook's own frame (hidden docs and error panels) is not the story, and the
// `region` rule (all content inside landmarks) is off: a story is a fragment of a page, not a page — the
// same two choices as Storybook's a11y addon.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium, root, serveRepository } from './static-server.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : fallback;
};
const WORKERS = Number(option('--workers', 3));
const ONLY = option('--only', '');
const VERBOSE = argv.includes('--verbose');

/** How long a story may take to finish (play functions wait up to 10 s for their own conditions), then to settle. */
const FINISH_TIMEOUT = 30_000;
const SETTLE_TIMEOUT = 20_000;

/**
 * Requests that fail on purpose, per story: [story id pattern, URL pattern, why]. A failed request
 * anywhere else, or of another URL, fails the story (and so does its "Failed to load resource" console line).
 */
const EXPECTED_FAILED_REQUESTS = [
  [/--load-failed(-public)?$/, /\/data\/[\w-]*does-not-exist[\w-]*\.json$/, 'the Load failed stories: src answers 404 on purpose'],
  [/^elements-zw-disclosure-directory--remote-error$/, /\/__zw-story-no-server__\//, 'Remote, no server: the remote search answers 404 on purpose'],
  [
    /^elements-zw-reader--progressive-enhancement$/,
    /\/storybook-static\/x$/,
    'the hostile article’s <img src=x onerror=…> (the XSS probe: a missing image is what fires onerror; the play function checks the copy the reader renders has no handler)',
  ],
];

/**
 * A story that shows a loading state (a request that never answers): its elements count as settled while they
 * say they are loading — `state="loading"`, or busy with their content (`aria-busy="true"` in the shadow root,
 * e.g. the directory's first remote search).
 */
const isLoadingStory = (entry) => /loading/i.test(entry.id) || /加载中|loading/i.test(entry.name);

/** The page's viewport when the story asks for none (Storybook's own default: the iframe fills the window). */
const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

const STATIC_DIR = 'storybook-static';
let index;
try {
  index = JSON.parse(await readFile(join(root, STATIC_DIR, 'index.json'), 'utf8'));
} catch {
  console.error(`[check-storybook] ${STATIC_DIR}/index.json not found: run \`npm run build-storybook\` first.`);
  process.exit(2);
}
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.includes(ONLY));
if (stories.length === 0) {
  console.error(`[check-storybook] no stories${ONLY ? ` matching "${ONLY}"` : ''} in ${STATIC_DIR}/index.json.`);
  process.exit(2);
}

/**
 * Runs in the story's page before any of its scripts: records Storybook's render events (the channel is
 * hooked as Storybook installs it) and the zw-* elements' outcome events (capture on window: the events
 * are composed, and composedPath()[0] is the element itself, also inside another element's shadow root).
 */
function instrumentPage() {
  if (window !== window.top) return; // frames a story renders (the hostile article's <iframe>) are not the story
  // A fresh start for every story: the reader keeps its choices in localStorage.
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // storage may be unavailable: nothing to clear
  }
  const check = (window.__zwStoryCheck = { finished: undefined, phase: 'none', errors: [], outcomes: new WeakMap() });
  const OUTCOME = { 'zw-load': 'ready', 'zw-empty': 'empty', 'zw-error': 'error' };
  for (const type of Object.keys(OUTCOME)) window.addEventListener(type, (event) => check.outcomes.set(event.composedPath()[0], OUTCOME[type]), true);

  const message = (error) => (error && typeof error === 'object' ? String(error.message ?? error.description ?? JSON.stringify(error)) : String(error));
  const hooked = new WeakSet();
  const hook = (channel) => {
    if (!channel || typeof channel.on !== 'function' || hooked.has(channel)) return;
    hooked.add(channel);
    channel.on('storyRenderPhaseChanged', ({ newPhase }) => (check.phase = newPhase));
    channel.on('storyFinished', ({ status, reporters }) => {
      for (const report of reporters ?? []) if (report.status === 'failed') check.errors.push(`${report.type} report failed`);
      check.finished = status;
    });
    channel.on('storyErrored', (error) => {
      check.errors.push(`story errored: ${message(error)}`);
      check.finished = 'error';
    });
    channel.on('storyMissing', () => {
      check.errors.push('story missing from the build');
      check.finished = 'error';
    });
    channel.on('storyThrewException', (error) => check.errors.push(`render threw: ${message(error)}`));
    channel.on('playFunctionThrewException', (error) => check.errors.push(`play function threw: ${message(error)}`));
    channel.on('unhandledErrorsWhilePlaying', (errors) => check.errors.push(...errors.map((e) => `unhandled while playing: ${message(e)}`)));
  };
  let current;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => current,
    set(channel) {
      current = channel;
      hook(channel);
    },
  });

  /** Every zw-* element (a ZwElement: it has `reload`) under the story's root, shadow roots included. */
  const zwElements = () => {
    const found = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        if (el.localName.startsWith('zw-') && typeof el.reload === 'function') found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    const rootEl = document.getElementById('storybook-root');
    if (rootEl) walk(rootEl);
    return found;
  };
  /** The elements not yet settled, as `tag[state]` (empty when all are). */
  check.unsettled = (loadingStory) =>
    zwElements()
      .filter((el) => {
        const state = el.getAttribute('state');
        if (check.outcomes.get(el) === state) return false;
        return !(loadingStory && (state === 'loading' || el.shadowRoot?.querySelector('[aria-busy="true"]')));
      })
      .map(
        (el) =>
          `<${el.localName}${el.id ? `#${el.id}` : ''}> state=${el.getAttribute('state')}${check.outcomes.has(el) ? ` (announced ${check.outcomes.get(el)})` : ' (nothing announced)'}`,
      );
  /**
   * The viewport the story asks for (`globals: { viewport: { value: 'phone' } }`, an option of the preview's
   * viewport parameter), as the Storybook UI sizes the iframe; undefined when it asks for none.
   */
  check.viewport = () => {
    const story = window.__STORYBOOK_PREVIEW__?.currentRender?.story;
    const wanted = story?.storyGlobals?.viewport;
    const styles = wanted?.value && story.parameters?.viewport?.options?.[wanted.value]?.styles;
    if (!styles) return undefined;
    const [width, height] = [parseInt(styles.width, 10), parseInt(styles.height, 10)];
    if (!(width > 0 && height > 0)) return undefined;
    return wanted.isRotated ? { width: height, height: width } : { width, height };
  };
  check.updatesDone = () => Promise.all(zwElements().map((el) => el.updateComplete)).then(() => zwElements().length);
}

/** axe-core's default rules over the story root (see the header). One readable line per violation. */
async function axeStory(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: '/node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const { violations } = await window.axe.run({ include: [['#storybook-root']] }, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
    const target = (node) => node.target.map((part) => (Array.isArray(part) ? part.join(' >>> ') : part)).join(' >>> ');
    return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map(target).join(', ')}`);
  });
}

/** Opens one story, waits for it to render and settle, and returns its problems (empty when it passed). */
async function checkStory(page, log, entry, base) {
  const problems = [];
  const url = `${base}/${STATIC_DIR}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story`;
  const t0 = performance.now();
  const lap = (what) => VERBOSE && log.laps.push(`${what} ${Math.round(performance.now() - t0)}`);
  log.reset();
  await page.goto(url, { waitUntil: 'load' });
  lap('load');
  // A story for a phone is checked in a phone-sized window (the elements' layout follows the viewport's media
  // queries): once Storybook knows the story's viewport, resize and open it again from the start.
  const viewport =
    (await page
      .waitForFunction(() => window.__STORYBOOK_PREVIEW__?.currentRender?.story && { wanted: window.__zwStoryCheck.viewport() }, undefined, {
        timeout: FINISH_TIMEOUT,
        polling: 50,
      })
      .then((handle) => handle.jsonValue())
      .then(({ wanted }) => wanted)
      .catch(() => undefined)) ?? DEFAULT_VIEWPORT;
  const size = page.viewportSize();
  if (viewport.width !== size.width || viewport.height !== size.height) {
    await page.setViewportSize(viewport);
    log.reset();
    await page.goto(url, { waitUntil: 'load' });
    lap(`load at ${viewport.width}×${viewport.height}`);
  }

  try {
    await page.waitForFunction(() => window.__zwStoryCheck?.finished !== undefined, undefined, { timeout: FINISH_TIMEOUT, polling: 100 });
  } catch {
    const phase = await page.evaluate(() => window.__zwStoryCheck?.phase).catch(() => '?');
    problems.push(`did not finish rendering within ${FINISH_TIMEOUT / 1000} s (Storybook phase: ${phase})`);
  }
  lap('finished');
  const { finished, errors } = await page.evaluate(() => ({ finished: window.__zwStoryCheck.finished, errors: window.__zwStoryCheck.errors }));
  problems.push(...errors);
  if (finished === 'error' && errors.length === 0) problems.push('Storybook reports the story as errored');

  if (finished !== undefined) {
    const loadingStory = isLoadingStory(entry);
    try {
      await page.waitForFunction((loading) => window.__zwStoryCheck.unsettled(loading).length === 0, loadingStory, { timeout: SETTLE_TIMEOUT, polling: 100 });
      await log.quiet(SETTLE_TIMEOUT);
      const count = await page.evaluate(() => window.__zwStoryCheck.updatesDone());
      // an update may have started a lazy module or a new outcome: the same conditions once more
      await page.waitForFunction((loading) => window.__zwStoryCheck.unsettled(loading).length === 0, loadingStory, { timeout: SETTLE_TIMEOUT, polling: 100 });
      await log.quiet(SETTLE_TIMEOUT);
      if (count === 0) problems.push('no zw-* element in #storybook-root');
      lap('settled');
    } catch (error) {
      const unsettled = await page.evaluate((loading) => window.__zwStoryCheck.unsettled(loading), loadingStory).catch(() => []);
      problems.push(unsettled.length ? `did not settle within ${SETTLE_TIMEOUT / 1000} s: ${unsettled.join(', ')}` : String(error.message).split('\n')[0]);
    }
    try {
      for (const violation of await axeStory(page)) problems.push(`axe ${violation}`);
      lap('axe');
    } catch (error) {
      problems.push(`axe could not run: ${String(error.message).split('\n')[0]}`);
    }
  }

  for (const failed of log.failedRequests) {
    const expected = EXPECTED_FAILED_REQUESTS.find(([story, request]) => story.test(entry.id) && request.test(failed.url));
    if (expected) log.expected.push(`${entry.id}: ${failed.url} (${failed.why}) — ${expected[2]}`);
    else problems.push(`request failed: ${failed.url} (${failed.why})`);
  }
  for (const message of log.consoleErrors) {
    // Chromium's own line for a failed request: judged above, with the request itself
    if (/^Failed to load resource/.test(message.text) && log.failedRequests.some((failed) => failed.url === message.url)) continue;
    problems.push(`console.error: ${message.text}${message.url ? ` (${message.url})` : ''}`);
  }
  for (const error of log.pageErrors) problems.push(`page error: ${error}`);
  return problems;
}

/** One browser context and page per worker; the page records what the current story logs and requests. */
async function worker(browser, base, queue, results, expectedFailures) {
  const context = await browser.newContext({ viewport: DEFAULT_VIEWPORT });
  await context.addInitScript(instrumentPage);
  const page = await context.newPage();
  const inFlight = new Set();
  let whenQuiet = [];
  const settleRequest = (request) => {
    inFlight.delete(request);
    if (inFlight.size === 0) for (const resolve of whenQuiet.splice(0)) resolve();
  };
  const log = {
    reset() {
      this.consoleErrors = [];
      this.pageErrors = [];
      this.failedRequests = [];
      this.expected = [];
      this.laps = [];
      inFlight.clear();
    },
    /** Resolves once no request of the story is in flight (a lazy chunk, a document, a search). */
    quiet(timeout) {
      if (inFlight.size === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`requests still in flight after ${timeout / 1000} s: ${[...inFlight].map((r) => r.url()).join(', ')}`)), timeout);
        whenQuiet.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
  log.reset();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'assert') log.consoleErrors.push({ text: message.text(), url: message.location()?.url });
  });
  page.on('pageerror', (error) =>
    log.pageErrors.push(
      String(error?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
    ),
  );
  page.on('request', (request) => inFlight.add(request));
  page.on('response', (response) => {
    if (response.status() >= 400) log.failedRequests.push({ url: response.url(), why: `HTTP ${response.status()}` });
  });
  page.on('requestfinished', settleRequest);
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? 'failed';
    // aborted: by the next story's navigation, or by the element itself (it stops reading a 404's body)
    if (why !== 'net::ERR_ABORTED') log.failedRequests.push({ url: request.url(), why });
    settleRequest(request);
  });

  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const started = performance.now();
    let problems;
    try {
      problems = await checkStory(page, log, entry, base);
    } catch (error) {
      problems = [`the check itself failed: ${String(error?.message ?? error).split('\n')[0]}`];
    }
    const ms = Math.round(performance.now() - started);
    expectedFailures.push(...log.expected);
    results.push({ entry, problems, ms });
    if (problems.length) for (const problem of problems) console.log(`✗ ${entry.id}: ${problem}`);
    else if (VERBOSE) console.log(`✓ ${entry.id} (${ms} ms: ${log.laps.join(', ')})`);
  }
  await context.close();
}

const started = performance.now();
// Chromium asks the server root for a favicon (not a request the page sees): answer it, or every first story logs a 404.
const server = await serveRepository({ files: new Map([['/favicon.ico', await readFile(join(root, STATIC_DIR, 'favicon.svg'))]]) });
const browser = await launchChromium();
const results = [];
const expectedFailures = [];
try {
  const queue = [...stories];
  await Promise.all(Array.from({ length: Math.min(WORKERS, stories.length) }, () => worker(browser, server.base, queue, results, expectedFailures)));
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((result) => result.problems.length > 0);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 3);
if (VERBOSE) for (const line of expectedFailures) console.log(`  expected failed request: ${line}`);
console.log(
  `storybook: ${results.length} stories checked in ${seconds} s (${WORKERS} workers), ${failed.length} failing; ` +
    `${expectedFailures.length} expected failed requests; slowest: ${slowest.map((r) => `${r.entry.id} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`,
);
process.exit(failed.length > 0 ? 1 : 0);
