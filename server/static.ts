/** Read-only files from a folder (examples/, dist/cdn/): no listing, nothing outside the folder. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The file for `urlPath` (relative to the mount point) under `root`, or undefined. */
export async function serveFile(c: Context, root: string, urlPath: string): Promise<Response | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  const base = resolve(root);
  let file = resolve(join(base, rel));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  try {
    let s = await stat(file);
    if (s.isDirectory()) {
      // To the folder's own path, with one leading slash: `//evil.example/..%2fblog` must not
      // become a redirect to another site.
      if (!urlPath.endsWith('/') && urlPath !== '') return c.redirect(`/${c.req.path.replace(/^[/\\]+/, '')}/`, 301);
      file = join(file, 'index.html');
      s = await stat(file);
    }
    if (!s.isFile()) return undefined;
    return c.newResponse(await readFile(file), 200, {
      'content-type': types[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
  } catch {
    return undefined;
  }
}
