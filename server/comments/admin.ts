/** The moderators' routes: threads, the queues of pending and reported comments, decisions, pins, blocks (moderation.ts). */
import { routes } from '../../src/api/routes.js';
import { setLocation } from '../http.js';
import type { Router } from '../routing.js';
import * as moderation from './moderation.js';
import type { Comments, Published } from './writing.js';

export function commentAdminRoutes(router: Router, c: Comments, notify: (p: Published | undefined, requestUrl: string) => void): void {
  router.on(routes.createThread, async ({ body }, hc) => {
    const t = await moderation.createThread(c, body);
    setLocation(hc, `/api/threads/${encodeURIComponent(body.id)}`);
    return t;
  });
  router.on(routes.updateThread, ({ params, body }) => moderation.changeThread(c, params.id, body));
  router.on(routes.setThreadStatus, ({ params, body }) => moderation.changeThread(c, params.id, { status: body.status }));
  router.on(routes.listThreads, async () => ({ items: await moderation.threads(c) }));
  router.on(routes.commentQueue, ({ query }) => moderation.contextQueue(c, query));
  router.on(routes.adminComments, ({ query }) => moderation.queue(c, query));
  router.on(routes.approveComment, async ({ params }, hc) => {
    const { comment, published } = await moderation.approve(c, params.id);
    notify(published, hc.req.url);
    return comment;
  });
  router.on(routes.rejectComment, ({ params }) => moderation.reject(c, params.id));
  router.on(routes.adminDeleteComment, ({ params }) => moderation.adminDelete(c, params.id));
  router.on(routes.pinComment, ({ params, body }) => moderation.pin(c, params.id, body.pinned));
  router.on(routes.listBlocks, () => moderation.blocks(c));
  router.on(routes.createBlock, ({ body }) => moderation.addBlocks(c, body));
  router.on(routes.deleteBlock, ({ params }) => moderation.removeBlock(c, params.id));
}
