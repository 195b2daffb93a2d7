/**
 * Tokens and keyed hashes, for every resource. A mailed link or an edit right carries a random token
 * of which only the SHA-256 is stored. A resource's secret (`Keys`: one random key per name, made by
 * the first process that needs it and kept in the database, so every process and every restart
 * agree) signs what the server hands out and hashes what it must recognise without keeping it:
 * emails, addresses, reader tokens (keyed, so that a leaked table cannot be reversed by guessing).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/db.js';

/** A random token for a mailed link or an edit right (43 characters, base64url). */
export const newToken = () => randomBytes(32).toString('base64url');

/** The SHA-256 of a text, hex: what is stored in place of a token. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether two strings are equal, in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The secret of one resource (`comments`, `polls`), read once per process. */
export class Keys {
  #key: Promise<Buffer> | undefined;

  constructor(
    readonly db: Queryable,
    readonly name: 'comments' | 'polls',
  ) {}

  #load(): Promise<Buffer> {
    const p = (async () => {
      await this.db.query('INSERT INTO civic_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [this.name, randomBytes(32).toString('base64url')]);
      const [r] = await this.db.query<{ value: string }>('SELECT value FROM civic_secrets WHERE name = $1', [this.name]);
      if (!r) throw new Error(`no ${this.name} secret`);
      return Buffer.from(r.value, 'base64url');
    })();
    p.catch(() => this.#key === p && (this.#key = undefined)); // try again next time
    return p;
  }

  /** HMAC-SHA-256 of `value` for `purpose`, base64url (43 characters). */
  async mac(purpose: string, value: string): Promise<string> {
    const key = await (this.#key ??= this.#load());
    return createHmac('sha256', key).update(`${purpose}\0${value}`).digest('base64url');
  }
}
