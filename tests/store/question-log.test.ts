import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { DEFAULT_QUESTION_LOG_OPTIONS, disabledQuestionLog, openQuestionLog, questionKey, type QuestionLog } from '../../src/store/question-log.ts';
import { capturingLogger, entry, expectLockedFileKeepsEntries, rows } from './question-log-support.ts';

let dir: string;
let logs: Array<{ level: number; msg: string }>;
let opened: QuestionLog[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-qlog-'));
  logs = [];
  opened = [];
});
afterEach(() => {
  for (const l of opened) l.close();
  rmSync(dir, { recursive: true, force: true });
});

const logger = () => capturingLogger(logs);

/** Writes after the current turn (batchMs 0), so a test waits on setImmediate; batching has its own test. */
function open(path: string, salt: string | null = null): QuestionLog {
  const log = openQuestionLog({ path, salt, logger: logger(), batchMs: 0 });
  opened.push(log);
  return log;
}

/** Resolves after the turn in which the log writes its queue (it writes on setImmediate). */
const afterWrite = () => new Promise((r) => setImmediate(() => setImmediate(r)));

describe('question log', () => {
  it('creates the file and its folder on first use, not before', async () => {
    const path = join(dir, 'nested', 'deeper', 'log.db');
    const log = open(path);
    expect(() => new Database(path, { readonly: true, fileMustExist: true })).toThrow();
    log.record(entry());
    await afterWrite();
    expect(rows(path, 'SELECT count(*) AS n FROM questions')[0]!.n).toBe(1);
  });

  it('writes after the current turn, so recording costs the reply nothing but a queue push', () => {
    const path = join(dir, 'log.db');
    const log = open(path);
    log.record(entry());
    // Still this turn: nothing on disk yet (the file is not even created).
    expect(() => new Database(path, { readonly: true, fileMustExist: true })).toThrow();
    expect(log.flush()).toBe(true);
    expect(rows(path, 'SELECT count(*) AS n FROM questions')[0]!.n).toBe(1);
  });

  it('by default gathers the entries of batchMs into one write', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const path = join(dir, 'log.db');
      const log = openQuestionLog({ path, salt: null, logger: logger() });
      opened.push(log);
      log.record(entry());
      vi.advanceTimersByTime(DEFAULT_QUESTION_LOG_OPTIONS.batchMs - 1);
      log.record(entry());
      log.vote({ questionId: '1', userId: '2', vote: 1 });
      expect(() => new Database(path, { readonly: true, fileMustExist: true })).toThrow();
      vi.advanceTimersByTime(1);
      expect(rows(path, 'SELECT count(*) AS n FROM questions')[0]!.n).toBe(2);
      expect(rows(path, 'SELECT count(*) AS n FROM votes')[0]!.n).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stores every field, with the user id only as a salted hash', () => {
    const path = join(dir, 'log.db');
    const log = open(path);
    const e = entry({ kind: 'check', answered: false, reason: 'weak-match', topPassage: null, claims: 3, addressed: 0, locale: 'fr', source: 'gateway' });
    log.record(e);
    log.flush();
    const [row] = rows(path, 'SELECT * FROM questions');
    expect(row).toMatchObject({
      id: e.id,
      kind: 'check',
      question: e.question,
      question_key: questionKey(e.question),
      answered: 0,
      reason: 'weak-match',
      top_passage: null,
      latency_ms: e.latencyMs,
      locale: 'fr',
      source: 'gateway',
      claims: 3,
      addressed: 0,
    });
    expect(row!.user_hash).toMatch(/^[0-9a-f]{64}$/);
    // The raw id appears nowhere in the file's rows.
    const everything = JSON.stringify([...rows(path, 'SELECT * FROM questions'), ...rows(path, 'SELECT * FROM votes')]);
    expect(everything).not.toContain(e.userId);
  });

  it("stores an answer's confidence, and adds the column to a log written before answers had one", () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE questions (id TEXT PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, question TEXT NOT NULL, question_key TEXT NOT NULL,
      answered INTEGER NOT NULL, reason TEXT, top_passage TEXT, latency_ms REAL NOT NULL, user_hash TEXT NOT NULL, locale TEXT, source TEXT,
      claims INTEGER, addressed INTEGER)`);
    old.prepare(`INSERT INTO questions VALUES ('1', '2026-01-06T10:00:00.000Z', 'ask', 'q', 'q', 1, NULL, NULL, 1, 'h', NULL, NULL, NULL, NULL)`).run();
    old.close();
    const log = open(path);
    log.record(entry({ id: '2', confidence: 'low' }));
    log.record(entry({ id: '3', confidence: 'high' }));
    log.record(entry({ id: '4', answered: false, reason: 'weak-match', confidence: null }));
    log.flush();
    expect(rows(path, 'SELECT id, confidence FROM questions ORDER BY id')).toEqual([
      { id: '1', confidence: null },
      { id: '2', confidence: 'low' },
      { id: '3', confidence: 'high' },
      { id: '4', confidence: null },
    ]);
  });

  it('uses WAL mode and keeps a random salt in the meta table, the same across reopenings', () => {
    const path = join(dir, 'log.db');
    const first = open(path);
    first.record(entry({ id: '1' }));
    first.close();
    const second = open(path);
    second.record(entry({ id: '2' }));
    second.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const [salt] = rows(path, "SELECT value FROM meta WHERE key = 'salt'");
    expect(String(salt!.value)).toMatch(/^[0-9a-f]{64}$/);
    const hashes = rows(path, 'SELECT user_hash FROM questions ORDER BY id').map((r) => r.user_hash);
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('hashes with the configured salt when there is one: another salt, another hash', () => {
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    for (const [path, salt] of [[a, 'salt-one'], [b, 'salt-two']] as const) {
      const log = open(path, salt);
      log.record(entry({ id: '1' }));
      log.close();
    }
    expect(rows(a, 'SELECT user_hash FROM questions')[0]!.user_hash).not.toBe(rows(b, 'SELECT user_hash FROM questions')[0]!.user_hash);
  });

  it('keeps one vote per user and answer: a later vote replaces the earlier one', () => {
    const path = join(dir, 'log.db');
    const log = open(path);
    log.record(entry({ id: '42' }));
    log.vote({ questionId: '42', userId: 'u1', vote: 1 });
    log.vote({ questionId: '42', userId: 'u1', vote: -1 });
    log.vote({ questionId: '42', userId: 'u2', vote: 1 });
    log.flush();
    expect(rows(path, 'SELECT vote FROM votes ORDER BY vote').map((r) => r.vote)).toEqual([-1, 1]);
  });

  it('writes what is queued when closed (shutdown), and ignores entries after that', () => {
    const path = join(dir, 'log.db');
    const log = open(path);
    log.record(entry({ id: '1' }));
    log.vote({ questionId: '1', userId: 'u1', vote: 1 });
    log.close();
    log.record(entry({ id: '2' }));
    log.close();
    expect(rows(path, 'SELECT id FROM questions').map((r) => r.id)).toEqual(['1']);
    expect(rows(path, 'SELECT count(*) AS n FROM votes')[0]!.n).toBe(1);
  });

  it('an unwritable path is logged once and every later call is a harmless no-op', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const log = open(join(file, 'log.db'));
    for (let i = 0; i < 5; i++) {
      expect(() => log.record(entry())).not.toThrow();
      expect(() => log.vote({ questionId: '1', userId: 'u', vote: -1 })).not.toThrow();
      await afterWrite();
    }
    expect(log.flush()).toBe(false);
    expect(() => log.close()).not.toThrow();
    const errors = logs.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/question log unavailable/);
  });

  it('a file that is not a database is reported like an unwritable path', () => {
    const path = join(dir, 'garbage.db');
    writeFileSync(path, 'x'.repeat(4096));
    const log = open(path);
    log.record(entry());
    expect(log.flush()).toBe(false);
    expect(logs.filter((l) => l.level >= 50)).toHaveLength(1);
  });

  it('while another process holds the lock, keeps the entries, warns once, and writes them once the lock is gone', () => {
    const path = join(dir, 'log.db');
    expectLockedFileKeepsEntries(open(path), path, logs);
  });

  it('retries a failed write on a short timer, without waiting for the next entry', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const path = join(dir, 'log.db');
      const log = open(path);
      log.record(entry({ id: 'first' }));
      log.flush();
      const other = new Database(path);
      other.exec('BEGIN EXCLUSIVE');
      log.record(entry({ id: 'waits' }));
      expect(log.flush()).toBe(false);
      other.exec('COMMIT');
      other.close();
      // Nothing else is recorded: the retry timer alone writes the entry.
      vi.advanceTimersByTime(DEFAULT_QUESTION_LOG_OPTIONS.retryMs);
      expect(rows(path, 'SELECT id FROM questions ORDER BY id').map((r) => r.id)).toEqual(['first', 'waits']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('bounds the queue while the file is locked: the oldest entries go first', () => {
    const path = join(dir, 'log.db');
    const log = openQuestionLog({ path, logger: logger(), maxQueued: 3 });
    opened.push(log);
    log.record(entry({ id: '0' }));
    log.flush();
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    for (const id of ['1', '2', '3', '4', '5']) log.record(entry({ id }));
    log.flush();
    other.exec('ROLLBACK');
    other.close();
    log.flush();
    expect(rows(path, 'SELECT id FROM questions ORDER BY id').map((r) => r.id)).toEqual(['0', '3', '4', '5']);
  });

  it('is a no-op when off', () => {
    const log = disabledQuestionLog();
    expect(log.enabled).toBe(false);
    log.record(entry());
    expect(log.flush()).toBe(true);
  });

  it('groups questions by their words, not their case, spacing or punctuation', () => {
    expect(questionKey('  Who SIGNED the declaration?? ')).toBe(questionKey('who signed the declaration'));
    expect(questionKey('Who signed it?')).not.toBe(questionKey('Who signed the declaration?'));
  });

  it('takes its path and salt from the configuration; QUESTION_LOG=off turns it off', () => {
    const config = loadConfig({ mode: 'cli', env: { QUESTION_LOG: join(dir, 'x.db'), QUESTION_LOG_SALT: 'pepper' }, dotenvPath: false });
    expect([config.questionLog, config.questionLogSalt]).toEqual([join(dir, 'x.db'), 'pepper']);
    expect(loadConfig({ mode: 'cli', env: { QUESTION_LOG: 'off' }, dotenvPath: false }).questionLog).toBeNull();
    expect(loadConfig({ mode: 'cli', env: {}, dotenvPath: false }).questionLogSalt).toBeNull();
  });
});
