import { splitUtterances, type Utterance } from '../../core/reader/sentences.js';
import { scrollBehavior } from '../../base/motion.js';
import { textRanges, unitFor, unitText, type UnitText } from './units.js';

// what a unit is and what it reads are defined once, in units.ts (the 大字幕 caption shows the same text); the element imports them from here
export { readableUnits, unitFor, unitText, UNIT_SELECTOR, type UnitText } from './units.js';

/**
 * Read aloud (朗读) with the browser's own `speechSynthesis`: no server, no token. Loaded by `<zw-reader>`
 * with `import()` on first use.
 *
 * Designed for how engines really behave:
 * - Chrome's Google (network) voices stop silently after ~15 s of one utterance: text is spoken in
 *   sentences or clauses of ≤ 120 characters (shorter for network voices, by rate), ONE utterance at a
 *   time, the next on its `end` event.
 * - Google and Android voices send no word `boundary` events: the highlight moves per utterance.
 * - Android's `pause()` cancels: `resume()` then restarts the sentence from its beginning.
 * - `voiceschanged` fires late or never: voices are looked up lazily, with retries and a timeout, and
 *   again on play() while there is no Chinese voice.
 * - An engine may stop answering (no `end`, ever): a watchdog far longer than the text can take moves on
 *   instead of hanging in "playing".
 */

export interface SpeechStatus {
  state: 'idle' | 'playing' | 'paused' | 'unavailable';
  /** the unit being read (it carries `data-zw-reading`) */
  unit?: HTMLElement;
  /** the utterance being read */
  text?: string;
  reason?: 'no-speech' | 'no-chinese-voice';
}

export interface ReadAloudOptions {
  /** the readable units in reading order, asked for on each play() (see readableUnits) */
  units: () => HTMLElement[];
  /** language when a unit has no `lang` around it (default zh-CN) */
  lang?: string;
  rate?: number;
  /** a voiceURI; '' or unknown → the first Chinese voice */
  voice?: string;
  onChange?: (status: SpeechStatus) => void;
  /** keep the sentence being read in view (default true) */
  scrollIntoView?: boolean;
}

/** the name of the CSS custom highlight over the sentence being read: style it with `::highlight(zw-reading)` */
export const READING_HIGHLIGHT = 'zw-reading';
/** the attribute on the unit being read */
export const READING_ATTRIBUTE = 'data-zw-reading';

const MAX_CHARS = 120;
/** consecutive failed utterances (errors or stalls) after which reading stops instead of skipping on */
const MAX_FAILURES = 3;

/** The engine, or undefined when the browser has none. */
function engine(): SpeechSynthesis | undefined {
  const w = typeof window === 'undefined' ? undefined : window;
  return w && w.speechSynthesis && typeof w.SpeechSynthesisUtterance === 'function' ? w.speechSynthesis : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Voices

const langOf = (voice: { lang: string }) => voice.lang.replace(/_/g, '-').toLowerCase();

/** Whether a BCP 47 tag is a Chinese language (zh, cmn, yue, …). */
export const isChineseLang = (lang: string) => /^(zh|cmn|yue|wuu|hak|nan|gan|hsn|cjy)(-|_|$)/i.test(lang);

/** 0 = Mandarin in simplified script (zh-CN), then bare zh, other Mandarin, Taiwan, Cantonese (HK/MO), other Chinese. */
function rankOf(voice: SpeechSynthesisVoice): number {
  const lang = langOf(voice);
  if (/^(zh|cmn)(-hans)?-cn$|^(zh|cmn)-hans$/.test(lang)) return 0;
  if (lang === 'zh' || lang === 'cmn') return 1;
  if (/^(zh|cmn)(-hans)?-sg$/.test(lang)) return 2;
  if (/-tw$|-hant$/.test(lang) && !/^yue/.test(lang)) return 3;
  if (/^yue|-hk$|-mo$/.test(lang)) return 4;
  return 5;
}

/** Chinese voices among `voices`, zh-CN first (the page's default voice first within a rank), in a stable order. */
export function sortChineseVoices(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice[] {
  return voices
    .map((voice, index) => ({ voice, index, rank: rankOf(voice) }))
    .filter(({ voice }) => isChineseLang(langOf(voice)))
    .sort((a, b) => a.rank - b.rank || Number(b.voice.default) - Number(a.voice.default) || a.index - b.index)
    .map(({ voice }) => voice);
}

/**
 * The Chinese voices of this browser, zh-CN first. `getVoices()` is often empty at first (Chrome fills it
 * asynchronously, some browsers never fire `voiceschanged`): then it listens for `voiceschanged` and also
 * asks again every 250 ms, until voices appear or `timeoutMs` has passed. Resolves [] without an engine.
 */
export function chineseVoices(timeoutMs = 2000): Promise<SpeechSynthesisVoice[]> {
  const synth = engine();
  if (!synth) return Promise.resolve([]);
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(sortChineseVoices(now));
  return new Promise((resolve) => {
    const check = (force = false) => {
      const voices = synth.getVoices();
      if (!voices.length && !force) return;
      synth.removeEventListener('voiceschanged', onChange);
      clearInterval(poll);
      clearTimeout(timer);
      resolve(sortChineseVoices(voices));
    };
    const onChange = () => check();
    synth.addEventListener('voiceschanged', onChange);
    const poll = setInterval(check, 250);
    const timer = setTimeout(() => check(true), timeoutMs);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

interface Reading {
  unit: HTMLElement;
  map: UnitText;
  utterances: Utterance[];
}

type HighlightCtor = new (...ranges: Range[]) => Highlight;

/** Sets and clears the watchdog's timer (see ReadAloud.clock). */
export interface WatchdogClock {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export class ReadAloud {
  /**
   * How long (ms) an utterance may go without `end` before the engine is deemed stuck: far longer than the
   * text can take (Chinese speech is ~4–5 characters a second at rate 1). A tuning point; tests set it low to
   * drive the stuck-engine path through events instead of waiting.
   */
  static stallAfter = (text: string, rate: number): number => 10_000 + (text.length * 600) / Math.max(0.1, rate);
  /**
   * The watchdog's clock: the window's timers. Tests put a manual clock here and let time pass explicitly, so a
   * stuck engine is driven by the test instead of waited for.
   */
  static clock: WatchdogClock = { set: (callback, ms) => setTimeout(callback, ms), clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };

  private readonly options: ReadAloudOptions;
  private readonly synth = engine();
  private currentStatus: SpeechStatus;
  private currentRate: number;
  private voiceURI: string;
  private queue: HTMLElement[] = [];
  private unitIndex = -1;
  private reading?: Reading;
  private index = 0;
  /** the utterance in the engine; events of any other utterance are stale (ours, cancelled) and ignored */
  private current?: SpeechSynthesisUtterance;
  private started = false;
  private pausedSince = false;
  private restartOnResume = false;
  private retried = false;
  private failures = 0;
  private warned = false;
  private watchdog?: unknown;
  private highlight?: Highlight;
  private marked?: HTMLElement;
  private readonly recheckVoices = () => this.voicesFound(sortChineseVoices(this.synth!.getVoices()));

  constructor(options: ReadAloudOptions) {
    this.options = options;
    this.currentRate = clampRate(options.rate ?? 1);
    this.voiceURI = options.voice ?? '';
    this.currentStatus = this.synth ? { state: 'idle' } : { state: 'unavailable', reason: 'no-speech' };
    if (this.synth) void chineseVoices().then((voices) => this.voicesFound(voices));
  }

  get status(): SpeechStatus {
    return this.currentStatus;
  }

  get rate(): number {
    return this.currentRate;
  }
  /** Applies from the next utterance. */
  set rate(n: number) {
    this.currentRate = clampRate(n);
  }

  get voice(): string {
    return this.voiceURI;
  }
  /** A voiceURI ('' = the first Chinese voice); applies from the next utterance. */
  set voice(voiceURI: string) {
    this.voiceURI = voiceURI ?? '';
  }

  /** 连读: reads from `from` (a unit, something in one, or the first unit after it), or from the start, to the end. While paused, play() without `from` resumes. */
  play(from?: HTMLElement): void {
    if (!this.ready()) return;
    if (!from && this.currentStatus.state === 'paused') return this.resume();
    const units = this.options.units();
    let start = 0;
    if (from) {
      const unit = unitFor(from, units);
      start = unit ? units.indexOf(unit) : units.findIndex((u) => from.contains(u) || !!(from.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING));
      if (start < 0) start = units.length;
    }
    this.begin(units.slice(start));
  }

  /** 指读: reads that unit only (or the units inside it), replacing what is being read. */
  readOne(unit: HTMLElement): void {
    if (!this.ready()) return;
    const units = this.options.units();
    const own = unitFor(unit, units);
    const inside = own ? [own] : units.filter((u) => unit.contains(u));
    this.begin(inside.length ? inside : [unit]);
  }

  pause(): void {
    if (!this.synth || this.currentStatus.state !== 'playing') return;
    this.clearWatchdog();
    this.pausedSince = true;
    this.restartOnResume = false;
    this.setStatus({ ...this.currentStatus, state: 'paused' });
    this.synth.pause();
  }

  resume(): void {
    const synth = this.synth;
    if (!synth || this.currentStatus.state !== 'paused') return;
    this.setStatus({ ...this.currentStatus, state: 'playing' });
    // Android cancels on pause (an end/error arrived, or the engine has nothing left): say the sentence again
    if (this.restartOnResume || !this.current || (!synth.speaking && !synth.pending)) {
      this.restartOnResume = false;
      this.silence();
      if (synth.paused) synth.resume();
      if (this.reading) this.speak();
      else this.nextUnit();
      return;
    }
    synth.resume();
    this.armWatchdog(this.current);
  }

  stop(): void {
    this.silence();
    this.queue = [];
    this.reading = undefined;
    this.clearMarks();
    if (!this.unavailable()) this.setStatus({ state: 'idle' });
  }

  // -------------------------------------------------------------------------------------------------------------

  private unavailable(): boolean {
    return this.currentStatus.state === 'unavailable';
  }

  /**
   * Whether reading can start. Without a Chinese voice it looks again first: voices may have arrived since the
   * lookup gave up with no `voiceschanged` at all (some browsers never fire it; a voice pack installed meanwhile).
   */
  private ready(): boolean {
    if (!this.synth) return false;
    if (this.currentStatus.state === 'unavailable' && this.currentStatus.reason === 'no-chinese-voice') this.recheckVoices();
    return !this.unavailable();
  }

  private begin(units: HTMLElement[]): void {
    const synth = this.synth!;
    this.silence();
    this.clearMarks();
    // a paused engine keeps new utterances waiting (Chrome): leave the pause
    if (synth.paused) synth.resume();
    this.queue = units;
    this.unitIndex = -1;
    this.failures = 0;
    this.warned = false;
    this.nextUnit();
  }

  private nextUnit(): void {
    for (;;) {
      this.unitIndex++;
      const unit = this.queue[this.unitIndex];
      if (!unit) return this.finish();
      if (!unit.isConnected) continue;
      const map = unitText(unit);
      const utterances = splitUtterances(map.text, this.maxChars());
      if (!utterances.length) continue;
      this.reading = { unit, map, utterances };
      this.index = 0;
      return this.speak();
    }
  }

  private advance(): void {
    this.index++;
    if (this.reading && this.index < this.reading.utterances.length) this.speak();
    else this.nextUnit();
  }

  private finish(): void {
    this.silence();
    this.queue = [];
    this.reading = undefined;
    this.clearMarks();
    this.setStatus({ state: 'idle' });
  }

  /** Speaks the current utterance (from its beginning). */
  private speak(): void {
    const synth = this.synth!;
    const { unit, utterances } = this.reading!;
    // the text may have changed in place since the unit was split (简/繁 keeps lengths; 拼音 adds <rt>, which is not read)
    const fresh = unitText(unit);
    const same = fresh.text.length === this.reading!.map.text.length;
    const split = utterances[this.index];
    const part = same ? { ...split, text: fresh.text.slice(split.start, split.end) } : split;
    const Utterance = window.SpeechSynthesisUtterance;
    const u = new Utterance(part.text);
    const lang = unit.closest('[lang]')?.getAttribute('lang') || this.options.lang || 'zh-CN';
    u.lang = lang;
    u.rate = this.currentRate;
    const voice = isChineseLang(lang) ? this.chosenVoice() : undefined;
    if (voice) u.voice = voice;
    u.addEventListener('start', () => {
      if (u === this.current) this.started = true;
    });
    u.addEventListener('end', () => this.ended(u));
    u.addEventListener('error', (event) => this.failed(u, (event as SpeechSynthesisErrorEvent).error));
    this.current = u;
    this.started = false;
    this.pausedSince = false;
    this.mark(part, same ? fresh : undefined);
    this.setStatus({ state: 'playing', unit, text: part.text });
    synth.speak(u);
    // an engine may answer inside speak() (Chrome: error 'not-allowed' without user activation)
    if (u === this.current) this.armWatchdog(u);
  }

  private ended(u: SpeechSynthesisUtterance): void {
    if (u !== this.current) return;
    if (this.currentStatus.state === 'paused') {
      this.restartOnResume = true; // Android: pause() ended the utterance
      return;
    }
    this.clearWatchdog();
    this.current = undefined;
    this.failures = 0;
    this.retried = false;
    this.advance();
  }

  private failed(u: SpeechSynthesisUtterance, error: string | undefined): void {
    if (u !== this.current) return;
    if (this.currentStatus.state === 'paused') {
      this.restartOnResume = true; // Android: pause() cancelled the utterance
      return;
    }
    this.clearWatchdog();
    this.current = undefined;
    if (error === 'interrupted' || error === 'canceled') {
      // not ours (ours are stale by now): the page or another reader took the engine
      this.stop();
      return;
    }
    this.report(`speech failed (${error ?? 'unknown error'})`, u.text);
    if (error === 'not-allowed' || ++this.failures >= MAX_FAILURES) {
      this.stop();
      return;
    }
    this.retried = false;
    this.advance();
  }

  private armWatchdog(u: SpeechSynthesisUtterance): void {
    this.clearWatchdog();
    this.watchdog = ReadAloud.clock.set(() => this.stalled(u), ReadAloud.stallAfter(u.text, u.rate));
  }

  private clearWatchdog(): void {
    if (this.watchdog !== undefined) ReadAloud.clock.clear(this.watchdog);
    this.watchdog = undefined;
  }

  /** No `end` for far longer than the text can take. */
  private stalled(u: SpeechSynthesisUtterance): void {
    this.watchdog = undefined;
    if (u !== this.current || this.currentStatus.state !== 'playing') return;
    this.report('the speech engine stopped answering', u.text);
    const lostEnd = this.started && !this.pausedSince; // it was spoken, the engine just never said so
    this.silence();
    if (!lostEnd && ++this.failures >= MAX_FAILURES) {
      this.stop();
      return;
    }
    // Not started, or stuck after a resume (Chrome's network voices): say it again once, then move on.
    if (!lostEnd && !this.retried) {
      this.retried = true;
      this.speak();
      return;
    }
    this.retried = false;
    this.advance();
  }

  /** Cancels what the engine is saying; its late events become stale. */
  private silence(): void {
    this.clearWatchdog();
    this.current = undefined;
    const synth = this.synth;
    if (synth && (synth.speaking || synth.pending || synth.paused)) synth.cancel();
  }

  private report(message: string, detail: string): void {
    if (this.warned) return;
    this.warned = true;
    console.warn(`[zhengwu-elements] read aloud: ${message}`, detail);
  }

  private chosenVoice(): SpeechSynthesisVoice | undefined {
    const voices = this.synth!.getVoices();
    return (this.voiceURI && voices.find((v) => v.voiceURI === this.voiceURI)) || sortChineseVoices(voices)[0];
  }

  /** Network voices stop after ~15 s of one utterance: about 55 characters a second of rate, 120 at most. */
  private maxChars(): number {
    const voice = this.chosenVoice();
    if (!voice || voice.localService) return MAX_CHARS;
    return Math.max(30, Math.min(MAX_CHARS, Math.round(55 * this.currentRate)));
  }

  private voicesFound(voices: SpeechSynthesisVoice[]): void {
    const synth = this.synth!;
    if (this.currentStatus.state === 'unavailable' && voices.length) {
      synth.removeEventListener('voiceschanged', this.recheckVoices);
      this.setStatus({ state: 'idle' });
    } else if (!voices.length && !this.unavailable()) {
      this.stop();
      this.setStatus({ state: 'unavailable', reason: 'no-chinese-voice' });
      // voices may still arrive (late voiceschanged, a voice pack installed)
      synth.addEventListener('voiceschanged', this.recheckVoices);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Marks: the attribute on the unit, the highlight over the sentence, the scroll

  /** `map`: where the unit's text is now, unless it changed length since the split (then no sentence range). */
  private mark(part: Utterance, map: UnitText | undefined): void {
    const { unit } = this.reading!;
    if (this.marked !== unit) this.marked?.removeAttribute(READING_ATTRIBUTE);
    unit.setAttribute(READING_ATTRIBUTE, '');
    this.marked = unit;
    const ranges = map ? textRanges(map, part.start, part.end) : [];
    this.setHighlight(ranges);
    if (this.options.scrollIntoView !== false) keepInView(unit, ranges);
  }

  private setHighlight(ranges: Range[]): void {
    const registry = typeof CSS !== 'undefined' ? (CSS as { highlights?: HighlightRegistry }).highlights : undefined;
    const Ctor = (window as unknown as { Highlight?: HighlightCtor }).Highlight;
    if (!registry || !Ctor) return;
    if (!ranges.length) {
      if (this.highlight && registry.get(READING_HIGHLIGHT) === this.highlight) registry.delete(READING_HIGHLIGHT);
      this.highlight = undefined;
      return;
    }
    this.highlight = new Ctor(...ranges);
    registry.set(READING_HIGHLIGHT, this.highlight);
  }

  private clearMarks(): void {
    this.setHighlight([]);
    this.marked?.removeAttribute(READING_ATTRIBUTE);
    this.marked = undefined;
  }

  private setStatus(status: SpeechStatus): void {
    this.currentStatus = status;
    this.options.onChange?.(status);
  }
}

function clampRate(n: number): number {
  return Number.isFinite(n) ? Math.min(2, Math.max(0.5, n)) : 1;
}

/** Scrolls so the sentence is visible: the whole unit when it fits the viewport, else the sentence itself. */
function keepInView(unit: HTMLElement, ranges: Range[]): void {
  const behavior = scrollBehavior();
  const viewport = window.innerHeight || document.documentElement.clientHeight;
  const box = unit.getBoundingClientRect();
  // 'nearest' is a no-op when the unit is in view already (in the page and in any scrolling box around it)
  if (box.height <= viewport || !ranges.length) return unit.scrollIntoView({ block: 'nearest', behavior });
  const first = ranges[0].getBoundingClientRect();
  if (first.top < 0 || first.bottom > viewport) window.scrollBy({ top: first.top - viewport / 3, behavior });
}
