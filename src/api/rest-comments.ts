/** The comments part of the REST contract (see routes.ts for the operations it calls). */
import type { CommentsBackend } from './backend.js';
import {
  Challenge,
  Comment,
  CommentCreated,
  CommentDeleted,
  CommentEvent,
  CommentList,
  CommentPage,
  FlagResult,
  LikeResult,
  MentionPage,
  Thread,
} from './comments.js';
import { withQuery, type RestClient } from './rest.js';

const seg = encodeURIComponent;

export function restComments(client: RestClient): CommentsBackend {
  const thread = (id: string, rest = '') => `/threads/${seg(id)}${rest}`;
  const comment = (id: string, rest = '') => `/comments/${seg(id)}${rest}`;
  return {
    get: (id, o) => client.request('GET', thread(id), Thread, { signal: o?.signal }),
    list: (id, q = {}, o) => client.request('GET', withQuery(thread(id, '/comments'), { sort: q.sort, cursor: q.cursor, limit: q.limit }), CommentPage, { signal: o?.signal }),
    post: (id, body, o) => client.request('POST', thread(id, '/comments'), CommentCreated, { body, ...o }),
    mine: (id, tokens, o) => client.request('POST', thread(id, '/comments/mine'), CommentList, { body: { tokens }, signal: o?.signal }).then((r) => r.items),
    edit: (id, body, o) => client.request('PATCH', comment(id), Comment, { body, ...o }),
    remove: (id, body, o) => client.request('DELETE', comment(id), CommentDeleted, { body, ...o }),
    like: (id, body, o) => client.request('POST', comment(id, '/likes'), LikeResult, { body, ...o }),
    flag: (id, body, o) => client.request('POST', comment(id, '/flags'), FlagResult, { body, ...o }),
    mentions: (id, q = {}, o) => client.request('GET', withQuery(thread(id, '/mentions'), { cursor: q.cursor }), MentionPage, { signal: o?.signal }),
    challenge: (id, o) => client.request('GET', thread(id, '/challenge'), Challenge, { signal: o?.signal }),
    subscribe: (id, listener) => client.subscribe(thread(id, '/events'), CommentEvent, listener),
  };
}
