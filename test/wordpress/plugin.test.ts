/**
 * The WordPress plugin in a real WordPress (Debian's 6.1 package, MariaDB, PHP's built-in server;
 * scripts/wordpress-env.mjs makes a fresh site under a temp folder), with the built civic server
 * beside it, in Chromium: the zip installs through WordPress's own upgrader; each shortcode and each
 * block renders its widget on a published post (the blocks made in the block editor); the comments
 * option replaces the theme's comments, a reader posts and replies and the rows land in wp_comments
 * with the right parent, a refused (flooding) comment is sent once; a site that requires name and
 * email marks the email required from the start; the settings page's connection test says in words
 * what is wrong; deactivating restores the theme's comments; uninstalling removes the option.
 *
 * Needs `npm run build` and `npm run build:wordpress` first (`node scripts/test.mjs wordpress` does the
 * second). Without WordPress, MariaDB or PHP the suite is skipped saying what to install, except under
 * CI=true, where that fails. WORDPRESS_SCREENSHOT=file.png saves the block's settings as seen in the
 * editor (the README's picture).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromeArgs, findChrome } from '../../scripts/chrome.mjs';
import { ADMIN, freePort, installPlugin, startWordPress, wordpressMissing, type WordPressSite } from '../../scripts/wordpress-env.mjs';

const ZIP = 'dist/wordpress/civic-widgets.zip';
const PLUGIN = 'wordpress/civic-widgets';
const missing = wordpressMissing();
if (missing && process.env['CI'] === 'true') throw new Error(`CI=true and WordPress cannot run here.\n${missing}`);
if (missing) console.log(`\nSkipping the WordPress tests.\n${missing}\n`);

const T = { timeout: 240_000 };
let wp: WordPressSite;
let civic: ChildProcess;
let api = '';
let browser: Browser;
let admin: BrowserContext;
const data = mkdtempSync(join(tmpdir(), 'civic-wp-server-'));
const pageErrors: string[] = [];

const sql = <T>(query: string) => wp.php<T>(`global $wpdb; return $wpdb->get_results( ${JSON.stringify(query)}, ARRAY_A );`);
/** Lets the next comment from the same reader through WordPress's 15-second flood check. */
const ageComments = () => wp.php(`global $wpdb; return $wpdb->query( "UPDATE {$wpdb->comments} SET comment_date_gmt = comment_date_gmt - INTERVAL 1 MINUTE, comment_date = comment_date - INTERVAL 1 MINUTE" );`);
/** A widget's shadow text, whitespace collapsed. */
const shadowText = (page: Page, selector: string) =>
  page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => (e.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ')).join(' | '), selector);
/** Waits until one of the widgets matching `selector` shows `text`; on a timeout, says what they show. */
const waitShadow = (page: Page, selector: string, text: string | RegExp) =>
  page
    .waitForFunction(
      ([s, t, flags]) => [...document.querySelectorAll(s!)].some((e) => new RegExp(t!, flags).test(e.shadowRoot?.textContent ?? '')),
      [selector, typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source, typeof text === 'string' ? '' : text.flags],
      { timeout: 60_000 },
    )
    .catch(async (e: Error) => {
      throw new Error(`${selector} never showed ${text} on ${page.url()}; it shows: ${(await shadowText(page, selector)).slice(0, 600) || '(nothing)'}\n${e.message}`);
    });
const publish = (title: string, content: string) =>
  wp.php<string>(`$id = wp_insert_post( array( 'post_title' => ${JSON.stringify(title)}, 'post_status' => 'publish', 'post_content' => ${JSON.stringify(content)} ) ); return get_permalink( $id );`);

async function reader(js = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && console.log(`  console: ${m.text()} (${m.location().url})`));
  return page;
}

describe('the WordPress plugin', { skip: missing ?? false }, () => {
  before(async () => {
    assert.ok(existsSync(ZIP), `${ZIP} is missing: run npm run build:wordpress`);
    assert.ok(existsSync('dist/server/cli.js'), 'dist/server is missing: run npm run build');
    const started = Date.now();
    const [port, wpPort] = [await freePort(), await freePort()];
    api = `http://127.0.0.1:${port}/api`;
    [wp] = await Promise.all([
      startWordPress({ port: wpPort, lang: 'fr_FR', log: (l) => console.log(`  wordpress: ${l}`) }),
      (async () => {
        // The civic server allows the blog's origin only, as a production one would.
        const args = ['dist/server/cli.js', '--demo', '--port', String(port), '--data', data, '--rate-limit', '0', '--origin', `http://127.0.0.1:${wpPort}`];
        civic = spawn('node', args, { stdio: ['ignore', 'pipe', 'inherit'] });
        await new Promise<void>((resolve, reject) => {
          civic.stdout!.on('data', (b: Buffer) => String(b).includes('listening') && resolve());
          civic.on('exit', (code) => reject(new Error(`civic server exited with ${code}`)));
        });
      })(),
    ]);
    // The admin reads the back office in English; readers get the site's French.
    await wp.php(`update_user_meta( 1, 'locale', 'en_US' ); update_option( 'comment_previously_approved', 0 ); return true;`);
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeArgs });
    admin = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await admin.newPage();
    await page.goto(`${wp.url}/wp-login.php`);
    await page.fill('#user_login', ADMIN.user);
    await page.fill('#user_pass', ADMIN.password);
    await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
    await page.close();
    console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await browser?.close();
    civic?.kill();
    await wp?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  it('every PHP file of the plugin passes php -l', () => {
    const files = readdirSync(PLUGIN, { recursive: true }).map(String).filter((f) => f.endsWith('.php'));
    assert.ok(files.length >= 10);
    for (const f of files) {
      const r = spawnSync('php', ['-l', join(PLUGIN, f)], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${f}: ${r.stdout}${r.stderr}`);
    }
  });

  it('installs from the zip, and creates no table', T, async () => {
    const tables = await sql<Record<string, string>[]>('SHOW TABLES');
    assert.equal(await installPlugin(wp, ZIP), 'civic-widgets/civic-widgets.php');
    assert.deepEqual(await sql('SHOW TABLES'), tables);
    // Its French, for the PHP (.mo) and for the editor script (wp.i18n's JSON), on this French site.
    const fr = await wp.php<[string, string]>(`return array( __( 'Sign the petition', 'civic-widgets' ), load_script_textdomain( 'civic-widgets-editor', 'civic-widgets', WP_PLUGIN_DIR . '/civic-widgets/languages' ) );`);
    assert.equal(fr[0], 'Signer la pétition');
    assert.match(fr[1], /Identifiant de la pétition/);
  });

  it('settings: the connection test says in words what is wrong, and saves the address', T, async () => {
    const page = await admin.newPage();
    await page.goto(`${wp.url}/wp-admin/options-general.php?page=civic-widgets`);
    const field = page.getByLabel('Civic-server API address');
    const result = page.locator('#civic-widgets-test-result');
    const test = async (url: string) => {
      await field.fill(url);
      await page.getByRole('button', { name: 'Test the connection' }).click();
      await page.waitForFunction(() => /notice-(success|error)/.test(document.querySelector('#civic-widgets-test-result')?.className ?? ''), null, { timeout: 60_000 });
      return (await result.innerText()).trim();
    };
    const unused = await freePort();
    assert.match(await test(`http://127.0.0.1:${unused}/api`), new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${unused}/api \\(.+\\)\\. Check the address`));
    assert.match(await test(`${wp.url}/`), /answers \(HTTP \d+, text\/html.*\), but not as a civic-server API\. A civic server's API address usually ends in \/api\./);
    assert.match(await test(api), /^Connected: .* is a civic server, and it allows this site \(http:\/\/127\.0\.0\.1:\d+\)\.$/);
    // A site on another origin than the one the server allows is told so (the probe sends the site's origin).
    const other = await wp.php<{ ok: boolean; message: string }>(`require_once WP_PLUGIN_DIR . '/civic-widgets/includes/probe.php'; return CivicWidgets\\probe( ${JSON.stringify(api)}, 'https://elsewhere.example' );`);
    assert.equal(other.ok, false);
    assert.match(other.message, /\(https:\/\/elsewhere\.example\).*--origin https:\/\/elsewhere\.example\)\.$/); // in the site's French here
    await Promise.all([page.waitForURL(/settings-updated=true/), page.getByRole('button', { name: 'Save Changes' }).click()]);
    assert.equal(await page.getByLabel('Civic-server API address').inputValue(), api);
    // The form is WordPress's options.php with its nonce: without it, nothing is saved.
    const forged = await page.evaluate(async (u) => (await fetch(`${u}/wp-admin/options.php`, { method: 'POST', body: new URLSearchParams({ option_page: 'civic_widgets', action: 'update', 'civic_widgets[api]': 'https://evil.example/api' }) })).status, wp.url);
    assert.notEqual(forged, 200);
    assert.equal((await wp.php<{ api: string }>(`return get_option( 'civic_widgets' );`)).api, api);
    await page.close();
  });

  it('each shortcode renders its widget on a published post, from scripts the blog serves; without JavaScript, its fallback', T, async () => {
    const comparison = await (await fetch(`${api}/comparisons/chefs-numerique-2012`)).json();
    const json = join(data, 'chefs-2012.json');
    writeFileSync(json, JSON.stringify(comparison));
    const src = await wp.php<string>(`
      require_once ABSPATH . 'wp-admin/includes/media.php'; require_once ABSPATH . 'wp-admin/includes/file.php'; require_once ABSPATH . 'wp-admin/includes/image.php';
      wp_set_current_user( 1 );
      $tmp = wp_tempnam( 'chefs-2012.json' ); copy( ${JSON.stringify(json)}, $tmp );
      $id = media_handle_sideload( array( 'name' => 'chefs-2012.json', 'tmp_name' => $tmp ), 0 );
      if ( is_wp_error( $id ) ) throw new Exception( $id->get_error_message() );
      return wp_get_attachment_url( $id );`);
    assert.match(src, /\/wp-content\/uploads\/.*chefs-2012\.json$/);
    const url = await publish(
      'Les widgets en shortcodes',
      `[civic_petition id="plan-numerique" link="https://example.org/petition"]\n\n[civic_poll id="ministere-numerique"]\n\n[civic_comparator id="chefs-numerique-2012"]\n\n[civic_comparator src="${src}"]\n\n[civic_comments]`,
    );
    const page = await reader();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await waitShadow(page, 'civic-petition', 'Pour un plan numérique pour le Québec');
    await waitShadow(page, 'civic-poll', 'ministère du Numérique');
    await page.waitForFunction(() => [...document.querySelectorAll('civic-comparator')].every((e) => /Les chefs et le numérique/.test(e.shadowRoot?.textContent ?? '')), null, { timeout: 60_000 });
    await waitShadow(page, 'civic-comments', /Écrire un commentaire/);
    assert.equal(await page.locator('civic-comparator').count(), 2);
    const scripts = requests.filter((u) => /\.js(\?|$)/.test(u) && u.includes('civic-'));
    assert.ok(scripts.length && scripts.every((u) => u.startsWith(`${wp.url}/wp-content/plugins/civic-widgets/cdn/`)), scripts.join('\n'));
    // Each module under one URL (a `?ver=` on the entry made its on-demand parts load a second copy of it).
    assert.deepEqual(scripts.filter((u) => u.includes('?')), []);
    assert.deepEqual(new Set(requests.map((u) => new URL(u).origin).filter((o) => o !== wp.url && o !== new URL(api).origin)), new Set());
    await page.context().close();

    const plain = await reader(false);
    await plain.goto(url);
    assert.equal(await plain.getByRole('link', { name: 'Signer la pétition' }).getAttribute('href'), 'https://example.org/petition');
    assert.ok(await plain.getByText('Répondre au sondage (JavaScript nécessaire)').isVisible());
    assert.equal(await plain.getByRole('link', { name: 'Voir les positions des partis' }).getAttribute('href'), src);
    await plain.context().close();
  });

  it('each block, made in the block editor with its settings panel, renders its widget on a published post', T, async () => {
    const page = await admin.newPage();
    page.on('pageerror', (e) => pageErrors.push(`editor: ${e}`));
    await page.goto(`${wp.url}/wp-admin/post-new.php`);
    await page.waitForFunction(() => (window as any).wp?.data?.select('core/editor')?.getCurrentPostId() && (window as any).wp.blocks.getBlockType('civic-widgets/petition'), null, { timeout: 120_000 });
    await page.evaluate(() => {
      const { data, blocks } = (window as any).wp;
      if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
      data.dispatch('core/editor').editPost({ title: 'Les widgets en blocs' });
      data.dispatch('core/block-editor').insertBlocks(blocks.createBlock('civic-widgets/petition'));
      data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
    });
    // The panel checks the id against the civic server as it is typed.
    await page.getByLabel('Petition id').fill('plan-inconnu');
    await page.getByText('The civic server has no petition with the id “plan-inconnu”.').waitFor({ timeout: 60_000 });
    await page.getByLabel('Petition id').fill('plan-numerique');
    await page.getByText('Found: “Pour un plan numérique pour le Québec”').waitFor({ timeout: 60_000 });
    await waitShadow(page, 'civic-petition', 'Pour un plan numérique pour le Québec'); // the live preview
    if (process.env['WORDPRESS_SCREENSHOT']) {
      // The block's toolbar docked at the top, so that it covers none of the preview.
      await page.evaluate(() => (window as any).wp.data.dispatch('core/edit-post').toggleFeature('fixedToolbar'));
      await page.waitForTimeout(500);
      await page.screenshot({ path: process.env['WORDPRESS_SCREENSHOT'] });
    }
    const link = await page.evaluate(async () => {
      const { data, blocks } = (window as any).wp;
      const src = await (window as any).wp.apiFetch({ path: '/wp/v2/media?search=chefs-2012' });
      data.dispatch('core/block-editor').insertBlocks([
        blocks.createBlock('civic-widgets/poll', { id: 'ministere-numerique' }),
        blocks.createBlock('civic-widgets/comparator', { id: 'chefs-numerique-2012' }),
        blocks.createBlock('civic-widgets/comparator', { src: src[0]?.source_url ?? '' }),
        blocks.createBlock('civic-widgets/comments'),
      ]);
      data.dispatch('core/editor').editPost({ status: 'publish' });
      await data.dispatch('core/editor').savePost();
      return data.select('core/editor').getPermalink();
    });
    assert.match(link, /les-widgets-en-blocs/);
    const content = await wp.php<string>(`return get_page_by_path( 'les-widgets-en-blocs', OBJECT, 'post' )->post_content;`);
    assert.match(content, /<!-- wp:civic-widgets\/petition \{"id":"plan-numerique"\} \/-->/);
    assert.match(content, /<!-- wp:civic-widgets\/comparator \{"src":"http[^"]+chefs-2012\.json"\} \/-->/);
    await page.close();

    const post = await reader();
    await post.goto(link);
    await waitShadow(post, 'civic-petition', 'Pour un plan numérique pour le Québec');
    await waitShadow(post, 'civic-poll', 'ministère du Numérique');
    await post.waitForFunction(() => [...document.querySelectorAll('civic-comparator')].length === 2 && [...document.querySelectorAll('civic-comparator')].every((e) => /Les chefs et le numérique/.test(e.shadowRoot?.textContent ?? '')), null, { timeout: 60_000 });
    await waitShadow(post, 'civic-comments', /Écrire un commentaire/);
    await post.context().close();
  });

  it('the comments option replaces the theme’s comments: a reader posts and replies, rows in wp_comments with their parent; a flood is sent once', T, async () => {
    const settings = await admin.newPage();
    await settings.goto(`${wp.url}/wp-admin/options-general.php?page=civic-widgets`);
    await settings.locator('#civic-widgets-comments').check();
    await Promise.all([settings.waitForURL(/settings-updated=true/), settings.getByRole('button', { name: 'Save Changes' }).click()]).catch(async (e: Error) => {
      throw new Error(`saving the comments option: ${settings.url()} ${(await settings.locator('body').innerText()).slice(0, 400)}\n${e.message}`);
    });
    assert.equal((await wp.php<{ comments: boolean }>(`return CivicWidgets\\options();`)).comments, true);
    await settings.close();

    const page = await reader();
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/wp/v2/comments') && posts.push(r.url()));
    await page.goto(`${wp.url}/hello-world/`);
    await waitShadow(page, 'civic-comments', '1 commentaire');
    // The theme's section is inside the element (for readers without JavaScript), not shown.
    assert.equal(await page.locator('civic-comments .wp-block-comments').count(), 1);
    assert.equal(await page.locator('.wp-block-comments').first().isVisible(), false);
    assert.equal(await page.locator('civic-comments').count(), 1);
    // WordPress requires a name and an email by default: the email is not marked optional.
    const email = await page.locator('civic-comments label[for=f-email]').innerText();
    assert.doesNotMatch(email, /facultatif/);
    assert.equal(await page.locator('civic-comments #f-email').evaluate((e: HTMLInputElement) => e.required), true);

    await page.locator('civic-comments #f-name').fill('Geneviève Lapointe');
    await page.locator('civic-comments #f-email').fill('genevieve@example.org');
    await page.locator('civic-comments #f-text').fill('Un plan numérique, *enfin* !');
    await page.locator('civic-comments [part~=submit]').click();
    await waitShadow(page, 'civic-comments', '2 commentaires');
    const [top] = await sql<{ comment_ID: string; comment_parent: string; comment_approved: string; comment_content: string }[]>(
      "SELECT comment_ID, comment_parent, comment_approved, comment_content FROM wp_comments WHERE comment_author = 'Geneviève Lapointe'",
    );
    assert.deepEqual([top?.comment_parent, top?.comment_approved, top?.comment_content], ['0', '1', 'Un plan numérique, <em>enfin</em> !']);

    await ageComments();
    await page.locator('civic-comments #reply-1').click();
    await page.locator('civic-comments #f-text').fill('Je réponds au commentateur.');
    await page.locator('civic-comments [part~=submit]').click();
    await waitShadow(page, 'civic-comments', '3 commentaires');
    const replies = await sql<{ comment_parent: string }[]>("SELECT comment_parent FROM wp_comments WHERE comment_content = 'Je réponds au commentateur.'");
    assert.deepEqual(replies, [{ comment_parent: '1' }]);

    // Another comment at once: WordPress refuses it (flood, 400, no Retry-After); it is sent once, and said.
    const before = posts.length;
    await page.locator('civic-comments #f-text').fill('Encore un mot.');
    await page.locator('civic-comments [part~=submit]').click();
    await waitShadow(page, 'civic-comments', 'Trop de tentatives');
    await page.waitForTimeout(3000); // past the retries' backoff, were there any
    assert.equal(posts.length - before, 1);
    assert.equal(await page.locator('civic-comments #f-text').inputValue(), 'Encore un mot.');

    // Another reader sees both, threaded.
    const other = await reader();
    await other.goto(`${wp.url}/hello-world/`);
    await waitShadow(other, 'civic-comments', 'Je réponds au commentateur.');
    assert.equal(await other.locator(`civic-comments #c-${top!.comment_ID}`).count(), 1);
    await other.context().close();
    await page.context().close();

    // A classic theme (comments_template()): the same, the theme's comments inside the element.
    await wp.php(`switch_theme( 'twentytwentyone' ); return true;`);
    const classic = await reader();
    await classic.goto(`${wp.url}/hello-world/`);
    await waitShadow(classic, 'civic-comments', 'Je réponds au commentateur.');
    assert.equal(await classic.locator('civic-comments #comments #commentform').count(), 1);
    assert.equal(await classic.locator('#commentform').isVisible(), false);
    await classic.context().close();
    await wp.php(`switch_theme( 'twentytwentythree' ); return true;`);
  });

  it('a site that does not require an email marks it optional; one that asks for an account keeps anonymous REST comments closed', T, async () => {
    await wp.php(`update_option( 'require_name_email', 0 ); return true;`);
    const page = await reader();
    await page.goto(`${wp.url}/hello-world/`);
    await waitShadow(page, 'civic-comments', /Écrire un commentaire/);
    assert.match(await page.locator('civic-comments label[for=f-email]').innerText(), /facultatif/);
    await wp.php(`update_option( 'require_name_email', 1 ); update_option( 'comment_registration', 1 ); return true;`);
    const anonymous = await fetch(`${wp.url}/wp-json/wp/v2/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ post: 1, author_name: 'A', author_email: 'a@example.org', content: 'x' }) });
    assert.equal(anonymous.status, 401);
    await wp.php(`update_option( 'comment_registration', 0 ); return true;`);
    await page.context().close();
  });

  it('deactivating restores the theme’s comments and closes anonymous REST comments; uninstalling removes the option', T, async () => {
    const page = await admin.newPage();
    await page.goto(`${wp.url}/wp-admin/plugins.php`);
    await Promise.all([page.waitForURL(/deactivate=true/), page.locator('#deactivate-civic-widgets').click()]);
    await page.close();
    const post = await reader();
    await post.goto(`${wp.url}/hello-world/`);
    assert.equal(await post.locator('civic-comments').count(), 0);
    assert.ok(await post.locator('.wp-block-comments #commentform').isVisible());
    await post.context().close();
    const anonymous = await fetch(`${wp.url}/wp-json/wp/v2/comments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ post: 1, author_name: 'A', author_email: 'a@example.org', content: 'y' }) });
    assert.equal(anonymous.status, 401);

    const tables = await sql('SHOW TABLES');
    const gone = await wp.php(`require_once ABSPATH . 'wp-admin/includes/plugin.php'; require_once ABSPATH . 'wp-admin/includes/file.php'; delete_plugins( array( 'civic-widgets/civic-widgets.php' ) ); return get_option( 'civic_widgets', 'none' );`);
    assert.equal(gone, 'none');
    assert.deepEqual(await sql('SHOW TABLES'), tables);
    assert.equal(await sql("SELECT option_name FROM wp_options WHERE option_name LIKE '%civic%'").then((r) => (r as unknown[]).length), 0);
  });

  it('left no PHP notice or warning from the plugin, and no page error', () => {
    const log = existsSync(join(wp.dir, 'debug.log')) ? readFileSync(join(wp.dir, 'debug.log'), 'utf8') : '';
    assert.deepEqual(log.split('\n').filter((l) => /civic-widgets/.test(l)), []);
    assert.deepEqual(pageErrors, []);
  });
});
