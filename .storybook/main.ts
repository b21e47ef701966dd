import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // mockServiceWorker.js (made by `npx msw init public`) for the msw handlers of the fake service.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
