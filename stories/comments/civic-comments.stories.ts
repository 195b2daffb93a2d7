import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import { expect, waitFor } from 'storybook/test';
import type { Comment, Thread } from '../../src/api/comments.js';
import '../../src/define/civic-comments.js';
import { bigThread, commentData, conversation, mentions, seeded } from '../../test/comments/fixtures.js';
import { restHandlers } from '../../test/mocks/rest.js';
import { wordpressHandlers, wordpressSite } from '../../test/mocks/wordpress.js';

/** Each story starts from a fresh browser: nothing kept to send, no comment of the reader's. */
function fresh() {
  localStorage.removeItem('civic-outbox');
  localStorage.removeItem('civic-comments');
}
/** The contract's REST handlers over a MemoryBackend holding `comments` on a thread with `over`. */
const backed = (over: Partial<Thread> = {}, comments: Comment[] = conversation, withMentions = mentions) => restHandlers(seeded(over, comments, withMentions));
const root = (canvas: HTMLElement) => canvas.querySelector('civic-comments')!.shadowRoot!;
const loaded = (canvas: HTMLElement) => waitFor(() => expect(root(canvas).querySelector('[part~=comments]')).toBeTruthy(), { timeout: 8000 });

/** Writes a comment the way a reader does (values set, input events), then posts it. */
async function post(canvas: HTMLElement, body: string, name = 'Hélène Paré') {
  await waitFor(() => expect(root(canvas).querySelector('form')).toBeTruthy(), { timeout: 8000 });
  const r = root(canvas);
  const set = (field: string, value: string) => {
    const input = r.querySelector<HTMLInputElement>(`form [name=${field}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  set('name', name);
  set('text', body);
  r.querySelector<HTMLButtonElement>('form [part~=submit]')!.click();
}

/** A reply chain six deep under one comment, on a thread showing three levels. */
const deep: Comment[] = [
  commentData('1', { author: { name: 'Marie-Ève Tremblay', website: null }, body: 'Qui veut relire le premier document ?' }),
  ...['Jean', 'Sylvie', 'Patrick', 'Nadia', 'Luc', 'Rose'].map((name, i) =>
    commentData(String(i + 2), {
      parentId: String(i + 1),
      depth: Math.min(i + 1, 3),
      replyToName: i + 1 > 3 ? ['Marie-Ève Tremblay', 'Jean', 'Sylvie', 'Patrick', 'Nadia', 'Luc'][i]! : null,
      author: { name, website: null },
      body: `Réponse de niveau ${i + 1} : moi, je peux relire la section ${i + 1}.`,
    }),
  ),
];

const meta: Meta = {
  title: 'Widgets/Comments',
  component: 'civic-comments',
  render: () => html`<civic-comments api="/api" thread="plan-numerique"><a href="https://example.org/plan-numerique#commentaires">Lire les commentaires sur notre site</a></civic-comments>`,
  parameters: {
    docs: { description: { component: 'Paste `<script type="module" src=".../cdn/civic-comments.js">` and the tag below under a blog post.' } },
  },
};
export default meta;
type Story = StoryObj;

export const Conversation: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: ({ canvasElement }) => loaded(canvasElement),
};

export const Empty: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed({}, [], []))),
  play: ({ canvasElement }) => loaded(canvasElement),
};

export const Loading: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(http.get('/api/threads/:id', async () => (await delay('infinite'), HttpResponse.json({}))))),
};

/** 2,000 comments: the first page (20 comments and their replies) shows, the rest on demand. */
export const LongThread: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed({}, bigThread(2000), []))),
  play: ({ canvasElement }) => loaded(canvasElement),
};

export const DeepReplies: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed({ maxDepth: 3 }, deep, []))),
  play: ({ canvasElement }) => loaded(canvasElement),
};

/** Posted on a pre-moderated thread: shown to its author only, marked. */
export const Pending: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed({ moderation: 'pre' }))),
  play: async ({ canvasElement }) => {
    await post(canvasElement, 'Mon commentaire attend la *modération*.');
    await waitFor(() => expect(root(canvasElement).querySelector('[part~=pending]')).toBeTruthy(), { timeout: 8000 });
  },
};

/** Just posted: the author can edit or delete it for 15 minutes. */
export const EditWindow: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: async ({ canvasElement }) => {
    await post(canvasElement, 'Je corrigerai peut-être une **faute**.');
    await waitFor(() => expect(root(canvasElement).querySelector('[id^=edit-]')).toBeTruthy(), { timeout: 8000 });
  },
};

/** Editing in place: only the editor's Save and Cancel show, the comment's other buttons come back after. */
export const Editing: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: async ({ canvasElement }) => {
    await post(canvasElement, 'Une phrase à revoir.');
    await waitFor(() => expect(root(canvasElement).querySelector('[id^=edit-]')).toBeTruthy(), { timeout: 8000 });
    root(canvasElement).querySelector<HTMLButtonElement>('[id^=edit-]')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('form.edit textarea')).toBeTruthy());
    await expect(root(canvasElement).querySelector('[id^=delete-]')).toBeNull();
  },
};

/** Reporting asks first: the question with Yes and Cancel (focused) in place of the comment's buttons. */
export const Reporting: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    root(canvasElement).querySelector<HTMLButtonElement>('#flag-4')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('#report-4')).toBeTruthy());
  },
};

/** The server refuses a comment with more links than it takes: the reason beside the text, which stays. */
export const TooManyLinks: Story = {
  beforeEach: ({ msw }) => {
    fresh();
    const issue = { path: 'body', code: 'too_many_links', message: 'at most 3 links in a comment' };
    msw.use(http.post('/api/threads/:id/comments', () => HttpResponse.json({ error: { kind: 'validation', message: issue.message, issues: [issue] } }, { status: 400 })), ...backed());
  },
  play: async ({ canvasElement }) => {
    await post(canvasElement, 'Voyez https://a.example, https://b.example, https://c.example et https://d.example');
    await waitFor(() => expect(root(canvasElement).querySelector('[part~=field-error]')?.textContent).toContain('3'), { timeout: 8000 });
  },
};

export const Replying: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: async ({ canvasElement }) => {
    await loaded(canvasElement);
    root(canvasElement).querySelector<HTMLButtonElement>('#reply-4')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('li:has(> #c-4) > form')).toBeTruthy());
  },
};

export const Preview: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(root(canvasElement).querySelector('form [name=text]')).toBeTruthy(), { timeout: 8000 });
    const text = root(canvasElement).querySelector<HTMLTextAreaElement>('form [name=text]')!;
    text.value = 'Un **aperçu** avec des listes :\n\n- un\n- deux\n\n1. premier\n2. second\n\n> et une citation';
    text.dispatchEvent(new Event('input'));
    root(canvasElement).querySelector<HTMLButtonElement>('form button[aria-expanded]')!.click();
    await waitFor(() => expect(root(canvasElement).querySelector('[part~=preview] li')).toBeTruthy());
  },
};

export const Closed: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed({ status: 'closed' }))),
  play: ({ canvasElement }) => loaded(canvasElement),
};

export const LoadError: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(http.get('/api/threads/:id', () => HttpResponse.json({ error: { kind: 'server', message: 'boom' } }, { status: 500 })))),
  play: ({ canvasElement }) => waitFor(() => expect(root(canvasElement).querySelector('[part~=error]')).toBeTruthy(), { timeout: 15000 }),
};

/** Posted while the network is down: kept on the device, sent when it returns. */
export const OfflineQueued: Story = {
  beforeEach: ({ msw }) => (fresh(), msw.use(http.post('/api/threads/:id/comments', () => HttpResponse.error()), ...backed())),
  play: async ({ canvasElement }) => {
    await post(canvasElement, 'Écrit dans le train, sans réseau.');
    await waitFor(() => expect(root(canvasElement).querySelector('ul[part~=notice]')).toBeTruthy(), { timeout: 15000 });
  },
};

/** Someone else just commented: counted and announced, shown when the reader asks. */
export const NewCommentsArrived: Story = {
  beforeEach: ({ msw }) => {
    fresh();
    const memory = seeded({}, conversation, mentions);
    msw.use(...restHandlers(memory));
    setTimeout(() => void memory.comments.post('plan-numerique', { name: 'Julie', body: 'J’arrive en direct !' }, { idempotencyKey: `live-${Date.now()}` }), 1500);
  },
  play: ({ canvasElement }) => waitFor(() => expect(root(canvasElement).querySelector('[part~=fresh]')).toBeTruthy(), { timeout: 8000 }),
};

/** A WordPress blog's own comments, through its REST API (`api=".../wp-json"`, `thread` = the post id). */
export const WordPress: Story = {
  render: () => html`<civic-comments api="https://blog.example/wp-json" thread="42"></civic-comments>`,
  beforeEach: ({ msw }) => (fresh(), msw.use(...wordpressHandlers(wordpressSite()))),
  play: ({ canvasElement }) => loaded(canvasElement),
};

/** On a dark page: the widget takes the page's colours. */
export const Dark: Story = {
  render: () =>
    html`<div style="background:#121417;color:#e8eaed;color-scheme:dark;padding:1rem">
      <civic-comments api="/api" thread="plan-numerique"></civic-comments>
    </div>`,
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: ({ canvasElement }) => loaded(canvasElement),
};

export const English: Story = {
  render: () => html`<civic-comments lang="en" api="/api" thread="plan-numerique"></civic-comments>`,
  beforeEach: ({ msw }) => (fresh(), msw.use(...backed())),
  play: ({ canvasElement }) => loaded(canvasElement),
};
