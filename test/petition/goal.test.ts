import { displayGoal } from '../../src/petition/goal.js';
import { shareLinks } from '../../src/petition/share.js';
import { isOpen } from '../../src/api/petition.js';
import { normaliseEmail, publicName } from '../../src/domain/people.js';
import { expect } from '../helpers.js';

describe('petition logic', () => {
  it('keeps the goal until reached, then raises it along 1-2-5 steps', () => {
    expect(displayGoal(0, 500)).to.equal(500);
    expect(displayGoal(499, 500)).to.equal(500);
    expect(displayGoal(500, 500)).to.equal(1000);
    expect(displayGoal(1000, 1000)).to.equal(2000);
    expect(displayGoal(2100, 1000)).to.equal(5000);
    expect(displayGoal(9999, 5000)).to.equal(10000);
    expect(displayGoal(0, 0)).to.equal(1);
  });

  it('de-duplicates emails the way mail servers do', () => {
    expect(normaliseEmail(' Jean.Tremblay+petition@Gmail.com ')).to.equal('jeantremblay@gmail.com');
    expect(normaliseEmail('jean.tremblay@googlemail.com')).to.equal('jeantremblay@gmail.com');
    expect(normaliseEmail('Jean.Tremblay+x@videotron.ca')).to.equal('jean.tremblay@videotron.ca');
  });

  it('shows first name and initial only', () => {
    expect(publicName('Marie-Ève  Tremblay')).to.equal('Marie-Ève T.');
    expect(publicName('Jean de la Fontaine')).to.equal('Jean F.');
    expect(publicName('Cher')).to.equal('Cher');
    expect(publicName('émile ouellet')).to.equal('émile O.');
  });

  it('is open until its deadline or until closed', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(isOpen({ status: 'open', closesAt: null }, now)).to.equal(true);
    expect(isOpen({ status: 'open', closesAt: '2026-11-24T11:59:59Z' }, now)).to.equal(false);
    expect(isOpen({ status: 'closed', closesAt: '2027-01-01T00:00:00Z' }, now)).to.equal(false);
  });

  it('shares through plain links with the title and the URL encoded', () => {
    const links = shareLinks('https://example.org/p?a=1&b=2', 'Un plan & un ministère');
    expect(links.map(([label]) => label)).to.deep.equal(['', 'Mastodon', 'Bluesky', 'Facebook', 'LinkedIn']);
    expect(links[3]![1]).to.equal('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fp%3Fa%3D1%26b%3D2');
    expect(links[0]![1]).to.match(/^mailto:\?subject=Un%20plan%20%26%20un%20minist%C3%A8re&body=/);
  });
});
