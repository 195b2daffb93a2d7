/**
 * The anonymous participant token: random, made in the reader's browser and kept in the host page's
 * own localStorage (first-party, so browsers that block third-party storage keep it), shared by
 * every poll on the page's site. Where storage is refused, it lasts as long as the page.
 */
const KEY = 'civic-participant';
let memory: string | undefined;
const fresh = () => crypto.randomUUID().replaceAll('-', '');

export function participant(): string {
  try {
    let token = localStorage.getItem(KEY);
    if (!token || !/^[\w-]{16,128}$/.test(token)) localStorage.setItem(KEY, (token = memory ?? fresh()));
    return token;
  } catch {
    return (memory ??= fresh());
  }
}
