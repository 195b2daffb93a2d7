/**
 * The reader's token and marks (liked, reported), kept with the rest in store.ts; used only by the
 * reading side, loaded on demand.
 */
import { read, write } from './store.js';

/** This browser's reader token, made once. */
export function reader(): string {
  const kept = read().reader;
  if (kept) return kept;
  const token = crypto.randomUUID();
  write((k) => (k.reader = token));
  return token;
}

/** Comment ids this browser liked (`liked`) or reported (`flagged`). */
export const marked = (list: 'liked' | 'flagged'): Set<string> => new Set(read()[list]);

export function mark(list: 'liked' | 'flagged', id: string, on: boolean): void {
  write((k) => (k[list] = [...new Set(k[list]).add(id)].filter((x) => on || x !== id).slice(-500)));
}
