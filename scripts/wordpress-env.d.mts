/** Types for wordpress-env.mjs (used by the WordPress tests). */
export interface WordPressSite {
  /** The site's address, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** The temporary folder (site/, db/, debug.log). */
  dir: string;
  /** The site's folder (WordPress's document root). */
  site: string;
  /** Runs PHP code inside the site; what it returns comes back as JSON. */
  php<T = unknown>(code: string): Promise<T>;
  /** Ends the servers and removes the folder. */
  stop(): Promise<void>;
  /** The end of PHP's built-in server's log. */
  serverLog(): string;
}
export const PACKAGES: string;
export const ADMIN: { user: string; password: string; email: string };
export function wordpressMissing(): string | null;
export function freePort(): Promise<number>;
export function startWordPress(options?: { port?: number; lang?: string; theme?: string; log?: (line: string) => void; keep?: boolean }): Promise<WordPressSite>;
export function installPlugin(wp: WordPressSite, zip: string): Promise<string>;
