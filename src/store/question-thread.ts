// The question log's SQLite file behind a worker thread (question-thread-entry.ts), for the servers: measured
// under load, a batch write on the event loop usually takes 0.5 ms but now and then 20–60 ms (the commit's and
// the WAL checkpoint's file I/O, or waiting out another worker's lock), and every request in flight waited
// for it. The batch timer's writes are sent and answered asynchronously, one at a time (so a failed batch is
// retried before anything newer is written); flush() and close() block until the thread has answered, so
// they keep their synchronous meaning (everything queued is on disk when they return).
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Pending } from './question-file.ts';
import type { ThreadReply, ThreadRequest } from './question-thread-entry.ts';

/** Registers tsx in the thread, then imports the entry (a worker does not inherit the parent's --import tsx). */
const BOOT = new URL('../core/corpus-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./question-thread-entry.ts', import.meta.url).href;

/** How long flush() and close() wait for the thread (its start-up included) before giving up on it. */
export const THREAD_ANSWER_TIMEOUT_MS = 10_000;

/** A write the thread refused; `broken`: the file cannot be used at all (opening failed). */
export class ThreadWriteError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly broken: boolean,
  ) {
    super(message);
  }
}

export class QuestionThread {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #answered = new Int32Array(new SharedArrayBuffer(4));
  readonly #waiting = new Map<number, (error: ThreadWriteError | null) => void>();
  #seq = 0;
  /** Set when the thread died or could not start: every write fails with it. */
  #dead: ThreadWriteError | null = null;

  constructor(path: string, salt: string | null, busyTimeoutMs: number) {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = new Worker(BOOT, { workerData: { entry: ENTRY, path, salt, busyTimeoutMs, answered: this.#answered, port: port2 }, transferList: [port2] });
    // Neither the thread nor its port keeps the process alive: close() is what ends them.
    this.#worker.unref();
    this.#port.unref();
    this.#port.on('message', (reply: ThreadReply) => this.#deliver(reply));
    const die = (error: ThreadWriteError) => {
      this.#dead ??= error;
      for (const done of this.#waiting.values()) done(this.#dead);
      this.#waiting.clear();
    };
    this.#worker.on('error', (error) => die(new ThreadWriteError(`question log thread failed: ${error.message}`, undefined, true)));
    this.#worker.on('exit', (code) => die(new ThreadWriteError(`question log thread exited (code ${code})`, undefined, true)));
  }

  /** Whether a write is still unanswered. */
  get inFlight(): boolean {
    return this.#waiting.size > 0;
  }

  /** Sends a batch; `done` is called once it is written (null) or refused, never within this call. */
  send(items: Pending[], done: (error: ThreadWriteError | null) => void): void {
    this.#request({ seq: 0, type: 'write', items }, done);
  }

  /** Blocks until every request sent so far is answered (their callbacks run), or the timeout passes. */
  settle(timeoutMs = THREAD_ANSWER_TIMEOUT_MS): void {
    const until = Date.now() + timeoutMs;
    for (let seen = Atomics.load(this.#answered, 0); seen < this.#seq && !this.#dead; seen = Atomics.load(this.#answered, 0)) {
      const left = until - Date.now();
      if (left <= 0) break;
      Atomics.wait(this.#answered, 0, seen, left);
    }
    for (let m = receiveMessageOnPort(this.#port); m; m = receiveMessageOnPort(this.#port)) this.#deliver(m.message as ThreadReply);
  }

  /** Writes a batch and waits for it, like QuestionFile.write: throws when it was not written. */
  write(items: Pending[]): void {
    let outcome: ThreadWriteError | null | undefined;
    this.send(items, (error) => (outcome = error));
    this.settle();
    if (outcome === undefined) throw new ThreadWriteError('question log thread did not answer in time', undefined, false);
    if (outcome) throw outcome;
  }

  /** Closes the file (its WAL is checkpointed and removed) and ends the thread. */
  close(): void {
    if (!this.#dead) {
      this.#request({ seq: 0, type: 'close' }, () => undefined);
      this.settle();
    }
    void this.#worker.terminate();
  }

  #request(request: ThreadRequest, done: (error: ThreadWriteError | null) => void): void {
    if (this.#dead) {
      const dead = this.#dead;
      queueMicrotask(() => done(dead));
      return;
    }
    const seq = ++this.#seq;
    this.#waiting.set(seq, done);
    this.#port.postMessage({ ...request, seq });
  }

  #deliver(reply: ThreadReply): void {
    const done = this.#waiting.get(reply.seq);
    if (!done) return;
    this.#waiting.delete(reply.seq);
    done(reply.ok ? null : new ThreadWriteError(reply.message, reply.code, reply.broken));
  }
}
