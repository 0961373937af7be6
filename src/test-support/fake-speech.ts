/**
 * A stand-in for the browser's speech engine, installed on `window` (the API boundary): it records each
 * utterance and lets a test fire `start`/`end`/`error`, pause as desktop Chrome does (paused) or as Android
 * does (cancels), and deliver voices late or never. Nothing here waits for time: events drive everything.
 * Used by speech.test.ts (ReadAloud, every engine quirk) and reader.test.ts (the element's wiring).
 */
export class FakeUtterance extends EventTarget {
  text: string;
  lang = '';
  rate = 1;
  pitch = 1;
  volume = 1;
  voice: SpeechSynthesisVoice | null = null;
  constructor(text = '') {
    super();
    this.text = text;
  }
}

type Voice = Pick<SpeechSynthesisVoice, 'name' | 'lang' | 'voiceURI' | 'localService' | 'default'>;
/** A voice as getVoices() lists it (voiceURI `uri:<name>` unless given). */
export const voice = (name: string, lang: string, extra: Partial<Voice> = {}) =>
  ({ name, lang, voiceURI: `uri:${name}`, localService: true, default: false, ...extra }) as SpeechSynthesisVoice;

export class FakeSynth extends EventTarget {
  /** what getVoices() answers: replace or push to it, then fire `voiceschanged` (or not) */
  voices: SpeechSynthesisVoice[];
  /** every utterance given to speak(), in order */
  spoken: FakeUtterance[] = [];
  /** what the engine holds now (spoken or waiting) */
  held: FakeUtterance[] = [];
  paused = false;
  /**
   * pause() cancels, as on Android: 'end' or 'error' after the call, or 'silent' (nothing fires, speaking becomes
   * false), or 'end-held' (an 'end' while the engine still says it is speaking)
   */
  android?: 'end' | 'error' | 'silent' | 'end-held';
  calls: string[] = [];
  /** speak() while another utterance was still held: the queue must be one at a time */
  overlaps = 0;
  /** events the engine fired on its own after pause/cancel (asynchronously, as browsers do) */
  asyncFired = 0;
  /** autoStart: each utterance fires `start` by itself (in a microtask) once spoken; otherwise the test calls start() */
  private readonly autoStart: boolean;
  constructor(voices: SpeechSynthesisVoice[], { autoStart = false }: { autoStart?: boolean } = {}) {
    super();
    this.voices = voices;
    this.autoStart = autoStart;
  }
  get speaking() {
    return this.held.length > 0;
  }
  get pending() {
    return false;
  }
  getVoices() {
    return this.voices;
  }
  speak(u: FakeUtterance) {
    if (this.held.length) this.overlaps++;
    this.calls.push('speak');
    this.spoken.push(u);
    this.held.push(u);
    if (this.autoStart) queueMicrotask(() => this.start(u));
  }
  cancel() {
    this.calls.push('cancel');
    for (const u of this.held.splice(0)) this.later(u, 'error', 'interrupted');
  }
  pause() {
    this.calls.push('pause');
    if (!this.android) this.paused = true;
    else if (this.android === 'end-held') for (const u of this.held) this.later(u, 'end', '');
    else for (const u of this.held.splice(0)) if (this.android !== 'silent') this.later(u, this.android, 'interrupted');
  }
  resume() {
    this.calls.push('resume');
    this.paused = false;
  }
  get last() {
    return this.spoken[this.spoken.length - 1];
  }
  start(u = this.last) {
    u.dispatchEvent(new Event('start'));
  }
  /** The engine finished `u`. */
  end(u = this.last) {
    this.held = this.held.filter((h) => h !== u);
    u.dispatchEvent(new Event('end'));
  }
  fail(error: string, u = this.last) {
    this.held = this.held.filter((h) => h !== u);
    u.dispatchEvent(Object.assign(new Event('error'), { error }));
  }
  private later(u: FakeUtterance, type: 'end' | 'error', error: string) {
    setTimeout(() => {
      u.dispatchEvent(type === 'error' ? Object.assign(new Event('error'), { error }) : new Event('end'));
      this.asyncFired++;
    });
  }
}

const saved = new Map<string, PropertyDescriptor | undefined>();
/** Puts `synth` (or, with undefined, no speech engine at all) on window; uninstallSpeech() puts the browser's back. */
export function installSpeech(synth: FakeSynth | undefined): FakeSynth | undefined {
  for (const [name, value] of [
    ['speechSynthesis', synth],
    ['SpeechSynthesisUtterance', synth ? FakeUtterance : undefined],
  ] as const) {
    if (!saved.has(name)) saved.set(name, Object.getOwnPropertyDescriptor(window, name));
    Object.defineProperty(window, name, { configurable: true, writable: true, value });
  }
  return synth;
}
export function uninstallSpeech() {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(window, name, descriptor);
    else delete (window as unknown as Record<string, unknown>)[name];
  }
  saved.clear();
}
