/**
 * What an operation of the REST contract is, and the path and query pieces that several resources
 * share. Each resource's operations are constants in `routes/<resource>.ts`; the table of them all
 * is `routes.ts` (the server, the OpenAPI document and the tests read it; widgets import only the
 * constants they call, so a widget's file carries only its own operations).
 *
 * An operation is a plain object literal (`{ … } as const satisfies Operation`, never built by a
 * function), so that a bundler keeps only the properties a widget reads. It is written on two lines:
 * first what a client calls it with (id, method, path, params, query, body, response, idempotent),
 * then what the server and the OpenAPI document add (tags, summary, description, produces, status,
 * errors, role, maxBody).
 */
import * as z from 'zod/mini';
import { Slug } from './common.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** The least role an organiser's operation needs: an account's role, or any account (`signed-in`). */
export type OperationRole = 'owner' | 'editor' | 'moderator' | 'signed-in';

export interface Operation {
  /** Stable name of the operation (OpenAPI `operationId`), the name of its constant. */
  readonly id: string;
  readonly method: Method;
  /** Under the API base, e.g. `/petitions/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  /** The path parameters. */
  readonly params?: z.ZodMiniObject;
  /** The query parameters (each a string, or absent). */
  readonly query?: z.ZodMiniObject;
  /** The JSON body. */
  readonly body?: z.ZodMiniType;
  /** The JSON answer, or each event's `data` for `text/event-stream`. */
  readonly response?: z.ZodMiniType;
  /** What a success answers, when it is not JSON (`application/json`). */
  readonly produces?: 'text/event-stream' | 'text/csv';
  /** The status of a success. */
  readonly status: number;
  /** The statuses of the failures it can answer (each with an `ApiError` body). 429: rate-limited per client. */
  readonly errors: readonly number[];
  /**
   * An organiser's operation: the least role that may call it (an owner may call them all; an editor
   * and a moderator only their own; `signed-in`: any account). The caller is a session cookie's
   * account or the bearer token (CIVIC_ADMIN_TOKEN), which acts as an owner.
   */
  readonly role?: OperationRole;
  /**
   * Honours an `Idempotency-Key` header: the same key replayed answers the first result; the same key
   * with another request (method or body) is 422, which `errors` lists.
   */
  readonly idempotent?: boolean;
  /** The largest body accepted, in bytes (default 64 kB). */
  readonly maxBody?: number;
}

/** What a client needs of an operation to call it (an operation of the table, or of another API such as WordPress's). */
export type Endpoint = Pick<Operation, 'method' | 'path' | 'params' | 'query' | 'body' | 'response' | 'produces' | 'idempotent'>;

/*
 * The constants below are built once and shared by the operations (they are the same objects the
 * OpenAPI document describes). Each is pure, so a widget that calls none of them carries none.
 */
/** A path id an organiser chose when creating the resource. */
export const IdParams = /* @__PURE__ */ z.object({ id: Slug });
/** Comments and blocks have ids the server wrote: decimal integers. */
export const NumericParams = /* @__PURE__ */ z.object({ id: /* @__PURE__ */ z.string().check(z.regex(/^[1-9]\d{0,17}$/, 'not an id')) });
export const Cursor = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.maxLength(200)));
export const Limit = /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(z.regex(/^([1-9]\d?|100)$/, 'a whole number from 1 to 100')));
