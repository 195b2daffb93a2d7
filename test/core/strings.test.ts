/** French and English details of the strings: plurals through Intl.PluralRules, "le 1er" for the first of the month. */
import * as en from '../../src/core/translations/en.js';
import * as fr from '../../src/core/translations/fr.js';
import { expect } from '../helpers.js';

describe('the strings', () => {
  it('French plurals follow Intl.PluralRules: 0 and 1 (and 1,5) singular, never "1 de vos 1 énoncé"', () => {
    expect(fr.comparator.covered(1, 1)).to.equal('A pris position sur votre énoncé');
    expect(fr.comparator.covered(0, 1)).to.equal('N’a pas pris position sur votre énoncé');
    expect(fr.comparator.covered(2, 6)).to.equal('A pris position sur 2 de vos 6 énoncés');
    expect(fr.comparator.points(1.5, '1,5', '2', '10')).to.equal('1,5 point sur 2 (ajoute 10 %)');
    expect(fr.comparator.points(2, '2', '2', '10')).to.equal('2 points sur 2 (ajoute 10 %)');
    expect(fr.petition.signatures(0)).to.equal('signature');
    expect(fr.petition.signatures(2)).to.equal('signatures');
    expect(en.comparator.covered(1, 1)).to.equal('Took a stance on your one statement');
    expect(en.comparator.covered(0, 1)).to.equal('Took no stance on your one statement');
  });

  it('French dates: "le 1er déc." for the first of the month, other days as they are', () => {
    const d = (iso: string, style: 'medium' | 'long') => new Date(iso).toLocaleString('fr', { dateStyle: style, timeZone: 'UTC' });
    expect(fr.poll.by('Fabrice', d('2026-12-01T12:00:00Z', 'medium'))).to.equal('Par Fabrice, le 1er déc. 2026');
    expect(fr.poll.closedOn(d('2026-12-01T12:00:00Z', 'long'))).to.equal('Clos depuis le 1er décembre 2026');
    expect(fr.poll.opensOn(d('2026-12-01T12:00:00Z', 'long'))).to.equal('Ouvert à partir du 1er décembre 2026');
    expect(fr.petition.closesOn(d('2026-12-10T12:00:00Z', 'long'))).to.equal('Ouverte jusqu’au 10 décembre 2026');
    expect(fr.petition.closedOn(d('2026-12-01T12:00:00Z', 'long'))).to.equal('Close depuis le 1er décembre 2026');
    expect(fr.comparator.saidOn(d('2012-08-01T12:00:00Z', 'long'))).to.equal('propos du 1er août 2012');
  });
});
