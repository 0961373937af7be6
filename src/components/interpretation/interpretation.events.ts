/** Fired when the section the reader is in changes (scrolling, or following a link). */
export class ZwSectionChangeEvent extends Event {
  /** `section`: the section's anchor id (e.g. `background`, `faq`); `title`: its heading. */
  readonly detail: { section: string; title: string };
  constructor(section: string, title: string) {
    super('zw-section-change', { bubbles: true, composed: true });
    this.detail = { section, title };
  }
}

/** Fired when a reader opens the definition of a glossary term (关键词诠释). */
export class ZwTermOpenEvent extends Event {
  readonly detail: { term: string; definition: string };
  constructor(term: string, definition: string) {
    super('zw-term-open', { bubbles: true, composed: true });
    this.detail = { term, definition };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zw-section-change': ZwSectionChangeEvent;
    'zw-term-open': ZwTermOpenEvent;
  }
}
