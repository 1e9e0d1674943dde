// The periods the dashboard offers and where each starts. Periods are whole UTC hours (the last 24 hours are
// the current hour and the 23 before it), so the per-hour counts and the totals always agree.
export const PERIODS = ['24h', '7d', '30d', 'all'] as const;
export type Period = (typeof PERIODS)[number];

export const DEFAULT_PERIOD: Period = '7d';

const HOUR_MS = 3_600_000;
const HOURS: Record<Exclude<Period, 'all'>, number> = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 };

/** Sorts before every ISO hour: the lower bound of "all time". */
export const ALL_TIME = '';

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** The ISO hour (`yyyy-mm-ddThh`, UTC) of a time. */
export function isoHour(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13);
}

/** The first hour of the period ending with the hour of `now` (ALL_TIME for 'all'). */
export function periodBounds(period: Period, now: Date): { sinceHour: string } {
  if (period === 'all') return { sinceHour: ALL_TIME };
  const thisHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return { sinceHour: isoHour(thisHour - (HOURS[period] - 1) * HOUR_MS) };
}

/** Every hour from `first` to the hour of `now`, for charts that show empty hours as zero. */
export function hoursBetween(first: string, now: Date): string[] {
  const out: string[] = [];
  const end = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  for (let t = Date.parse(`${first}:00:00.000Z`); t <= end; t += HOUR_MS) out.push(isoHour(t));
  return out;
}
