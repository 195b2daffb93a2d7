// A fresh WordPress site under a temporary folder, from Debian's packages: its own MariaDB server
// (a data directory and a socket of its own, no network), WordPress's core files linked from
// /usr/share/wordpress, its own wp-config.php and wp-content/, served by PHP's built-in server.
// Used by the WordPress tests (test/wordpress/) and by hand:
//   node scripts/wordpress-env.mjs [--port 8080] [--plugin dist/wordpress/civic-widgets.zip] [--lang fr_FR]
// prints the site's address and the admin's login, and keeps the site until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mo } from './wordpress/po.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CORE = process.env.WORDPRESS_CORE ?? '/usr/share/wordpress';
export const PACKAGES = 'wordpress wordpress-theme-twentytwentythree wordpress-theme-twentytwentyone mariadb-server php-cli php-mysql';
export const ADMIN = { user: 'admin', password: 'civic-admin-password', email: 'admin@example.org' };

const which = (name, ...extra) => [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', ...extra].map((d) => join(d, name)).find((p) => existsSync(p));

/** What is missing to run a WordPress site here, in words, with the command that installs it; null when nothing is. */
export function wordpressMissing() {
  const missing = [];
  if (!existsSync(join(CORE, 'wp-settings.php'))) missing.push(`WordPress (${CORE})`);
  for (const theme of ['twentytwentythree', 'twentytwentyone'])
    if (!existsSync(join(CORE, 'wp-content/themes', theme, 'style.css'))) missing.push(`the ${theme} theme`);
  if (!which('mariadbd') || !which('mariadb-install-db')) missing.push('MariaDB (mariadbd, mariadb-install-db)');
  const php = which('php');
  if (!php) missing.push('PHP (php)');
  else if (!/mysqli/.test(spawnSync(php, ['-m'], { encoding: 'utf8' }).stdout ?? '')) missing.push("PHP's mysqli extension");
  if (!missing.length) return null;
  return [
    `The WordPress tests need ${missing.join(', ')}.`,
    `Debian/Ubuntu: sudo apt-get install -y --no-install-recommends ${PACKAGES}`,
    '(Debian bookworm has WordPress 6.1, MariaDB 10.11 and PHP 8.2; nothing else is downloaded.)',
  ].join('\n');
}

/** A free TCP port on the loopback address. */
export const freePort = () =>
  new Promise((ok, ko) => {
    const s = createServer().once('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const wait = async (what, test, ms = 20000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await test()) return;
  throw new Error(`timed out waiting for ${what}`);
};

/** Runs a program and resolves with its output; rejects with its output when it fails. */
const run = (cmd, args, { input, env } = {}) =>
  new Promise((ok, ko) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('error', ko);
    child.on('close', (code) => (code === 0 ? ok(out) : ko(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out}\n${err}`))));
    child.stdin.end(input ?? '');
  });

/**
 * Starts a fresh site. Options: `port` (else a free one), `lang` (the site's language, e.g. `fr_FR`),
 * `theme` (default twentytwentythree), `log` (a function for progress lines).
 * Resolves with `{ url, dir, php(code), stop() }`: `php` runs PHP code inside the site (it may
 * `return` a value, answered as JSON), `stop` ends the servers and removes the folder.
 */
export async function startWordPress({ port, lang = '', theme = 'twentytwentythree', log = () => {}, keep = false } = {}) {
  const missing = wordpressMissing();
  if (missing) throw new Error(missing);
  const started = Date.now();
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'civic-wp-'));
  const site = join(dir, 'site');
  const sock = join(dir, 'mysqld.sock');
  const children = [];
  const stop = async () => {
    for (const c of children.reverse()) {
      if (c.exitCode !== null || c.signalCode !== null) continue;
      const gone = new Promise((r) => c.once('exit', r));
      // PHP's server with workers is a process group: its workers outlive a signal to the parent alone.
      if (c.group) process.kill(-c.pid, 'SIGTERM');
      else c.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 10000))]);
    }
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The database: its own data directory and socket, no TCP port.
    const user = process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'root');
    await run(which('mariadb-install-db'), ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${user}`]);
    const db = spawn(which('mariadbd'), ['--no-defaults', `--datadir=${join(dir, 'db')}`, `--socket=${sock}`, '--skip-networking', `--pid-file=${join(dir, 'mysqld.pid')}`, `--user=${user}`, '--innodb-buffer-pool-size=32M', `--log-error=${join(dir, 'mysqld.log')}`], { stdio: 'ignore' });
    children.push(db);
    await wait('MariaDB', () => existsSync(sock));
    const client = which('mariadb') ?? which('mysql');
    await wait('MariaDB to accept connections', () => run(client, ['--no-defaults', '-S', sock, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS wordpress']).then(() => true, () => false));
    log(`MariaDB ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // The site: core files linked, wp-config.php and wp-content/ its own.
    mkdirSync(site);
    for (const entry of readdirSync(CORE)) if (!['wp-config.php', 'wp-content', '.htaccess'].includes(entry)) symlinkSync(join(CORE, entry), join(site, entry));
    for (const d of ['plugins', 'themes', 'uploads', 'mu-plugins', 'upgrade']) mkdirSync(join(site, 'wp-content', d), { recursive: true });
    for (const t of readdirSync(join(CORE, 'wp-content/themes'))) symlinkSync(join(CORE, 'wp-content/themes', t), join(site, 'wp-content/themes', t));
    copyFileSync(join(here, 'wordpress/router.php'), join(site, 'router.php'));
    // WordPress takes a site language only once "installed": an empty catalogue does (core's
    // own strings stay English; Debian's wordpress-l10n has the real ones).
    if (lang) {
      mkdirSync(join(site, 'wp-content/languages'), { recursive: true });
      writeFileSync(join(site, 'wp-content/languages', `${lang}.mo`), mo([['', `Language: ${lang}\nContent-Type: text/plain; charset=UTF-8\n`]]));
    }
    const key = () => randomBytes(32).toString('base64');
    const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
    writeFileSync(
      join(site, 'wp-config.php'),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${sock}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
${keys.map((k) => `define( '${k}', '${key()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true ); // no wordpress.org: this machine reaches no other host
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, 'debug.log')}' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const php = async (code) => {
      const out = await run(which('php'), [join(here, 'wordpress/eval.php'), site, url], { input: `${code}\n;` });
      const at = out.lastIndexOf('\n--civic-eval--\n');
      if (at < 0) throw new Error(`PHP printed no result:\n${out}`);
      return JSON.parse(out.slice(at + 16));
    };
    await run(which('php'), [join(here, 'wordpress/eval.php'), site, url], {
      env: { WP_INSTALLING: '1' },
      input: `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
        $r = wp_install( 'Blogue citoyen', '${ADMIN.user}', '${ADMIN.email}', true, '', '${ADMIN.password}', '${lang}' );
        return $r['user_id'];`,
    });
    await php(`
      update_option( 'permalink_structure', '/%postname%/' );
      switch_theme( '${theme}' );
      ${lang ? `update_option( 'WPLANG', '${lang}' );` : ''}
      flush_rewrite_rules();
      return true;`);
    log(`WordPress installed (${((Date.now() - started) / 1000).toFixed(1)} s)`);

    // PHP's built-in server, a few workers (the block editor asks for many files at once).
    const server = spawn(which('php'), ['-S', `127.0.0.1:${port}`, '-t', site, join(site, 'router.php')], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    server.group = true;
    children.push(server);
    // Should this process end without stop() (a crash, Ctrl-C in a test run), the servers end too.
    process.once('exit', () => {
      for (const c of children) if (c.exitCode === null) try { c.group ? process.kill(-c.pid, 'SIGKILL') : c.kill('SIGKILL'); } catch { /* gone */ }
    });
    let serverLog = '';
    server.stderr.on('data', (b) => (serverLog = (serverLog + b).slice(-20000)));
    await wait('PHP to serve the site', () => fetch(`${url}/wp-json/`).then((r) => r.ok, () => false));
    log(`WordPress serving at ${url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return { url, dir, site, php, stop, serverLog: () => serverLog };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Installs and activates a plugin zip in a site, through WordPress's own Plugin_Upgrader (what Plugins → Add New → Upload runs). */
export async function installPlugin(wp, zip) {
  return wp.php(`
    require_once ABSPATH . 'wp-admin/includes/file.php';
    require_once ABSPATH . 'wp-admin/includes/plugin.php';
    require_once ABSPATH . 'wp-admin/includes/misc.php';
    require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
    WP_Filesystem();
    $u = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
    $ok = $u->install( ${JSON.stringify(resolve(zip))} );
    if ( true !== $ok ) {
      throw new Exception( 'install failed: ' . wp_json_encode( is_wp_error( $ok ) ? $ok->get_error_messages() : $u->skin->get_upgrade_messages() ) );
    }
    $file = $u->plugin_info();
    $active = activate_plugin( $file );
    if ( is_wp_error( $active ) ) throw new Exception( $active->get_error_message() );
    return $file;`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const wp = await startWordPress({ port: arg('port') ? +arg('port') : undefined, lang: arg('lang') ?? '', theme: arg('theme'), log: console.log }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
  if (arg('plugin')) console.log(`installed and activated ${await installPlugin(wp, arg('plugin'))}`);
  console.log(`\n${wp.url}/wp-admin/  user ${ADMIN.user}  password ${ADMIN.password}\nfiles: ${wp.dir}\nCtrl-C stops it and removes the files.`);
  const quit = () => wp.stop().then(() => process.exit(0));
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
