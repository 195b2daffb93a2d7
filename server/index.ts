/**
 * `civic-widgets/server`: the reference REST server.
 *
 * ```js
 * import { startServer } from 'civic-widgets/server';
 * const server = await startServer({ port: 8787, adminToken: process.env.CIVIC_ADMIN_TOKEN });
 * ```
 */
export { createApp, type AppOptions, type CivicApp } from './app.js';
export { startServer, type ServerOptions, type RunningServer } from './serve.js';
export { openDb, type Db, type Queryable, type OpenDbOptions } from './db/db.js';
export { migrate } from './db/migrate.js';
export { migrationsDir } from './paths.js';
export { Bus } from './bus.js';
export { DevOutbox, SmtpMailer, type Mail, type Mailer, type SentMail } from './mail.js';
export { RateLimiter, type RateLimitOptions } from './http.js';
export { openApiDocument } from './openapi.js';
export { loadDemo } from './demo.js';
