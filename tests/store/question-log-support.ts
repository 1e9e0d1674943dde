// What the question-log suites share: a log capture, an entry, and a read-only query of the file.
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { createLogger } from '../../src/log.ts';
import { expect } from 'vitest';
import type { QuestionEntry, QuestionLog } from '../../src/store/question-log.ts';

/** A logger whose lines (parsed) are pushed onto `logs`. */
export function capturingLogger(logs: Array<{ level: number; msg: string }>) {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  return createLogger('info', sink);
}

export const entry = (over: Partial<QuestionEntry> = {}): QuestionEntry => ({
  id: String(1000 + Math.floor(Math.random() * 1e9)),
  kind: 'ask',
  question: 'Who signed the declaration?',
  answered: true,
  reason: null,
  topPassage: 'uk-france-pact#1',
  latencyMs: 1.5,
  userId: '111111111111111111',
  ...over,
});

export const rows = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
};

/**
 * While another process holds the file's lock the log keeps its entries and warns once; once the lock is gone
 * a flush writes them all. The same specification for a log written inline and one written from a thread.
 */
export function expectLockedFileKeepsEntries(log: QuestionLog, path: string, logs: Array<{ level: number }>): void {
  log.record(entry({ id: '1' }));
  expect(log.flush()).toBe(true); // creates the file
  const other = new Database(path);
  other.exec('BEGIN EXCLUSIVE');
  log.record(entry({ id: '2' }));
  expect(log.flush()).toBe(false);
  log.record(entry({ id: '3' }));
  expect(log.flush()).toBe(false);
  expect(logs.filter((l) => l.level === 40)).toHaveLength(1);
  other.exec('ROLLBACK');
  other.close();
  expect(log.flush()).toBe(true);
  expect(rows(path, 'SELECT id FROM questions ORDER BY id').map((r) => r.id)).toEqual(['1', '2', '3']);
}
