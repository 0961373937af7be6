import type { ColorTheme } from './themes.js';

export type { ColorTheme } from './themes.js';

/**
 * The reader's preferences: their ranges, their defaults from the system's `prefers-*`, and how they are kept
 * in localStorage under one versioned key. Only what the reader changed is stored, so an attribute the portal
 * sets later still applies to everything else.
 */
export type ReaderFont = 'default' | 'hei' | 'song' | 'kai';
export type ReaderScript = 'original' | 'hant';

export interface ReaderPrefs {
  /** factor on the text size, 1–3 */
  textScale: number;
  /** 1.3–2.5 */
  lineHeight: number;
  /** em, 0–0.3 */
  letterSpacing: number;
  /** × line height, 1.3–3 */
  paragraphSpacing: number;
  /** characters per line, 20–80 */
  lineWidth: number;
  font: ReaderFont;
  colorTheme: ColorTheme;
  /** 适老化: see effectivePrefs; choosing it also turns 指读 on (elderlyChoice) */
  elderly: boolean;
  /** 指读 (point-to-read): what is clicked or focused is read aloud */
  pointRead: boolean;
  /** speech rate, 0.5–2 */
  rate: number;
  /** voiceURI, or '' for the first Chinese voice */
  voice: string;
  ruler: boolean;
  crosshair: boolean;
  caption: boolean;
  largeCursor: boolean;
  pinyin: boolean;
  script: ReaderScript;
}

export interface PrefsEnvironment {
  prefersContrast: boolean;
  prefersDark: boolean;
  reducedMotion: boolean;
}

export const PREFS_KEY = 'zw-reader:v1';
const VERSION = 1;

export const TEXT_SCALES: readonly number[] = [1, 1.25, 1.5, 1.75, 2, 2.5, 3];

type NumberKey = { [K in keyof ReaderPrefs]: ReaderPrefs[K] extends number ? K : never }[keyof ReaderPrefs];
type BooleanKey = { [K in keyof ReaderPrefs]: ReaderPrefs[K] extends boolean ? K : never }[keyof ReaderPrefs];

/** Inclusive ranges of the numeric preferences. */
export const PREF_RANGES: Readonly<Record<NumberKey, readonly [min: number, max: number]>> = {
  textScale: [1, 3],
  lineHeight: [1.3, 2.5],
  letterSpacing: [0, 0.3],
  paragraphSpacing: [1.3, 3],
  lineWidth: [20, 80],
  rate: [0.5, 2],
};

const CHOICES = {
  font: ['default', 'hei', 'song', 'kai'],
  colorTheme: ['default', 'sepia', 'dark', 'contrast-black', 'contrast-white'],
  script: ['original', 'hant'],
} as const satisfies { [K in keyof ReaderPrefs]?: readonly ReaderPrefs[K][] };

const BOOLEANS: readonly BooleanKey[] = ['elderly', 'pointRead', 'ruler', 'crosshair', 'caption', 'largeCursor', 'pinyin'];

/** The preferences before the reader chose anything, following the system's settings. */
export function defaultPrefs(env: PrefsEnvironment): ReaderPrefs {
  const colorTheme: ColorTheme = env.prefersContrast ? (env.prefersDark ? 'contrast-black' : 'contrast-white') : env.prefersDark ? 'dark' : 'default';
  return {
    textScale: 1,
    lineHeight: 1.8,
    letterSpacing: 0,
    paragraphSpacing: 1.5,
    lineWidth: 40,
    font: 'default',
    colorTheme,
    elderly: false,
    pointRead: false,
    rate: 1,
    voice: '',
    ruler: false,
    crosshair: false,
    caption: false,
    largeCursor: false,
    pinyin: false,
    script: 'original',
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The fields of `input` that are valid preferences (numbers clamped into range); nothing else. */
function validFields(input: unknown): Partial<ReaderPrefs> {
  if (!isRecord(input)) return {};
  const out: Partial<Record<keyof ReaderPrefs, unknown>> = {};
  for (const key of Object.keys(PREF_RANGES) as NumberKey[]) {
    const v = own(input, key) ? input[key] : undefined;
    if (typeof v === 'number' && Number.isFinite(v)) out[key] = Math.min(PREF_RANGES[key][1], Math.max(PREF_RANGES[key][0], v));
  }
  for (const key of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
    const v = own(input, key) ? input[key] : undefined;
    if ((CHOICES[key] as readonly unknown[]).includes(v)) out[key] = v;
  }
  for (const key of BOOLEANS) {
    const v = own(input, key) ? input[key] : undefined;
    if (typeof v === 'boolean') out[key] = v;
  }
  // a voiceURI is opaque; keep it only when it is a plain, sane string
  const voice = own(input, 'voice') ? input.voice : undefined;
  if (typeof voice === 'string' && voice.length <= 500) out.voice = voice;
  return out as Partial<ReaderPrefs>;
}

/** `input` as preferences: each field that is missing, of the wrong type or not a known value falls back to `base`; numbers are clamped. */
export function clampPrefs(input: unknown, base: ReaderPrefs): ReaderPrefs {
  return { ...base, ...validFields(input) };
}

/**
 * Reads what `serializePrefs` wrote. `stored` is only what the reader chose (valid fields of a version-1 record);
 * another version, broken JSON or any other shape counts as nothing stored.
 */
export function parseStoredPrefs(raw: string | null, base: ReaderPrefs): { prefs: ReaderPrefs; stored: Partial<ReaderPrefs> } {
  let stored: Partial<ReaderPrefs> = {};
  if (raw) {
    try {
      const record: unknown = JSON.parse(raw);
      if (isRecord(record) && record.v === VERSION) stored = validFields(record.prefs);
    } catch {
      // junk in storage: as if nothing were stored
    }
  }
  return { prefs: { ...base, ...stored }, stored };
}

/** The storage record for the preferences the reader changed. */
export function serializePrefs(changed: Partial<ReaderPrefs>): string {
  return JSON.stringify({ v: VERSION, prefs: validFields(changed) });
}

/** The next text size step up (+1) or down (−1) from `scale`, staying within TEXT_SCALES; a scale between steps moves to the neighbouring step. */
export function stepTextScale(scale: number, direction: 1 | -1): number {
  const first = TEXT_SCALES[0];
  const last = TEXT_SCALES[TEXT_SCALES.length - 1];
  if (!Number.isFinite(scale)) return first;
  const epsilon = 1e-9;
  if (direction > 0) return TEXT_SCALES.find((s) => s > scale + epsilon) ?? last;
  for (let i = TEXT_SCALES.length - 1; i >= 0; i--) if (TEXT_SCALES[i] < scale - epsilon) return TEXT_SCALES[i];
  return first;
}

/**
 * The choice of elderly mode (适老化) as one switch: on, it turns 指读 (read-aloud on focus) on with it; off, it turns
 * it off again. 指读 stays a preference of its own: turning it off later leaves elderly mode alone.
 */
export function elderlyChoice(on: boolean): Pick<ReaderPrefs, 'elderly' | 'pointRead'> {
  return { elderly: on, pointRead: on };
}

/** Elderly mode's floor (工信部 适老化): large text, generous spacing. */
export const ELDERLY_MINIMUM = { textScale: 1.5, lineHeight: 1.8, paragraphSpacing: 1.5 } as const;

/**
 * The preferences as applied: in elderly mode (适老化) the text is at least 1.5×, the line height at least 1.8,
 * paragraphs at least 1.5 line heights apart, and the default theme becomes high contrast (black on white).
 * The reader's own larger values and chosen themes stay.
 */
export function effectivePrefs(p: ReaderPrefs): ReaderPrefs {
  if (!p.elderly) return p;
  return {
    ...p,
    textScale: Math.max(p.textScale, ELDERLY_MINIMUM.textScale),
    lineHeight: Math.max(p.lineHeight, ELDERLY_MINIMUM.lineHeight),
    paragraphSpacing: Math.max(p.paragraphSpacing, ELDERLY_MINIMUM.paragraphSpacing),
    colorTheme: p.colorTheme === 'default' ? 'contrast-white' : p.colorTheme,
  };
}
