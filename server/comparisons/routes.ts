/** The comparison resource over HTTP: read a comparison, the admin writes, readers' opt-in answers and their aggregate. */
import { routes } from '../../src/api/routes.js';
import { comparisonProblems, onScale, withDefaults, type Comparison } from '../../src/api/comparison.js';
import type { ServerContext } from '../context.js';
import { ApiFailure, found, idTaken, invalidIssues, setLocation } from '../http.js';
import { Live } from '../live.js';
import type { Router } from '../routing.js';
import * as sql from './sql.js';

const must = <T>(value: T | undefined | Promise<T | undefined>, id: string): Promise<T> => found(value, `comparison ${id}`);

/** A comparison whose lists do not hold together is refused, each problem named by its path. */
const check = (c: Comparison) => {
  const issues = comparisonProblems(c);
  if (issues.length) throw invalidIssues(issues);
};

const TOPIC = 'comparison:';

export function comparisonRoutes(router: Router, ctx: ServerContext): void {
  const { db, bus } = ctx;
  // Read often, written rarely: each process keeps the comparisons it serves, dropped on every change (from any process, through the bus).
  const live = new Live(bus, TOPIC, (id) => sql.getComparison(db, id));
  ctx.onClose(() => live.close());
  const read = (id: string) => must(live.get(id), id);

  router.on(routes.getComparison, ({ params }) => read(params.id));
  router.on(routes.listComparisons, async () => ({ items: await sql.listComparisons(db) }));

  router.on(routes.createComparison, async ({ body }, c) => {
    check(withDefaults({ ...body, description: body.description ?? '' }));
    const created = await db.transaction(async (tx) => (await sql.insertComparison(tx, body)) && sql.getComparison(tx, body.id));
    if (!created) throw idTaken('comparison', body.id);
    setLocation(c, `/api/comparisons/${encodeURIComponent(body.id)}`);
    return created;
  });

  router.on(routes.updateComparison, async ({ params, body }) => {
    const updated = await db.transaction(async (tx) => {
      const old = await must(sql.getComparison(tx, params.id, true), params.id);
      // A field left out (undefined) keeps its value; a list given replaces the list.
      const next = { ...old, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
      check(next);
      await sql.replaceComparison(tx, next);
      await bus.publish(tx, TOPIC + params.id);
      return must(sql.getComparison(tx, params.id), params.id);
    });
    live.changed(params.id);
    return updated;
  });

  router.on(routes.submitAnswers, async ({ params, body, idempotencyKey }) => {
    const c = await read(params.id);
    if (!c.collectAnswers) throw new ApiFailure(403, 'forbidden', 'this comparison does not collect answers');
    const statements = new Set(c.statements.map((s) => s.id));
    const seen = new Set<string>();
    const issues = body.answers.flatMap((a, i) => {
      const at = `answers.${i}.`;
      const problem = !statements.has(a.statementId)
        ? [`${at}statementId`, `no statement ${a.statementId}`]
        : seen.has(a.statementId)
          ? [`${at}statementId`, `${a.statementId} is answered twice`]
          : a.stance !== null && !onScale(a.stance, c.scale)
            ? [`${at}stance`, `a stance on this comparison's ${c.scale}-point scale`]
            : undefined;
      seen.add(a.statementId);
      return problem ? [{ path: problem[0]!, code: 'invalid_value', message: problem[1]! }] : [];
    });
    if (issues.length) throw invalidIssues(issues);
    return { respondentCount: await sql.insertAnswers(db, c.id, body, idempotencyKey) };
  });

  router.on(routes.comparisonAnswers, async ({ params }) => sql.aggregateAnswers(db, await must(sql.getComparison(db, params.id), params.id)));
}
