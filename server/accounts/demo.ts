/** Demo content: the demo's owner, who signs in from this machine at /dev/sign-in (or by mail, at /dev/mail). */
import type { Queryable } from '../db/db.js';
import { upsertAccount } from './sql.js';

export const DEMO_OWNER = 'owner@example.org';

/** Adds the demo's owner; loading it again changes nothing. */
export async function loadAccountDemo(q: Queryable): Promise<boolean> {
  const [r] = await q.query('SELECT 1 FROM accounts WHERE email_norm = $1', [DEMO_OWNER]);
  if (r) return false;
  await upsertAccount(q, { email: DEMO_OWNER, emailNorm: DEMO_OWNER, name: 'Camille (démo)', role: 'owner', at: Date.now() });
  return true;
}
