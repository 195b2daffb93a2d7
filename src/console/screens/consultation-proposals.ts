/**
 * A consultation's own proposals, in its editor: those published (the organiser's and participants'),
 * and a form to add one as the organiser (published at once), checked with the contract's schema
 * as it is typed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { AdminProposalCreate, type AdminPoll } from '../../api/admin.js';
import { CivicError } from '../../api/errors.js';
import type { Proposal } from '../../api/poll.js';
import { call } from '../../api/rest-call.js';
import { createProposal } from '../../api/routes/admin.js';
import { SchemaForm, renderConsoleField, type FieldValues } from '../fields.js';
import type { ConsoleHost } from '../host.js';

export interface ProposalsHost {
  host: ConsoleHost;
  renderRoot: ParentNode;
  updateComplete: Promise<unknown>;
  requestUpdate(): void;
  proposals: Proposal[];
}

const empty = (name: string): FieldValues => ({ themeId: '', title: '', body: '', authorName: name });
const drafts = new WeakMap<ProposalsHost, { form: SchemaForm<AdminProposalCreate>; busy: boolean }>();

function draft(screen: ProposalsHost) {
  let d = drafts.get(screen);
  if (!d) {
    const form = new SchemaForm<AdminProposalCreate>(
      AdminProposalCreate,
      (v) => ({ themeId: v['themeId'] || null, title: String(v['title']).trim(), body: String(v['body']).trim(), authorName: String(v['authorName']).trim() }),
      () => screen.host.l.t.fields,
      (n) => screen.host.l.n(n),
      empty(screen.host.me.account?.name ?? ''),
    );
    form.prefix = 'p';
    d = { form, busy: false };
    drafts.set(screen, d);
  }
  return d;
}

async function add(screen: ProposalsHost, poll: AdminPoll, e: Event): Promise<void> {
  e.preventDefault();
  const d = draft(screen);
  const { host } = screen;
  const body = d.form.submit();
  screen.requestUpdate();
  if (!body) {
    await screen.updateComplete;
    screen.renderRoot.querySelector<HTMLElement>('#proposal-form [aria-invalid=true]')?.focus();
    return;
  }
  d.busy = true;
  try {
    const p = await call(host.client, createProposal, { id: poll.id }, { body });
    screen.proposals = [p, ...screen.proposals];
    d.form.reset(empty(String(d.form.values['authorName'])));
    host.say(host.l.t.consultationEditor.proposalAdded(p.title));
    await screen.updateComplete;
    screen.renderRoot.querySelector<HTMLElement>('#proposal-form [name=title]')?.focus();
  } catch (err) {
    if (err instanceof CivicError && err.kind === 'validation' && err.issues.length) d.form.fromServer(err.issues);
    else d.form.server = { body: host.failure(err) };
  } finally {
    d.busy = false;
    screen.requestUpdate();
  }
}

export function renderProposals(screen: ProposalsHost, poll: AdminPoll): TemplateResult {
  const { host } = screen;
  const t = host.l.t;
  const c = t.consultationEditor;
  const d = draft(screen);
  const f = (spec: Parameters<typeof renderConsoleField>[1]) => renderConsoleField(d.form, { ...spec, disabled: d.busy }, () => screen.requestUpdate(), t);
  const themes = new Map(poll.themes.map((th) => [th.id, th.title]));
  const orphans = d.form.orphans(['themeId', 'title', 'body', 'authorName']);
  return html`<h2 id="proposals-h">${c.proposals}</h2>
    ${screen.proposals.length
      ? html`<ul aria-labelledby="proposals-h">
          ${screen.proposals.map(
            (p) => html`<li><strong>${p.title}</strong> · ${p.authorName}${p.themeId ? html` · <span class="hint">${themes.get(p.themeId) ?? p.themeId}</span>` : nothing}</li>`,
          )}
        </ul>`
      : html`<p>${c.noProposals}</p>`}
    <form id="proposal-form" aria-labelledby="add-proposal-h" novalidate @submit=${(e: Event) => add(screen, poll, e)}>
      <h3 id="add-proposal-h">${c.addProposal}</h3>
      ${poll.themes.length
        ? f({ name: 'themeId', label: c.proposalTheme, type: 'select', choices: [{ value: '', label: c.noTheme }, ...poll.themes.map((th) => ({ value: th.id, label: th.title }))] })
        : nothing}
      ${f({ name: 'title', label: c.proposalTitle, required: true, max: 200 })}
      ${f({ name: 'body', label: c.proposalBody, type: 'textarea', required: true, max: 5000 })}
      ${f({ name: 'authorName', label: c.proposalAuthor, required: true, max: 80 })}
      ${orphans.length ? html`<p role="alert">${orphans.join(' ')}</p>` : nothing}
      <button class="primary" ?disabled=${d.busy}>${c.publishProposal}</button>
    </form>`;
}
