/**
 * The core controllers: live() listens to the resource in effect while the element is connected
 * and working, again after a move in the page; sender() sends now or keeps, and replays what is
 * kept when the resource comes into effect and when the network returns, until the element leaves.
 */
import { LitElement, html } from 'lit';
import { CivicError } from '../../src/api/errors.js';
import { outbox, type OutboxEntry } from '../../src/api/outbox.js';
import { live } from '../../src/core/live.js';
import { sender } from '../../src/core/sender.js';
import { expect, fixture, waitUntil } from '../helpers.js';

/** A backend part with an event stream that counts its listeners. */
class Stream {
  readonly listeners = new Set<(e: string) => void>();
  readonly subscribed: string[] = [];
  subscribe(id: string, listener: (e: string) => void) {
    this.subscribed.push(id);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: string) {
    this.listeners.forEach((l) => l(e));
  }
}

class LiveHost extends LitElement {
  static override properties = { thread: {}, working: { type: Boolean } };
  declare thread: string;
  declare working: boolean;
  stream = new Stream();
  readonly events: string[] = [];
  constructor() {
    super();
    this.thread = 't1';
    this.working = true;
    live(this, () => [this.working, this.stream, this.thread], (e: string) => this.events.push(e));
  }
  override render() {
    return html`${this.events.length}`;
  }
}
customElements.define('live-host', LiveHost);

type Payload = { n: number };
class SendHost extends LitElement {
  static override properties = { id: {} };
  declare id: string;
  up = true;
  readonly posted: string[] = [];
  readonly done: string[] = [];
  readonly found: number[] = [];
  readonly writes = sender(
    this,
    () => [true, this, this.id],
    'test.write',
    async (entry: OutboxEntry<Payload>) => {
      if (!this.up) throw new CivicError('network', 'offline');
      this.posted.push(`${entry.target}:${entry.key}`);
      return entry.payload.n * 2;
    },
    (entry, outcome) => this.done.push(`${entry.key}:${'result' in outcome ? outcome.result : outcome.error.kind}`),
    (kept) => this.found.push(kept.length),
  );
  constructor() {
    super();
    this.id = 'r1';
  }
}
customElements.define('send-host', SendHost);

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('live()', () => {
  it('listens while connected, stops on disconnect, and listens again after a move in the page', async () => {
    const el = await fixture<LiveHost>(html`<live-host></live-host>`);
    el.stream.emit('a');
    expect(el.events).to.deep.equal(['a']);
    const parent = el.parentElement!;
    el.remove();
    expect(el.stream.listeners.size, 'unsubscribed when it left the page').to.equal(0);
    el.stream.emit('lost');
    parent.append(el);
    await el.updateComplete;
    expect(el.stream.listeners.size, 'subscribed again once back in the page').to.equal(1);
    el.stream.emit('b');
    expect(el.events).to.deep.equal(['a', 'b']);
  });

  it('follows the resource in effect, and does nothing while not working', async () => {
    const el = await fixture<LiveHost>(html`<live-host></live-host>`);
    el.thread = 't2';
    await el.updateComplete;
    expect(el.stream.subscribed).to.deep.equal(['t1', 't2']);
    expect(el.stream.listeners.size).to.equal(1);
    el.working = false;
    await el.updateComplete;
    expect(el.stream.listeners.size).to.equal(0);
    const other = new Stream();
    el.stream = other;
    el.working = true;
    await el.updateComplete;
    expect(other.subscribed).to.deep.equal(['t2']);
  });
});

describe('sender()', () => {
  it('sends now and answers the outcome; keeps a write the network failed, and sends it when it returns', async () => {
    const el = await fixture<SendHost>(html`<send-host></send-host>`);
    const now = await el.writes.send({ n: 2 }, 'k1');
    expect(now && 'result' in now && now.result).to.equal(4);
    el.up = false;
    expect(await el.writes.send({ n: 3 }, 'k2'), 'kept').to.equal(undefined);
    expect(el.writes.kept().map((e) => e.key)).to.deep.equal(['k2']);
    el.up = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.done.length, 'replayed');
    expect(el.done).to.deep.equal(['k2:6']);
    expect(el.posted).to.deep.equal(['r1:k1', 'r1:k2']);
    expect(el.writes.kept()).to.deep.equal([]);
  });

  it('answers a refusal as an outcome, and keeps nothing', async () => {
    const el = await fixture<SendHost>(html`<send-host></send-host>`);
    const writes = sender(el, () => [true, el, el.id], 'test.refused', () => Promise.reject(new CivicError('closed', 'closed')), () => {});
    await el.updateComplete;
    const outcome = await writes.send({ n: 1 }, 'k');
    expect(outcome && 'error' in outcome && outcome.error.kind).to.equal('closed');
    expect(writes.kept()).to.deep.equal([]);
  });

  it('finds the writes kept for its resource (the page opened again) and sends them', async () => {
    outbox.add({ key: 'old', op: 'test.write', target: 'r1', payload: { n: 5 }, queuedAt: new Date().toISOString() });
    outbox.add({ key: 'elsewhere', op: 'test.write', target: 'r2', payload: { n: 1 }, queuedAt: new Date().toISOString() });
    const el = await fixture<SendHost>(html`<send-host></send-host>`);
    await waitUntil(() => el.done.length, 'replayed');
    expect(el.found).to.deep.equal([1]);
    expect(el.done).to.deep.equal(['old:10']);
    expect(outbox.entries('test.write', 'r2'), 'another resource’s writes wait for it').to.have.length(1);
    el.id = 'r2';
    await waitUntil(() => el.done.length === 2, 'replayed for r2');
    expect(el.done[1]).to.equal('elsewhere:2');
  });

  it('stops replaying when the element leaves the page', async () => {
    const el = await fixture<SendHost>(html`<send-host></send-host>`);
    el.up = false;
    await el.writes.send({ n: 1 }, 'k');
    await tick();
    el.remove();
    el.up = true;
    window.dispatchEvent(new Event('online'));
    await tick();
    expect(el.done, 'nothing sent for an element that left').to.deep.equal([]);
    expect(outbox.entries('test.write', 'r1')).to.have.length(1);
  });
});
