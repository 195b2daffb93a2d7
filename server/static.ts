/**
 * Read-only files from a folder (examples/, dist/cdn/): no listing, nothing outside the folder. Each
 * answer is negotiated (`Accept-Encoding`: brotli, gzip or as it is, `Vary: Accept-Encoding`) from the
 * compressed copies the build wrote beside the file (`x.js.br`, `x.js.gz`: scripts/cdn-output.mjs),
 * else from copies made once in memory; it carries a strong `ETag` (a hash of the content, so every
 * process and every restart agree) and answers `If-None-Match` with 304; its `Cache-Control` is the
 * caller's choice per file name (`cdnCaching`, `pageCaching`).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
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

/** Types worth compressing (images and fonts are compressed already). */
const compressible = /^(text\/|application\/json|image\/svg)/;
/** Smaller files are not compressed in memory: it would save less than its headers cost. */
const MIN_COMPRESS = 1024;
/** Larger files without compressed copies beside them are sent as they are (not held in memory). */
const MAX_COMPRESS_IN_MEMORY = 1024 * 1024;

/** A chunk of the CDN build, named with a hash of its content (`fr.3f9a0c1b.js`: rollup.config.mjs). */
export const HASHED = /\.[0-9a-f]{8}\.js$/;
/** A name that always holds the same bytes: browsers and CDNs may keep it for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * A name whose bytes change with each release (an entry file, what people paste): kept 5 minutes,
 * then asked again (a 304 when it has not changed). Not `stale-while-revalidate`: an entry older than
 * a release names chunks that the release replaced.
 */
export const SHORT = 'public, max-age=300, must-revalidate';

/** Cache-Control of dist/cdn/: hashed chunks for good, entry files (and source maps) 5 minutes. */
export const cdnCaching = (name: string) => (HASHED.test(name) ? IMMUTABLE : SHORT);
/** Cache-Control of the demo's pages: asked again each time (a 304 while they have not changed), so an edit shows at once. */
export const pageCaching = () => 'no-cache';

type Encoding = 'br' | 'gzip' | 'identity';

interface Variant {
  encoding: Encoding;
  etag: string;
  size: number;
  /** Where its bytes are (read on each answer), or the bytes themselves (compressed in memory). */
  path?: string;
  body?: Buffer;
}

interface FileInfo {
  mtimeMs: number;
  size: number;
  type: string;
  /** identity first, then the compressed ones smaller than it, smallest first. */
  variants: Variant[];
}

const br = promisify(brotliCompress);
const unbr = promisify(brotliDecompress);
const gz = promisify(gzip);
const ungz = promisify(gunzip);
const brotliOptions = (size: number) => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/** A compressed copy the build wrote beside `file`, if it is there and holds `data` (a stale copy is ignored). */
async function copyBeside(file: string, suffix: '.br' | '.gz', data: Buffer): Promise<Buffer | undefined> {
  const copy = await readFile(file + suffix).catch(() => undefined);
  if (!copy) return undefined;
  const inflated = await (suffix === '.br' ? unbr(copy) : ungz(copy)).catch(() => undefined);
  return inflated?.equals(data) ? copy : undefined;
}

async function describe(file: string, mtimeMs: number, size: number): Promise<FileInfo> {
  const type = types[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const data = await readFile(file);
  const tag = createHash('sha256').update(data).digest('base64url').slice(0, 22);
  const variants: Variant[] = [{ encoding: 'identity', etag: `"${tag}"`, size: data.length, path: file }];
  if (compressible.test(type)) {
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const etag = `"${tag}-${suffix.slice(1)}"`;
      const beside = await copyBeside(file, suffix, data);
      if (beside) variants.push({ encoding, etag, size: beside.length, path: file + suffix });
      else if (data.length >= MIN_COMPRESS && data.length <= MAX_COMPRESS_IN_MEMORY) {
        const body = encoding === 'br' ? await br(data, brotliOptions(data.length)) : await gz(data, { level: 9 });
        variants.push({ encoding, etag, size: body.length, body });
      }
    }
  }
  const [identity, ...compressed] = variants as [Variant, ...Variant[]];
  return { mtimeMs, size, type, variants: [identity, ...compressed.filter((v) => v.size < identity.size).sort((a, b) => a.size - b.size)] };
}

/** What is known of each file served, until it changes (its size or modification time). */
const known = new Map<string, Promise<FileInfo>>();

async function info(file: string, mtimeMs: number, size: number): Promise<FileInfo> {
  let p = known.get(file);
  const current = p && (await p.catch(() => undefined));
  if (!current || current.mtimeMs !== mtimeMs || current.size !== size) {
    p = describe(file, mtimeMs, size);
    known.set(file, p);
    p.catch(() => known.get(file) === p && known.delete(file));
  }
  return p!;
}

/** The q-value `Accept-Encoding` gives `encoding` (`*` standing for those it does not name; identity acceptable unless refused). */
export function acceptance(header: string | undefined, encoding: Encoding): number {
  let star: number | undefined;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    if (name.trim() === encoding) return Number.isNaN(value) ? 0 : value;
    if (name.trim() === '*') star = Number.isNaN(value) ? 0 : value;
  }
  return star ?? (encoding === 'identity' ? 1 : 0);
}

/** The variant to send: the smallest the client accepts, as it is when it accepts none (or refuses every one). */
function choose(variants: Variant[], header: string | undefined): Variant {
  return variants.slice(1).find((v) => acceptance(header, v.encoding) > 0) ?? variants[0]!;
}

/** Whether `If-None-Match` names this entity tag (weak comparison, as RFC 9110 asks for it). */
const matches = (header: string | undefined, etag: string) =>
  !!header && (header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

/** The file for `urlPath` (relative to the mount point) under `root`, or undefined. */
export async function serveFile(c: Context, root: string, urlPath: string, caching: (name: string) => string = pageCaching): Promise<Response | undefined> {
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
    const { type, variants } = await info(file, s.mtimeMs, s.size);
    const v = choose(variants, c.req.header('accept-encoding'));
    const headers: Record<string, string> = {
      etag: v.etag,
      'cache-control': caching(basename(file)),
      ...(variants.length > 1 ? { vary: 'Accept-Encoding' } : {}),
    };
    if (matches(c.req.header('if-none-match'), v.etag)) return c.newResponse(null, 304, headers);
    const body = (v.body ?? (await readFile(v.path!))) as Uint8Array<ArrayBuffer>;
    return c.newResponse(body, 200, {
      ...headers,
      'content-type': type,
      'content-length': String(body.length),
      ...(v.encoding === 'identity' ? {} : { 'content-encoding': v.encoding }),
    });
  } catch {
    return undefined;
  }
}
