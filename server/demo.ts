/** `--demo`: content that shows every widget in a useful state. Idempotent. */
import type { Db } from './db/db.js';
import { loadPetitionDemo } from './petitions/demo.js';

export async function loadDemo(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => loadPetitionDemo(tx));
}
