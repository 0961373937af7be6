import type { ReaderPrefs } from '../../core/reader/prefs.js';

/** Fired when the reader changed a reading preference (toolbar, shortcut, `reset()`): `detail.prefs`, as chosen (before elderly mode raises them). */
export class ZwReaderChangeEvent extends Event {
  readonly detail: { prefs: ReaderPrefs };
  constructor(prefs: ReaderPrefs) {
    super('zw-reader-change', { bubbles: true, composed: true });
    this.detail = { prefs };
  }
}

/** What read-aloud is doing. `unavailable` (no speech, no Chinese voice) is reported as `idle`. */
export type SpeakState = 'playing' | 'paused' | 'idle';

/** Fired when read-aloud starts, pauses, moves to the next sentence or stops: `detail.state`, `detail.text` (the sentence being read). */
export class ZwSpeakEvent extends Event {
  readonly detail: { state: SpeakState; text?: string };
  constructor(state: SpeakState, text?: string) {
    super('zw-speak', { bubbles: true, composed: true });
    this.detail = text === undefined ? { state } : { state, text };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zw-reader-change': ZwReaderChangeEvent;
    'zw-speak': ZwSpeakEvent;
  }
}
