import { html } from 'lit';
import type { MemoryBackend } from '../../src/api/memory-backend.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';
import { CivicCommentedEvent } from '../../src/core/events.js';
import '../../src/define/civic-comments.js';
import { $, announced, expect, text, waitForText } from '../helpers.js';
import { conversation, mentions, seeded } from './fixtures.js';
import { article, comments, field, fill, focused, outline, submit } from './helpers.js';

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
    const events: CivicCommentedEvent[] = [];
    el.addEventListener('civic-commented', (e) => events.push(e));
    await fill(el, { name: 'Léa Gagnon', email: 'lea@example.org', text: 'Je suis *partante* !' });
    submit(el);
    await waitForText(el, 'Je suis partante');
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
});
