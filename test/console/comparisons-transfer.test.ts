/**
 * Import and export in Chromium over msw: the JSON file downloaded and imported back identical; a
 * CSV with two errors, both named by row and column, and nothing imported; axe in each state.
 */
import { getComparison } from '../../src/api/routes/comparisons.js';
import '../../src/define/civic-console.js';
import { expect, waitUntil } from '../helpers.js';
import { worker } from '../mocks/worker.js';
import { leaders } from './comparisons-fixtures.js';
import { answer, consoleSuite, openConsole, route, said, signedIn } from './console-helpers.js';


/** What the next click on a download link saves: its file name and text. */
function nextDownload(): Promise<{ name: string; text: string }> {
  const click = HTMLAnchorElement.prototype.click;
  return new Promise((resolve) => {
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      HTMLAnchorElement.prototype.click = click;
      void fetch(this.href).then(async (r) => resolve({ name: this.download, text: await r.text() }));
    };
  });
}

/** Chooses a file in a file input, as the picker does. */
function choose(input: HTMLInputElement, name: string, text: string): void {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<civic-console> comparisons: import and export', () => {
  consoleSuite();

  it('exports the JSON file, imports it back identical, and refuses a CSV with two errors, naming both', async function () {
    // A long keyboard flow: many round trips to the test runner, slow on a busy machine.
    this.timeout(30_000);
    signedIn(
      'editor',
      answer(getComparison, { ...leaders, updatedAt: new Date().toISOString() }),
    );
    const el = await openConsole('en', '#/comparisons/chefs-2012/transfer');
    await waitUntil(() => el.shadowRoot!.querySelector('civic-console-comparisons')?.shadowRoot?.querySelector('#import-file'), 'the import', { timeout: 4000 });
    const root = el.shadowRoot!.querySelector('civic-console-comparisons')!.shadowRoot!;
    const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    await waitUntil(() => !button('Download the JSON file').disabled);
    await expect(el).to.be.accessible();

    let saved = nextDownload();
    button('Download the JSON file').click();
    const json = await saved;
    expect(json.name).to.equal('chefs-2012.json');
    const { updatedAt: _, ...expected } = { ...leaders, updatedAt: '' };
    expect(JSON.parse(json.text)).to.deep.equal(expected);

    choose(root.querySelector<HTMLInputElement>('#import-file')!, 'chefs-2012.json', json.text);
    await waitUntil(() => said(el) === 'Imported 4 statements and 3 parties. Review, then save.', `said: ${said(el)}`);
    saved = nextDownload();
    button('Download the JSON file').click();
    expect((await saved).text).to.equal(json.text);

    saved = nextDownload();
    button('Download the CSV file').click();
    const csv = await saved;
    expect(csv.name).to.equal('chefs-2012.csv');
    const lines = csv.text.split('\r\n');
    expect(lines).to.have.length(1 + 12 + 1);
    // Two mistakes a newsroom makes in a spreadsheet: a stance off the scale, a date written the local way.
    lines[2] = lines[2]!.replace(/,0,/, ',3,');
    lines[1] = lines[1]!.replace('2012-08-31', '31/08/2012');
    choose(root.querySelector<HTMLInputElement>('#import-file')!, 'chefs.csv', lines.join('\r\n'));
    await waitUntil(() => root.querySelector('#import-problems'));
    expect(root.querySelector('#import-problems p')!.textContent).to.equal('chefs.csv: 2 problems, nothing was imported:');
    expect([...root.querySelectorAll('#import-problems li')].map((li) => li.textContent)).to.deep.equal([
      'Row 2, column source_date: A date written YYYY-MM-DD, e.g. 2012-08-31',
      'Row 3, column stance: “3” is not a stance of the 5-point scale (a whole number from -2 to 2, or empty for no answer)',
    ]);
    expect(said(el)).to.equal('chefs.csv: 2 problems, nothing was imported:');
    await expect(el).to.be.accessible();
    // Nothing changed.
    saved = nextDownload();
    button('Download the JSON file').click();
    expect((await saved).text).to.equal(json.text);
  });
});
