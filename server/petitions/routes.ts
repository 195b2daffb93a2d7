/** The petition resource over HTTP: thin routes that parse (Router), call the SQL, answer. */
import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { routes } from '../../src/api/routes.js';
import type { PetitionEvent } from '../../src/api/petition.js';
import { linkBase, type ServerContext } from '../context.js';
import { csvRow } from '../csv.js';
import { ApiFailure, invalid, notFound, type RateLimiter } from '../http.js';
import type { Router } from '../routing.js';
import { signatureMail } from './mail.js';
import { petitionPages } from './pages.js';
import { confirm, mailFailed, publishState, sign, topic, withdraw } from './signing.js';
import * as sql from './sql.js';

const must = async <T>(value: Promise<T | undefined>, id: string): Promise<T> => {
  const v = await value;
  if (v === undefined) throw notFound(`no petition ${id}`);
  return v;
};

/** A timestamp the pattern accepts but the calendar does not (`2026-02-31T25:00Z`) is refused here, not by SQL. */
const checkDate = (value: string | null | undefined, path: string) => {
  if (value && Number.isNaN(Date.parse(value))) throw invalid(path, 'not a valid date-time', 'invalid_date');
};

export function petitionRoutes(app: Hono, router: Router, ctx: ServerContext, o: { limiter: RateLimiter | undefined; trustProxy: boolean | number }) {
  const { db, bus } = ctx;

  router.on(routes.getPetition, ({ params }) => must(sql.getPetition(db, params.id), params.id));

  router.on(routes.signPetition, async ({ params, body, idempotencyKey }, c) => {
    const { result, mail } = await sign(db, bus, params.id, body, idempotencyKey);
    if (mail) {
      const p = await must(sql.getPetition(db, params.id), params.id);
      const base = linkBase(ctx, c.req.url);
      ctx.background(
        ctx.mailer.send(signatureMail(mail, p, base)).catch(async (e: unknown) => {
          ctx.log('error', `mail to signature ${mail.signatureId} failed`, e);
          await mailFailed(db, mail.signatureId);
        }),
      );
    }
    return result;
  });

  router.on(routes.confirmSignature, ({ body }) => confirm(db, bus, body.token));
  router.on(routes.withdrawSignature, ({ body }) => withdraw(db, bus, body.token));

  router.on(routes.petitionEvents, async ({ params }, c) => {
    const id = params.id;
    await must(sql.getEvent(db, id), id);
    return streamSSE(c, async (stream) => {
      // Writes one at a time, in order; a reload stands in for an event too large for NOTIFY.
      let chain = Promise.resolve();
      const send = (event: PetitionEvent | undefined | Promise<PetitionEvent | undefined>) => {
        chain = chain
          .then(async () => {
            const e = await event;
            if (e && !stream.closed) await stream.writeSSE({ data: JSON.stringify(e) });
          })
          .catch(() => undefined);
      };
      const stop = bus.subscribe(topic(id), (data) => send(data ? (data as PetitionEvent) : sql.getEvent(db, id)));
      send(sql.getEvent(db, id)); // the current state, after subscribing so that nothing falls between
      const heartbeat = setInterval(() => {
        chain = chain.then(() => stream.write(': heartbeat\n\n')).then(() => undefined, () => undefined);
      }, ctx.heartbeatMs);
      await new Promise<void>((resolve) => {
        stream.onAbort(resolve);
        ctx.closing.addEventListener('abort', () => resolve(), { once: true });
      });
      clearInterval(heartbeat);
      stop();
    });
  });

  router.on(routes.createPetition, async ({ body }, c) => {
    checkDate(body.closesAt, 'closesAt');
    const created = await db.transaction(async (tx) => (await sql.insertPetition(tx, body)) && sql.getPetition(tx, body.id));
    if (!created) throw new ApiFailure(409, 'conflict', `a petition ${body.id} exists already`, { issues: [{ path: 'id', code: 'conflict', message: 'this id is taken' }] });
    c.header('Location', `${new URL(c.req.url).origin}/api/petitions/${encodeURIComponent(body.id)}`);
    return created;
  });

  router.on(routes.updatePetition, async ({ params, body }) => {
    checkDate(body.closesAt, 'closesAt');
    return db.transaction(async (tx) => {
      if (!(await sql.updatePetition(tx, params.id, body))) throw notFound(`no petition ${params.id}`);
      await publishState(bus, tx, params.id);
      return must(sql.getPetition(tx, params.id), params.id);
    });
  });

  router.on(routes.closePetition, async ({ params }) =>
    db.transaction(async (tx) => {
      if (!(await sql.closePetition(tx, params.id))) throw notFound(`no petition ${params.id}`);
      await publishState(bus, tx, params.id);
      return must(sql.getPetition(tx, params.id), params.id);
    }),
  );

  router.on(routes.exportSignatures, async ({ params }, c) => {
    const id = params.id;
    await must(sql.getEvent(db, id), id);
    const header = ['name', 'email', 'postal_code', 'city', 'comment', 'show_name', 'accept_updates', 'status', 'signed_at', 'confirmed_at'];
    let after = '0';
    let first = true;
    // Pages of 1,000 rows, so that a large petition streams instead of filling memory.
    const body = new ReadableStream<string>({
      async pull(controller) {
        if (first) {
          first = false;
          controller.enqueue(`\uFEFF${csvRow(header)}`); // the BOM makes spreadsheets read UTF-8
        }
        const rows = await sql.exportPage(db, id, after, 1000);
        for (const r of rows) {
          controller.enqueue(csvRow([r.name, r.email, r.postal_code, r.city, r.comment, r.show_name, r.accept_updates, r.status, r.created_at, r.confirmed_at]));
        }
        if (rows.length < 1000) controller.close();
        else after = rows[rows.length - 1]!.id;
      },
    });
    return c.newResponse(body.pipeThrough(new TextEncoderStream()), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${id}-signatures.csv"`,
      'cache-control': 'no-store',
    });
  });

  petitionPages(app, ctx, o);
}
