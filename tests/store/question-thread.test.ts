// The question log written from a worker thread, as the servers run it (src/store/question-thread.ts): batches
// reach the file without blocking the caller, flush() and close() still mean "on disk when they return".
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openQuestionLog, type QuestionLog } from '../../src/store/question-log.ts';
import { capturingLogger, entry, expectLockedFileKeepsEntries, rows } from './question-log-support.ts';

let dir: string;
let logs: Array<{ level: number; msg: string }>;
let opened: QuestionLog[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-qthread-'));
  logs = [];
  opened = [];
});
afterEach(() => {
  for (const l of opened) l.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('written from a worker thread (the servers)', () => {
  function openThreaded(path: string): QuestionLog {
    const log = openQuestionLog({ path, salt: null, logger: capturingLogger(logs), thread: true, batchMs: 0 });
    opened.push(log);
    return log;
  }

  it('writes each batch from the thread without a flush, and flush() returns once all is on disk', async () => {
    const path = join(dir, 'log.db');
    const log = openThreaded(path);
    log.record(entry({ id: '1' }));
    await vi.waitFor(() => expect(rows(path, 'SELECT id FROM questions').map((r) => r.id)).toEqual(['1']), { timeout: 30_000, interval: 20 });
    log.record(entry({ id: '2' }));
    log.vote({ questionId: '1', userId: '2', vote: -1 });
    expect(log.flush()).toBe(true);
    expect(rows(path, 'SELECT id FROM questions ORDER BY id').map((r) => r.id)).toEqual(['1', '2']);
    expect(rows(path, 'SELECT vote FROM votes')).toEqual([{ vote: -1 }]);
  });

  it('close() writes what is queued, closes the file (its WAL removed) and ends the thread', () => {
    const path = join(dir, 'log.db');
    const log = openThreaded(path);
    log.record(entry({ id: '1' }));
    log.record(entry({ id: '2' }));
    log.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(rows(path, 'SELECT count(*) AS n FROM questions')[0]!.n).toBe(2);
  });

  it('while another process holds the lock, keeps the entries, warns once, and writes them once the lock is gone', () => {
    const path = join(dir, 'log.db');
    expectLockedFileKeepsEntries(openThreaded(path), path, logs);
  });

  it('a file that cannot be opened is reported once, and every later call is a harmless no-op', () => {
    const path = join(dir, 'not-a-db');
    writeFileSync(path, 'plain text, not SQLite');
    const log = openThreaded(path);
    log.record(entry());
    expect(log.flush()).toBe(false);
    log.record(entry());
    expect(log.flush()).toBe(false);
    expect(logs.filter((l) => l.level >= 50)).toHaveLength(1);
  });
});
