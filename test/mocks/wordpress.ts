/**
 * A WordPress site's REST API for comments, as msw handlers, written from WordPress's REST API
 * reference (developer.wordpress.org/rest-api/reference/comments/) and its comments controller:
 *
 * - `_fields=a,b` on both GETs: the answer holds those fields only.
 * - `GET /wp/v2/posts/{id}`: `link`, `title.rendered`, `comment_status`, `date_gmt`; 404 `rest_post_invalid_id`.
 * - `GET /wp/v2/comments`: `post`, `parent` (comma-separated ids), `page`, `per_page` (default 10,
 *   at most 100: else 400 `rest_invalid_param`), `order` (default `desc`), `orderby` (`date_gmt`);
 *   approved comments of type `comment` only; `type` other than `comment` is refused to anonymous
 *   readers (401 `rest_forbidden_param`); `X-WP-Total` and `X-WP-TotalPages` headers; a page past
 *   the last is 400 `rest_comment_invalid_page_number`.
 * - `POST /wp/v2/comments` (JSON): 400 `comment_flood` (no Retry-After) when the flood check refuses; 401 `rest_comment_login_required` unless the site allows
 *   anonymous comments; 403 `rest_comment_invalid_post_id`, `rest_comment_closed`; 400
 *   `rest_comment_author_data_required` (the "name and email required" setting), `rest_invalid_param`
 *   (`data.params.author_email`), `rest_comment_content_invalid`; 409 `comment_duplicate`; 201 with
 *   the comment, `status` `approved` or `hold` (moderation).
 *
 * `rendered` is stored as the site would render it; a site that lets markup through is the worst
 * case the widget must survive, so the mock passes content through as is.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export interface WpPostData {
  id: number;
  link: string;
  title: string;
  comment_status: 'open' | 'closed';
  date_gmt: string;
}
export interface WpCommentData {
  id: number;
  post: number;
  parent: number;
  author_name: string;
  author_email?: string;
  author_url: string;
  date_gmt: string;
  /** `content.rendered`. */
  html: string;
  status: 'approved' | 'hold';
  type?: 'comment' | 'pingback';
}
export interface WpSite {
  posts: WpPostData[];
  comments: WpCommentData[];
  /** The `rest_allow_anonymous_comments` filter. */
  anonymous?: boolean;
  /** The "Comment author must fill out name and email" setting. */
  requireNameEmail?: boolean;
  /** "Comment must be manually approved". */
  moderate?: boolean;
  /** WordPress's flood check refuses the next comment (400 `comment_flood`, no Retry-After, as WordPress 6.1 answers). */
  flood?: boolean;
  /** Every request's URL, for tests. */
  requests?: string[];
}

const error = (code: string, message: string, status: number, params?: Record<string, string>) =>
  HttpResponse.json({ code, message, data: { status, ...(params ? { params } : {}) } }, { status });

const view = (c: WpCommentData) => ({
  id: c.id,
  post: c.post,
  parent: c.parent,
  author: 0,
  author_name: c.author_name,
  author_url: c.author_url,
  date: c.date_gmt,
  date_gmt: c.date_gmt,
  content: { rendered: c.html },
  link: `https://blog.example/?p=${c.post}#comment-${c.id}`,
  status: c.status,
  type: c.type ?? 'comment',
  author_avatar_urls: {},
  meta: [],
});

/** What `_fields=a,b` leaves of an answer: those fields only, as WordPress answers. */
function fields<T extends object>(item: T, list: string | null): Partial<T> {
  if (!list) return item;
  const keep = list.split(',');
  return Object.fromEntries(Object.entries(item).filter(([k]) => keep.includes(k))) as Partial<T>;
}
const searchOf = (request: Request) => new URL(request.url).searchParams;

export function wordpressHandlers(site: WpSite, base = 'https://blog.example/wp-json'): HttpHandler[] {
  return [
    http.get(`${base}/wp/v2/posts/:id`, ({ params, request }) => {
      site.requests?.push(request.url);
      const p = site.posts.find((x) => x.id === Number(params['id']));
      if (!p) return error('rest_post_invalid_id', 'Invalid post ID.', 404);
      return HttpResponse.json(fields({ id: p.id, link: p.link, title: { rendered: p.title }, comment_status: p.comment_status, date_gmt: p.date_gmt }, searchOf(request).get('_fields')));
    }),
    http.get(`${base}/wp/v2/comments`, ({ request }) => {
      site.requests?.push(request.url);
      const q = new URL(request.url).searchParams;
      if ((q.get('type') ?? 'comment') !== 'comment') return error('rest_forbidden_param', 'Query parameter not permitted: type', 401);
      const perPage = Number(q.get('per_page') ?? 10);
      if (perPage < 1 || perPage > 100) return error('rest_invalid_param', 'Invalid parameter(s): per_page', 400, { per_page: 'per_page must be between 1 (inclusive) and 100 (inclusive)' });
      const page = Number(q.get('page') ?? 1);
      const posts = q.get('post')?.split(',').map(Number);
      const parents = q.get('parent')?.split(',').map(Number);
      const order = q.get('order') === 'asc' ? 1 : -1;
      const all = site.comments
        .filter((c) => c.status === 'approved' && (c.type ?? 'comment') === 'comment')
        .filter((c) => !posts || posts.includes(c.post))
        .filter((c) => !parents || parents.includes(c.parent))
        .sort((a, b) => order * (a.date_gmt.localeCompare(b.date_gmt) || a.id - b.id));
      const pages = Math.ceil(all.length / perPage);
      if (all.length && page > pages) return error('rest_comment_invalid_page_number', 'The page number requested is larger than the number of pages available.', 400);
      return HttpResponse.json(all.slice((page - 1) * perPage, page * perPage).map((c) => fields(view(c), q.get('_fields'))), {
        headers: { 'X-WP-Total': String(all.length), 'X-WP-TotalPages': String(pages) },
      });
    }),
    http.post(`${base}/wp/v2/comments`, async ({ request }) => {
      site.requests?.push(request.url);
      const body = (await request.json()) as Record<string, unknown>;
      if (!site.anonymous) return error('rest_comment_login_required', 'Sorry, you must be logged in to comment.', 401);
      const post = site.posts.find((p) => p.id === Number(body['post']));
      if (!post) return error('rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.', 403);
      if (post.comment_status !== 'open') return error('rest_comment_closed', 'Sorry, comments are closed for this item.', 403);
      const email = String(body['author_email'] ?? '');
      if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return error('rest_invalid_param', 'Invalid parameter(s): author_email', 400, { author_email: 'Invalid email address.' });
      const content = String(body['content'] ?? '');
      if (!content.trim()) return error('rest_comment_content_invalid', 'Invalid comment content.', 400);
      const name = String(body['author_name'] ?? '');
      if (site.requireNameEmail && (!name || !email)) return error('rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.', 400);
      if (site.flood) return error('comment_flood', 'You are posting comments too quickly. Slow down.', 400);
      if (site.comments.some((c) => c.post === post.id && c.author_name === name && c.html === content))
        return error('comment_duplicate', 'Duplicate comment detected; it looks as though you’ve already said that!', 409);
      const c: WpCommentData = {
        id: Math.max(0, ...site.comments.map((x) => x.id)) + 1,
        post: post.id,
        parent: Number(body['parent'] ?? 0),
        author_name: name,
        author_email: email,
        author_url: String(body['author_url'] ?? ''),
        date_gmt: new Date().toISOString().slice(0, 19),
        html: content,
        status: site.moderate ? 'hold' : 'approved',
      };
      site.comments.push(c);
      return HttpResponse.json(view(c), { status: 201 });
    }),
  ];
}

/** A WordPress blog post with a conversation (rendered HTML as WordPress makes it) and a pingback. */
export function wordpressSite(over: Partial<WpSite> = {}): WpSite {
  const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19);
  const c = (id: number, parent: number, author_name: string, html: string, minutes: number, author_url = ''): WpCommentData => ({
    id,
    post: 42,
    parent,
    author_name,
    author_url,
    date_gmt: at(minutes),
    html,
    status: 'approved',
  });
  return {
    posts: [{ id: 42, link: 'https://blog.example/2026/11/plan-numerique/', title: 'Un plan numérique&nbsp;: l&#8217;appel', comment_status: 'open', date_gmt: at(5000) }],
    comments: [
      c(1, 0, 'Sylvie Bérubé', '<p>Très belle initiative&nbsp;! Je partage sur <em>mes</em> réseaux.</p>\n', 3000, 'https://sylvie.example'),
      c(2, 1, 'Michel Leblanc', '<p>Merci Sylvie&nbsp;!<br />\nÀ bientôt.</p>\n', 2900),
      c(3, 2, 'Sylvie Bérubé', '<p>Avec plaisir.</p>\n', 2800),
      c(4, 3, 'Jean Roy', '<p>Je me joins à la discussion&nbsp;: <a href="https://roy.example/billet" rel="nofollow ugc">mon billet</a>.</p>\n', 2700),
      c(5, 0, 'Nadia Fortin', '<p>Une question&nbsp;: <code>CC BY</code> ou <strong>CC BY-SA</strong>&nbsp;?</p>\n<blockquote><p>Le code est la loi.</p></blockquote>\n', 1000),
      { ...c(6, 0, 'Veille numérique', '<p>[&#8230;] un billet qui cite celui-ci [&#8230;]</p>', 900, 'https://veille.example/billet'), type: 'pingback' },
      { ...c(7, 0, 'En attente', '<p>Pas encore approuvé.</p>', 800), status: 'hold' },
    ],
    anonymous: true,
    ...over,
  };
}
