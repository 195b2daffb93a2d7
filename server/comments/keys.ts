/**
 * A resource's secret: one random key per name (`comments`, `polls`), made by the first process
 * that needs it and kept in the database (so every process and every restart agree). Everything the
 * comments derive or sign comes from theirs: edit and unsubscribe tokens, challenge signatures, and
 * the hashes of emails, addresses and reader tokens; the polls hash participants' emails with
 * theirs (keyed, so that a leaked table cannot be reversed by guessing).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/db.js';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Whether two strings are equal, in time that does not depend on where they differ. */
export function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Keys {
  #key: Promise<Buffer> | undefined;

  constructor(
    readonly db: Queryable,
    readonly name: 'comments' | 'polls' = 'comments',
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
