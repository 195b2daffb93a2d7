import type { Comment } from '../../src/api/comments.js';
import { leadingZeros } from '../../src/api/memory-comments.js';
import { sha256, solve, zeros } from '../../src/domain/pow.js';
import { has, insert } from '../../src/comments/thread.js';
import { append, remove, tree } from '../../src/comments/tree.js';
import { expect } from '../helpers.js';
import { commentData } from './fixtures.js';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('proof of work', () => {
  it('hashes like crypto.subtle, for short and multi-block messages', async () => {
    for (const text of ['', 'abc', 'plan-numerique:0123456789:42', 'é'.repeat(70), 'x'.repeat(119), 'x'.repeat(120)]) {
      const bytes = new TextEncoder().encode(text);
      expect(hex(sha256(bytes)), text).to.equal(hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))));
    }
  });

  it('counts leading zero bits', () => {
    const h = new Uint8Array([0, 0b00010000, 255]);
    expect([zeros(h, 8), zeros(h, 11), zeros(h, 12)]).to.deep.equal([true, true, false]);
    expect([leadingZeros(h, 11), leadingZeros(h, 12)]).to.deep.equal([true, false]);
  });

  it('finds a solution the server’s check accepts, without blocking the page', async () => {
    const prefix = 'plan-numerique:abc:';
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const solution = await solve({ prefix, difficulty: 14 });
    clearInterval(timer);
    expect(solution.startsWith(prefix)).to.equal(true);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(solution)));
    expect(leadingZeros(digest, 14)).to.equal(true);
    // The page kept running timers while it searched (about one every 10 ms).
    if (performance.now() - started > 200) expect(ticks).to.be.above(2);
  });
});

describe('thread order', () => {
  const c = (id: string, parentId: string | null, depth: number, over: Partial<Comment> = {}) => commentData(id, { parentId, depth, ...over });
  const items = [c('1', null, 0), c('2', '1', 1), c('3', '2', 2), c('4', null, 0, { pinned: true }), c('5', null, 0)];
  const ids = (list: Comment[]) => list.map((x) => x.id).join(' ');

  it('puts a reply after its parent’s replies, and a new top-level comment first (newest) or last', () => {
    expect(ids(insert(items, c('6', '1', 1), 'oldest'))).to.equal('1 2 3 6 4 5');
    expect(ids(insert(items, c('6', '2', 2), 'oldest'))).to.equal('1 2 3 6 4 5');
    expect(ids(insert(items, c('6', null, 0), 'oldest'))).to.equal('1 2 3 4 5 6');
    expect(ids(insert([items[3]!, items[4]!], c('6', null, 0), 'newest'))).to.equal('4 6 5');
    expect(ids(insert(items, c('6', 'unknown', 1), 'oldest'))).to.equal('1 2 3 4 5');
    expect(insert(items, { ...items[1]!, body: 'changed' }, 'oldest')[1]!.body).to.equal('changed');
    expect(has(items, '3')).to.equal(true);
  });

  it('builds the tree by depth, appends pages without doubles, and removes a subtree', () => {
    expect(tree(items).map((n) => [n.c.id, n.kids.map((k) => k.c.id)])).to.deep.equal([['1', ['2']], ['4', []], ['5', []]]);
    expect(ids(append(items, [c('5', null, 0), c('7', null, 0)]))).to.equal('1 2 3 4 5 7');
    expect(ids(remove(items, '1'))).to.equal('4 5');
  });
});
