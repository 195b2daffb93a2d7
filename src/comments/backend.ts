/**
 * The backend as the comments widget uses it: the one it builds from its `api` attribute, and
 * posting a comment, with the proof of work a thread may ask for.
 */
import type { CivicBackend, CommentsBackend } from '../api/backend.js';
import type { CommentCreated, CommentInput, Thread } from '../api/comments.js';
import { CivicError } from '../api/errors.js';
import type { OutboxEntry } from '../api/outbox.js';
import { RestClient } from '../api/rest.js';
import { restComments } from '../api/rest-comments.js';
import type { WordPressOptions } from '../api/wordpress-backend.js';

/**
 * From `api`: the reference server's REST API, or a WordPress site's (`https://blog.example/wp-json`,
 * loaded on demand, with what its REST API does not say: `wordpress`).
 */
export function commentsBackend(api: string, wordpress: Omit<WordPressOptions, 'baseUrl'> = {}): CivicBackend {
  if (!/\/wp-json\/?$|rest_route=/.test(api)) return { comments: restComments(new RestClient({ baseUrl: api })) };
  const wp = import('../api/wordpress-backend.js').then(
    (m) => new m.WordPressBackend({ ...wordpress, baseUrl: api }).comments,
    (cause: unknown) => {
      throw new CivicError('network', 'the WordPress backend could not be loaded', { cause });
    },
  );
  return {
    comments: {
      get: (...a) => wp.then((c) => c.get(...a)),
      list: (...a) => wp.then((c) => c.list(...a)),
      post: (...a) => wp.then((c) => c.post(...a)),
    },
  };
}

/**
 * Posts a comment (to the thread `entry.target`), solving the thread's proof-of-work challenge
 * first when it asks for one (once more if it expired). `thread`: the thread as loaded, if it is.
 */
export async function post(api: CommentsBackend, entry: OutboxEntry<CommentInput>, thread?: Thread): Promise<CommentCreated> {
  const id = entry.target;
  for (let retry = false; ; retry = true) {
    let input = entry.payload;
    if ((thread ?? (await api.get(id))).challenge && api.challenge) {
      const [{ solve }, challenge] = await Promise.all([
        import('./pow.js').catch((cause: unknown) => {
          throw new CivicError('network', 'the solver could not be loaded', { cause });
        }),
        api.challenge(id),
      ]);
      input = { ...input, challenge: await solve(challenge) };
    }
    try {
      return await api.post(id, input, { idempotencyKey: entry.key });
    } catch (e) {
      if (retry || !(e instanceof CivicError && e.issues.some((i) => i.path === 'challenge'))) throw e;
    }
  }
}
