/**
 * `--demo`: content that shows every widget in a useful state. Idempotent. `origin`: the server's
 * public origin, where the demo blog's page is (the comment thread's page points there).
 */
import type { Db } from './db/db.js';
import { loadAccountDemo } from './accounts/demo.js';
import { loadCommentDemo } from './comments/demo.js';
import { loadPetitionDemo } from './petitions/demo.js';
import { loadPollDemo } from './polls/demo.js';
import { loadComparisonDemo } from './comparisons/demo.js';

export async function loadDemo(db: Db, origin?: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const loaded = [await loadPetitionDemo(tx), await loadCommentDemo(tx, Date.now(), origin), await loadPollDemo(tx), await loadComparisonDemo(tx), await loadAccountDemo(tx)];
    return loaded.some(Boolean);
  });
}
