/** The comparison resource's SQL: reading a comparison, writing it (each list replaced whole), and readers' answers. */
import type { ComparisonCreate } from '../../src/api/admin.js';
import type { AdminComparison } from '../../src/api/lists.js';
import { half, type AnswerAggregate, type AnswersInput, type Comparison, type FullComparison } from '../../src/api/comparison.js';
import type { Queryable, Row } from '../db/db.js';
import { fromJson, insertNew } from '../db/statements.js';
import { iso } from '../time.js';

const list = (sql: string, order = 'ord') => `(SELECT coalesce(json_agg(${sql} ORDER BY ${order}), '[]'::json)`;

const SELECT_COMPARISON = `
  SELECT c.id, c.title, c.description, c.locale, c.scale, c.method, c.allow_method_choice, c.missing_answer, c.collect_answers, c.updated_at,
         ${list(`json_build_object('id', s.id, 'text', s.text, 'theme', s.theme, 'explanation', s.explanation)`, 's.ord')}
            FROM comparison_statements s WHERE s.comparison_id = c.id) AS statements,
         ${list(`json_build_object('id', p.id, 'name', p.name, 'shortName', p.short_name, 'colour', p.colour, 'logoUrl', p.logo_url)`, 'p.ord')}
            FROM comparison_parties p WHERE p.comparison_id = c.id) AS parties,
         ${list(
           `json_build_object('partyId', x.party_id, 'statementId', x.statement_id, 'stance', x.stance, 'quote', x.quote,
                              'sourceUrl', x.source_url, 'sourceDate', to_char(x.source_date, 'YYYY-MM-DD'))`,
           'x.ord',
         )}
            FROM comparison_positions x WHERE x.comparison_id = c.id) AS positions
    FROM comparisons c WHERE c.id = $1`;

interface ComparisonRow extends Row {
  id: string;
  title: string;
  description: string;
  locale: 'fr' | 'en';
  scale: number;
  method: FullComparison['method'];
  allow_method_choice: boolean;
  missing_answer: FullComparison['missingAnswer'];
  collect_answers: boolean;
  updated_at: Date;
  statements: unknown;
  parties: unknown;
  positions: unknown;
}

export async function getComparison(q: Queryable, id: string, lock = false): Promise<FullComparison | undefined> {
  if (lock) await q.query('SELECT 1 FROM comparisons WHERE id = $1 FOR UPDATE', [id]);
  const [r] = await q.query<ComparisonRow>(SELECT_COMPARISON, [id]);
  if (!r) return undefined;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    locale: r.locale,
    scale: r.scale,
    method: r.method,
    allowMethodChoice: r.allow_method_choice,
    missingAnswer: r.missing_answer,
    collectAnswers: r.collect_answers,
    statements: fromJson(r.statements),
    parties: fromJson(r.parties),
    positions: fromJson(r.positions),
    updatedAt: iso(r.updated_at),
  };
}

/** Inserts a comparison with its lists; false when the id is taken. */
export async function insertComparison(q: Queryable, c: ComparisonCreate): Promise<boolean> {
  const inserted = await insertNew(q, 'comparisons', {
    id: c.id, title: c.title, description: c.description ?? '', locale: c.locale ?? 'fr', scale: c.scale, method: c.method ?? 'wahl-o-mat',
    allowMethodChoice: c.allowMethodChoice ?? false, missingAnswer: c.missingAnswer ?? 'zero', collectAnswers: c.collectAnswers ?? false,
  });
  if (inserted) await insertLists(q, c);
  return inserted;
}

const ordered = <T>(items: readonly T[]) => JSON.stringify(items.map((item, ord) => ({ ...item, ord })));

async function insertLists(q: Queryable, c: Pick<Comparison, 'id' | 'statements' | 'parties' | 'positions'>) {
  await q.query(
    `INSERT INTO comparison_statements (comparison_id, id, ord, text, theme, explanation)
     SELECT $1, x.id, x.ord, x.text, x.theme, x.explanation
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, ord integer, text text, theme text, explanation text)`,
    [c.id, ordered(c.statements)],
  );
  await q.query(
    `INSERT INTO comparison_parties (comparison_id, id, ord, name, short_name, colour, logo_url)
     SELECT $1, x.id, x.ord, x.name, x."shortName", x.colour, x."logoUrl"
       FROM jsonb_to_recordset($2::jsonb) AS x(id text, ord integer, name text, "shortName" text, colour text, "logoUrl" text)`,
    [c.id, ordered(c.parties)],
  );
  await q.query(
    `INSERT INTO comparison_positions (comparison_id, party_id, statement_id, ord, stance, quote, source_url, source_date)
     SELECT $1, x."partyId", x."statementId", x.ord, x.stance, x.quote, x."sourceUrl", x."sourceDate"::date
       FROM jsonb_to_recordset($2::jsonb) AS x("partyId" text, "statementId" text, ord integer, stance smallint, quote text, "sourceUrl" text, "sourceDate" text)`,
    [c.id, ordered(c.positions)],
  );
}

/** Writes a whole comparison over the stored one (the caller merged the changes and checked the result). */
export async function replaceComparison(q: Queryable, c: FullComparison): Promise<void> {
  await q.query(
    `UPDATE comparisons SET title = $2, description = $3, scale = $4, method = $5, allow_method_choice = $6, missing_answer = $7,
            collect_answers = $8, locale = $9, updated_at = now() WHERE id = $1`,
    [c.id, c.title, c.description ?? '', c.scale, c.method, c.allowMethodChoice, c.missingAnswer, c.collectAnswers, c.locale ?? 'fr'],
  );
  for (const table of ['comparison_positions', 'comparison_parties', 'comparison_statements'])
    await q.query(`DELETE FROM ${table} WHERE comparison_id = $1`, [c.id]);
  await insertLists(q, c);
}

/** Keeps one reader's answers (once per idempotency key); how many readers have sent theirs. */
export async function insertAnswers(q: Queryable, comparisonId: string, input: AnswersInput, key: string | null): Promise<number> {
  // One statement: the insert is not visible to the count beside it, hence the sum.
  const [r] = await q.query<{ n: number }>(
    `WITH added AS (
       INSERT INTO comparison_answers (comparison_id, idempotency_key, answers) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (comparison_id, idempotency_key) DO NOTHING RETURNING 1)
     SELECT ((SELECT count(*) FROM comparison_answers WHERE comparison_id = $1) + (SELECT count(*) FROM added))::int AS n`,
    [comparisonId, key, JSON.stringify(input.answers)],
  );
  return r?.n ?? 0;
}

/** What readers answered, statement by statement, in the comparison's order. */
export async function aggregateAnswers(q: Queryable, c: Comparison): Promise<AnswerAggregate> {
  const rows = await q.query<{ statement_id: string; stance: number | null; weight: number; n: number }>(
    `SELECT a.value->>'statementId' AS statement_id, (a.value->>'stance')::int AS stance, (a.value->>'weight')::int AS weight, count(*)::int AS n
       FROM comparison_answers r CROSS JOIN LATERAL jsonb_array_elements(r.answers) a
      WHERE r.comparison_id = $1 GROUP BY 1, 2, 3`,
    [c.id],
  );
  const [total] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM comparison_answers WHERE comparison_id = $1', [c.id]);
  const h = half(c.scale);
  const tallies = new Map(c.statements.map((s) => [s.id, { statementId: s.id, stances: Array<number>(c.scale).fill(0), skipped: 0, weighted: 0 }]));
  for (const r of rows) {
    const t = tallies.get(r.statement_id);
    // Answers to statements since removed, or on a scale since changed, are left out.
    if (!t || (r.stance !== null && Math.abs(r.stance) > h)) continue;
    if (r.stance === null) t.skipped += r.n;
    else t.stances[r.stance + h]! += r.n;
    if (r.weight > 1 && r.stance !== null) t.weighted += r.n;
  }
  return { comparisonId: c.id, respondentCount: total?.n ?? 0, statements: [...tallies.values()] };
}

/** Every comparison for the console, last changed first, with its counts. */
export async function listComparisons(q: Queryable): Promise<AdminComparison[]> {
  const rows = await q.query<{ id: string; title: string; collect_answers: boolean; updated_at: Date; statements: number; parties: number; answers: number }>(
    `SELECT c.id, c.title, c.collect_answers, c.updated_at,
            (SELECT count(*)::int FROM comparison_statements s WHERE s.comparison_id = c.id) AS statements,
            (SELECT count(*)::int FROM comparison_parties p WHERE p.comparison_id = c.id) AS parties,
            (SELECT count(*)::int FROM comparison_answers a WHERE a.comparison_id = c.id) AS answers
       FROM comparisons c ORDER BY c.updated_at DESC, c.id LIMIT 1000`,
  );
  return rows.map((r) => ({
    id: r.id, title: r.title, statementCount: r.statements, partyCount: r.parties, collectAnswers: r.collect_answers, answerCount: r.answers, updatedAt: iso(r.updated_at),
  }));
}
