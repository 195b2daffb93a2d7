import { html, LitElement } from 'lit';
import { MemoryBackend } from '../../src/api/memory-backend.js';
import { define } from '../../src/core/define.js';
import '../../src/define/civic-petition.js';
import { expect, mount, petitionData, waitForText } from '../helpers.js';

describe('define and the provider', () => {
  it('a second define of a tag is a no-op, with a warning in dev mode when it is another copy', () => {
    class First extends LitElement {}
    class Second extends LitElement {}
    define('civic-test-twice', First);
    define('civic-test-twice', First);
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      define('civic-test-twice', Second);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('civic-test-twice')).to.equal(First);
    expect(String(warnings[0])).to.contain('already defined by another copy');
  });

  it('a widget finds a provider whose script loaded after it', async () => {
    const backend = new MemoryBackend({ petitions: [petitionData()] });
    const wrapper = await mount<HTMLElement>(
      html`<civic-provider-late lang="fr"><civic-petition petition="plan-numerique"></civic-petition></civic-provider-late>`,
    );
    // The provider's class is defined only now, as if its script came last.
    const { CivicProvider } = await import('../../src/provider/civic-provider.js');
    customElements.define('civic-provider-late', class extends CivicProvider {});
    (wrapper as HTMLElement & { backend: MemoryBackend }).backend = backend;
    await waitForText(wrapper.querySelector('civic-petition')!, '120 signatures');
  });
});
