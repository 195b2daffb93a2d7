/**
 * The poll editor (`#/polls/new`, `#/polls/new/consultation`, `#/polls/<id>`): a quick poll's
 * question, options and settings, or a consultation's themes and rules, checked with the contract's
 * schema and the poll's rules (src/domain) as the organiser types, each error beside its field.
 * Editing a poll that has votes, what the server would refuse (changing the vote kind, removing an
 * option with votes) is locked and says why before anything is sent. A chunk of its own, loaded by
 * the polls screen when first opened.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { PollCreate, PollUpdate, type AdminPoll } from '../../api/admin.js';
import { CivicError } from '../../api/errors.js';
import type { PollResults, Proposal } from '../../api/poll.js';
import { call } from '../../api/rest-call.js';
import { closePoll, createPoll, exportPollJson, updatePoll } from '../../api/routes/admin.js';
import { css } from '../../core/styles.js';
import { pollProblems } from '../../domain/poll-settings.js';
import { screenStyles } from '../civic-console.styles.js';
import { SchemaForm, instant, localDateTime, renderConsoleField, timeZone, type ConsoleFieldSpec, type FieldIssue, type FieldValues } from '../fields.js';
import { ConsoleScreen } from '../screen.js';
import { renderProposals } from './consultation-proposals.js';
import { RowList, newRow, rowIds, slugify } from './poll-rows.js';

type Kind = 'quick' | 'consultation';
const VOTE_KINDS = ['support', 'agreement', 'single', 'approval'] as const;
const VISIBILITIES = ['always', 'after-vote', 'after-close'] as const;

const fresh = (): FieldValues => ({
  id: '', title: '', description: '', voteKind: 'single', maxChoices: '', resultsVisibility: 'after-vote', opensAt: '', closesAt: '',
  confirmEmail: false, allowProposals: true, moderateProposals: true, locale: 'fr',
});

export const rowStyles = css`
  fieldset.rows {
    border: var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    margin-block-end: 0.9em;
  }
  fieldset.rows ol {
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5em;
  }
  fieldset.rows li {
    border-block-end: var(--_border);
    padding-block-end: 0.5em;
  }
  fieldset.rows li[draggable='true'] {
    cursor: grab;
  }
`;

export class Screen extends ConsoleScreen {
  static override styles = [...screenStyles, rowStyles];
  static override properties = ConsoleScreen.withState('busy', 'poll');
  declare busy: boolean;
  /** The poll being edited (undefined: a new one, or still loading). */
  declare poll: AdminPoll | undefined;
  results: PollResults | undefined;
  /** A consultation's published proposals. */
  proposals: Proposal[] = [];
  #key = '';
  /** Whether the id still follows the title (a new poll, until the organiser types an id). */
  #idFollows = true;

  readonly form: SchemaForm<PollCreate | PollUpdate> = new SchemaForm<PollCreate | PollUpdate>(
    PollCreate,
    (v) => this.#body(v),
    () => this.t.fields,
    (n) => this.host.l.n(n),
    fresh(),
  );
  readonly options = new RowList(this, 'options', () => this.form as SchemaForm<unknown>);
  readonly themes = new RowList(this, 'themes', () => this.form as SchemaForm<unknown>);

  constructor() {
    super();
    this.busy = false;
    this.form.words = (i) => this.#words(i);
  }

  get isNew(): boolean {
    return this.args?.[0] === 'new';
  }
  get kind(): Kind {
    return this.poll?.kind ?? (this.isNew && this.args?.[1] === 'consultation' ? 'consultation' : 'quick');
  }
  /** People whose votes count: while there are any, the vote kind is fixed. */
  get voters(): number {
    return this.poll?.participantCount ?? 0;
  }

  override willUpdate(): void {
    const key = this.args.join('/');
    if (key === this.#key) return;
    this.#key = key;
    this.poll = undefined;
    this.results = undefined;
    this.proposals = [];
    this.#idFollows = true;
    this.form.reset(fresh());
    this.options.rows = this.isNew && this.kind === 'quick' ? [newRow(), newRow()] : [];
    this.themes.rows = [];
    this.#setSchema();
    if (!this.isNew && this.args[0]) void this.#load(this.args[0]);
  }

  #setSchema(): void {
    (this.form as { schema: unknown }).schema = this.isNew ? PollCreate : PollUpdate;
    this.form.rules = (b) => pollProblems({ ...(b as PollCreate), id: this.poll?.id ?? String(this.form.values['id']), kind: this.kind }) as FieldIssue[];
    this.form.check();
  }

  async #load(id: string): Promise<void> {
    this.busy = true;
    try {
      const { poll, results, proposals } = await call(this.host.client, exportPollJson, { id });
      if (this.args[0] !== id) return;
      this.proposals = proposals;
      this.#fill(poll, results);
    } catch (e) {
      this.form.server = { body: this.host.failure(e) };
    } finally {
      this.busy = false;
    }
  }

  #fill(poll: AdminPoll, results: PollResults | undefined): void {
    this.poll = poll;
    this.results = results;
    const counts = results?.poll?.tally.counts ?? {};
    this.options.rows = poll.options.map((o) => newRow(o.label, o.id, counts[o.id] ?? 0));
    this.themes.rows = poll.themes.map((th) => newRow(th.title, th.id, 0, th.description));
    this.form.reset({
      id: poll.id, title: poll.title, description: poll.description, voteKind: poll.voteKind, maxChoices: poll.maxChoices ? String(poll.maxChoices) : '',
      resultsVisibility: poll.resultsVisibility, opensAt: localDateTime(poll.opensAt), closesAt: localDateTime(poll.closesAt), confirmEmail: poll.confirmEmail,
      allowProposals: poll.allowProposals, moderateProposals: poll.moderateProposals, locale: poll.locale,
    });
  }

  /** The body the contract takes, from the form's values and the lists. */
  #body(v: FieldValues): unknown {
    const kind = this.kind;
    const vote = String(v['voteKind']);
    const choices = vote === 'single' || vote === 'approval';
    const max = String(v['maxChoices'] ?? '').trim();
    const optionIds = rowIds(this.options.rows, 'option');
    const themeIds = rowIds(this.themes.rows, 'theme');
    return {
      ...(this.isNew ? { id: String(v['id']).trim(), kind } : {}),
      title: String(v['title']).trim(),
      description: String(v['description']).trim(),
      voteKind: vote,
      opensAt: instant(v['opensAt']),
      closesAt: instant(v['closesAt']),
      resultsVisibility: v['resultsVisibility'],
      confirmEmail: v['confirmEmail'] === true,
      maxChoices: vote === 'approval' ? (max ? Number(max) : null) : null,
      options: kind === 'quick' && choices ? this.options.rows.map((r, i) => ({ id: optionIds[i]!, label: r.label.trim() })) : [],
      ...(kind === 'consultation'
        ? {
            themes: this.themes.rows.map((r, i) => ({ id: themeIds[i]!, title: r.label.trim(), description: (r.description ?? '').trim() })),
            allowProposals: v['allowProposals'] === true,
            moderateProposals: v['moderateProposals'] === true,
          }
        : {}),
      locale: v['locale'],
    };
  }

  /** The editor's words for the poll's own rules and the server's refusals. */
  #words(i: FieldIssue): string | undefined {
    const t = this.t.pollEditor;
    const at = `${i.path.split('.')[0]}:${i.code}`;
    if (i.code === 'conflict') return { id: t.idTaken, voteKind: t.voteKindLocked, options: t.optionVoted, themes: t.themeUsed }[i.path.split('.')[0]!];
    if (i.message.includes('same id')) return t.sameId;
    if (i.code === 'invalid_date') return this.t.fields.dateTime;
    if (i.path === 'maxChoices' && i.code === 'invalid_type' && i.input !== null) return t.wholeNumber;
    if (i.path === 'maxChoices' && i.code === 'too_big' && !i.origin) return t.maxTooBig;
    return ({ 'closesAt:invalid_value': t.closesAfterOpens, 'options:too_small': t.twoOptions, 'maxChoices:required': t.maxNeeded } as Record<string, string>)[at];
  }

  #set = (): void => this.requestUpdate();

  #titleChanged(value: string): void {
    if (this.isNew && this.#idFollows) this.form.values = { ...this.form.values, id: slugify(value) };
    this.form.check();
  }

  async #submit(e: Event): Promise<void> {
    e.preventDefault();
    const { host } = this;
    const body = this.form.submit();
    this.requestUpdate();
    if (!body) {
      await this.updateComplete;
      const first = this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]');
      first?.focus();
      host.say(this.t.pollEditor.fixErrors(host.l.n(this.renderRoot.querySelectorAll('[aria-invalid=true], .rows > .error').length || 1)));
      return;
    }
    this.busy = true;
    try {
      if (this.isNew) {
        const p = await call(host.client, createPoll, {}, { body: body as PollCreate });
        // The next `#/polls/new` starts from an empty form.
        this.#key = '';
        host.say(this.t.pollEditor.created(p.title));
        host.go('publish', 'poll', p.id);
      } else {
        const p = await call(host.client, updatePoll, { id: this.poll!.id }, { body: body as PollUpdate });
        this.#fill(p, this.results);
        host.say(this.t.pollEditor.saved(p.title));
      }
    } catch (err) {
      if (err instanceof CivicError && (err.kind === 'validation' || err.kind === 'conflict') && err.issues.length) this.form.fromServer(err.issues);
      else this.form.server = { body: host.failure(err) };
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  async #close(): Promise<void> {
    try {
      this.poll = await call(this.host.client, closePoll, { id: this.poll!.id });
      this.host.say(this.t.pollEditor.closed);
    } catch (e) {
      this.form.server = { body: this.host.failure(e) };
      this.requestUpdate();
    }
  }

  #field(spec: ConsoleFieldSpec): TemplateResult {
    return renderConsoleField(this.form, { ...spec, disabled: this.busy || spec.disabled === true }, this.#set, this.t);
  }

  override render(): TemplateResult {
    const t = this.t.pollEditor;
    const v = this.form.values;
    const quick = this.kind === 'quick';
    const vote = String(v['voteKind']);
    const tz = timeZone();
    const title = this.isNew ? (quick ? t.createQuick : t.createConsultation) : t.editTitle(this.poll?.title ?? '…');
    const kinds = quick ? t.voteKinds : t.consultationVoteKinds;
    const idField = this.isNew
      ? renderConsoleField(this.form, { name: 'id', label: t.id, hint: t.idHint, required: true, max: 64 }, () => ((this.#idFollows = false), this.requestUpdate()), this.t)
      : nothing;
    const orphans = this.form.orphans(['id', 'title', 'description', 'voteKind', 'options', 'themes', 'maxChoices', 'resultsVisibility', 'opensAt', 'closesAt', 'confirmEmail', 'allowProposals', 'moderateProposals', 'locale']);
    return html`<h1 tabindex="-1">${title}</h1>
      <p><a href="#/polls">${t.back}</a></p>
      <form @submit=${(e: Event) => this.#submit(e)} novalidate>
        ${renderConsoleField(this.form, { name: 'title', label: quick ? t.question : t.name, required: true, max: 300 }, () => (this.#titleChanged(String(this.form.values['title'])), this.requestUpdate()), this.t)}
        ${idField}
        ${this.#field({ name: 'description', label: t.description, type: 'textarea', max: 5000 })}
        ${this.#field({
          name: 'voteKind', label: t.voteKind, type: 'select', required: true, disabled: this.voters > 0,
          hint: this.voters > 0 ? t.voteKindLockedHint(this.host.l.n(this.voters)) : undefined,
          choices: VOTE_KINDS.map((k) => ({ value: k, label: kinds[k]! })),
        })}
        ${quick && (vote === 'single' || vote === 'approval') ? this.options.render(t.options, t.optionsHint, t.option) : nothing}
        ${vote === 'approval' ? this.#field({ name: 'maxChoices', label: t.maxChoices, type: 'number', min: 1, required: true }) : nothing}
        ${quick ? nothing : this.#consultation()}
        ${this.#field({ name: 'resultsVisibility', label: t.visibility, type: 'select', required: true, choices: VISIBILITIES.map((k) => ({ value: k, label: t.visibilities[k]! })) })}
        ${this.#field({ name: 'opensAt', label: t.opensAt, type: 'datetime-local', hint: t.timeZone(tz) })}
        ${this.#field({ name: 'closesAt', label: t.closesAt, type: 'datetime-local', hint: t.timeZone(tz) })}
        ${this.#field({ name: 'confirmEmail', label: t.confirmEmail, type: 'checkbox' })}
        ${this.#field({ name: 'locale', label: t.locale, type: 'select', required: true, choices: [{ value: 'fr', label: this.t.french }, { value: 'en', label: this.t.english }] })}
        ${orphans.length ? html`<div role="alert">${orphans.map((o) => html`<p>${o}</p>`)}</div>` : nothing}
        <div class="actions">
          <button class="primary" ?disabled=${this.busy}>${this.isNew ? t.create : t.save}</button>
          ${this.poll
            ? html`${this.poll.status !== 'closed' ? html`<button type="button" @click=${() => this.#close()}>${t.close}</button>` : nothing}
                <a class="button" href="#/polls/${encodeURIComponent(this.poll.id)}/results">${this.t.pollList.results}</a>
                <a class="button" href="#/publish/poll/${encodeURIComponent(this.poll.id)}">${this.t.pollList.publish}</a>`
            : nothing}
        </div>
      </form>
      ${this.poll && !quick ? renderProposals(this, this.poll) : nothing}`;
  }

  #consultation(): TemplateResult {
    const c = this.t.consultationEditor;
    return html`${this.themes.render(c.themes, c.themesHint, c.theme, (r, i) => {
        const id = `f-themes-${i}-description`;
        return html`<div class="field">
          <label for=${id}>${c.themeDescription} <span class="hint">(${this.t.optional})</span></label>
          <textarea id=${id} name="themes.${i}.description" .value=${r.description ?? ''} @input=${(e: Event) => this.themes.set(i, (e.target as HTMLTextAreaElement).value, 'description')}></textarea>
        </div>`;
      })}
      ${this.#field({ name: 'allowProposals', label: c.allowProposals, type: 'checkbox' })}
      ${this.#field({ name: 'moderateProposals', label: c.moderateProposals, type: 'checkbox', hint: c.moderateHint })}`;
  }
}
