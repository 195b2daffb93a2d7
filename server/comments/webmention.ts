/**
 * Mentions from other sites: the W3C Webmention receiver (POST /webmention, form-encoded `source`
 * and `target`; 202 at once, the source verified in the background) and the older XML-RPC
 * pingback (POST /xmlrpc, verified before answering). A mention is kept when the source page
 * links to the target, the page of a thread; it is shown apart from the conversation. A source
 * that stops linking (or answers 410 Gone) when mentioned again is hidden again.
 *
 * Fetching a URL someone gave is a risk to the server's own network: by default only public
 * addresses are fetched (`allowPrivate` turns that off, for tests and intranets), with a timeout,
 * a size limit and at most five redirects, each checked.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Context, Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { ApiFailure, clientIp, invalid, rateLimited, readText, type RateLimiter } from '../http.js';
import { decodeEntities } from './html-text.js';
import { threadByUrl } from './sql.js';
import { announce, type Comments } from './writing.js';

export interface WebmentionOptions {
  /** Fetch sources on private, loopback and link-local addresses too (default false). */
  allowPrivate?: boolean;
  /** Per fetch of a source (default 5 000 ms). */
  timeoutMs?: number;
  /** The most of a source page read (default 1 MB). */
  maxBytes?: number;
}

const privateRanges = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  privateRanges.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateRanges.addSubnet(net, bits, 'ipv6');

/** Whether an address is not on the public Internet (IPv4-mapped IPv6 addresses are read as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return privateRanges.check(mapped, 'ipv4');
  const v = isIP(address);
  return v === 0 || privateRanges.check(address, v === 4 ? 'ipv4' : 'ipv6');
}

const normal = (url: string) => {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
};

/** Whether the HTML links to `target` (an href or src attribute), relative links read against `base`. */
export function linksTo(html: string, target: string, base: string): boolean {
  const want = normal(target);
  for (const m of html.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const raw = decodeEntities(m[1] ?? m[2] ?? m[3] ?? '').trim();
    let abs: string | undefined;
    try {
      abs = new URL(raw, base).href;
    } catch {
      continue;
    }
    if (normal(abs) === want) return true;
  }
  return false;
}

/** The page's title (its `<title>`), whitespace folded, at most 300 characters. */
export function pageTitle(html: string): string {
  const m = /<title[^>]*>([\s\S]{0,2000}?)<\/title>/i.exec(html);
  return m ? decodeEntities(m[1]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim().slice(0, 300) : '';
}

/** The page's publication date, when it says (`article:published_time`, or an h-entry's dt-published). */
export function pageDate(html: string): string | undefined {
  const m =
    /<meta[^>]+property\s*=\s*["']article:published_time["'][^>]*content\s*=\s*["']([^"']+)["']/i.exec(html) ??
    /<time[^>]+class\s*=\s*["'][^"']*\bdt-published\b[^"']*["'][^>]*datetime\s*=\s*["']([^"']+)["']/i.exec(html);
  const t = m?.[1] && Date.parse(m[1]);
  return t ? new Date(t).toISOString() : undefined;
}

export type Verdict = { ok: true; title: string; site: string; publishedAt: string | undefined } | { ok: false; gone: boolean; missing: boolean; reason: string };

/** Fetches `source` (as a reader would) and tells whether it links to `target`. */
export async function verifySource(source: string, target: string, o: WebmentionOptions = {}): Promise<Verdict> {
  const signal = AbortSignal.timeout(o.timeoutMs ?? 5000);
  const limit = o.maxBytes ?? 1_000_000;
  let url = source;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, gone: false, missing: true, reason: 'the source is not an http(s) page' };
      if (!o.allowPrivate) {
        const host = u.hostname.replace(/^\[|\]$/g, '');
        const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
        if (!addresses.length || addresses.some(isPrivateAddress)) return { ok: false, gone: false, missing: true, reason: 'the source is not on a public address' };
      }
      const res = await fetch(u, { redirect: 'manual', signal, headers: { accept: 'text/html, */*;q=0.5', 'user-agent': 'civic-widgets webmention verifier' } });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (hop >= 5) return { ok: false, gone: false, missing: true, reason: 'too many redirects' };
        url = new URL(location, u).href;
        continue;
      }
      if (res.status === 410) {
        await res.body?.cancel();
        return { ok: false, gone: true, missing: true, reason: 'the source is gone (410)' };
      }
      if (!res.ok) {
        await res.body?.cancel();
        return { ok: false, gone: false, missing: true, reason: `the source answered ${res.status}` };
      }
      const html = await readLimited(res, limit);
      if (!linksTo(html, target, url)) return { ok: false, gone: false, missing: false, reason: 'the source does not link to the target' };
      return { ok: true, title: pageTitle(html), site: new URL(url).hostname.replace(/^www\./, ''), publishedAt: pageDate(html) };
    }
  } catch (e) {
    return { ok: false, gone: false, missing: true, reason: `the source could not be read (${(e as Error).message})` };
  }
}

async function readLimited(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    text += decoder.decode(chunk, { stream: true });
    if (size >= limit) break; // the rest is not read: a link past the first megabyte does not count
  }
  return text + decoder.decode();
}

const httpUrl = (value: string | null | undefined, field: string): string => {
  if (!value) throw invalid(field, `${field} is required`, 'required');
  if (value.length > 2000) throw invalid(field, `${field} is longer than 2000 characters`, 'too_big');
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw invalid(field, `${field} is not a URL`, 'invalid_url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid(field, `${field} must be an http(s) URL`, 'invalid_url');
  return u.href;
};

export function webmentionRoutes(app: Hono, ctx: ServerContext, c: Comments, o: { limiter: RateLimiter | undefined; trustProxy: boolean | number; options?: WebmentionOptions | undefined }) {
  const { db, bus } = c;
  const options = o.options ?? {};

  /** Records a mention to verify; its id and thread. 400 naming `target` when no thread has that page. */
  async function receive(source: string, target: string, kind: 'webmention' | 'pingback') {
    if (normal(source) === normal(target)) throw invalid('source', 'the source and the target are the same page', 'same_page');
    const thread = await threadByUrl(db, target);
    if (!thread) throw invalid('target', 'the target is not a page whose mentions this server receives', 'unknown_target');
    const [r] = await db.query<{ id: string; status: string }>(
      `INSERT INTO comment_mentions (thread_id, kind, source_url, target_url, status) VALUES ($1, $2, $3, $4, 'pending')
       ON CONFLICT (thread_id, source_url) DO UPDATE SET target_url = excluded.target_url, updated_at = now()
       RETURNING id::text AS id, status`,
      [thread.id, kind, source, target],
    );
    return { id: r!.id, threadId: thread.id, status: r!.status };
  }

  /** Verifies the source and records the verdict; a mention that appears or disappears is announced. */
  async function verify(m: { id: string; threadId: string }, source: string, target: string): Promise<Verdict> {
    const v = await verifySource(source, target, options);
    const changed = await db.transaction(async (tx) => {
      const [before] = await tx.query<{ status: string }>('SELECT status FROM comment_mentions WHERE id = $1::bigint FOR UPDATE', [m.id]);
      if (v.ok) {
        await tx.query(
          `UPDATE comment_mentions SET status = 'verified', reason = NULL, title = $2, site = $3, published_at = coalesce($4::timestamptz, published_at), updated_at = now()
            WHERE id = $1::bigint`,
          [m.id, v.title, v.site, v.publishedAt ?? null],
        );
        if (before?.status !== 'verified') await announce(bus, tx, m.threadId, { type: 'mention', id: m.id });
        return before?.status !== 'verified';
      }
      await tx.query(`UPDATE comment_mentions SET status = 'rejected', reason = $2, updated_at = now() WHERE id = $1::bigint`, [m.id, v.reason]);
      if (before?.status === 'verified') await announce(bus, tx, m.threadId);
      return before?.status === 'verified';
    });
    if (changed) c.changed(m.threadId);
    return v;
  }

  const limited = (hc: Context) => {
    const wait = o.limiter?.take(clientIp(hc, o.trustProxy));
    if (wait) throw rateLimited(wait);
  };

  app.post('/webmention', async (hc) => {
    limited(hc);
    const type = hc.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw invalid('body', 'send source and target form-encoded (application/x-www-form-urlencoded)', 'invalid_type');
    const form = new URLSearchParams(await readText(hc.req.raw, 8192));
    const source = httpUrl(form.get('source')?.trim(), 'source');
    const target = httpUrl(form.get('target')?.trim(), 'target');
    const m = await receive(source, target, 'webmention');
    ctx.background(verify(m, source, target));
    const location = `${new URL(hc.req.url).origin}/webmention/${m.id}`;
    hc.header('Location', location);
    return hc.json({ status: 'accepted', location }, 202);
  });

  app.get('/webmention/:id', async (hc) => {
    const id = hc.req.param('id');
    const [r] = /^\d{1,18}$/.test(id)
      ? await db.query<{ status: string; reason: string | null; source_url: string; target_url: string }>(
          'SELECT status, reason, source_url, target_url FROM comment_mentions WHERE id = $1::bigint',
          [id],
        )
      : [];
    if (!r) throw new ApiFailure(404, 'not-found', `no webmention ${id}`);
    return hc.json({ status: r.status, reason: r.reason, source: r.source_url, target: r.target_url });
  });

  // XML-RPC pingback (what WordPress sends): verified before answering, as the protocol expects.
  const pingback = async (hc: Context) => {
    const xml = (body: string, status: 200 | 400 | 429 = 200) =>
      hc.newResponse(`<?xml version="1.0"?>\n<methodResponse>${body}</methodResponse>\n`, status, { 'content-type': 'text/xml; charset=utf-8' });
    const fault = (code: number, message: string) =>
      xml(
        `<fault><value><struct><member><name>faultCode</name><value><int>${code}</int></value></member>` +
          `<member><name>faultString</name><value><string>${message.replace(/[<&]/g, (ch) => (ch === '<' ? '&lt;' : '&amp;'))}</string></value></member></struct></value></fault>`,
      );
    try {
      limited(hc);
    } catch {
      return fault(429, 'too many requests');
    }
    let text: string;
    try {
      text = await readText(hc.req.raw, 16_384);
    } catch {
      return fault(-32700, 'parse error: the request is too large or not UTF-8');
    }
    const method = /<methodName>\s*([^<]*?)\s*<\/methodName>/.exec(text)?.[1];
    if (!method) return fault(-32700, 'parse error: not an XML-RPC call');
    if (method !== 'pingback.ping') return fault(-32601, `no method ${method}`);
    const params = [...text.matchAll(/<param>\s*<value>\s*(?:<string>([\s\S]*?)<\/string>|([^<]*))\s*<\/value>\s*<\/param>/g)].map((m) =>
      decodeEntities((m[1] ?? m[2] ?? '').trim()),
    );
    let source: string;
    let target: string;
    try {
      source = httpUrl(params[0], 'source');
      target = httpUrl(params[1], 'target');
    } catch {
      return fault(-32602, 'pingback.ping takes two http(s) URLs: the source and the target');
    }
    let m: { id: string; threadId: string; status: string };
    try {
      m = await receive(source, target, 'pingback');
    } catch (e) {
      const path = e instanceof ApiFailure ? e.extra.issues?.[0]?.path : undefined;
      return path === 'target' ? fault(33, 'the target is not a page that accepts pingbacks') : fault(0, (e as Error).message);
    }
    if (m.status === 'verified') return fault(48, 'this pingback has been registered already');
    const v = await verify(m, source, target);
    if (!v.ok) return fault(v.missing ? 16 : 17, v.reason);
    return xml('<params><param><value><string>Pingback registered</string></value></param></params>');
  };
  app.post('/xmlrpc', pingback);
  app.post('/xmlrpc.php', pingback);
}
