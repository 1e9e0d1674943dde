// The question log: every /ask and check, and the 👍/👎 votes on the answers, in an embedded SQLite file
// (this module) or in PostgreSQL (postgres-log.ts, same interface; question-store.ts picks one).
// It is what tells an operator which questions the article leaves open. Two rules shape this module:
//  1. It must never delay or break a reply. `record` and `vote` only queue; the queue is written `batchMs`
//     later (after the current turn of the event loop when 0) in one transaction: under load one write carries
//     many entries (a row costs ~39 µs written alone, ~11 µs in a batch). Every database call is wrapped:
//     a failure is logged once and the bot goes on answering.
//  2. Nothing identifies a user: the id is stored only as a keyed SHA-256 (HMAC) with a salt that is either
//     QUESTION_LOG_SALT or a random one kept in the file's meta table.
// The file and its folder are created on first use, in WAL mode, and `close()` writes what is queued.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../log.ts';

export interface QuestionEntry {
  /** The interaction id: unique, and the key the feedback buttons carry. */
  id: string;
  kind: 'ask' | 'check';
  /** The question, or the checked message. */
  question: string;
  answered: boolean;
  /** The decline reason when not answered. */
  reason: string | null;
  /** For an answer: 'low' when it was the closest passage rather than a confident match. */
  confidence?: 'high' | 'low' | null;
  /** Citation key of the top passage, `articleId#paragraph`. */
  topPassage: string | null;
  latencyMs: number;
  /** The raw Discord user id: hashed before it is stored, never written as is. */
  userId: string;
  locale?: string | null;
  /** Which front end answered: gateway, http, console. */
  source?: string | null;
  /** For a check: claims checked and how many the article addresses. */
  claims?: number | null;
  addressed?: number | null;
  at?: Date;
}

export interface VoteEntry {
  /** The interaction id of the answer voted on. */
  questionId: string;
  userId: string;
  vote: 1 | -1;
  at?: Date;
}

export interface QuestionLog {
  /** False when the log is off (QUESTION_LOG=off): callers may skip the feedback buttons. */
  readonly enabled: boolean;
  /** Queues an entry; never throws, never blocks on the disk. */
  record(entry: QuestionEntry): void;
  /** Queues a vote; a user's later vote on the same answer replaces the earlier one. */
  vote(entry: VoteEntry): void;
  /** Writes the queue now. Never throws; returns whether everything queued is stored. */
  flush(): boolean | Promise<boolean>;
  /** Writes the queue and closes the store (shutdown). Later calls are ignored. Never throws. */
  close(): void | Promise<void>;
}

/** The SQLite log writes synchronously. */
export interface SqliteQuestionLog extends QuestionLog {
  flush(): boolean;
  close(): void;
}

export interface QuestionLogOptions {
  /** The SQLite file; its folder is created on first use. */
  path: string;
  /** Salt for the user hash; null: a random one persisted in the file. */
  salt: string | null;
  logger: Logger;
  /**
   * How long a write waits for another process holding the lock (gateway and HTTP server may share the file).
   * better-sqlite3 waits synchronously, so this stays short; a longer lock keeps entries queued for the next try.
   */
  busyTimeoutMs: number;
  /** Entries kept while the file is locked; beyond, the oldest are dropped (bounded memory). */
  maxQueued: number;
  /**
   * After a failed write, the next try comes this soon even if nothing new is recorded, so what waits in the
   * queue (and what a SIGKILL would lose) is bounded in time, not only in count.
   */
  retryMs: number;
  /** How long the first queued entry waits for others to share its write (and what a SIGKILL may lose); 0: next turn. */
  batchMs: number;
}

export const DEFAULT_QUESTION_LOG_OPTIONS = { salt: null, busyTimeoutMs: 25, maxQueued: 10_000, retryMs: 250, batchMs: 50 } satisfies Partial<QuestionLogOptions>;

export const SCHEMA_VERSION = '1';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS questions (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    question TEXT NOT NULL,
    question_key TEXT NOT NULL,
    answered INTEGER NOT NULL,
    reason TEXT,
    confidence TEXT,
    top_passage TEXT,
    latency_ms REAL NOT NULL,
    user_hash TEXT NOT NULL,
    locale TEXT,
    source TEXT,
    claims INTEGER,
    addressed INTEGER
  );
  CREATE INDEX IF NOT EXISTS questions_key ON questions (question_key);
  CREATE TABLE IF NOT EXISTS votes (
    question_id TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    at TEXT NOT NULL,
    PRIMARY KEY (question_id, user_hash)
  );
`;

/** How questions are grouped in the report: case, punctuation and spacing do not make a new question. */
export function questionKey(question: string): string {
  return question.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** How a user is stored in either store: keyed SHA-256 of the Discord id, never the id itself. */
export function hashUser(salt: string, userId: string): string {
  return createHmac('sha256', salt).update(userId).digest('hex');
}

/** The log when QUESTION_LOG=off: accepts everything, writes nothing. */
export function disabledQuestionLog(): QuestionLog {
  return { enabled: false, record() {}, vote() {}, flush: () => true, close() {} };
}

type Pending = { type: 'question'; entry: QuestionEntry } | { type: 'vote'; entry: VoteEntry };

interface Open {
  db: Database.Database;
  write: (items: Pending[]) => void;
}

export function openQuestionLog(options: Pick<QuestionLogOptions, 'path' | 'logger'> & Partial<QuestionLogOptions>): SqliteQuestionLog {
  const opts: QuestionLogOptions = { ...DEFAULT_QUESTION_LOG_OPTIONS, ...options };
  const log = opts.logger.child({ component: 'question-log', path: opts.path });
  let queue: Pending[] = [];
  let open: Open | null = null;
  /** Set once opening failed: the file is unusable (unwritable folder, not a database), stop trying. */
  let broken = false;
  let closed = false;
  let scheduled: { cancel(): void } | null = null;
  let retry: NodeJS.Timeout | null = null;
  /** True while writes fail (locked): the failure is logged once per streak, not once per entry. */
  let failing = false;

  const connect = (): Open | null => {
    if (open || broken) return open;
    try {
      mkdirSync(dirname(opts.path), { recursive: true });
      const db = new Database(opts.path, { timeout: opts.busyTimeoutMs });
      try {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.exec(SCHEMA);
        addConfidence(db);
        db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
        // INSERT OR IGNORE then read back: two processes opening a new file at once agree on one salt.
        db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('salt', randomBytes(32).toString('hex'));
        const salt = opts.salt ?? (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('salt') as string);
        open = { db, write: writer(db, hashOncePerUser((userId) => hashUser(salt, userId))) };
        log.info('question log opened');
        return open;
      } catch (error) {
        db.close();
        throw error;
      }
    } catch (error) {
      broken = true;
      queue = [];
      log.error({ err: error }, 'question log unavailable: questions will not be recorded (the bot keeps answering)');
      return null;
    }
  };

  const flush = (): boolean => {
    scheduled?.cancel();
    scheduled = null;
    if (broken) return false;
    if (queue.length === 0) return true;
    const target = connect();
    if (!target) return false;
    const batch = queue;
    queue = [];
    try {
      target.write(batch);
      if (failing) log.info('question log writable again');
      failing = false;
      return true;
    } catch (error) {
      // Locked or read-only: keep the entries for the next try, bounded so a long outage cannot eat memory.
      queue = [...batch, ...queue].slice(-opts.maxQueued);
      if (!failing) log.warn({ err: error, queued: queue.length }, 'question log write failed: entries kept for a later try');
      failing = true;
      // Unref'd: a pending retry never keeps the process alive; close() writes (or reports) what is left.
      retry ??= setTimeout(() => {
        retry = null;
        safeFlush();
      }, opts.retryMs).unref();
      return false;
    }
  };

  const enqueue = (item: Pending) => {
    if (closed || broken) return;
    queue.push(item);
    if (queue.length > opts.maxQueued) queue.shift();
    // After the reply: the write is done once the current turn (which sends the reply) is over, or batchMs later.
    scheduled ??= later(opts.batchMs, safeFlush);
  };

  const safeFlush = (): boolean => {
    try {
      return flush();
    } catch (error) {
      log.error({ err: error }, 'question log flush failed');
      return false;
    }
  };

  return {
    enabled: true,
    // Stamped now, not when written: the queue may wait out a lock.
    record: (entry) => enqueue({ type: 'question', entry: { ...entry, at: entry.at ?? new Date() } }),
    vote: (entry) => enqueue({ type: 'vote', entry: { ...entry, at: entry.at ?? new Date() } }),
    flush: safeFlush,
    close() {
      if (closed) return;
      safeFlush();
      closed = true;
      scheduled?.cancel();
      if (retry) clearTimeout(retry);
      retry = null;
      if (queue.length) log.warn({ lost: queue.length }, 'question log closed with entries it could not write');
      try {
        open?.db.close();
      } catch (error) {
        log.error({ err: error }, 'question log close failed');
      }
      open = null;
    },
  };
}

/** A log written before answers had a confidence gains the column (NULL for its old rows). */
function addConfidence(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('questions') as string[];
  if (!columns.includes('confidence')) db.exec('ALTER TABLE questions ADD COLUMN confidence TEXT');
}

function later(ms: number, run: () => void): { cancel(): void } {
  if (ms <= 0) {
    const immediate = setImmediate(run);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
}

/** Users remembered by hashOncePerUser before it starts over (a HMAC is a few µs; the map stays small). */
const MAX_HASHED_USERS = 10_000;

/** The same user asks again and again: their HMAC is computed once, not once per entry and vote. */
function hashOncePerUser(hash: (userId: string) => string): (userId: string) => string {
  const known = new Map<string, string>();
  return (userId) => {
    let hashed = known.get(userId);
    if (hashed === undefined) {
      if (known.size >= MAX_HASHED_USERS) known.clear();
      hashed = hash(userId);
      known.set(userId, hashed);
    }
    return hashed;
  };
}

function writer(db: Database.Database, hash: (userId: string) => string): (items: Pending[]) => void {
  const insertQuestion = db.prepare(`
    INSERT OR REPLACE INTO questions
      (id, at, kind, question, question_key, answered, reason, confidence, top_passage, latency_ms, user_hash, locale, source, claims, addressed)
    VALUES (@id, @at, @kind, @question, @key, @answered, @reason, @confidence, @topPassage, @latencyMs, @userHash, @locale, @source, @claims, @addressed)`);
  const upsertVote = db.prepare(`
    INSERT INTO votes (question_id, user_hash, vote, at) VALUES (?, ?, ?, ?)
    ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`);
  return db.transaction((items: Pending[]) => {
    for (const item of items) {
      if (item.type === 'question') {
        const e = item.entry;
        insertQuestion.run({
          id: e.id,
          at: (e.at ?? new Date()).toISOString(),
          kind: e.kind,
          question: e.question,
          key: questionKey(e.question),
          answered: e.answered ? 1 : 0,
          reason: e.reason,
          confidence: e.confidence ?? null,
          topPassage: e.topPassage,
          latencyMs: e.latencyMs,
          userHash: hash(e.userId),
          locale: e.locale ?? null,
          source: e.source ?? null,
          claims: e.claims ?? null,
          addressed: e.addressed ?? null,
        });
      } else {
        const v = item.entry;
        upsertVote.run(v.questionId, hash(v.userId), v.vote, (v.at ?? new Date()).toISOString());
      }
    }
  });
}
