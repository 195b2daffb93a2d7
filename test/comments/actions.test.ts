import { CivicError } from '../../src/api/errors.js';
import { $, announced, expect, sendKeys, text, waitForText, waitUntil } from '../helpers.js';
import { seeded } from './fixtures.js';
import { article, comments, fill, focused, submit } from './helpers.js';
import type { Thread } from '../../src/api/comments.js';
import type { CivicComments } from '../../src/comments/civic-comments.js';

async function post(el: CivicComments, body: string) {
  await fill(el, { name: 'Léa Gagnon', text: body });
  submit(el);
  await waitForText(el, body);
  return el.shadowRoot!.activeElement!.id.slice(2);
}
/** A thread (open with `over`) where Léa has just posted `body`: its backend, the widget, the comment's id. */
async function posted(body: string, over: Partial<Thread> = {}) {
  const backend = seeded(over);
  const el = await comments(backend);
  return { backend, el, id: await post(el, body) };
}
const click = (el: Element, selector: string) => $<HTMLButtonElement>(el, selector).click();

describe('<civic-comments> actions', () => {
  it('lets the author edit within the window: in place, announced, marked as edited', async () => {
    const { backend, el, id } = await posted('Premier jet');
    expect(text(el)).to.contain('Vous pouvez le modifier ou le supprimer jusqu’à');
    click(el, `#edit-${id}`);
    await waitUntil(() => focused(el)?.id === `e-${id}`, 'edit field focused');
    await expect(el).to.be.accessible();
    const area = $<HTMLTextAreaElement>(el, `#e-${id}`);
    area.select();
    await sendKeys({ type: 'Version **revue**' });
    click(el, `#c-${id} form [part~=submit]`);
    await waitUntil(() => article(el, id).querySelector('strong')?.textContent === 'revue', 'edited text shown');
    expect(article(el, id).textContent).to.contain('(modifié)');
    expect(announced(el)).to.contain('Votre commentaire a été modifié');
    expect(focused(el)?.id).to.equal(`c-${id}`);
    expect(backend.comments.stored.find((s) => s.c.id === id)!.c.body).to.equal('Version **revue**');
  });

  it('lets the author delete within the window after a confirmation; Escape-free “keep” returns focus', async () => {
    const { el, id } = await posted('À effacer');
    click(el, `#delete-${id}`);
    await waitUntil(() => focused(el)?.id === `keep-${id}`, 'focus on “keep”');
    expect(text(el)).to.contain('Supprimer ce commentaire pour de bon ?');
    await expect(el).to.be.accessible();
    click(el, `#keep-${id}`);
    await waitUntil(() => focused(el)?.id === `delete-${id}`, 'focus back on Delete');
    click(el, `#delete-${id}`);
    await waitUntil(() => el.shadowRoot!.querySelector(`#confirm-${id}`));
    click(el, `#confirm-${id}`);
    await waitUntil(() => !el.shadowRoot!.querySelector(`#c-${id}`), 'comment gone');
    expect($(el, '[part~=heading]').textContent).to.equal('6 commentaires');
    expect(announced(el)).to.contain('Votre commentaire a été supprimé');
    expect(focused(el)?.id).to.equal('title');
  });

  it('keeps a deleted comment with replies as a placeholder', async () => {
    const { backend, el, id } = await posted('Parent');
    await backend.comments.post('plan-numerique', { name: 'Autre', body: 'Réponse', parentId: id }, { idempotencyKey: 'r1' });
    el.remove();
    const again = await comments(backend);
    click(again, `#delete-${id}`);
    await waitUntil(() => again.shadowRoot!.querySelector(`#confirm-${id}`));
    click(again, `#confirm-${id}`);
    await waitForText(again, 'Ce commentaire a été supprimé.');
    expect(text(again)).to.contain('Réponse').and.not.contain('Parent');
    await expect(again).to.be.accessible();
  });

  it('takes Edit and Delete away when the window closes, and says so when the server refuses after it', async () => {
    const { el, id } = await posted('Vite', { editWindowSeconds: 1 });
    expect(el.shadowRoot!.querySelector(`#edit-${id}`)).to.not.equal(null);
    await waitUntil(() => !el.shadowRoot!.querySelector(`#edit-${id}`), 'Edit gone after the window', { timeout: 3000 });
    expect(el.shadowRoot!.querySelector(`#delete-${id}`)).to.equal(null);
    // A browser whose clock says otherwise: the server refuses, the widget says why and hides the buttons.
    const kept = JSON.parse(localStorage.getItem('civic-comments')!);
    kept.own['plan-numerique'][0].until = new Date(Date.now() + 60_000).toISOString();
    localStorage.setItem('civic-comments', JSON.stringify(kept));
    el.requestUpdate();
    await waitUntil(() => el.shadowRoot!.querySelector(`#delete-${id}`));
    click(el, `#delete-${id}`);
    await waitUntil(() => el.shadowRoot!.querySelector(`#confirm-${id}`));
    click(el, `#confirm-${id}`);
    await waitForText(el, 'Le délai pour modifier ou supprimer ce commentaire est passé.');
    expect(focused(el)?.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.querySelector(`#delete-${id}`)).to.equal(null);
    expect(text(el)).to.contain('Vite');
    await expect(el).to.be.accessible();
  });

  it('likes once per reader: pressed, counted, remembered, and taken back on a second press', async () => {
    const backend = seeded();
    const el = await comments(backend);
    const like = () => $<HTMLButtonElement>(el, '#like-4');
    expect([like().textContent, like().getAttribute('aria-pressed')]).to.deep.equal(['J’aime 7', 'false']);
    like().click();
    await waitUntil(() => like().getAttribute('aria-pressed') === 'true');
    expect(like().textContent).to.equal('J’aime 8');
    // The same reader liking again (another tab) counts once.
    const token = JSON.parse(localStorage.getItem('civic-comments')!).reader as string;
    expect((await backend.comments.like('4', { reader: token }, { idempotencyKey: 'x' })).likeCount).to.equal(8);
    el.remove();
    const again = await comments(backend);
    const like2 = () => $<HTMLButtonElement>(again, '#like-4');
    expect([like2().textContent, like2().getAttribute('aria-pressed')]).to.deep.equal(['J’aime 8', 'true']);
    await expect(again).to.be.accessible();
    like2().click();
    await waitUntil(() => like2().getAttribute('aria-pressed') === 'false');
    expect(like2().textContent).to.equal('J’aime 7');
  });

  it('hides the comment’s actions while it is edited, the editor’s Save and Cancel only; they come back on Cancel', async () => {
    const { el, id } = await posted('À revoir');
    click(el, `#edit-${id}`);
    await waitUntil(() => focused(el)?.id === `e-${id}`, 'edit field focused');
    const buttons = () => [...article(el, id).querySelectorAll('button')].map((b) => b.textContent!.trim());
    expect(buttons()).to.deep.equal(['Enregistrer', 'Annuler']);
    expect(text(el)).to.not.contain('Vous pouvez le modifier ou le supprimer jusqu’à');
    await expect(el).to.be.accessible();
    click(el, `#c-${id} form button[type=button]`);
    await waitUntil(() => focused(el)?.id === `edit-${id}`, 'focus back on Edit');
    expect(buttons()).to.deep.equal(['Répondre', 'J’aime', 'Modifier', 'Supprimer']);
  });

  it('keeps an edit the server refuses for its links open, the text kept, the reason beside it', async () => {
    const { backend, el, id } = await posted('Un lien');
    const issue = { path: 'body', code: 'too_many_links', message: 'at most 3 links in a comment' };
    backend.comments.edit = () => Promise.reject(new CivicError('validation', issue.message, { status: 400, issues: [issue] }));
    click(el, `#edit-${id}`);
    await waitUntil(() => focused(el)?.id === `e-${id}`, 'edit field focused');
    $<HTMLTextAreaElement>(el, `#e-${id}`).select();
    await sendKeys({ type: 'https://a.example https://b.example https://c.example https://d.example' });
    click(el, `#c-${id} form [part~=submit]`);
    await waitForText(el, 'Au plus 3 liens par commentaire');
    const area = $<HTMLTextAreaElement>(el, `#e-${id}`);
    expect(focused(el)).to.equal(area);
    expect(area.value).to.equal('https://a.example https://b.example https://c.example https://d.example');
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${area.getAttribute('aria-describedby')}`).textContent).to.contain('Au plus 3 liens');
    await expect(el).to.be.accessible();
  });

  it('reports a comment after a confirmation, once, thanks the reader, and offers no report on their own comments', async () => {
    const backend = seeded();
    const el = await comments(backend);
    click(el, '#flag-5');
    await waitUntil(() => focused(el)?.id === 'back-5', 'focus on Cancel');
    expect(text(el)).to.contain('Signaler ce commentaire à la modération ?');
    expect(backend.comments.flags).to.deep.equal([]);
    await expect(el).to.be.accessible();
    click(el, '#back-5');
    await waitUntil(() => focused(el)?.id === 'flag-5', 'focus back on Report');
    expect(backend.comments.flags).to.deep.equal([]);
    // Escape says no too.
    click(el, '#flag-5');
    await waitUntil(() => focused(el)?.id === 'back-5');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el)?.id === 'flag-5', 'Escape: focus back on Report');
    // Yes, with the keyboard.
    click(el, '#flag-5');
    await waitUntil(() => focused(el)?.id === 'back-5');
    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)?.id).to.equal('report-5');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector<HTMLButtonElement>('#flag-5')?.disabled);
    expect($(el, '#flag-5').textContent).to.equal('Signalé');
    expect(focused(el)?.id).to.equal('c-5');
    expect(announced(el)).to.contain('l’équipe de modération y jettera un coup d’œil');
    expect(backend.comments.flags).to.deep.equal([['5', undefined]]);
    const id = await post(el, 'Le mien');
    expect(el.shadowRoot!.querySelector(`#flag-${id}`)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says what went wrong when a like cannot be sent', async () => {
    const backend = seeded();
    const el = await comments(backend, 'en');
    backend.online = false;
    click(el, '#like-1');
    await waitForText(el, 'The network is unreachable.');
    expect(focused(el)?.getAttribute('role')).to.equal('alert');
  });
});
