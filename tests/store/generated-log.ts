// A generated question log: any number of entries over a span of days, written through the real question log
// (so the schema is the one the bot writes), with a fixed seed so counts are reproducible. Used by the
// aggregation tests, the browser tests and `npm run bench:dashboard`.
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/log.ts';
import { openQuestionLog, type QuestionEntry } from '../../src/store/question-log.ts';

export interface GeneratedLogOptions {
  path: string;
  entries: number;
  /** Entries are spread evenly over this many days before `now`. */
  days: number;
  now: Date;
  seed: number;
  /** Add the answer engine's `confidence` column ('high' | 'low' on answered entries). */
  confidence: boolean;
  /** Share of questions made unique (a long tail of one-off wordings, as real logs have). */
  uniqueShare: number;
}

/** Bumped whenever what a seed generates changes: files kept by the benchmark are named with it. */
export const GENERATED_LOG_VERSION = 3;

export const DEFAULT_GENERATED_LOG = { entries: 1_000, days: 60, now: new Date('2026-11-30T12:00:00.000Z'), seed: 1, confidence: false, uniqueShare: 0.05 };

/** Questions the article answers, and ones it does not: the declined ones come in several wordings. */
export const ANSWERED = [
  'Who signed the declaration?',
  'What will the UK contribute?',
  'When was the pact signed?',
  'Where did the leaders meet?',
  'What did Zelensky say?',
  'What are the security guarantees?',
];
export const DECLINED = [
  ['Is Germany sending troops?', 'Will Germany send troops?', 'is germany sending any troops'],
  ['What does the pact cost?', 'How much does the pact cost?'],
  ['When will the troops deploy?', 'When do troops deploy?'],
  ["What is Russia's reaction?"],
  ['Does Parliament have to vote on it?', 'Will parliament vote on the deployment?'],
  ['Who won the football?'],
];
const SOURCES = ['gateway', 'http', 'console'] as const;
/** Passages of the real article cited by generated answers (it has 15). */
const PASSAGES = 12;
/** Writes per transaction: the real log's queue is bounded, so it is flushed in batches. */
const BATCH = 5_000;

/** Park–Miller: small, seedable, good enough to spread test data. */
function random(seed: number): () => number {
  let s = seed % 2_147_483_647 || 1;
  return () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
}

export function generateLog(options: Pick<GeneratedLogOptions, 'path'> & Partial<GeneratedLogOptions>): void {
  const opts = { ...DEFAULT_GENERATED_LOG, ...options };
  const rand = random(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const log = openQuestionLog({ path: opts.path, logger: silentLogger(), maxQueued: BATCH * 2 });
  const span = opts.days * 86_400_000;
  for (let i = 0; i < opts.entries; i++) {
    const answered = rand() < 0.7;
    const lowConfidence = answered && rand() < 0.2;
    const question = answered ? pick(ANSWERED) : pick(pick(DECLINED));
    const id = `g${i}`;
    const entry: QuestionEntry = {
      id,
      kind: rand() < 0.9 ? 'ask' : 'check',
      question: rand() < opts.uniqueShare ? `${question} (${i})` : question,
      answered,
      reason: answered ? null : 'weak-match',
      confidence: answered ? (lowConfidence ? 'low' : 'high') : null,
      topPassage: answered ? `uk-france-pact#${1 + Math.floor(rand() * PASSAGES)}` : null,
      latencyMs: Math.round((1 + rand() * rand() * 40) * 100) / 100,
      userId: `user-${Math.floor(rand() * 500)}`,
      source: pick(SOURCES),
      at: new Date(opts.now.getTime() - Math.floor((i / opts.entries) * span)),
    };
    log.record(entry);
    if (answered && rand() < 0.1) log.vote({ questionId: id, userId: `voter-${i % 7}`, vote: rand() < 0.6 ? 1 : -1, at: entry.at! });
    if (i % BATCH === BATCH - 1) log.flush();
  }
  log.close();
  if (!opts.confidence) dropConfidence(opts.path);
}

/** A log as written before answers had a confidence: the table without that column. */
function dropConfidence(path: string): void {
  const db = new Database(path);
  try {
    db.exec('ALTER TABLE questions DROP COLUMN confidence');
  } finally {
    db.close();
  }
}
