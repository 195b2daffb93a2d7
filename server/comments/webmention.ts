/**
 * Mentions from other sites: the W3C Webmention receiver (POST /webmention, form-encoded `source`
 * and `target`; 202 at once, the source verified in the background) and the older XML-RPC
 * pingback (POST /xmlrpc, verified before answering). A mention is kept when the source page
 * links to the target, the page of a thread; it is shown apart from the conversation. A source
 * that stops linking (or answers 410 Gone) when mentioned again is hidden again.
 *
 * Fetching a URL someone gave is a risk to the server's own network: by default only public
 * addresses are fetched, checked as the connection is made (source-fetch.ts; `allowPrivate` turns
 * that off, for tests and intranets), with a timeout, a size limit and at most five redirects, each
 * checked. The page is someone else's too: it is read in one pass (html-tags.ts), never with
 * patterns that backtrack, so a crafted page cannot hold the server.
 */
import type { Context, Hono } from 'hono';
import type { ServerContext } from '../context.js';
import { ApiFailure, clientIp, invalid, rateLimited, readText } from '../http.js';
import { tags, type Tag } from './html-tags.js';
import { decodeEntities } from './html-text.js';
import { getPage, PrivateAddressError, readLimited } from './source-fetch.js';
import { lockMention, markRejected, markVerified, receiveMention, webmentionStatus } from './sql/mentions.js';
import { threadByUrl } from './sql/threads.js';
import { announce, type Comments } from './writing.js';

export interface WebmentionOptions {
  /** Fetch sources on private, loopback and link-local addresses too (default false). */
  allowPrivate?: boolean;
  /** Per fetch of a source (default 5 000 ms). */
  timeoutMs?: number;
  /** The most of a source page read (default 1 MB). */
  maxBytes?: number;
}

/** The URL, read against `base`, without its fragment and trailing slashes; undefined when it is not one. */
const normal = (url: string, base?: string) => {
  try {
    const u = new URL(url, base);
    u.hash = '';
    const href = u.href;
    let end = href.length; // trailing slashes dropped by hand: /\/+$/ rescans a long run of them from each one
    while (href[end - 1] === '/') end--;
    return href.slice(0, end);
  } catch {
    return undefined;
  }
};

/** A decoded attribute of a tag, if present. */
const attr = (t: Tag, name: string) => {
  const v = t.attrs.get(name);
  return v === undefined ? undefined : decodeEntities(v).trim();
};

/** Whether the HTML links to `target` (an href or src attribute), relative links read against `base`. */
export function linksTo(html: string, target: string, base: string): boolean {
  const want = normal(target);
  for (const t of tags(html)) {
    if (t.closing) continue;
    for (const name of ['href', 'src']) {
      const raw = attr(t, name);
      if (raw !== undefined && want !== undefined && normal(raw, base) === want) return true;
    }
  }
  return false;
}

/** The page's title (its first `<title>`, of which 2,000 characters are read), whitespace folded, at most 300 characters. */
export function pageTitle(html: string): string {
  const walk = tags(html);
  for (const t of walk) {
    if (t.name !== 'title' || t.closing) continue;
    const end = walk.next();
    const text = html.slice(t.end, end.done ? html.length : end.value.start).slice(0, 2000);
    return decodeEntities(text.replace(/<[^<>]*>/g, '')).replace(/\s+/g, ' ').trim().slice(0, 300);
  }
  return '';
}

/** The page's publication date, when it says (`article:published_time`, or an h-entry's dt-published). */
export function pageDate(html: string): string | undefined {
  let published: string | undefined;
  for (const t of tags(html)) {
    if (t.closing) continue;
    if (t.name === 'meta' && attr(t, 'property')?.toLowerCase() === 'article:published_time' && attr(t, 'content')) {
      published = attr(t, 'content');
      break;
    }
    if (t.name === 'time' && !published && attr(t, 'class')?.split(/\s+/).includes('dt-published')) published = attr(t, 'datetime');
  }
  const ms = published && published.length <= 100 ? Date.parse(published) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export type Verdict = { ok: true; title: string; site: string; publishedAt: string | undefined } | { ok: false; gone: boolean; missing: boolean; reason: string };

/** Fetches `source` (as a reader would) and tells whether it links to `target`. */
export async function verifySource(source: string, target: string, o: WebmentionOptions = {}): Promise<Verdict> {
  const signal = AbortSignal.timeout(o.timeoutMs ?? 5000);
  const limit = o.maxBytes ?? 1_000_000;
  const headers = { accept: 'text/html, */*;q=0.5', 'user-agent': 'civic-widgets webmention verifier' };
  let url = source;
  try {
    for (let hop = 0; ; hop++) {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, gone: false, missing: true, reason: 'the source is not an http(s) page' };
      const res = await getPage(u, { allowPrivate: o.allowPrivate, signal, headers });
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.destroy();
        if (hop >= 5) return { ok: false, gone: false, missing: true, reason: 'too many redirects' };
        url = new URL(location, u).href;
        continue;
      }
      if (status === 410) {
        res.destroy();
        return { ok: false, gone: true, missing: true, reason: 'the source is gone (410)' };
      }
      if (status < 200 || status >= 300) {
        res.destroy();
        return { ok: false, gone: false, missing: true, reason: `the source answered ${status}` };
      }
      const html = await readLimited(res, limit);
      if (!linksTo(html, target, url)) return { ok: false, gone: false, missing: false, reason: 'the source does not link to the target' };
      return { ok: true, title: pageTitle(html), site: new URL(url).hostname.replace(/^www\./, ''), publishedAt: pageDate(html) };
    }
  } catch (e) {
    if (e instanceof PrivateAddressError) return { ok: false, gone: false, missing: true, reason: 'the source is not on a public address' };
    return { ok: false, gone: false, missing: true, reason: `the source could not be read (${(e as Error).message})` };
  }
}

/** The text between the first `open` from `from` and the next `close`, and where it ends. */
const between = (text: string, open: string, close: string, from = 0) => {
  const start = text.indexOf(open, from);
  const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
  return end < 0 ? undefined : { inner: text.slice(start + open.length, end), next: end + close.length };
};

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

export function webmentionRoutes(app: Hono, ctx: ServerContext, c: Comments, options: WebmentionOptions = {}) {
  const { db, bus } = c;

  /** Records a mention to verify; its id and thread. 400 naming `target` when no thread has that page. */
  async function receive(source: string, target: string, kind: 'webmention' | 'pingback') {
    if (normal(source) === normal(target)) throw invalid('source', 'the source and the target are the same page', 'same_page');
    const thread = await threadByUrl(db, target);
    if (!thread) throw invalid('target', 'the target is not a page whose mentions this server receives', 'unknown_target');
    const r = await receiveMention(db, thread.id, kind, source, target);
    return { id: r.id, threadId: thread.id, status: r.status };
  }

  /** Verifies the source and records the verdict; a mention that appears or disappears is announced. */
  async function verify(m: { id: string; threadId: string }, source: string, target: string): Promise<Verdict> {
    const v = await verifySource(source, target, options);
    const changed = await db.transaction(async (tx) => {
      const before = await lockMention(tx, m.id);
      if (v.ok) {
        await markVerified(tx, m.id, v);
        if (before !== 'verified') await announce(bus, tx, m.threadId, { type: 'mention', id: m.id });
        return before !== 'verified';
      }
      await markRejected(tx, m.id, v.reason);
      if (before === 'verified') await announce(bus, tx, m.threadId);
      return before === 'verified';
    });
    if (changed) c.changed(m.threadId);
    return v;
  }

  const limited = async (hc: Context) => {
    const wait = await ctx.limiter?.take(clientIp(hc, ctx.trustProxy));
    if (wait) throw rateLimited(wait);
  };

  app.post('/webmention', async (hc) => {
    await limited(hc);
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
    const r = /^\d{1,18}$/.test(id) ? await webmentionStatus(db, id) : undefined;
    if (!r) throw new ApiFailure(404, 'not-found', `no webmention ${id}`);
    return hc.json({ status: r.status, reason: r.reason, source: r.source_url, target: r.target_url });
  });

  // XML-RPC pingback (what WordPress sends): verified before answering, as the protocol expects.
  // Its call is read with indexOf, not patterns: `\s*([^<]*?)\s*` and the like take cubic time on a
  // run of spaces.
  const pingback = async (hc: Context) => {
    const xml = (body: string, status: 200 | 400 | 429 = 200) =>
      hc.newResponse(`<?xml version="1.0"?>\n<methodResponse>${body}</methodResponse>\n`, status, { 'content-type': 'text/xml; charset=utf-8' });
    const fault = (code: number, message: string) =>
      xml(
        `<fault><value><struct><member><name>faultCode</name><value><int>${code}</int></value></member>` +
          `<member><name>faultString</name><value><string>${message.replace(/[<&]/g, (ch) => (ch === '<' ? '&lt;' : '&amp;'))}</string></value></member></struct></value></fault>`,
      );
    try {
      await limited(hc);
    } catch {
      return fault(429, 'too many requests');
    }
    let text: string;
    try {
      text = await readText(hc.req.raw, 16_384);
    } catch {
      return fault(-32700, 'parse error: the request is too large or not UTF-8');
    }
    const method = between(text, '<methodName>', '</methodName>')?.inner.trim();
    if (!method || method.includes('<')) return fault(-32700, 'parse error: not an XML-RPC call');
    if (method !== 'pingback.ping') return fault(-32601, `no method ${method}`);
    const params: string[] = [];
    for (let p, at = 0; (p = between(text, '<param>', '</param>', at)); at = p.next) {
      const value = between(p.inner.trim(), '<value>', '</value>');
      const v = value?.inner.trim();
      const s = v && between(v, '<string>', '</string>');
      if (v !== undefined && (s || !v.includes('<'))) params.push(decodeEntities((s ? s.inner : v).trim()));
    }
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
      return path === 'target' ? fault(33, 'the target is not a page that accepts pingbacks') : fault(0, e instanceof ApiFailure ? e.message : 'the pingback could not be recorded');
    }
    if (m.status === 'verified') return fault(48, 'this pingback has been registered already');
    const v = await verify(m, source, target);
    if (!v.ok) return fault(v.missing ? 16 : 17, v.reason);
    return xml('<params><param><value><string>Pingback registered</string></value></param></params>');
  };
  app.post('/xmlrpc', pingback);
  app.post('/xmlrpc.php', pingback);
}
