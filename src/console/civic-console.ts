/**
 * The organisers' console: signing in, then the screens an account's role opens (petitions and
 * their embed codes, the moderation queue, accounts). Each screen is a chunk of its own, loaded when
 * first shown; the location's hash names the screen (`#/petitions/plan-numerique`), so the browser's
 * back button and bookmarks work. Part 2 adds screens to `screens` below.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Me } from '../api/accounts.js';
import type { OperationRole } from '../api/operation.js';
import { call } from '../api/rest-call.js';
import { me, signOut } from '../api/routes/accounts.js';
import { define } from '../core/define.js';
import { Loader } from '../core/loader.js';
import { Localize } from '../core/localize.js';
import { state } from '../core/state.js';
import { consoleStyles } from './civic-console.styles.js';
import { consoleClient, isForbidden, isSignedOut, type ConsoleHost, type ConsoleStrings } from './host.js';

interface ScreenEntry {
  /** The least role whose navigation shows it (the server checks every call anyway). */
  role: OperationRole;
  load: () => Promise<{ Screen: CustomElementConstructor }>;
}

/** The screens by the hash's first segment; `dashboard` is the home screen. */
const screens: Record<string, ScreenEntry> = {
  dashboard: { role: 'signed-in', load: () => import('./screens/dashboard-screen.js') },
  petitions: { role: 'signed-in', load: () => import('./screens/petitions-screen.js') },
  threads: { role: 'signed-in', load: () => import('./screens/threads-screen.js') },
  signers: { role: 'editor', load: () => import('./screens/signers-screen.js') },
  polls: { role: 'signed-in', load: () => import('./screens/polls-screen.js') },
  publish: { role: 'signed-in', load: () => import('./screens/publish-screen.js') },
  moderation: { role: 'moderator', load: () => import('./screens/moderation-screen.js') },
  accounts: { role: 'signed-in', load: () => import('./screens/accounts-screen.js') },
  audit: { role: 'owner', load: () => import('./screens/audit-screen.js') },
  comparisons: { role: 'editor', load: () => import('./screens/comparisons-screen.js') },
};
const signIn = (): Promise<{ Screen: CustomElementConstructor }> => import('./screens/sign-in-screen.js');
/** The screens in the navigation, in order. */
const NAV = ['dashboard', 'petitions', 'polls', 'comparisons', 'threads', 'moderation', 'accounts', 'audit'] as const;

const HOME = 'dashboard';
/** A navigation entry's label: a screen's string, or the `nav` of its group of strings. */
const label = (t: ConsoleStrings, n: string): string => {
  const s = (t as unknown as Record<string, string | { nav: string }>)[n]!;
  return typeof s === 'string' ? s : s.nav;
};

const allows = (role: string, need: OperationRole) => need === 'signed-in' || role === 'owner' || role === need;

/** A screen element: the shell sets its host and the rest of the hash's path. */
type ScreenElement = HTMLElement & { host: ConsoleHost; args: string[] };

/**
 * @tagname civic-console
 * @summary The organisers' console: petitions and their embed codes, comment moderation, accounts.
 *
 * @cssproperty --civic-color-accent - The colour of links, the current screen and primary buttons.
 * @cssproperty --civic-max-width - The console's largest width (default 64rem).
 * @csspart nav - The navigation between screens.
 */
export class CivicConsole extends LitElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    api: {},
    said: state,
    route: state,
    screen: state,
    signedOut: state,
  };

  /** The API's base URL (default `/api`, the server that serves the console). */
  declare api: string;
  declare said: string;
  declare route: string[];
  declare screen: ScreenElement | undefined;
  declare signedOut: boolean;

  readonly l = new Localize(this, 'console');
  #client?: [string, ReturnType<typeof consoleClient>];
  #screens = new Map<string, ScreenElement>();
  /** Whether a lost session made the console ask again who is signed in. */
  #asking = false;

  constructor() {
    super();
    this.api = '/api';
    this.said = '';
    this.route = [];
    this.signedOut = false;
  }

  get client() {
    if (this.#client?.[0] !== this.api) this.#client = [this.api, consoleClient(this.api)];
    return this.#client[1];
  }

  /** Who is signed in: undefined while it loads, null when no one is. */
  readonly #me = new Loader(
    this,
    async ([client]: [ReturnType<typeof consoleClient>, boolean], signal): Promise<Me | null> => {
      try {
        return await call(client, me, {}, { signal });
      } catch (e) {
        if (isSignedOut(e)) return null;
        throw e;
      } finally {
        if (!signal.aborted) this.#asking = false;
      }
    },
    () => [true, this.client, this.signedOut] as const,
  );

  #onHash = () => {
    this.route = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    this.#onHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  /** Says `message` in the polite live region (the same message twice is announced twice). */
  #say(message: string): void {
    this.said = '';
    requestAnimationFrame(() => (this.said = message));
  }

  /** What the screens get. */
  #host(who: Me): ConsoleHost {
    return {
      client: this.client,
      me: who,
      l: this.l,
      say: (m) => this.#say(m),
      go: (...path) => {
        location.hash = `#/${path.map(encodeURIComponent).join('/')}`;
      },
      refresh: () => {
        this.#screens.clear();
        this.screen = undefined;
        this.signedOut = !this.signedOut;
      },
      failure: (e) => {
        if (isSignedOut(e)) {
          // Asked once, however many screens (or renders) report it: toggled twice, it would ask nothing.
          if (!this.#asking) {
            this.#asking = true;
            this.signedOut = !this.signedOut;
            this.#say(this.l.t.signedOutSaid);
          }
          return this.l.t.signedOutSaid;
        }
        if (isForbidden(e)) return this.l.t.forbidden;
        const errors = this.l.t.errors;
        return (e as { kind?: keyof typeof errors })?.kind ? (errors[(e as { kind: keyof typeof errors }).kind] ?? (e as Error).message) : errors.server;
      },
    };
  }

  /** Shows the screen the hash names (loading its chunk the first time), or the sign-in screen. */
  async #show(who: Me | null): Promise<void> {
    const name = who ? (screens[this.route[0] ?? ''] ? this.route[0]! : HOME) : 'sign-in';
    const tag = `civic-console-${name}`;
    let el = this.#screens.get(tag);
    if (!el) {
      const { Screen } = await (name === 'sign-in' ? signIn() : screens[name]!.load());
      define(tag, Screen);
      el = document.createElement(tag) as ScreenElement;
      this.#screens.set(tag, el);
    }
    el.host = this.#host(who!);
    el.args = who ? this.route.slice(1) : [];
    if (this.screen !== el) {
      this.screen = el;
      await this.updateComplete;
      // A new screen: its heading takes the focus, so that a screen reader reads where it is.
      requestAnimationFrame(() => (el.shadowRoot?.querySelector('h1') as HTMLElement | null)?.focus());
    }
  }

  override willUpdate(): void {
    const who = this.#me.value;
    if (who !== undefined) void this.#show(who);
  }

  async #signOut(): Promise<void> {
    try {
      await call(this.client, signOut, {});
    } finally {
      this.#screens.clear();
      this.signedOut = !this.signedOut;
    }
  }

  /** The navigation entry the current screen belongs to: Publish and signers under their item's list. */
  #section(): string {
    const [name = HOME, kind] = this.route;
    if (!screens[name]) return HOME;
    if (name === 'signers') return 'petitions';
    if (name === 'publish') return kind === 'poll' ? 'polls' : kind === 'thread' ? 'threads' : 'petitions';
    return name;
  }

  #nav(who: Me): TemplateResult {
    const t = this.l.t;
    return html`<header>
      <nav part="nav" aria-label=${t.nav}>
        <ul>
          ${NAV.filter((n) => allows(who.role, screens[n]!.role)).map(
            (n) => html`<li><a href="#/${n}" aria-current=${this.#section() === n ? 'page' : nothing}>${label(t, n)}</a></li>`,
          )}
        </ul>
      </nav>
      <p class="who">${t.signedInAs(who.account?.name || who.account?.email || 'token', t.roles[who.role] ?? who.role)}</p>
      ${who.via === 'session' ? html`<button class="quiet" @click=${this.#signOut}>${t.signOut}</button>` : nothing}
    </header>`;
  }

  override render(): TemplateResult {
    if (!this.l.ready) return html`<slot></slot>`;
    const t = this.l.t;
    const who = this.#me.value;
    return html`${who ? this.#nav(who) : nothing}
      <main>
        ${this.#me.error
          ? html`<div role="alert"><p>${t.errors.server}</p><button @click=${() => this.#me.run()}>${t.retry}</button></div>`
          : (this.screen ?? html`<p role="status">${t.loading}</p>`)}
      </main>
      <div class="sr-only" role="status">${this.said}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'civic-console': CivicConsole;
  }
}
