/** MemoryBackend's comparator part: comparisons held in memory, and the answers readers opted to send. */
import type { ComparisonBackend } from './backend.js';
import { AnswersInput, withDefaults, type Comparison } from './comparison.js';
import { CivicError, toIssues } from './errors.js';

/** What the part needs of its MemoryBackend. */
interface Host {
  online: boolean;
  latencyMs: number;
  calls: string[][];
}

export interface MemoryComparisons extends ComparisonBackend {
  /** The comparisons, by id. */
  readonly data: Map<string, Comparison>;
  /** The answers received, by idempotency key. */
  readonly answers: Map<string, AnswersInput & { comparisonId: string }>;
}

export function memoryComparisons(host: Host, list: Comparison[] = []): MemoryComparisons {
  const data = new Map(list.map((c) => [c.id, structuredClone(c)]));
  const answers = new Map<string, AnswersInput & { comparisonId: string }>();
  const find = async (name: string, id: string, signal?: AbortSignal) => {
    host.calls.push([name, id]);
    if (host.latencyMs) await new Promise((r) => setTimeout(r, host.latencyMs));
    if (signal?.aborted) throw new CivicError('aborted', 'aborted');
    if (!host.online) throw new CivicError('network', 'offline (MemoryBackend.online is false)');
    const c = data.get(id);
    if (!c) throw new CivicError('not-found', `no comparison ${id}`, { status: 404 });
    return c;
  };
  return {
    data,
    answers,
    get: async (id, o) => structuredClone(await find('comparisons.get', id, o?.signal)),
    submitAnswers: async (id, input, o) => {
      const c = await find('comparisons.submitAnswers', id, o.signal);
      if (!withDefaults(c).collectAnswers) throw new CivicError('forbidden', 'this comparison does not collect answers', { status: 403 });
      const parsed = AnswersInput.safeParse(input);
      if (!parsed.success) throw new CivicError('validation', 'invalid answers', { status: 400, issues: toIssues(parsed.error.issues) });
      answers.set(o.idempotencyKey, { ...parsed.data, comparisonId: id });
      return { respondentCount: [...answers.values()].filter((a) => a.comparisonId === id).length };
    },
  };
}
