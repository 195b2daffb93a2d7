/**
 * What the console's stories share: the signed-in account, the console's meta, the way down to a
 * screen, and a story at a location of the console over mocked handlers.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { Me } from '../../src/api/accounts.js';
import '../../src/define/civic-console.js';

const now = Date.now();
/** An instant `minutesAgo` minutes ago (negative: to come). */
export const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();

/** The session of the signed-in account: by link, 30 minutes ago, for 12 hours. */
export const session = { id: '7', current: true, createdAt: at(30), lastSeenAt: at(1), expiresAt: at(-12 * 60), userAgent: 'Chrome (Linux)', method: 'link' as const };

/** Camille, signed in as `role`. */
export const me = (role: Me['role']): Me => ({
  via: 'session',
  role,
  account: { id: '1', email: 'camille@example.org', name: 'Camille', role, createdAt: at(9000), lastSignInAt: at(30), passkeyCount: 0 },
  session,
});

/** `GET /api/auth/me` answering `who`. */
export const signedIn = (who: Me) => http.get('/api/auth/me', () => HttpResponse.json(who));

/** `GET /api/admin/accounts`: Camille, owner, and Modo, moderator. */
export const accounts = () =>
  http.get('/api/admin/accounts', () => HttpResponse.json({ items: [me('owner').account, { ...me('moderator').account!, id: '2', email: 'modo@example.org', name: 'Modo' }] }));

/**
 * The rest of a page of console stories' meta (its title and component stay in the page, where
 * Storybook's indexer reads them): the console at `/api`, full screen, described by `description`.
 */
export const consoleMeta = (description: string): Pick<Meta, 'render' | 'parameters'> => ({
  render: () => html`<civic-console api="/api"></civic-console>`,
  parameters: { layout: 'fullscreen', docs: { description: { component: description } } },
});

/** The shadow root at the end of `tags`, a path of elements from the console down (its screen, a part of it). */
export const part = (canvas: HTMLElement, ...tags: string[]) => {
  let root: ShadowRoot | null | undefined = canvas.querySelector('civic-console')!.shadowRoot;
  for (const tag of tags) root = root?.querySelector(tag)?.shadowRoot;
  return root;
};

/**
 * A story of the console at the location `hash`, msw answering with `handlers()`; its play waits until
 * `shown(canvas)` passes (its expectations), within `timeout` ms if given.
 */
export const consoleStory = (hash: string, handlers: () => RequestHandler[], shown?: (canvas: HTMLElement) => void, timeout?: number): StoryObj => ({
  beforeEach: ({ msw }) => {
    location.hash = hash;
    msw.use(...handlers());
  },
  ...(shown && {
    play: async ({ canvasElement }) => {
      await waitFor(() => shown(canvasElement), timeout ? { timeout } : undefined);
    },
  }),
});

/** In the console's screen `tag`: waits until `ready` is there, clicks `button`, and waits until `then` is there. */
export async function clickThrough(canvas: HTMLElement, tag: string, ready: string, button: string, then: string): Promise<void> {
  await waitFor(() => expect(part(canvas, tag)?.querySelector(ready)).toBeTruthy());
  part(canvas, tag)!.querySelector<HTMLButtonElement>(button)!.click();
  await waitFor(() => expect(part(canvas, tag)?.querySelector(then)).toBeTruthy());
}
