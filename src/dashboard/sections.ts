// The dashboard's sections as HTML, one function each, from plain data. Every string that came from a user
// (questions, wordings) or from the corpus goes through `html`'s escaping; only the chart's SVG, made by vega
// from counts and times, is inserted as markup.
import type { CorpusInfo } from '../domain/types.ts';
import type { DashboardStats } from '../store/dashboard-stats.ts';
import type { Bucket, ChartRow } from './chart.ts';
import type { ContentGap } from './gaps.ts';
import { html, trusted, type Markup } from './html.ts';

const count = new Intl.NumberFormat('en-GB');
const ms = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** Passages are quoted up to this length in the ratings table; the citation leads to the rest. */
const PASSAGE_EXCERPT = 220;

export const num = (n: number): string => count.format(n);
const pct = (part: number, whole: number): string => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);
export const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const excerpt = (text: string): string => (text.length > PASSAGE_EXCERPT ? `${text.slice(0, PASSAGE_EXCERPT - 1)}…` : text);

const empty = (columns: number, text: string) => html`<tr><td colspan="${columns}" class="none">${text}</td></tr>`;

export function summary(stats: DashboardStats): Markup {
  const t = stats.totals;
  const card = (label: string, value: number, note: string | null, tone: string) =>
    html`<div class="card ${tone}"><span class="label">${label}</span><span class="value">${num(value)}</span>${note ? html`<span class="note">${note}</span>` : ''}</div>`;
  return html`<section class="cards" aria-label="Totals">
    ${card('Questions', t.questions, null, 'neutral')}
    ${card('Answered', t.answered, pct(t.answered, t.questions), 'good')}
    ${t.lowConfidence === null ? '' : card('Low confidence', t.lowConfidence, pct(t.lowConfidence, t.questions), 'warn')}
    ${card('Declined', t.declined, pct(t.declined, t.questions), 'bad')}
    ${card('👍 Helpful', t.up, null, 'neutral')}
    ${card('👎 Not helpful', t.down, null, 'neutral')}
  </section>`;
}

const BUCKET_TITLE: Record<Bucket, string> = { hour: 'Questions per hour', day: 'Questions per day', month: 'Questions per month' };

export function chart(bucket: Bucket, rows: readonly ChartRow[], svg: string | null, withLow: boolean): Markup {
  const label = (r: ChartRow) => (bucket === 'hour' ? when(r.start) : bucket === 'day' ? r.start.slice(0, 10) : r.start.slice(0, 7));
  return html`<section class="panel wide" aria-labelledby="chart-title">
    <h2 id="chart-title">${BUCKET_TITLE[bucket]}</h2>
    ${svg ? html`<figure class="chart" role="img" aria-label="${BUCKET_TITLE[bucket]}, answered and declined">${trusted(svg)}</figure>` : html`<p class="none">Nothing asked in this period.</p>`}
    ${rows.length
      ? html`<details><summary>Chart data</summary><div class="scroll"><table class="numbers" id="chart-data">
      <thead><tr><th scope="col">${bucket}</th><th scope="col">Answered</th>${withLow ? html`<th scope="col">Low confidence</th>` : ''}<th scope="col">Declined</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${label(r)}</th><td>${num(r.answered)}</td>${withLow ? html`<td>${num(r.lowConfidence)}</td>` : ''}<td>${num(r.declined)}</td></tr>`)}</tbody>
    </table></div></details>`
      : ''}
  </section>`;
}

export function mostAsked(rows: DashboardStats['mostAsked']): Markup {
  return html`<section class="panel" aria-labelledby="most-title">
    <h2 id="most-title">Most asked</h2>
    <table id="most-asked"><thead><tr><th scope="col" class="n">Times</th><th scope="col">Question</th><th scope="col" class="n">Answered</th></tr></thead>
    <tbody>${rows.length ? rows.map((r) => html`<tr><td class="n">${num(r.count)}</td><td class="q">${r.question}</td><td class="n">${pct(r.answered, r.count)}</td></tr>`) : empty(3, 'No questions in this period.')}</tbody></table>
  </section>`;
}

export function contentGaps(gaps: readonly ContentGap[]): Markup {
  return html`<section class="panel" aria-labelledby="gaps-title">
    <h2 id="gaps-title">Not covered by the article</h2>
    <p class="hint">Declined questions, similar wordings together: what an editor could add.</p>
    <table id="content-gaps"><thead><tr><th scope="col" class="n">Times</th><th scope="col">Question</th></tr></thead>
    <tbody>${gaps.length
      ? gaps.map(
          (g) => html`<tr><td class="n">${num(g.count)}</td><td class="q">${g.question}${g.reason ? html` <span class="tag">${g.reason}</span>` : ''}${g.variants.length
            ? html`<details class="variants"><summary>${g.variants.length} other wording${g.variants.length === 1 ? '' : 's'}</summary><ul>${g.variants.map((v) => html`<li><span class="q">${v.question}</span> <span class="muted">×${num(v.count)}</span></li>`)}</ul></details>`
            : ''}</td></tr>`,
        )
      : empty(2, 'Nothing declined in this period.')}</tbody></table>
  </section>`;
}

export function ratings(rows: DashboardStats['rated'], passage: (key: string) => string | null): Markup {
  return html`<section class="panel wide" aria-labelledby="rated-title">
    <h2 id="rated-title">Worst-rated answers</h2>
    <p class="hint">👍/👎 per answer that got a 👎, the worst rated first, with the passage the answer gave.</p>
    <div class="scroll"><table id="rated"><thead><tr><th scope="col" class="n">👎</th><th scope="col" class="n">👍</th><th scope="col">Question</th><th scope="col">Passage given</th></tr></thead>
    <tbody>${rows.length
      ? rows.map((r) => {
          const text = r.topPassage ? passage(r.topPassage) : null;
          return html`<tr><td class="n" data-label="👎">${num(r.down)}</td><td class="n" data-label="👍">${num(r.up)}</td><td class="q">${r.question}</td><td class="passage">${r.topPassage ? html`<cite>${r.topPassage}</cite>` : html`<span class="muted">none</span>`}${text ? html`<span class="excerpt">${excerpt(text)}</span>` : ''}</td></tr>`;
        })
      : empty(4, 'No 👎 in this period.')}</tbody></table></div>
  </section>`;
}

export function latency(rows: DashboardStats['latency']): Markup {
  const sorted = [...rows].sort((a, b) => (a.source ?? '~').localeCompare(b.source ?? '~') || a.kind.localeCompare(b.kind));
  return html`<section class="panel" aria-labelledby="latency-title">
    <h2 id="latency-title">Latency, ms</h2>
    <div class="scroll"><table class="numbers" id="latency"><thead><tr><th scope="col">Front end</th><th scope="col">Command</th><th scope="col">n</th><th scope="col">p50</th><th scope="col">p90</th><th scope="col">p99</th><th scope="col">max</th></tr></thead>
    <tbody>${sorted.length
      ? sorted.map((r) => html`<tr><th scope="row">${r.source ?? 'unknown'}</th><td>${r.kind}</td><td>${num(r.count)}</td><td>${ms.format(r.p50)}</td><td>${ms.format(r.p90)}</td><td>${ms.format(r.p99)}</td><td>${ms.format(r.max)}</td></tr>`)
      : empty(7, 'No questions in this period.')}</tbody></table></div>
  </section>`;
}

export function documents(info: CorpusInfo | null): Markup {
  return html`<section class="panel" aria-labelledby="docs-title">
    <h2 id="docs-title">Documents</h2>
    ${info
      ? html`<p class="hint">Loaded ${when(info.loadedAt)}: ${num(info.passages)} passages, ${num(info.speakers)} speakers.</p>
      <ul class="docs" id="documents">${info.articles.map((a) => html`<li><strong>${a.title}</strong><span class="muted">${[a.date, a.source, `${num(a.passages)} passages`].filter(Boolean).join(' · ')}</span></li>`)}</ul>`
      : html`<p class="none">The corpus is still loading.</p>`}
  </section>`;
}
