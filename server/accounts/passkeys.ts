/**
 * Passkeys (WebAuthn, through @simplewebauthn/server): a signed-in account adds one; anyone may then
 * sign in with it, the browser offering the passkeys it holds for this site (discoverable
 * credentials, no email typed). Each challenge is stored, valid 5 minutes and taken once, so that
 * any process of the server can check the answer.
 *
 * The relying party is this server's host: PUBLIC_URL's, else the request's when it is this machine
 * (`localhost`, for development); the origin the browser reports must match it.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Context } from 'hono';
import type { PasskeyCredential, PasskeyOptions } from '../../src/api/accounts.js';
import { ApiFailure } from '../http.js';
import type { Accounts } from './sessions.js';
import * as sql from './sql.js';

/** The WebAuthn library, loaded with the first passkey request (it weighs about 20 MB of a server's memory). */
const webauthn = () => import('@simplewebauthn/server');

const CHALLENGE_MS = 5 * 60_000;

/** The relying party's id and origin for this request; 409 where there is none (no PUBLIC_URL, not this machine). */
export function relyingParty(c: Context, publicUrl: string | undefined): { rpID: string; origin: string } {
  const u = new URL(publicUrl ?? c.req.url);
  if (!publicUrl && u.hostname !== 'localhost') {
    throw new ApiFailure(409, 'conflict', 'passkeys need PUBLIC_URL (or the console opened at http://localhost)', {
      issues: [{ path: 'origin', code: 'no_relying_party', message: 'set PUBLIC_URL to use passkeys' }],
    });
  }
  return { rpID: u.hostname, origin: u.origin };
}

const refused = (message: string) => new ApiFailure(400, 'validation', message, { issues: [{ path: 'credential', code: 'invalid_credential', message }] });

/** What a passkey's verification throws is the client's doing: a 400 naming `credential`. */
const verified = async <T>(work: Promise<T>): Promise<T> => {
  try {
    return await work;
  } catch (e) {
    if (e instanceof ApiFailure) throw e;
    throw refused(`the passkey was not accepted: ${e instanceof Error ? e.message : String(e)}`);
  }
};

export async function registrationOptions(a: Accounts, c: Context, accountId: string): Promise<PasskeyOptions> {
  const { rpID } = relyingParty(c, a.publicUrl);
  const account = await sql.getAccount(a.db, accountId);
  if (!account) throw new ApiFailure(404, 'not-found', 'no such account');
  const existing = await sql.passkeysOf(a.db, accountId);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: 'civic-widgets',
    rpID,
    userName: account.email,
    userDisplayName: account.name || account.email,
    userID: new TextEncoder().encode(`civic-account-${accountId}`),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.credential_id, transports: transportsOf(k.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await sql.insertChallenge(a.db, options.challenge, 'register', accountId, a.now() + CHALLENGE_MS);
  return options as unknown as PasskeyOptions;
}

/**
 * What a verification expects: a challenge this server issued for `purpose` (taken, so it serves once),
 * this origin and relying party.
 */
function expected(a: Accounts, c: Context, purpose: 'register' | 'sign-in', accountId: string | null) {
  const { rpID, origin } = relyingParty(c, a.publicUrl);
  return {
    expectedChallenge: (challenge: string) => sql.takeChallenge(a.db, challenge, purpose, accountId, a.now()),
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  };
}

/** The transports stored comma-separated. */
const transportsOf = (stored: string | null) => (stored ? stored.split(',') : []);

/** Verifies the browser's answer and stores the passkey; false when it was registered already. */
export async function register(a: Accounts, c: Context, accountId: string, credential: PasskeyCredential, name: string): Promise<boolean> {
  const v = await verified(
    (await webauthn()).verifyRegistrationResponse({ response: credential as unknown as RegistrationResponseJSON, ...expected(a, c, 'register', accountId) }),
  );
  if (!v.verified) throw refused('the passkey was not accepted');
  const k = v.registrationInfo.credential;
  return sql.insertPasskey(a.db, {
    accountId,
    credentialId: k.id,
    publicKey: Buffer.from(k.publicKey).toString('base64url'),
    counter: k.counter,
    transports: (k.transports ?? []).join(','),
    name: name || 'Passkey',
    at: a.now(),
  });
}

export async function signInOptions(a: Accounts, c: Context): Promise<PasskeyOptions> {
  const { rpID } = relyingParty(c, a.publicUrl);
  const options = await (await webauthn()).generateAuthenticationOptions({ rpID, userVerification: 'preferred', allowCredentials: [] });
  await sql.insertChallenge(a.db, options.challenge, 'sign-in', null, a.now() + CHALLENGE_MS);
  return options as unknown as PasskeyOptions;
}

/** Verifies a sign-in with a passkey: its account. */
export async function authenticate(a: Accounts, c: Context, credential: PasskeyCredential): Promise<string> {
  const k = await sql.passkeyByCredential(a.db, credential.id);
  if (!k) throw new ApiFailure(404, 'not-found', 'this passkey is not registered here', { issues: [{ path: 'credential.id', code: 'not_found', message: 'unknown passkey' }] });
  const v = await verified(
    (await webauthn()).verifyAuthenticationResponse({
      response: credential as unknown as AuthenticationResponseJSON,
      credential: { id: k.credential_id, publicKey: Buffer.from(k.public_key, 'base64url'), counter: Number(k.counter), transports: transportsOf(k.transports) },
      ...expected(a, c, 'sign-in', null),
    }),
  );
  if (!v.verified) throw refused('the passkey was not accepted');
  await sql.usedPasskey(a.db, k.id, v.authenticationInfo.newCounter, a.now());
  return k.account_id;
}

/** A name a person gave, else one made from the browser's. */
export const passkeyName = (given: string | undefined, userAgent: string | undefined): string => {
  if (given) return given;
  const ua = userAgent ?? '';
  const browser = /Firefox/.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrom/.test(ua) ? 'Chrome' : /Safari/.test(ua) ? 'Safari' : 'Passkey';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Linux/.test(ua) ? 'Linux' : '';
  return os ? `${browser} (${os})` : browser;
};

