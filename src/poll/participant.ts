/**
 * The anonymous participant token: random, made in the reader's browser and kept in the host page's
 * own localStorage (first-party, so browsers that block third-party storage keep it), shared by
 * every poll on the page's site. Made only when the reader first acts (votes, likes, confirms an
 * email): a reader who only looks has none, and nothing of theirs is stored or sent. Where storage
 * is refused, it lasts as long as the page.
 */
const KEY = 'civic-participant';
let memory: string | undefined;
const fresh = () => crypto.randomUUID().replaceAll('-', '');

/** The reader's token; made now (`make`), else undefined until they first act. */
export function participant(make: true): string;
export function participant(make?: boolean): string | undefined;
export function participant(make?: boolean): string | undefined {
  try {
    let token = localStorage.getItem(KEY);
    if (!token || !/^[\w-]{16,128}$/.test(token)) {
      if (!make) return memory;
      localStorage.setItem(KEY, (token = memory ?? fresh()));
    }
    return token;
  } catch {
    return make ? (memory ??= fresh()) : memory;
  }
}
