/**
 * The accounts resource over HTTP: signing in (a mailed link, a passkey), the signed-in account's
 * sessions and passkeys, signing out, the owners' accounts and audit log. The role checks and the
 * audit entries of writes are the Router's (server/auth.ts); these routes add the limits on asking
 * for links and the check that a sign-in comes from this server's own pages.
 */
import type { Context } from 'hono';
import type { Me } from '../../src/api/accounts.js';
import { routes } from '../../src/api/routes.js';
import { normaliseEmail } from '../../src/domain/people.js';
import { Accounts, LINK_MS } from './sessions.js';
import { clearSession, sameOrigin, type Principal } from '../auth.js';
import { linkBase, mailLater, type ServerContext } from '../context.js';
import { ApiFailure, conflict, notFound, RateLimiter, rateLimited, type RateLimitOptions } from '../http.js';
import type { Router } from '../routing.js';
import { auditRoutes } from './audit.js';
import { signInMail } from './mail.js';
import { accountPages } from './pages.js';
import * as passkeys from './passkeys.js';
import * as sql from './sql.js';

export interface SignInLimits {
  /** Requests for a link per client address (default: 10, then one a minute). */
  perAddress: RateLimitOptions;
  /** Links mailed per email (default: 3, then one every 5 minutes); past it the answer is the same, and nothing is mailed. */
  perEmail: RateLimitOptions;
}

export const defaultSignInLimits: SignInLimits = {
  perAddress: { capacity: 10, refillPerSecond: 1 / 60 },
  perEmail: { capacity: 3, refillPerSecond: 1 / 300 },
};

export interface AccountOptions {
  limits?: SignInLimits | undefined;
  /** The demo's owner may sign in from this machine at /dev/sign-in. */
  demoOwner?: string | undefined;
}

const noAccount = () => new ApiFailure(409, 'conflict', 'the admin token has no account: sign in to the console');

/** Refuses a sign-in posted from another site's page (a browser always sends Origin with a POST). */
const ownPage = (c: Context, publicUrl: string | undefined) => {
  if (c.req.header('origin') !== undefined && !sameOrigin(c, publicUrl)) throw new ApiFailure(403, 'forbidden', 'sign in from this server\u2019s own pages');
};

export function accountRoutes(router: Router, ctx: ServerContext, accounts: Accounts, options: AccountOptions = {}): void {
  const { db, publicUrl } = { db: accounts.db, publicUrl: accounts.publicUrl };
  const limits = options.limits ?? defaultSignInLimits;
  const perAddress = new RateLimiter(limits.perAddress);
  const perEmail = new RateLimiter(limits.perEmail);
  const sweep = setInterval(() => ctx.background(accounts.sweep()), 3600_000);
  sweep.unref();
  ctx.onClose(() => {
    perAddress.close();
    perEmail.close();
    clearInterval(sweep);
  });

  const account = (p: Principal) => {
    if (p.kind !== 'account') throw noAccount();
    return p;
  };

  /** Who is asking, as `me` answers it. */
  const whoIs = async (p: Principal): Promise<Me> => {
    if (p.kind === 'token') return { via: 'token', role: 'owner', account: null, session: null };
    const a = await sql.getAccount(db, p.accountId);
    const { idleAfter, createdAfter } = accounts.bounds();
    const s = (await sql.accountSessions(db, p.accountId, idleAfter, createdAfter)).find((r) => r.id === p.sessionId);
    if (!a || !s) throw new ApiFailure(401, 'unauthorized', 'this session has ended');
    return { via: 'session', role: a.role, account: a, session: sql.toSession(s, p.sessionId, Accounts.expiresAt(s)) };
  };

  /** Opens a session for the account (sets the cookie) and answers who it is. */
  const signIn = async (c: Context, accountId: string, method: 'link' | 'passkey' | 'demo'): Promise<Me> => {
    const sessionId = await accounts.open(c, accountId, method);
    const a = await sql.getAccount(db, accountId);
    await accounts.record({ actor: { kind: 'account', role: a!.role, accountId, sessionId }, action: 'signIn', item: { type: 'session', id: sessionId }, change: { method } });
    return whoIs({ kind: 'account', role: a!.role, accountId, sessionId });
  };

  router.on(routes.requestSignIn, async ({ body, ip }, c) => {
    const now = ctx.now();
    const wait = await perAddress.take(ip, now);
    if (wait) throw rateLimited(wait);
    // The same answer whether the email has an account, and whether its limit is reached.
    if (await perEmail.take(`email ${normaliseEmail(body.email)}`, now)) return { status: 'sent' as const };
    const accountId = await accounts.accountOf(body.email);
    if (accountId) {
      const token = await accounts.link(accountId);
      mailLater(ctx, `sign-in mail to account ${accountId}`, signInMail(body.email, token, linkBase(ctx, c.req.url), body.locale ?? 'fr', LINK_MS / 60_000));
    }
    return { status: 'sent' as const };
  });

  router.on(routes.signInWithLink, async ({ body }, c) => {
    ownPage(c, publicUrl);
    const accountId = await accounts.useLink(body.token);
    if (!accountId) throw new ApiFailure(404, 'not-found', 'this sign-in link is unknown, used or expired: ask for another', { issues: [{ path: 'token', code: 'expired', message: 'unknown, used or expired' }] });
    return signIn(c, accountId, 'link');
  });

  router.on(routes.passkeySignInOptions, async (_input, c) => {
    ownPage(c, publicUrl);
    return passkeys.signInOptions(accounts, c);
  });

  router.on(routes.signInWithPasskey, async ({ body }, c) => {
    ownPage(c, publicUrl);
    return signIn(c, await passkeys.authenticate(accounts, c, body.credential), 'passkey');
  });

  router.on(routes.me, ({ principal }) => whoIs(principal));

  router.on(routes.signOut, async ({ principal }, c) => {
    if (principal.kind === 'account') await sql.deleteSession(db, principal.sessionId, principal.accountId);
    clearSession(c, publicUrl);
    return { status: 'signed-out' as const };
  });

  const sessions = async (p: Principal) => {
    if (p.kind !== 'account') return { items: [] };
    const { idleAfter, createdAfter } = accounts.bounds();
    return { items: (await sql.accountSessions(db, p.accountId, idleAfter, createdAfter)).map((r) => sql.toSession(r, p.sessionId, Accounts.expiresAt(r))) };
  };
  router.on(routes.listSessions, ({ principal }) => sessions(principal));
  router.on(routes.revokeSession, async ({ principal, params }, c) => {
    const p = account(principal);
    if (!(await sql.deleteSession(db, params.id, p.accountId))) throw notFound(`no session ${params.id}`);
    if (params.id === p.sessionId) clearSession(c, publicUrl);
    return sessions(p);
  });

  const keys = async (accountId: string) => ({ items: (await sql.passkeysOf(db, accountId)).map(sql.toPasskey) });
  router.on(routes.listPasskeys, async ({ principal }) => (principal.kind === 'account' ? keys(principal.accountId) : { items: [] }));
  router.on(routes.passkeyRegistrationOptions, ({ principal }, c) => passkeys.registrationOptions(accounts, c, account(principal).accountId));
  router.on(routes.addPasskey, async ({ principal, body }, c) => {
    const { accountId } = account(principal);
    const name = passkeys.passkeyName(body.name, c.req.header('user-agent'));
    if (!(await passkeys.register(accounts, c, accountId, body.credential, name))) throw conflict('credential', 'this passkey is registered already');
    return keys(accountId);
  });
  router.on(routes.deletePasskey, async ({ principal, params }) => {
    const { accountId } = account(principal);
    if (!(await sql.deletePasskey(db, params.id, accountId))) throw notFound(`no passkey ${params.id}`);
    return keys(accountId);
  });

  const list = async () => ({ items: await sql.listAccounts(db) });
  router.on(routes.listAccounts, list);
  router.on(routes.createAccount, async ({ body, audit }, c) => {
    const id = await sql.insertAccount(db, { email: body.email, emailNorm: normaliseEmail(body.email), name: body.name ?? '', role: body.role, at: ctx.now() });
    if (!id) throw conflict('email', 'an account has this email already');
    audit.id = id;
    if (body.invite) {
      const token = await accounts.link(id);
      mailLater(ctx, `invitation to account ${id}`, signInMail(body.email, token, linkBase(ctx, c.req.url), body.locale ?? 'fr', LINK_MS / 60_000));
    }
    return list();
  });

  /** A change that must leave an owner: checked with the owners locked. */
  const keepingAnOwner = (id: string, losesOwner: boolean, write: (tx: typeof db) => Promise<boolean>) =>
    db.transaction(async (tx) => {
      const owners = await sql.lockOwners(tx);
      if (losesOwner && owners.length === 1 && owners[0] === id) throw conflict('role', 'this is the last owner: make another account an owner first');
      if (!(await write(tx as typeof db))) throw notFound(`no account ${id}`);
    });

  router.on(routes.updateAccount, async ({ params, body }) => {
    await keepingAnOwner(params.id, body.role !== undefined && body.role !== 'owner', (tx) => sql.updateAccount(tx, params.id, body));
    return list();
  });
  router.on(routes.deleteAccount, async ({ params }) => {
    await keepingAnOwner(params.id, true, (tx) => sql.deleteAccount(tx, params.id));
    return list();
  });

  auditRoutes(router, db);
  accountPages(router.app, ctx, accounts, { demoOwner: options.demoOwner, signIn });
}
