/**
 * What the package and examples tests share: the packed-and-installed folder (scripts/packed.mjs;
 * prepared once by `npm test` and passed as CIVIC_PACKED, else here, and removed after), a static
 * file server, and running a command in that folder.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { after } from 'node:test';
import type { Page } from 'playwright-core';
import { npmEnv, preparePacked } from '../../scripts/packed.mjs';

/** The folder holding the tarball, `consumer/`, a copy of each example and their node_modules. */
export function packed(): { dir: string; tarball: string } {
  let dir = process.env.CIVIC_PACKED;
  if (!dir) {
    dir = preparePacked({ log: (l) => console.log(`# ${l}`) }).dir;
    const made = dir;
    after(() => rmSync(made, { recursive: true, force: true }));
  }
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`no tarball in ${dir}`);
  return { dir, tarball: join(dir, tarball) };
}

/** The installed package's folder and its package.json. */
export function installed(dir: string) {
  const root = join(dir, 'node_modules', 'civic-widgets');
  return { root, pkg: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, string>>; scripts?: Record<string, string> } };
}

/** Runs a command (npm's environment cleaned of the enclosing npm run's), never throwing. */
export function exec(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...npmEnv(), ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
}

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** Serves a folder over http on a free port (index.html for folders); resolves to its base URL. */
export async function serve(root: string): Promise<{ url: string; server: Server }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    let file = resolve(join(base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (file !== base && !file.startsWith(base + sep)) return void res.writeHead(403).end();
    if (!extname(file)) file = join(file, 'index.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** axe's WCAG 2.2 AA violations on the page, as `rule (count)`. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}
