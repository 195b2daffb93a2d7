/**
 * What a reader's browser keeps for the comments (localStorage, else this page's memory): a random
 * reader token (likes and reports count once per reader, without an account), the edit tokens of
 * the comments they wrote (to edit or delete them within the window, and to see their own comments
 * still awaiting moderation), and which comments they liked or reported.
 */
export interface Own {
  /** The comment's id. */
  id: string;
  token: string;
  /** Until when the server accepts an edit or a delete (ISO 8601). */
  until: string;
  /** When this was kept (ms), to forget it after 30 days. */
  at: number;
}
interface Kept {
  reader?: string;
  own?: Record<string, Own[]>;
  liked?: string[];
  flagged?: string[];
}

const KEY = 'civic-comments';
let memory: Kept = {};

export function read(): Kept {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Kept;
  } catch {
    return memory;
  }
}
export function write(change: (kept: Kept) => void): void {
  const kept = read();
  change(kept);
  memory = kept;
  try {
    localStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    /* storage refused: this page's memory only */
  }
}

/** The comments this browser wrote in a thread (the 50 newest of the last 30 days). */
export const owned = (thread: string): Own[] => (read().own?.[thread] ?? []).filter((o) => Date.now() - o.at < 30 * 864e5);

export function keepOwn(thread: string, own: Omit<Own, 'at'>): void {
  write((k) => ((k.own ??= {})[thread] = [...owned(thread).filter((o) => o.id !== own.id), { ...own, at: Date.now() }].slice(-50)));
}
