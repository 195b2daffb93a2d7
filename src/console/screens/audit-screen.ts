/**
 * The audit log (`#/audit`, owners): who did what, when, to which item, with the change; filtered by
 * who (an account, the token, the command line, the server), action, kind of item, item (and the
 * items under it) and days (local days, sent as instants); pages by cursor; the same filters as
 * CSV (a plain link: the session cookie goes with it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AuditEntry, AuditQuery } from '../../api/accounts.js';
import { call, href } from '../../api/rest-call.js';
import { auditCsv, auditLog, listAccounts } from '../../api/routes/accounts.js';
import { Loader } from '../../core/loader.js';
import { css } from '../../core/styles.js';
import { screenStyles } from '../civic-console.styles.js';
import { FIRST, renderPaged, type Cursors } from '../pages.js';
import { ConsoleScreen } from '../screen.js';

const PAGE = 50;
type Filters = Pick<AuditQuery, 'actor' | 'action' | 'itemType' | 'itemId' | 'from' | 'to'>;
/** The kinds of item the server logs. */
const ITEM_TYPES = ['petition', 'signature', 'thread', 'comment', 'block', 'poll', 'proposal', 'argument', 'comparison', 'account', 'session', 'passkey'];

/** A local day (`YYYY-MM-DD`) as the instant it starts, or (`end`) the instant the next day starts. */
export function dayInstant(day: string, end = false): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

export class Screen extends ConsoleScreen {
  static override styles = [
    ...screenStyles,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
        gap: 0 1em;
        align-items: end;
      }
      .change {
        overflow-wrap: anywhere;
        font-size: 0.9em;
      }
    `,
  ];
  static override properties = ConsoleScreen.withState('filters', 'cursors');
  /** The filters as submitted (days as the form shows them). */
  declare filters: Filters;
  /** The cursor of each page seen, the current one last. */
  declare cursors: Cursors;

  constructor() {
    super();
    this.filters = {};
    this.cursors = FIRST;
  }

  /** The route's query: empty filters left out, days as instants. */
  get query(): Filters {
    const f = this.filters;
    return {
      actor: f.actor || undefined,
      action: f.action || undefined,
      itemType: f.itemType || undefined,
      itemId: f.itemId || undefined,
      from: f.from ? dayInstant(f.from) : undefined,
      to: f.to ? dayInstant(f.to, true) : undefined,
    };
  }

  readonly accounts = new Loader(
    this,
    ([client], signal) => call(client, listAccounts, {}, { signal }),
    () => [!!this.host, this.host?.client] as const,
  );

  readonly page = new Loader(
    this,
    ([client, query, cursor], signal) => call(client, auditLog, { ...(JSON.parse(query) as Filters), cursor, limit: PAGE }, { signal }),
    // The query as text: a new object at each render would load the page again.
    () => [!!this.host, this.host?.client, JSON.stringify(this.query), this.cursors.at(-1)] as const,
  );

  #filter(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const get = (k: string) => String(data.get(k) ?? '').trim();
    this.filters = { actor: get('actor'), action: get('action'), itemType: get('itemType'), itemId: get('itemId'), from: get('from'), to: get('to') };
    this.cursors = FIRST;
  }

  /** Who did it, in words: an account's email (or its id, once removed), the token, the command line, the server. */
  #who(e: AuditEntry): string {
    const a = this.t.audit;
    if (e.actor.kind !== 'account') return a.actors[e.actor.kind] ?? e.actor.kind;
    const account = this.accounts.value?.items.find((x) => x.id === e.actor.id);
    return account ? account.email : a.removedAccount(e.actor.id ?? '?');
  }

  #row(e: AuditEntry): TemplateResult {
    const a = this.t.audit;
    const role = e.actor.role ? ` (${this.t.roles[e.actor.role] ?? e.actor.role})` : '';
    return html`<tr>
      <td>${this.host.l.d(e.at, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
      <td>${this.#who(e)}${role}</td>
      <td><code>${e.action}</code></td>
      <td>${a.types[e.item.type] ?? e.item.type}${e.item.id ? html` <code>${e.item.id}</code>` : nothing}</td>
      <td class="change">${e.change ? html`<code>${JSON.stringify(e.change)}</code>` : '—'}</td>
    </tr>`;
  }

  #form(): TemplateResult {
    const t = this.t;
    const a = t.audit;
    const f = this.filters;
    const text = (name: keyof Filters, label: string, type = 'text') =>
      html`<div class="field"><label for="a-${name}">${label}</label><input id="a-${name}" name=${name} type=${type} .value=${f[name] ?? ''} maxlength="200" /></div>`;
    return html`<form role="search" aria-label=${a.filters} @submit=${this.#filter}>
      <div class="field">
        <label for="a-actor">${a.actor}</label>
        <select id="a-actor" name="actor" .value=${f.actor ?? ''}>
          <option value="">${a.anyone}</option>
          ${(this.accounts.value?.items ?? []).map((x) => html`<option value=${x.id} ?selected=${f.actor === x.id}>${x.email}</option>`)}
          ${(['token', 'cli', 'system'] as const).map((k) => html`<option value=${k} ?selected=${f.actor === k}>${a.actors[k]}</option>`)}
        </select>
      </div>
      ${text('action', a.action)}
      <div class="field">
        <label for="a-itemType">${a.itemType}</label>
        <select id="a-itemType" name="itemType" .value=${f.itemType ?? ''}>
          <option value="">${a.anyType}</option>
          ${ITEM_TYPES.map((k) => html`<option value=${k} ?selected=${f.itemType === k}>${a.types[k] ?? k}</option>`)}
        </select>
      </div>
      ${text('itemId', a.itemId)} ${text('from', a.from, 'date')} ${text('to', a.to, 'date')}
      <div class="field"><button class="primary">${a.apply}</button></div>
    </form>`;
  }

  override render(): TemplateResult {
    const t = this.t;
    const a = t.audit;
    return html`<h1 tabindex="-1">${a.title}</h1>
      ${this.#form()}
      <p><a class="button" href=${href(this.host.client, auditCsv, this.query)} download>${a.csv}</a></p>
      ${renderPaged(this, this.page, a, [a.when, a.actor, a.action, a.item, a.change], (e) => this.#row(e))}`;
  }
}
