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
  return new PostgresLog({ ...DEFAULT_POSTGRES_LOG_OPTIONS, ...options });
}

/** Runs `work` on a pooled connection; a connection that failed mid-query is closed, not handed on. */
async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    return await work(client);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
  }
}

/** Applies the migrations and returns the user hash (salt from the options, else the one in `meta`). */
async function openSchema(pool: pg.Pool, schema: string, salt: string | null, log: Logger): Promise<(userId: string) => string> {
  return withClient(pool, async (client) => {
    const applied = await migrate(client, schema);
    if (applied.length) log.info({ applied }, 'question log: schema migrated');
    const s = quoted(schema);
    // Insert-if-absent then read back: instances starting together agree on one salt.
    await client.query(`INSERT INTO ${s}.meta (key, value) VALUES ('salt', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
    const key = salt ?? (await client.query<{ value: string }>(`SELECT value FROM ${s}.meta WHERE key = 'salt'`)).rows[0]!.value;
    log.info('question log opened');
    return (userId) => hashUser(key, userId);
  });
}

class PostgresLog implements PostgresQuestionLog {
  readonly enabled = true;
  private readonly log: Logger;
  private readonly pool: pg.Pool;
  private queue: Pending[] = [];
  /** Set once the schema is migrated and the salt read (again after a failure). */
  private hash: ((userId: string) => string) | null = null;
  private writing: Promise<boolean> | null = null;
  private scheduled: NodeJS.Immediate | null = null;
  private retry: NodeJS.Timeout | null = null;
  /** Failed writes in a row: 0 while PostgreSQL is reachable. */
  private attempts = 0;
  private droppedCount = 0;
  private droppedLogged = 0;
  /** A burst's overflow is logged once; the next successful write ends the burst. */
  private burstLogged = false;
  private closed = false;

  constructor(private readonly opts: PostgresLogOptions) {
    this.log = opts.logger.child({ component: 'question-log', postgres: { ...describePostgres(opts.url), schema: opts.schema } });
    this.pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize, connectionTimeoutMillis: opts.connectionTimeoutMs });
    // An idle connection cut by the server emits here; without a listener it would crash the process.
    this.pool.on('error', (error) => this.log.debug({ err: error }, 'question log: idle PostgreSQL connection lost'));
    // A checked-out connection that dies emits 'error' too (besides failing its query): the pool listens only
    // while a connection is idle, so each connection gets its own listener; the failed write is what counts.
    this.pool.on('connect', (client) => client.on('error', (error) => this.log.debug({ err: error }, 'question log: PostgreSQL connection lost')));
  }

  get dropped(): number {
    return this.droppedCount;
  }

  get queued(): number {
    return this.queue.length;
  }

  record(entry: QuestionEntry): void {
    this.enqueue({ type: 'question', entry: { ...entry, at: entry.at ?? new Date() } });
  }

  vote(entry: VoteEntry): void {
    this.enqueue({ type: 'vote', entry: { ...entry, at: entry.at ?? new Date() } });
  }

  /** One write at a time; a flush during a write waits for it, then writes what came in meanwhile. */
  async flush(): Promise<boolean> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.writing) await this.writing;
    if (this.queue.length === 0) return true;
    this.writing = this.writeAll().finally(() => (this.writing = null));
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.flush();
    if (this.queue.length) this.log.warn({ lost: this.queue.length }, 'question log closed with entries it could not write');
    await this.pool.end().catch((error: unknown) => this.log.warn({ err: error }, 'question log: closing the pool failed'));
  }

  private enqueue(item: Pending): void {
    if (this.closed) return;
    this.queue.push(item);
    this.trim();
    // Overflow during an outage is logged by the failing write; a burst beyond the bound while the database is
    // reachable (more than maxQueued entries in one turn of the event loop) is logged here, once per burst.
    if (this.attempts === 0 && this.droppedCount > this.droppedLogged && !this.burstLogged) {
      this.log.warn({ dropped: this.droppedCount, maxQueued: this.opts.maxQueued }, 'question log: queue full, oldest entries dropped');
      this.burstLogged = true;
    }
    // During an outage the retry timer drives the writes; otherwise write after this turn (after the reply).
    if (!this.retry) this.scheduled ??= setImmediate(() => void this.flush());
  }

  /** Keeps the newest `maxQueued` entries, counting what it drops. */
  private trim(): void {
    const excess = this.queue.length - this.opts.maxQueued;
    if (excess <= 0) return;
    this.queue = this.queue.slice(excess);
    this.droppedCount += excess;
  }

  private async writeAll(): Promise<boolean> {
    try {
      while (this.queue.length) {
        this.hash ??= await openSchema(this.pool, this.opts.schema, this.opts.salt, this.log);
        const batch = this.queue.splice(0, this.opts.batchSize);
        try {
          await writeBatch(this.pool, this.opts.schema, this.hash, batch);
        } catch (error) {
          this.queue = [...batch, ...this.queue];
          throw error;
        }
      }
      if (this.attempts > 0) this.log.info({ dropped: this.droppedCount }, 'question log: PostgreSQL writable again, queued entries written');
      this.attempts = 0;
      this.droppedLogged = this.droppedCount;
      this.burstLogged = false;
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  private failed(error: unknown): void {
    this.trim();
    if (this.attempts === 0) this.log.warn({ err: error, queued: this.queue.length }, 'question log: PostgreSQL unavailable, entries kept (bounded) for a later try');
    if (this.droppedCount > this.droppedLogged) this.log.warn({ dropped: this.droppedCount, maxQueued: this.opts.maxQueued }, 'question log: queue full, oldest entries dropped');
    this.droppedLogged = this.droppedCount;
    this.attempts++;
    if (this.closed || this.retry) return;
    const delay = Math.min(this.opts.retryBaseMs * 2 ** (this.attempts - 1), this.opts.retryMaxMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.flush();
    }, delay);
    // The timer alone does not keep a process alive; close() makes the last attempt.
    this.retry.unref();
  }
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
  await withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      if (questions.length) {
        const column = <T>(f: (e: QuestionEntry) => T): T[] => questions.map(f);
        await client.query(
          `INSERT INTO ${s}.questions (id, at, kind, question, question_key, answered, reason, top_passage, latency_ms, user_hash, locale, source, claims, addressed, confidence)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[],
                                $9::double precision[], $10::text[], $11::text[], $12::text[], $13::integer[], $14::integer[], $15::text[])
           ON CONFLICT (id) DO UPDATE SET at = excluded.at, kind = excluded.kind, question = excluded.question, question_key = excluded.question_key,
             answered = excluded.answered, reason = excluded.reason, top_passage = excluded.top_passage, latency_ms = excluded.latency_ms,
             user_hash = excluded.user_hash, locale = excluded.locale, source = excluded.source, claims = excluded.claims, addressed = excluded.addressed,
             confidence = excluded.confidence`,
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
            column((e) => e.confidence ?? null),
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
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}
