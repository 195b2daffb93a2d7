import { copyFileSync, mkdirSync } from 'node:fs';
import type { StorybookConfig } from '@storybook/web-components-vite';

// msw's service worker must be served at the root; copy the one matching the installed msw.
mkdirSync('.storybook/public', { recursive: true });
copyFileSync('node_modules/msw/lib/mockServiceWorker.js', '.storybook/public/mockServiceWorker.js');

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', 'msw-storybook-addon'],
  staticDirs: ['./public'],
  core: { disableTelemetry: true },
};
export default config;
