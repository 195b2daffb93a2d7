// A static site (Eleventy) with the widgets: their CDN files are copied from the installed package
// into the site's /cdn/, and the widgets talk to a civic-server (`npm run api` starts one with demo
// content at http://localhost:8787; CIVIC_API points the site at another).
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const civicWidgets = dirname(createRequire(import.meta.url).resolve('civic-widgets/package.json'));

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ [relative('.', join(civicWidgets, 'dist/cdn'))]: 'cdn' });
  eleventyConfig.addGlobalData('civic', { api: process.env.CIVIC_API ?? 'http://localhost:8787/api' });
}

export const config = { dir: { input: 'src' } };
