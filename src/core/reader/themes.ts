/**
 * The reader's colour themes (`color-theme`). Each gives the colour tokens every zw element draws with; see
 * base/reading.ts for how they reach the page. Rules the tests hold them to: body text ≥ 7:1 (WCAG 1.4.6 AAA)
 * on surface and subtle; muted, link, primary (button text and borders) and focus ≥ 4.5:1 on both; the
 * sentence being read (markText on mark) ≥ 7:1. `default` repeats the library's light tokens (theme.styles.ts).
 */
export type ColorTheme = 'default' | 'sepia' | 'dark' | 'contrast-black' | 'contrast-white';

export interface ReaderTheme {
  /** the scheme the elements switch to: form controls, scroll bars and the tokens not listed here */
  scheme: 'light' | 'dark';
  text: string;
  surface: string;
  muted: string;
  link: string;
  primary: string;
  border: string;
  subtle: string;
  focus: string;
  /** background of the sentence being read aloud */
  mark: string;
  markText: string;
}

export const COLOR_THEMES: readonly ColorTheme[] = ['default', 'sepia', 'dark', 'contrast-black', 'contrast-white'];

export const READER_THEMES: Readonly<Record<ColorTheme, ReaderTheme>> = {
  default: {
    scheme: 'light',
    text: '#1f1f1f',
    surface: '#ffffff',
    muted: '#595959',
    link: '#0b4f9c',
    primary: '#b3191f',
    border: '#d9d4cc',
    subtle: '#f6f4f1',
    focus: '#1a5fd0',
    mark: '#fff1a8',
    markText: '#1f1f1f',
  },
  // 护眼: warm paper, dark brown ink
  sepia: {
    scheme: 'light',
    text: '#3b2a17',
    surface: '#f5ecd7',
    muted: '#5f4a30',
    link: '#1c4a80',
    primary: '#8c2f14',
    border: '#c9b690',
    subtle: '#ece0c3',
    focus: '#1c4fa8',
    mark: '#ffd978',
    markText: '#2b1d0e',
  },
  dark: {
    scheme: 'dark',
    text: '#ececec',
    surface: '#121212',
    muted: '#bdbdbd',
    link: '#8cc4ff',
    primary: '#ff8a80',
    border: '#5a5a60',
    subtle: '#222225',
    focus: '#8cc4ff',
    mark: '#5c4d00',
    markText: '#ffffff',
  },
  // yellow on black; links cyan
  'contrast-black': {
    scheme: 'dark',
    text: '#ffff00',
    surface: '#000000',
    muted: '#ffffff',
    link: '#00ffff',
    primary: '#ffff00',
    border: '#ffff00',
    subtle: '#1a1a1a',
    focus: '#00ffff',
    mark: '#ffff00',
    markText: '#000000',
  },
  // black on white; links dark blue
  'contrast-white': {
    scheme: 'light',
    text: '#000000',
    surface: '#ffffff',
    muted: '#000000',
    link: '#0000b3',
    primary: '#000000',
    border: '#000000',
    subtle: '#f0f0f0',
    focus: '#0037b3',
    mark: '#ffff00',
    markText: '#000000',
  },
};
