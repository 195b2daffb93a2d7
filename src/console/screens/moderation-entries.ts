/**
 * What the moderation queue holds: comments (across threads) and participants' proposals and
 * arguments (across polls), as one list oldest first, with how each is approved and rejected.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { CivicError } from '../../api/errors.js';
import type { PollQueueItem, QueueItem } from '../../api/lists.js';
import { call } from '../../api/rest-call.js';
import { approveComment, commentQueue, createBlock, moderateArgument, moderateProposal, pollQueue, rejectComment } from '../../api/routes/admin.js';
import type { ConsoleHost } from '../host.js';

export type Action = 'approve' | 'reject' | 'spam';

export type Entry = { key: string; at: string; comment: QueueItem; poll?: undefined } | { key: string; at: string; poll: PollQueueItem; comment?: undefined };

/** Both queues, as one list oldest first. */
export async function loadEntries(host: ConsoleHost, signal: AbortSignal): Promise<Entry[]> {
  const [comments, polls] = await Promise.all([call(host.client, commentQueue, { limit: 100 }, { signal }), call(host.client, pollQueue, {}, { signal })]);
  const entries: Entry[] = [
    ...comments.items.map((c) => ({ key: `c:${c.comment.id}`, at: c.comment.createdAt, comment: c })),
    ...polls.items.map((p) => {
      const x = p.argument ?? p.proposal;
      return { key: `${p.kind === 'argument' ? 'a' : 'p'}:${p.poll.id}/${x.id}`, at: x.createdAt, poll: p };
    }),
  ];
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

/** The server's answer to a block of a comment that kept neither its author's email nor address. */
const nothingToBlock = (e: unknown) => e instanceof CivicError && e.kind === 'validation' && e.issues.some((i) => i.path === 'body');

/** Who wrote the entry. */
export const authorOf = (e: Entry) => (e.comment ? e.comment.comment.author.name : (e.poll.argument ?? e.poll.proposal).authorName);

/** Does `action` to the entry; returns what to announce. Spam is for comments (polls keep no author to block). */
export async function act(host: ConsoleHost, e: Entry, action: Action): Promise<string> {
  const { client, l } = host;
  const t = l.t;
  const name = authorOf(e);
  if (e.comment) {
    const c = e.comment.comment;
    // Spam: its author is blocked first (unless the comment kept neither email nor address), then it is rejected.
    const blocked = action === 'spam' && (await call(client, createBlock, {}, { body: { commentId: c.id, note: 'spam' } }).then(() => true, (err: unknown) => (nothingToBlock(err) ? false : Promise.reject(err))));
    await call(client, action === 'approve' ? approveComment : rejectComment, { id: c.id });
    return (action === 'approve' ? t.approved : action === 'reject' ? t.rejected : blocked ? t.spammed : t.spamUnblocked)(name);
  }
  const status = action === 'approve' ? 'published' : 'rejected';
  const { poll, proposal, argument } = e.poll;
  if (argument) await call(client, moderateArgument, { id: poll.id, argumentId: argument.id }, { body: { status } });
  else await call(client, moderateProposal, { id: poll.id, proposalId: proposal.id }, { body: { status } });
  const q = t.queue;
  return (argument ? (status === 'published' ? q.argumentApproved : q.argumentRejected) : status === 'published' ? q.proposalApproved : q.proposalRejected)(name);
}

/** The entry's heading, context and text. */
export function renderEntry(host: ConsoleHost, e: Entry, headingId: string): TemplateResult {
  const t = host.l.t;
  const q = t.queue;
  const n = (x: number) => host.l.n(x);
  const when = (at: string) => host.l.d(at, { dateStyle: 'medium', timeStyle: 'short' });
  if (e.comment) {
    const { comment: c, thread, parent } = e.comment;
    return html`<h2 id=${headingId}>${c.author.name} · ${when(c.createdAt)}</h2>
      <p class="hint">${t.inThread(thread.title)} · ${c.status === 'pending' ? t.held : nothing} ${c.flagCount ? t.flagged(n(c.flagCount)) : nothing}</p>
      ${parent ? html`<div class="context"><p class="hint">${t.replyTo(parent.author.name)}</p><p class="body">${parent.body}</p></div>` : nothing}
      <p class="body">${c.body}</p>
      ${e.comment.otherCount ? html`<p class="hint">${t.otherComments(n(e.comment.otherCount))}</p>` : nothing}`;
  }
  const { poll, proposal, argument } = e.poll;
  if (argument)
    return html`<h2 id=${headingId}>${(argument.side === 'for' ? q.argumentFor : q.argumentAgainst)(argument.authorName)} · ${when(argument.createdAt)}</h2>
      <p class="hint">${q.inPoll(poll.title)} · ${t.held}</p>
      <div class="context"><p class="hint">${q.onProposal(proposal.title)}</p><p class="body">${proposal.body}</p></div>
      <p class="body">${argument.body}</p>`;
  return html`<h2 id=${headingId}>${q.proposal(proposal.authorName)} · ${when(proposal.createdAt)}</h2>
    <p class="hint">${q.inPoll(poll.title)} · ${t.held}</p>
    <p><strong>${proposal.title}</strong></p>
    <p class="body">${proposal.body}</p>`;
}
