// The operator's dashboard, aggregated in SQL: questions per hour, answered vs declined (vs low confidence
// when the log records it), the most asked and the declined questions, votes per answer and latency per front
// end and command, for one period. Read-only on the rows; on first open it adds the indexes these queries
// need (once per file), so a page over a million logged questions stays near a second even for all time.
// The SQL and the indexes are in dashboard-queries.ts; `npm run bench:dashboard` measures them.
import Database from 'better-sqlite3';
import { ALL_TIME, periodBounds, type Period } from './dashboard-period.ts';
import { HOUR_INDEX, INDEXES, prepareQueries, type HourRow, type KeyRow, type LatencyRow } from './dashboard-queries.ts';
import { execInWorker } from './sql-worker.ts';

export { PERIODS, type Period } from './dashboard-period.ts';

export interface DashboardStatsOptions {
  /** Rows in each list. */
  limit: number;
  /** Declined wordings handed to the grouping of similar wordings (more than are shown: groups merge them). */
  declinedCandidates: number;
  /** How long the one-time index build may wait for the bot's write lock. */
  busyTimeoutMs: number;
}

export const DEFAULT_DASHBOARD_STATS_OPTIONS: DashboardStatsOptions = { limit: 10, declinedCandidates: 200, busyTimeoutMs: 5_000 };

export interface HourCount {
  /** Start of the hour, ISO `yyyy-mm-ddThh`. */
  hour: string;
  answered: number;
  declined: number;
  /** Answered with low confidence (counted here, not in `answered`); 0 when the log has no confidence. */
  lowConfidence: number;
}

export interface DashboardStats {
  period: Period;
  /** First hour counted (ISO), null for all time. */
  since: string | null;
  /** Whether the log records the answer's confidence (the low-confidence tier). */
  hasConfidence: boolean;
  totals: { questions: number; answered: number; declined: number; lowConfidence: number | null; up: number; down: number };
  hours: HourCount[];
  mostAsked: Array<{ question: string; count: number; answered: number }>;
  /** Declined wordings (grouped by question_key), most frequent first: the dashboard merges similar ones. */
  declined: Array<{ question: string; count: number; reason: string | null }>;
  /** Answers with at least one 👎, worst net rating first; `topPassage` is the citation key of the passage given. */
  rated: Array<{ question: string; topPassage: string | null; up: number; down: number }>;
  /** Latency in ms per front end (`source`, null for entries from before it was recorded) and command. */
  latency: Array<{ source: string | null; kind: string; count: number; p50: number; p90: number; p99: number; max: number }>;
}

export interface DashboardSource {
  stats(period: Period, now: Date): Promise<DashboardStats>;
  close(): void;
}

const PERCENTILES = [50, 90, 99] as const;

/**
 * A period holding less than this share of the log is read through the `at` range ("narrow"); a larger one by
 * scanning the index already in its GROUP BY order ("wide"), which needs no sort however many rows it holds.
 */
const NARROW_SHARE = 0.25;

/**
 * openDashboardStats for servers: a missing index set is built first in a worker thread, so a big log's one-time
 * build (16 s at a million questions) does not stall the event loop. Rejects like openDashboardStats throws.
 */
export async function openDashboardStatsInBackground(path: string, options: Partial<DashboardStatsOptions> = {}): Promise<DashboardSource> {
  const opts = { ...DEFAULT_DASHBOARD_STATS_OPTIONS, ...options };
  const db = new Database(path, { fileMustExist: true, readonly: true });
  let sql: string | null = null;
  try {
    const names = db.prepare(`SELECT name FROM pragma_table_info('questions')`).pluck().all() as string[];
    const hasConfidence = names.includes('confidence');
    const indexed = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(HOUR_INDEX(hasConfidence));
    if (names.includes('question_key') && indexed === 0) sql = INDEXES(hasConfidence);
  } finally {
    db.close();
  }
  if (sql) await execInWorker(path, sql, opts.busyTimeoutMs);
  return openDashboardStats(path, opts);
}

/** Opens the log for the dashboard; throws if the file is missing or not a question log (the caller says so). */
export function openDashboardStats(path: string, options: Partial<DashboardStatsOptions> = {}): DashboardSource {
  const opts = { ...DEFAULT_DASHBOARD_STATS_OPTIONS, ...options };
  const db = new Database(path, { fileMustExist: true, timeout: opts.busyTimeoutMs });
  try {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('questions')`).pluck();
    const indexed = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
    /** Whether the log records confidence now: the bot may add the column while the dashboard runs. */
    const confidence = (): boolean => {
      const names = columns.all() as string[];
      if (!names.includes('question_key')) throw new Error('not a question log (no questions table)');
      return names.includes('confidence');
    };
    const prepare = (hasConfidence: boolean): DashboardSource => {
      if (indexed.get(HOUR_INDEX(hasConfidence)) === 0) db.exec(INDEXES(hasConfidence));
      return createSource(db, hasConfidence, opts);
    };
    let hasConfidence = confidence();
    let source = prepare(hasConfidence);
    return {
      stats(period, now) {
        if (confidence() !== hasConfidence) source = prepare((hasConfidence = !hasConfidence));
        return source.stats(period, now);
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function createSource(db: Database.Database, hasConfidence: boolean, opts: DashboardStatsOptions): DashboardSource {
  const q = prepareQueries(db, hasConfidence);

  const wording = (key: string): string => (q.latestWording.get(key) as string | undefined) ?? key;

  return {
    async stats(period, now) {
      const { sinceHour } = periodBounds(period, now);
      const p = { since: sinceHour === ALL_TIME ? '' : `${sinceHour}:00:00.000Z`, sinceHour, limit: opts.limit, candidates: opts.declinedCandidates };
      // One read transaction: every section sees the same snapshot while the bot keeps writing.
      return db.transaction(() => {
        const hours = hourCounts(q.hours.all(p) as HourRow[]);
        const totals = sumHours(hours);
        const way = totals.questions < NARROW_SHARE * (q.size.get() as number) ? 'narrow' : 'wide';
        const votes = q.votes.get(p) as { up: number; down: number };
        const keys = q.keys[way].all(p) as KeyRow[];
        const mostAsked = keys.filter((k) => k.list === 'most').map((k) => ({ question: wording(k.key), count: k.count, answered: k.answered }));
        const declined = keys
          .filter((k) => k.list === 'declined')
          .map((k) => {
            const latest = (q.latestDeclined.get(k.key) as { question: string; reason: string | null } | undefined) ?? { question: k.key, reason: null };
            return { question: latest.question, reason: latest.reason, count: k.declined };
          });
        const rated = (q.rated[way].all(p) as Array<{ key: string; topPassage: string | null; up: number; down: number }>).map(({ key, ...row }) => ({
          question: wording(key),
          ...row,
        }));
        return {
          period,
          since: sinceHour === ALL_TIME ? null : p.since,
          hasConfidence,
          totals: { ...totals, lowConfidence: hasConfidence ? totals.lowConfidence : null, ...votes },
          hours,
          mostAsked,
          declined,
          rated,
          latency: percentiles(q.latency[way].all(p) as LatencyRow[]),
        };
      })();
    },
    close() {
      db.close();
    },
  };
}

export function hourCounts(rows: HourRow[]): HourCount[] {
  const byHour = new Map<string, HourCount>();
  for (const row of rows) {
    const h = byHour.get(row.hour) ?? { hour: row.hour, answered: 0, declined: 0, lowConfidence: 0 };
    if (!row.answered) h.declined += row.n;
    else if (row.low) h.lowConfidence += row.n;
    else h.answered += row.n;
    byHour.set(row.hour, h);
  }
  return [...byHour.values()].sort((a, b) => (a.hour < b.hour ? -1 : a.hour > b.hour ? 1 : 0));
}

export function sumHours(hours: HourCount[]): { questions: number; answered: number; declined: number; lowConfidence: number } {
  const t = { questions: 0, answered: 0, declined: 0, lowConfidence: 0 };
  for (const h of hours) {
    // "answered" in the totals counts every answer; the low-confidence ones are also counted apart.
    t.answered += h.answered + h.lowConfidence;
    t.declined += h.declined;
    t.lowConfidence += h.lowConfidence;
  }
  t.questions = t.answered + t.declined;
  return t;
}

/** Nearest-rank percentiles over rows sorted by (source, kind, ms), as the query's GROUP BY returns them. */
export function percentiles(rows: LatencyRow[]): DashboardStats['latency'] {
  const groups = new Map<string, LatencyRow[]>();
  for (const row of rows) {
    const key = `${row.source ?? ''}\0${row.kind}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => {
    group.sort((a, b) => a.ms - b.ms);
    const count = group.reduce((n, r) => n + r.n, 0);
    const at = (pct: number): number => {
      const rank = Math.max(1, Math.ceil((pct / 100) * count));
      let seen = 0;
      for (const r of group) if ((seen += r.n) >= rank) return r.ms;
      return group[group.length - 1]!.ms;
    };
    const [p50, p90, p99] = PERCENTILES.map(at) as [number, number, number];
    return { source: group[0]!.source, kind: group[0]!.kind, count, p50, p90, p99, max: group[group.length - 1]!.ms };
  });
}
