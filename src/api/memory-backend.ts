/**
 * MemoryBackend: the contract's semantics held in memory, for tests, stories and demos without a
 * server. It validates input with the same schemas, de-duplicates signatures by normalised email,
 * honours idempotency keys and double opt-in, refuses closed petitions and can pretend to be offline.
 */
import type { CivicBackend, PetitionBackend, WriteOptions } from './backend.js';
import { CivicError, toIssues } from './errors.js';
import { MemoryComments } from './memory-comments.js';
import {
  SignatureInput,
  isOpen,
  type Petition,
  type PetitionEvent,
  type PublicSigner,
  type SignResult,
} from './petition.js';
import { normaliseEmail, publicName } from '../domain/people.js';
import { memoryPolls, type MemoryPolls, type MemoryPollsData } from './memory-poll.js';
import type { Comparison } from './comparison.js';
import { memoryComparisons, type MemoryComparisons } from './memory-comparison.js';

export interface MemorySignature {
  petitionId: string;
  email: string;
  name: string;
  city: string | null;
  showName: boolean;
  status: 'pending' | 'confirmed' | 'withdrawn';
  signedAt: string;
  key: string;
}

export interface MemoryOptions {
  petitions?: Petition[];
  /** Polls, with their proposals and arguments. */
  polls?: MemoryPollsData;
  comparisons?: Comparison[];
  /** Milliseconds every call waits, to show loading states. */
  latencyMs?: number;
}

type Listener<T> = (event: T) => void;

export class MemoryBackend implements CivicBackend {
  /** While false, every call fails as a network failure would. */
  online = true;
  latencyMs: number;
  readonly petitionData = new Map<string, Petition>();
  readonly signatures: MemorySignature[] = [];
  /** The petitions as given: their counts and signers before any signature made here. */
  readonly #seed = new Map<string, Petition>();
  readonly #listeners = new Map<string, Set<Listener<unknown>>>();
  /** Every call made, for tests: `['petitions.sign', 'plan']`. */
  readonly calls: string[][] = [];
  readonly polls: MemoryPolls;
  readonly comparisons: MemoryComparisons;

  constructor(options: MemoryOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.polls = memoryPolls(this, options.polls);
    this.comparisons = memoryComparisons(this, options.comparisons);
    for (const p of options.petitions ?? []) {
      this.petitionData.set(p.id, structuredClone(p));
      this.#seed.set(p.id, structuredClone(p));
    }
  }

  async #call(name: string, id: string, signal?: AbortSignal) {
    this.calls.push([name, id]);
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (signal?.aborted) throw new CivicError('aborted', 'aborted');
    if (!this.online) throw new CivicError('network', 'offline (MemoryBackend.online is false)');
  }

  #emit(topic: string, event: unknown) {
    for (const l of this.#listeners.get(topic) ?? []) l(structuredClone(event));
  }

  #on<T>(topic: string, listener: Listener<T>): () => void {
    const set = this.#listeners.get(topic) ?? new Set();
    set.add(listener as Listener<unknown>);
    this.#listeners.set(topic, set);
    return () => set.delete(listener as Listener<unknown>);
  }

  #petition(id: string): Petition {
    const p = this.petitionData.get(id);
    if (!p) throw new CivicError('not-found', `no petition ${id}`, { status: 404 });
    return p;
  }

  #recount(p: Petition) {
    const seed = this.#seed.get(p.id);
    const confirmed = this.signatures.filter((s) => s.petitionId === p.id && s.status === 'confirmed');
    p.signatureCount = (seed?.signatureCount ?? 0) + confirmed.length;
    p.recentSigners = confirmed
      .filter((s) => s.showName)
      .reverse()
      .map((s): PublicSigner => ({ name: publicName(s.name), city: s.city, signedAt: s.signedAt }))
      .concat(seed?.recentSigners ?? [])
      .slice(0, 10);
    p.updatedAt = new Date().toISOString();
    const event: PetitionEvent = {
      type: 'petition',
      signatureCount: p.signatureCount,
      goal: p.goal,
      status: p.status,
      recentSigners: p.recentSigners,
    };
    this.#emit(`petition:${p.id}`, event);
  }

  /** Comment threads: seed them with `backend.comments.seed({ threads, comments, mentions })`. */
  readonly comments = new MemoryComments(this);

  readonly petitions: PetitionBackend = {
    get: async (id, o) => {
      await this.#call('petitions.get', id, o?.signal);
      return structuredClone(this.#petition(id));
    },
    sign: async (id, input, o: WriteOptions): Promise<SignResult> => {
      await this.#call('petitions.sign', id, o.signal);
      const p = this.#petition(id);
      const parsed = SignatureInput.safeParse(input);
      if (!parsed.success) throw new CivicError('validation', 'invalid signature', { status: 400, issues: toIssues(parsed.error.issues) });
      if (!isOpen(p)) throw new CivicError('closed', 'this petition is closed', { status: 409 });
      const data = parsed.data;
      if (data.hp) return { status: p.doubleOptIn ? 'pending' : 'confirmed', signatureCount: p.signatureCount };
      const email = normaliseEmail(data.email);
      const existing = this.signatures.find((s) => s.petitionId === id && s.email === email && s.status !== 'withdrawn');
      if (existing) {
        const status = existing.key === o.idempotencyKey ? existing.status : 'already-signed';
        return { status: status === 'withdrawn' ? 'already-signed' : status, signatureCount: p.signatureCount };
      }
      const sig: MemorySignature = {
        petitionId: id,
        email,
        name: data.name,
        city: data.city || null,
        showName: data.showName ?? false,
        status: p.doubleOptIn ? 'pending' : 'confirmed',
        signedAt: new Date().toISOString(),
        key: o.idempotencyKey,
      };
      this.signatures.push(sig);
      if (sig.status === 'confirmed') this.#recount(p);
      return { status: sig.status === 'confirmed' ? 'confirmed' : 'pending', signatureCount: p.signatureCount };
    },
    subscribe: (id, listener) => this.#on(`petition:${id}`, listener),
  };

  /** Confirms pending signatures (all, or one email's), as the emailed link would. */
  confirm(petitionId: string, email?: string): void {
    const p = this.#petition(petitionId);
    for (const s of this.signatures)
      if (s.petitionId === petitionId && s.status === 'pending' && (!email || s.email === normaliseEmail(email))) s.status = 'confirmed';
    this.#recount(p);
  }

  /** Withdraws one email's signature, as the emailed link would. */
  withdraw(petitionId: string, email: string): void {
    const p = this.#petition(petitionId);
    for (const s of this.signatures)
      if (s.petitionId === petitionId && s.email === normaliseEmail(email)) s.status = 'withdrawn';
    this.#recount(p);
  }

  /** Closes a petition, as its organiser would. */
  close(petitionId: string): void {
    const p = this.#petition(petitionId);
    p.status = 'closed';
    this.#recount(p);
  }
}
