/**
 * The comments' SQL for reading comments: single comments in their public (or moderator's) form, an
 * author's own comments, and pages of a thread (subtrees in depth-first order).
 */
import type { AdminComment } from '../../../src/api/admin.js';
import type { Comment, CommentPage, CommentSort, Thread } from '../../../src/api/comments.js';
import { sqlState, type Queryable, type Row } from '../../db/db.js';
import { invalid } from '../../http.js';
import { iso, isoOrNull } from '../../time.js';

/** A comment row with what its public form needs from its parent and thread. */
export interface CommentRow extends Row {
  id: string;
  thread_id: string;
  parent_id: string | null;
  root_id: string | null;
  level: number;
  name: string;
  email: string | null;
  website: string | null;
  body: string;
  status: 'published' | 'pending' | 'rejected' | 'deleted';
  pinned: boolean;
  like_count: number;
  flag_count: number;
  created_at: Date;
  edited_at: Date | null;
  parent_name: string | null;
  parent_status: string | null;
  parent_level: number | null;
  max_depth: number;
}

export const COMMENT_COLUMNS = `
  c.id::text AS id, c.thread_id, c.parent_id::text AS parent_id, c.root_id::text AS root_id, c.level, c.name, c.email,
  c.website, c.body, c.status, c.pinned, c.like_count, c.flag_count, c.created_at, c.edited_at,
  p.name AS parent_name, p.status AS parent_status, p.level AS parent_level, t.max_depth`;
export const COMMENT_FROM = `
  comments c JOIN comment_threads t ON t.id = c.thread_id LEFT JOIN comments p ON p.id = c.parent_id`;

/**
 * The public form. A rejected or deleted comment is a placeholder (no name, no text); a reply to
 * a comment shown at the deepest level says whom it answers.
 */
export function toComment(r: CommentRow): Comment {
  const hidden = r.status === 'deleted' || r.status === 'rejected';
  const flattened = r.parent_id !== null && (r.parent_level ?? 0) >= r.max_depth;
  return {
    id: r.id,
    threadId: r.thread_id,
    parentId: r.parent_id,
    depth: Math.min(r.level, r.max_depth),
    replyToName: flattened && r.parent_status === 'published' && r.parent_name ? r.parent_name : null,
    author: { name: hidden ? '' : r.name, website: hidden ? null : r.website },
    body: hidden ? '' : r.body,
    status: hidden ? 'deleted' : r.status === 'pending' ? 'pending' : 'published',
    likeCount: r.like_count,
    pinned: r.pinned,
    createdAt: iso(r.created_at),
    editedAt: isoOrNull(r.edited_at),
  };
}

export const toAdminComment = (r: CommentRow): AdminComment => ({
  ...toComment({ ...r, status: r.status === 'rejected' ? 'published' : r.status }),
  status: r.status,
  email: r.email,
  flagCount: r.flag_count,
});

export async function commentRow(q: Queryable, id: string): Promise<CommentRow | undefined> {
  const [r] = await q.query<CommentRow>(`SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM} WHERE c.id = $1::bigint`, [id]);
  return r;
}

/** A comment in its public form (a placeholder when deleted or rejected; pending ones as they are). */
export async function publicComment(q: Queryable, id: string): Promise<Comment | undefined> {
  const r = await commentRow(q, id);
  return r && toComment(r);
}

/** The comments that these edit-token hashes own in the thread, oldest first (pending and published). */
export async function commentsByEditHash(q: Queryable, threadId: string, hashes: string[]): Promise<Comment[]> {
  if (!hashes.length) return [];
  const rows = await q.query<CommentRow>(
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENT_FROM}
      WHERE c.thread_id = $1 AND c.edit_hash = ANY($2::text[]) AND c.status IN ('published', 'pending')
      ORDER BY c.created_at, c.id`,
    [threadId, hashes],
  );
  return rows.map(toComment);
}

/* Pages ---------------------------------------------------------------------------------------- */

/** Where a page starts: after this top-level comment, in the page's order. */
type Cursor = { sort: CommentSort; at: string; likes: number; id: string };

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.sort, c.at, c.likes, c.id])).toString('base64url');

function decodeCursor(text: string, sort: CommentSort): Cursor {
  try {
    const [s, at, likes, id] = JSON.parse(Buffer.from(text, 'base64url').toString()) as unknown[];
    if (s === sort && typeof at === 'string' && /^[\d :.T+-]{10,40}$/.test(at) && Number.isInteger(likes) && typeof id === 'string' && /^\d{1,18}$/.test(id)) {
      return { sort, at, likes: likes as number, id };
    }
  } catch {
    /* below */
  }
  throw invalid('cursor', 'not a cursor of this list (pass back nextCursor as it came, with the same sort)', 'invalid_cursor');
}

/** A top-level comment is listed when published, or as a placeholder when published replies hang under it. */
const LISTED_ROOT = `c.root_id IS NULL AND (c.status = 'published' OR (c.status IN ('deleted', 'rejected')
  AND EXISTS (SELECT 1 FROM comments d WHERE d.root_id = c.id AND d.status = 'published')))`;

/** The order of each sort, and the condition "after the cursor" (`$2` its date, `$3` its id, `$4` its likes). */
const ORDER: Record<CommentSort, { by: string; after: string }> = {
  oldest: { by: 'c.created_at, c.id', after: '(c.created_at, c.id) > ($2::timestamptz, $3::bigint)' },
  newest: { by: 'c.created_at DESC, c.id DESC', after: '(c.created_at, c.id) < ($2::timestamptz, $3::bigint)' },
  likes: { by: 'c.like_count DESC, c.created_at, c.id', after: '(c.like_count < $4::int OR (c.like_count = $4::int AND (c.created_at, c.id) > ($2::timestamptz, $3::bigint)))' },
};

interface RootRow extends Row {
  id: string;
  at: string;
  like_count: number;
}

/**
 * A page: `limit` top-level comments in `sort` order (pinned ones first on the first page), each
 * followed by its visible replies depth-first, oldest first.
 */
export async function commentPage(q: Queryable, thread: Pick<Thread, 'id' | 'commentCount' | 'maxDepth'>, o: { sort: CommentSort; cursor?: string | undefined; limit: number }): Promise<CommentPage> {
  const after = o.cursor ? decodeCursor(o.cursor, o.sort) : undefined;
  const { by, after: cond } = ORDER[o.sort];
  // The first page also takes the pinned comments, in the same round trip (listed first, oldest first).
  const pins = after
    ? ''
    : `SELECT c.id::text AS id, c.created_at::text AS at, c.like_count, true AS pinned, row_number() OVER (ORDER BY c.created_at, c.id) AS n
         FROM comments c WHERE c.thread_id = $1 AND c.pinned AND ${LISTED_ROOT}
       UNION ALL `;
  const rows = await q
    .query<RootRow & { pinned: boolean }>(
      `SELECT id, at, like_count, pinned FROM (
         ${pins}
         SELECT * FROM (SELECT c.id::text AS id, c.created_at::text AS at, c.like_count, false AS pinned, row_number() OVER (ORDER BY ${by}) AS n
           FROM comments c WHERE c.thread_id = $1 AND NOT c.pinned AND ${LISTED_ROOT} ${after ? `AND ${cond}` : ''}
          ORDER BY ${by} LIMIT ${o.limit + 1}) r
       ) roots ORDER BY pinned DESC, n`,
      after ? [thread.id, after.at, after.id, ...(o.sort === 'likes' ? [after.likes] : [])] : [thread.id],
    )
    .catch((e: unknown) => {
      // A forged cursor whose date the database cannot read.
      if (after && sqlState(e)?.startsWith('22')) throw invalid('cursor', 'not a cursor of this list', 'invalid_cursor');
      throw e;
    });
  const pinned = rows.filter((r) => r.pinned);
  const roots = rows.filter((r) => !r.pinned);
  const more = roots.length > o.limit;
  const page = roots.slice(0, o.limit);
  const ids = [...pinned, ...page].map((r) => r.id);
  const items = ids.length ? await subtrees(q, ids, thread.maxDepth) : [];
  const last = page[page.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor({ sort: o.sort, at: last.at, likes: last.like_count, id: last.id }) : null,
    total: thread.commentCount,
  };
}

/** The subtrees of these top-level comments, in their order, each depth-first; hidden branches without visible replies are left out. */
async function subtrees(q: Queryable, rootIds: string[], maxDepth: number): Promise<Comment[]> {
  // Every parent of a subtree's comment is in the subtree: no join, the parents are read from the rows.
  const columns = `c.id::text AS id, c.thread_id, c.parent_id::text AS parent_id, c.root_id::text AS root_id, c.level, c.name,
    NULL AS email, c.website, c.body, c.status, c.pinned, c.like_count, c.flag_count, c.created_at, c.edited_at`;
  const rows = await q.query<CommentRow>(
    `SELECT ${columns} FROM comments c WHERE c.id = ANY($1::bigint[])
     UNION ALL
     SELECT ${columns} FROM comments c WHERE c.root_id = ANY($1::bigint[]) AND c.status <> 'pending'`,
    [rootIds],
  );
  // Oldest first; ids break ties (decimal strings: shorter is smaller).
  rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, CommentRow[]>();
  for (const r of rows) {
    const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
    r.max_depth = maxDepth;
    r.parent_name = parent?.name ?? null;
    r.parent_status = parent?.status ?? null;
    r.parent_level = parent?.level ?? null;
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  // Shown: a published comment, and every comment on the way up from one (as a placeholder if hidden).
  const shown = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'published') continue;
    for (let at: CommentRow | undefined = r; at && !shown.has(at.id); at = at.parent_id ? byId.get(at.parent_id) : undefined) shown.add(at.id);
  }
  const out: Comment[] = [];
  // Depth-first without recursion (a long chain of replies must not overflow the stack).
  const stack = rootIds.map((id) => byId.get(id)).filter((r): r is CommentRow => !!r).reverse();
  while (stack.length) {
    const r = stack.pop()!;
    if (!shown.has(r.id)) continue;
    out.push(toComment(r));
    const kids = children.get(r.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
