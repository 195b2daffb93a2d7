/** Demo content: the demo's owner, who signs in from this machine at /dev/sign-in (or by mail, at /dev/mail). */
import type { Db, Queryable } from '../db/db.js';
import { signInUrl } from './mail.js';
import { Accounts, CLI_LINK_MS } from './sessions.js';
import { accountIdByEmail, upsertAccount } from './sql.js';

export const DEMO_OWNER = 'owner@example.org';

/** Adds the demo's owner; loading it again changes nothing. */
export async function loadAccountDemo(q: Queryable): Promise<boolean> {
  const [r] = await q.query('SELECT 1 FROM accounts WHERE email_norm = $1', [DEMO_OWNER]);
  if (r) return false;
  await upsertAccount(q, { email: DEMO_OWNER, emailNorm: DEMO_OWNER, name: 'Camille (démo)', role: 'owner', at: Date.now() });
  return true;
}

/** A one-time sign-in link (24 hours) for the demo's owner, under `base`; `npm start` prints it. */
export async function demoSignInLink(db: Db, base: string): Promise<string> {
  const id = await accountIdByEmail(db, DEMO_OWNER);
  if (!id) throw new Error('the demo has no owner');
  return signInUrl(base.replace(/\/$/, ''), await new Accounts(db, Date.now, undefined).link(id, CLI_LINK_MS));
}
