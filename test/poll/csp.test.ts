/**
 * Under a strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline'), which blocks
 * `style` attributes and <style> elements: the bars keep their width and the consultation its layout.
 * The policy is added to this test file's page before anything renders.
 */
import { MemoryBackend } from '../../src/api/memory-backend.js';
import { expect, strictCsp, waitUntil } from '../helpers.js';
import { consultation, proposals, quickPoll } from './data.js';
import { mountPoll } from './mount.js';

const blocked = strictCsp();

describe('<civic-poll> under a strict CSP (style-src without unsafe-inline)', () => {
  it('the policy is in force on this page', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'inline-size: 123px');
    document.body.append(probe);
    expect(getComputedStyle(probe).inlineSize, 'a style attribute is blocked here').to.not.equal('123px');
    await waitUntil(() => blocked.length, 'the violation is reported (its event comes later)');
    probe.remove();
    blocked.length = 0;
  });

  it('result bars keep their widths, with no style element (their CSSOM-set styles are allowed)', async () => {
    const backend = new MemoryBackend({ polls: { polls: [quickPoll({ resultsVisibility: 'always' })] } });
    await backend.polls.seed('ministere', null, { options: ['oui'] }, 3);
    await backend.polls.seed('ministere', null, { options: ['non'] }, 1);
    const el = await mountPoll(backend);
    const bars = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=bar]')];
    expect(bars.map((b) => getComputedStyle(b).getPropertyValue('--w').trim())).to.deep.equal(['75%', '25%', '0%']);
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(blocked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a consultation keeps its own styles (adopted, not a <style> element)', async () => {
    const backend = new MemoryBackend({ polls: { polls: [consultation()], proposals: proposals() } });
    await backend.polls.seed('contribuez', 'champions', { value: 'agree' }, 2);
    const el = await mountPoll(backend, 'contribuez');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=proposal]').length === 4, 'proposals shown');
    const proposal = el.shadowRoot!.querySelector<HTMLElement>('[part~=proposal]')!;
    expect(getComputedStyle(proposal).display, 'the consultation’s rules apply').to.equal('grid');
    // The stacked bar's parts are as wide as their votes: flex-grow set through the CSSOM.
    const parts = [...el.shadowRoot!.querySelectorAll('[part~=bar] span')];
    expect(parts.some((s) => getComputedStyle(s).flexGrow === '2'), 'the agree part grows with its 2 votes').to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(blocked).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
