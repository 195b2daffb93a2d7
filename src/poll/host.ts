/**
 * What the poll's modules (the consultation's view, forms and submissions, the result bars) see of
 * <civic-poll>: a narrow interface, so that they do not import the element that loads them.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { CivicBackend, PollBackend } from '../api/backend.js';
import type { Poll, PollEvent, PollResults } from '../api/poll.js';
import type { Localize } from '../core/localize.js';
import type { Strings } from './render.js';

/** What changes as the reader votes (one object, replaced on each change). */
export interface PollState {
  live?: PollEvent | undefined;
  results?: PollResults | undefined;
  /** The reader's choices by subject (`''`: the poll, else a proposal's id). */
  mine: Record<string, string[]>;
  confirmed: boolean;
  /** Quick polls: the choices ticked before voting. */
  draft: string[];
  editing: boolean;
  /** Subjects whose vote is being sent, or kept offline. */
  sending: Record<string, 'sending' | 'queued'>;
  notice: string;
  error: string;
}

export interface PollHost extends ReactiveControllerHost, Pick<HTMLElement, 'dispatchEvent'> {
  readonly l: Localize<Strings>;
  /** The poll's id. */
  readonly poll: string | undefined;
  /** Base URL of a REST backend. */
  readonly api: string | undefined;
  readonly resolvedBackend: CivicBackend | undefined;
  /** The poll part of the backend in effect. */
  readonly pollApi: PollBackend;
  /** The poll as loaded, with its live state. */
  readonly data: Poll | undefined;
  readonly state: PollState;
  /** The reader's anonymous token, made when first needed. */
  readonly participant: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Votes (or withdraws, with no choices) on a subject. */
  vote(subject: string, choices: string[]): Promise<void>;
  /** Says `text` politely, in the live region. */
  say(text: string): void;
  /** The message for a failure, in the reader's language. */
  errorText(error: unknown): string;
  /** A heading below the poll's title: an h3, or an h4 one level deeper. */
  sub(text: string, id?: string, deeper?: boolean): TemplateResult;
  /** A choice's words: an option's label, or a vote value's. */
  label(p: Poll, choice: string): string;
}
