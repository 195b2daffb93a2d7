/**
 * The proof-of-work solver (see `Challenge` in the contract): finds `n` such that SHA-256 of
 * `prefix + n` starts with `difficulty` zero bits. Shared by the comments (a thread that asks for a
 * challenge) and the poll (a poll that asks one of a new participant); each loads it on demand.
 * Plain JavaScript SHA-256 rather than `crypto.subtle`, which exists only on https pages and costs a
 * promise per hash; the search runs in slices of about 30 ms so the page stays responsive.
 */

// The first 32 bits of the fractional parts of the square roots of the first 8 primes, and of the cube roots of the first 64.
const H: number[] = [];
const K: number[] = [];
for (let p = 2; K.length < 64; p++) {
  if ([...Array(p).keys()].some((d) => d > 1 && p % d === 0)) continue;
  const frac = (x: number) => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
  if (H.length < 8) H.push(frac(Math.sqrt(p)));
  K.push(frac(Math.cbrt(p)));
}

const W = new Uint32Array(64);

/** SHA-256 of some bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const bits = data.length * 8;
  const blocks = ((data.length + 8) >> 6) + 1;
  const m = new Uint8Array(blocks * 64);
  m.set(data);
  m[data.length] = 0x80;
  const view = new DataView(m.buffer);
  view.setUint32(m.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(m.length - 4, bits >>> 0);
  const h = H.slice();
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < m.length; b += 64) {
    for (let i = 0; i < 64; i++) {
      if (i < 16) W[i] = view.getUint32(b + i * 4);
      else {
        const w15 = W[i - 15]!;
        const w2 = W[i - 2]!;
        W[i] = W[i - 16]! + (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + W[i - 7]! + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10));
      }
    }
    let [a, b1, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b1) ^ (a & c) ^ (b1 & c))) | 0;
      [hh, g, f, e, d, c, b1, a] = [g, f, e, (d + t1) | 0, c, b1, a, (t1 + t2) | 0];
    }
    [a, b1, c, d, e, f, g, hh].forEach((x, i) => (h[i] = (h[i]! + x) | 0));
  }
  const out = new Uint8Array(32);
  const o = new DataView(out.buffer);
  h.forEach((x, i) => o.setUint32(i * 4, x >>> 0));
  return out;
}

/** Whether `hash` starts with `bits` zero bits. */
export function zeros(hash: Uint8Array, bits: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= 8) if (hash[i]! >> Math.max(0, 8 - bits)) return false;
  return true;
}

/** The solution to send as `challenge` (a comment's, a vote's): `prefix + n`. */
export async function solve({ prefix, difficulty }: { prefix: string; difficulty: number }, signal?: AbortSignal): Promise<string> {
  const encode = (s: string) => new TextEncoder().encode(s);
  for (let n = 0; ; ) {
    const slice = performance.now() + 30;
    do if (zeros(sha256(encode(prefix + n)), difficulty)) return prefix + n;
    while (++n % 256 || performance.now() < slice);
    await new Promise((r) => setTimeout(r));
    signal?.throwIfAborted();
  }
}
