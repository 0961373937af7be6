import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { publishReading } from '../src/base/reading-publish.js';
import { COLOR_THEMES, type ColorTheme } from '../src/core/reader/themes.js';

// Controls and the argTypes table come from the Custom Elements Manifest that
// `npm run analyze` writes (it copies dist/custom-elements.json here; `npm run
// build-storybook` runs it first). Loaded through a glob so that a fresh checkout
// without the generated file still starts, with a hint instead of a crash.
interface ManifestMember {
  kind?: string;
  name?: string;
  privacy?: string;
  readonly?: boolean;
  static?: boolean;
}
interface Manifest {
  modules?: { declarations?: { members?: ManifestMember[] }[] }[];
}

/**
 * Only the public, writable fields become controls: the analyzer also lists
 * private and protected members (request ids, observers, the rendered doc) and
 * read-only getters, which a designer cannot set.
 */
function publicInputs(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  for (const module of copy.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      declaration.members = declaration.members?.filter(
        (member) => member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.readonly && !member.static && !/^[_#]/.test(member.name ?? ''),
      );
    }
  }
  return copy;
}

const manifests = import.meta.glob<Manifest>('./custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['./custom-elements.json'];
if (manifest) setCustomElementsManifest(publicInputs(manifest));
else console.warn('[storybook] .storybook/custom-elements.json is missing: run `npm run analyze` for controls from the manifest.');

// The preview iframe says <html lang="en">. A 政务公开 portal page is zh-CN, and the
// elements' UI follows the nearest `lang`, so the stories start from zh-CN (the toolbar's
// 语言 switch below changes it); stories that need another UI language put `lang` on a wrapper.
document.documentElement.lang = 'zh-CN';

/** Events, slots and CSS parts are documentation in the table, not values to edit. */
const DOC_ONLY = new Set(['events', 'slots', 'css shadow parts']);

const THEME_NAMES: Record<ColorTheme, string> = {
  default: '默认 Default',
  sepia: '护眼 Sepia',
  dark: '深色 Dark',
  'contrast-black': '黑底黄字 Yellow on black',
  'contrast-white': '白底黑字 Black on white',
};

const preview: Preview = {
  /**
   * Toolbar switches for every story: the UI language (the `lang` the elements follow), the theme colour, and the page-wide reading
   * settings a <zw-reader> on the page would publish (text size, colour theme: src/base/reading.ts) — what a designer
   * checks each state in. Stories that set their own `lang` or reader keep theirs.
   */
  globalTypes: {
    locale: {
      description: '界面语言 UI language',
      toolbar: {
        title: '语言',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'zh-CN', title: '简体中文' },
          { value: 'en', title: 'English' },
          { value: 'zh-Hant', title: '繁體中文' },
        ],
      },
    },
    brandTheme: {
      description: '主题色 The element theme (`theme` attribute): 党政红 red or blue',
      toolbar: {
        title: '主题色',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'story', title: '按故事 As the story sets it' },
          { value: 'red', title: '党政红 Red' },
          { value: 'blue', title: '蓝色 Blue' },
        ],
      },
    },
    readingTheme: {
      description: '阅读配色 Reading colour theme (as <zw-reader> sets it page-wide)',
      toolbar: { title: '配色', icon: 'contrast', dynamicTitle: true, items: COLOR_THEMES.map((value) => ({ value, title: THEME_NAMES[value] })) },
    },
    textScale: {
      description: '文字大小 Text size (as <zw-reader> sets it page-wide)',
      toolbar: {
        title: '字号',
        icon: 'zoom',
        dynamicTitle: true,
        items: ['1', '1.5', '2', '3'].map((value) => ({ value, title: `${Number(value) * 100}%` })),
      },
    },
  },
  initialGlobals: { locale: 'zh-CN', brandTheme: 'story', readingTheme: 'default', textScale: '1' },
  decorators: [
    (story, context) => {
      document.documentElement.lang = String(context.globals.locale ?? 'zh-CN');
      const textScale = Number(context.globals.textScale ?? 1);
      const colorTheme = (context.globals.readingTheme ?? 'default') as ColorTheme;
      publishReading(textScale === 1 && colorTheme === 'default' ? null : { textScale, colorTheme });
      // the theme is an attribute of each element: the stories pass their `theme` arg to it
      const brand = context.globals.brandTheme;
      if (brand === 'red' || brand === 'blue') return story({ args: { ...context.args, theme: brand === 'blue' ? 'blue' : '' } });
      return story();
    },
  ],
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, argType]) => {
          const category = String(argType.table?.category);
          if (DOC_ONLY.has(category)) return [name, { ...argType, control: false as const }];
          // `--zw-*` tokens from the manifest: editable (the stories set them on the wrapper).
          if (category === 'css custom properties' && argType.control === undefined) {
            return [name, { ...argType, control: { type: /^--zw-color-/.test(name) ? ('color' as const) : ('text' as const) } }];
          }
          return [name, argType];
        }),
      ),
  ],
  parameters: {
    layout: 'padded',
    // the a11y panel checks the story itself (not Storybook's frame), with axe's WCAG A/AA and best-practice rules
    a11y: { context: '#storybook-root' },
    controls: { expanded: true, sort: 'none' },
    viewport: {
      options: {
        phone: { name: '手机 Phone 375', styles: { width: '375px', height: '740px' }, type: 'mobile' },
        elderPhone: { name: '大屏手机 Phone 414', styles: { width: '414px', height: '896px' }, type: 'mobile' },
        tablet: { name: '平板 Tablet 768', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
        desktop: { name: '桌面 Desktop 1280', styles: { width: '1280px', height: '900px' }, type: 'desktop' },
      },
    },
  },
};

export default preview;
