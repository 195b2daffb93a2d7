/**
 * What a screen of the console gets from the shell (a narrow interface, not the shell itself): the
 * client of the API (same origin, with the session cookie), who is signed in, the strings, and the
 * ways to announce an outcome, go to another screen, and report a failure.
 */
import type { Me } from '../api/accounts.js';
import { CivicError } from '../api/errors.js';
import { RestClient } from '../api/rest.js';
import type { Localize } from '../core/localize.js';
import type { Strings } from '../core/localize.js';

export type ConsoleStrings = Strings<'console'>;

export interface ConsoleHost {
  readonly client: RestClient;
  readonly me: Me;
  readonly l: Localize<ConsoleStrings>;
  /** Says `message` in the console's polite live region. */
  say(message: string): void;
  /** Goes to a screen: `#/petitions/<id>` is `go('petitions', id)`. */
  go(...path: string[]): void;
  /** Asks again who is signed in (after signing in without leaving the page, with a passkey). */
  refresh(): void;
  /** The message a failure shows (a refused role, a lost session, the widgets' messages by kind). */
  failure(e: unknown): string;
}

/**
 * The console's client: the API under `api`, with the session cookie (the widgets' client omits
 * cookies: a reader's page never sends an organiser's session).
 */
export const consoleClient = (api: string) =>
  new RestClient({ baseUrl: api, fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) });

/** Whether a failure is the server's refusal of a role, or a session gone. */
export const isForbidden = (e: unknown) => e instanceof CivicError && e.kind === 'forbidden';
export const isSignedOut = (e: unknown) => e instanceof CivicError && e.kind === 'unauthorized';
