/** The petition resource's SQL: reading petitions and their live state, the admin writes, the export. */
import { publicName } from '../../src/domain/people.js';
import { type Petition, type PetitionEvent, type PublicSigner } from '../../src/api/petition.js';
import type { PetitionCreate, PetitionUpdate } from '../../src/api/admin.js';
import type { Queryable, Row } from '../db/db.js';
import { iso, isoOrNull } from '../time.js';


/** `status` says `closed` once `closes_at` has passed, as `isOpen()` does. */
const SELECT_PETITION = `
  SELECT p.id, p.title, p.summary, p.url, p.goal, p.signature_count, p.double_opt_in, p.locale,
         p.closes_at, p.created_at, p.updated_at,
         CASE WHEN p.status = 'closed' OR p.closes_at <= now() THEN 'closed' ELSE 'open' END AS status,
         (SELECT coalesce(json_agg(json_build_object('name', r.name, 'city', r.city, 'at', r.confirmed_at)), '[]'::json)
            FROM (SELECT name, city, confirmed_at FROM signatures
                   WHERE petition_id = p.id AND status = 'confirmed' AND show_name
                   ORDER BY confirmed_at DESC, id DESC LIMIT 10) r) AS recent
    FROM petitions p WHERE p.id = $1`;

interface PetitionRow extends Row {
  id: string;
  title: string;
  summary: string;
  url: string | null;
  goal: number;
  signature_count: number;
  double_opt_in: boolean;
  locale: 'fr' | 'en';
  status: 'open' | 'closed';
  closes_at: Date | null;
  created_at: Date;
  updated_at: Date;
  recent: { name: string; city: string | null; at: string }[] | string;
}

const signers = (recent: PetitionRow['recent']): PublicSigner[] =>
  (typeof recent === 'string' ? (JSON.parse(recent) as Exclude<PetitionRow['recent'], string>) : recent).map((s) => ({
    name: publicName(s.name),
    city: s.city,
    signedAt: iso(s.at),
  }));

export async function getPetition(q: Queryable, id: string): Promise<Petition | undefined> {
  const [r] = await q.query<PetitionRow>(SELECT_PETITION, [id]);
  if (!r) return undefined;
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    url: r.url,
    goal: r.goal,
    signatureCount: r.signature_count,
    status: r.status,
    closesAt: isoOrNull(r.closes_at),
    doubleOptIn: r.double_opt_in,
    locale: r.locale,
    recentSigners: signers(r.recent),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const toEvent = (p: Petition): PetitionEvent => ({
  type: 'petition',
  signatureCount: p.signatureCount,
  goal: p.goal,
  status: p.status,
  recentSigners: p.recentSigners,
});

/** What signing needs to know first, in one query: the petition, and the answer already given to `key`. */
export async function signingInfo(q: Queryable, id: string, key: string | null) {
  const [r] = await q.query<{
    title: string;
    locale: 'fr' | 'en';
    double_opt_in: boolean;
    signature_count: number;
    open: boolean;
    result_status: 'pending' | 'confirmed' | 'already-signed' | null;
    result_count: number | null;
  }>(
    `SELECT p.title, p.locale, p.double_opt_in, p.signature_count,
            (p.status = 'open' AND (p.closes_at IS NULL OR p.closes_at > now())) AS open,
            s.result_status, s.result_count
       FROM petitions p LEFT JOIN signatures s ON s.petition_id = p.id AND s.idempotency_key = $2
      WHERE p.id = $1`,
    [id, key],
  );
  if (!r) return undefined;
  return {
    title: r.title,
    locale: r.locale,
    doubleOptIn: r.double_opt_in,
    signatureCount: r.signature_count,
    open: r.open,
    replay: r.result_status === null ? undefined : { status: r.result_status, signatureCount: r.result_count ?? 0 },
  };
}

/** Inserts a petition; false when the id is taken. */
export async function insertPetition(q: Queryable, p: PetitionCreate): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO petitions (id, title, summary, url, goal, closes_at, double_opt_in, locale)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [p.id, p.title, p.summary, p.url ?? null, p.goal, p.closesAt ?? null, p.doubleOptIn ?? true, p.locale ?? 'fr'],
  );
  return rows.length === 1;
}

const columns: Record<keyof PetitionUpdate, string> = {
  title: 'title',
  summary: 'summary',
  url: 'url',
  goal: 'goal',
  closesAt: 'closes_at',
  doubleOptIn: 'double_opt_in',
  locale: 'locale',
};

/** Changes the fields present in `changes`; false when there is no such petition. */
export async function updatePetition(q: Queryable, id: string, changes: PetitionUpdate): Promise<boolean> {
  const sets: string[] = ['updated_at = now()'];
  const values: unknown[] = [id];
  for (const [key, column] of Object.entries(columns) as [keyof PetitionUpdate, string][]) {
    if (changes[key] === undefined) continue;
    values.push(changes[key]);
    sets.push(`${column} = $${values.length}`);
  }
  const rows = await q.query(`UPDATE petitions SET ${sets.join(', ')} WHERE id = $1 RETURNING id`, values);
  return rows.length === 1;
}

export async function closePetition(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(`UPDATE petitions SET status = 'closed', updated_at = now() WHERE id = $1 RETURNING id`, [id]);
  return rows.length === 1;
}

/** Adds `delta` to the confirmed count; the new count. */
export async function addToCount(q: Queryable, id: string, delta: 1 | -1): Promise<number> {
  const [r] = await q.query<{ signature_count: number }>(
    'UPDATE petitions SET signature_count = signature_count + $2, updated_at = now() WHERE id = $1 RETURNING signature_count',
    [id, delta],
  );
  return r?.signature_count ?? 0;
}

export interface ExportRow extends Row {
  id: string;
  name: string;
  email: string;
  postal_code: string | null;
  city: string | null;
  comment: string | null;
  show_name: boolean;
  accept_updates: boolean;
  status: string;
  created_at: Date;
  confirmed_at: Date | null;
}

/** One page of the export, in signing order, after signature `afterId`. */
export const exportPage = (q: Queryable, petitionId: string, afterId: string, limit: number) =>
  q.query<ExportRow>(
    `SELECT id::text AS id, name, email, postal_code, city, comment, show_name, accept_updates, status, created_at, confirmed_at
       FROM signatures s WHERE s.petition_id = $1 AND s.id > $2::bigint ORDER BY s.id LIMIT $3`,
    [petitionId, afterId, limit],
  );
