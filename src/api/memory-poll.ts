/**
 * MemoryBackend's poll part. The implementation (memory-poll-impl.ts) loads on the first call, so
 * that pages using the all-widgets file without a MemoryBackend do not carry it; every method is
 * asynchronous anyway. Listeners are kept here, so `subscribe` works at once.
 */
import type { PollBackend } from './backend.js';
import type { MemoryPollsImpl } from './memory-poll-impl.js';
import type { Argument, Poll, PollEvent, Proposal, VoteInput } from './poll.js';

/** What the part needs of its MemoryBackend. */
export interface Host {
  online: boolean;
  latencyMs: number;
  calls: string[][];
}

export interface MemoryPollsData {
  polls?: Poll[] | undefined;
  /** Their proposals (any status). */
  proposals?: Proposal[] | undefined;
  /** The proposals' arguments (any status). */
  arguments?: Argument[] | undefined;
}

export interface MemoryPolls extends Required<PollBackend> {
  /** Adds `count` votes from fresh participants (stories, tests: others voting). */
  seed(pollId: string, proposalId: string | null, input: VoteInput, count?: number): Promise<void>;
  /** Confirms a participant's email, as the mailed link would: their votes count. */
  confirm(participant: string): Promise<void>;
  /** Closes a poll, as its organiser would. */
  close(pollId: string): Promise<void>;
  /** Publishes or rejects a proposal or an argument, as a moderator would. */
  moderate(id: string, status: Proposal['status']): Promise<void>;
}

const methods = ['get', 'results', 'ballot', 'challenge', 'vote', 'withdraw', 'proposals', 'propose', 'arguments', 'argue', 'like', 'confirmEmail', 'seed', 'confirm', 'close', 'moderate'] as const;

export function memoryPolls(host: Host, init: MemoryPollsData = {}): MemoryPolls {
  const listeners = new Map<string, Set<(e: PollEvent) => void>>();
  let impl: Promise<MemoryPollsImpl> | undefined;
  const load = () => (impl ??= import('./memory-poll-impl.js').then((m) => m.memoryPollsImpl(host, init, listeners)));
  const part = Object.fromEntries(methods.map((name) => [name, async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args)]));
  return {
    ...(part as Omit<MemoryPolls, 'subscribe'>),
    subscribe: (id, listener) => {
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set.add(listener));
      return () => set.delete(listener);
    },
  };
}
