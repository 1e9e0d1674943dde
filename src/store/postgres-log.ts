// The question log in PostgreSQL (QUESTION_LOG=postgres://…), for several instances writing one log. Same
// interface and rules as the SQLite log: `record` and `vote` only queue, and a write never delays a reply.
// Writes are batched (one multi-row INSERT per table through unnest, in one transaction) after the current
// turn of the event loop. Start-up applies the schema migrations under an advisory lock (postgres-schema.ts).
// If PostgreSQL is away, entries wait in a bounded queue and are written when it returns (retried with
// backoff); what overflows the bound is counted and logged, never thrown. The URL is never logged.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../log.ts';
import { migrate, quoted } from './postgres-schema.ts';
import { hashUser, questionKey, type QuestionEntry, type QuestionLog, type VoteEntry } from './question-log.ts';

export const DEFAULT_POSTGRES_LOG_OPTIONS = {
  schema: 'public',
  /** Salt for the user hash; null: a random one kept in the meta table (shared by every instance). */
  salt: null as string | null,
  /** Entries kept while PostgreSQL is away; beyond, the oldest are dropped and counted. */
  maxQueued: 10_000,
  /** Rows per INSERT statement. */
  batchSize: 1_000,
  poolSize: 4,
  connectionTimeoutMs: 2_000,
  /** Retry after a failed write: attempt n waits min(base × 2^(n-1), max). */
  retryBaseMs: 250,
  retryMaxMs: 5_000,
};

export type PostgresLogOptions = typeof DEFAULT_POSTGRES_LOG_OPTIONS & { url: string; logger: Logger };

type Pending = { type: 'question'; entry: QuestionEntry } | { type: 'vote'; entry: VoteEntry };

export interface PostgresQuestionLog extends QuestionLog {
  flush(): Promise<boolean>;
  close(): Promise<void>;
  /** Entries dropped because the queue was full (since start). */
  readonly dropped: number;
  /** Entries waiting to be written. */
  readonly queued: number;
}

/** Where a URL points, without user or password: what log lines may say. */
export function describePostgres(url: string): { host: string; port: string; database: string } {
  const u = new URL(url);
  return { host: u.hostname, port: u.port || '5432', database: u.pathname.replace(/^\//, '') };
}

export function openPostgresQuestionLog(options: Pick<PostgresLogOptions, 'url' | 'logger'> & Partial<PostgresLogOptions>): PostgresQuestionLog {
  const opts = { ...DEFAULT_POSTGRES_LOG_OPTIONS, ...options };
  const log = opts.logger.child({ component: 'question-log', postgres: { ...describePostgres(opts.url), schema: opts.schema } });
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize, connectionTimeoutMillis: opts.connectionTimeoutMs });
  // An idle connection cut by the server emits here; without a listener it would crash the process.
  pool.on('error', (error) => log.debug({ err: error }, 'question log: idle PostgreSQL connection lost'));
  // A checked-out connection that dies emits 'error' too (besides failing its query): the pool listens only
  // while a connection is idle, so each connection gets its own listener; the failed write is what counts.
  pool.on('connect', (client) => client.on('error', (error) => log.debug({ err: error }, 'question log: PostgreSQL connection lost')));
  let queue: Pending[] = [];
  let hash: ((userId: string) => string) | null = null;
  let writing: Promise<boolean> | null = null;
  let scheduled: NodeJS.Immediate | null = null;
  let retry: NodeJS.Timeout | null = null;
  let attempts = 0;
  let dropped = 0;
  let droppedLogged = 0;
  let closed = false;

  /** Migrations and the salt, once per process (again after a failure). */
  const prepare = async (): Promise<(userId: string) => string> => {
    if (hash) return hash;
    const client = await pool.connect();
    let failure: unknown = null;
    try {
      const applied = await migrate(client, opts.schema);
      if (applied.length) log.info({ applied }, 'question log: schema migrated');
      const s = quoted(opts.schema);
      // Insert-if-absent then read back: instances starting together agree on one salt.
      await client.query(`INSERT INTO ${s}.meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
      const salt = opts.salt ?? (await client.query<{ value: string }>(`SELECT value FROM ${s}.meta WHERE key = 'salt'`)).rows[0]!.value;
      log.info('question log opened');
      hash = (userId) => hashUser(salt, userId);
      return hash;
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      // A connection that failed mid-query is closed, not handed to the next write.
      client.release(failure !== null);
    }
  };

  const trim = (): void => {
    if (queue.length <= opts.maxQueued) return;
    const excess = queue.length - opts.maxQueued;
    queue = queue.slice(excess);
    dropped += excess;
  };

  const writeAll = async (): Promise<boolean> => {
    try {
      while (queue.length) {
        const userHash = await prepare();
        const batch = queue.splice(0, opts.batchSize);
        try {
          await writeBatch(pool, opts.schema, userHash, batch);
        } catch (error) {
          queue = [...batch, ...queue];
          throw error;
        }
      }
      if (attempts > 0) log.info({ dropped }, 'question log: PostgreSQL writable again, queued entries written');
      attempts = 0;
      return true;
    } catch (error) {
      trim();
      if (attempts === 0) log.warn({ err: error, queued: queue.length }, 'question log: PostgreSQL unavailable, entries kept (bounded) for a later try');
      if (dropped > droppedLogged) log.warn({ dropped, maxQueued: opts.maxQueued }, 'question log: queue full, oldest entries dropped');
      droppedLogged = dropped;
      attempts++;
      if (!closed) retryLater();
      return false;
    }
  };

  const retryLater = (): void => {
    if (retry) return;
    const delay = Math.min(opts.retryBaseMs * 2 ** (attempts - 1), opts.retryMaxMs);
    retry = setTimeout(() => {
      retry = null;
      void flush();
    }, delay);
    retry.unref();
  };

  /** One write at a time; a flush during a write waits for it, then writes what came in meanwhile. */
  const flush = async (): Promise<boolean> => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    while (writing) await writing;
    if (queue.length === 0) return true;
    writing = writeAll().finally(() => (writing = null));
    return writing;
  };

  const enqueue = (item: Pending): void => {
    if (closed) return;
    queue.push(item);
    if (queue.length > opts.maxQueued) {
      trim();
      // While writes succeed the queue stays short; overflow means an outage, already logged as such.
      if (attempts === 0) log.warn({ dropped }, 'question log: queue full, oldest entries dropped');
    }
    // During an outage the retry timer drives the writes; otherwise write after this turn (after the reply).
    if (!retry) scheduled ??= setImmediate(() => void flush());
  };

  return {
    enabled: true,
    record: (entry) => enqueue({ type: 'question', entry: { ...entry, at: entry.at ?? new Date() } }),
    vote: (entry) => enqueue({ type: 'vote', entry: { ...entry, at: entry.at ?? new Date() } }),
    flush,
    get dropped() {
      return dropped;
    },
    get queued() {
      return queue.length;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retry) clearTimeout(retry);
      retry = null;
      await flush();
      if (queue.length) log.warn({ lost: queue.length }, 'question log closed with entries it could not write');
      await pool.end().catch((error: unknown) => log.warn({ err: error }, 'question log: closing the pool failed'));
    },
  };
}

/** Last write wins within a batch, as it would row by row (ON CONFLICT cannot touch one row twice). */
function lastBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

async function writeBatch(pool: pg.Pool, schema: string, hash: (userId: string) => string, batch: Pending[]): Promise<void> {
  const s = quoted(schema);
  const questions = lastBy(
    batch.flatMap((p) => (p.type === 'question' ? [p.entry] : [])),
    (e) => e.id,
  );
  const votes = lastBy(
    batch.flatMap((p) => (p.type === 'vote' ? [{ ...p.entry, userHash: hash(p.entry.userId) }] : [])),
    (v) => `${v.questionId}\u0000${v.userHash}`,
  );
  const client = await pool.connect();
  let failure: unknown = null;
  try {
    await client.query('BEGIN');
    if (questions.length) {
      const column = <T>(f: (e: QuestionEntry) => T): T[] => questions.map(f);
      await client.query(
        `INSERT INTO ${s}.questions (id, at, kind, question, question_key, answered, reason, top_passage, latency_ms, user_hash, locale, source, claims, addressed)
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[],
                              $9::double precision[], $10::text[], $11::text[], $12::text[], $13::integer[], $14::integer[])
         ON CONFLICT (id) DO UPDATE SET at = excluded.at, kind = excluded.kind, question = excluded.question, question_key = excluded.question_key,
           answered = excluded.answered, reason = excluded.reason, top_passage = excluded.top_passage, latency_ms = excluded.latency_ms,
           user_hash = excluded.user_hash, locale = excluded.locale, source = excluded.source, claims = excluded.claims, addressed = excluded.addressed`,
        [
          column((e) => e.id),
          column((e) => e.at ?? new Date()),
          column((e) => e.kind),
          column((e) => e.question),
          column((e) => questionKey(e.question)),
          column((e) => e.answered),
          column((e) => e.reason),
          column((e) => e.topPassage),
          column((e) => e.latencyMs),
          column((e) => hash(e.userId)),
          column((e) => e.locale ?? null),
          column((e) => e.source ?? null),
          column((e) => e.claims ?? null),
          column((e) => e.addressed ?? null),
        ],
      );
    }
    if (votes.length) {
      await client.query(
        `INSERT INTO ${s}.votes (question_id, user_hash, vote, at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::timestamptz[])
         ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
        [votes.map((v) => v.questionId), votes.map((v) => v.userHash), votes.map((v) => v.vote), votes.map((v) => v.at ?? new Date())],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    failure = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure !== null);
  }
}
