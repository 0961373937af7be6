import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // The sample documents, for the stories that load JSON through `src` (./data/policy-….json).
  staticDirs: [{ from: '../demo/data', to: '/data' }],
  core: { disableTelemetry: true },
};

export default config;
