// Browser tests: every test/**/*.test.ts except those node runs (server, domain timings, e2e, docs,
// wordpress, package, examples), in Chromium, with TypeScript compiled by esbuild, lit in dev mode
// (its warnings fail the tests, see test/helpers.ts), and msw's service worker served at
// /mockServiceWorker.js.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeArgs, findChrome } from './scripts/chrome.mjs';

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

export default {
  files: ['test/**/*.test.ts', '!test/server/**', '!test/e2e/**', '!test/docs/**', '!test/wordpress/**', '!test/package/**', '!test/examples/**', '!test/domain/**'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/node_modules/msw/lib/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: findChrome(), args: chromeArgs } })],
  concurrency: 2,
  testFramework: { config: { timeout: 10000, ...(process.env.GREP ? { grep: process.env.GREP } : {}) } },
  testsFinishTimeout: 5 * 60 * 1000,
};
