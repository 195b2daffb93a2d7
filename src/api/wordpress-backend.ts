/**
 * WordPressBackend: the comments part of CivicBackend over a WordPress site's own REST API
 * (`/wp-json/wp/v2/comments`), so `<civic-comments>` can show and take a WordPress blog's comments
 * without any other server.
 *
 * - A thread is a post: `thread="42"` (or `pages/42` for a page). Its title, link and whether
 *   comments are open come from `/wp/v2/posts/42`; its count from the comments' `X-WP-Total`.
 * - A page of the list is a page of top-level comments (`parent=0`, oldest or newest first),
 *   followed by their replies, fetched one level at a time (`parent=1,2,3`), flattened past
 *   `maxDepth` like the reference server does.
 * - Posting is anonymous (`author_name`, `author_email`, `author_url`): the site must allow it
 *   (the `rest_allow_anonymous_comments` filter); otherwise WordPress answers 401 and the widget
 *   says the comment cannot be posted from here. A comment WordPress holds for moderation is shown
 *   to its author as pending.
 * - Bodies cross over as the markup WordPress allows in comments: the widget's markdown is sent as
 *   that markup (em, strong, code, a, blockquote; paragraphs as blank lines), and WordPress's
 *   rendered HTML is read back into markdown with an inert parser (DOMParser), never inserted.
 * - What WordPress lacks is left out, not faked: likes, reports, the author's edit window, live
 *   updates, the proof-of-work challenge, and mentions (WordPress lists pingbacks only to editors).
 */
import * as z from 'zod/mini';
import type { CivicBackend, CommentsBackend } from './backend.js';
import type { Comment, CommentSort, Moderation, Thread } from './comments.js';
import type { CivicErrorKind } from './errors.js';
import { RestClient, type RestOptions } from './rest.js';
import { call } from './rest-call.js';
import { parse, type Block, type Inline } from '../domain/markdown.js';
import { safeUrl } from '../domain/url.js';

export interface WordPressOptions extends Omit<RestOptions, 'baseUrl'> {
  /** The site's REST API root: `https://blog.example/wp-json` (or `https://blog.example/?rest_route=`). */
  baseUrl: string;
  /** The deepest reply level shown (default 3); deeper replies stay there and say whom they answer. */
  maxDepth?: number | undefined;
  /** What the site's Discussion settings hold comments for (its REST API does not say; default `post`). */
  moderation?: Moderation | undefined;
  /** Comments are closed on this post though its `comment_status` says open (e.g. closed after N days). */
  closed?: boolean | undefined;
}

const WpComment = z.object({
  id: z.number(),
  post: z.number(),
  parent: z.number(),
  author_name: z.string(),
  author_url: z.string(),
  date_gmt: z.string(),
  content: z.object({ rendered: z.string() }),
  status: z.string(),
});
type WpComment = z.infer<typeof WpComment>;
const WpPost = z.object({
  link: z.string(),
  title: z.object({ rendered: z.string() }),
  comment_status: z.string(),
  date_gmt: z.string(),
});
/** What the transport below turns every WordPress answer into: the body and the paging headers. */
const answer = <T extends z.ZodMiniType>(data: T) => z.object({ data, total: z.number(), pages: z.number() });
/** WordPress's query parameters (typed only: the client does not check what it sends). */
const WpQuery = z.looseObject({});
/** The calls of WordPress's REST API this backend makes. */
const listComments = { method: 'GET', path: '/wp/v2/comments', query: WpQuery, response: answer(z.array(WpComment)) } as const;
/**
 * The same list asked for ids only (`_fields=id`), for its `X-WP-Total`. Written out, not spread from
 * listComments: a spread keeps every property of the operations in the widget's file.
 */
const countComments = { method: 'GET', path: '/wp/v2/comments', query: WpQuery, response: answer(z.array(z.object({ id: z.number() }))) } as const;
const postComment = { method: 'POST', path: '/wp/v2/comments', body: z.unknown(), response: answer(WpComment) } as const;
const getPost = {
  method: 'GET',
  path: '/wp/v2/{type}/{post}',
  params: z.object({ type: z.string(), post: z.number() }),
  query: WpQuery,
  response: answer(WpPost),
} as const;

/** WordPress error codes, as the contract's kinds (and the field they name). */
const codes: Record<string, [CivicErrorKind, string?]> = {
  rest_comment_login_required: ['forbidden'],
  rest_comment_closed: ['closed'],
  comment_duplicate: ['conflict'],
  comment_flood: ['rate-limited'],
  rest_comment_invalid_post_id: ['not-found'],
  rest_post_invalid_id: ['not-found'],
  rest_comment_author_data_required: ['validation', 'email'],
  rest_comment_content_invalid: ['validation', 'body'],
  comment_author_column_length: ['validation', 'name'],
  comment_author_email_column_length: ['validation', 'email'],
  comment_author_url_column_length: ['validation', 'website'],
  comment_content_column_length: ['validation', 'body'],
};
const fields: Record<string, string> = { author_name: 'name', author_email: 'email', author_url: 'website', content: 'body', parent: 'parentId' };

/**
 * A fetch for RestClient that speaks to WordPress: it rewrites each answer into `{ data, total, pages }`
 * or into the contract's error body, so RestClient's timeouts, retries and checks apply unchanged.
 * (No Idempotency-Key is sent: these calls do not honour one, and WordPress's CORS allowlist does not name it.)
 */
export function wordpressFetch(f: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    // With a `?rest_route=` root, the path's own query joins with `&`.
    const url = String(input).replace(/(\?.*?)\?/, '$1&');
    const res = await f(url, init);
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string; data?: { params?: Record<string, string> } } | null;
    if (res.ok) return Response.json({ data: body, total: +(res.headers.get('x-wp-total') ?? 0), pages: +(res.headers.get('x-wp-totalpages') ?? 0) });
    const [kind, path] = codes[body?.code ?? ''] ?? [body?.code === 'rest_invalid_param' ? 'validation' : undefined];
    const params = Object.keys(body?.data?.params ?? {}).map((p) => fields[p] ?? p);
    const issues = (path ? [path] : params).map((p) => ({ path: p, code: body?.code ?? 'invalid', message: body?.message ?? '' }));
    const error = { kind: kind ?? (res.status < 500 ? 'validation' : 'server'), message: body?.message ?? `HTTP ${res.status}`, issues };
    return Response.json({ error }, { status: res.status, headers: { 'retry-after': res.headers.get('retry-after') ?? '' } });
  };
}

/** Text of some HTML, read by an inert parser (no script runs, nothing loads). */
const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

/** WordPress's rendered comment HTML as the widget's markdown; only the subset's structure survives, the rest is text. */
export function htmlToMarkdown(html: string): string {
  const esc = (s: string) => s.replace(/[\\`*_[\]<>]/g, '\\$&');
  const inline = (n: Node): string => {
    if (n.nodeType === 3) return esc(n.textContent!.replace(/[ \t\n\r\f]+/g, ' '));
    if (n.nodeType !== 1) return '';
    const el = n as Element;
    const inner = () => [...el.childNodes].map(inline).join('');
    const tag = el.localName;
    if (tag === 'br') return '\n';
    if (tag === 'em' || tag === 'i') return `*${inner().trim()}*`;
    if (tag === 'strong' || tag === 'b') return `**${inner().trim()}**`;
    if (tag === 'code') return `\`\` ${el.textContent} \`\``;
    if (tag === 'a') {
      const href = safeUrl(el.getAttribute('href') ?? '');
      return href ? `[${inner()}](${href.replace(/[()\s]/g, encodeURIComponent)})` : inner();
    }
    if (tag === 'img') return esc(el.getAttribute('alt') ?? '');
    return inner();
  };
  const blocks = (parent: Element): string[] => {
    const out: string[] = [];
    let line = '';
    const end = () => (line.trim() && out.push(line.trim().replace(/^([-+>#]|\d+[.)])/gm, (m) => (m.length > 1 ? `${m.slice(0, -1)}\\${m.at(-1)}` : `\\${m}`))), (line = ''));
    for (const n of parent.childNodes) {
      const tag = (n as Element).localName;
      if (tag === 'pre') end(), out.push(`\`\`\`\n${n.textContent!.replace(/\n$/, '')}\n\`\`\``);
      else if (tag === 'blockquote') end(), out.push(blocks(n as Element).join('\n\n').replace(/^/gm, '> '));
      else if (tag === 'ul' || tag === 'ol')
        end(),
          out.push(
            [...(n as Element).children]
              .map((li, i) => `${tag === 'ol' ? `${i + 1}.` : '-'} ${blocks(li).join('\n\n').replace(/\n/g, '\n   ')}`)
              .join('\n'),
          );
      else if (tag === 'p' || tag === 'div') end(), out.push(...blocks(n as Element));
      else line += inline(n);
    }
    end();
    return out;
  };
  return blocks(doc(html)).join('\n\n');
}

/** The widget's markdown as the markup WordPress accepts in a comment (its kses allowlist), escaped. */
export function markdownToHtml(source: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const inline = (n: Inline): string =>
    typeof n === 'string'
      ? esc(n)
      : n.t === 'br'
        ? '\n'
        : n.t === 'code'
          ? `<code>${esc(n.text)}</code>`
          : n.t === 'a'
            ? `<a href="${esc(n.href)}">${n.c.map(inline).join('')}</a>`
            : `<${n.t}>${n.c.map(inline).join('')}</${n.t}>`;
  const block = (b: Block): string =>
    b.t === 'p'
      ? b.c.map(inline).join('')
      : b.t === 'pre'
        ? `<code>${esc(b.text)}</code>`
        : b.t === 'quote'
          ? `<blockquote>${b.c.map(block).join('\n\n')}</blockquote>`
          : b.items.map((item, i) => `${b.t === 'ol' ? `${b.start + i}.` : '-'} ${item.map(block).join(' ')}`).join('\n');
  return parse(source).map(block).join('\n\n');
}

/** `42` or `pages/42`: the REST route of the post (or page) a thread is. */
function route(thread: string): [string, number] {
  const [, type = 'posts', id = ''] = /^(?:(posts|pages)\/)?(\d+)$/.exec(thread) ?? [];
  return [type, +id];
}

const gmt = (date: string) => `${date.replace(/Z?$/, '')}Z`;

export function wordpressComments(client: RestClient, { maxDepth = 3, moderation = 'post', closed = false }: Omit<WordPressOptions, 'baseUrl'> = {}): CommentsBackend {
  /** What is known of each comment seen: its depth and author, to place and label replies. */
  const seen = new Map<string, { depth: number; name: string }>();
  const answered = new Map<string, Promise<unknown>>();
  const toComment = (c: WpComment, thread: string, depth: number, replyToName: string | null): Comment => {
    const id = String(c.id);
    seen.set(id, { depth, name: c.author_name });
    return {
      id,
      threadId: thread,
      parentId: c.parent ? String(c.parent) : null,
      depth: Math.min(depth, maxDepth),
      replyToName,
      author: { name: c.author_name, website: c.author_url || null },
      body: htmlToMarkdown(c.content.rendered),
      status: c.status === 'approved' ? 'published' : 'pending',
      likeCount: 0,
      pinned: false,
      createdAt: gmt(c.date_gmt),
      editedAt: null,
    };
  };
  const list = (query: Record<string, string | number>, signal?: AbortSignal) =>
    call(client, listComments, { per_page: 100, _fields: 'id,post,parent,author_name,author_url,date_gmt,content,status', ...query }, { signal });
  /** The post's published comments (replies included): `X-WP-Total` of a one-item page. */
  const count = (post: number, signal?: AbortSignal) => call(client, countComments, { post, per_page: 1, _fields: 'id' }, { signal }).then((r) => r.total);

  return {
    async get(thread, o) {
      const [type, post] = route(thread);
      const [p, total] = await Promise.all([
        call(client, getPost, { type, post, _fields: 'link,title,comment_status,date_gmt' }, o),
        count(post, o?.signal),
      ]);
      const t: Thread = {
        id: thread,
        url: p.data.link,
        title: doc(p.data.title.rendered).textContent ?? '',
        status: p.data.comment_status === 'open' && !closed ? 'open' : 'closed',
        moderation,
        commentCount: total,
        mentionCount: 0,
        maxDepth,
        editWindowSeconds: 0,
        challenge: false,
        createdAt: gmt(p.data.date_gmt),
      };
      return t;
    },

    async list(thread, q = {}, o) {
      const [, post] = route(thread);
      const page = Number(q.cursor ?? 1) || 1;
      const order = (q.sort as CommentSort) === 'newest' ? 'desc' : 'asc';
      const [tops, total] = await Promise.all([
        list({ post, parent: 0, per_page: q.limit ?? 20, page, order, orderby: 'date_gmt' }, o?.signal),
        count(post, o?.signal),
      ]);
      // Replies one level at a time, every page of each level.
      const kids = new Map<number, WpComment[]>();
      for (let level = tops.data, depth = 1; level.length && depth <= 50; depth++) {
        const next: WpComment[] = [];
        for (let p = 1, pages = 1; p <= pages; p++) {
          const r = await list({ post, parent: level.map((c) => c.id).join(','), order: 'asc', orderby: 'date_gmt', page: p }, o?.signal);
          next.push(...r.data);
          pages = r.pages;
        }
        for (const c of next) kids.set(c.parent, [...(kids.get(c.parent) ?? []), c]);
        level = next;
      }
      const items: Comment[] = [];
      const walk = (c: WpComment, depth: number, parentName: string | null) => {
        items.push(toComment(c, thread, depth, depth > maxDepth ? parentName : null));
        for (const k of kids.get(c.id) ?? []) walk(k, depth + 1, c.author_name);
      };
      for (const c of tops.data) walk(c, 0, null);
      return { items, nextCursor: page < tops.pages ? String(page + 1) : null, total };
    },

    post(thread, input, o) {
      // WordPress refuses a duplicate, so a retry of a sent comment cannot double it; within this page, the same key answers the same.
      const known = answered.get(o.idempotencyKey);
      if (known) return known as ReturnType<CommentsBackend['post']>;
      const [, post] = route(thread);
      const body = {
        post,
        parent: Number(input.parentId ?? 0),
        author_name: input.name,
        author_email: input.email || undefined,
        author_url: input.website || undefined,
        content: markdownToHtml(input.body),
      };
      const sent = call(client, postComment, {}, { body, signal: o.signal })
        .then(({ data }) => {
          const parent = input.parentId ? seen.get(input.parentId) : undefined;
          const depth = parent ? parent.depth + 1 : input.parentId ? 1 : 0;
          const comment = toComment(data, thread, depth, parent && depth > maxDepth ? parent.name : null);
          // WordPress has no author edit window: the token is empty and the window already over.
          return { comment, editToken: '', editableUntil: comment.createdAt };
        });
      answered.set(o.idempotencyKey, sent);
      sent.catch(() => answered.delete(o.idempotencyKey));
      return sent;
    },
  };
}

/**
 * A backend for a WordPress site's comments.
 *
 * ```js
 * el.backend = new WordPressBackend('https://blog.example/wp-json');
 * ```
 */
export class WordPressBackend implements CivicBackend {
  readonly client: RestClient;
  readonly comments: CommentsBackend;

  constructor(options: WordPressOptions | string) {
    const o = typeof options === 'string' ? { baseUrl: options } : options;
    this.client = new RestClient({ ...o, fetch: wordpressFetch(o.fetch) });
    this.comments = wordpressComments(this.client, o);
  }
}
