/** Polls on PGlite and on PostgreSQL: votes counted exactly under concurrency, the rules of each vote kind, closing, visibility, consultations, the email-confirmed mode, live events. */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { admin, EventReader, key, refused, serverSuites, type Answer } from '../helpers.js';
import { createPoll, participantToken } from '../fixtures.js';
import { normaliseEmail } from '../../../src/domain/people.js';
import { PollExport } from '../../../src/api/admin.js';
import { foldAllTallies } from '../../../server/polls/sql/votes.js';
import { Argument, ArgumentList, Ballot, LikeResult, Poll, PollEvent, PollResults, Proposal, ProposalPage, VoteResult } from '../../../src/api/poll.js';


await serverSuites('polls', { heartbeatMs: 200 }, (s, target) => {
  const vote = (id: string, participant: string, body: unknown, headers: Record<string, string> = key()) => s.call('PUT', `/api/polls/${id}/votes/${participant}`, body, headers);
  const voteOn = (id: string, proposalId: string, participant: string, body: unknown, headers: Record<string, string> = key()) =>
    s.call('PUT', `/api/polls/${id}/proposals/${proposalId}/votes/${participant}`, body, headers);
  const results = async (id: string) => {
    const r = await s.call('GET', `/api/polls/${id}/results`);
    assert.equal(r.status, 200, r.text);
    return PollResults.parse(r.json);
  };
  const ballot = async (id: string, participant: string) => {
    const r = await s.call('GET', `/api/polls/${id}/votes/${participant}`);
    assert.equal(r.status, 200, r.text);
    return Ballot.parse(r.json);
  };
  const exported = async (id: string) => {
    const r = await s.call('GET', `/api/admin/polls/${id}/results.json`, undefined, admin);
    assert.equal(r.status, 200, r.text);
    return r.json as { results: { participantCount: number; poll: { tally: { counts: Record<string, number>; total: number } } | null; proposals: Record<string, { tally: { counts: Record<string, number>; total: number } }> } };
  };
  /** What the counters say, against a count of the vote rows themselves. */
  const countsMatchRows = async (id: string) => {
    const rows = await s.db.query<{ subject: string; value: string; n: number }>(
      'SELECT subject, value, count(*)::int AS n FROM poll_votes WHERE poll_id = $1 AND counted GROUP BY subject, value',
      [id],
    );
    // A counter is its row plus its slots (migration 013).
    const tallies = await s.db.query<{ subject: string; value: string; count: number }>(
      `SELECT subject, value, sum(count)::int AS count FROM (
         SELECT subject, value, count FROM poll_tallies WHERE poll_id = $1 UNION ALL SELECT subject, value, n FROM poll_tally_slots WHERE poll_id = $1
       ) c WHERE value <> '#' GROUP BY subject, value HAVING sum(count) > 0`,
      [id],
    );
    const key = (r: { subject: string; value: string }) => `${r.subject}/${r.value}`;
    assert.deepEqual(
      Object.fromEntries(tallies.map((t) => [key(t), t.count])),
      Object.fromEntries(rows.map((r) => [key(r), r.n])),
      'every counter equals the number of vote rows it counts',
    );
    const [people] = await s.db.query<{ n: number }>('SELECT count(DISTINCT participant)::int AS n FROM poll_votes WHERE poll_id = $1 AND counted', [id]);
    assert.equal((await results(id)).participantCount, people!.n, 'participants');
  };

  it('creates a quick poll and answers the contract', async () => {
    const id = await createPoll(s, { description: 'Une question au lectorat.' });
    const r = await s.call('GET', `/api/polls/${id}`);
    assert.equal(r.status, 200, r.text);
    const p = Poll.parse(r.json);
    assert.equal(p.kind, 'quick');
    assert.equal(p.status, 'open');
    assert.equal(p.resultsVisibility, 'always');
    assert.deepEqual(p.options.map((o) => o.label), ['Oui', 'Non']);
    assert.equal(p.participantCount, 0);
  });

  it('the export tells participants over time, by hour, counting each once at their first counted vote', async () => {
    const id = await createPoll(s, { integrity: 'open' });
    const [a, b, c] = [participantToken(), participantToken(), participantToken()];
    for (const who of [a, b, c]) assert.equal((await vote(id, who, { options: ['oui'] })).status, 200);
    assert.equal((await vote(id, a, { options: ['non'] })).status, 200, 'a changed vote is still one participant');
    // Hours apart, whatever the clock says now.
    await s.db.query(`UPDATE poll_votes SET created_at = date_trunc('hour', now()) + interval '5 minutes' WHERE poll_id = $1`, [id]);
    await s.db.query(`UPDATE poll_votes SET created_at = date_trunc('hour', now()) - interval '3 hours' WHERE poll_id = $1 AND participant = $2`, [id, createHash('sha256').update(`participant:${c}`).digest('hex')]);
    const r = await s.call('GET', `/api/admin/polls/${id}/results.json`, undefined, admin);
    assert.equal(r.status, 200, r.text);
    const timeline = PollExport.parse(r.json).timeline;
    assert.deepEqual(timeline.map((p) => p.participants), [1, 2], r.text);
    assert.ok(timeline[0]!.at < timeline[1]!.at && timeline.every((p) => p.at.endsWith(':00:00.000Z')), 'hours, oldest first');
  });

  // Tests of many participants from this one address use open polls (no per-address limit: integrity.test.ts).
  it('200 concurrent votes from distinct participants count exactly', async () => {
    const id = await createPoll(s, { integrity: 'open' });
    const people = Array.from({ length: 200 }, participantToken);
    const answers = await Promise.all(people.map((p, i) => vote(id, p, { options: [i % 4 === 0 ? 'non' : 'oui'] })));
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200], answers.find((a) => a.status !== 200)?.text);
    for (const a of answers) assert.equal(VoteResult.parse(a.json).status, 'counted');
    const r = await results(id);
    assert.equal(r.participantCount, 200);
    assert.deepEqual(r.poll?.tally, { counts: { oui: 150, non: 50 }, total: 200 });
    assert.equal((await s.call('GET', `/api/polls/${id}`)).json.participantCount, 200);
    await countsMatchRows(id);
  });

  it('200 concurrent changes and withdrawals keep the counts exact', async () => {
    const id = await createPoll(s, { integrity: 'open', voteKind: 'approval', maxChoices: 2, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: o.toUpperCase() })) });
    const people = Array.from({ length: 100 }, participantToken);
    await Promise.all(people.map((p) => vote(id, p, { options: ['a', 'b'] })));
    // Each participant changes their vote while another withdraws theirs, all at once.
    const answers = await Promise.all(
      people.flatMap((p, i) => (i % 2 ? [vote(id, p, { options: ['c'] })] : [s.call('DELETE', `/api/polls/${id}/votes/${p}`, undefined, key()), vote(id, participantToken(), { options: ['b', 'c'] })])),
    );
    assert.ok(answers.every((a) => a.status === 200), answers.find((a) => a.status !== 200)?.text);
    const r = await results(id);
    assert.deepEqual(r.poll?.tally, { counts: { a: 0, b: 50, c: 100 }, total: 100 });
    assert.equal(r.participantCount, 100);
    await countsMatchRows(id);
  });

  /** The slots of the poll's counters (migration 013): their rows, the slots used, the smallest amount in one. */
  const slots = async (id: string) =>
    (await s.db.query<{ rows: number; slots: number; least: number | null }>(
      'SELECT count(*)::int AS rows, count(DISTINCT slot)::int AS slots, min(n) AS least FROM poll_tally_slots WHERE poll_id = $1',
      [id],
    ))[0]!;

  it('votes spread over the connections\' slots, are folded back while others vote, and stay exact', async () => {
    const id = await createPoll(s, { integrity: 'open', voteKind: 'approval', maxChoices: 2, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: o.toUpperCase() })) });
    const people = Array.from({ length: 120 }, participantToken);
    await Promise.all(people.map((p) => vote(id, p, { options: ['a', 'b'] })));
    if (target.name === 'postgres') assert.ok((await slots(id)).slots > 1, 'the pool\'s connections add to slots of their own');
    // A third withdraw, a third change, a third stay while as many new participants vote; the slots are folded meanwhile.
    const folds = (async () => {
      for (let i = 0; i < 5; i++) {
        await foldAllTallies(s.db);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const answers = await Promise.all(
      people.map((p, i) =>
        i % 3 === 0 ? s.call('DELETE', `/api/polls/${id}/votes/${p}`, undefined, key()) : i % 3 === 1 ? vote(id, p, { options: ['c'] }) : vote(id, participantToken(), { options: ['b', 'c'] }),
      ),
    );
    await folds;
    assert.ok(answers.every((a) => a.status === 200), answers.find((a) => a.status !== 200)?.text);
    const r = await results(id);
    assert.deepEqual(r.poll?.tally, { counts: { a: 40, b: 80, c: 80 }, total: 120 });
    assert.equal(r.participantCount, 120);
    await countsMatchRows(id);
  });

  it('a withdrawal after a fold leaves its slot below zero; the counter, the close and its fold stay exact', async () => {
    const id = await createPoll(s, { integrity: 'open' });
    const people = Array.from({ length: 10 }, participantToken);
    await Promise.all(people.map((p) => vote(id, p, { options: ['oui'] })));
    await foldAllTallies(s.db);
    assert.equal((await slots(id)).rows, 0, 'every slot folded into its counter');
    for (const p of people.slice(0, 4)) assert.equal((await s.call('DELETE', `/api/polls/${id}/votes/${p}`, undefined, key())).status, 200);
    const changed = VoteResult.parse((await vote(id, people[4]!, { options: ['non'] })).json);
    assert.deepEqual([changed.participantCount, changed.result?.tally], [6, { counts: { oui: 5, non: 1 }, total: 6 }], 'the vote answers the sums');
    assert.ok(((await slots(id)).least ?? 0) < 0, 'the decreases went to slots');
    assert.deepEqual((await results(id)).poll?.tally, { counts: { oui: 5, non: 1 }, total: 6 });
    assert.equal((await s.call('POST', `/api/admin/polls/${id}/close`, undefined, admin)).status, 200);
    assert.equal((await slots(id)).rows, 0, 'closing folds the slots');
    const r = await results(id);
    assert.deepEqual([r.participantCount, r.poll?.tally], [6, { counts: { oui: 5, non: 1 }, total: 6 }]);
    await countsMatchRows(id);
  });

  it('repeated votes from one participant count once; a replayed key changes nothing', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    const same = await Promise.all(Array.from({ length: 10 }, () => vote(id, me, { options: ['oui'] })));
    assert.ok(same.every((a) => a.status === 200));
    assert.deepEqual((await results(id)).poll?.tally, { counts: { oui: 1 }, total: 1 });

    const first = key();
    await vote(id, me, { options: ['non'] }, first);
    await vote(id, me, { options: ['oui'] }, key());
    // The first request arrives again late (a retry): it must not bring the old choice back.
    const replay = await vote(id, me, { options: ['non'] }, first);
    assert.equal(replay.status, 200, replay.text);
    assert.deepEqual((await ballot(id, me)).votes, { '': ['oui'] });
    assert.deepEqual((await results(id)).poll?.tally, { counts: { oui: 1, non: 0 }, total: 1 });
    await countsMatchRows(id);
  });

  it('withdrawing a vote uncounts it and the participant', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    await vote(id, me, { options: ['oui'] });
    const w = await s.call('DELETE', `/api/polls/${id}/votes/${me}`, undefined, key());
    assert.equal(w.status, 200, w.text);
    assert.equal(VoteResult.parse(w.json).status, 'withdrawn');
    const r = await results(id);
    assert.equal(r.participantCount, 0);
    assert.equal(r.poll?.tally.total, 0);
    const again = await s.call('DELETE', `/api/polls/${id}/votes/${me}`, undefined, key());
    assert.equal(again.status, 200, 'withdrawing twice is harmless');
  });

  it('enforces the rules of each vote kind, naming the field', async () => {
    const approval = await createPoll(s, { voteKind: 'approval', maxChoices: 2, options: ['a', 'b', 'c'].map((o) => ({ id: o, label: o })) });
    const me = participantToken();
    refused(await vote(approval, me, { options: ['a', 'b', 'c'] }), 400, 'validation', ['options']);
    refused(await vote(approval, me, { options: [] }), 400, 'validation', ['options']);
    refused(await vote(approval, me, { options: ['a', 'a'] }), 400, 'validation', ['options']);
    refused(await vote(approval, me, { options: ['a', 'zzz'] }), 400, 'validation', ['options.1']);
    refused(await vote(approval, me, { value: 'agree' }), 400, 'validation', ['value']);
    assert.equal((await vote(approval, me, { options: ['a', 'c'] })).status, 200);
    assert.deepEqual((await ballot(approval, me)).votes, { '': ['a', 'c'] });

    const single = await createPoll(s);
    refused(await vote(single, me, { options: ['oui', 'non'] }), 400, 'validation', ['options']);
    refused(await vote(single, me, {}), 400, 'validation', ['options']);

    const agreement = await createPoll(s, { voteKind: 'agreement', options: [] });
    refused(await vote(agreement, me, { value: 'support' }), 400, 'validation', ['value']);
    refused(await vote(agreement, me, { value: 'maybe' }), 400, 'validation', ['value']);
    refused(await vote(agreement, me, { value: 'agree', options: ['x'] }), 400, 'validation', ['options']);
    assert.equal(VoteResult.parse((await vote(agreement, me, { value: 'mixed' })).json).result?.tally.counts['mixed'], 1);
    await countsMatchRows(approval);
  });

  it('refuses votes after closing, and before opening, with a clear error', async () => {
    const id = await createPoll(s);
    const me = participantToken();
    await vote(id, me, { options: ['oui'] });
    const closed = await s.call('POST', `/api/admin/polls/${id}/close`, undefined, admin);
    assert.equal(closed.status, 200, closed.text);
    assert.equal(closed.json.status, 'closed');
    const r = await vote(id, me, { options: ['non'] });
    refused(r, 409, 'closed');
    assert.match(r.json.error.message, /closed/);
    refused(await s.call('DELETE', `/api/polls/${id}/votes/${me}`, undefined, key()), 409, 'closed');
    assert.deepEqual((await results(id)).poll?.tally, { counts: { oui: 1 }, total: 1 }, 'final results stay');

    const past = await createPoll(s, { closesAt: new Date(Date.now() - 60_000).toISOString() });
    refused(await vote(past, me, { options: ['oui'] }), 409, 'closed');
    assert.equal((await s.call('GET', `/api/polls/${past}`)).json.status, 'closed');

    const later = await createPoll(s, { opensAt: new Date(Date.now() + 86_400_000).toISOString() });
    const early = await vote(later, me, { options: ['oui'] });
    refused(early, 409, 'closed');
    assert.match(early.json.error.message, /not open yet/);
    assert.equal((await s.call('GET', `/api/polls/${later}`)).json.status, 'upcoming');
  });

  it('a close waits for the votes under way: none lands after it', async () => {
    const id = await createPoll(s, { integrity: 'open' });
    const votes = Array.from({ length: 60 }, () => vote(id, participantToken(), { options: ['oui'] }));
    const close = s.call('POST', `/api/admin/polls/${id}/close`, undefined, admin);
    const answers = await Promise.all(votes);
    await close;
    const counted = answers.filter((a) => a.status === 200).length;
    assert.ok(answers.every((a) => a.status === 200 || a.status === 409), answers.map((a) => a.status).join());
    assert.equal((await results(id)).participantCount, counted, 'every vote answered 200 is counted, no other');
  });

  it('shows results to each reader as the organiser chose', async () => {
    const afterVote = await createPoll(s, { resultsVisibility: 'after-vote' });
    const me = participantToken();
    const other = participantToken();
    await vote(afterVote, other, { options: ['non'] });
    let r = await results(afterVote);
    assert.equal(r.visible, false);
    assert.equal(r.poll, null, 'hidden before voting');
    assert.equal(r.participantCount, 1, 'the count of participants shows');
    assert.equal((await ballot(afterVote, me)).results.poll, null);
    const v = VoteResult.parse((await vote(afterVote, me, { options: ['oui'] })).json);
    assert.deepEqual(v.result?.tally, { counts: { oui: 1, non: 1 }, total: 2 }, 'the vote answers the results');
    assert.deepEqual((await ballot(afterVote, me)).results.poll?.tally.total, 2, 'shown after voting');
    assert.equal((await results(afterVote)).poll, null, 'still hidden from others');

    const afterClose = await createPoll(s, { resultsVisibility: 'after-close' });
    const w = VoteResult.parse((await vote(afterClose, me, { options: ['oui'] })).json);
    assert.equal(w.result, null);
    assert.equal((await ballot(afterClose, me)).results.poll, null);
    await s.call('POST', `/api/admin/polls/${afterClose}/close`, undefined, admin);
    r = await results(afterClose);
    assert.equal(r.visible, true);
    assert.deepEqual(r.poll?.tally, { counts: { oui: 1 }, total: 1 });
  });

  it('streams the poll and its public results live', async () => {
    const id = await createPoll(s);
    const events = await EventReader.open(`${s.url}/api/polls/${id}/events`);
    try {
      assert.equal(events.status, 200);
      assert.match(events.contentType, /text\/event-stream/);
      const first = PollEvent.parse(await events.next());
      assert.equal(first.participantCount, 0);
      await vote(id, participantToken(), { options: ['non'] });
      const next = PollEvent.parse(await events.until((e) => e.participantCount === 1));
      assert.deepEqual(next.results.poll?.tally, { counts: { non: 1 }, total: 1 });
      await s.call('POST', `/api/admin/polls/${id}/close`, undefined, admin);
      await events.until((e) => e.status === 'closed');
    } finally {
      events.close();
    }
  });

  it('consultations: proposals (moderated), votes on each, arguments, likes, orders by consensus', async () => {
    const id = await createPoll(s, {
      integrity: 'open',
      kind: 'consultation',
      voteKind: 'agreement',
      options: [],
      allowProposals: true,
      themes: [
        { id: 'croissance', title: 'Croissance et innovation' },
        { id: 'societe', title: 'Société et métamorphose numérique' },
      ],
    });
    const mk = async (title: string, themeId = 'croissance') => {
      const r = await s.call('POST', `/api/admin/polls/${id}/proposals`, { title, body: 'Le détail.', authorName: 'L’équipe', themeId }, { ...admin, ...key() });
      assert.equal(r.status, 201, r.text);
      return Proposal.parse(r.json).id;
    };
    const champions = await mk('Un champion par région');
    const education = await mk('Une éducation civique numérique', 'societe');

    // A participant's proposal waits for a moderator.
    const k = key();
    const sent = await s.call('POST', `/api/polls/${id}/proposals`, { title: 'Des données ouvertes', body: 'Par défaut.', authorName: 'Cyrille', themeId: 'societe' }, k);
    assert.equal(sent.status, 201, sent.text);
    const pending = Proposal.parse(sent.json);
    assert.equal(pending.status, 'pending');
    const again = await s.call('POST', `/api/polls/${id}/proposals`, { title: 'Des données ouvertes', body: 'Par défaut.', authorName: 'Cyrille', themeId: 'societe' }, k);
    assert.equal(again.json.id, pending.id, 'the same key answers the same proposal');
    refused(await s.call('POST', `/api/polls/${id}/proposals`, { title: 'X', body: 'Y', authorName: 'Z', themeId: 'nope' }, key()), 400, 'validation', ['themeId']);
    let page = ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals`)).json);
    assert.deepEqual(page.items.map((p) => p.title), ['Une éducation civique numérique', 'Un champion par région']);
    const queue = await s.call('GET', `/api/admin/polls/${id}/pending`, undefined, admin);
    assert.deepEqual(queue.json.proposals.map((p: Proposal) => p.id), [pending.id]);
    refused(await voteOn(id, pending.id, participantToken(), { value: 'agree' }), 404, 'not-found');
    const published = await s.call('PATCH', `/api/admin/polls/${id}/proposals/${pending.id}`, { status: 'published' }, admin);
    assert.equal(published.json.status, 'published');
    page = ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals?theme=societe`)).json);
    assert.deepEqual(page.items.map((p) => p.title), ['Des données ouvertes', 'Une éducation civique numérique']);
    assert.equal(page.total, 2);

    // Votes: many agree with the champions, three with education (all agree), a split on open data.
    const many = Array.from({ length: 40 }, participantToken);
    await Promise.all(many.map((p, i) => voteOn(id, champions, p, { value: i < 36 ? 'agree' : 'disagree' })));
    await Promise.all(many.slice(0, 3).map((p) => voteOn(id, education, p, { value: 'agree' })));
    await Promise.all(many.slice(0, 20).map((p, i) => voteOn(id, pending.id, p, { value: i % 2 ? 'agree' : 'disagree' })));
    refused(await vote(id, many[0]!, { value: 'agree' }), 404, 'not-found');
    const r = await results(id);
    assert.equal(r.participantCount, 40);
    assert.deepEqual(r.proposals[champions]?.tally, { counts: { agree: 36, disagree: 4 }, total: 40 });
    assert.ok(r.proposals[champions]!.agreement > r.proposals[education]!.agreement, '36 of 40 outranks 3 of 3');
    const byConsensus = ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals?sort=consensus`)).json);
    assert.deepEqual(byConsensus.items.map((p) => p.id), [champions, education, pending.id]);
    const byDivision = ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals?sort=division&limit=1`)).json);
    assert.deepEqual(byDivision.items.map((p) => p.id), [pending.id]);
    assert.equal(byDivision.nextCursor, '1');
    const next = ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals?sort=division&limit=1&cursor=1`)).json);
    assert.equal(next.items.length, 1);
    await countsMatchRows(id);

    // Arguments (moderated like proposals), and likes once per participant.
    const arg = await s.call('POST', `/api/polls/${id}/proposals/${champions}/arguments`, { side: 'against', body: 'Les autres régions attendront.', authorName: 'René' }, key());
    assert.equal(arg.status, 201, arg.text);
    const a = Argument.parse(arg.json);
    assert.equal(a.status, 'pending');
    assert.deepEqual(ArgumentList.parse((await s.call('GET', `/api/polls/${id}/proposals/${champions}/arguments`)).json).items, []);
    await s.call('PATCH', `/api/admin/polls/${id}/arguments/${a.id}`, { status: 'published' }, admin);
    const fan = participantToken();
    const likes = await Promise.all(Array.from({ length: 5 }, () => s.call('PUT', `/api/polls/${id}/arguments/${a.id}/likes/${fan}`, undefined, key())));
    assert.ok(likes.every((l) => l.status === 200));
    await s.call('PUT', `/api/polls/${id}/arguments/${a.id}/likes/${participantToken()}`, undefined, key());
    let list = ArgumentList.parse((await s.call('GET', `/api/polls/${id}/proposals/${champions}/arguments`)).json);
    assert.equal(list.items[0]?.likeCount, 2);
    assert.deepEqual((await ballot(id, fan)).likes, [a.id]);
    const unlike = LikeResult.parse((await s.call('DELETE', `/api/polls/${id}/arguments/${a.id}/likes/${fan}`, undefined, key())).json);
    assert.deepEqual(unlike, { liked: false, likeCount: 1 });
    list = ArgumentList.parse((await s.call('GET', `/api/polls/${id}/proposals/${champions}/arguments`)).json);
    assert.equal(list.items[0]?.likeCount, 1);
    assert.equal(ProposalPage.parse((await s.call('GET', `/api/polls/${id}/proposals?theme=croissance`)).json).items[0]?.argumentCount, 1);
  });

  it('email-confirmed polls count a vote once its participant confirms, one per address', async () => {
    const id = await createPoll(s, { confirmEmail: true });
    const laptop = participantToken();
    const phone = participantToken();
    const v = VoteResult.parse((await vote(id, laptop, { options: ['oui'] })).json);
    assert.equal(v.status, 'pending');
    assert.equal((await results(id)).participantCount, 0, 'not counted yet');
    assert.equal((await ballot(id, laptop)).confirmed, false);

    const email = `lea-${randomUUID().slice(0, 8)}@example.org`;
    const asked = await s.call('POST', `/api/polls/${id}/participants/${laptop}/email`, { email }, key());
    assert.equal(asked.status, 200, asked.text);
    assert.deepEqual(asked.json, { status: 'sent' });
    await s.idle();
    const mail = s.outbox!.last(email);
    assert.ok(mail, 'a mail with the link');
    assert.match(mail.subject, /Confirmez votre participation/);
    const token = decodeURIComponent(/\/polls\/confirm\?token=([\w%-]+)/.exec(mail.text)![1]!);
    assert.doesNotMatch(JSON.stringify(await s.db.query('SELECT * FROM poll_participants')), new RegExp(email.split('@')[0]!), 'the address is not stored');

    const page = await s.call('GET', `/polls/confirm?token=${encodeURIComponent(token)}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<form method="post"/);
    assert.equal((await results(id)).participantCount, 0, 'opening the link confirms nothing');
    const confirmed = await s.call('POST', '/api/participants/confirm', { token });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.deepEqual(confirmed.json, { status: 'confirmed', pollId: id, participantCount: 1 });
    assert.deepEqual((await results(id)).poll?.tally, { counts: { oui: 1 }, total: 1 });
    refused(await s.call('POST', '/api/participants/confirm', { token }), 404, 'not-found');

    // The same person on another device: confirming the same address moves the vote there.
    assert.equal(VoteResult.parse((await vote(id, phone, { options: ['non'] })).json).status, 'pending');
    await s.call('POST', `/api/polls/${id}/participants/${phone}/email`, { email: email.toUpperCase() }, key());
    await s.idle();
    const second = decodeURIComponent(/\/polls\/confirm\?token=([\w%-]+)/.exec(s.outbox!.last(email.toUpperCase())!.text)![1]!);
    const done = await s.call('POST', '/polls/confirm', `token=${encodeURIComponent(second)}`, { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(done.status, 200, done.text);
    assert.match(done.text, /Vos votes sont comptés/);
    const r = await results(id);
    assert.equal(r.participantCount, 1, 'one address, one participant');
    assert.deepEqual(r.poll?.tally, { counts: { oui: 0, non: 1 }, total: 1 });
    assert.equal((await ballot(id, laptop)).confirmed, false);
    await countsMatchRows(id);
    refused(await s.call('POST', `/api/polls/${await createPoll(s)}/participants/${laptop}/email`, { email }, key()), 409, 'conflict');
  });

  it('mails an address at most once per poll in ten minutes, whichever participants ask, answering each as a success', async () => {
    const id = await createPoll(s, { confirmEmail: true });
    const email = `victim-${randomUUID().slice(0, 8)}@example.org`;
    const mailed = () => s.outbox!.mails.filter((m) => normaliseEmail(m.to) === email).length;
    const ask = (pollId: string, participant = participantToken(), to = email) => s.call('POST', `/api/polls/${pollId}/participants/${participant}/email`, { email: to }, key());
    const sent = (a: Answer) => {
      assert.equal(a.status, 200, a.text);
      assert.deepEqual(a.json, { status: 'sent' }, 'nothing tells a mail was held back');
    };
    // Five fresh participants at once, then three more (one spelling the address differently): one mail.
    (await Promise.all(Array.from({ length: 5 }, () => ask(id)))).forEach(sent);
    for (const to of [email, email.toUpperCase(), email]) sent(await ask(id, participantToken(), to));
    await s.idle();
    assert.equal(mailed(), 1, 'one mail to the address');
    const [row] = await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM poll_participants WHERE pending_poll = $1', [id]);
    assert.equal(row!.n, 1, 'only the participant mailed holds a link');

    // Another poll has its own allowance; ten minutes later this one has a new one.
    sent(await ask(await createPoll(s, { confirmEmail: true })));
    await s.idle();
    assert.equal(mailed(), 2, 'another poll mails the address once');
    await s.db.query(`UPDATE poll_confirmation_mails SET mailed_at = mailed_at - interval '10 minutes' WHERE poll_id = $1`, [id]);
    (await Promise.all(Array.from({ length: 3 }, () => ask(id)))).forEach(sent);
    await s.idle();
    assert.equal(mailed(), 3, 'after ten minutes, one more');

    // Following the link ends the wait: the same person may confirm on another device at once.
    const token = decodeURIComponent(/\/polls\/confirm\?token=([\w%-]+)/.exec(s.outbox!.last(email)!.text)![1]!);
    assert.equal((await s.call('POST', '/api/participants/confirm', { token })).status, 200);
    sent(await ask(id));
    await s.idle();
    assert.equal(mailed(), 4, 'a new mail once the last link was followed');
  });

  it('keeps only a keyed hash of a participant\'s email, not one anyone could recompute', async () => {
    const id = await createPoll(s, { confirmEmail: true });
    const email = `Hash-${randomUUID().slice(0, 8)}@example.org`;
    const participant = participantToken();
    await s.call('POST', `/api/polls/${id}/participants/${participant}/email`, { email }, key());
    await s.idle();
    const [pending] = await s.db.query<{ pending_hash: string }>('SELECT pending_hash FROM poll_participants WHERE pending_poll = $1', [id]);
    const token = decodeURIComponent(/\/polls\/confirm\?token=([\w%-]+)/.exec(s.outbox!.last(email)!.text)![1]!);
    assert.equal((await s.call('POST', '/api/participants/confirm', { token })).status, 200);
    const [confirmed] = await s.db.query<{ email_hash: string }>('SELECT email_hash FROM poll_participants WHERE email_hash = $1', [pending!.pending_hash]);
    assert.ok(confirmed, 'the confirmed participant keeps the hash');
    const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
    const guesses = [email, email.toLowerCase(), normaliseEmail(email)].flatMap((e) => [e, `email:${e}`]).map(sha256);
    assert.ok(!guesses.includes(confirmed.email_hash), `not a plain SHA-256 of the address: ${confirmed.email_hash}`);
    assert.match(confirmed.email_hash, /^[\w-]{43}$/, 'an HMAC-SHA-256, base64url');
  });

  it('exports results as JSON and CSV for the organiser', async () => {
    const id = await createPoll(s, { resultsVisibility: 'after-close', options: [{ id: 'oui', label: 'Oui' }, { id: 'non', label: '=Non' }] });
    await Promise.all(Array.from({ length: 3 }, (_, i) => vote(id, participantToken(), { options: [i ? 'oui' : 'non'] })));
    const json = await exported(id);
    assert.deepEqual(json.results.poll?.tally, { counts: { oui: 2, non: 1 }, total: 3 }, 'whatever the visibility');
    const csv = await s.call('GET', `/api/admin/polls/${id}/results.csv`, undefined, admin);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'theme,proposal_id,proposal,choice,label,count,voters,percent,agreement,division');
    assert.match(lines[1]!, /,oui,Oui,2,3,66\.7,,$/);
    assert.match(lines[2]!, /,non,"'=Non",1,3,33\.3,,$/, 'no formula reaches a spreadsheet');
  });
});
