import { LitElement, html } from 'lit';
import { TaskStatus } from '@lit/task';
import { Loader } from '../../src/core/loader.js';
import { expect, fixture, waitUntil } from '../helpers.js';

class LoaderHost extends LitElement {
  static override properties = { id: {} };
  declare id: string;
  readonly calls: { id: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  readonly data = new Loader(
    this,
    ([id]) => new Promise<string>((resolve, reject) => this.calls.push({ id, signal: undefined as never, resolve, reject })),
    () => [!!this.id, this.id] as const,
  );
  readonly signals = new Loader(this, ([id], signal) => (this.calls.push({ id, signal, resolve: () => {}, reject: () => {} }), new Promise<string>(() => {})), () => [!!this.id, this.id] as const);
  override render() {
    return html`${this.data.status === TaskStatus.PENDING ? 'pending' : ''}${this.data.value ?? ''}${this.data.error ? 'error' : ''}`;
  }
}
customElements.define('loader-host', LoaderHost);

describe('Loader', () => {
  it('stays idle without arguments, loads when they come, and ignores a run overtaken by a newer one', async () => {
    const el = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    expect(el.calls).to.have.length(0);
    el.id = 'a';
    await waitUntil(() => el.calls.filter((c) => c.id === 'a').length === 2);
    expect(el.shadowRoot!.textContent).to.contain('pending');
    el.id = 'b';
    await waitUntil(() => el.calls.some((c) => c.id === 'b' && c.signal));
    // The run for "a" was aborted through its signal…
    expect(el.calls.find((c) => c.id === 'a' && c.signal)!.signal.aborted).to.equal(true);
    // …and its late answer is ignored.
    el.calls.find((c) => c.id === 'a' && !c.signal)!.resolve('A');
    el.calls.find((c) => c.id === 'b' && !c.signal)!.resolve('B');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('B'));
    expect(el.shadowRoot!.textContent).not.to.contain('A');
  });

  it('keeps the error, and run() tries again with the same arguments', async () => {
    const el = await fixture<LoaderHost>(html`<loader-host id="x"></loader-host>`);
    await waitUntil(() => el.calls.length === 2);
    el.calls[0]!.reject(new Error('boom'));
    await waitUntil(() => el.shadowRoot!.textContent!.includes('error'));
    void el.data.run();
    await waitUntil(() => el.calls.filter((c) => !c.signal).length === 2);
    el.calls.filter((c) => !c.signal)[1]!.resolve('ok');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('ok'));
    expect(el.data.error).to.equal(undefined);
  });
});
