/**
 * civic-server: the reference server from the command line.
 *
 *   civic-server [--port 8787] [--host ADDR] [--data ./.civic-data] [--demo] [--origin https://a,https://b]
 *                [--public-url https://example.org] [--trust-proxy N] [--rate-limit PER_MINUTE] [--challenge BITS]
 *   civic-server import FILE [--data ./.civic-data]     (a WordPress WXR or Disqus XML export)
 *   civic-server admin add EMAIL [--role owner|editor|moderator] [--data ./.civic-data]
 *
 * Environment: DATABASE_URL (PostgreSQL instead of PGlite), CIVIC_ADMIN_TOKEN (admin routes),
 * PUBLIC_URL (links in mails), SMTP_URL and MAIL_FROM (real mail), PORT.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { DevOutbox, SmtpMailer } from './mail.js';
import { startServer } from './serve.js';

const usage = `Usage: civic-server [options]
  --port N            port (default 8787, or PORT)
  --host ADDR         interface to listen on (default: all)
  --data DIR          PGlite data directory (default ./.civic-data); ignored with DATABASE_URL
  --demo              load the demo content (and show unsent mail at /dev/mail)
  --dev-mail          show unsent mail at /dev/mail (it holds confirmation links: development only)
  --origin LIST       CORS allowlist, comma-separated (default: any origin)
  --public-url URL    origin for links in mails (default PUBLIC_URL; required with SMTP_URL;
                      without it, http://localhost on the server's port)
  --trust-proxy N     read the client address from X-Forwarded-For behind N proxies
  --rate-limit N      writes per minute per client (default 20; 0 turns the limits off)
  --challenge BITS    proof of work asked before posting a comment, and of a new participant's first
                      vote in proof-of-work polls (default 16; 0 turns the comments' off)
  --connections N     open connections per client address (default 256; 0: no cap; not behind --trust-proxy)
Import comments: civic-server import FILE [--data DIR]
  FILE                a WordPress export (WXR) or a Disqus export (XML); posts map to threads by URL
                      (on PGlite, stop the server first: a data directory belongs to one process)
Console accounts: civic-server admin add EMAIL [--role owner] [--data DIR]
  adds the account (or gives it the role) and prints a sign-in link for it (once, 24 hours)
Environment: DATABASE_URL, CIVIC_ADMIN_TOKEN, PUBLIC_URL, SMTP_URL, MAIL_FROM, PORT`;

const ROLES = ['owner', 'editor', 'moderator'] as const;

/** `civic-server admin add EMAIL --role owner`: an account for the console and its first sign-in link, then exits. */
async function adminCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, role: { type: 'string' }, port: { type: 'string' } } });
  const role = (values.role ?? 'owner') as (typeof ROLES)[number];
  const [verb, email] = positionals;
  if (verb !== 'add' || !email || !/^[^\s@]+@[^\s@]+$/.test(email) || !ROLES.includes(role)) {
    console.error(usage);
    process.exit(2);
  }
  const [{ openDb }, { migrate }, { migrationsDir }, { addFromCli }, { signInUrl }] = await Promise.all([
    import('./db/db.js'),
    import('./db/migrate.js'),
    import('./paths.js'),
    import('./accounts/sessions.js'),
    import('./accounts/mail.js'),
  ]);
  const db = await openDb({ url: process.env.DATABASE_URL || undefined, dataDir: values.data ?? './.civic-data' });
  try {
    await migrate(db, migrationsDir);
    const { token } = await addFromCli(db, Date.now, email, role);
    const base = process.env.PUBLIC_URL || `http://localhost:${values.port ?? process.env.PORT ?? 8787}`;
    console.log(`civic-server admin: ${email} is an ${role}. Sign in once within 24 hours at:\n  ${signInUrl(base.replace(/\/$/, ''), token)}`);
  } finally {
    await db.close();
  }
}

/** `civic-server import FILE`: imports comments into the database, then exits. */
async function importCommand(args: string[]) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error(usage);
    process.exit(2);
  }
  const [{ openDb }, { migrate }, { migrationsDir }, { importComments }] = await Promise.all([
    import('./db/db.js'),
    import('./db/migrate.js'),
    import('./paths.js'),
    import('./comments/import.js'),
  ]);
  const xml = await readFile(positionals[0]!, 'utf8');
  const db = await openDb({ url: process.env.DATABASE_URL || undefined, dataDir: values.data ?? './.civic-data' });
  try {
    await migrate(db, migrationsDir);
    const r = await importComments(db, xml);
    console.log(`civic-server import (${r.format}): ${r.comments} comments and ${r.mentions} mentions imported, ${r.skipped} skipped`);
    if (r.threadsCreated.length) console.log(`  new threads: ${r.threadsCreated.join(', ')}`);
    if (r.threadsMatched.length) console.log(`  existing threads (matched by URL): ${r.threadsMatched.join(', ')}`);
  } finally {
    await db.close();
  }
}

/**
 * PGlite's WebAssembly (9 MB) compiled by Liftoff, V8's baseline compiler, only. With V8's default,
 * the functions that get hot are compiled again by TurboFan on background threads, whose work memory
 * stays in their malloc arenas: about 55 MB of the server's RSS, for no measurable gain (a request's
 * CPU time goes to JavaScript, HTTP and the WAL's fsync, not to PostgreSQL's code). Set before PGlite's
 * module is compiled (the database is opened through dynamic imports).
 */
setFlagsFromString('--liftoff-only');

async function main() {
  if (process.argv[2] === 'import') return importCommand(process.argv.slice(3));
  if (process.argv[2] === 'admin') return adminCommand(process.argv.slice(3));
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      demo: { type: 'boolean' },
      'dev-mail': { type: 'boolean' },
      origin: { type: 'string' },
      'public-url': { type: 'string' },
      'trust-proxy': { type: 'string' },
      'rate-limit': { type: 'string' },
      challenge: { type: 'string' },
      connections: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(usage);
  const env = process.env;
  const port = Number(values.port ?? env.PORT ?? 8787);
  const perMinute = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  const challenge = values.challenge === undefined ? undefined : Number(values.challenge);
  const connections = values.connections === undefined ? undefined : Number(values.connections);
  if (connections !== undefined && !(Number.isInteger(connections) && connections >= 0)) throw new Error('--connections takes a whole number (0: no cap)');
  if (!Number.isInteger(port) || port < 0 || port > 65535 || (perMinute !== undefined && !(perMinute >= 0)) || (challenge !== undefined && !(Number.isInteger(challenge) && challenge >= 0 && challenge <= 32))) {
    console.error(usage);
    process.exit(2);
  }
  const url = env.DATABASE_URL || undefined;
  const dataDir = values.data ?? './.civic-data';
  const adminToken = env.CIVIC_ADMIN_TOKEN || undefined;
  if (adminToken && adminToken.length < 16) throw new Error('CIVIC_ADMIN_TOKEN is shorter than 16 characters: use a long random one, e.g. `openssl rand -base64 32`');
  const publicUrl = values['public-url'] ?? (env.PUBLIC_URL || undefined);
  // Real mail carries confirmation and withdrawal links: they must point to the public site, which
  // only the operator knows (a request's Host header is the client's to choose).
  if (env.SMTP_URL && !publicUrl) throw new Error('SMTP_URL is set but PUBLIC_URL is not: set PUBLIC_URL (or --public-url) to the origin readers use, e.g. https://civic.example');
  const mailer = env.SMTP_URL ? new SmtpMailer(env.SMTP_URL, env.MAIL_FROM || undefined) : new DevOutbox();

  const server = await startServer({
    port,
    ...(values.host ? { host: values.host } : {}),
    database: { url, dataDir },
    mailer,
    demo: values.demo ?? false,
    devMailPage: !!(values.demo || values['dev-mail']),
    adminToken,
    publicUrl,
    origins: values.origin?.split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: values['trust-proxy'] ? Number(values['trust-proxy']) : false,
    ...(perMinute === undefined ? {} : { rateLimit: perMinute === 0 ? false : { capacity: perMinute, refillPerSecond: perMinute / 60 } }),
    ...(connections === undefined ? {} : { maxConnectionsPerClient: connections }),
    ...(challenge === undefined ? {} : { comments: { challenge: challenge === 0 ? false : { difficulty: challenge } }, polls: { challenge: { difficulty: challenge } } }),
  });

  console.log(`civic-server listening on ${server.url} (${url ? 'PostgreSQL' : `PGlite ${dataDir}`})`);
  if (!adminToken) console.log('  admin routes are off: set CIVIC_ADMIN_TOKEN to use them');
  if (mailer instanceof DevOutbox)
    console.log(
      values.demo || values['dev-mail']
        ? `  mail is not sent: see ${server.url}/dev/mail (set SMTP_URL to send it)`
        : '  mail is not sent (set SMTP_URL), nor shown (--dev-mail shows it at /dev/mail)',
    );

  console.log(`  the console: ${server.url}/admin/`);
  if (values.demo) {
    // A one-time link for the demo's owner, printed on this machine's terminal only.
    const { demoSignInLink } = await import('./accounts/demo.js');
    console.log(`  sign in as the demo's owner (once, within 24 hours): ${await demoSignInLink(server.db, publicUrl ?? server.url)}`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return process.exit(1);
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error('civic-server:', e instanceof Error ? e.message : e);
  process.exit(1);
});
