/** The demo's polls: the blog's quick poll and the #Contribuez consultation, consistent counters, loaded once. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { admin, serverSuites } from '../helpers.js';
import { loadDemo } from '../../../server/demo.js';
import { Poll, PollResults, ProposalPage } from '../../../src/api/poll.js';

await serverSuites('poll demo', { demo: true }, (s) => {
  it('the quick poll asks about a ministry of digital affairs, results after voting', async () => {
    const p = Poll.parse((await s.call('GET', '/api/polls/ministere-numerique')).json);
    assert.equal(p.title, 'Le Québec devrait-il se doter d’un ministère du Numérique ?');
    assert.equal(p.status, 'open');
    assert.equal(p.resultsVisibility, 'after-vote');
    assert.equal(p.participantCount, 312);
    const full = await s.call('GET', '/api/admin/polls/ministere-numerique/results.json', undefined, admin);
    assert.deepEqual(full.json.results.poll.tally, { counts: { oui: 214, non: 61, 'sans-opinion': 37 }, total: 312 });
  });

  it('the consultation has #Contribuez’s four themes, proposals from the seeds, agreement and division', async () => {
    const p = Poll.parse((await s.call('GET', '/api/polls/contribuez')).json);
    assert.deepEqual(p.themes.map((t) => t.title), [
      'Croissance et innovation',
      'Loyauté dans l’environnement numérique',
      'Transformation numérique de l’action publique',
      'Société et métamorphose numérique',
    ]);
    assert.equal(p.proposalCount, 10);
    assert.equal(p.participantCount, 180);
    const agree = ProposalPage.parse((await s.call('GET', '/api/polls/contribuez/proposals?sort=consensus&limit=3')).json);
    assert.equal(agree.items[0]?.title, 'Des données ouvertes et une place au logiciel libre dans l’État');
    assert.ok(!agree.items.some((x) => x.id === 'plateforme-participation'), 'three votes do not make a consensus');
    const divided = ProposalPage.parse((await s.call('GET', '/api/polls/contribuez/proposals?sort=division&limit=2')).json);
    assert.deepEqual(divided.items.map((x) => x.id).sort(), ['champions-regionaux', 'systemes-information']);
    const r = PollResults.parse((await s.call('GET', '/api/polls/contribuez/results')).json);
    assert.deepEqual(r.proposals['champions-regionaux']?.tally, { counts: { agree: 41, mixed: 22, disagree: 47 }, total: 110 });
    const rows = await s.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = 'contribuez'`);
    const sum = await s.db.query<{ n: number }>(`SELECT sum(count)::int AS n FROM poll_tallies WHERE poll_id = 'contribuez' AND value <> '#'`);
    assert.equal(sum[0]!.n, rows[0]!.n, 'the counters count the rows');
    const args = await s.call('GET', '/api/polls/contribuez/proposals/champions-regionaux/arguments');
    assert.deepEqual(args.json.items.map((a: { side: string }) => a.side), ['against', 'for'], 'most liked first');
  });

  it('loading the demo again changes nothing', async () => {
    const snapshot = async () => JSON.stringify(await s.db.query(`SELECT poll_id, subject, value, count FROM poll_tallies ORDER BY 1, 2, 3`));
    const before = await snapshot();
    assert.equal(await loadDemo(s.db), false);
    assert.equal(await snapshot(), before);
  });
}, { allowLogs: true });
