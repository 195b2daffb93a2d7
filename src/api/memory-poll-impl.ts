/**
 * MemoryBackend's poll part, loaded on its first call (see memory-poll.ts): polls, proposals,
 * arguments, votes and likes held in memory, with the reference server's rules (vote kinds, approval
 * limits, closing, visibility of results, moderation, votes that count once an email is confirmed,
 * the proof of work of a new participant's first vote, checked for real with 8 zero bits).
 */
import type * as z from 'zod/mini';
import type { WriteOptions } from './backend.js';
import { CivicError, toIssues } from './errors.js';
import {
  pollStatus,
  votesOnProposals,
  type Argument,
  type Poll,
  type PollEvent,
  type PollResults,
  type Proposal,
  type Tally,
  type VoteInput,
  type VoteResult,
} from './poll.js';
import { sha256, zeros } from '../domain/pow.js';
import { ArgumentInput, ProposalInput } from './poll-inputs.js';
import { buildResults, visibleResults } from '../domain/results.js';
import { voteValues } from '../domain/votes.js';
import type { Host, MemoryPolls, MemoryPollsData } from './memory-poll.js';

type Sync<T> = { [K in keyof T]: T[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => R | Promise<R> : T[K] };
/** The implementation: the organiser's acts are synchronous here. */
export type MemoryPollsImpl = Sync<Omit<MemoryPolls, 'subscribe'>>;

const fail = (kind: 'not-found' | 'closed' | 'validation', message: string, issues?: { path: string; code: string; message: string }[]) =>
  new CivicError(kind, message, { status: kind === 'not-found' ? 404 : kind === 'closed' ? 409 : 400, ...(issues ? { issues } : {}) });

export function memoryPollsImpl(host: Host, init: MemoryPollsData, listeners: Map<string, Set<(e: PollEvent) => void>>): MemoryPollsImpl {
  const data = new Map((init.polls ?? []).map((p) => [p.id, structuredClone(p)]));
  const proposalData = structuredClone(init.proposals ?? []);
  const argumentData = structuredClone(init.arguments ?? []);
  for (const x of proposalData) x.argumentCount = argumentData.filter((a) => a.proposalId === x.id && a.status === 'published').length;
  const votes = new Map<string, string[]>();
  const confirmed = new Set<string>();
  const likes = new Set<string>();
  const keys = new Map<string, unknown>();
  const challenges = new Set<string>();
  /** A `proof-of-work` poll: a participant's first vote carries a solved challenge, used once. */
  const proven = (p: Poll, participant: string, solution = '') => {
    if (!p.challenge || voted(p.id, participant).length) return;
    const prefix = [...challenges].find((c) => solution.startsWith(c) && /^\d+$/.test(solution.slice(c.length)));
    if (!prefix || !zeros(sha256(new TextEncoder().encode(solution)), 8)) throw fail('validation', 'a solved challenge is asked for', [{ path: 'challenge', code: 'unsolved', message: 'solve a challenge' }]);
    challenges.delete(prefix);
  };
  let seq = 0;

  const call = async (name: string, id: string, signal?: AbortSignal) => {
    host.calls.push([name, id]);
    if (host.latencyMs) await new Promise((r) => setTimeout(r, host.latencyMs));
    if (signal?.aborted) throw new CivicError('aborted', 'aborted');
    if (!host.online) throw new CivicError('network', 'offline (MemoryBackend.online is false)');
  };
  const poll = (id: string): Poll => {
    const p = data.get(id);
    if (!p) throw fail('not-found', `no poll ${id}`);
    return p;
  };
  const published = (pollId: string) => proposalData.filter((x) => x.pollId === pollId && x.status === 'published');
  const counts = (p: Poll, participant: string) => !p.confirmEmail || confirmed.has(participant);
  /** [subject, participant, values] of the poll's votes. */
  const votesOf = (pollId: string) =>
    [...votes].flatMap(([k, v]) => {
      const [id, subject, participant] = k.split('/') as [string, string, string];
      return id === pollId ? [[subject, participant, v] as const] : [];
    });

  const full = (p: Poll): PollResults => {
    const tallies = new Map<string, Tally>();
    const people = new Set<string>();
    for (const [subject, participant, values] of votesOf(p.id)) {
      if (!counts(p, participant)) continue;
      people.add(participant);
      const t = tallies.get(subject) ?? { counts: {}, total: 0 };
      t.total++;
      for (const v of values) t.counts[v] = (t.counts[v] ?? 0) + 1;
      tallies.set(subject, t);
    }
    p.participantCount = people.size;
    p.proposalCount = published(p.id).length;
    return buildResults(p.id, p.voteKind, !votesOnProposals(p), tallies, published(p.id).map((x) => x.id), people.size);
  };
  const current = (p: Poll): Poll => ({ ...p, status: pollStatus(p) });
  const voted = (pollId: string, participant: string) =>
    votesOf(pollId)
      .filter(([, who]) => who === participant)
      .map(([subject]) => subject);

  const emit = (pollId: string) => {
    const p = data.get(pollId);
    if (!p) return;
    const results = visibleResults(full(p), p);
    const event: PollEvent = { type: 'poll', status: pollStatus(p), participantCount: p.participantCount, proposalCount: p.proposalCount, results };
    for (const l of listeners.get(pollId) ?? []) l(structuredClone(event));
  };

  /** The vote of `participant` on `subject` becomes `values` (none: withdrawn). */
  const apply = (p: Poll, subject: string, participant: string, values: string[] | null): VoteResult => {
    const key = `${p.id}/${subject}/${participant}`;
    if (values) votes.set(key, values);
    else votes.delete(key);
    const results = visibleResults(full(p), p, voted(p.id, participant));
    emit(p.id);
    const result = (subject ? results.proposals[subject] : results.poll) ?? null;
    return { status: !values ? 'withdrawn' : counts(p, participant) ? 'counted' : 'pending', participantCount: p.participantCount, result };
  };

  /** Checks that `p` takes votes on `proposalId` now. */
  const votable = (p: Poll, proposalId: string | null) => {
    if (pollStatus(p) !== 'open') throw fail('closed', pollStatus(p) === 'upcoming' ? 'this poll is not open yet' : 'this poll is closed');
    if (!proposalId !== !votesOnProposals(p)) throw fail('not-found', proposalId ? 'votes in this poll are on the poll, not on proposals' : 'votes in this poll are on each proposal');
    if (proposalId && !published(p.id).some((x) => x.id === proposalId)) throw fail('not-found', `no proposal ${proposalId}`);
  };
  const choose = (p: Poll, input: VoteInput) => {
    const allowed = new Set(p.kind === 'quick' ? p.options.map((o) => o.id) : published(p.id).map((x) => x.id));
    const values = voteValues(p, allowed, input);
    if (!Array.isArray(values)) throw fail('validation', values.message, [values]);
    return values;
  };
  /** The same key answers the same result. */
  const once = async <T>(o: WriteOptions, work: () => T): Promise<T> => {
    if (keys.has(o.idempotencyKey)) return structuredClone(keys.get(o.idempotencyKey)) as T;
    const r = work();
    keys.set(o.idempotencyKey, structuredClone(r));
    return r;
  };
  const parse = <S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> => {
    const r = schema.safeParse(input);
    if (!r.success) throw fail('validation', 'invalid input', toIssues(r.error.issues));
    return r.data;
  };
  const submitted = (p: Poll): Proposal['status'] => (p.moderateProposals ? 'pending' : 'published');
  const now = () => new Date().toISOString();

  return {
    get: async (id, o) => {
      await call('polls.get', id, o?.signal);
      const p = poll(id);
      full(p);
      return structuredClone(current(p));
    },
    results: async (id, o) => {
      await call('polls.results', id, o?.signal);
      const p = poll(id);
      return visibleResults(full(p), p);
    },
    ballot: async (id, participant, o) => {
      await call('polls.ballot', id, o?.signal);
      const p = poll(id);
      const mine = Object.fromEntries(votesOf(id).flatMap(([subject, who, values]) => (who === participant ? [[subject, [...values]]] : [])));
      const liked = [...likes].flatMap((k) => (k.startsWith(`${id}/`) && k.endsWith(`/${participant}`) ? [k.split('/')[1]!] : []));
      return { votes: mine, likes: liked, confirmed: counts(p, participant), results: visibleResults(full(p), p, Object.keys(mine)) };
    },
    vote: async (id, proposalId, participant, input, o) => {
      await call('polls.vote', id, o.signal);
      return once(o, () => {
        const p = poll(id);
        votable(p, proposalId);
        const values = choose(p, input);
        proven(p, participant, input.challenge);
        return apply(p, proposalId ?? '', participant, values);
      });
    },
    challenge: async (id, o) => {
      await call('polls.challenge', id, o?.signal);
      poll(id);
      const prefix = `${id}:${crypto.randomUUID()}:`;
      challenges.add(prefix);
      return { algorithm: 'SHA-256', prefix, difficulty: 8, expiresAt: new Date(Date.now() + 6e5).toISOString() };
    },
    withdraw: async (id, proposalId, participant, o) => {
      await call('polls.withdraw', id, o.signal);
      return once(o, () => {
        const p = poll(id);
        votable(p, proposalId);
        return apply(p, proposalId ?? '', participant, null);
      });
    },
    proposals: async (id, q = {}, o) => {
      await call('polls.proposals', id, o?.signal);
      const p = poll(id);
      const results = visibleResults(full(p), p);
      const score = (x: Proposal) => {
        const r = results.visible ? results.proposals[x.id] : undefined;
        const s = q.sort === 'support' ? (r?.tally.counts['support'] ?? r?.tally.counts['agree'] ?? 0) : q.sort === 'consensus' ? r?.agreement : q.sort === 'division' ? r?.division : 0;
        return s ?? 0;
      };
      const list = published(id)
        .filter((x) => !q.themeId || x.themeId === q.themeId)
        .sort((a, b) => score(b) - score(a) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
      const start = Number(q.cursor ?? 0) || 0;
      const end = start + Math.min(q.limit ?? 20, 100);
      return { items: structuredClone(list.slice(start, end)), nextCursor: end < list.length ? String(end) : null, total: list.length };
    },
    propose: async (id, input, o) => {
      await call('polls.propose', id, o.signal);
      return once(o, () => {
        const p = poll(id);
        const d = parse(ProposalInput, input);
        if (pollStatus(p) !== 'open' || !p.allowProposals) throw fail('closed', 'this poll does not take proposals now');
        if (d.themeId && !p.themes.some((t) => t.id === d.themeId)) throw fail('validation', 'no such theme', [{ path: 'themeId', code: 'invalid_value', message: 'no such theme' }]);
        const x: Proposal = {
          id: `p${++seq}`,
          pollId: id,
          themeId: d.themeId ?? null,
          title: d.title,
          body: d.body,
          authorName: d.authorName,
          status: submitted(p),
          argumentCount: 0,
          createdAt: now(),
        };
        if (!d.hp) proposalData.push(x);
        emit(id);
        return structuredClone(x);
      });
    },
    arguments: async (id, proposalId, o) => {
      await call('polls.arguments', proposalId, o?.signal);
      poll(id);
      const items = argumentData.filter((a) => a.proposalId === proposalId && a.status === 'published').sort((a, b) => b.likeCount - a.likeCount);
      return { items: structuredClone(items) };
    },
    argue: async (id, proposalId, input, o) => {
      await call('polls.argue', proposalId, o.signal);
      return once(o, () => {
        const p = poll(id);
        const d = parse(ArgumentInput, input);
        const x = proposalData.find((y) => y.id === proposalId && y.pollId === id && y.status === 'published');
        if (!x) throw fail('not-found', `no proposal ${proposalId}`);
        if (pollStatus(p) !== 'open') throw fail('closed', 'this poll is closed');
        const a: Argument = { id: `a${++seq}`, proposalId, side: d.side, body: d.body, authorName: d.authorName, status: submitted(p), likeCount: 0, createdAt: now() };
        if (!d.hp) argumentData.push(a);
        if (!d.hp && a.status === 'published') x.argumentCount++;
        return structuredClone(a);
      });
    },
    like: async (id, argumentId, participant, liked, o) => {
      await call('polls.like', argumentId, o.signal);
      const a = argumentData.find((x) => x.id === argumentId && x.status === 'published');
      if (!a || !data.has(id)) throw fail('not-found', `no argument ${argumentId}`);
      const k = `${id}/${argumentId}/${participant}`;
      if (liked !== likes.has(k)) {
        a.likeCount += liked ? 1 : -1;
        if (liked) likes.add(k);
        else likes.delete(k);
      }
      return { liked, likeCount: a.likeCount };
    },
    confirmEmail: async (id, participant, _email, o) => {
      await call('polls.confirmEmail', id, o.signal);
      poll(id);
      return { status: confirmed.has(participant) ? 'confirmed' : 'sent' };
    },
    seed(id, proposalId, input, count = 1) {
      const p = poll(id);
      const values = choose(p, input);
      for (let i = 0; i < count; i++) {
        const who = `seed-${++seq}`;
        confirmed.add(who);
        votes.set(`${id}/${proposalId ?? ''}/${who}`, values);
      }
      emit(id);
    },
    confirm(participant) {
      confirmed.add(participant);
      for (const id of data.keys()) emit(id);
    },
    close(id) {
      poll(id).status = 'closed';
      emit(id);
    },
    moderate(id, status) {
      const x = proposalData.find((y) => y.id === id) ?? argumentData.find((y) => y.id === id);
      if (!x) throw fail('not-found', `nothing to moderate with id ${id}`);
      const wasShown = x.status === 'published';
      x.status = status;
      const parent = 'side' in x && proposalData.find((y) => y.id === x.proposalId);
      if (parent && wasShown !== (status === 'published')) parent.argumentCount += wasShown ? -1 : 1;
      for (const p of data.keys()) emit(p);
    },
  };
}
