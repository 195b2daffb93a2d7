/** Accounts in server tests: made by the admin token, signed in by the link mailed to them. */
import assert from 'node:assert/strict';
import type { Role } from '../../../src/api/accounts.js';
import { admin, uniqueEmail, type Answer, type TestServer } from '../helpers.js';

export interface SignedIn {
  email: string;
  accountId: string;
  /** The Cookie header of the session. */
  cookie: string;
  /** Headers of a write from the console's own page: the cookie and the server's Origin. */
  own: Record<string, string>;
}

/** The sign-in token in the last mail to `to`. */
export function linkToken(s: TestServer, to: string): string {
  const m = s.outbox!.last(to);
  assert.ok(m, `a sign-in mail to ${to}`);
  const found = /\/admin\/sign-in\?token=([\w%-]+)/.exec(m.text);
  assert.ok(found?.[1], m.text);
  return decodeURIComponent(found[1]);
}

/** The `name=value` of the Set-Cookie header (the session's cookie). */
export function cookieOf(r: Answer): string {
  const set = r.headers.get('set-cookie');
  assert.ok(set, 'a Set-Cookie header');
  return set.split(';')[0]!;
}

/** Creates an account (through the admin token) with `role`. */
export async function createAccount(s: TestServer, role: Role, email = uniqueEmail(role)): Promise<{ email: string; accountId: string }> {
  const r = await s.call('POST', '/api/admin/accounts', { email, role }, admin);
  assert.equal(r.status, 201, r.text);
  const a = (r.json.items as { id: string; email: string }[]).find((x) => x.email === email);
  assert.ok(a);
  return { email, accountId: a.id };
}

/** Signs an account in by its mailed link; its session's cookie. */
export async function signIn(s: TestServer, email: string): Promise<string> {
  const asked = await s.call('POST', '/api/auth/sign-in', { email, locale: 'en' });
  assert.equal(asked.status, 202, asked.text);
  const r = await s.call('POST', '/api/auth/sign-in/link', { token: linkToken(s, email) }, { origin: s.url });
  assert.equal(r.status, 200, r.text);
  return cookieOf(r);
}

/** A new account of `role`, signed in. */
export async function signedIn(s: TestServer, role: Role): Promise<SignedIn> {
  const { email, accountId } = await createAccount(s, role);
  const cookie = await signIn(s, email);
  return { email, accountId, cookie, own: { cookie, origin: s.url } };
}
