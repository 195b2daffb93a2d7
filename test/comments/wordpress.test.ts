import { html } from 'lit';
import { CivicError } from '../../src/api/errors.js';
import { WordPressBackend, htmlToMarkdown, markdownToHtml } from '../../src/api/wordpress-backend.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import '../../src/define/civic-comments.js';
import { $, announced, expect, mount, text, waitUntil } from '../helpers.js';
import { startWorker, worker } from '../mocks/worker.js';
import { wordpressHandlers, wordpressSite, type WpSite } from '../mocks/wordpress.js';
import { fill, outline, send, submit } from './helpers.js';

const API = 'https://blog.example/wp-json';

async function wpComments(site: WpSite, lang = 'fr') {
  worker.use(...wordpressHandlers(site));
  const el = await mount<CivicComments>(html`<civic-comments lang=${lang} api=${API} thread="42"></civic-comments>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~=comments]'), 'thread rendered', { timeout: 5000 });
  return el;
}

describe('WordPressBackend', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('reads a post as a thread: title decoded, open, counted by X-WP-Total, no mentions', async () => {
    const site = wordpressSite();
    worker.use(...wordpressHandlers(site));
    const t = await new WordPressBackend(API).comments.get('42');
    expect(t).to.include({ id: '42', title: 'Un plan numérique\u00a0: l’appel', status: 'open', commentCount: 5, mentionCount: 0, challenge: false, editWindowSeconds: 0 });
    expect(t.url).to.equal('https://blog.example/2026/11/plan-numerique/');
  });

  it('lists top-level comments by page with their replies, level by level, flattened past maxDepth', async () => {
    const site = { ...wordpressSite(), requests: [] as string[] };
    worker.use(...wordpressHandlers(site));
    const wp = new WordPressBackend({ baseUrl: API, maxDepth: 2 }).comments;
    const page = await wp.list('42', { limit: 1 });
    expect(page.items.map((c) => [c.id, c.depth, c.replyToName])).to.deep.equal([
      ['1', 0, null],
      ['2', 1, null],
      ['3', 2, null],
      ['4', 2, 'Sylvie Bérubé'],
    ]);
    expect([page.nextCursor, page.total]).to.deep.equal(['2', 5]);
    expect(page.items[0]).to.deep.include({ author: { name: 'Sylvie Bérubé', website: 'https://sylvie.example' }, status: 'published', body: 'Très belle initiative\u00a0! Je partage sur *mes* réseaux.' });
    expect(site.requests.some((u) => /parent=0&/.test(u) && /per_page=1&/.test(u))).to.equal(true);
    expect(site.requests.some((u) => /parent=3(&|$)/.test(u))).to.equal(true);
    const next = await wp.list('42', { cursor: page.nextCursor!, limit: 1 });
    expect(next.items.map((c) => c.id)).to.deep.equal(['5']);
    expect(next.nextCursor).to.equal(null);
    expect(next.items[0]!.body).to.equal('Une question\u00a0: `` CC BY `` ou **CC BY-SA**\u00a0?\n\n> Le code est la loi.');
    const newest = await wp.list('42', { sort: 'newest', limit: 1 });
    expect(newest.items[0]!.id).to.equal('5');
  });

  it('posts anonymously as WordPress markup, answers pending when WordPress holds it, and names refused fields', async () => {
    const site = wordpressSite({ moderate: true, requireNameEmail: true });
    worker.use(...wordpressHandlers(site));
    const wp = new WordPressBackend(API).comments;
    const created = await wp.post('42', { name: 'Ana', email: 'ana@example.org', body: 'Un *mot* & <b>', parentId: '1' }, { idempotencyKey: 'k1' });
    expect(created.comment).to.include({ status: 'pending', parentId: '1', depth: 1, editedAt: null });
    expect(created.editToken).to.equal('');
    expect(site.comments.at(-1)!.html).to.equal('Un <em>mot</em> &#38; &#60;b&#62;');
    const again = await wp.post('42', { name: 'Ana', email: 'ana@example.org', body: 'Un *mot* & <b>', parentId: '1' }, { idempotencyKey: 'k1' });
    expect(again.comment.id).to.equal(created.comment.id);
    const duplicate = (await wp.post('42', { name: 'Ana', email: 'ana@example.org', body: 'Un *mot* & <b>', parentId: '1' }, { idempotencyKey: 'k2' }).catch((e) => e)) as CivicError;
    expect(duplicate.kind).to.equal('conflict');
    const noEmail = (await wp.post('42', { name: 'Ana', body: 'Sans courriel' }, { idempotencyKey: 'k3' }).catch((e) => e)) as CivicError;
    expect([noEmail.kind, noEmail.issues[0]?.path]).to.deep.equal(['validation', 'email']);
    const badEmail = (await wp.post('42', { name: 'Ana', email: 'ana@', body: 'x' }, { idempotencyKey: 'k4' }).catch((e) => e)) as CivicError;
    expect([badEmail.kind, badEmail.issues[0]?.path]).to.deep.equal(['validation', 'email']);
    site.anonymous = false;
    const login = (await wp.post('42', { name: 'Ana', email: 'ana@example.org', body: 'y' }, { idempotencyKey: 'k5' }).catch((e) => e)) as CivicError;
    expect([login.kind, login.status]).to.deep.equal(['forbidden', 401]);
    site.anonymous = true;
    site.posts[0]!.comment_status = 'closed';
    const closed = (await wp.post('42', { name: 'Ana', email: 'ana@example.org', body: 'z' }, { idempotencyKey: 'k6' }).catch((e) => e)) as CivicError;
    expect(closed.kind).to.equal('closed');
  });

  it('offers only what WordPress has: no likes, reports, edits, live events, challenge or mentions', () => {
    const wp = new WordPressBackend(API).comments;
    expect(Object.keys(wp).sort()).to.deep.equal(['get', 'list', 'post']);
  });

  it('reads rendered HTML into markdown with an inert parser, and writes markdown as escaped markup', () => {
    (window as unknown as { pwned?: number }).pwned = 0;
    const md = htmlToMarkdown('<p>a *b* [c](d) <script>window.pwned=1</script><img src=x onerror="window.pwned=2" alt="img"><a href="javascript:window.pwned=3">lien</a></p><ul><li>un</li><li>deux</li></ul><p>- pas une liste</p>');
    expect(md).to.equal('a \\*b\\* \\[c\\](d) window.pwned=1imglien\n\n- un\n- deux\n\n\\- pas une liste');
    expect((window as unknown as { pwned: number }).pwned).to.equal(0);
    expect(markdownToHtml('> cité\n\n`<x>` [lien](https://a.example/?q="1")\n\n- un\n- deux')).to.equal(
      '<blockquote>cité</blockquote>\n\n<code>&#60;x&#62;</code> <a href="https://a.example/?q=%221%22">lien</a>\n\n- un\n- deux',
    );
  });
});

describe('<civic-comments> on a WordPress site', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('shows the post’s comments from api=".../wp-json", without likes, reports or the likes order, accessibly', async () => {
    const el = await wpComments(wordpressSite());
    expect($(el, '[part~=heading]').textContent).to.equal('5 commentaires');
    expect(outline(el)).to.deep.equal(['1@1', '2@2', '3@3', '4@4', '5@1']);
    expect(text(el)).to.contain('Je partage sur mes réseaux').and.not.contain('Pas encore approuvé').and.not.contain('cite celui-ci');
    expect(el.shadowRoot!.querySelector('#like-1, #flag-1')).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('option')].map((o) => o.value)).to.deep.equal(['oldest', 'newest']);
    const link = $<HTMLAnchorElement>(el, '#c-4 [part~=body] a');
    expect([link.href, link.rel]).to.deep.equal(['https://roy.example/billet', 'nofollow ugc noopener']);
    await expect(el).to.be.accessible();
  });

  it('posts a reply anonymously; a held one is shown to its author only, marked, without edit buttons', async () => {
    const site = wordpressSite({ moderate: true });
    const el = await wpComments(site);
    $<HTMLButtonElement>(el, '#reply-5').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#c-5 + form, li:has(> #c-5) > form'), 'reply form under the comment');
    await send(el, { name: 'Léa', email: 'lea@example.org', text: 'CC BY-SA, *je pense*.' }, 'En attente de modération');
    expect(announced(el)).to.contain('attend la modération');
    expect(site.comments.at(-1)).to.include({ parent: 5, status: 'hold', html: 'CC BY-SA, <em>je pense</em>.' });
    expect(outline(el)).to.deep.equal(['1@1', '2@2', '3@3', '4@4', '5@1', '8@2']);
    expect(el.shadowRoot!.querySelector('#edit-8, #delete-8')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says so when the site does not take anonymous comments', async () => {
    const el = await wpComments(wordpressSite({ anonymous: false }), 'en');
    await send(el, { name: 'Ana', text: 'Hello' }, 'This comment cannot be posted from here.');
    expect($(el, 'form [role=alert]').textContent).to.contain('cannot be posted');
  });

  it('posts a comment WordPress refuses for flooding once, and says so (a refusal is not retried)', async () => {
    const site = { ...wordpressSite({ flood: true }), requests: [] as string[] };
    const el = await wpComments(site, 'en');
    const before = site.requests.length;
    await fill(el, { name: 'Ana', email: 'ana@example.org', text: 'Twice in a row' });
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('form [role=alert]'), 'the refusal shown');
    await new Promise((r) => setTimeout(r, 1500)); // past the first retry's backoff, had there been one
    const posts = site.requests.slice(before).filter((u) => u.endsWith('/wp/v2/comments'));
    expect(posts.length).to.equal(1);
    expect($(el, 'form [role=alert]').textContent).to.match(/too many|too quickly|wait/i);
    expect($<HTMLTextAreaElement>(el, '[name=text]').value).to.equal('Twice in a row');
  });

  it("learns the site's Discussion settings from attributes: email required, reply depth, closed", async () => {
    const site = { ...wordpressSite({ requireNameEmail: true }), requests: [] as string[] };
    worker.use(...wordpressHandlers(site));
    const el = await mount<CivicComments>(html`<civic-comments lang="en" api=${API} thread="42" require-email max-depth="1" moderation="pre"></civic-comments>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=comments]'), 'thread rendered', { timeout: 5000 });
    const label = $(el, 'label[for$=email]').textContent!;
    expect(label).to.contain('Email').and.not.contain('optional');
    expect($<HTMLInputElement>(el, '[name=email]').required).to.equal(true);
    expect(outline(el)).to.deep.equal(['1@1', '2@2', '3@2', '4@2', '5@1']);
    expect(el.loaded!.thread.moderation).to.equal('pre');
    const before = site.requests.length;
    await fill(el, { name: 'Ana', text: 'Sans courriel' });
    submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('[name=email][aria-invalid=true]'), 'the email marked');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('email');
    expect($(el, '#f-email-e').textContent, 'says what to enter').to.equal('Enter your email address');
    expect(site.requests.length).to.equal(before);
    await expect(el).to.be.accessible();

    const closed = await mount<CivicComments>(html`<civic-comments lang="en" api=${API} thread="42" closed></civic-comments>`);
    await waitUntil(() => closed.shadowRoot!.querySelector('[part~=comments]'), 'thread rendered', { timeout: 5000 });
    expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(closed)).to.contain('closed');
  });
});
