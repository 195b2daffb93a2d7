/** What the app serves besides the resources: static files, /openapi.json, and every operation of the table (the table and the server agree). */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { operations } from '../../src/api/routes.js';
import { admin, serverSuites } from './helpers.js';
import { createPetition } from './fixtures.js';

/** A package folder with a blog page, a CDN file, and a file outside both that must never be served. */
const root = mkdtempSync(join(tmpdir(), 'civic-static-'));
mkdirSync(join(root, 'examples', 'blog'), { recursive: true });
mkdirSync(join(root, 'dist', 'cdn'), { recursive: true });
writeFileSync(join(root, 'examples', 'blog', 'index.html'), '<!doctype html><title>Blog</title>');
writeFileSync(join(root, 'dist', 'cdn', 'civic-petition.js'), 'export {};');
writeFileSync(join(root, 'secret.txt'), 'do not serve');
after(() => rmSync(root, { recursive: true, force: true }));

await serverSuites('files and the table', { staticRoot: root }, (s) => {
  it('serves examples/ at / (redirecting / to /blog/) and dist/cdn/ at /cdn/, and nothing outside', async () => {
    const home = await fetch(`${s.url}/`, { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/blog/');
    const blog = await fetch(`${s.url}/blog/`);
    assert.equal(blog.status, 200);
    assert.match(blog.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await blog.text(), '<!doctype html><title>Blog</title>');
    assert.equal((await fetch(`${s.url}/blog`, { redirect: 'manual' })).headers.get('location'), '/blog/');
    const js = await fetch(`${s.url}/cdn/civic-petition.js`, { headers: { origin: 'https://blogue.example' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('access-control-allow-origin'), '*', 'a module script from another site is a CORS request');
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
    // A folder's redirect stays on this site, whatever the path's leading slashes say.
    for (const path of ['//evil.example/..%2fblog', '/\\evil.example/..%2fblog']) {
      const r = await fetch(`${s.url}${path}`, { redirect: 'manual' });
      assert.equal(r.status, 301, path);
      assert.match(r.headers.get('location') ?? '', /^\/[^/\\]/, path);
    }
    for (const path of ['/cdn/..%2f..%2fsecret.txt', '/..%2fsecret.txt', '/cdn/%2e%2e/%2e%2e/secret.txt', '/blog/%00']) {
      const r = await fetch(`${s.url}${path}`);
      assert.equal(r.status, 404, path);
      assert.doesNotMatch(await r.text(), /do not serve/);
    }
  });

  it('/openapi.json describes every operation of the table', async () => {
    const r = await s.call('GET', '/openapi.json');
    assert.equal(r.status, 200);
    const doc = r.json;
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: '/api' }]);
    for (const o of operations) {
      const op = doc.paths[o.path]?.[o.method.toLowerCase()];
      assert.ok(op, `${o.method} ${o.path}`);
      assert.equal(op.operationId, o.id);
      assert.ok(op.responses[o.status]);
      for (const e of o.errors) assert.equal(op.responses[e].content['application/json'].schema.$ref, '#/components/schemas/ApiError');
    }
    const sign = doc.paths['/petitions/{id}/signatures'].post;
    assert.deepEqual(sign.requestBody.content['application/json'].schema.required, ['name', 'email']);
    assert.ok(sign.parameters.some((p: { name: string }) => p.name === 'Idempotency-Key'));
    // Organisers' operations: the least role, and a session cookie or the bearer token.
    assert.deepEqual(doc.paths['/admin/petitions'].post.security, [{ session: [] }, { token: [] }]);
    assert.equal(doc.paths['/admin/petitions'].post['x-civic-role'], 'editor');
    assert.equal(doc.paths['/admin/queue/comments'].get['x-civic-role'], 'moderator');
    assert.equal(doc.paths['/admin/accounts'].get['x-civic-role'], 'owner');
    for (const o of operations) assert.equal(doc.paths[o.path][o.method.toLowerCase()]['x-civic-role'], o.role, o.id);
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['session', 'token']);
    assert.equal(doc.components.securitySchemes.session.in, 'cookie');
  });

  it('every operation of the table is served (the table and the server cannot drift)', async () => {
    const id = await createPetition(s);
    for (const o of operations) {
      const path = `/api${o.path.replace('{id}', id)}`;
      const r = await fetch(`${s.url}${path}`, { method: o.method, headers: admin, ...(o.body ? { body: '{}' } : {}), signal: AbortSignal.timeout(3000) });
      const text = o.produces === 'text/event-stream' ? '' : await r.text();
      r.body?.cancel().catch(() => undefined);
      assert.doesNotMatch(text, /no route for/, `${o.method} ${path}`);
      assert.ok(r.status < 500, `${o.method} ${path}: ${r.status}`);
    }
  });
}, { allowLogs: true });
