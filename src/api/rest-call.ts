/**
 * The typed client of the route table: one call per operation, made from the operation's constant
 * (`routes/<resource>.ts`), so the path, the method, the idempotency key and the check of the answer
 * come from the contract rather than being written again.
 *
 * ```ts
 * const petition = await call(client, getPetition, { id: 'plan-numerique' });
 * await call(client, signPetition, { id }, { body: input, idempotencyKey });
 * const stop = listen(client, petitionEvents, { id }, (event) => …);
 * ```
 *
 * These are functions, not methods, and take the operation as data, so a bundler keeps only the
 * operations (and the parts of them: method, path, answer's schema) a widget calls.
 */
import type * as z from 'zod/mini';
import type { CallOptions } from './backend.js';
import type { Endpoint } from './operation.js';
import { check, type RequestOptions, type RestClient } from './rest.js';

type Shape<S> = S extends z.ZodMiniType ? z.input<S> : unknown;

/** An operation's path parameters and query, in one object: a `{name}` of the path takes its value, the rest go in the query string. */
export type Args<O extends Endpoint> = Shape<O['params']> & { [K in keyof Shape<O['query']>]?: string | number | undefined };

/** The options of a call: its body when the operation takes one, the idempotency key of a write, a signal. */
export type Options<O extends Endpoint> = CallOptions & { idempotencyKey?: string | undefined } & (O['body'] extends z.ZodMiniType
    ? { body: z.input<O['body']> }
    : { body?: undefined });

/** What a call answers: the operation's response, checked. */
export type Answer<O extends Endpoint> = z.output<NonNullable<O['response']>>;

/** The path and query of a call, under the API base. Values that are null or undefined are left out. */
function path(op: Endpoint, args: object): string {
  const query = new URLSearchParams(Object.entries(args).filter((e) => e[1] != null) as [string, string][]);
  // Each `{name}` takes its value out of the query (the match's parameter is reused for it).
  const p = op.path.replace(/\{(\w+)\}/g, (value, name: string) => ((value = query.get(name)!), query.delete(name), encodeURIComponent(value)));
  return `${query}` ? `${p}?${query}` : p;
}

/** The URL of an operation (e.g. a CSV export to download). */
export const href = <O extends Endpoint>(client: RestClient, op: O, args: Args<O>): string => client.url(path(op, args));

/** Calls a JSON operation; the answer is checked with its schema. Operations that honour an Idempotency-Key get one (the given one, else a new one). */
export const call: <O extends Endpoint & { response: z.ZodMiniType; produces?: undefined }>(
  client: RestClient,
  op: O,
  args: Args<O>,
  // Required when the operation takes a body.
  ...options: O['body'] extends z.ZodMiniType ? [Options<O>] : [Options<O>?]
) => Promise<Answer<O>> = (client: RestClient, op: Endpoint, args: object, o?: RequestOptions) =>
  client.request(op.method, path(op, args), op.response!, o, op.idempotent) as never;

/** Listens to an operation that produces server-sent events; each is checked with its schema. Returns the function that stops. */
export const listen = <O extends Endpoint & { response: z.ZodMiniType; produces: 'text/event-stream' }>(
  client: RestClient,
  op: O,
  args: Args<O>,
  listener: (event: Answer<O>) => void,
): (() => void) => {
  // The schema is read here: a handler that reads the operation would keep all of it in a widget's file.
  const { response } = op;
  const source = new EventSource(client.url(path(op, args)));
  source.onmessage = (m: MessageEvent<string>) => {
    try {
      listener(check(response, JSON.parse(m.data)) as Answer<O>);
    } catch {
      /* an event outside the contract is ignored */
    }
  };
  return () => source.close();
};
