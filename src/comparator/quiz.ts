/**
 * The questionnaire's behaviour, loaded on demand when a reader opens it (many readers only read the
 * table): moving between statements, the results and the civic-compared event, the share link, and
 * the opt-in sending of answers (kept in the outbox when offline, replayed when the network returns).
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ComparisonBackend } from '../api/backend.js';
import type { MatchMethod } from '../api/comparison.js';
import type { OutboxEntry } from '../api/outbox.js';
import { CivicComparedEvent } from '../core/events.js';
import { sender, type Sender } from '../core/sender.js';
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

/** What the questionnaire sees of <civic-comparator>: one object, whose fields read the element's state at each use. */
export interface QuizHost extends View {
  readonly s: QuizState;
  set(patch: Partial<QuizState>): void;
  /** Puts text in the live region. */
  say(text: string): void;
  /** The backend's comparator part (undefined for a static file). */
  readonly api: ComparisonBackend | undefined;
  el: HTMLElement & ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
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
  sent(h);
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

const senders = new WeakMap<QuizHost, Sender<Payload, unknown>>();
/**
 * The answers the reader chose to send: sent now, or kept offline and sent when the network
 * returns, for the comparison shown (one sender per element, made once the questionnaire loads).
 */
const sent = (h: QuizHost): Sender<Payload, unknown> => {
  let answers = senders.get(h);
  if (!answers)
    senders.set(
      h,
      (answers = sender(
        h.el,
        () => [!!h.api?.submitAnswers, h.api, h.c.id],
        OP,
        (entry: OutboxEntry<Payload>) => h.api!.submitAnswers!(entry.target, entry.payload, { idempotencyKey: entry.key }),
        (_, outcome) => {
          if ('result' in outcome && h.s.sending === 'queued') h.set({ sending: 'sent' }), h.say(h.l.t.sent);
        },
      )),
    );
  return answers;
};

async function send(h: QuizHost) {
  const { c, s, l } = h;
  const answers = c.statements.flatMap(({ id }) => {
    const a = s.answers[id];
    return a ? [{ statementId: id, stance: a.stance, weight: a.weight }] : [];
  });
  h.set({ sending: 'sending' });
  const outcome = await sent(h).send({ answers }, s.key);
  h.set({ sending: !outcome ? 'queued' : 'result' in outcome ? 'sent' : 'no' });
  h.say(!outcome ? l.t.queued : 'result' in outcome ? l.t.sent : h.errorText(outcome.error));
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
    send: c.collectAnswers && h.api?.submitAnswers ? () => send(h) : undefined,
    sending: s.sending,
  });
}
