import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';

// Controls and the argTypes table come from the Custom Elements Manifest that
// `npm run analyze` writes (it copies dist/custom-elements.json here; `npm run
// build-storybook` runs it first). Loaded through a glob so that a fresh checkout
// without the generated file still starts, with a hint instead of a crash.
const manifests = import.meta.glob<Record<string, unknown>>('./custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['./custom-elements.json'];
if (manifest) setCustomElementsManifest(manifest);
else console.warn('[storybook] .storybook/custom-elements.json is missing: run `npm run analyze` for controls from the manifest.');

// The preview iframe says <html lang="en">. A 政务公开 portal page is zh-CN, and the
// elements' UI follows the nearest `lang`, so the stories start from zh-CN; stories
// that need another UI language put `lang` on a wrapper.
document.documentElement.lang = 'zh-CN';

const preview: Preview = {
  parameters: {
    layout: 'padded',
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
