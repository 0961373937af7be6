import type { DirectoryEntry } from '../../schema/types.generated.js';

/** Fired when a search settled: after typing paused (with the result count's announcement) and after each explicit action. */
export class ZwSearchEvent extends Event {
  /** `query`: the search text (may be empty when only filters changed); `total`: how many entries match. */
  readonly detail: { query: string; total: number };
  constructor(query: string, total: number) {
    super('zw-search', { bubbles: true, composed: true });
    this.detail = { query, total };
  }
}

/** Fired when the reader chooses an entry. Cancelable: `preventDefault()` stops the link's navigation, so a portal can open it its own way. */
export class ZwSelectEvent extends Event {
  readonly detail: { entry: DirectoryEntry };
  constructor(entry: DirectoryEntry) {
    super('zw-select', { bubbles: true, composed: true, cancelable: true });
    this.detail = { entry };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zw-search': ZwSearchEvent;
    'zw-select': ZwSelectEvent;
  }
}
