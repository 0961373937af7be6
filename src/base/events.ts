import type { LocalizedIssue } from '../schema/issues.js';

/** Fired when a document has loaded, passed validation and rendered. */
export class ZwLoadEvent<T = unknown, Extra extends object = Record<never, never>> extends Event {
  /**
   * `document`: the rendered document; `warnings`: issues that did not stop rendering; plus what an
   * element adds about what it rendered (`<zw-policy-compare>`: `summary`).
   */
  readonly detail: { document: T; warnings: LocalizedIssue[] } & Extra;
  constructor(document: T, warnings: LocalizedIssue[], extra?: Extra) {
    super('zw-load', { bubbles: true, composed: true });
    this.detail = { ...(extra as Extra), document, warnings };
  }
}

/** Fired when a document could not be loaded or is invalid. */
export class ZwErrorEvent extends Event {
  /** Every error and warning, with its path, code and localised message. */
  readonly detail: { errors: LocalizedIssue[] };
  constructor(errors: LocalizedIssue[]) {
    super('zw-error', { bubbles: true, composed: true });
    this.detail = { errors };
  }
}

/**
 * Fired when the element has no document to show: `data` is `null` or `undefined`, the child
 * script is empty, or there is no data at all. With `zw-load` and `zw-error` it ends every
 * load, so a host waiting for the element never waits forever.
 */
export class ZwEmptyEvent extends Event {
  constructor() {
    super('zw-empty', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zw-load': ZwLoadEvent;
    'zw-error': ZwErrorEvent;
    'zw-empty': ZwEmptyEvent;
  }
}
