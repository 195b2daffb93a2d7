import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../dist/custom-elements.json';
import { locales } from '../src/core/locales.js';
import { PSEUDO, usePseudoLocale } from '../src/core/pseudo.js';

setCustomElementsManifest(manifest);
usePseudoLocale();

/** Every language the widgets ship, by its own name, then the pseudo-locale (accented, longer strings: hard-coded text and tight layouts show). */
const languages = Object.keys(locales)
  .filter((code) => code !== PSEUDO)
  .map((code) => ({ value: code, title: new Intl.DisplayNames([code], { type: 'language' }).of(code)?.replace(/^./, (c) => c.toLocaleUpperCase(code)) ?? code }))
  .concat({ value: PSEUDO, title: `Pseudo-locale (${PSEUDO})` });

const themes: Record<string, string> = {
  light: 'background:#fff;color:#1a1a1a;color-scheme:light',
  dark: 'background:#121417;color:#e8eaed;color-scheme:dark',
  accent: 'background:#fbfaf7;color:#22201c;font-family:Georgia,serif;--civic-color-accent:#0b57d0;--civic-color-on-accent:#fff;--civic-radius:0;color-scheme:light',
};

const preview: Preview = {
  loaders: [mswLoader()],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: languages, dynamicTitle: true },
    },
    theme: {
      description: 'Host page theme',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'accent'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr', theme: 'light' },
  decorators: [
    (story, { globals }) =>
      html`<div lang=${globals['locale'] ?? 'fr'} style="padding:1.5rem;min-height:100vh;${themes[globals['theme'] ?? 'light']}">${story()}</div>`,
  ],
  parameters: {
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};
export default preview;
