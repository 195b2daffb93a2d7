import { html } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import { CivicCommentedEvent } from '../../src/core/events.js';
import '../../src/define/civic-comments.js';
import '../../src/define/civic-provider.js';
import { $, announced, expect, mount, recorded, text, waitForText, waitUntil } from '../helpers.js';
import { commentData, conversation, mentions, seeded } from './fixtures.js';
import { article, comments, field, fill, focused, outline, send, submit } from './helpers.js';
import { ring } from '../core/contrast.js';

describe('<civic-comments>', () => {
  it('shows the conversation threaded, with the count, markdown, authors’ sites and mentions, accessibly', async () => {
    const el = await comments(seeded({}, conversation, mentions));
    expect($(el, '[part~=heading]').textContent).to.equal('6 commentaires');
    expect(outline(el)).to.deep.equal(['1@1', '2@2', '3@3', '4@1', '5@1', '6@2']);
    expect(article(el, '1').querySelector('strong')?.textContent).to.equal('me joindre au groupe');
    const site = article(el, '2').querySelector<HTMLAnchorElement>('[part~=author] a')!;
    expect([site.href, site.rel]).to.deep.equal(['https://carnet.example/', 'nofollow ugc noopener']);
    expect(article(el, '4').querySelectorAll('li')).to.have.length(2);
    expect(article(el, '4').querySelector('blockquote')?.textContent).to.contain('bien commun');
    expect(text(el)).to.contain('Ailleurs sur le Web').and.contain('La société civile s’organise · gouvouvert.example');
    expect($<HTMLAnchorElement>(el, '[part~=mentions] a').rel).to.equal('nofollow ugc noopener');
    await expect(el).to.be.accessible();
  });

  it('draws the actions under a comment as quiet text buttons, 24 px targets with a visible focus ring; Publier stays filled', async () => {
    const el = await mount<HTMLElement>(
      html`<div style="background:#fbf8f2;color:#23211d;--civic-color-accent:#8a3b12;--civic-color-on-accent:#fbf8f2">
        <civic-comments lang="fr" thread="plan-numerique" sort="oldest" .backend=${seeded()}></civic-comments>
      </div>`,
    );
    const c = el.firstElementChild as CivicComments;
    await waitUntil(() => c.shadowRoot!.querySelector('article button'), 'comments shown');
    const actions = [...article(c, '1').querySelectorAll<HTMLButtonElement>('.actions button')];
    expect(actions.map((b) => b.textContent!.trim().replace(/\s+/g, ' '))).to.include.members(['Répondre', 'Signaler']);
    for (const b of actions) {
      const s = getComputedStyle(b);
      const box = b.getBoundingClientRect();
      expect([s.borderTopColor, s.backgroundColor], `${b.textContent} has no frame`).to.deep.equal(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
      expect(Math.min(box.width, box.height), `${b.textContent} is a 24 px target`).to.be.at.least(24);
      const r = ring(b);
      expect(r.visible && r.againstPage >= 3, `${b.textContent} focus ring ${JSON.stringify(r)}`).to.equal(true);
    }
    const publish = $(c, 'form [part~=submit]');
    expect(getComputedStyle(publish).backgroundColor, 'the primary action stays filled').to.equal('rgb(138, 59, 18)');
    await expect(c).to.be.accessible();
  });

  it('speaks English when its lang says so', async () => {
    const el = await comments(seeded(), 'en');
    await waitForText(el, '6 comments');
    expect(text(el)).to.contain('Write a comment').and.contain('Sort by').and.contain('Reply');
    expect(field(el, 'text').labels?.[0]?.textContent).to.contain('Comment');
    await expect(el).to.be.accessible();
  });

  it('says when there is no comment yet', async () => {
    const el = await comments(seeded({}, []));
    expect(text(el)).to.contain('Commentaires').and.contain('Aucun commentaire pour l’instant');
    await expect(el).to.be.accessible();
  });

  it('posts a comment: published, announced, focused, counted, with civic-commented', async () => {
    const backend = seeded();
    const el = await comments(backend);
    const events = recorded(el, 'civic-commented');
    await send(el, { name: 'Léa Gagnon', email: 'lea@example.org', text: 'Je suis *partante* !' }, 'Je suis partante');
    expect(announced(el)).to.contain('Votre commentaire est publié');
    expect($(el, '[part~=heading]').textContent).to.equal('7 commentaires');
    const id = events[0]!.commentId;
    expect(events[0]).to.be.instanceOf(CivicCommentedEvent);
    expect(focused(el)?.id).to.equal(`c-${id}`);
    expect(outline(el).at(-1)).to.equal(`${id}@1`);
    expect(field(el, 'text').value).to.equal('');
    expect(field(el, 'name').value).to.equal('Léa Gagnon');
    expect(article(el, id).querySelector('em')?.textContent).to.equal('partante');
    await expect(el).to.be.accessible();
  });

  it('checks the form before sending: errors beside the fields, the first focused, nothing typed lost', async () => {
    const backend = seeded();
    const el = await comments(backend);
    await fill(el, { email: 'pas-un-courriel', website: 'javascript:alert(1)' });
    field(el, 'notifyReplies').click();
    submit(el);
    await waitForText(el, 'Entrez votre nom');
    expect(text(el)).to.contain('Entrez votre commentaire').and.not.contain('Obligatoire');
    expect(focused(el)?.getAttribute('name')).to.equal('name');
    for (const name of ['name', 'email', 'website', 'text']) expect(field(el, name).getAttribute('aria-invalid'), name).to.equal('true');
    expect(announced(el)).to.contain('4 champs sont à corriger');
    expect(field(el, 'website').value).to.equal('javascript:alert(1)');
    expect(backend.calls.filter(([c]) => c === 'comments.post')).to.have.length(0);
    await expect(el).to.be.accessible();
    field(el, 'email').value = '';
    field(el, 'email').dispatchEvent(new Event('input'));
    await send(el, { name: 'Ana', text: 'Bonjour' }, 'Indiquez un courriel pour être avisé des réponses');
  });

  it('counts characters as they are typed and refuses a comment over the limit', async () => {
    const el = await comments(seeded());
    const body = field(el, 'text');
    body.value = 'x'.repeat(4995);
    body.dispatchEvent(new Event('input'));
    await waitForText(el, '5 caractères restants');
    body.value = 'x'.repeat(5003);
    body.dispatchEvent(new Event('input'));
    await waitForText(el, '3 caractères en trop');
    await send(el, { name: 'Ana' }, '5 000 caractères au maximum');
    expect(focused(el)?.getAttribute('name')).to.equal('text');
  });

  it('previews the markdown as it will show, from the same parser', async () => {
    const el = await comments(seeded());
    await fill(el, { text: 'Un **aperçu** *penché* et <b>rien</b>' });
    $<HTMLButtonElement>(el, 'form button[aria-expanded]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=preview] strong'), 'preview rendered');
    // Strong words look strong, though the shared reset makes every element inherit its font.
    expect(getComputedStyle($(el, '[part~=preview] strong')).fontWeight).to.equal('700');
    expect($(el, '[part~=preview]').textContent).to.contain('<b>rien</b>');
    expect($(el, '[part~=preview]').querySelector('b')).to.equal(null);
    expect(getComputedStyle($(el, '[part~=preview] em')).fontStyle).to.equal('italic');
    await expect(el).to.be.accessible();
  });

  it('previews lists with their bullets and numbers, as a posted comment shows them', async () => {
    const el = await comments(seeded());
    await fill(el, { text: 'Deux points :\n\n- un\n- deux\n  1. sous-point\n\n1. premier\n2. second' });
    $<HTMLButtonElement>(el, 'form button[aria-expanded]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=preview] ol li'), 'preview rendered');
    const style = (selector: string) => getComputedStyle($(el, selector));
    expect(style('[part~=preview] ul li').listStyleType).to.equal('disc');
    expect(style('[part~=preview] ol li').listStyleType).to.equal('decimal');
    expect(parseFloat(style('[part~=preview] ul').paddingInlineStart)).to.be.greaterThan(0);
    // The same as in a posted comment.
    await fill(el, { name: 'Ana' });
    submit(el);
    await waitUntil(() => focused(el)?.matches('[part~=comment]'), 'posted');
    const body = focused(el)!.querySelector('[part~=body]')!;
    expect(getComputedStyle(body.querySelector(':scope ul li')!).listStyleType).to.equal('disc');
    expect(getComputedStyle(body.querySelector(':scope ol li')!).listStyleType).to.equal('decimal');
    // A list inside a list item of the text is not drawn as a thread of replies.
    const nested = getComputedStyle(body.querySelector(':scope li > ol')!);
    expect([nested.display, nested.borderInlineStartWidth]).to.deep.equal(['block', '0px']);
    await expect(el).to.be.accessible();
  });

  it('drops a comment whose honeypot is filled, as if posted', async () => {
    const backend = seeded();
    const el = await comments(backend);
    await fill(el, { name: 'Bot', text: 'Achetez' });
    const hp = $<HTMLInputElement>(el, '[name=hp]');
    hp.value = 'http://spam.example';
    hp.dispatchEvent(new Event('input'));
    submit(el);
    await waitUntil(() => backend.calls.some(([c]) => c === 'comments.post'));
    await waitUntil(() => !$<HTMLButtonElement>(el, 'form [part~=submit]').disabled);
    expect(backend.comments.stored.some((s) => s.c.body === 'Achetez')).to.equal(false);
  });

  it('shows a comment awaiting moderation to its author only, marked, and again when they come back', async () => {
    const backend = seeded({ moderation: 'pre' });
    const el = await comments(backend);
    await send(el, { name: 'Léa', text: 'En attente' }, 'En attente de modération : visible par vous seulement.');
    expect(announced(el)).to.contain('attend la modération');
    expect($(el, '[part~=heading]').textContent).to.equal('6 commentaires');
    const pending = $(el, '[part~="pending"]');
    expect(pending.querySelector('[part~=body]')?.textContent).to.equal('En attente');
    expect(pending.querySelector('#reply-7, #like-7')).to.equal(null);
    await expect(el).to.be.accessible();
    el.remove();
    const again = await comments(backend);
    await waitForText(again, 'En attente de modération');
    const kept = localStorage.getItem('civic-comments')!;
    localStorage.clear();
    const stranger = await comments(backend);
    expect(text(stranger)).to.not.contain('En attente');
    localStorage.setItem('civic-comments', kept);
    backend.comments.approve('7');
    await waitForText(again, '7 commentaires');
    expect($(again, '#c-7').getAttribute('part')).to.equal('comment');
  });

  it('shows a closed thread without a form, with counts but no buttons', async () => {
    const el = await comments(seeded({ status: 'closed' }));
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(el)).to.contain('Les commentaires sont fermés.').and.contain('J’aime 4');
    expect(el.shadowRoot!.querySelector('#reply-1, #like-1')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closes the form when the thread closes meanwhile, and says so', async () => {
    const backend = seeded();
    const el = await comments(backend);
    backend.comments.threads.get('plan-numerique')!.status = 'closed';
    await send(el, { name: 'Ana', text: 'Trop tard' }, 'Les commentaires sont fermés.');
  });

  it('shows a load error with a retry button and the page’s own fallback', async () => {
    const el = await mount<CivicComments>(html`<civic-comments lang="fr" thread="nope" .backend=${new MemoryBackend()}><a href="/commentaires">Commentaires</a></civic-comments>`);
    await waitForText(el, 'Cet élément est introuvable.');
    expect($(el, '[part~=error] button').textContent).to.equal('Réessayer');
    expect($<HTMLSlotElement>(el, 'slot').assignedElements()[0]?.textContent).to.equal('Commentaires');
    await expect(el).to.be.accessible();
  });

  it('gets its backend and language from a <civic-provider>', async () => {
    const wrapper = await mount<HTMLElement>(html`<civic-provider lang="en" .backend=${seeded()}><civic-comments thread="plan-numerique"></civic-comments></civic-provider>`);
    const el = wrapper.querySelector('civic-comments')!;
    await waitForText(el, '6 comments');
    expect(text(el)).to.contain('Write a comment');
  });

  it('renders hostile names, websites and bodies as inert text and safe links; nothing executes', async () => {
    const w = window as unknown as { pwned?: number };
    w.pwned = 0;
    const hostile = [
      commentData('1', { author: { name: '<img src=x onerror="window.pwned=1">', website: 'javascript:window.pwned=2' }, body: '<script>window.pwned=3</script>' }),
      commentData('2', { author: { name: '<svg onload="window.pwned=4">', website: 'data:text/html,<script>window.pwned=5</script>' }, body: '[clic](javascript:window.pwned=6) <a href="javascript:window.pwned=7">a</a> <svg><script>window.pwned=8</script></svg>' }),
      commentData('3', { author: { name: 'Ève', website: 'https://eve.example/" onmouseover="window.pwned=9' }, body: '![x](x" onerror="window.pwned=10) [ok](https://ok.example/) <iframe src="javascript:window.pwned=11"></iframe>' }),
    ];
    const backend = seeded({}, hostile);
    const el = await comments(backend);
    await waitForText(el, '<script>window.pwned=3</script>');
    const list = $(el, '[part~=comments]');
    expect([...list.querySelectorAll('script, img, svg, iframe, object, embed')]).to.have.length(0);
    const attrs = [...list.querySelectorAll('*')].flatMap((n) => n.getAttributeNames());
    expect(attrs.filter((a) => a.startsWith('on'))).to.deep.equal([]);
    const hrefs = [...list.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['https://eve.example/%22%20onmouseover=%22window.pwned=9', 'https://ok.example/']);
    expect([...list.querySelectorAll('a')].every((a) => a.rel === 'nofollow ugc noopener')).to.equal(true);
    expect(text(el)).to.contain('<img src=x onerror="window.pwned=1">').and.contain('<svg onload="window.pwned=4">');
    list.querySelectorAll('a, [part~=author]').forEach((n) => n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
    // A hostile name also reaches the reply form's heading: still text.
    $<HTMLButtonElement>(el, '#reply-1').click();
    await waitForText(el, 'Répondre à <img src=x onerror="window.pwned=1">');
    await new Promise((r) => setTimeout(r, 100));
    expect(w.pwned).to.equal(0);
  });
});
