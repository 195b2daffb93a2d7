/** Serving the app over HTTP. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp, type AppOptions, type CivicApp } from './app.js';

export interface ServerOptions extends AppOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default: every interface. */
  host?: string;
}

export interface RunningServer extends CivicApp {
  /** `http://host:port` */
  url: string;
  port: number;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const civic = await createApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: civic.app.fetch, port: options.port ?? 8787, ...(options.host ? { hostname: options.host } : {}) }, () => resolve(s as Server));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    ...civic,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await civic.close(); // ends event streams
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
      await closed;
    },
  };
}
