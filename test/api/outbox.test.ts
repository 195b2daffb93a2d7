import { CivicError } from '../../src/api/errors.js';
import { Outbox, type OutboxEntry } from '../../src/api/outbox.js';
import { flush, watch } from '../../src/api/outbox-replay.js';
import { expect } from '../helpers.js';

const entry = (key: string): OutboxEntry<{ n: number }> => ({ key, op: 'petition.sign', target: 'p', payload: { n: 1 }, queuedAt: new Date().toISOString() });
const offline = () => Promise.reject(new CivicError('network', 'offline'));

describe('Outbox', () => {
  it('keeps a write that failed for network reasons, in storage, with its key', async () => {
    const box = new Outbox('test-outbox');
    expect(await box.submit(entry('k1'), offline)).to.deep.equal({ queued: true });
    expect(JSON.parse(localStorage.getItem('test-outbox')!)[0].key).to.equal('k1');
    expect(new Outbox('test-outbox').entries('petition.sign', 'p')).to.have.length(1);
  });

  it("keeps a write that another copy of civic-widgets' code failed for network reasons (a provider from another CDN file)", async () => {
    // What another copy's CivicError looks like from here: an error of another class, with the mark every copy sets.
    const copy = Object.assign(new Error('offline'), { kind: 'network', transient: true, name: 'CivicError', [Symbol.for('civic-error')]: true });
    const box = new Outbox('test-outbox');
    expect(await box.submit(entry('k3'), () => Promise.reject(copy))).to.deep.equal({ queued: true });
    expect(copy instanceof CivicError).to.equal(true);
    expect(new Error('plain') instanceof CivicError).to.equal(false);
    // A subclass still checks by its prototype: a plain CivicError is no FileError.
    const { FileError } = await import('../../src/comparator/load.js');
    expect(new CivicError('network', 'x') instanceof FileError).to.equal(false);
  });

  it('does not keep a write the server refused', async () => {
    const box = new Outbox('test-outbox');
    const refused = await box.submit(entry('k2'), () => Promise.reject(new CivicError('validation', 'no'))).catch((e: CivicError) => e.kind);
    expect(refused).to.equal('validation');
    expect(box.all()).to.deep.equal([]);
  });

  it('flushes with the same key; keeps entries while the network is down; drops refused ones', async () => {
    const box = new Outbox('test-outbox');
    box.add(entry('a'));
    box.add(entry('b'));
    const outcomes: string[] = [];
    await flush(box, 'petition.sign', 'p', offline, () => outcomes.push('x'));
    expect(box.all()).to.have.length(2);
    const sent: string[] = [];
    await flush(box, 'petition.sign', 'p', async (e) => (sent.push(e.key), e.key === 'b' ? Promise.reject(new CivicError('closed', '')) : 'ok'), (e, o) =>
      outcomes.push(`${e.key}:${'result' in o ? o.result : o.error.kind}`),
    );
    expect(sent).to.deep.equal(['a', 'b']);
    expect(outcomes).to.deep.equal(['a:ok', 'b:closed']);
    expect(box.all()).to.deep.equal([]);
  });

  it('tells every watcher on the page, and retries on the online event', async () => {
    const box = new Outbox('test-outbox');
    box.add(entry('c'));
    let up = false;
    const seen: string[] = [];
    const send = () => (up ? Promise.resolve('ok') : offline());
    const stop1 = watch(box, 'petition.sign', 'p', send, () => seen.push('one'), 60_000);
    const stop2 = watch(box, 'petition.sign', 'p', send, () => seen.push('two'), 60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).to.deep.equal([]);
    up = true;
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.sort()).to.deep.equal(['one', 'two']);
    stop1();
    stop2();
  });

  it('works where storage is refused (a sandboxed frame), in memory', async () => {
    const box = new Outbox('x', { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
    expect(await box.submit(entry('m'), offline)).to.deep.equal({ queued: true });
    expect(box.entries('petition.sign', 'p').map((e) => e.key)).to.deep.equal(['m']);
  });
});
