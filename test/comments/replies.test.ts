import { $, announced, expect, sendKeys, text, waitForText, waitUntil } from '../helpers.js';
import { seeded } from './fixtures.js';
import { article, comments, field, fill, focused, outline, send, submit } from './helpers.js';

/** The form under a comment, if open. */
const formUnder = (el: Element, id: string) => el.shadowRoot!.querySelector(`li:has(> #c-${id}) > form`);

describe('<civic-comments> replies', () => {
  it('replies inline under the comment, below its earlier replies, and closes the form', async () => {
    const backend = seeded();
    const el = await comments(backend);
    $<HTMLButtonElement>(el, '#reply-1').click();
    await waitUntil(() => formUnder(el, '1'), 'form under comment 1');
    expect($(el, '#reply-1').getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)?.getAttribute('name')).to.equal('name');
    expect(text(el)).to.contain('Répondre à Marie-Ève Tremblay');
    expect(el.shadowRoot!.querySelectorAll('form')).to.have.length(1);
    await expect(el).to.be.accessible();
    await send(el, { name: 'Luc', text: 'Moi aussi !' }, 'Moi aussi !');
    expect(outline(el)).to.deep.equal(['1@1', '2@2', '3@3', '7@2', '4@1', '5@1', '6@2']);
    expect(formUnder(el, '1')).to.equal(null);
    expect(focused(el)?.id).to.equal('c-7');
    expect(backend.comments.stored.at(-1)!.c).to.include({ parentId: '1', depth: 1 });
    expect($(el, '[part~=heading]').textContent).to.equal('7 commentaires');
  });

  it('keeps replies deeper than the thread’s depth at the last level, saying whom they answer', async () => {
    const backend = seeded({ maxDepth: 3 });
    const el = await comments(backend);
    const reply = async (to: string, name: string, body: string) => {
      $<HTMLButtonElement>(el, `#reply-${to}`).click();
      await waitUntil(() => formUnder(el, to));
      field(el, 'name').value = '';
      await fill(el, { name, text: body });
      submit(el);
      await waitForText(el, body);
    };
    await reply('3', 'Paul', 'Niveau quatre');
    await reply('7', 'Rose', 'Niveau cinq');
    expect(outline(el).slice(0, 5)).to.deep.equal(['1@1', '2@2', '3@3', '7@4', '8@4']);
    expect(article(el, '8').textContent).to.contain('En réponse à Paul');
    expect(article(el, '7').textContent).to.not.contain('En réponse à');
    await expect(el).to.be.accessible();
  });

  it('closes a reply form with Escape or Cancel, focus back on its Reply button, text kept', async () => {
    const el = await comments(seeded(), 'en');
    $<HTMLButtonElement>(el, '#reply-5').click();
    await waitUntil(() => formUnder(el, '5'));
    await fill(el, { name: 'Ana', text: 'Draft' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !formUnder(el, '5'));
    expect(focused(el)?.id).to.equal('reply-5');
    $<HTMLButtonElement>(el, '#reply-5').click();
    await waitUntil(() => formUnder(el, '5'));
    expect(focused(el)?.getAttribute('name')).to.equal('text');
    expect(field(el, 'text').value).to.equal('Draft');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('form button')].find((b) => b.textContent === 'Cancel')!.click();
    await waitUntil(() => !formUnder(el, '5'));
    expect(focused(el)?.id).to.equal('reply-5');
    // "Write a comment" brings the form back to the top while a reply is open.
    $<HTMLButtonElement>(el, '#reply-4').click();
    await waitUntil(() => formUnder(el, '4'));
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=base] > button')].find((b) => b.textContent === 'Write a comment')!.click();
    await waitUntil(() => !formUnder(el, '4') && el.shadowRoot!.querySelector('[part~=base] > form'));
  });

  it('can be posted and replied to with the keyboard alone', async () => {
    const backend = seeded({ moderation: 'post' });
    const el = await comments(backend);
    field(el, 'name').focus();
    await sendKeys({ type: 'Zoé Bouchard' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'zoe@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name')).to.equal('text');
    await sendKeys({ type: 'Au clavier' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('name')).to.equal('notifyReplies');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Au clavier');
    expect(announced(el)).to.contain('Votre commentaire est publié');
    expect(backend.comments.stored.at(-1)!).to.deep.include({ email: 'zoe@example.org' });
    // Reply: from the new comment (focused), Tab to its Reply button, Enter, type, Tab to the button, Enter.
    expect(focused(el)?.id).to.equal('c-7');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('reply-7');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => formUnder(el, '7'));
    expect(focused(el)?.getAttribute('name')).to.equal('text');
    await sendKeys({ type: 'Je me réponds' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Je me réponds');
    expect(backend.comments.stored.at(-1)!.c).to.include({ parentId: '7', depth: 1 });
  });
});

describe('<civic-comments> at 320 px', () => {
  it('fits a 320 px screen with replies three deep and the reply form open, without sideways scrolling', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await comments(seeded());
      $<HTMLButtonElement>(el, '#reply-3').click();
      await waitUntil(() => formUnder(el, '3'));
      const overflowing = [...el.shadowRoot!.querySelectorAll<HTMLElement>('article, form, input, textarea, button, select')].filter((n) => n.getBoundingClientRect().right > 321);
      expect(overflowing.map((n) => n.id || n.localName)).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
