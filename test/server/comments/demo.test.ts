/** The demo thread's page is the demo blog on this server: under its public origin, whatever its port. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Thread } from '../../../src/api/comments.js';
import { DEMO_THREAD } from '../../../server/comments/demo.js';
import { startServer } from '../../../server/serve.js';
import { serverSuites } from '../helpers.js';

await serverSuites('comments demo', { demo: true }, (s) => {
  const thread = async (base = s.url) => Thread.parse(await (await fetch(`${base}/api/threads/${DEMO_THREAD}`)).json());
  const targets = async () => (await s.db.query<{ target_url: string }>('SELECT DISTINCT target_url FROM comment_mentions WHERE thread_id = $1', [DEMO_THREAD])).map((r) => r.target_url);

  it('the thread\'s page is the blog on the port the server got', async () => {
    assert.notEqual(s.port, 8787);
    assert.equal((await thread()).url, `${s.url}/blog/`);
    assert.deepEqual(await targets(), [`${s.url}/blog/`], 'the demo\'s mentions cite that page');
  });

  it('started again behind PUBLIC_URL, or on another port, the page moves there with its mentions', async () => {
    const behind = await startServer({ db: s.db, port: 0, host: '127.0.0.1', staticRoot: false, demo: true, publicUrl: 'https://civic.example/' });
    try {
      assert.equal((await thread(behind.url)).url, 'https://civic.example/blog/');
      assert.deepEqual(await targets(), ['https://civic.example/blog/']);
    } finally {
      await behind.close();
    }
    const other = await startServer({ db: s.db, port: 0, host: '127.0.0.1', staticRoot: false, demo: true });
    try {
      assert.equal((await thread(other.url)).url, `${other.url}/blog/`);
      assert.deepEqual(await targets(), [`${other.url}/blog/`]);
    } finally {
      await other.close();
    }
  });
});
