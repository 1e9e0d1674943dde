// The dashboard's figures (dashboard-stats.ts) read from the PostgreSQL question log: the same sections by the
// same rules, for an operator whose instances log to PostgreSQL. Each page is read in one REPEATABLE READ
// transaction, so every section sees the same snapshot while the bots keep writing. Answers given as the
// closest passage (confidence 'low', migration 2) are counted apart, as over SQLite.
// Ties sort by the question key in byte order (COLLATE "C"), as SQLite sorts them.
import pg from 'pg';
import { ALL_TIME, periodBounds } from './dashboard-period.ts';
import { DEFAULT_DASHBOARD_STATS_OPTIONS, hourCounts, percentiles, sumHours, type DashboardSource, type DashboardStatsOptions } from './dashboard-stats.ts';
import type { HourRow, KeyRow, LatencyRow } from './dashboard-queries.ts';
import { quoted } from './postgres-schema.ts';

/** Connections the dashboard holds: it reads one page at a time. */
const POOL_SIZE = 2;

export async function openPostgresDashboardStats(target: { url: string; schema: string }, options: Partial<DashboardStatsOptions> = {}): Promise<DashboardSource> {
  const opts = { ...DEFAULT_DASHBOARD_STATS_OPTIONS, ...options };
  const pool = new pg.Pool({ connectionString: target.url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const s = quoted(target.schema);
  try {
    // Throws like openDashboardStats when there is no log yet (the bots create the tables with their first write).
    await pool.query(`SELECT 1 FROM ${s}.questions LIMIT 1`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    async stats(period, now) {
      const { sinceHour } = periodBounds(period, now);
      const since = sinceHour === ALL_TIME ? null : `${sinceHour}:00:00.000Z`;
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const stats = await readStats(client, s, since, opts);
        await client.query('COMMIT');
        return { period, since, hasConfidence: true, ...stats };
      } finally {
        client.release();
      }
    },
    close() {
      void pool.end().catch(() => undefined);
    },
  };
}

async function readStats(client: pg.PoolClient, s: string, since: string | null, opts: DashboardStatsOptions) {
  const inPeriod = `($1::timestamptz IS NULL OR at >= $1::timestamptz)`;
  const rows = async <T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> => (await client.query<T>(sql, params)).rows;
  const hours = hourCounts(
    await rows<HourRow>(
      `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') AS hour, count(*)::int AS n, answered::int AS answered,
              (answered AND confidence IS NOT DISTINCT FROM 'low')::int AS low
       FROM ${s}.questions WHERE ${inPeriod} GROUP BY 1, answered, 4`,
      [since],
    ),
  );
  const totals = sumHours(hours);
  const [votes] = await rows<{ up: number; down: number }>(
    `SELECT count(*) FILTER (WHERE vote = 1)::int AS up, count(*) FILTER (WHERE vote = -1)::int AS down FROM ${s}.votes WHERE ${inPeriod}`,
    [since],
  );
  const keys = await rows<KeyRow>(
    `WITH g AS (SELECT question_key AS key, count(*)::int AS count, count(*) FILTER (WHERE answered)::int AS answered,
                       count(*) FILTER (WHERE NOT answered)::int AS declined
                FROM ${s}.questions WHERE ${inPeriod} GROUP BY question_key)
     (SELECT 'most' AS list, * FROM g ORDER BY count DESC, key COLLATE "C" LIMIT $2)
     UNION ALL
     (SELECT 'declined' AS list, * FROM g WHERE declined > 0 ORDER BY declined DESC, key COLLATE "C" LIMIT $3)`,
    [since, opts.limit, opts.declinedCandidates],
  );
  const rated = await rows<{ key: string; topPassage: string | null; up: number; down: number }>(
    `SELECT q.question_key AS key, q.top_passage AS "topPassage", sum(v.up)::int AS up, sum(v.down)::int AS down
     FROM (SELECT question_id, count(*) FILTER (WHERE vote = 1) AS up, count(*) FILTER (WHERE vote = -1) AS down
           FROM ${s}.votes WHERE ${inPeriod} GROUP BY question_id HAVING count(*) FILTER (WHERE vote = -1) > 0) v
     JOIN ${s}.questions q ON q.id = v.question_id
     GROUP BY q.question_key, q.top_passage ORDER BY sum(v.down) - sum(v.up) DESC, sum(v.down) DESC LIMIT $2`,
    [since, opts.limit],
  );
  // The wording shown for a group: its latest one (and for the declined list, its latest declined one).
  const groupKeys = [...new Set([...keys.map((k) => k.key), ...rated.map((r) => r.key)])];
  const latest = new Map(
    (await rows<{ key: string; question: string }>(`SELECT DISTINCT ON (question_key) question_key AS key, question FROM ${s}.questions WHERE question_key = ANY($1) ORDER BY question_key, at DESC`, [groupKeys])).map((r) => [r.key, r.question]),
  );
  const latestDeclined = new Map(
    (
      await rows<{ key: string; question: string; reason: string | null }>(
        `SELECT DISTINCT ON (question_key) question_key AS key, question, reason FROM ${s}.questions
         WHERE question_key = ANY($1) AND NOT answered ORDER BY question_key, at DESC`,
        [keys.filter((k) => k.list === 'declined').map((k) => k.key)],
      )
    ).map((r) => [r.key, r]),
  );
  // In SQLite's GROUP BY order, which is the order the dashboard lists front ends and commands in.
  const latency = await rows<LatencyRow>(
    `SELECT source, kind, latency_ms AS ms, count(*)::int AS n FROM ${s}.questions WHERE ${inPeriod} GROUP BY source, kind, latency_ms
     ORDER BY source COLLATE "C" NULLS FIRST, kind COLLATE "C", latency_ms`,
    [since],
  );
  return {
    totals: { ...totals, ...votes! },
    hours,
    mostAsked: keys.filter((k) => k.list === 'most').map((k) => ({ question: latest.get(k.key) ?? k.key, count: k.count, answered: k.answered })),
    declined: keys
      .filter((k) => k.list === 'declined')
      .map((k) => ({ question: latestDeclined.get(k.key)?.question ?? k.key, reason: latestDeclined.get(k.key)?.reason ?? null, count: k.declined })),
    rated: rated.map(({ key, ...row }) => ({ question: latest.get(key) ?? key, ...row })),
    latency: percentiles(latency),
  };
}
