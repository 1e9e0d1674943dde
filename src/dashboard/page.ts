// Whole pages: the dashboard, the login form and the notice shown when there is nothing to read. No script
// anywhere: periods are links, logging in and out are forms, the chart is inline SVG, so everything works
// with JavaScript off and the Content-Security-Policy can forbid scripts outright.
import type { CorpusInfo } from '../domain/types.ts';
import { PERIODS, type Period } from '../store/dashboard-period.ts';
import type { DashboardStats } from '../store/dashboard-stats.ts';
import type { Bucket, ChartRow } from './chart.ts';
import type { ContentGap } from './gaps.ts';
import { html, type Markup } from './html.ts';
import { chart, contentGaps, documents, latency, mostAsked, ratings, summary, when } from './sections.ts';

export const PERIOD_LABEL: Record<Period, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', all: 'All time' };

export interface PageInput {
  period: Period;
  stats: DashboardStats;
  bucket: Bucket;
  rows: ChartRow[];
  svg: string | null;
  gaps: ContentGap[];
  documents: CorpusInfo | null;
  passage: (key: string) => string | null;
  generatedAt: Date;
}

function layout(title: string, body: Markup): string {
  return `<!doctype html>${html`<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/dashboard/style.css">
</head><body>${body}</body></html>`}`;
}

function header(period: Period | null, signedIn: boolean): Markup {
  return html`<header class="top"><div class="brand"><span class="logo" aria-hidden="true">◆</span> pactbot <span class="muted">operator dashboard</span></div>
    ${period
      ? html`<nav aria-label="Period" class="periods">${PERIODS.map(
          (p) => html`<a href="/dashboard?period=${p}"${p === period ? html` aria-current="page"` : ''}>${PERIOD_LABEL[p]}</a>`,
        )}</nav>`
      : ''}
    ${signedIn ? html`<form method="post" action="/dashboard/logout" class="logout"><button type="submit">Log out</button></form>` : ''}
  </header>`;
}

export function dashboardPage(input: PageInput): string {
  const { stats } = input;
  const withLow = stats.hasConfidence;
  return layout(
    `pactbot dashboard · ${PERIOD_LABEL[input.period]}`,
    html`${header(input.period, true)}<main>
      ${summary(stats)}
      <div class="grid">
        ${chart(input.bucket, input.rows, input.svg, withLow)}
        ${mostAsked(stats.mostAsked)}
        ${contentGaps(input.gaps)}
        ${ratings(stats.rated, input.passage)}
        ${latency(stats.latency)}
        ${documents(input.documents)}
      </div>
    </main><footer class="muted">${PERIOD_LABEL[input.period]}${stats.since ? ` since ${when(stats.since)}` : ''} · generated ${when(input.generatedAt.toISOString())}</footer>`,
  );
}

export function loginPage(period: Period, failed: boolean): string {
  return layout(
    'pactbot dashboard · log in',
    html`${header(null, false)}<main class="narrow"><section class="panel">
      <h1>Log in</h1>
      <p>The dashboard shows what people ask pactbot. Enter the operator token (<code>DASHBOARD_TOKEN</code>).</p>
      ${failed ? html`<p class="error" role="alert">That token is not the right one.</p>` : ''}
      <form method="post" action="/dashboard/login" class="login">
        <input type="hidden" name="period" value="${period}">
        <label for="token">Token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
        <button type="submit">Log in</button>
      </form></section></main>`,
  );
}

export function noticePage(period: Period, title: string, text: string): string {
  return layout(
    `pactbot dashboard · ${title}`,
    html`${header(period, true)}<main class="narrow"><section class="panel"><h1>${title}</h1><p>${text}</p></section></main>`,
  );
}
