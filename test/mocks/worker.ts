/** Starts msw's service worker once per test page (served at /mockServiceWorker.js by the test runner). */
import { setupWorker } from 'msw/browser';

export const worker = setupWorker();
let started: Promise<unknown> | undefined;
export const startWorker = () =>
  (started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
