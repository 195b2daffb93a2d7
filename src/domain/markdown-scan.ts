/**
 * The lookups of the comments' markdown parser (markdown.ts): what `inline` asks instead of scanning
 * ahead, so that a crafted comment cannot make it quadratic.
 */
const WS = /\s/;
/** White space (or the text's edge); ASCII without a regular expression, the common case. */
export const space = (c: string | undefined) => {
  if (c === undefined) return true;
  const k = c.charCodeAt(0);
  return k < 128 ? k === 32 || (k >= 9 && k <= 13) : WS.test(c);
};
/** A letter or a digit; ASCII without a regular expression. */
export const word = (c: string | undefined) => {
  if (c === undefined) return false;
  const k = c.charCodeAt(0) | 32;
  return c.charCodeAt(0) < 128 ? (k >= 97 && k <= 122) || (c >= '0' && c <= '9') : /[\p{L}\p{N}]/u.test(c);
};

/**
 * What `inline` looks up instead of scanning ahead, computed once per text in a few linear passes,
 * so that every input, however crafted, is parsed in O(n log n): `next(re)[x]` is the first index at
 * or after x whose character matches, `depth(open, close)[x]` the openers minus closers before x
 * (unescaped, for brackets), and `at(list, x)` the first of a sorted list of positions at or after x.
 */
const masks: Record<string, Uint8Array> = {};
/** Which ASCII characters are among `chars`; index 0 says whether `' '` stands for any white space. */
function mask(chars: string): Uint8Array {
  const m = new Uint8Array(128);
  for (const c of chars.includes(' ') ? chars + '\0\t\n\v\f\r' : chars) m[c.charCodeAt(0)] = 1;
  return m;
}

/** Below this length a lookup scans the text itself: building tables costs more than it saves. */
const SMALL = 32;

export class Scan {
  readonly n: number;
  constructor(readonly text: string) {
    this.n = text.length;
  }
  #next?: Map<string, Int32Array>;
  /** The first index ≥ x whose character is one of `chars` (`' '`: any white space), or n. */
  next(chars: string, x: number): number {
    const { n } = this;
    const a = this.#next?.get(chars);
    if (a) return a[x < n ? x : n]!;
    const m = (masks[chars] ??= mask(chars));
    if (n < SMALL) {
      while (x < n && !this.#is(m, x)) x++;
      return Math.min(x, n);
    }
    const b = new Int32Array(n + 1).fill(n);
    for (let k = n - 1; k >= 0; k--) b[k] = this.#is(m, k) ? k : b[k + 1]!;
    (this.#next ??= new Map()).set(chars, b);
    return b[x < n ? x : n]!;
  }
  #is(m: Uint8Array, k: number): boolean {
    const code = this.text.charCodeAt(k);
    return code < 128 ? m[code] === 1 : m[0] === 1 && WS.test(this.text[k]!);
  }
  #escaped?: Uint8Array;
  /** Whether the character at x follows an odd run of backslashes. */
  escaped(x: number): boolean {
    if (this.n < SMALL) {
      let k = x;
      while (k > 0 && this.text[k - 1] === '\\') k--;
      return (x - k) % 2 === 1;
    }
    if (!this.#escaped) {
      const e = (this.#escaped = new Uint8Array(this.n + 1));
      for (let k = 1; k <= this.n; k++) e[k] = this.text[k - 1] === '\\' && !e[k - 1] ? 1 : 0;
    }
    return !!this.#escaped[x];
  }
  #depth?: Map<string, Int32Array>;
  /** For a pair (`[]` unescaped, `()`, or '`' alone), the openers minus closers before each index. */
  depth(pair: string): Int32Array {
    let d = this.#depth?.get(pair);
    if (!d) {
      const { text, n } = this;
      const esc = pair === '[]';
      d = new Int32Array(n + 1);
      for (let k = 0; k < n; k++) {
        const c = text[k];
        d[k + 1] = d[k]! + (c === pair[0] ? 1 : c === pair[1] ? -1 : 0) * (esc && this.escaped(k) ? 0 : 1);
      }
      (this.#depth ??= new Map()).set(pair, d);
    }
    return d;
  }
  #closers?: Map<string, Map<number, number[]>>;
  /**
   * For a pair (`[]` or `()`), the first closer at or after x that ends what an opener just before
   * `from` began: where the count of openers minus closers since `from` first falls to zero.
   */
  close(pair: string, from: number, x: number): number {
    if (this.n < SMALL && x >= from) {
      const esc = pair === '[]';
      // Openers minus closers between `from` and k.
      let level = 0;
      for (let k = from; k < this.n; k++) {
        const c = this.text[k];
        if (c !== pair[0] && c !== pair[1]) continue;
        if (esc && this.escaped(k)) continue;
        if (c === pair[0]) level++;
        else if (level-- === 0 && k >= x) return k;
      }
      return this.n;
    }
    const depth = this.depth(pair);
    let byDepth = this.#closers?.get(pair);
    if (!byDepth) {
      byDepth = new Map();
      for (let k = 0; k < this.n; k++)
        if (depth[k + 1]! < depth[k]!) {
          const list = byDepth.get(depth[k]!);
          if (list) list.push(k);
          else byDepth.set(depth[k]!, [k]);
        }
      (this.#closers ??= new Map()).set(pair, byDepth);
    }
    return at(byDepth.get(depth[from]!), x, this.n);
  }
  #runs?: Map<number, number[]>;
  /** The start of the first run of exactly `len` backticks at or after x, or n. */
  ticks(len: number, x: number): number {
    if (!this.#runs) {
      this.#runs = new Map();
      for (let k = 0; k < this.n; ) {
        if (this.text[k] !== '`') {
          k++;
          continue;
        }
        let e = k;
        while (this.text[e] === '`') e++;
        const list = this.#runs.get(e - k);
        if (list) list.push(k);
        else this.#runs.set(e - k, [k]);
        k = e;
      }
    }
    return at(this.#runs.get(len), x, this.n);
  }
  #emphasis?: Map<string, number[][]>;
  /**
   * The first closer of emphasis `d` at or after x outside code: preceded by a non-space, not
   * followed by the same character (nor, for `_`, by a letter), and with an even number of
   * backticks between it and the opener at `from` (else it sits in a code span).
   */
  emphasis(d: string, from: number, x: number): number {
    if (this.n < SMALL) {
      const { text } = this;
      const len = d.length;
      // Backticks before `from`, then before j, counted as the table does (every one, escaped or not).
      let odd = 0;
      for (let k = 0; k < from; k++) if (text[k] === '`') odd ^= 1;
      let at = 0;
      for (let j = 0; j < this.n; j++) {
        if (j >= x && text.startsWith(d, j) && at === odd && !space(text[j - 1]) && text[j + len] !== d[0] && !(d[0] === '_' && word(text[j + len]))) return j;
        if (text[j] === '`') at ^= 1;
      }
      return this.n;
    }
    const ticks = this.depth('`');
    let lists = this.#emphasis?.get(d);
    if (!lists) {
      lists = [[], []];
      (this.#emphasis ??= new Map()).set(d, lists);
      const { text } = this;
      const n = d.length;
      for (let j = text.indexOf(d); j >= 0; j = text.indexOf(d, j + 1))
        if (!space(text[j - 1]) && text[j + n] !== d[0] && !(d[0] === '_' && word(text[j + n]))) lists[ticks[j]! & 1]!.push(j);
    }
    return at(lists[ticks[from]! & 1], x, this.n);
  }
}

/** The first of the sorted `list` that is ≥ x, or `none`. */
function at(list: readonly number[] = [], x: number, none: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length ? list[lo]! : none;
}
