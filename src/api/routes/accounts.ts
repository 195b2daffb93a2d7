/**
 * The console's accounts: signing in (a mailed link, a passkey), the signed-in account's own
 * sessions and passkeys, signing out; for owners, the accounts and the audit log. Signing in answers
 * `Me` and sets the session cookie (`civic_session`; `__Host-civic_session` over https).
 */
import * as z from 'zod/mini';
import {
  AccountCreate, AccountList, AccountUpdate, AuditPage, AuditQuery, Me, PasskeyCreate, PasskeyList, PasskeyOptions,
  PasskeySignIn, SessionList, SignInRequest, SignInSent,
} from '../accounts.js';
import { TokenInput } from '../common.js';
import { NumericParams, type Operation } from '../operation.js';

const SignedOut = z.object({ status: z.literal('signed-out') });

export const requestSignIn = { id: 'requestSignIn', method: 'POST', path: '/auth/sign-in', body: SignInRequest, response: SignInSent,
  tags: ['accounts'], summary: 'Mail a sign-in link (valid 15 minutes, once) to an account\u2019s email; the same answer for an email without an account', status: 202, errors: [400, 413, 429] } as const satisfies Operation;

export const signInWithLink = { id: 'signInWithLink', method: 'POST', path: '/auth/sign-in/link', body: TokenInput, response: Me,
  tags: ['accounts'], summary: 'Sign in with the token of a mailed link (once): sets the session cookie', status: 200, errors: [400, 403, 404, 413, 429] } as const satisfies Operation;

export const passkeySignInOptions = { id: 'passkeySignInOptions', method: 'POST', path: '/auth/passkey/options', response: PasskeyOptions,
  tags: ['accounts'], summary: 'WebAuthn options to sign in with a passkey (a challenge valid 5 minutes, once)', status: 200, errors: [403, 429] } as const satisfies Operation;

export const signInWithPasskey = { id: 'signInWithPasskey', method: 'POST', path: '/auth/passkey', body: PasskeySignIn, response: Me,
  tags: ['accounts'], summary: 'Sign in with a passkey (the browser\u2019s answer to the options): sets the session cookie', status: 200, errors: [400, 403, 404, 413, 429] } as const satisfies Operation;

export const me = { id: 'me', method: 'GET', path: '/auth/me', response: Me,
  tags: ['accounts'], summary: 'Who is signed in: the account, its role and this session (or the bearer token, an owner)', status: 200, errors: [401], role: 'signed-in' } as const satisfies Operation;

export const signOut = { id: 'signOut', method: 'POST', path: '/auth/sign-out', response: SignedOut,
  tags: ['accounts'], summary: 'End this session and clear its cookie', status: 200, errors: [401, 403], role: 'signed-in' } as const satisfies Operation;

export const listSessions = { id: 'listSessions', method: 'GET', path: '/auth/sessions', response: SessionList,
  tags: ['accounts'], summary: 'The signed-in account\u2019s open sessions, last used first', status: 200, errors: [401], role: 'signed-in' } as const satisfies Operation;

export const revokeSession = { id: 'revokeSession', method: 'DELETE', path: '/auth/sessions/{id}', params: NumericParams, response: SessionList,
  tags: ['accounts'], summary: 'End one of the signed-in account\u2019s sessions (another browser, or this one)', status: 200, errors: [400, 401, 403, 404], role: 'signed-in' } as const satisfies Operation;

export const listPasskeys = { id: 'listPasskeys', method: 'GET', path: '/auth/passkeys', response: PasskeyList,
  tags: ['accounts'], summary: 'The signed-in account\u2019s passkeys', status: 200, errors: [401], role: 'signed-in' } as const satisfies Operation;

export const passkeyRegistrationOptions = { id: 'passkeyRegistrationOptions', method: 'POST', path: '/auth/passkeys/options', response: PasskeyOptions,
  tags: ['accounts'], summary: 'WebAuthn options to add a passkey to the signed-in account (a challenge valid 5 minutes, once)', status: 200, errors: [401, 403, 409], role: 'signed-in' } as const satisfies Operation;

export const addPasskey = { id: 'addPasskey', method: 'POST', path: '/auth/passkeys', body: PasskeyCreate, response: PasskeyList,
  tags: ['accounts'], summary: 'Add a passkey (the browser\u2019s answer to the options) to the signed-in account', status: 201, errors: [400, 401, 403, 409, 413], role: 'signed-in' } as const satisfies Operation;

export const deletePasskey = { id: 'deletePasskey', method: 'DELETE', path: '/auth/passkeys/{id}', params: NumericParams, response: PasskeyList,
  tags: ['accounts'], summary: 'Remove one of the signed-in account\u2019s passkeys', status: 200, errors: [400, 401, 403, 404], role: 'signed-in' } as const satisfies Operation;

export const listAccounts = { id: 'listAccounts', method: 'GET', path: '/admin/accounts', response: AccountList,
  tags: ['admin'], summary: 'Every account, by email', status: 200, errors: [401, 403], role: 'owner' } as const satisfies Operation;

export const createAccount = { id: 'createAccount', method: 'POST', path: '/admin/accounts', body: AccountCreate, response: AccountList,
  tags: ['admin'], summary: 'Add an account with a role; with `invite`, mail it a sign-in link', status: 201, errors: [400, 401, 403, 409, 413], role: 'owner' } as const satisfies Operation;

export const updateAccount = { id: 'updateAccount', method: 'PATCH', path: '/admin/accounts/{id}', params: NumericParams, body: AccountUpdate, response: AccountList,
  tags: ['admin'], summary: 'Change an account\u2019s name or role (there is always an owner left)', status: 200, errors: [400, 401, 403, 404, 409, 413], role: 'owner' } as const satisfies Operation;

export const deleteAccount = { id: 'deleteAccount', method: 'DELETE', path: '/admin/accounts/{id}', params: NumericParams, response: AccountList,
  tags: ['admin'], summary: 'Remove an account: its sessions and passkeys end (there is always an owner left)', status: 200, errors: [400, 401, 403, 404, 409], role: 'owner' } as const satisfies Operation;

export const auditLog = { id: 'auditLog', method: 'GET', path: '/admin/audit', query: AuditQuery, response: AuditPage,
  tags: ['admin'], summary: 'The audit log, newest first: who did what, when, to which item, with the change', status: 200, errors: [400, 401, 403], role: 'owner' } as const satisfies Operation;

export const auditCsv = { id: 'auditCsv', method: 'GET', path: '/admin/audit.csv', query: AuditQuery,
  tags: ['admin'], summary: 'The audit log with the same filters, as CSV (UTF-8 with BOM, header row)', produces: 'text/csv', status: 200, errors: [400, 401, 403], role: 'owner' } as const satisfies Operation;

/** The accounts' operations, in the order of the OpenAPI document (routes.ts merges them). */
export const accountOperations = {
  requestSignIn, signInWithLink, passkeySignInOptions, signInWithPasskey, me, signOut, listSessions, revokeSession, listPasskeys,
  passkeyRegistrationOptions, addPasskey, deletePasskey, listAccounts, createAccount, updateAccount, deleteAccount, auditLog, auditCsv,
};
