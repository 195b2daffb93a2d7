/**
 * A poll's results (`#/polls/<id>/results`), every count whatever readers may see: a quick poll's
 * options, or a consultation's consensus and division lists (ranked by the rules of src/domain, as
 * the widget ranks them) and a stacked agree / mixed / disagree bar per proposal with its numbers
 * written; participants over time; the JSON and CSV exports. A chunk of its own.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { PollExport, TimelinePoint } from '../../api/admin.js';
import type { Proposal, SubjectResult } from '../../api/poll.js';
import { call } from '../../api/rest-call.js';
import { exportPollCsv, exportPollJson } from '../../api/routes/admin.js';
import { Loader } from '../../core/loader.js';
import { css } from '../../core/styles.js';
import { ranked } from '../../domain/consensus.js';
import { screenStyles } from '../civic-console.styles.js';
import { ConsoleScreen } from '../screen.js';

const VALUES = ['agree', 'mixed', 'disagree'] as const;

/** Cumulative participants at the end of each point, by day when the poll ran more than two days. */
export function cumulative(points: readonly TimelinePoint[]): { at: string; total: number }[] {
  if (!points.length) return [];
  const span = Date.parse(points.at(-1)!.at) - Date.parse(points[0]!.at);
  const byDay = span > 2 * 86400_000;
  const out: { at: string; total: number }[] = [];
  let total = 0;
  for (const p of points) {
    total += p.participants;
    const at = byDay ? `${p.at.slice(0, 10)}T00:00:00.000Z` : p.at;
    if (out.at(-1)?.at === at) out.at(-1)!.total = total;
    else out.push({ at, total });
  }
  return out;
}

export class Screen extends ConsoleScreen {
  static override styles = [
    ...screenStyles,
    css`
      .bars {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 0.75em;
      }
      .bar {
        display: flex;
        block-size: 1.25em;
        border: var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
        margin-block: 0.25em;
      }
      .bar span {
        display: block;
      }
      .agree {
        background: var(--civic-color-agree, #1a7f37);
      }
      .mixed {
        background: var(--civic-color-mixed, #8a8f98);
      }
      .disagree {
        background: var(--civic-color-disagree, #b42318);
      }
      .choice {
        background: var(--_accent);
      }
      .key {
        display: inline-block;
        inline-size: 0.8em;
        block-size: 0.8em;
        margin-inline-end: 0.25em;
        border: 1px solid CanvasText;
      }
      .columns {
        display: grid;
        gap: 1em;
        grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
      }
      svg {
        inline-size: 100%;
        max-inline-size: 40em;
        block-size: auto;
        color: var(--_accent);
      }
      @media (forced-colors: active) {
        .bar span,
        .key {
          forced-color-adjust: none;
        }
        .agree {
          background: Highlight;
        }
        .mixed {
          background: GrayText;
        }
        .disagree {
          background: CanvasText;
        }
        .choice {
          background: Highlight;
        }
      }
    `,
  ];

  readonly data = new Loader(
    this,
    ([client, id], signal) => call(client, exportPollJson, { id }, { signal }),
    () => [!!this.host && !!this.args[0], this.host?.client, this.args[0] ?? ''] as const,
  );

  #pct(n: number, of: number): string {
    return (of ? n / of : 0).toLocaleString(this.host.l.locale, { style: 'percent', maximumFractionDigits: 0 });
  }

  /** A stacked agree / mixed / disagree bar and its numbers, written. */
  #stacked(r: SubjectResult | undefined): TemplateResult {
    const t = this.t.pollResults;
    const counts = r?.tally.counts ?? {};
    const total = VALUES.reduce((s, v) => s + (counts[v] ?? 0), 0);
    const n = (x: number) => this.host.l.n(x);
    return html`<div class="bar" aria-hidden="true">
        ${VALUES.map((v) => ((counts[v] ?? 0) ? html`<span class=${v} .style=${`inline-size:${(100 * (counts[v] ?? 0)) / total}%`}></span>` : nothing))}
      </div>
      <p>${VALUES.map((v) => `${t.values[v]} ${n(counts[v] ?? 0)} (${this.#pct(counts[v] ?? 0, total)})`).join(' · ')} — ${t.votes(n(r?.tally.total ?? 0))}</p>`;
  }

  /** A bar per choice (options, or proposals chosen among), its count and share written. */
  #choices(rows: { label: string; count: number }[], total: number): TemplateResult {
    const n = (x: number) => this.host.l.n(x);
    const max = Math.max(1, ...rows.map((r) => r.count));
    return html`<ol class="bars">
      ${rows.map(
        (r) => html`<li>
          <strong>${r.label}</strong>
          <div class="bar" aria-hidden="true"><span class="choice" .style=${`inline-size:${(100 * r.count) / max}%`}></span></div>
          <p>${this.t.pollResults.choice(n(r.count), this.#pct(r.count, total))}</p>
        </li>`,
      )}
    </ol>`;
  }

  #consensus(x: PollExport): TemplateResult {
    const t = this.t.pollResults;
    const list = (items: Proposal[], id: string, title: string) =>
      html`<section aria-labelledby=${id}>
        <h3 id=${id}>${title}</h3>
        ${items.length ? html`<ol>${items.map((p) => html`<li>${p.title}</li>`)}</ol>` : html`<p>${t.noneYet}</p>`}
      </section>`;
    return html`<h2>${t.consensus}</h2>
      <p class="hint">${t.consensusHint}</p>
      <div class="columns">
        ${list(ranked(x.proposals, x.results.proposals, 'agreement'), 'agree-h', t.agreeWhere)} ${list(ranked(x.proposals, x.results.proposals, 'division'), 'divided-h', t.dividedWhere)}
      </div>`;
  }

  #timeline(points: readonly TimelinePoint[]): TemplateResult {
    const t = this.t.pollResults;
    const l = this.host.l;
    const data = cumulative(points);
    if (!data.length) return html`<p>${t.noVotes}</p>`;
    const w = 600;
    const h = 160;
    const max = data.at(-1)!.total;
    const x = (i: number) => (data.length === 1 ? w / 2 : (i * w) / (data.length - 1));
    const y = (v: number) => h - 10 - ((h - 20) * v) / max;
    const when = (at: string) => l.d(at, { dateStyle: 'medium', ...(at.endsWith('T00:00:00.000Z') ? {} : { timeStyle: 'short' }) });
    const label = t.timelineLabel(l.n(max), when(data[0]!.at), when(data.at(-1)!.at));
    return html`<svg viewBox="0 0 ${w} ${h}" role="img" aria-label=${label}>
        ${svg`<polyline fill="none" stroke="currentColor" stroke-width="3" points=${data.map((d, i) => `${x(i)},${y(d.total)}`).join(' ')}></polyline>`}
        ${data.map((d, i) => svg`<circle cx=${x(i)} cy=${y(d.total)} r="4" fill="currentColor"></circle>`)}
      </svg>
      <details>
        <summary>${t.asTable}</summary>
        <table>
          <thead><tr><th scope="col">${t.when}</th><th scope="col">${t.participantsSoFar}</th></tr></thead>
          <tbody>${data.map((d) => html`<tr><td>${when(d.at)}</td><td>${l.n(d.total)}</td></tr>`)}</tbody>
        </table>
      </details>`;
  }

  #body(x: PollExport): TemplateResult {
    const t = this.t.pollResults;
    const { poll, results } = x;
    const n = (v: number) => this.host.l.n(v);
    const own = results.poll;
    const total = own?.tally.total ?? 0;
    let main: TemplateResult;
    if (poll.voteKind === 'support' && poll.kind === 'quick') main = html`<p>${t.supporters(n(own?.tally.counts['support'] ?? 0))}</p>`;
    else if (poll.voteKind === 'agreement' && poll.kind === 'quick') main = this.#stacked(own ?? undefined);
    else if (poll.kind === 'quick') main = this.#choices(poll.options.map((o) => ({ label: o.label, count: own?.tally.counts[o.id] ?? 0 })), total);
    else if (poll.voteKind === 'single' || poll.voteKind === 'approval')
      main = this.#choices(x.proposals.map((p) => ({ label: p.title, count: own?.tally.counts[p.id] ?? 0 })), total);
    else
      main = html`${poll.voteKind === 'agreement' ? this.#consensus(x) : nothing}
        <h2>${t.byProposal}</h2>
        ${poll.voteKind === 'agreement'
          ? html`<p class="hint" aria-hidden="true">${VALUES.map((v) => html`<span class="key ${v}"></span>${t.values[v]} `)}</p>`
          : nothing}
        ${x.proposals.length
          ? html`<ol class="bars">
              ${x.proposals.map(
                (p) => html`<li>
                  <strong>${p.title}</strong>
                  ${poll.voteKind === 'agreement' ? this.#stacked(results.proposals[p.id]) : html`<p>${t.supporters(n(results.proposals[p.id]?.tally.counts['support'] ?? 0))}</p>`}
                </li>`,
              )}
            </ol>`
          : html`<p>${t.noneYet}</p>`}`;
    const base = new URL(this.host.client.baseUrl, location.href).href.replace(/\/$/, '');
    const href = (path: string) => `${base}${path.replace('{id}', encodeURIComponent(poll.id))}`;
    return html`<p>${t.summary(n(results.participantCount), this.t.pollList.status[poll.status] ?? poll.status)}</p>
      <p class="hint">${t.visibility(this.t.pollEditor.visibilities[poll.resultsVisibility] ?? poll.resultsVisibility)}</p>
      ${main}
      <h2>${t.overTime}</h2>
      ${this.#timeline(x.timeline)}
      <h2>${t.exports}</h2>
      <p class="actions">
        <a class="button" href=${href(exportPollJson.path)} download="${poll.id}-results.json">${t.json}</a>
        <a class="button" href=${href(exportPollCsv.path)} download="${poll.id}-results.csv">${t.csv}</a>
      </p>`;
  }

  override render(): TemplateResult {
    const t = this.t.pollResults;
    const x = this.data.value;
    return html`<h1 tabindex="-1">${t.title(x?.poll.title ?? this.args[0] ?? '')}</h1>
      <p><a href="#/polls">${this.t.pollEditor.back}</a></p>
      ${this.data.render({
        pending: () => html`<p role="status">${this.t.loading}</p>`,
        error: (e) => html`<p role="alert">${this.host.failure(e)}</p>`,
        complete: (d) => this.#body(d),
      })}`;
  }
}
