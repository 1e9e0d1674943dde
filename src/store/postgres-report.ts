// The report (question-report.ts) read from the PostgreSQL question log: the same sections, computed by
// the same rules. SQLite takes a bare column next to max() from the row holding the max; here the latest
// wording is picked explicitly (array_agg ordered by time). Timestamps come back as ISO strings, as from SQLite.
import pg from 'pg';
import { quoted } from './postgres-schema.ts';
import { DEFAULT_REPORT_OPTIONS, type QuestionReport, type ReportOptions } from './question-report.ts';

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export async function readPostgresReport(client: pg.ClientBase, schema: string, options: Partial<ReportOptions> = {}): Promise<QuestionReport> {
  const opts = { ...DEFAULT_REPORT_OPTIONS, ...options };
  const s = quoted(schema);
  const since = opts.sinceDays === null ? null : new Date(opts.now() - opts.sinceDays * 86_400_000).toISOString();
  const inWindow = `($1::timestamptz IS NULL OR at >= $1::timestamptz)`;
  const totals = (
    await client.query<{ questions: number; answered: number; checks: number; users: number }>(
      `SELECT count(*)::int AS questions, count(*) FILTER (WHERE answered)::int AS answered,
              count(*) FILTER (WHERE kind = 'check')::int AS checks, count(DISTINCT user_hash)::int AS users
       FROM ${s}.questions WHERE ${inWindow}`,
      [since],
    )
  ).rows[0]!;
  const votes = (
    await client.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE vote = 1)::int AS up, count(*) FILTER (WHERE vote = -1)::int AS down FROM ${s}.votes WHERE ${inWindow}`,
      [since],
    )
  ).rows[0]!;
  const mostAsked = await client.query<{ question: string; lastAt: Date; count: number; answered: number }>(
    `SELECT (array_agg(question ORDER BY at DESC))[1] AS question, max(at) AS "lastAt", count(*)::int AS count,
            count(*) FILTER (WHERE answered)::int AS answered
     FROM ${s}.questions WHERE ${inWindow} GROUP BY question_key ORDER BY count DESC, "lastAt" DESC LIMIT $2`,
    [since, opts.limit],
  );
  const declined = await client.query<{ question: string; reason: string | null; lastAt: Date; count: number }>(
    `SELECT (array_agg(question ORDER BY at DESC))[1] AS question, (array_agg(reason ORDER BY at DESC))[1] AS reason,
            max(at) AS "lastAt", count(*)::int AS count
     FROM ${s}.questions WHERE NOT answered AND ${inWindow} GROUP BY question_key ORDER BY count DESC, "lastAt" DESC LIMIT $2`,
    [since, opts.limit],
  );
  const worstRated = await client.query<QuestionReport['worstRated'][number]>(
    `SELECT (array_agg(q.question ORDER BY q.at DESC))[1] AS question, q.top_passage AS "topPassage",
            count(*) FILTER (WHERE v.vote = 1)::int AS up, count(*) FILTER (WHERE v.vote = -1)::int AS down
     FROM ${s}.votes v JOIN ${s}.questions q ON q.id = v.question_id
     WHERE ($1::timestamptz IS NULL OR v.at >= $1::timestamptz)
     GROUP BY q.question_key, q.top_passage
     HAVING count(*) FILTER (WHERE v.vote = -1) > 0
     ORDER BY count(*) FILTER (WHERE v.vote = -1) - count(*) FILTER (WHERE v.vote = 1) DESC, count(*) FILTER (WHERE v.vote = -1) DESC
     LIMIT $2`,
    [since, opts.limit],
  );
  return {
    since,
    totals: { ...totals, declined: totals.questions - totals.answered, ...votes },
    mostAsked: mostAsked.rows.map((r) => ({ question: r.question, count: r.count, answered: r.answered, lastAt: iso(r.lastAt) })),
    declined: declined.rows.map((r) => ({ question: r.question, count: r.count, reason: r.reason, lastAt: iso(r.lastAt) })),
    worstRated: worstRated.rows,
  };
}
