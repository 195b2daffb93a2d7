/**
 * `civic-server import FILE`: comments from a WordPress export (WXR) or a Disqus export, with their
 * authors, dates, statuses and threading. Posts map to threads by URL: a thread whose `url` is the
 * post's link receives its comments, and a post without one gets a new thread. WordPress pingbacks
 * and trackbacks become mentions. Importing the same file again adds nothing (each comment keeps
 * its source id).
 */
import { normaliseEmail } from '../../src/domain/people.js';
import type { Db, Queryable } from '../db/db.js';
import { child, childText, children, parseXml, type XmlElement } from '../xml.js';
import { htmlToMarkdown } from './html-text.js';
import { Keys } from '../secrets.js';
import { insertImportedComment, insertImportedThread, type Placed } from './sql/imports.js';
import { insertVerifiedMention } from './sql/mentions.js';
import { threadByUrl } from './sql/threads.js';

export type ImportFormat = 'wordpress' | 'disqus';

interface Post {
  key: string;
  url: string;
  title: string;
  slug: string;
  closed: boolean;
}

interface Item {
  postKey: string;
  sourceId: string;
  parentId: string | null;
  kind: 'comment' | 'pingback' | 'trackback';
  name: string;
  email: string | null;
  website: string | null;
  ip: string | null;
  date: string;
  body: string;
  status: 'published' | 'pending' | 'deleted';
}

export interface ImportReport {
  format: ImportFormat;
  threadsCreated: string[];
  threadsMatched: string[];
  comments: number;
  mentions: number;
  /** Already imported, spam, trash, or without a post. */
  skipped: number;
}

/** A WordPress date (`2012-11-24 11:35:53`, UTC for `_gmt`) as ISO 8601. */
const wpDate = (gmt: string, local: string) => {
  const s = gmt && !gmt.startsWith('0000') ? gmt : local;
  const t = Date.parse(`${s.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
};

const httpOrNull = (url: string) => (/^https?:\/\/\S+$/i.test(url) ? url.slice(0, 300) : null);

function readWxr(root: XmlElement): { posts: Post[]; items: Item[]; skipped: number } {
  const channel = child(root, 'channel');
  if (root.name !== 'rss' || !channel) throw new Error('not a WordPress export (WXR): no <rss><channel>');
  const posts: Post[] = [];
  const items: Item[] = [];
  let skipped = 0;
  for (const item of children(channel, 'item')) {
    const comments = children(item, 'wp:comment');
    if (!comments.length || childText(item, 'wp:post_type') === 'attachment') continue;
    const key = childText(item, 'wp:post_id') || childText(item, 'link');
    posts.push({
      key,
      url: childText(item, 'link'),
      title: childText(item, 'title') || childText(item, 'link'),
      slug: childText(item, 'wp:post_name') || `wp-${key}`,
      closed: childText(item, 'wp:comment_status') === 'closed',
    });
    for (const c of comments) {
      const approved = childText(c, 'wp:comment_approved');
      if (approved !== '1' && approved !== '0') {
        skipped++; // spam, trash
        continue;
      }
      const type = childText(c, 'wp:comment_type');
      const parent = childText(c, 'wp:comment_parent');
      items.push({
        postKey: key,
        sourceId: childText(c, 'wp:comment_id'),
        parentId: parent && parent !== '0' ? parent : null,
        kind: type === 'pingback' || type === 'trackback' ? type : 'comment',
        name: childText(c, 'wp:comment_author').slice(0, 80) || 'Anonyme',
        email: childText(c, 'wp:comment_author_email') || null,
        website: httpOrNull(childText(c, 'wp:comment_author_url')),
        ip: childText(c, 'wp:comment_author_IP') || null,
        date: wpDate(childText(c, 'wp:comment_date_gmt'), childText(c, 'wp:comment_date')),
        body: htmlToMarkdown(childText(c, 'wp:comment_content')),
        status: approved === '1' ? 'published' : 'pending',
      });
    }
  }
  return { posts, items, skipped };
}

const dsqId = (el: XmlElement | undefined) => el?.attrs['dsq:id'] ?? '';

function readDisqus(root: XmlElement): { posts: Post[]; items: Item[]; skipped: number } {
  if (root.name !== 'disqus') throw new Error('not a Disqus export: no <disqus> root');
  const posts: Post[] = [];
  for (const t of children(root, 'thread')) {
    const link = childText(t, 'link');
    const last = link.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
    posts.push({
      key: dsqId(t),
      url: link,
      title: childText(t, 'title') || link,
      slug: last || `disqus-${dsqId(t)}`,
      closed: childText(t, 'isClosed') === 'true',
    });
  }
  const items: Item[] = [];
  let skipped = 0;
  for (const p of children(root, 'post')) {
    if (childText(p, 'isSpam') === 'true') {
      skipped++;
      continue;
    }
    const author = child(p, 'author');
    const deleted = childText(p, 'isDeleted') === 'true';
    const date = Date.parse(childText(p, 'createdAt'));
    items.push({
      postKey: dsqId(child(p, 'thread')),
      sourceId: dsqId(p),
      parentId: dsqId(child(p, 'parent')) || null,
      kind: 'comment',
      name: deleted ? '' : (author && childText(author, 'name'))?.slice(0, 80) || 'Anonyme',
      email: deleted ? null : (author && childText(author, 'email')) || null,
      website: null,
      ip: childText(p, 'ipAddress') || null,
      date: new Date(Number.isNaN(date) ? 0 : date).toISOString(),
      body: deleted ? '' : htmlToMarkdown(childText(p, 'message')),
      status: deleted ? 'deleted' : 'published',
    });
  }
  return { posts, items, skipped };
}

/** An organiser-style id from a post's slug (accents dropped, at most 64 characters). */
export function slugId(slug: string, fallback: string): string {
  let s = slug;
  try {
    s = decodeURIComponent(slug);
  } catch {
    /* as it is */
  }
  s = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s || fallback;
}

/** Parents before their replies: sorted by depth in the file's tree, then by date. */
function ordered(items: Item[]): (Item & { depth: number })[] {
  const byId = new Map(items.map((i) => [`${i.postKey}\0${i.sourceId}`, i]));
  const depthOf = (i: Item): number => {
    let d = 0;
    const seen = new Set<Item>();
    for (let at: Item | undefined = i; at?.parentId && !seen.has(at); d++) {
      seen.add(at); // a cycle in a broken file ends the walk
      at = byId.get(`${at.postKey}\0${at.parentId}`);
      if (!at) break;
    }
    return d;
  };
  const out = items.map((i) => ({ ...i, depth: depthOf(i) }));
  return out.sort((a, b) => a.depth - b.depth || a.date.localeCompare(b.date));
}

async function threadFor(tx: Queryable, post: Post, source: ImportFormat, report: ImportReport): Promise<string> {
  const existing = post.url ? await threadByUrl(tx, post.url) : undefined;
  if (existing) {
    if (!report.threadsMatched.includes(existing.id) && !report.threadsCreated.includes(existing.id)) report.threadsMatched.push(existing.id);
    return existing.id;
  }
  const base = slugId(post.slug, `${source}-${slugId(post.key, 'post')}`);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base.slice(0, 60)}-${n}`;
    if (await insertImportedThread(tx, { id, url: httpOrNull(post.url), title: post.title.slice(0, 200), closed: post.closed })) {
      report.threadsCreated.push(id);
      return id;
    }
  }
}

/** Reads an export (its format from its root element) and stores it, in one transaction. */
export async function importComments(db: Db, xml: string): Promise<ImportReport> {
  const root = parseXml(xml);
  const format: ImportFormat = root.name === 'disqus' ? 'disqus' : 'wordpress';
  const { posts, items, skipped } = format === 'disqus' ? readDisqus(root) : readWxr(root);
  const keys = new Keys(db, 'comments');
  const hashes = new Map<string, string>();
  // Keys are computed before the transaction (PGlite has one connection, held by the transaction).
  for (const i of items) {
    if (i.email) hashes.set(`e${i.email}`, await keys.mac('email', normaliseEmail(i.email)));
    if (i.ip) hashes.set(`i${i.ip}`, await keys.mac('ip', i.ip));
  }
  const report: ImportReport = { format, threadsCreated: [], threadsMatched: [], comments: 0, mentions: 0, skipped };
  await db.transaction(async (tx) => {
    const threads = new Map<string, string>();
    for (const p of posts) if (items.some((i) => i.postKey === p.key)) threads.set(p.key, await threadFor(tx, p, format, report));
    /** Source id → the stored comment (id, level, root). */
    const stored = new Map<string, Placed>();
    for (const i of ordered(items)) {
      const threadId = threads.get(i.postKey);
      if (!threadId) {
        report.skipped++;
        continue;
      }
      if (i.kind !== 'comment') {
        const site = i.website ? new URL(i.website).hostname.replace(/^www\./, '') : '';
        if (!i.website || i.status !== 'published') {
          report.skipped++;
          continue;
        }
        if (await insertVerifiedMention(tx, { threadId, kind: i.kind, source: i.website, title: i.name.slice(0, 300), site, at: i.date })) report.mentions++;
        else report.skipped++;
        continue;
      }
      const row = await insertImportedComment(tx, {
        threadId,
        parent: i.parentId ? stored.get(`${i.postKey}\0${i.parentId}`) : undefined,
        name: i.name,
        email: i.email,
        emailHash: i.email ? (hashes.get(`e${i.email}`) ?? null) : null,
        ipHash: i.ip ? (hashes.get(`i${i.ip}`) ?? null) : null,
        website: i.website,
        body: i.body,
        status: i.status,
        source: format,
        sourceId: i.sourceId,
        at: i.date,
      });
      stored.set(`${i.postKey}\0${i.sourceId}`, { id: row.id, level: row.level, root: row.root });
      if (row.inserted) report.comments++;
      else report.skipped++;
    }
  });
  return report;
}
