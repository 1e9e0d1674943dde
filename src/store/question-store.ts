// The one place that chooses where the question log lives: an SQLite file (the default), PostgreSQL
// (QUESTION_LOG=postgres://…), or nowhere (off). Writers get a QuestionLog, readers (the report, a
// dashboard) a QuestionLogReader; both look the same whichever store is behind them.
import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { describePostgres, openPostgresQuestionLog } from './postgres-log.ts';
import { readPostgresReport } from './postgres-report.ts';
import { disabledQuestionLog, openQuestionLog, type QuestionLog } from './question-log.ts';
import { readQuestionReport, type QuestionReport, type ReportOptions } from './question-report.ts';

export type QuestionStore = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema: string };

/** Null when QUESTION_LOG=off. */
export function questionStoreOf(config: Pick<Config, 'questionLog' | 'questionLogPostgres'>): QuestionStore | null {
  if (config.questionLogPostgres) return { kind: 'postgres', ...config.questionLogPostgres };
  return config.questionLog ? { kind: 'sqlite', path: config.questionLog } : null;
}

export function openQuestionLogFor(store: QuestionStore | null, options: { salt: string | null; logger: Logger }): QuestionLog {
  if (!store) return disabledQuestionLog();
  // From a worker thread: the file's I/O never stalls the event loop that answers (question-thread.ts).
  if (store.kind === 'sqlite') return openQuestionLog({ path: store.path, ...options, thread: true });
  return openPostgresQuestionLog({ url: store.url, schema: store.schema, ...options });
}

/** What a store is, for a heading or a log line: a file path, or PostgreSQL host, database and schema (never a password). */
export function storeLabel(store: QuestionStore): string {
  if (store.kind === 'sqlite') return store.path;
  const where = describePostgres(store.url);
  return `postgres ${where.host}:${where.port}/${where.database}, schema ${store.schema}`;
}

export interface QuestionLogReader {
  /** What the log is, for a heading: a file path, or PostgreSQL host, database and schema (never a password). */
  readonly label: string;
  /** Throws when the store cannot be read (missing file, server away, no tables yet). */
  report(options?: Partial<ReportOptions>): Promise<QuestionReport>;
  close(): Promise<void>;
}

export function openQuestionLogReader(store: QuestionStore): QuestionLogReader {
  if (store.kind === 'sqlite') {
    return { label: store.path, report: async (options) => readQuestionReport(store.path, options), close: async () => {} };
  }
  let client: pg.Client | null = null;
  return {
    label: storeLabel(store),
    async report(options) {
      if (!client) {
        const fresh = new pg.Client({ connectionString: store.url });
        // Errors after connect (server gone) surface on the next query; the listener keeps them from crashing.
        fresh.on('error', () => undefined);
        await fresh.connect();
        client = fresh;
      }
      return readPostgresReport(client, store.schema, options);
    },
    async close() {
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
