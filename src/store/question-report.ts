// Reads the question log back as plain data: what users ask most, what the article does not cover (declined
// questions: the operator's to-do list) and the answers users rated worst. Read-only; src/cli/report.ts
// renders it as text or JSON. Questions are grouped by `question_key` (case and punctuation folded).
import Database from 'better-sqlite3';

export interface ReportOptions {
  /** Rows per section. */
  limit: number;
  /** Only entries from the last N days; null: all. */
  sinceDays: number | null;
  /** Clock, for `sinceDays`. */
  now: () => number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = { limit: 10, sinceDays: null, now: Date.now };

export interface QuestionReport {
  since: string | null;
  totals: { questions: number; answered: number; declined: number; checks: number; up: number; down: number; users: number };
  /** The most asked, with how often they were answered. */
  mostAsked: Array<{ question: string; count: number; answered: number; lastAt: string }>;
  /** Declined questions: what the article does not cover. */
  declined: Array<{ question: string; count: number; reason: string | null; lastAt: string }>;
  /** Answers with 👎 votes, most net-negative first. */
  worstRated: Array<{ question: string; topPassage: string | null; up: number; down: number }>;
}

/** Throws if the file does not exist or is not a question log: the CLI reports that as one line. */
export function readQuestionReport(path: string, options: Partial<ReportOptions> = {}): QuestionReport {
  const opts = { ...DEFAULT_REPORT_OPTIONS, ...options };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const since = opts.sinceDays === null ? null : new Date(opts.now() - opts.sinceDays * 86_400_000).toISOString();
    // ISO timestamps compare as text; '' includes everything.
    const p = { since: since ?? '', limit: opts.limit };
    const totals = db
      .prepare(
        `SELECT count(*) AS questions, coalesce(sum(answered), 0) AS answered, coalesce(sum(kind = 'check'), 0) AS checks,
                count(DISTINCT user_hash) AS users
         FROM questions WHERE at >= @since`,
      )
      .get({ since: p.since }) as { questions: number; answered: number; checks: number; users: number };
    const votes = db
      .prepare(`SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM votes WHERE at >= @since`)
      .get({ since: p.since }) as { up: number; down: number };
    // A bare column next to max() takes its value from the row holding the max: the latest wording.
    const mostAsked = db
      .prepare(
        `SELECT question, max(at) AS lastAt, count(*) AS count, sum(answered) AS answered
         FROM questions WHERE at >= @since GROUP BY question_key ORDER BY count DESC, lastAt DESC LIMIT @limit`,
      )
      .all(p) as QuestionReport['mostAsked'];
    const declined = db
      .prepare(
        `SELECT question, reason, max(at) AS lastAt, count(*) AS count
         FROM questions WHERE answered = 0 AND at >= @since GROUP BY question_key ORDER BY count DESC, lastAt DESC LIMIT @limit`,
      )
      .all(p) as QuestionReport['declined'];
    const worstRated = db
      .prepare(
        `SELECT q.question AS question, q.top_passage AS topPassage,
                sum(v.vote = 1) AS up, sum(v.vote = -1) AS down
         FROM votes v JOIN questions q ON q.id = v.question_id
         WHERE v.at >= @since
         GROUP BY q.question_key, q.top_passage
         HAVING down > 0
         ORDER BY down - up DESC, down DESC LIMIT @limit`,
      )
      .all(p) as QuestionReport['worstRated'];
    return {
      since,
      totals: { ...totals, declined: totals.questions - totals.answered, ...votes },
      mostAsked,
      declined,
      worstRated,
    };
  } finally {
    db.close();
  }
}
