// The question log's writer thread (started by question-thread.ts): owns the SQLite connection, so a batch
// write, a wait on another process's lock or a WAL checkpoint's fsync stalls this thread, never the event loop
// that answers Discord. Requests are answered in order; each answer is posted on the port, then the shared
// counter is set to its sequence number, so a main thread blocked in Atomics.wait (flush, close) can read it.
import { workerData, type MessagePort } from 'node:worker_threads';
import { openQuestionFile, type Pending, type QuestionFile } from './question-file.ts';

export type ThreadRequest = { seq: number; type: 'write'; items: Pending[] } | { seq: number; type: 'close' };
export type ThreadReply = { seq: number; ok: true } | { seq: number; ok: false; broken: boolean; message: string; code?: string };

interface ThreadData {
  path: string;
  salt: string | null;
  busyTimeoutMs: number;
  /** Int32Array over a SharedArrayBuffer: [0] is the last sequence number answered. */
  answered: Int32Array;
  port: MessagePort;
}

const { path, salt, busyTimeoutMs, answered, port } = workerData as ThreadData;
let file: QuestionFile | null = null;
/** Why the file cannot be used (opening failed): every later write is refused at once with it. */
let broken: { message: string; code?: string } | null = null;

function failure(seq: number, error: unknown, isBroken: boolean): ThreadReply {
  const code = (error as { code?: unknown } | null)?.code;
  return { seq, ok: false, broken: isBroken, message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

function handle(request: ThreadRequest): ThreadReply {
  if (request.type === 'close') {
    file?.db.close();
    file = null;
    return { seq: request.seq, ok: true };
  }
  if (broken) return { seq: request.seq, ok: false, broken: true, ...broken };
  try {
    file ??= openQuestionFile(path, salt, busyTimeoutMs);
  } catch (error) {
    const reply = failure(request.seq, error, true);
    broken = { message: reply.ok ? '' : reply.message };
    return reply;
  }
  try {
    file.write(request.items);
    return { seq: request.seq, ok: true };
  } catch (error) {
    return failure(request.seq, error, false);
  }
}

port.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = handle(request);
  } catch (error) {
    reply = failure(request.seq, error, false);
  }
  port.postMessage(reply);
  Atomics.store(answered, 0, request.seq);
  Atomics.notify(answered, 0);
});
