/**
 * The questionnaire's behaviour, loaded on demand when a reader opens it (many readers only read the
 * table): moving between statements, the results and the civic-compared event, the share link, and
 * the opt-in sending of answers (kept in the outbox when offline, replayed when the network returns).
 */
import type { TemplateResult } from 'lit';
import type { ComparisonBackend } from '../api/backend.js';
import type { MatchMethod } from '../api/comparison.js';
import type { CivicError } from '../api/errors.js';
import { outbox, type OutboxEntry } from '../api/outbox.js';
import { CivicComparedEvent } from '../core/events.js';
import { decodeAnswers, encodeAnswers } from './fragment.js';
import { matchParties, type Answer, type PartyMatch } from '../domain/matching.js';
import { renderQuestion, renderResults } from './questionnaire.js';
import type { View } from './view.js';

const OP = 'comparison.answers';
type Payload = { answers: { statementId: string; stance: number | null; weight: number }[] };

export interface QuizState {
  answers: Readonly<Record<string, Answer | undefined>>;
  /** The statement on screen; the number of statements means the results. */
  step: number;
  /** The reader's choice of method, where the organiser allows it. */
  method?: MatchMethod | undefined;
  sending: 'no' | 'sending' | 'sent' | 'queued';
  /** The idempotency key of the answers to send (a new one after "start again"). */
  key: string;
}

export interface QuizHost extends View {
  /** The state now (read at each use). */
  readonly s: QuizState;
  set(patch: Partial<QuizState>): void;
  /** Puts text in the live region. */
  say(text: string): void;
  /** The backend's comparator part (undefined for a static file). */
  api: ComparisonBackend | undefined;
  el: HTMLElement & { renderRoot: HTMLElement | DocumentFragment; updateComplete: Promise<boolean> };
  errorText(error: unknown): string;
}

const method = (h: QuizHost): MatchMethod => (h.c.allowMethodChoice && h.s.method) || h.c.method;
const ranking = (h: QuizHost): PartyMatch[] => matchParties(h.c, h.s.answers, method(h), h.c.missingAnswer);
const percent = (h: QuizHost, x: number) => (Math.round(x) / 100).toLocaleString(h.l.locale, { style: 'percent' });
const focus = (h: QuizHost, selector: string) => h.el.renderRoot.querySelector<HTMLElement>(selector)?.focus();

/** Answers shared through the URL fragment: shown as results. Returns whether there were any. */
export function restore(h: QuizHost): boolean {
  const c = h.c;
  const answers = decodeAnswers(location.hash, c.id, c.statements.map((s) => s.id), (c.scale - 1) / 2);
  if (answers) h.set({ answers, step: c.statements.length });
  if (h.api?.submitAnswers && outbox.entries(OP, c.id).length) replay(h, h.api);
  return !!answers;
}

/** What to announce before a render that shows results (their best match), if anything. */
export function announce(h: QuizHost): string | undefined {
  const c = h.c;
  const best = h.s.step < c.statements.length ? undefined : ranking(h)[0];
  const party = c.parties.find((p) => p.id === best?.partyId);
  return best?.match != null && party ? h.l.t.resultsFor(party.name, percent(h, best.match)) : undefined;
}

/** After a render that moved (or changed the method): focus follows, and the page hears of new results. */
export function after(h: QuizHost, moved: boolean): void {
  const c = h.c;
  const results = h.s.step >= c.statements.length;
  if (moved) focus(h, results ? '#res' : '#q');
  if (results)
    h.el.dispatchEvent(new CivicComparedEvent(c.id, method(h), ranking(h).map(({ partyId, match, covered, answered }) => ({ partyId, match, covered, answered }))));
}

const sender = (api: ComparisonBackend, id: string) => (entry: OutboxEntry<Payload>) => api.submitAnswers!(id, entry.payload, { idempotencyKey: entry.key });

let stop: (() => void) | undefined;
/** Sends kept answers when the network returns. */
function replay(h: QuizHost, api: ComparisonBackend) {
  stop?.();
  void import('../api/outbox-replay.js').then(({ watch }) => {
    stop = watch(outbox, OP, h.c.id, sender(api, h.c.id), (_, outcome) => {
      if ('result' in outcome && h.s.sending === 'queued') h.set({ sending: 'sent' }), h.say(h.l.t.sent);
    });
  });
}

async function send(h: QuizHost, api: ComparisonBackend) {
  const { c, s, l } = h;
  const answers = c.statements.flatMap(({ id }) => {
    const a = s.answers[id];
    return a ? [{ statementId: id, stance: a.stance, weight: a.weight }] : [];
  });
  h.set({ sending: 'sending' });
  try {
    const sent = await outbox.submit({ key: s.key, op: OP, target: c.id, payload: { answers }, queuedAt: new Date().toISOString() }, sender(api, c.id));
    h.set({ sending: sent.queued ? 'queued' : 'sent' });
    h.say(sent.queued ? l.t.queued : l.t.sent);
    if (sent.queued) replay(h, api);
  } catch (e) {
    h.set({ sending: 'no' });
    h.say(h.errorText(e as CivicError));
  }
}

export function renderQuiz(h: QuizHost): TemplateResult {
  const { c, s } = h;
  const go = (step: number) => h.set({ step: Math.max(0, step) });
  if (s.step < c.statements.length)
    return renderQuestion({
      ...h,
      step: s.step,
      answers: s.answers,
      // The state as it is when the reader acts, not as it was rendered.
      answer: (id, change) => h.set({ answers: { ...h.s.answers, [id]: { stance: null, weight: 1, ...h.s.answers[id], ...change } } }),
      go,
    });
  const api = h.api;
  return renderResults({
    ...h,
    answers: s.answers,
    ranking: ranking(h),
    method: method(h),
    setMethod: c.allowMethodChoice ? (m) => h.set({ method: m }) : undefined,
    edit: () => go(0),
    restart: () => h.set({ answers: {}, step: 0, sending: 'no', key: crypto.randomUUID() }),
    copy: async () => {
      const url = location.href.split('#')[0] + encodeAnswers(c.id, c.statements.map((x) => x.id), s.answers);
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      h.say(h.l.t.copied);
    },
    send: c.collectAnswers && api?.submitAnswers ? () => send(h, api) : undefined,
    sending: s.sending,
  });
}
