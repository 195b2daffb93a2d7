/** `--demo`: content that shows every widget in a useful state. Idempotent. */
import type { Db } from './db/db.js';
import { loadCommentDemo } from './comments/demo.js';
import { loadPetitionDemo } from './petitions/demo.js';

export async function loadDemo(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    const petitions = await loadPetitionDemo(tx);
    const comments = await loadCommentDemo(tx);
    return petitions || comments;
  });
}
