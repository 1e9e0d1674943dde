// The operator's dashboard, aggregated in SQL: questions per hour, answered vs declined (vs low confidence
// when the log records it), the most asked and the declined questions, votes per answer and latency per front
// end and command, for one period. Read-only on the rows; on first open it adds the indexes these queries
// need (once per file), so a page over a million logged questions stays near a second even for all time.
// Every query either scans one covering index in the order its GROUP BY needs (no sort of the rows) or
// range-scans `at` for a short period; `npm run bench:dashboard` measures them.
import Database from 'better-sqlite3';
import { ALL_TIME, periodBounds, type Period } from './dashboard-period.ts';
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
  mostAsked: Array<{ question: string; count: number; answered: number; lastAt: string }>;
  /** Declined wordings (grouped by question_key), most frequent first: the dashboard merges similar ones. */
  declined: Array<{ question: string; count: number; reason: string | null; lastAt: string }>;
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

// Each index covers the queries that use it (they never read the table itself). With a confidence column the
// hour index includes it; the one built before the column appeared is then dropped.
const HOUR_INDEX = (c: boolean) => (c ? 'dashboard_hour_confidence' : 'dashboard_hour');
const INDEXES = (c: boolean) => `
  ${c ? 'DROP INDEX IF EXISTS dashboard_hour;' : ''}
  CREATE INDEX IF NOT EXISTS ${HOUR_INDEX(c)} ON questions (substr(at, 1, 13), answered, ${c ? 'confidence, ' : ''}at);
  CREATE INDEX IF NOT EXISTS dashboard_at ON questions (at, answered, question_key, source, kind, latency_ms);
  CREATE INDEX IF NOT EXISTS dashboard_key ON questions (question_key, answered, at);
  CREATE INDEX IF NOT EXISTS dashboard_latency ON questions (source, kind, latency_ms, at);
  CREATE INDEX IF NOT EXISTS dashboard_question ON questions (id, question_key, top_passage);
  CREATE INDEX IF NOT EXISTS dashboard_votes ON votes (question_id, at, vote);
  CREATE INDEX IF NOT EXISTS dashboard_votes_at ON votes (at, question_id, vote);`;

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

/** The same query through the `at` range (narrow) or through the index in its GROUP BY order (wide). */
function both(db: Database.Database, sql: (by: { questions: string; votes: string }) => string): { narrow: Database.Statement; wide: Database.Statement } {
  return {
    narrow: db.prepare(sql({ questions: 'questions INDEXED BY dashboard_at', votes: 'votes INDEXED BY dashboard_votes_at' })),
    wide: db.prepare(sql({ questions: 'questions INDEXED BY dashboard_key', votes: 'votes INDEXED BY dashboard_votes' })),
  };
}

function createSource(db: Database.Database, hasConfidence: boolean, opts: DashboardStatsOptions): DashboardSource {
  const low = hasConfidence ? `answered = 1 AND confidence = 'low'` : '0';
  const q = {
    hours: db.prepare(
      `SELECT substr(at, 1, 13) AS hour, count(*) AS n, answered, ${low} AS low
       FROM questions INDEXED BY ${HOUR_INDEX(hasConfidence)}
       WHERE substr(at, 1, 13) >= @sinceHour GROUP BY hour, answered${hasConfidence ? ', confidence' : ''}`,
    ),
    /** An upper bound of the rows in the log, in O(log n): enough to choose narrow or wide. */
    size: db.prepare(`SELECT coalesce(max(rowid), 0) FROM questions`).pluck(),
    votes: db.prepare(`SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes INDEXED BY dashboard_votes_at WHERE at >= @since`),
    // Both lists from one pass over the period: the most asked, and the declined wordings.
    keys: both(
      db,
      (by) => `WITH g AS MATERIALIZED (
         SELECT question_key AS key, count(*) AS count, sum(answered) AS answered, max(at) AS lastAt,
                count(*) - sum(answered) AS declined, max(CASE WHEN answered = 0 THEN at END) AS declinedAt
         FROM ${by.questions} WHERE at >= @since GROUP BY question_key)
       SELECT * FROM (SELECT 'most' AS list, * FROM g ORDER BY count DESC, lastAt DESC LIMIT @limit)
       UNION ALL
       SELECT * FROM (SELECT 'declined' AS list, * FROM g WHERE declined > 0 ORDER BY declined DESC, declinedAt DESC LIMIT @candidates)`,
    ),
    // The wording shown for a group: the latest one recorded (questions_key orders a key's rows by rowid, i.e.
    // as written; dashboard_key orders a key's declined rows by time).
    latestWording: db.prepare(`SELECT question FROM questions WHERE question_key = ? ORDER BY rowid DESC LIMIT 1`).pluck(),
    latestDeclined: db.prepare(`SELECT question, reason FROM questions INDEXED BY dashboard_key WHERE question_key = ? AND answered = 0 ORDER BY at DESC LIMIT 1`),
    // Votes summed per answer first (only answers with a 👎: the worst rated), then per question and passage.
    rated: both(
      db,
      (by) => `SELECT q.question_key AS key, q.top_passage AS topPassage, sum(v.up) AS up, sum(v.down) AS down
       FROM (SELECT question_id, sum(vote = 1) AS up, sum(vote = -1) AS down FROM ${by.votes} WHERE at >= @since
             GROUP BY question_id HAVING down > 0) v
       JOIN questions q INDEXED BY dashboard_question ON q.id = v.question_id
       GROUP BY q.question_key, q.top_passage ORDER BY sum(v.down) - sum(v.up) DESC, sum(v.down) DESC LIMIT @limit`,
    ),
    // One row per distinct latency (the log keeps hundredths of a ms): exact percentiles from the counts.
    latency: {
      narrow: db.prepare(`SELECT source, kind, latency_ms AS ms, count(*) AS n FROM questions INDEXED BY dashboard_at WHERE at >= @since GROUP BY source, kind, latency_ms`),
      wide: db.prepare(`SELECT source, kind, latency_ms AS ms, count(*) AS n FROM questions INDEXED BY dashboard_latency WHERE at >= @since GROUP BY source, kind, latency_ms`),
    },
  };

  const wording = (key: string): string => (q.latestWording.get(key) as string | undefined) ?? key;
  type KeyRow = { list: 'most' | 'declined'; key: string; count: number; answered: number; lastAt: string; declined: number; declinedAt: string | null };

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
        const mostAsked = keys.filter((k) => k.list === 'most').map((k) => ({ question: wording(k.key), count: k.count, answered: k.answered, lastAt: k.lastAt }));
        const declined = keys
          .filter((k) => k.list === 'declined')
          .map((k) => {
            const latest = (q.latestDeclined.get(k.key) as { question: string; reason: string | null } | undefined) ?? { question: k.key, reason: null };
            return { question: latest.question, reason: latest.reason, count: k.declined, lastAt: k.declinedAt ?? k.lastAt };
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

interface HourRow {
  hour: string;
  n: number;
  answered: number;
  low: number;
}

function hourCounts(rows: HourRow[]): HourCount[] {
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

function sumHours(hours: HourCount[]): { questions: number; answered: number; declined: number; lowConfidence: number } {
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

interface LatencyRow {
  source: string | null;
  kind: string;
  ms: number;
  n: number;
}

/** Nearest-rank percentiles over rows sorted by (source, kind, ms), as the query's GROUP BY returns them. */
function percentiles(rows: LatencyRow[]): DashboardStats['latency'] {
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
