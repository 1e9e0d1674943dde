// The questions-over-time chart: a Vega-Lite spec rendered to SVG on the server (vega's own SVG renderer, no
// DOM, no canvas), so the page needs no script and loads nothing from anywhere. Only counts and times go into
// the chart, never a user's words. Colours of text and grid come from the page's stylesheet (light or dark);
// the bars keep colours that read on both.
import type { HourCount } from '../store/dashboard-stats.ts';
import { hoursBetween, type Period } from '../store/dashboard-period.ts';

export type Bucket = 'hour' | 'day' | 'month';

export interface ChartRow {
  /** Start of the bucket, ISO. */
  start: string;
  answered: number;
  lowConfidence: number;
  declined: number;
}

export const SERIES = [
  { key: 'answered', label: 'Answered', color: '#2e8b57' },
  { key: 'lowConfidence', label: 'Low confidence', color: '#d4a017' },
  { key: 'declined', label: 'Declined', color: '#d0453b' },
] as const;

/** Beyond this many days, "all time" is shown per month (a bar per day would be a hairline). */
const MAX_DAILY_DAYS = 92;
const CHART_SIZE = { width: 720, height: 220 };
const LENGTH: Record<Bucket, number> = { hour: 13, day: 10, month: 7 };
const SUFFIX: Record<Bucket, string> = { hour: ':00:00Z', day: 'T00:00:00Z', month: '-01T00:00:00Z' };
const TIME_UNIT: Record<Bucket, string> = { hour: 'utcyearmonthdatehours', day: 'utcyearmonthdate', month: 'utcyearmonth' };
const FORMAT: Record<Bucket, string> = { hour: '%H:00', day: '%b %d', month: '%b %Y' };

/** Every bucket of the period, empty ones as zero: a quiet day is a gap in the bars, not a missing day. */
export function chartRows(period: Period, hours: readonly HourCount[], now: Date): { bucket: Bucket; rows: ChartRow[] } {
  const first = period === 'all' ? hours[0]?.hour : hoursOf(period, now);
  if (!first) return { bucket: 'day', rows: [] };
  const span = hoursBetween(first, now);
  const bucket: Bucket = period === '24h' ? 'hour' : span.length / 24 > MAX_DAILY_DAYS ? 'month' : 'day';
  const rows = new Map<string, ChartRow>();
  for (const h of span) {
    const key = h.slice(0, LENGTH[bucket]);
    if (!rows.has(key)) rows.set(key, { start: `${key}${SUFFIX[bucket]}`, answered: 0, lowConfidence: 0, declined: 0 });
  }
  for (const h of hours) {
    const row = rows.get(h.hour.slice(0, LENGTH[bucket]));
    if (!row) continue;
    row.answered += h.answered;
    row.lowConfidence += h.lowConfidence;
    row.declined += h.declined;
  }
  return { bucket, rows: [...rows.values()] };
}

function hoursOf(period: Exclude<Period, 'all'>, now: Date): string {
  const HOURS = { '24h': 24, '7d': 168, '30d': 720 } as const;
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - (HOURS[period] - 1) * 3_600_000).toISOString().slice(0, 13);
}

let vega: Promise<[typeof import('vega'), typeof import('vega-lite')]> | null = null;
/** Loading vega takes about a second: started once, ahead of the first page (see `warmUpChart`). */
const load = () => (vega ??= Promise.all([import('vega'), import('vega-lite')]));

export function warmUpChart(): Promise<unknown> {
  return load();
}

/** The stacked bar chart as an SVG string; `withLowConfidence` adds the third series. */
export async function renderChart(bucket: Bucket, rows: readonly ChartRow[], withLowConfidence: boolean): Promise<string> {
  const [v, vl] = await load();
  const series = SERIES.filter((s) => withLowConfidence || s.key !== 'lowConfidence');
  // `rank` stacks the series in their listed order, answered at the bottom.
  const values = rows.flatMap((r) => series.map((s, rank) => ({ start: r.start, outcome: s.label, n: r[s.key], rank })));
  const spec = vl.compile({
    ...CHART_SIZE,
    background: null as unknown as string,
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      x: { field: 'start', type: 'ordinal', timeUnit: TIME_UNIT[bucket], title: null, axis: { format: FORMAT[bucket], labelOverlap: true, labelAngle: 0 } },
      y: { field: 'n', type: 'quantitative', aggregate: 'sum', stack: 'zero', title: 'questions', axis: { tickMinStep: 1, format: 'd' } },
      color: {
        field: 'outcome',
        type: 'nominal',
        title: null,
        sort: series.map((s) => s.label),
        scale: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
        legend: { orient: 'top', direction: 'horizontal' },
      },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
    },
    config: { view: { stroke: null }, font: 'system-ui, sans-serif', axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 12 } },
  } as Parameters<typeof vl.compile>[0]).spec;
  const view = new v.View(v.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
