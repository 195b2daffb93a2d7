/**
 * A reader's answers in a URL fragment, to share results: `#civic:<comparison id>=<code>`, one
 * character per statement in order: `a` to `e` for the stances -2 to 2, upper case when the
 * statement counts double, `-` when skipped. The fragment never reaches a server (browsers do not
 * send it), so sharing a link shares the answers only with whoever opens it.
 */
import type { Answer } from '../domain/matching.js';

const key = (id: string) => `civic:${encodeURIComponent(id)}=`;

/** The fragment (with its `#`) that holds `answers` for the comparison `id`. */
export function encodeAnswers(id: string, statementIds: readonly string[], answers: Readonly<Record<string, Answer | undefined>>): string {
  const code = statementIds
    .map((s) => {
      const a = answers[s];
      if (!a || a.stance === null) return '-';
      const c = String.fromCharCode(99 + a.stance);
      return a.weight > 1 ? c.toUpperCase() : c;
    })
    .join('')
    .replace(/-+$/, '');
  return `#${key(id)}${code}`;
}

/** The answers a fragment holds for the comparison `id` on a scale whose ends are ±h, or undefined when it holds none (or is malformed). */
export function decodeAnswers(hash: string, id: string, statementIds: readonly string[], h: number): Record<string, Answer> | undefined {
  const k = `#${key(id)}`;
  if (!hash.startsWith(k)) return undefined;
  const code = hash.slice(k.length);
  if (code.length > statementIds.length || !/^[a-e-]*$/i.test(code)) return undefined;
  const answers: Record<string, Answer> = {};
  for (const [i, c] of [...code].entries()) {
    if (c === '-') continue;
    const stance = c.toLowerCase().charCodeAt(0) - 99;
    if (Math.abs(stance) > h) return undefined;
    answers[statementIds[i]!] = { stance, weight: c === c.toUpperCase() ? 2 : 1 };
  }
  return answers;
}
