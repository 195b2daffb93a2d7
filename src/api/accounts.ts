/**
 * The organisers' accounts: who may use the console, how they sign in (a mailed link, a passkey),
 * their sessions, and the audit log of what they did. Only the console and the server use these
 * schemas; no widget's file carries them.
 *
 * - Roles: `owner` may do everything, accounts included; `editor` creates and edits petitions,
 *   threads, polls and comparisons and exports them; `moderator` works the moderation queues, closes
 *   threads and blocks authors. An owner holds both other roles; an editor and a moderator hold
 *   neither's. The bearer token of the server (CIVIC_ADMIN_TOKEN) acts as an owner.
 * - Sessions live in an HttpOnly cookie; the API never answers a session's secret, only its id.
 * - The audit log names people by id only: an organiser by their account's id, a signer or a
 *   commenter by the item's id, never by an email.
 */
import * as z from 'zod/mini';
import { Count, Email, Id, Timestamp, line, oneOf, optionalText, page } from './common.js';

/** The roles an account can hold. */
export const ROLES = ['owner', 'editor', 'moderator'] as const;
export type Role = (typeof ROLES)[number];
/** A role as people choose it (checked). */
export const RoleInput = /* @__PURE__ */ z.enum(ROLES);
/** A role as the server writes it. */
export const Role = /* @__PURE__ */ oneOf(ROLES);

/** An organiser's account. */
export const Account = /* @__PURE__ */ z.object({
  id: Id,
  email: z.string(),
  /** How the console greets them and lists them (may be empty). */
  name: z.string(),
  role: Role,
  createdAt: Timestamp,
  lastSignInAt: z.nullable(Timestamp),
  passkeyCount: Count,
});
export type Account = z.infer<typeof Account>;

/** Owner: add an account. With `invite`, a sign-in link is mailed to it at once. */
export const AccountCreate = /* @__PURE__ */ z.strictObject({
  email: Email,
  name: optionalText(100),
  role: RoleInput,
  invite: z.optional(z.boolean()),
  /** The language of the invitation mail (default `fr`). */
  locale: z.optional(/* @__PURE__ */ z.enum(['fr', 'en'])),
});
export type AccountCreate = z.infer<typeof AccountCreate>;
/** Owner: change an account's name or role (the last owner cannot stop being one). */
export const AccountUpdate = /* @__PURE__ */ z.strictObject({ name: optionalText(100), role: z.optional(RoleInput) });
export type AccountUpdate = z.infer<typeof AccountUpdate>;
export const AccountList = /* @__PURE__ */ z.object({ items: z.array(Account) });

/** Ask for a sign-in link by mail. The answer is the same whether or not the email has an account. */
export const SignInRequest = /* @__PURE__ */ z.object({
  email: Email,
  /** The language of the mail (default `fr`). */
  locale: z.optional(/* @__PURE__ */ z.enum(['fr', 'en'])),
});
export const SignInSent = /* @__PURE__ */ z.object({ status: oneOf(['sent']) });

/** A signed-in browser, as its owner sees it in the list of their sessions. */
export const Session = /* @__PURE__ */ z.object({
  id: Id,
  /** The session of the request that asked. */
  current: z.boolean(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  /** When it ends unless used before: 12 hours after its last use, at most 30 days after sign-in. */
  expiresAt: Timestamp,
  /** The browser it was opened in, as its User-Agent says (shortened). */
  userAgent: z.string(),
  /** How it signed in. */
  method: oneOf(['link', 'passkey', 'demo']),
});
export type Session = z.infer<typeof Session>;
export const SessionList = /* @__PURE__ */ z.object({ items: z.array(Session) });

/** Who is asking: a signed-in account (with its session), or the server's bearer token (an owner). */
export const Me = /* @__PURE__ */ z.object({
  via: oneOf(['session', 'token']),
  role: Role,
  account: z.nullable(Account),
  session: z.nullable(Session),
});
export type Me = z.infer<typeof Me>;

/** A passkey registered to an account. */
export const Passkey = /* @__PURE__ */ z.object({
  id: Id,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: z.nullable(Timestamp),
});
export type Passkey = z.infer<typeof Passkey>;
export const PasskeyList = /* @__PURE__ */ z.object({ items: z.array(Passkey) });

/**
 * WebAuthn options for the browser (`navigator.credentials.create` or `.get`), in the JSON form of
 * the WebAuthn Level 3 spec (`PublicKeyCredentialCreationOptionsJSON`, `…RequestOptionsJSON`).
 */
export const PasskeyOptions = /* @__PURE__ */ z.looseObject({ challenge: z.string() });
export type PasskeyOptions = z.infer<typeof PasskeyOptions>;

const b64url = /* @__PURE__ */ z.string().check(z.maxLength(16_384), z.regex(/^[\w-]*={0,2}$/));
/** What the browser made of those options (`PublicKeyCredential.toJSON()`), checked by the server. */
export const PasskeyCredential = /* @__PURE__ */ z.looseObject({
  id: b64url,
  rawId: b64url,
  type: /* @__PURE__ */ z.literal('public-key'),
  response: /* @__PURE__ */ z.looseObject({ clientDataJSON: b64url }),
});
export type PasskeyCredential = z.infer<typeof PasskeyCredential>;
/** Register a passkey for the signed-in account. */
export const PasskeyCreate = /* @__PURE__ */ z.object({ name: optionalText(100), credential: PasskeyCredential });
/** Sign in with a passkey. */
export const PasskeySignIn = /* @__PURE__ */ z.object({ credential: PasskeyCredential });

/** Who did something: an account (by id), the bearer token, the command line, or the server itself. */
export const AuditActor = /* @__PURE__ */ z.object({
  kind: oneOf(['account', 'token', 'cli', 'system']),
  /** The account's id (kind `account`), else null. */
  id: z.nullable(Id),
  role: z.nullable(Role),
});
/**
 * One entry of the audit log: who did what (the operation's id, e.g. `updatePetition`), when, to
 * which item (its kind and id), and the change (the fields sent, personal data left out).
 */
export const AuditEntry = /* @__PURE__ */ z.object({
  id: Id,
  at: Timestamp,
  actor: AuditActor,
  action: z.string(),
  item: z.object({ type: z.string(), id: z.nullable(z.string()) }),
  change: z.nullable(z.record(z.string(), z.unknown())),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = /* @__PURE__ */ page(AuditEntry);

const slugish = /* @__PURE__ */ z.string().check(z.regex(/^[\w-]{1,100}$/, 'letters, digits, - and _'));
const date = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}-\d\d-\d\d(T[\d:.]+(Z|[+-]\d\d:\d\d))?$/, 'a date (YYYY-MM-DD) or a date-time'));
/** The filters of the audit log (and of its CSV): each optional, all applied together. */
export const AuditQuery = /* @__PURE__ */ z.object({
  /** `token`, `cli`, `system`, or an account's id. */
  actor: z.optional(slugish),
  /** An operation's id (`updatePetition`). */
  action: z.optional(slugish),
  /** The kind of item (`petition`, `comment`, `account`…). */
  itemType: z.optional(slugish),
  /** An item's id: the entries about it and about the items under it (a petition's signatures, `<petition>/<signature>`). */
  itemId: z.optional(line(200)),
  /** From this day (or instant) on, included. */
  from: z.optional(date),
  /** Up to this day (included) or instant (excluded). */
  to: z.optional(date),
  cursor: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^\d{1,18}$/, 'a cursor from nextCursor'))),
  limit: z.optional(/* @__PURE__ */ z.string().check(z.regex(/^([1-9]\d?|100)$/, 'a whole number from 1 to 100'))),
});

export type AuditQuery = z.infer<typeof AuditQuery>;
