/** Mounting a poll in the browser tests. */
import { html } from 'lit';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import '../../src/define/civic-poll.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { mount, waitUntil } from '../helpers.js';

export async function mountPoll(backend: MemoryBackend, id = 'ministere', lang = 'fr'): Promise<CivicPoll> {
  const el = await mount<CivicPoll>(html`<civic-poll lang=${lang} poll=${id} .backend=${backend}></civic-poll>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=base]'), 'poll rendered');
  return el;
}
