/** The OpenAPI 3.1 document, generated from the operations table (src/api/routes.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { ApiError, enumValues } from '../src/api/common.js';
import { operations, type Operation } from '../src/api/routes.js';
import { packageRoot } from './paths.js';

const packageVersion = (): string => {
  const root = packageRoot();
  try {
    return root ? (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version : '0.0.0';
  } catch {
    return '0.0.0';
  }
};

type Json = Record<string, unknown>;

const reasons: Record<number, string> = {
  400: 'Invalid input: `issues` names each field',
  401: 'Not signed in: no valid session cookie nor admin token',
  403: 'Forbidden: a role that may not do this, a cookie write from another origin, a wrong or expired edit token, or a blocked author',
  404: 'No such resource, or no such route',
  409: 'Conflict (`conflict`), or a closed petition or thread (`closed`)',
  413: 'Body larger than 64 kB',
  415: 'The body was not sent as `Content-Type: application/json`',
  422: 'The Idempotency-Key was sent before with a different request (`validation`, issue `Idempotency-Key`, code `idempotency_key_reused`): nothing was done',
  429: 'Too many requests from this client (`rate-limited`), or a poll\'s limit of new participants from its network address is reached (`address-limit`): wait `retryAfter` seconds (also in the Retry-After header)',
};

const schema = (s: z.ZodMiniType, io: 'input' | 'output'): Json => {
  const { $schema: _, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // A schema refined with .check() is a clone whose parent is the oneOf schema.
      const values = enumValues.get(zodSchema) ?? enumValues.get((zodSchema._zod as { parent?: object }).parent ?? {});
      if (values) jsonSchema.enum = [...values];
    },
  }) as Json;
  return rest;
};

function operation(o: Operation): Json {
  const parameters: Json[] = [];
  if (o.params) {
    const props = (schema(o.params, 'input').properties ?? {}) as Record<string, Json>;
    for (const [name, s] of Object.entries(props)) parameters.push({ name, in: 'path', required: true, schema: s });
  }
  if (o.query) {
    const q = schema(o.query, 'input');
    const required = new Set((q.required ?? []) as string[]);
    for (const [name, s] of Object.entries((q.properties ?? {}) as Record<string, Json>)) parameters.push({ name, in: 'query', required: required.has(name), schema: s });
  }
  if (o.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'One key per submission, reused on every retry: a replay answers the first result; the same key with a different request (method or body) is refused with 422.',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    });
  }
  const content =
    o.produces === 'text/event-stream'
      ? { 'text/event-stream': { schema: { type: 'string', description: 'Each `data:` line is a JSON document:', contentSchema: o.response ? schema(o.response, 'output') : {} } } }
      : o.produces === 'text/csv'
        ? { 'text/csv': { schema: { type: 'string' } } }
        : { 'application/json': { schema: o.response ? schema(o.response, 'output') : {} } };
  const responses: Json = { [o.status]: { description: o.summary, content } };
  for (const status of o.body ? [...o.errors, 415] : o.errors) {
    responses[status] = { description: reasons[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  }
  responses['500'] = { description: 'Unexpected server error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } };
  return {
    operationId: o.id,
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    tags: o.tags,
    ...(parameters.length ? { parameters } : {}),
    ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(o.body, 'input') } } } } : {}),
    responses,
    // Who may call it: the least role (x-civic-role), through a session cookie or the bearer token.
    ...(o.role ? { 'x-civic-role': o.role, security: [{ session: [] }, { token: [] }] } : {}),
  };
}

/** The document served at /openapi.json (and written to dist/openapi.json by the build). */
export function openApiDocument(options: { version?: string; serverUrl?: string } = {}): Json {
  const paths: Record<string, Json> = {};
  for (const o of operations) (paths[o.path] ??= {})[o.method.toLowerCase()] = operation(o);
  return {
    openapi: '3.1.0',
    info: {
      title: 'civic-widgets REST API',
      version: options.version ?? packageVersion(),
      description: 'The contract the civic-widgets elements speak (RestBackend). Errors are `{ error: { kind, message, issues?, retryAfter? } }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.serverUrl ?? '/api' }],
    tags: [
      { name: 'petitions', description: 'Petitions, signatures and their live count' },
      { name: 'comments', description: 'Comment threads, replies, likes, reports, mentions and their live events' },
      { name: 'comparisons', description: 'Position comparisons and readers’ opt-in anonymous answers' },
      { name: 'accounts', description: 'The console: signing in by mailed link or passkey, sessions, passkeys' },
      {
        name: 'admin',
        description:
          'Organisers, through a console session (cookie) or the bearer token (CIVIC_ADMIN_TOKEN, acting as an owner). Each operation names the least role that may call it in `x-civic-role`: `owner` (everything), `editor` (petitions, threads, polls, comparisons, exports), `moderator` (queues, closing threads, blocks), `signed-in` (any account). With a cookie, a write must come from the server\u2019s own origin (`Origin`), else 403.',
      },
    ],
    paths,
    components: {
      schemas: { ApiError: schema(ApiError, 'output') },
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'CIVIC_ADMIN_TOKEN: acts as an owner, audited as `token`' },
        session: { type: 'apiKey', in: 'cookie', name: 'civic_session', description: 'A console session (`__Host-civic_session` over https); writes need the server\u2019s own Origin' },
      },
    },
  };
}
