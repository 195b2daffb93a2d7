/**
 * `civic-server import`: a WordPress export (WXR) and a Disqus export, written for these tests in
 * those formats, come back through the API with their authors, dates, statuses and threading;
 * posts land in the thread that has their URL, or in a new one; importing again adds nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { admin, serverSuites } from '../helpers.js';
import { allComments } from '../fixtures.js';
import { AdminComment } from '../../../src/api/admin.js';
import { MentionPage, Thread } from '../../../src/api/comments.js';
import { htmlToMarkdown } from '../../../server/comments/html-text.js';
import { importComments, slugId } from '../../../server/comments/import.js';
import { openDb } from '../../../server/db/db.js';
import { parseXml, XmlError } from '../../../server/xml.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => readFileSync(join(root, 'test/server/comments/fixtures', name), 'utf8');

/** Runs `civic-server import FILE` as a user would; its output. */
function cli(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

await serverSuites('comment import', {}, (s) => {
  before(async () => {
    for (const [id, url] of [['a-propos-existant', 'https://blogue.example/a-propos'], ['fil-existant', 'https://blogue.example/existant/']]) {
      assert.equal((await s.call('POST', '/api/admin/threads', { id, title: 'Existant', url }, admin)).status, 201);
    }
  });

  const shape = async (threadId: string) =>
    (await allComments(s, threadId)).items.map((c) => [c.author.name, c.depth, c.status, c.body, c.createdAt, c.author.website]);

  it('WordPress (WXR): threads by URL, authors, dates, threading, statuses, pingbacks and trackbacks as mentions', async () => {
    const report = await importComments(s.db, fixture('wordpress-export.xml'));
    assert.deepEqual(report, { format: 'wordpress', threadsCreated: ['groupe-de-travail-benevole'], threadsMatched: ['a-propos-existant'], comments: 6, mentions: 2, skipped: 1 });

    const t = Thread.parse((await s.call('GET', '/api/threads/groupe-de-travail-benevole')).json);
    assert.deepEqual([t.title, t.url, t.status, t.commentCount, t.mentionCount], ['Un groupe de travail bénévole pour un plan numérique', 'https://blogue.example/2012/11/groupe-de-travail-benevole/', 'open', 4, 2]);
    assert.deepEqual(await shape('groupe-de-travail-benevole'), [
      ['André Boisvert', 0, 'published', 'Nous désirons *participer* au collectif.\nContactez-nous : [notre page](https://reseau-branche.example/contact).', '2012-11-21T15:15:00.000Z', 'https://reseau-branche.example'],
      ['Caroline Dubé', 0, 'published', "> un plan de match pour l'avenir\n\nNous sommes aussi une équipe bénévole & nous pourrions collaborer. Le code : `a*b`", '2012-11-21T16:00:00.000Z', null],
      ['Julien Pelletier', 1, 'published', 'Il faut briser les silos.', '2012-11-22T01:30:00.000Z', null],
      ['Geneviève Lavoie', 2, 'published', 'Merci Julien, j’y serai jeudi. **Promis.**', '2012-11-22T13:00:00.000Z', 'https://blogue.example'],
    ]);
    // The held comment waits for a moderator, under its parent. Imports ask for no reply mails: its
    // email is kept as a keyed hash only, which is enough to block its author.
    const pending = (await s.call('GET', '/api/admin/comments?status=pending&thread=groupe-de-travail-benevole', undefined, admin)).json.items.map((i: unknown) => AdminComment.parse(i));
    assert.deepEqual(pending.map((c: AdminComment) => [c.author.name, c.emailGiven, c.replyMails, c.depth, c.parentId !== null]), [['Marie-Ève', true, false, 1, true]]);
    const raw = await s.db.query<{ email: string | null; email_hash: string | null }>(`SELECT email, email_hash FROM comments WHERE thread_id = 'groupe-de-travail-benevole' AND name = 'Marie-Ève'`);
    assert.deepEqual(raw.map((r) => [r.email, typeof r.email_hash]), [[null, 'string']], 'no raw address in the database');
    const blocked = await s.call('POST', '/api/admin/blocks', { commentId: pending[0]!.id, note: 'import' }, admin);
    assert.equal(blocked.status, 201, blocked.text);
    assert.ok(blocked.json.items.some((b: { kind: string; note: string }) => b.kind === 'email' && b.note === 'import'), 'blocked by the hash of its email');
    const mentions = MentionPage.parse((await s.call('GET', '/api/threads/groupe-de-travail-benevole/mentions')).json).items;
    assert.deepEqual(
      mentions.map((m) => [m.kind, m.sourceUrl, m.title, m.site, m.publishedAt]),
      [
        ['trackback', 'https://www.egouv.example/plan-numerique/', 'E-Gouv Québec', 'egouv.example', '2012-11-24T14:00:00.000Z'],
        ['pingback', 'https://tout-de-go.example/2012/11/a-propos/', 'À propos d’un groupe de travail bénévole | Mario tout de go', 'tout-de-go.example', '2012-11-21T17:00:00.000Z'],
      ],
    );
    // The page matched an existing thread by URL (trailing slash aside).
    assert.deepEqual(await shape('a-propos-existant'), [['Réjean', 0, 'published', 'Beau carnet.', '2011-05-01T10:00:00.000Z', null]]);
    assert.equal((await s.call('GET', '/api/threads/silence')).status, 404, 'no thread for a post without comments');

    const again = await importComments(s.db, fixture('wordpress-export.xml'));
    assert.deepEqual([again.comments, again.mentions, again.threadsCreated], [0, 0, []]);
    assert.equal((await shape('groupe-de-travail-benevole')).length, 4, 'nothing twice');
  });

  it('Disqus: threads by URL, deleted posts kept as placeholders under their replies, spam left out', async () => {
    const report = await importComments(s.db, fixture('disqus-export.xml'));
    assert.deepEqual(report, { format: 'disqus', threadsCreated: ['consultation-ouverte'], threadsMatched: ['fil-existant'], comments: 5, mentions: 0, skipped: 1 });
    assert.deepEqual(await shape('consultation-ouverte'), [
      ['Sylvie Gagnon', 0, 'published', "Est-ce que les régions pourront participer ?\n\nJe m'inscris si oui.", '2013-01-10T15:00:00.000Z', null],
      ['', 1, 'deleted', '', '2013-01-10T16:00:00.000Z', null],
      ['Geneviève Lavoie', 2, 'published', 'Oui, en ligne **et** en personne. Voir [https://blogue.example/regions](https://blogue.example/regions)', '2013-01-10T18:00:00.000Z', null],
      ['Réjean', 0, 'published', 'Merci pour le billet !', '2013-01-12T09:00:00.000Z', null],
    ]);
    assert.equal(Thread.parse((await s.call('GET', '/api/threads/consultation-ouverte')).json).commentCount, 3);
    assert.deepEqual((await shape('fil-existant')).map((c) => c[0]), ['Luc Côté']);
    assert.equal((await importComments(s.db, fixture('disqus-export.xml'))).comments, 0);
  });

  it('the command line imports a file into the database it is given', async () => {
    let env: Record<string, string | undefined>;
    let args: string[];
    let dir: string | undefined;
    let check: () => Promise<number>;
    if (s.databaseUrl) {
      env = { DATABASE_URL: s.databaseUrl };
      args = [join(root, 'test/server/comments/fixtures/disqus-export.xml')];
      await s.db.query(`DELETE FROM comments WHERE source = 'disqus'`);
      check = async () => (await s.db.query(`SELECT 1 FROM comments WHERE source = 'disqus'`)).length;
    } else {
      dir = mkdtempSync(join(tmpdir(), 'civic-import-'));
      env = { DATABASE_URL: '' };
      args = [join(root, 'test/server/comments/fixtures/disqus-export.xml'), '--data', dir];
      check = async () => {
        const db = await openDb({ dataDir: dir });
        try {
          return (await db.query(`SELECT 1 FROM comments WHERE source = 'disqus'`)).length;
        } finally {
          await db.close();
        }
      };
    }
    try {
      const r = await cli(args, env);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, /civic-server import \(disqus\): 5 comments and 0 mentions imported, 1 skipped/);
      assert.equal(await check(), 5);
      const bad = await cli([join(root, 'package.json'), ...(dir ? ['--data', dir] : [])], env);
      assert.notEqual(bad.code, 0);
      assert.match(bad.out, /civic-server: /);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('import units', () => {
  it('the XML reader: CDATA, entities, attributes, comments; malformed files and DTD entities are refused or left alone', () => {
    const x = parseXml('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a k="1&amp;2"><!-- c --><b>&lt;x&gt; &#233;</b><c><![CDATA[<p>&amp;</p>]]></c>&e;</a>');
    assert.equal(x.attrs.k, '1&2');
    assert.deepEqual(x.children.slice(0, 2).map((c) => (typeof c === 'string' ? c : c.children)), [['<x> é'], ['<p>&amp;</p>']]);
    assert.equal(x.children[2], '&e;', 'an entity of the DTD is not expanded');
    assert.throws(() => parseXml('<a><b></a>'), XmlError);
    assert.throws(() => parseXml('<a>'), XmlError);
    assert.throws(() => parseXml('not xml'), XmlError);
  });

  it('HTML to the markdown subset', () => {
    const cases: [html: string, markdown: string][] = [
      ['<p>Un *vrai* <i>texte</i></p><p>deux<br>lignes</p>', 'Un \\*vrai\\* *texte*\n\ndeux\nlignes'],
      ['<a href="javascript:alert(1)">clic</a> <a href="https://a.example/x_(y)">lien</a>', 'clic [lien](https://a.example/x_%28y%29)'],
      ['<ul><li>un</li><li>deux</li></ul><pre><code>a *b*</code></pre>', '- un\n- deux\n\n```\na *b*\n```'],
      ['<blockquote><p>cité</p><blockquote>deux</blockquote></blockquote>fin', '> cité\n>\n> > deux\n\nfin'],
      ['<script>alert(1)</script>x < y', 'alert(1)x \\< y'],
    ];
    for (const [html, markdown] of cases) assert.equal(htmlToMarkdown(html), markdown, html);
  });

  it('HTML to markdown: links do not nest, quotes nest as deep as the widgets read them', () => {
    assert.equal(htmlToMarkdown('<a href="https://a.example/1">un <a href="https://a.example/2">deux</a></a>'), '[un](https://a.example/1)[deux](https://a.example/2)');
    const deep = htmlToMarkdown(`${'<blockquote>'.repeat(10)}fond${'</blockquote>'.repeat(10)}après`);
    assert.equal(deep, `${'> '.repeat(8)}fond\n\naprès`);
    assert.equal(htmlToMarkdown('a <!-- note --> b <!doctype html>c<!-- sans fin'), 'a  b c\\<!-- sans fin');
  });

  it('HTML to markdown: hostile comments of a megabyte each take well under a second', () => {
    const megabyte = (unit: string) => unit.repeat(Math.ceil(1_000_000 / unit.length));
    const cases: Record<string, string> = {
      '<a': megabyte('<a'),
      '<!--': megabyte('<!--'),
      blanks: `${megabyte(' ')}x`,
      'nested quotes': megabyte('<blockquote>x'),
      'quotes, then stray </a>': megabyte('<blockquote>').slice(0, 500_000) + megabyte('</a>').slice(0, 500_000),
      'nested links': megabyte('<a href=https://a.example/>x'),
      'nested lists': megabyte('<ul>').slice(0, 500_000) + megabyte('<li>x').slice(0, 500_000),
    };
    for (const [name, html] of Object.entries(cases)) {
      const t = performance.now();
      htmlToMarkdown(html);
      const ms = performance.now() - t;
      if (process.env.SHOW_TIMES) console.log(`htmlToMarkdown(${name}) ${ms.toFixed(0)} ms`);
      assert.ok(ms < 500, `${name}: ${ms.toFixed(0)} ms`);
    }
  });

  it('thread ids from slugs', () => {
    assert.equal(slugId('groupe-de-travail-b%c3%a9n%c3%a9vole', 'x'), 'groupe-de-travail-benevole');
    assert.equal(slugId('Été 2012 !', 'x'), 'ete-2012');
    assert.equal(slugId('%%%', 'wp-4'), 'wp-4');
    assert.equal(slugId('a'.repeat(80), 'x').length, 64);
  });
});

