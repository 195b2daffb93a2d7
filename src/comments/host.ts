/**
 * What the conversation's modules (view.ts, actions.ts, compose.ts, issues.ts, loaded on demand
 * with the first comments, but for the compose form) see of <civic-comments>: a narrow interface,
 * so that they do not import the element that loads them.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { CivicBackend, CommentsBackend } from '../api/backend.js';
import type { Comment, CommentSort, Mention, Thread } from '../api/comments.js';
import type { Localize } from '../core/localize.js';
import type { CommentsStrings, CoreStrings } from '../core/translations/en.js';

export type Strings = CoreStrings & CommentsStrings;
export type Action = 'like' | 'flag' | 'report' | 'back' | 'edit' | 'save' | 'delete' | 'confirm' | 'keep';

/** What a load brings: the thread, the first page, the cursor of the next, the mentions. */
export interface Loaded {
  thread: Thread;
  items: Comment[];
  next: string | null;
  mentions: Mention[];
}

/** The state of the actions under way, kept by the element and changed by actions.ts. */
export interface Acts {
  /** The comment whose text is being edited, and the text so far. */
  editing?: string | undefined;
  draft?: string;
  /** The comment whose deletion awaits confirmation. */
  confirming?: string | undefined;
  /** The comment whose report awaits confirmation. */
  reporting?: string | undefined;
  /** A message beside one comment: [id, text] (an action refused). */
  notice?: [string, string] | undefined;
}

export interface CommentsHost extends ReactiveControllerHost {
  readonly l: Localize<Strings>;
  /** The backend in effect. */
  readonly resolvedBackend: CivicBackend | undefined;
  /** This widget's part of the backend. */
  readonly commentsApi: CommentsBackend;
  /** The thread, the next page's cursor and the mentions, as loaded and kept up to date. */
  readonly loaded: Loaded | undefined;
  /** The order of top-level comments, and how many come per page. */
  sort: CommentSort;
  readonly pageSize: number;
  /** Whether a load is under way (a new sort order). */
  readonly busy: boolean;
  /** The comments shown, in display order. */
  items: Comment[];
  /** Comments that arrived live, shown when the reader asks. */
  fresh: Comment[];
  /** Edits, confirmations and refusals under way. */
  acts: Acts;
  /** The comment under which the compose form is open. */
  readonly replyTo: string | null;
  /** Opens the compose form under a comment (or closes it). */
  reply(c: Comment | undefined): Promise<void>;
  /** The compose form, at the top or under the comment replied to. */
  compose(): TemplateResult;
  /** A heading one level below the count. */
  sub(text: string, id: string): TemplateResult;
  /** A comment's text rendered. */
  md(body: string): unknown;
  /** Says `text` politely, in the live region. */
  say(text: string): void;
  /** Moves focus to an element of the widget once rendered. */
  focusOn(selector: string): Promise<void>;
}
