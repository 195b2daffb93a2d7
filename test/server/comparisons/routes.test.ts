/** The comparison routes on PGlite and PostgreSQL: read, admin create and edit, opt-in answers and their aggregate; bad input is 4xx naming the field. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { admin, key, refused, serverSuites } from '../helpers.js';
import type { ComparisonCreate } from '../../../src/api/admin.js';
import { AnswerAggregate, Comparison, comparisonProblems } from '../../../src/api/comparison.js';
import { ApiError } from '../../../src/api/common.js';
import { quebec2012 } from '../../../server/comparisons/demo-data.js';
import { loadComparisonDemo } from '../../../server/comparisons/demo.js';
import { openApiDocument } from '../../../server/openapi.js';


const small = (over: Partial<ComparisonCreate> = {}): ComparisonCreate => ({
  id: `c-${randomBytes(5).toString('hex')}`,
  title: 'Trois énoncés',
  scale: 3,
  statements: [
    { id: 's1', text: 'Un', theme: 'A' },
    { id: 's2', text: 'Deux', theme: 'B', explanation: 'Pourquoi' },
    { id: 's3', text: 'Trois', theme: 'A' },
  ],
  parties: [
    { id: 'p', name: 'Parti P', shortName: 'P', colour: '#112233' },
    { id: 'q', name: 'Parti Q', shortName: 'Q' },
  ],
  positions: [
    { partyId: 'q', statementId: 's2', stance: -1, quote: 'Non.', sourceUrl: 'https://example.org/q', sourceDate: '2012-08-20' },
    { partyId: 'p', statementId: 's1', stance: 1 },
    { partyId: 'p', statementId: 's2', stance: null, quote: 'Pas de position.' },
  ],
  ...over,
});

await serverSuites('comparisons', {}, (s) => {
  const create = async (body: ComparisonCreate) => {
    const r = await s.call('POST', '/api/admin/comparisons', body, admin);
    assert.equal(r.status, 201, r.text);
    return Comparison.parse(r.json);
  };

  it('the demo: five leaders, six statements, sources and "no answer" where the seed says so; loading twice adds nothing', async () => {
    assert.equal(await s.db.transaction((tx) => loadComparisonDemo(tx)), true);
    assert.equal(await s.db.transaction((tx) => loadComparisonDemo(tx)), false);
    const r = await s.call('GET', '/api/comparisons/chefs-numerique-2012');
    assert.equal(r.status, 200, r.text);
    const c = Comparison.parse(r.json);
    assert.deepEqual(comparisonProblems(c), []);
    assert.deepEqual(c.parties.map((p) => p.shortName), ['Marois', 'Charest', 'Legault', 'Khadir', 'Aussant']);
    assert.equal(c.statements.length, 6);
    assert.equal(c.positions.length, 30);
    const khadir = c.positions.filter((p) => p.partyId === 'khadir' && p.statementId === 'ministere-numerique')[0]!;
    assert.equal(khadir.stance, null);
    assert.match(khadir.quote ?? '', /Pas de position/);
    assert.deepEqual([khadir.sourceUrl, khadir.sourceDate], ['https://www.michelleblanc.com/', '2012-08-31']);
  });

  it('create answers 201 with the whole comparison, lists in the organiser’s order, and its Location; the same id again is 409', async () => {
    const body = small({ title: '  Espaces  ', method: 'hybrid', missingAnswer: 'neutral', allowMethodChoice: true });
    const r = await s.call('POST', '/api/admin/comparisons', body, admin);
    assert.equal(r.status, 201, r.text);
    assert.match(r.headers.get('location') ?? '', new RegExp(`/api/comparisons/${body.id}$`));
    const c = Comparison.parse(r.json);
    assert.deepEqual(
      { ...c, updatedAt: undefined },
      {
        id: body.id,
        title: 'Espaces',
        description: '',
        locale: 'fr',
        scale: 3,
        method: 'hybrid',
        allowMethodChoice: true,
        missingAnswer: 'neutral',
        collectAnswers: false,
        statements: body.statements.map((st) => ({ explanation: null, ...st })),
        parties: [
          { id: 'p', name: 'Parti P', shortName: 'P', colour: '#112233', logoUrl: null },
          { id: 'q', name: 'Parti Q', shortName: 'Q', colour: null, logoUrl: null },
        ],
        positions: [
          { partyId: 'q', statementId: 's2', stance: -1, quote: 'Non.', sourceUrl: 'https://example.org/q', sourceDate: '2012-08-20' },
          { partyId: 'p', statementId: 's1', stance: 1, quote: null, sourceUrl: null, sourceDate: null },
          { partyId: 'p', statementId: 's2', stance: null, quote: 'Pas de position.', sourceUrl: null, sourceDate: null },
        ],
        updatedAt: undefined,
      },
    );
    assert.deepEqual(Comparison.parse((await s.call('GET', `/api/comparisons/${body.id}`)).json), c);
    refused(await s.call('POST', '/api/admin/comparisons', { ...body, title: 'Autre' }, admin), 409, 'conflict', ['id']);
  });

  it('admin routes refuse a missing or wrong token with 401', async () => {
    const c = await create(small());
    for (const [method, path, body] of [
      ['POST', '/api/admin/comparisons', small()],
      ['PATCH', `/api/admin/comparisons/${c.id}`, { title: 'X' }],
      ['GET', `/api/admin/comparisons/${c.id}/answers`, undefined],
    ] as const) {
      for (const headers of [{}, { authorization: 'Bearer nope' }] as Record<string, string>[]) refused(await s.call(method, path, body, headers), 401, 'unauthorized');
    }
  });

  it('create: each bad field is named, including references between lists and stances outside the scale', async () => {
    const post = (body: unknown) => s.call('POST', '/api/admin/comparisons', body, admin);
    refused(await post({ id: 'bad id', title: ' ', scale: 4, method: 'euclid', statements: [{ id: 's', text: '', theme: 'x' }], parties: [{ id: 'p', name: 'P', shortName: 'P', colour: 'red', logoUrl: 'javascript:alert(1)' }], positions: [{ partyId: 'p', statementId: 's', stance: 7, sourceDate: 'hier' }] }), 400, 'validation', [
      'id',
      'title',
      'scale',
      'method',
      'statements.0.text',
      'parties.0.colour',
      'parties.0.logoUrl',
      'positions.0.stance',
      'positions.0.sourceDate',
    ]);
    refused(await post(small({ positions: [{ partyId: 'p', statementId: 's1', stance: 2 }, { partyId: 'zz', statementId: 's9', stance: 0 }] })), 400, 'validation', [
      'positions.0.stance',
      'positions.1.partyId',
      'positions.1.statementId',
    ]);
    refused(await post(small({ statements: [{ id: 's1', text: 'A', theme: 'x' }, { id: 's1', text: 'B', theme: 'x' }], positions: [] })), 400, 'validation', ['statements.1.id']);
    refused(await post(small({ positions: [{ partyId: 'p', statementId: 's1', stance: 1, sourceDate: '2012-02-30' }] })), 400, 'validation', ['positions.0.sourceDate']);
    refused(await post({ ...small(), statements: 'none' }), 400, 'validation', ['statements']);
  });

  it('a comparison of 12 parties on 40 statements, each with a quote and a source, goes through (past the usual 64 kB)', async () => {
    const statements = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, text: `Énoncé numéro ${i} `.repeat(6).trim(), theme: `Thème ${i % 6}` }));
    const parties = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, name: `Parti numéro ${i}`, shortName: `P${i}`, colour: '#336699' }));
    const positions = parties.flatMap((p, i) =>
      statements.map((st, j) => ({ partyId: p.id, statementId: st.id, stance: ((i + j) % 5) - 2 || null, quote: 'Une citation assez longue pour peser. '.repeat(4).trim(), sourceUrl: `https://example.org/${p.id}/${st.id}`, sourceDate: '2012-08-31' })),
    );
    const body = small({ scale: 5, statements, parties, positions });
    assert.ok(JSON.stringify(body).length > 64 * 1024, 'bigger than the default body limit');
    const c = await create(body);
    assert.equal(c.positions.length, 480);
    assert.deepEqual(c.positions.map((p) => p.stance), positions.map((p) => p.stance));
  });

  it('edit changes only what is given; a list given replaces the list, and must still hold together', async () => {
    const c = await create(small());
    const r = await s.call('PATCH', `/api/admin/comparisons/${c.id}`, { title: 'Nouveau titre', collectAnswers: true }, admin);
    assert.equal(r.status, 200, r.text);
    const edited = Comparison.parse(r.json);
    assert.deepEqual([edited.title, edited.collectAnswers, edited.positions], ['Nouveau titre', true, c.positions]);
    assert.ok(edited.updatedAt! >= c.updatedAt!);
    // Removing party q while its position stays is refused, naming the position.
    refused(await s.call('PATCH', `/api/admin/comparisons/${c.id}`, { parties: [c.parties[0]] }, admin), 400, 'validation', ['positions.0.partyId']);
    refused(await s.call('PATCH', `/api/admin/comparisons/${c.id}`, { scale: 5, method: 'nope' }, admin), 400, 'validation', ['method']);
    const both = await s.call('PATCH', `/api/admin/comparisons/${c.id}`, { parties: [c.parties[0]], positions: [{ partyId: 'p', statementId: 's3', stance: -1, quote: 'Contre.' }] }, admin);
    assert.equal(both.status, 200, both.text);
    const after = Comparison.parse(both.json);
    assert.deepEqual(after.parties.map((p) => p.id), ['p']);
    assert.deepEqual(after.positions.map((p) => [p.partyId, p.statementId, p.stance]), [['p', 's3', -1]]);
    assert.equal(after.title, 'Nouveau titre');
    refused(await s.call('PATCH', '/api/admin/comparisons/no-such-thing', { title: 'X' }, admin), 404, 'not-found');
  });

  it('a comparison has the language of its texts: French unless told, kept across edits, refused when unknown', async () => {
    const c = await create(small());
    assert.equal(c.locale, 'fr');
    const en = await create(small({ locale: 'en' }));
    assert.equal(en.locale, 'en');
    const r = await s.call('PATCH', `/api/admin/comparisons/${en.id}`, { title: 'Three statements' }, admin);
    assert.equal(Comparison.parse(r.json).locale, 'en', 'an edit that does not name the language keeps it');
    const back = await s.call('PATCH', `/api/admin/comparisons/${en.id}`, { locale: 'fr' }, admin);
    assert.equal(Comparison.parse(back.json).locale, 'fr');
    refused(await s.call('PATCH', `/api/admin/comparisons/${en.id}`, { locale: 'de' }, admin), 400, 'validation', ['locale']);
  });

  it('unknown comparisons are 404 and ids that fail the schema are 400 naming id', async () => {
    refused(await s.call('GET', '/api/comparisons/no-such-thing'), 404, 'not-found');
    refused(await s.call('POST', '/api/comparisons/no-such-thing/answers', { answers: [{ statementId: 's1', stance: 1, weight: 1 }] }, key()), 404, 'not-found');
    refused(await s.call('GET', '/api/admin/comparisons/no-such-thing/answers', undefined, admin), 404, 'not-found');
    refused(await s.call('GET', '/api/comparisons/-dash'), 400, 'validation', ['id']);
  });

  it('answers are refused (403) unless the comparison collects them', async () => {
    const c = await create(small());
    refused(await s.call('POST', `/api/comparisons/${c.id}/answers`, { answers: [{ statementId: 's1', stance: 1, weight: 1 }] }, key()), 403, 'forbidden');
  });

  it('opt-in answers: counted once per Idempotency-Key, checked against the statements and the scale, aggregated for the organiser', async () => {
    const c = await create(small({ collectAnswers: true }));
    const send = (answers: unknown, headers = key()) => s.call('POST', `/api/comparisons/${c.id}/answers`, { answers }, headers);
    const k = key();
    const first = await send([{ statementId: 's1', stance: 1, weight: 2 }, { statementId: 's2', stance: null, weight: 1 }], k);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.json, { respondentCount: 1 });
    assert.deepEqual((await send([{ statementId: 's1', stance: 1, weight: 2 }, { statementId: 's2', stance: null, weight: 1 }], k)).json, { respondentCount: 1 }, 'a retry counts once');
    refused(await send([{ statementId: 's1', stance: 1, weight: 2 }], k), 422, 'validation', ['Idempotency-Key']);
    assert.deepEqual((await send([{ statementId: 's1', stance: -1, weight: 1 }, { statementId: 's3', stance: 0, weight: 1 }])).json, { respondentCount: 2 });
    refused(await send([{ statementId: 's1', stance: 2, weight: 1 }]), 400, 'validation', ['answers.0.stance']);
    refused(await send([{ statementId: 's1', stance: 1.5, weight: 3 }]), 400, 'validation', ['answers.0.stance', 'answers.0.weight']);
    refused(await send([{ statementId: 'zz', stance: 1, weight: 1 }, { statementId: 's1', stance: 1, weight: 1 }, { statementId: 's1', stance: 0, weight: 1 }]), 400, 'validation', ['answers.0.statementId', 'answers.2.statementId']);
    refused(await send([]), 400, 'validation', ['answers']);
    refused(await s.call('POST', `/api/comparisons/${c.id}/answers`, { answers: 'all' }, key()), 400, 'validation', ['answers']);
    const agg = await s.call('GET', `/api/admin/comparisons/${c.id}/answers`, undefined, admin);
    assert.equal(agg.status, 200, agg.text);
    assert.deepEqual(AnswerAggregate.parse(agg.json), {
      comparisonId: c.id,
      respondentCount: 2,
      statements: [
        { statementId: 's1', stances: [1, 0, 1], skipped: 0, weighted: 1 },
        { statementId: 's2', stances: [0, 0, 0], skipped: 1, weighted: 0 },
        { statementId: 's3', stances: [0, 1, 0], skipped: 0, weighted: 0 },
      ],
    });
    const rows = await s.db.query('SELECT * FROM comparison_answers WHERE comparison_id = $1', [c.id]);
    assert.deepEqual(Object.keys(rows[0]!).sort(), ['answers', 'comparison_id', 'created_on', 'id', 'idempotency_key'], 'nothing about the reader is kept');
  });

  it('the OpenAPI document lists the comparison routes', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    assert.ok(doc.paths['/comparisons/{id}']?.['get']);
    assert.ok(doc.paths['/comparisons/{id}/answers']?.['post']);
    assert.ok(doc.paths['/admin/comparisons/{id}']?.['patch']);
    assert.ok(doc.paths['/admin/comparisons/{id}/answers']?.['get']);
  });
});
