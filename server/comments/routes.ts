/** The comment resource over HTTP: thin routes that parse (Router), call the SQL, answer. */
import type { Thread } from '../../src/api/comments.js';
import { routes } from '../../src/api/routes.js';
import { linkBase, mailLater, type ServerContext } from '../context.js';
import { found, type RateLimitOptions } from '../http.js';
import { rateLimiter } from '../rate-buckets.js';
import { Live } from '../live.js';
import type { Router } from '../routing.js';
import { Keys } from '../secrets.js';
import { eventStream, sseData } from '../sse.js';
import { commentAdminRoutes } from './admin.js';
import { issueChallenge, type ChallengeOptions } from './challenge.js';
import { ThreadEvents, threadEvent } from './events.js';
import { replyMail } from './notify.js';
import { unsubscribePages } from './pages.js';
import { PageCache } from './pages-cache.js';
import { commentPage } from './sql/comments.js';
import { mentionPage } from './sql/mentions.js';
import { threadRow, toThread } from './sql/threads.js';
import { sweepChallenges } from './sql/writes.js';
import { webmentionRoutes, type WebmentionOptions } from './webmention.js';
import { TOPIC, edit, flag, like, mine, post, remove, type Comments, type Published } from './writing.js';

export interface CommentOptions {
  /** The proof of work asked before posting (default 16 bits, 30 minutes); false: none. */
  challenge?: Partial<ChallengeOptions> | false;
  /** Comments per client address (default bursts of 5, then one every 30 s); false: no limit beyond the server's. */
  rateLimit?: RateLimitOptions | false;
  /** Links allowed in a comment (default 3). */
  maxLinks?: number;
  /** Likes of one comment from one client address (default 5). */
  likesPerAddress?: number;
  webmention?: WebmentionOptions;
}

const must = <T>(value: Promise<T | undefined>, id: string) => found(value, `thread ${id}`);

export function commentRoutes(router: Router, ctx: ServerContext, options: CommentOptions = {}): void {
  const { db, bus } = ctx;
  const challenge = options.challenge === false ? false : { difficulty: 16, ttlSeconds: 1800, ...options.challenge };
  const keys = new Keys(db, 'comments');
  const live = new Live<Thread>(bus, TOPIC, async (id) => {
    const r = await threadRow(db, id);
    return r && toThread(r, !!challenge);
  });
  const events = new ThreadEvents(bus, db, live);
  const firstPages = new PageCache(bus, TOPIC);
  // No per-comment limit when the server has none (`--rate-limit 0`).
  const rate = options.rateLimit ?? (ctx.limiter ? { capacity: 5, refillPerSecond: 1 / 30 } : false);
  const limiter = rate ? rateLimiter(db, 'comments', rate) : undefined;
  const sweep = setInterval(() => void sweepChallenges(db).catch(() => undefined), 3_600_000);
  sweep.unref();
  ctx.onClose(() => {
    live.close();
    firstPages.close();
    events.close();
    limiter?.close();
    clearInterval(sweep);
  });
  const c: Comments = {
    db,
    bus,
    keys,
    live,
    changed(threadId) {
      live.changed(threadId);
      firstPages.drop(threadId);
    },
    limiter,
    now: ctx.now,
    settings: { challenge, maxLinks: options.maxLinks ?? 3, likesPerAddress: options.likesPerAddress ?? 5, flagsPerAddress: 5 },
  };

  /** Mails the parent's author of a reply just published, after the answer. */
  const notify = (p: Published | undefined, requestUrl: string) => {
    if (!p) return;
    mailLater(ctx, `reply mail for comment ${p.commentId}`, replyMail(db, keys, p.commentId, linkBase(ctx, requestUrl)));
  };

  router.on(routes.getThread, ({ params }) => must(live.get(params.id), params.id));

  router.on(routes.listComments, async ({ params, query }) => {
    const t = await must(live.get(params.id), params.id);
    const o = { sort: query.sort ?? 'oldest', cursor: query.cursor, limit: Number(query.limit ?? 20) } as const;
    // The first page is what most readers ask for: shared while the thread does not change.
    return o.cursor ? commentPage(db, t, o) : firstPages.get(t.id, `${o.sort}:${o.limit}`, () => commentPage(db, t, o));
  });

  router.on(routes.postComment, async ({ params, body, idempotencyKey, ip }, hc) => {
    const { result, published } = await post(c, params.id, body, idempotencyKey, ip);
    notify(published, hc.req.url);
    return result;
  });

  router.on(routes.myComments, ({ params, body }) => mine(c, params.id, body.tokens));

  router.on(routes.getChallenge, async ({ params }) => {
    await must(live.get(params.id), params.id);
    return issueChallenge(keys, params.id, challenge || { difficulty: 0, ttlSeconds: 1800 }, ctx.now());
  });

  router.on(routes.listMentions, async ({ params, query }) => {
    const t = await must(live.get(params.id), params.id);
    return mentionPage(db, t, { cursor: query.cursor, limit: Number(query.limit ?? 50) });
  });

  router.on(routes.editComment, ({ params, body }) => edit(c, params.id, body));
  router.on(routes.deleteComment, ({ params, body }) => remove(c, params.id, body));
  router.on(routes.likeComment, ({ params, body, ip }) => like(c, params.id, body, ip));
  router.on(routes.flagComment, ({ params, body, ip }) => flag(c, params.id, body, ip));

  router.on(routes.threadEvents, async ({ params }, hc) => {
    const id = params.id;
    await must(live.get(id), id);
    return eventStream(hc, ctx, (send) => {
      const stop = events.listen(id, (e) => send(() => sseData(e)));
      send(async () => {
        const t = await live.get(id);
        return t && sseData(threadEvent(t));
      });
      return stop;
    });
  });

  commentAdminRoutes(router, c, notify);
  unsubscribePages(router.app, ctx, keys);
  webmentionRoutes(router.app, ctx, c, options.webmention);
}
