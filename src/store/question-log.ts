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
import type { Logger } from '../log.ts';
import { openQuestionFile, type Pending, type QuestionFile } from './question-file.ts';
import { QuestionThread, ThreadWriteError } from './question-thread.ts';

export { hashUser, questionKey, SCHEMA_VERSION } from './question-file.ts';

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
  /**
   * Write from a worker thread (question-thread.ts), so the file's I/O and lock waits never stall the event loop;
   * the servers' choice (question-store.ts). Off: written on the calling thread (tools, tests), as before.
   */
  thread: boolean;
}

export const DEFAULT_QUESTION_LOG_OPTIONS = {
  salt: null,
  busyTimeoutMs: 25,
  maxQueued: 10_000,
  retryMs: 250,
  batchMs: 50,
  thread: false,
} satisfies Partial<QuestionLogOptions>;

/** The log when QUESTION_LOG=off: accepts everything, writes nothing. */
export function disabledQuestionLog(): QuestionLog {
  return { enabled: false, record() {}, vote() {}, flush: () => true, close() {} };
}

export function openQuestionLog(options: Pick<QuestionLogOptions, 'path' | 'logger'> & Partial<QuestionLogOptions>): SqliteQuestionLog {
  const log = new QueuedQuestionLog({ ...DEFAULT_QUESTION_LOG_OPTIONS, ...options });
  return {
    enabled: true,
    // Stamped now, not when written: the queue may wait out a lock.
    record: (entry) => log.enqueue({ type: 'question', entry: { ...entry, at: entry.at ?? new Date() } }),
    vote: (entry) => log.enqueue({ type: 'vote', entry: { ...entry, at: entry.at ?? new Date() } }),
    flush: () => log.safeFlush(),
    close: () => log.close(),
  };
}

/** The queue in front of the file: entries wait for a batch write, and for the next try while the file is locked. */
class QueuedQuestionLog {
  readonly #opts: QuestionLogOptions;
  readonly #log: Logger;
  #queue: Pending[] = [];
  #open: QuestionFile | QuestionThread | null = null;
  /** Set once opening failed: the file is unusable (unwritable folder, not a database), stop trying. */
  #broken = false;
  #closed = false;
  #scheduled: { cancel(): void } | null = null;
  #retry: NodeJS.Timeout | null = null;
  /** True while writes fail (locked): the failure is logged once per streak, not once per entry. */
  #failing = false;

  constructor(opts: QuestionLogOptions) {
    this.#opts = opts;
    this.#log = opts.logger.child({ component: 'question-log', path: opts.path });
  }

  #connect(): QuestionFile | QuestionThread | null {
    if (this.#open || this.#broken) return this.#open;
    try {
      // The thread opens the file on its first write and reports a failure as a broken write.
      this.#open = this.#opts.thread ? new QuestionThread(this.#opts.path, this.#opts.salt, this.#opts.busyTimeoutMs) : openQuestionFile(this.#opts.path, this.#opts.salt, this.#opts.busyTimeoutMs);
      this.#log.info({ thread: this.#opts.thread }, 'question log opened');
      return this.#open;
    } catch (error) {
      this.#unavailable(error);
      return null;
    }
  }

  #unavailable(error: unknown): void {
    this.#broken = true;
    this.#queue = [];
    this.#log.error({ err: error }, 'question log unavailable: questions will not be recorded (the bot keeps answering)');
  }

  /** `fromBatch`: the batch timer's write, which a writer thread answers later (explicit flushes wait for it). */
  #flush(fromBatch = false): boolean {
    this.#scheduled?.cancel();
    this.#scheduled = null;
    const thread = this.#open instanceof QuestionThread ? this.#open : null;
    // One batch in flight at a time: its answer schedules the next, so a failed batch is retried before newer ones.
    if (thread && fromBatch && thread.inFlight) return true;
    // An explicit flush first takes the answers to what is in flight (a failed batch goes back to the queue's front).
    if (thread && !fromBatch) thread.settle();
    if (this.#broken) return false;
    if (this.#queue.length === 0) return true;
    const target = this.#connect();
    if (!target) return false;
    const batch = this.#queue;
    this.#queue = [];
    if (target instanceof QuestionThread && fromBatch) {
      target.send(batch, (error) => {
        this.#written(batch, error);
        if (this.#queue.length > 0 && !this.#broken) this.#scheduled ??= later(this.#opts.batchMs, () => this.#safely(true));
      });
      return true;
    }
    try {
      target.write(batch);
    } catch (error) {
      return this.#written(batch, error);
    }
    return this.#written(batch, null);
  }

  /** What a write came to: the failure streak ends, or the entries wait for a later try (or the file is unusable). */
  #written(batch: Pending[], error: unknown): boolean {
    if (!error) {
      if (this.#failing) this.#log.info('question log writable again');
      this.#failing = false;
      return true;
    }
    if (error instanceof ThreadWriteError && error.broken) {
      this.#unavailable(error);
      return false;
    }
    // Locked or read-only: keep the entries for the next try, bounded so a long outage cannot eat memory.
    this.#queue = [...batch, ...this.#queue].slice(-this.#opts.maxQueued);
    if (!this.#failing) this.#log.warn({ err: error, queued: this.#queue.length }, 'question log write failed: entries kept for a later try');
    this.#failing = true;
    // Unref'd: a pending retry never keeps the process alive; close() writes (or reports) what is left. A writer
    // thread retries in the background; on the calling thread the retry is a flush.
    this.#retry ??= setTimeout(() => {
      this.#retry = null;
      this.#safely(this.#open instanceof QuestionThread);
    }, this.#opts.retryMs).unref();
    return false;
  }

  enqueue(item: Pending): void {
    if (this.#closed || this.#broken) return;
    this.#queue.push(item);
    if (this.#queue.length > this.#opts.maxQueued) this.#queue.shift();
    // After the reply: the write is done once the current turn (which sends the reply) is over, or batchMs later.
    this.#scheduled ??= later(this.#opts.batchMs, () => this.#safely(true));
  }

  safeFlush(): boolean {
    return this.#safely(false);
  }

  #safely(fromBatch: boolean): boolean {
    try {
      return this.#flush(fromBatch);
    } catch (error) {
      this.#log.error({ err: error }, 'question log flush failed');
      return false;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.safeFlush();
    this.#closed = true;
    this.#scheduled?.cancel();
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    if (this.#queue.length) this.#log.warn({ lost: this.#queue.length }, 'question log closed with entries it could not write');
    try {
      if (this.#open instanceof QuestionThread) this.#open.close();
      else this.#open?.db.close();
    } catch (error) {
      this.#log.error({ err: error }, 'question log close failed');
    }
    this.#open = null;
  }
}

function later(ms: number, run: () => void): { cancel(): void } {
  if (ms <= 0) {
    const immediate = setImmediate(run);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timer = setTimeout(run, ms);
  return { cancel: () => clearTimeout(timer) };
}

