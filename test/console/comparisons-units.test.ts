/** The comparisons editor's pure parts: WCAG contrast, CSV reading and writing, JSON and CSV import with their problems in words. */
import { quebec2012 } from '../../server/comparisons/demo-data.js';
import { colourFailure, contrastRatio, luminance } from '../../src/console/screens/comparisons/contrast.js';
import { parseCsv, toCsv } from '../../src/console/screens/comparisons/csv.js';
import { emptyDraft, problems, toBody, toDraft } from '../../src/console/screens/comparisons/draft.js';
import { fromCsv, fromJson, toCsvText, toJson } from '../../src/console/screens/comparisons/transfer.js';
import { console as en } from '../../src/core/translations/en.js';
import { console as fr } from '../../src/core/translations/fr.js';
import { expect } from '../helpers.js';
import { leaders } from './comparisons-fixtures.js';

const t = en.comparisons;
const n = (x: number) => x.toLocaleString('en');

describe('comparisons: contrast', () => {
  it('computes WCAG relative luminance and contrast ratios', () => {
    expect(luminance('#000000')).to.equal(0);
    expect(luminance('#ffffff')).to.equal(1);
    expect(luminance('#FF0000')).to.be.closeTo(0.2126, 1e-4);
    expect(luminance('red')).to.be.NaN;
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#000000')).to.equal(21);
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(contrastRatio('#2f6fd0', '#2f6fd0')).to.equal(1);
  });

  it('refuses a colour under 3:1 against white or against black text, saying which', () => {
    expect(colourFailure('#00a3c7')).to.deep.include({ against: 'white' });
    expect(colourFailure('#00a3c7')!.ratio).to.be.closeTo(2.97, 0.01);
    expect(colourFailure('#1b4f9c')).to.deep.include({ against: 'text' });
    expect(colourFailure('#ffff00')).to.deep.include({ against: 'white' });
    expect(colourFailure('#d71920')).to.equal(undefined);
    expect(colourFailure('#767676')).to.equal(undefined);
  });
});

describe('comparisons: CSV', () => {
  it('reads quotes, doubled quotes, line breaks in cells, CRLF, a byte-order mark and semicolons; skips blank rows', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","1\n2"\r\n,\r\nz,\n')).to.deep.equal([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', '1\n2'] },
      { line: 5, cells: ['z', ''] },
    ]);
    expect(parseCsv('a;b\n"c;d";e')).to.deep.equal([{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['c;d', 'e'] }]);
  });

  it('writes what it reads back, formulas defused and restored', () => {
    const rows = [['id', 'text'], ['=SUM(A1)', 'a "quote", with comma'], ['-1', 'line\nbreak']];
    const text = toCsv([...rows, [-1, null]]);
    expect(text.startsWith('\uFEFFid,text\r\n"\'=SUM(A1)"')).to.equal(true);
    expect(parseCsv(text).map((r) => r.cells)).to.deep.equal([...rows, ['-1', '']]);
  });
});

describe('comparisons: import and export', () => {
  const draft = toDraft(leaders);

  it('exports JSON that imports back identical, and that the widget reads', () => {
    const json = toJson(draft);
    const back = fromJson(json, t, n);
    expect(back.problems).to.equal(undefined);
    expect(back.draft).to.deep.equal(draft);
    expect(toJson(back.draft!)).to.equal(json);
    expect(JSON.parse(json)).to.deep.equal(toBody(draft));
  });

  it('exports CSV, one row per party and statement, that imports back identical', () => {
    const csv = toCsvText(draft);
    const rows = parseCsv(csv);
    expect(rows).to.have.length(1 + 4 * 3);
    expect(rows[0]!.cells.slice(0, 7)).to.deep.equal(['statement_id', 'theme', 'statement', 'party_id', 'party', 'short_name', 'stance']);
    const back = fromCsv(csv, { ...emptyDraft(), ...draft, statements: [], parties: [], positions: [] }, t, n);
    expect(back.problems).to.equal(undefined);
    expect(toBody(back.draft!)).to.deep.equal(toBody(draft));
  });

  it('names every problem of a CSV by row and column, and imports nothing', () => {
    const csv = [
      'statement_id,theme,statement,party_id,party,short_name,stance,colour',
      's1,Gouvernance,Créer un ministère.,p1,Pauline Marois,Marois,-2,#2f6fd0',
      's1,Gouvernance,Créer un ministère.,p2,Jean Charest,Charest,7,#d71920',
      's2,Accès,Brancher les régions.,p1,Pauline Marois,Marois,1,#2f6fd0',
      's2,Accès,Brancher les régions.,p2,Jean Charest,,0,#d71920',
    ].join('\n');
    const r = fromCsv(csv, draft, t, n);
    expect(r.draft).to.equal(undefined);
    expect(r.problems).to.deep.equal([
      'Row 3, column stance: “7” is not a stance of the 5-point scale (a whole number from -2 to 2, or empty for no answer)',
      'Row 5, column short_name: differs from row 3 for the same id',
    ]);
    const colour = fromCsv(csv.replace(/7,#d71920/, '1,#00a3c7').replace('Jean Charest,,0', 'Jean Charest,Charest,0').replace(/#d71920$/, '#00a3c7'), draft, t, n);
    expect(colour.problems).to.have.length(1);
    expect(colour.problems![0]).to.match(/^Row 3, column colour: Refused: its contrast is 2\.9:1 against white/);
    expect(fromCsv('id,text\n1,2', draft, t, n).problems![0]).to.equal('Row 1: the column statement_id is missing');
  });

  it('names the problems of a JSON file by their place, in French too', () => {
    const bad = { ...leaders, parties: [{ ...leaders.parties[0]!, shortName: ' ' }, leaders.parties[1]!, { ...leaders.parties[2]!, id: 'p1' }] };
    const r = fromJson(JSON.stringify(bad), fr.comparisons, n);
    expect(r.problems).to.deep.equal(['Parti 1, Nom court : Obligatoire']);
    const r2 = fromJson(JSON.stringify({ ...leaders, parties: [leaders.parties[0]!, leaders.parties[1]!, { ...leaders.parties[2]!, id: 'p1' }] }), t, n);
    expect(r2.problems![0]).to.equal('Party 3, Identifier (in the embed code): Already used: each id must be unique');
    expect(fromJson('{"id": ', t, n).problems).to.deep.equal(['Not a JSON file']);
  });

  it('finds nothing wrong with the demo’s comparison (the seeds’ leaders), whose colours pass AA', () => {
    expect([...problems(toDraft(quebec2012), t, n)]).to.deep.equal([]);
    const bad = toDraft({ ...quebec2012, parties: quebec2012.parties.map((p) => ({ ...p, colour: '#ffdd00' })) });
    expect([...problems(bad, t, n).keys()]).to.deep.equal(['parties.0.colour', 'parties.1.colour', 'parties.2.colour', 'parties.3.colour', 'parties.4.colour']);
  });
});
