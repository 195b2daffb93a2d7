/** The audit log for owners: filtered pages, newest first, and the same filters as CSV. */
import type { AuditQuery } from '../../src/api/accounts.js';
import { routes } from '../../src/api/routes.js';
import { csvRow } from '../csv.js';
import type { Db } from '../db/db.js';
import { invalid } from '../http.js';
import type { Router } from '../routing.js';
import * as sql from './sql.js';

const DAY = 86_400_000;

/** A filter's date: a day (`to`: the whole day included) or an instant; 400 naming the field when it is no date. */
function instant(value: string | undefined, path: 'from' | 'to'): Date | undefined {
  if (!value) return undefined;
  const dayOnly = value.length === 10;
  const ms = Date.parse(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) throw invalid(path, 'not a valid date', 'invalid_date');
  return new Date(dayOnly && path === 'to' ? ms + DAY : ms);
}

/** The query's filters as SQL sees them. */
export function auditFilter(q: AuditQuery): sql.AuditFilter {
  const actor = q.actor;
  let actorKind: string | undefined;
  let actorId: string | undefined;
  if (actor === 'token' || actor === 'cli' || actor === 'system') actorKind = actor;
  else if (actor && /^\d{1,18}$/.test(actor)) [actorKind, actorId] = ['account', actor];
  else if (actor) throw invalid('actor', 'token, cli, system, or an account id');
  return { actorKind, actorId, action: q.action, itemType: q.itemType, itemId: q.itemId, from: instant(q.from, 'from'), to: instant(q.to, 'to') };
}

/** Every matching entry as CSV, read 1,000 at a time. */
function auditCsv(db: Db, filter: sql.AuditFilter): ReadableStream<string> {
  let before: string | undefined;
  let first = true;
  return new ReadableStream<string>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(`\uFEFF${csvRow(['id', 'at', 'actor_kind', 'actor_id', 'actor_role', 'action', 'item_type', 'item_id', 'change'])}`);
      }
      const { rows } = await sql.auditPage(db, filter, before, 1000);
      for (const e of rows) controller.enqueue(csvRow([e.id, e.at, e.actor.kind, e.actor.id, e.actor.role, e.action, e.item.type, e.item.id, e.change === null ? '' : JSON.stringify(e.change)]));
      if (rows.length < 1000) controller.close();
      else before = rows.at(-1)!.id;
    },
  });
}

export function auditRoutes(router: Router, db: Db): void {
  router.on(routes.auditLog, async ({ query }) => {
    const limit = Number(query.limit ?? 50);
    const { rows, total } = await sql.auditPage(db, auditFilter(query), query.cursor, limit + 1);
    return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.id : null, total };
  });

  router.on(routes.auditCsv, async ({ query }, c) =>
    c.newResponse(auditCsv(db, auditFilter(query)).pipeThrough(new TextEncoderStream()), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
      'cache-control': 'no-store',
    }),
  );
}
