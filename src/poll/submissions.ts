/**
 * A consultation's writes: a proposal, an argument, the email that confirms votes. Each is sent now
 * or, when the network is down, kept on the device and sent when it returns, as votes are
 * (core/sender.ts); the forms (consultation-forms.ts) say what an answer changes.
 */
import type { PollBackend } from '../api/backend.js';
import type { Outcome, OutboxEntry } from '../api/outbox.js';
import type { Argument, ArgumentInput, EmailResult, Proposal, ProposalInput } from '../api/poll.js';
import { sender, type Sender } from '../core/sender.js';
import type { PollHost } from './host.js';

/** An argument kept in the outbox names its proposal. */
export type ArgumentPayload = ArgumentInput & { proposalId: string };

/** What the answer to a write sent again from the outbox changes. */
export interface Answers {
  proposed(x: Proposal): void;
  argued(x: Argument): void;
  emailSent(): void;
  /** A write refused for good. */
  refused(outcome: { error: unknown }): void;
}

export class Submissions {
  readonly proposals: Sender<ProposalInput, Proposal>;
  readonly arguments: Sender<ArgumentPayload, Argument>;
  readonly email: Sender<{ email: string }, EmailResult>;

  /** `api`: the backend's poll part with the consultation's calls. */
  constructor(host: PollHost, api: () => PollBackend, answers: Answers) {
    const target = () => [true, host.resolvedBackend?.polls && api(), host.poll] as const;
    const answer =
      <T>(then: (result: T) => void) =>
      (_: unknown, outcome: Outcome<T>) =>
        'error' in outcome ? answers.refused(outcome) : then(outcome.result);
    this.proposals = sender(host, target, 'poll.propose', (e: OutboxEntry<ProposalInput>) => api().propose!(e.target, e.payload, { idempotencyKey: e.key }), answer(answers.proposed));
    this.arguments = sender(
      host,
      target,
      'poll.argue',
      ({ key, target, payload: { proposalId, ...input } }: OutboxEntry<ArgumentPayload>) => api().argue!(target, proposalId, input, { idempotencyKey: key }),
      answer(answers.argued),
    );
    this.email = sender(host, target, 'poll.email', (e: OutboxEntry<{ email: string }>) => api().confirmEmail!(e.target, host.participant, e.payload.email, { idempotencyKey: e.key }), answer(answers.emailSent));
  }
}
