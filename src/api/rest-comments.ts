/** The comments part of the REST contract. */
import type { CommentsBackend } from './backend.js';
import type { RestClient } from './rest.js';
import { call, listen } from './rest-call.js';
import {
  deleteComment,
  editComment,
  flagComment,
  getChallenge,
  getThread,
  likeComment,
  listComments,
  listMentions,
  myComments,
  postComment,
  threadEvents,
} from './routes/comments.js';

export function restComments(client: RestClient): CommentsBackend {
  return {
    get: (id, o) => call(client, getThread, { id }, o),
    list: (id, q = {}, o) => call(client, listComments, { id, sort: q.sort, cursor: q.cursor, limit: q.limit }, o),
    post: (id, body, o) => call(client, postComment, { id }, { ...o, body }),
    mine: (id, tokens, o) => call(client, myComments, { id }, { ...o, body: { tokens } }).then((r) => r.items),
    edit: (id, body, o) => call(client, editComment, { id }, { ...o, body }),
    remove: (id, body, o) => call(client, deleteComment, { id }, { ...o, body }),
    like: (id, body, o) => call(client, likeComment, { id }, { ...o, body }),
    flag: (id, body, o) => call(client, flagComment, { id }, { ...o, body }),
    mentions: (id, q = {}, o) => call(client, listMentions, { id, cursor: q.cursor }, o),
    challenge: (id, o) => call(client, getChallenge, { id }, o),
    subscribe: (id, listener) => listen(client, threadEvents, { id }, listener),
  };
}
