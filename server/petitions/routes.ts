/** The petition resource over HTTP: thin routes that parse (Router), call the SQL, answer. */
import { routes } from '../../src/api/routes.js';
import type { Petition } from '../../src/api/petition.js';
import { linkBase, mailLater, type ServerContext } from '../context.js';
import { csvRow } from '../csv.js';
import type { Db, Queryable } from '../db/db.js';
import { found, idTaken, invalid, notFound, setLocation } from '../http.js';
import { Live } from '../live.js';
import type { Router } from '../routing.js';
import { eventStream, sseData } from '../sse.js';
import { signatureMail } from './mail.js';
import { petitionPages } from './pages.js';
import { TOPIC, changed, confirm, publishChange, sign, withdraw, type Petitions } from './signing.js';
import * as sql from './sql.js';

const must = <T>(value: Promise<T | undefined>, id: string) => found(value, `petition ${id}`);

/** A timestamp the pattern accepts but the calendar does not (`2026-02-31T25:00Z`) is refused here, not by SQL. */
const checkDate = (value: string | null | undefined, path: string) => {
  if (value && Number.isNaN(Date.parse(value))) throw invalid(path, 'not a valid date-time', 'invalid_date');
};

/** The signatures of a petition as CSV, read in pages of 1,000 rows so that a large petition streams instead of filling memory. */
function signaturesCsv(db: Db, id: string): ReadableStream<string> {
  const header = ['name', 'email', 'postal_code', 'city', 'comment', 'show_name', 'accept_updates', 'status', 'signed_at', 'confirmed_at'];
  let after = '0';
  let first = true;
  return new ReadableStream<string>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(`\uFEFF${csvRow(header)}`); // the BOM makes spreadsheets read UTF-8
      }
      const rows = await sql.exportPage(db, id, after, 1000);
      for (const r of rows) controller.enqueue(csvRow([r.name, r.email, r.postal_code, r.city, r.comment, r.show_name, r.accept_updates, r.status, r.created_at, r.confirmed_at]));
      if (rows.length < 1000) controller.close();
      else after = rows[rows.length - 1]!.id;
    },
  });
}

export function petitionRoutes(router: Router, ctx: ServerContext): void {
  const { db, bus } = ctx;
  const live = new Live<Petition>(bus, TOPIC, (id) => sql.getPetition(db, id));
  ctx.onClose(() => live.close());
  const petitions: Petitions = { db, bus, live };

  router.on(routes.getPetition, ({ params }) => must(live.get(params.id), params.id));

  router.on(routes.signPetition, async ({ params, body, idempotencyKey }, c) => {
    const { result, mail, petition } = await sign(petitions, params.id, body, idempotencyKey);
    if (mail) mailLater(ctx, `mail to signature ${mail.signatureId}`, signatureMail(mail, petition, linkBase(ctx, c.req.url)), () => sql.mailFailed(db, mail.signatureId));
    return result;
  });

  router.on(routes.confirmSignature, ({ body }) => confirm(petitions, body.token));
  router.on(routes.withdrawSignature, ({ body }) => withdraw(petitions, body.token));

  router.on(routes.petitionEvents, async ({ params }, c) => {
    const id = params.id;
    await must(live.get(id), id);
    const event = (p: Petition | undefined) => p && sseData(sql.toEvent(p));
    return eventStream(c, ctx, (send) => {
      const stop = live.listen(id, (p) => send(() => event(p)));
      send(async () => event(await live.get(id))); // the current state first
      return stop;
    });
  });

  router.on(routes.createPetition, async ({ body }, c) => {
    checkDate(body.closesAt, 'closesAt');
    const created = await db.transaction(async (tx) => (await sql.insertPetition(tx, body)) && sql.getPetition(tx, body.id));
    if (!created) throw idTaken('petition', body.id);
    setLocation(c, `/api/petitions/${encodeURIComponent(body.id)}`);
    return created;
  });

  /** An admin change: made, announced on commit, and this process's readers told at once. */
  const change = async (id: string, write: (tx: Queryable) => Promise<boolean>) => {
    const p = await db.transaction(async (tx) => {
      if (!(await write(tx))) throw notFound(`no petition ${id}`);
      await publishChange(bus, tx, id);
      return must(sql.getPetition(tx, id), id);
    });
    live.changed(id);
    return p;
  };

  router.on(routes.updatePetition, async ({ params, body }) => {
    checkDate(body.closesAt, 'closesAt');
    return change(params.id, (tx) => sql.updatePetition(tx, params.id, body));
  });

  router.on(routes.closePetition, ({ params }) => change(params.id, (tx) => sql.closePetition(tx, params.id)));
  router.on(routes.reopenPetition, ({ params }) => change(params.id, (tx) => sql.reopenPetition(tx, params.id)));
  router.on(routes.listPetitions, async () => ({ items: await sql.listPetitions(db) }));

  router.on(routes.listSigners, async ({ params, query }) => {
    await must(live.get(params.id), params.id);
    const limit = Number(query.limit ?? 50);
    const { items, total } = await sql.signerPage(db, params.id, query, query.cursor, limit + 1);
    return { items: items.slice(0, limit), nextCursor: items.length > limit ? items[limit - 1]!.id : null, total };
  });

  // An erasure on request: the signature and its data go; a confirmed one is uncounted, and readers told.
  router.on(routes.deleteSigner, async ({ params }) => {
    const { id, signatureId } = params;
    const signatureCount = await db.transaction(async (tx) => {
      const s = await sql.deleteSigner(tx, id, signatureId);
      if (!s) throw notFound(`no signature ${signatureId} on petition ${id}`);
      if (s.status !== 'confirmed') return sql.signatureCount(tx, id);
      return sql.addToCount(tx, id, -1);
    });
    changed(petitions, id);
    return { id: signatureId, petitionId: id, signatureCount };
  });

  router.on(routes.exportSignatures, async ({ params }, c) => {
    await must(live.get(params.id), params.id);
    return c.newResponse(signaturesCsv(db, params.id).pipeThrough(new TextEncoderStream()), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${params.id}-signatures.csv"`,
      'cache-control': 'no-store',
    });
  });

  petitionPages(router.app, ctx, petitions);
}
