// The SQL behind the dashboard (src/store/dashboard-stats.ts assembles the results): the indexes it adds to the
// question log, and one prepared statement per section. Every plan is explicit (INDEXED BY) rather than left to
// statistics the log may not have: a narrow period is read through the covering `at` range index, a wide one
// through an index already in the order its GROUP BY needs, so no query sorts the period's rows.
import type Database from 'better-sqlite3';

// Each index covers the queries that use it (they never read the table itself). With a confidence column the
// hour index includes it; the one built before the column appeared is then dropped.
export const HOUR_INDEX = (c: boolean) => (c ? 'dashboard_hour_confidence' : 'dashboard_hour');
export const INDEXES = (c: boolean) => `
  ${c ? 'DROP INDEX IF EXISTS dashboard_hour;' : ''}
  CREATE INDEX IF NOT EXISTS ${HOUR_INDEX(c)} ON questions (substr(at, 1, 13), answered, ${c ? 'confidence, ' : ''}at);
  CREATE INDEX IF NOT EXISTS dashboard_at ON questions (at, answered, question_key, source, kind, latency_ms);
  CREATE INDEX IF NOT EXISTS dashboard_key ON questions (question_key, answered, at);
  CREATE INDEX IF NOT EXISTS dashboard_latency ON questions (source, kind, latency_ms, at);
  CREATE INDEX IF NOT EXISTS dashboard_question ON questions (id, question_key, top_passage);
  CREATE INDEX IF NOT EXISTS dashboard_votes ON votes (question_id, at, vote);
  CREATE INDEX IF NOT EXISTS dashboard_votes_at ON votes (at, question_id, vote);`;

/** The same query through the `at` range (narrow) or through the index in its GROUP BY order (wide). */
function both(db: Database.Database, sql: (by: { questions: string; votes: string }) => string): { narrow: Database.Statement; wide: Database.Statement } {
  return {
    narrow: db.prepare(sql({ questions: 'questions INDEXED BY dashboard_at', votes: 'votes INDEXED BY dashboard_votes_at' })),
    wide: db.prepare(sql({ questions: 'questions INDEXED BY dashboard_key', votes: 'votes INDEXED BY dashboard_votes' })),
  };
}

export interface HourRow {
  hour: string;
  n: number;
  answered: number;
  low: number;
}

export interface LatencyRow {
  source: string | null;
  kind: string;
  ms: number;
  n: number;
}

export type KeyRow = { list: 'most' | 'declined'; key: string; count: number; answered: number; declined: number };

export function prepareQueries(db: Database.Database, hasConfidence: boolean) {
  const low = hasConfidence ? `answered = 1 AND confidence = 'low'` : '0';
  return {
    hours: db.prepare(
      `SELECT substr(at, 1, 13) AS hour, count(*) AS n, answered, ${low} AS low
       FROM questions INDEXED BY ${HOUR_INDEX(hasConfidence)}
       WHERE substr(at, 1, 13) >= @sinceHour GROUP BY hour, answered${hasConfidence ? ', confidence' : ''}`,
    ),
    /** An upper bound of the rows in the log, in O(log n): enough to choose narrow or wide. */
    size: db.prepare(`SELECT coalesce(max(rowid), 0) FROM questions`).pluck(),
    votes: db.prepare(`SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes INDEXED BY dashboard_votes_at WHERE at >= @since`),
    // Both lists from one pass over the period: the most asked, and the declined wordings. Ties go by wording,
    // not by latest time: a max(at) per row doubled the cost of this scan over a million rows.
    keys: both(
      db,
      (by) => `WITH g AS MATERIALIZED (
         SELECT question_key AS key, count(*) AS count, sum(answered) AS answered, count(*) - sum(answered) AS declined
         FROM ${by.questions} WHERE at >= @since GROUP BY question_key)
       SELECT * FROM (SELECT 'most' AS list, * FROM g ORDER BY count DESC, key LIMIT @limit)
       UNION ALL
       SELECT * FROM (SELECT 'declined' AS list, * FROM g WHERE declined > 0 ORDER BY declined DESC, key LIMIT @candidates)`,
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
}
