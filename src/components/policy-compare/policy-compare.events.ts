import type { ChangeSummary, ClauseChange } from '../../core/compare/types.js';

/** Fired when the reader picks another pair of versions to compare (the version picker). */
export class ZwVersionsChangeEvent extends Event {
  /** `oldVersion`, `newVersion`: the compared versions' ids; `summary`: the new comparison's counts. */
  readonly detail: { oldVersion: string; newVersion: string; summary: ChangeSummary };
  constructor(oldVersion: string, newVersion: string, summary: ChangeSummary) {
    super('zw-versions-change', { bubbles: true, composed: true });
    this.detail = { oldVersion, newVersion, summary };
  }
}

/** Fired when 上一处/下一处 (or a shortcut key) moves to a change. */
export class ZwChangeFocusEvent extends Event {
  /** `index`: 1-based position among the changes; `total`: how many; `change`: the row; `anchor`: its id (`c-12`). */
  readonly detail: { index: number; total: number; change: ClauseChange; anchor: string };
  constructor(index: number, total: number, change: ClauseChange, anchor: string) {
    super('zw-change-focus', { bubbles: true, composed: true });
    this.detail = { index, total, change, anchor };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zw-versions-change': ZwVersionsChangeEvent;
    'zw-change-focus': ZwChangeFocusEvent;
  }
}
