/** Shared by the poll suites. */
import { randomBytes } from 'node:crypto';
import { admin, type TestServer } from './helpers.js';

export const participantToken = () => randomBytes(16).toString('hex');

/** Creates a poll through the admin route; its id. */
export async function createPoll(s: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const id = `poll-${randomBytes(5).toString('hex')}`;
  const r = await s.call(
    'POST',
    '/api/admin/polls',
    { id, kind: 'quick', title: 'Le Québec devrait-il se doter d’un ministère du Numérique ?', voteKind: 'single', options: [{ id: 'oui', label: 'Oui' }, { id: 'non', label: 'Non' }], ...fields },
    admin,
  );
  if (r.status !== 201) throw new Error(`create poll: ${r.status} ${r.text}`);
  return id;
}

