// The SQLite file behind the question log: its schema, opening it (WAL, the salt kept in the file), and one
// transaction writing a batch of entries and votes. The queue in front of it is question-log.ts.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { QuestionEntry, VoteEntry } from './question-log.ts';

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

export type Pending = { type: 'question'; entry: QuestionEntry } | { type: 'vote'; entry: VoteEntry };

export interface QuestionFile {
  db: Database.Database;
  /** One transaction; throws when it cannot be written (locked past the busy timeout, read-only). */
  write: (items: Pending[]) => void;
}

/** Opens (creating it and its folder if need be) the log file; throws when it cannot be used. */
export function openQuestionFile(path: string, salt: string | null, busyTimeoutMs: number): QuestionFile {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    addConfidence(db);
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema_version', SCHEMA_VERSION);
    // INSERT OR IGNORE then read back: two processes opening a new file at once agree on one salt.
    db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('salt', randomBytes(32).toString('hex'));
    const userSalt = salt ?? (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('salt') as string);
    return { db, write: writer(db, hashOncePerUser((userId) => hashUser(userSalt, userId))) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A log written before answers had a confidence gains the column (NULL for its old rows). */
function addConfidence(db: Database.Database): void {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('questions') as string[];
  if (!columns.includes('confidence')) db.exec('ALTER TABLE questions ADD COLUMN confidence TEXT');
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
