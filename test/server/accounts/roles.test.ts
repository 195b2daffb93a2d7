/**
 * Every organiser's operation of the route table called as nobody and as each role: the Router
 * lets in exactly the roles the table names (owner ⊃ editor, owner ⊃ moderator; editor and
 * moderator apart), and the bearer token as an owner.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Role } from '../../../src/api/accounts.js';
import type { Operation } from '../../../src/api/operation.js';
import { operations } from '../../../src/api/routes.js';
import { admin, serverSuites } from '../helpers.js';
import { signedIn } from './helpers.js';

/** What the issue asks of roles, written out here rather than taken from the server. */
const mayCall = (role: Role, need: NonNullable<Operation['role']>) => need === 'signed-in' || role === 'owner' || role === need;

/** Calls the operation on an item that does not exist (nothing changes), with an empty body. */
const path = (o: Operation) => `/api${o.path.replace(/\{\w+\}/g, '999999')}`;

await serverSuites('roles from the route table', {}, (s) => {
  // Signing out ends the session: last.
  const guarded = operations.filter((o) => o.role).sort((a, b) => Number(a.id === 'signOut') - Number(b.id === 'signOut'));

  it('the table names a role for every organiser\u2019s route and for no reader\u2019s', () => {
    for (const o of operations) assert.equal(!!o.role, o.path.startsWith('/admin/') || (o.path.startsWith('/auth/') && !/sign-in|passkey$|passkey\/options/.test(o.path)), o.id);
    assert.ok(guarded.length >= 40, `${guarded.length} operations`);
  });

  it('as nobody: 401 on every organiser\u2019s route', async () => {
    for (const o of guarded) {
      const r = await s.call(o.method, path(o), o.body ? {} : undefined, { origin: s.url });
      assert.equal(r.status, 401, `${o.id}: ${r.text}`);
    }
  });

  for (const role of ['owner', 'editor', 'moderator'] as const) {
    it(`as ${role}: in where the table allows, 403 elsewhere`, async () => {
      const a = await signedIn(s, role);
      const denied: string[] = [];
      for (const o of guarded) {
        const r = await s.call(o.method, path(o), o.body ? {} : undefined, a.own);
        const allowed = mayCall(role, o.role!);
        if (allowed) assert.ok(r.status !== 401 && r.status !== 403 && r.status < 500, `${role} may call ${o.id}: ${r.status} ${r.text}`);
        else {
          assert.equal(r.status, 403, `${role} may not call ${o.id}: ${r.text}`);
          assert.equal(r.json.error.kind, 'forbidden');
          denied.push(o.id);
        }
      }
      if (role === 'owner') assert.deepEqual(denied, []);
      if (role === 'editor') for (const id of ['commentQueue', 'approveComment', 'createBlock', 'listAccounts', 'auditLog']) assert.ok(denied.includes(id), id);
      if (role === 'moderator') for (const id of ['createPetition', 'updatePetition', 'createThread', 'listSigners', 'createAccount']) assert.ok(denied.includes(id), id);
    });
  }

  it('the bearer token calls every organiser\u2019s route as an owner', async () => {
    for (const o of guarded) {
      const r = await s.call(o.method, path(o), o.body ? {} : undefined, admin);
      assert.ok(r.status !== 401 && r.status !== 403 && r.status < 500, `${o.id}: ${r.status} ${r.text}`);
    }
  });
});
