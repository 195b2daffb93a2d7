/** Serving the app over HTTP. */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { createApp, type AppOptions, type CivicApp } from './app.js';
import { ipv6Prefix64, normalIp } from './http.js';

export interface ServerOptions extends AppOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default: every interface. */
  host?: string;
  /**
   * How long a client may take to send a request's headers, and the whole request, in ms (default
   * 10 000 and 30 000): a client that trickles its headers ("slowloris") is cut off. Event streams
   * are answers, not requests: they are not cut.
   */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /**
   * Open connections per client address (an IPv6 client by its /64), default 256; more are closed at
   * once. 0: no cap. Behind a proxy (`trustProxy`) every connection comes from the proxy, so none is
   * applied: set one on the proxy.
   */
  maxConnectionsPerClient?: number;
}

/** Closes a client's connections past `max` open at once. */
function capConnections(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = ipv6Prefix64(normalIp(socket.remoteAddress ?? ''));
    const n = (open.get(key) ?? 0) + 1;
    if (n > max) return void socket.destroy();
    open.set(key, n);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left) open.set(key, left);
      else open.delete(key);
    });
  });
}

export interface RunningServer extends CivicApp {
  /** `http://host:port` */
  url: string;
  port: number;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const civic = await createApp(options);
  const { headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, maxConnectionsPerClient = 256 } = options;
  const serverOptions = {
    headersTimeout: headersTimeoutMs,
    requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
    // Node checks those time-outs at this interval (default 30 s).
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
  };
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: civic.app.fetch, port: options.port ?? 8787, serverOptions, ...(options.host ? { hostname: options.host } : {}) }, () =>
      resolve(s as Server),
    );
    s.once('error', reject);
  });
  if (maxConnectionsPerClient > 0 && !options.trustProxy) capConnections(server, maxConnectionsPerClient);
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
