/** Petitions: the list with their live counts, and (`#/petitions/new`, `#/petitions/<id>`) the form. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdminPetition } from '../../api/lists.js';
import { call } from '../../api/rest-call.js';
import { listPetitions } from '../../api/routes/admin.js';
import { ConsoleScreen } from '../screen.js';
import { renderPetitionForm, PetitionForm } from './petition-form.js';

export class Screen extends ConsoleScreen {
  readonly form = new PetitionForm(this);
  readonly list = this.listed((client, signal) => call(client, listPetitions, {}, { signal }));

  override willUpdate(): void {
    this.form.open(this.args[0]);
  }

  #row(p: AdminPetition): TemplateResult {
    const t = this.t;
    const n = (x: number) => this.host.l.n(x);
    return html`<tr>
      <th scope="row"><a href="#/petitions/${encodeURIComponent(p.id)}">${p.title}</a><br /><code>${p.id}</code></th>
      <td>${t.count(n(p.signatureCount), n(p.goal))}${p.pendingCount ? html`<br /><span class="hint">${t.pending(n(p.pendingCount))}</span>` : nothing}</td>
      <td>${p.status === 'open' ? t.open : t.closed}</td>
      <td class="actions">
        <a class="button" href="#/petitions/${encodeURIComponent(p.id)}" aria-label="${t.edit}: ${p.title}">${t.edit}</a>
        <a class="button" href="#/publish/${encodeURIComponent(p.id)}" aria-label="${t.publish}: ${p.title}">${t.publish}</a>
        ${this.host.me.role === 'moderator' ? nothing : html`<a class="button" href="#/signers/${encodeURIComponent(p.id)}" aria-label=${t.dashboard.signersOf(p.title)}>${t.dashboard.signers}</a>`}
      </td>
    </tr>`;
  }

  override render(): TemplateResult {
    if (this.args[0]) return renderPetitionForm(this.form);
    const t = this.t;
    return html`<h1 tabindex="-1">${t.petitions}</h1>
      <p><a class="button primary" href="#/petitions/new">${t.newPetition}</a></p>
      ${this.table(this.list, [t.petition, t.signatures, t.status, t.actions], (p) => this.#row(p), t.noPetitions)}`;
  }
}
