/**
 * The examples, each proven against the packed package (installed from the tarball into a copy of
 * the example outside the repository: scripts/packed.mjs). For React, Vue and Svelte: the example's
 * own type check, with a file of wrong uses added that must fail (typed props and events, not `any`);
 * its Vite build; in Chromium a reader signs and votes, the framework hears both events and shows
 * them, and the backend it set is a property (axe clean before and after); its App rendered on the server (Vite's SSR loader, as
 * Next.js, Nuxt and SvelteKit do) without a DOM. For the Eleventy site: built against a civic-server
 * from the package, the widgets from the package's CDN files, a signature and a vote reach the page.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { axeViolations, exec, packed, serve } from '../package/helpers.js';

const { dir } = packed();
/** A tool installed for an example (in its own node_modules, or hoisted to the shared one). */
const bin = (cwd: string, name: string) => [join(cwd, 'node_modules/.bin', name), join(dir, 'node_modules/.bin', name)].find((f) => existsSync(f))!;
let browser: Browser;
before(async () => {
  browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
});
after(() => browser?.close());

/** A page that records uncaught errors. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`)));
  await page.goto(url);
  return { page, errors };
}

/** Uses of the elements that the generated types must refuse, written into the example's copy. */
const typeChecks = {
  react: {
    file: 'src/types-check.tsx',
    text: `import type {} from 'civic-widgets/react';
export const uses = [
  <civic-petition petition="p" oncivic-signed={(e) => e.signatureCount.toFixed()} />,
  <civic-comments heading-level={3} sort="newest" />,
  // @ts-expect-error a petition's id is a string
  <civic-petition petition={3} />,
  // @ts-expect-error CivicSignedEvent has no such field
  <civic-petition oncivic-signed={(e) => e.nope} />,
  // @ts-expect-error not one of the orders
  <civic-comments sort="random" />,
  // @ts-expect-error no such attribute
  <civic-poll pol="x" />,
];
`,
  },
  vue: {
    file: 'src/TypesCheck.vue',
    text: `<script setup lang="ts">
import type {} from 'civic-widgets/vue';
</script>
<template>
  <civic-petition petition="p" @civic-signed="(e) => e.signatureCount.toFixed()" />
  <civic-comments :heading-level="3" sort="newest" />
  <!-- @vue-expect-error a petition's id is a string -->
  <civic-petition :petition="3" />
  <!-- @vue-expect-error CivicSignedEvent has no such field -->
  <civic-petition @civic-signed="(e) => e.nope" />
  <!-- @vue-expect-error not one of the orders -->
  <civic-comments sort="random" />
</template>
`,
  },
  svelte: {
    file: 'src/TypesCheck.svelte',
    // svelte-check has no expect-error for markup: the test expects errors on these lines, and no other.
    text: `<script lang="ts">
  import type {} from 'civic-widgets/svelte';
</script>

<civic-petition petition="p" oncivic-signed={(e) => e.signatureCount.toFixed()}></civic-petition>
<civic-comments heading-level={3} sort="newest"></civic-comments>
<civic-petition petition={3}></civic-petition>
<civic-petition oncivic-signed={(e) => e.nope}></civic-petition>
<civic-comments sort="random"></civic-comments>
`,
    errorLines: [7, 8, 9],
  },
};

/** The example's App, built for the server (`vite build --ssr`), rendered in Node: sets `html`. */
const ssr = {
  react: {
    entry: 'src/App.tsx',
    render: `import { App } from './dist-ssr/App.js';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
const html = renderToString(createElement(App));`,
  },
  vue: {
    entry: 'src/App.vue',
    render: `import App from './dist-ssr/App.js';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
const html = await renderToString(createSSRApp(App));`,
  },
  svelte: {
    entry: 'src/App.svelte',
    render: `import App from './dist-ssr/App.js';
import { render } from 'svelte/server';
const html = render(App).body;`,
  },
};

for (const name of ['react', 'vue', 'svelte'] as const) {
  describe(`examples/${name}`, () => {
    const cwd = join(dir, name);

    it('type-checks, with wrong uses of the elements refused', () => {
      const check = typeChecks[name];
      writeFileSync(join(cwd, check.file), check.text);
      try {
        if ('errorLines' in check) {
          const r = exec(bin(cwd, 'svelte-check'), ['--output', 'machine', '--fail-on-warnings'], cwd);
          const problems = r.out.split('\n').filter((l) => / (ERROR|WARNING) /.test(l));
          const lines = problems.map((l) => {
            const m = / (?:ERROR|WARNING) "([^"]+)" (\d+):/.exec(l);
            return `${m?.[1]}:${m?.[2]}`;
          });
          assert.deepEqual(lines, check.errorLines.map((n) => check.file + ':' + n), r.out);
        } else {
          const r = exec(bin(cwd, name === 'vue' ? 'vue-tsc' : 'tsc'), ['--noEmit', '-p', '.'], cwd);
          assert.equal(r.status, 0, r.out);
        }
      } finally {
        rmSync(join(cwd, check.file));
      }
    });

    it(`builds with Vite; in Chromium a widget works, its events reach ${name}, its backend is a property`, async (t) => {
      const built = exec(bin(cwd, 'vite'), ['build', '--logLevel', 'warn'], cwd);
      assert.equal(built.status, 0, built.out);
      const site = await serve(join(cwd, 'dist'));
      t.after(() => site.server.close());
      const { page, errors } = await open(site.url);
      const petition = page.locator('civic-petition');
      await petition.locator('form').waitFor();
      await page.locator('civic-poll').getByRole('radio', { name: 'Yes' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);

      const provider = await page.evaluate(() => {
        const p = document.querySelector('civic-provider') as HTMLElement & { backend?: { calls?: unknown } };
        return { calls: Array.isArray(p.backend?.calls), attribute: p.getAttribute('backend') };
      });
      assert.deepEqual(provider, { calls: true, attribute: null }, 'the MemoryBackend is set as a property, not an attribute');

      await petition.locator('[name=name]').fill('Ada Lovelace');
      await petition.locator('[name=email]').fill('ada@example.org');
      await petition.locator('[part~=submit]').click();
      await page.locator('#from-events').filter({ hasText: 'Signed: 213 signatures.' }).waitFor();

      const poll = page.locator('civic-poll');
      await poll.getByRole('radio', { name: 'Yes' }).check();
      await poll.getByRole('button', { name: 'Vote', exact: true }).click();
      await page.locator('#from-events').filter({ hasText: 'Voted: yes.' }).waitFor();

      // The framework changes the provider's `lang`: the widgets follow.
      await page.getByRole('button', { name: 'En français' }).click();
      await poll.getByText('Votre vote').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await page.close();
    });

    it('builds for the server and renders there (no DOM), the elements as plain tags', () => {
      const built = exec(bin(cwd, 'vite'), ['build', '--ssr', ssr[name].entry, '--outDir', 'dist-ssr', '--logLevel', 'warn'], cwd);
      assert.equal(built.status, 0, built.out);
      writeFileSync(join(cwd, 'ssr-check.mjs'), `${ssr[name].render}\nconsole.log(JSON.stringify({ html, document: typeof document }));\n`);
      const r = exec('node', ['ssr-check.mjs'], cwd);
      assert.equal(r.status, 0, r.out);
      const { html, document } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { html: string; document: string };
      assert.equal(document, 'undefined');
      assert.match(html, /<civic-provider[^>]*lang="en"/);
      assert.match(html, /<civic-petition[^>]*petition="bike-lanes"/);
      assert.match(html, /<civic-poll[^>]*poll="library-hours"/);
      assert.match(html, /Not signed yet\./);
      // React and Vue leave object props out of the server's HTML; Svelte writes them as text. The
      // elements read no `backend` attribute (it is a property only), and hydration sets the property.
      const asText = [...html.matchAll(/ ([\w-]+)="\[object Object\]"/g)].map((m) => m[1]);
      assert.deepEqual(asText, name === 'svelte' ? ['backend'] : [], 'objects rendered as attributes');
    });
  });
}

describe('examples/eleventy', () => {
  let server: ChildProcess;
  let api: string;
  const data = mkdtempSync(join(tmpdir(), 'civic-eleventy-'));
  before(async () => {
    // The civic-server of the installed package, on a free port, with the demo content.
    server = spawn('node', [join(dir, 'node_modules/civic-widgets/bin/civic-server.js'), '--demo', '--port', '0', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
    api = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (b: Buffer) => {
        const m = /listening on (http:\/\/\S+)/.exec(String(b));
        if (m) resolve(m[1]!);
      });
      server.on('exit', (code) => reject(new Error(`civic-server exited with ${code}`)));
    });
  });
  after(() => {
    server?.kill();
    rmSync(data, { recursive: true, force: true });
  });

  it('builds the site with the package’s CDN files; a signature and a vote reach the page', async (t) => {
    const cwd = join(dir, 'eleventy');
    const built = exec('npm', ['run', 'build', '--silent'], cwd, { CIVIC_API: `${api}/api` });
    assert.equal(built.status, 0, built.out);
    assert.equal(readFileSync(join(cwd, '_site/cdn/civic-widgets.js'), 'utf8'), readFileSync(join(dir, 'node_modules/civic-widgets/dist/cdn/civic-widgets.js'), 'utf8'));
    const site = await serve(join(cwd, '_site'));
    t.after(() => site.server.close());

    const { page, errors } = await open(site.url);
    assert.equal(await page.locator('civic-provider').getAttribute('api'), `${api}/api`);
    const petition = page.locator('civic-petition');
    await petition.locator('form').waitFor();
    await page.locator('civic-poll').getByRole('radio', { name: 'Oui' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await petition.locator('[name=name]').fill('Geneviève Lapointe');
    await petition.locator('[name=email]').fill('genevieve@example.org');
    await petition.locator('[part~=submit]').click();
    await page.locator('#from-events').filter({ hasText: 'Merci ! Signature à confirmer par courriel.' }).waitFor();

    const poll = page.locator('civic-poll');
    await poll.getByRole('radio', { name: 'Oui' }).check();
    await poll.getByRole('button', { name: 'Voter', exact: true }).click();
    await page.locator('#from-events').filter({ hasText: 'Vote enregistré : oui.' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
