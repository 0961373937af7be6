// What the end-to-end check files share: waiting for a condition in the page (never for time), and recording layout
// shifts from the start of a load (CLS of pre-rendered elements hydrating).

/** Waits for `fn(arg)` in the page, or fails saying what did not happen. */
export async function until(page, fn, arg, what, timeout = 10000) {
  try {
    await page.waitForFunction(fn, arg, { timeout });
  } catch {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
  }
}

/** Records every layout shift from the start of the page's next load (an init script: it runs before the page's own). */
export async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__zwShifts = [];
    window.__zwShiftObserver = new PerformanceObserver((list) => window.__zwShifts.push(...list.getEntries()));
    window.__zwShiftObserver.observe({ type: 'layout-shift', buffered: true });
  });
}

/** The cumulative layout shift recorded so far (shifts right after input excluded), and each shift for the message. */
export function layoutShift(page) {
  return page.evaluate(() => {
    const entries = [...window.__zwShifts, ...window.__zwShiftObserver.takeRecords()].filter((e) => !e.hadRecentInput);
    return { cls: entries.reduce((sum, e) => sum + e.value, 0), shifts: entries.map((e) => `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms`) };
  });
}

/**
 * Runs `fn(page)` on a pre-rendered page whose library script never arrives (a blocked CDN, a broken connection): the
 * no-script view with axe able to run (axe needs JavaScript itself). Fails if the element got defined or has no
 * declarative shadow root.
 */
export async function withLibraryBlocked(browser, { viewport, base, path, library, tag }, fn) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.route(
      (url) => url.pathname === new URL(library, base).pathname,
      (route) => route.abort(),
    );
    await page.goto(base + path);
    const state = await page.evaluate((t) => ({ defined: !!customElements.get(t), shadow: !!document.querySelector(t)?.shadowRoot }), tag);
    if (state.defined || !state.shadow) throw new Error(`<${tag}> with its library blocked: ${JSON.stringify(state)}`);
    return await fn(page);
  } finally {
    await context.close();
  }
}
