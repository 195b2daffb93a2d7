/**
 * What the end-to-end tests share: the built server started as a user starts it (`dist/server/cli.js`
 * on a fresh PGlite in a temporary folder, port 0), a page of another origin (a blog where an embed
 * code is pasted), Chromium, axe, and the page errors a test asserts are none. Needs the build (npm
 * test builds before the e2e step).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';

export interface RunningServer {
  /** `http://127.0.0.1:<port>`. */
  base: string;
  /** What the server printed up to the moment it listened (and, with `--demo`, printed the owner's link). */
  out: string;
  /** The one-time sign-in link for the demo's owner (with `--demo`). */
  ownerLink: string;
  stop(): void;
}

/**
 * Starts the built server on port 0 with `args` (e.g. `--demo`) and `env`, or `npm start`'s script
 * (`scripts/start.mjs`, the demo); resolves once it listens (and, for the demo, printed its owner's link).
 */
export async function startServer(args: string[] = [], env: Record<string, string> = {}, script = 'dist/server/cli.js'): Promise<RunningServer> {
  const data = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const child: ChildProcess = spawn('node', [script, ...args, '--host', '127.0.0.1', '--port', '0', '--data', data], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const demo = args.includes('--demo') || script.endsWith('start.mjs');
  let out = '';
  const [base, ownerLink] = await new Promise<[string, string]>((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += String(b);
      const at = /listening on (http:\/\/\S+)/.exec(out);
      const link = /sign in as the demo's owner[^:]*: (\S+)/.exec(out);
      if (at && (link || !demo)) resolve([at[1]!, link?.[1] ?? '']);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    base,
    out,
    ownerLink,
    stop() {
      child.kill();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/**
 * A blog on another origin: `page(req, res)` is the HTML body it serves (read at each request), in a
 * post of the blog; or, where the blog has more than one page, nothing once `page` answered itself.
 */
export async function startBlog(page: (req: IncomingMessage, res: ServerResponse) => string | void): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const body = page(req, res);
    if (body === undefined) return;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><title>Mon blogue</title><main><h1>Mon billet</h1>\n${body}\n</main></html>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: findChrome(), args: chromeArgs });

/**
 * An organiser's browser context for the console at `base`: English, downloads on, the clipboard
 * granted (Copy the code), and the console's CSP bypassed so that axe can be injected.
 */
export async function organiser(browser: Browser, base: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', bypassCSP: true, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  return context;
}

/** What an organiser's end-to-end file runs against, set before its tests (read it inside them). */
export interface OrganiserRun {
  server: RunningServer;
  /** The server's `http://127.0.0.1:<port>`, and the demo owner's one-time sign-in link (with `--demo`). */
  base: string;
  ownerLink: string;
  /** The blog's page on another origin (`/`). */
  blogUrl: string;
  browser: Browser;
  /** The organiser's context for the console (see `organiser()`). */
  owner: BrowserContext;
}

/**
 * Before the file's tests: the server `start()` starts, a blog on another origin serving `blogPage`
 * (see `startBlog()`), Chromium and an organiser's context; after them, all stopped.
 */
export function organiserRun(start: () => Promise<RunningServer>, blogPage: Parameters<typeof startBlog>[0]): OrganiserRun {
  const run = {} as OrganiserRun;
  let blog: Server | undefined;
  before(async () => {
    run.server = await start();
    ({ base: run.base, ownerLink: run.ownerLink } = run.server);
    const started = await startBlog(blogPage);
    blog = started.server;
    run.blogUrl = started.url;
    run.browser = await launch();
    run.owner = await organiser(run.browser, run.base);
  });
  after(async () => {
    await run.browser?.close();
    run.server?.stop();
    blog?.close();
  });
  return run;
}

/** Collects the page's uncaught errors: the list a test asserts is empty at its end. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** What axe finds against WCAG 2.2 A and AA on the page as it stands (shadow roots included): `rule (nodes)` each. */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Waits until the console's live region says `text`. */
export async function announced(page: Page, text: string): Promise<void> {
  const region = () => document.querySelector('civic-console')?.shadowRoot?.querySelector('div.sr-only[role=status]')?.textContent ?? '';
  try {
    await page.waitForFunction((t) => document.querySelector('civic-console')?.shadowRoot?.querySelector('div.sr-only[role=status]')?.textContent?.includes(t), text, { timeout: 10_000 });
  } catch {
    // Say what was announced instead, and what the screen shows.
    const screen = await page.evaluate(() => document.querySelector('civic-console')?.shadowRoot?.querySelector('main > *')?.shadowRoot?.textContent?.replace(/\s+/g, ' '));
    assert.fail(`not announced: ${text}; said: ${await page.evaluate(region)}; screen: ${screen}`);
  }
}
