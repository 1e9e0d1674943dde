import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { openDashboardStats, openDashboardStatsInBackground, type DashboardSource, type Period } from '../../src/store/dashboard-stats.ts';
import { hoursBetween, periodBounds } from '../../src/store/dashboard-period.ts';
import { openQuestionLog, questionKey } from '../../src/store/question-log.ts';
import { DEFAULT_GENERATED_LOG, generateLog } from './generated-log.ts';

let dir: string;
let path: string;
let opened: DashboardSource[];
const now = DEFAULT_GENERATED_LOG.now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-dash-'));
  path = join(dir, 'log.db');
  opened = [];
});
afterEach(() => {
  for (const s of opened) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const open = (p = path) => {
  const s = openDashboardStats(p);
  opened.push(s);
  return s;
};

interface Row {
  id: string;
  at: string;
  kind: string;
  question_key: string;
  answered: number;
  latency_ms: number;
  source: string | null;
  top_passage: string | null;
  confidence?: string | null;
}

/** The same figures computed the slow, obvious way from every row: what the SQL must agree with. */
function expected(period: Period) {
  const db = new Database(path, { readonly: true });
  const since = period === 'all' ? '' : `${periodBounds(period, now).sinceHour}:00:00.000Z`;
  const rows = (db.prepare('SELECT * FROM questions').all() as Row[]).filter((r) => r.at >= since);
  const votes = (db.prepare('SELECT * FROM votes').all() as Array<{ question_id: string; vote: number; at: string }>).filter((v) => v.at >= since);
  db.close();
  const count = (keep: (r: Row) => boolean) => rows.filter(keep).length;
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(r.question_key, (byKey.get(r.question_key) ?? 0) + 1);
  return {
    rows,
    questions: rows.length,
    answered: count((r) => r.answered === 1),
    declined: count((r) => r.answered === 0),
    low: count((r) => r.answered === 1 && r.confidence === 'low'),
    up: votes.filter((v) => v.vote === 1).length,
    down: votes.filter((v) => v.vote === -1).length,
    topCount: Math.max(...byKey.values()),
  };
}

describe('dashboard aggregations on a generated log', () => {
  beforeEach(() => generateLog({ path, entries: 3_000, days: 40 }));

  it.each(['24h', '7d', '30d', 'all'] as const)('totals and hourly counts for %s agree with the rows themselves', async (period) => {
    const stats = await open().stats(period, now);
    const want = expected(period);
    expect(want.questions).toBeGreaterThan(0);
    expect(stats.totals).toMatchObject({ questions: want.questions, answered: want.answered, declined: want.declined, up: want.up, down: want.down });
    expect(stats.hasConfidence).toBe(false);
    expect(stats.totals.lowConfidence).toBeNull();
    const sum = stats.hours.reduce((n, h) => n + h.answered + h.declined + h.lowConfidence, 0);
    expect(sum).toBe(want.questions);
    expect(stats.mostAsked[0]!.count).toBe(want.topCount);
  });

  it('starts a period at a whole hour: the last 24 hours are this hour and the 23 before it', async () => {
    const stats = await open().stats('24h', now);
    expect(stats.since).toBe('2026-11-29T13:00:00.000Z');
    expect(stats.hours.every((h) => h.hour >= '2026-11-29T13' && h.hour <= '2026-11-30T12')).toBe(true);
    expect(hoursBetween('2026-11-29T13', now)).toHaveLength(24);
  });

  it('lists the most asked first, each under its latest wording, with how often it was answered', async () => {
    const stats = await open().stats('all', now);
    const counts = stats.mostAsked.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const rows = expected('all').rows;
    for (const r of stats.mostAsked) {
      const same = rows.filter((x) => x.question_key === questionKey(r.question));
      expect(same).toHaveLength(r.count);
      expect(same.filter((x) => x.answered === 1)).toHaveLength(r.answered);
    }
  });

  it('lists declined wordings only, with their decline reason', async () => {
    const stats = await open().stats('30d', now);
    expect(stats.declined.length).toBeGreaterThan(0);
    const rows = expected('30d').rows;
    for (const d of stats.declined) {
      expect(d.reason).toBe('weak-match');
      expect(rows.filter((x) => x.question_key === questionKey(d.question) && x.answered === 0)).toHaveLength(d.count);
    }
  });

  it('gives exact nearest-rank latency percentiles per front end and command', async () => {
    const stats = await open().stats('all', now);
    const rows = expected('all').rows;
    expect(stats.latency.map((l) => `${l.source}/${l.kind}`).sort()).toEqual(
      [...new Set(rows.map((r) => `${r.source}/${r.kind}`))].sort(),
    );
    for (const l of stats.latency) {
      const ms = rows.filter((r) => r.source === l.source && r.kind === l.kind).map((r) => r.latency_ms).sort((a, b) => a - b);
      const rank = (p: number) => ms[Math.ceil((p / 100) * ms.length) - 1];
      expect(l).toMatchObject({ count: ms.length, p50: rank(50), p90: rank(90), p99: rank(99), max: ms.at(-1) });
    }
  });

  it('rates answers by votes, worst net rating first, with the passage given', async () => {
    const stats = await open().stats('all', now);
    expect(stats.rated.length).toBeGreaterThan(0);
    const net = stats.rated.map((r) => r.down - r.up);
    expect(net).toEqual([...net].sort((a, b) => b - a));
    expect(stats.rated.every((r) => r.topPassage?.startsWith('uk-france-pact#'))).toBe(true);
  });
});

describe('dashboard aggregations, by hand', () => {
  const record = (entries: Array<{ q: string; answered: boolean; at: string; latency?: number; confidence?: 'high' | 'low' }>) => {
    const log = openQuestionLog({ path, logger: silentLogger() });
    entries.forEach((e, i) =>
      log.record({
        id: `i${i}`,
        kind: 'ask',
        question: e.q,
        answered: e.answered,
        reason: e.answered ? null : 'no-match',
        confidence: e.answered ? (e.confidence ?? 'high') : null,
        topPassage: null,
        latencyMs: e.latency ?? 1,
        userId: 'u',
        source: 'http',
        at: new Date(e.at),
      }),
    );
    log.close();
  };
  /** A log as written before answers had a confidence: the same table without the column. */
  const withoutConfidence = () => {
    const db = new Database(path);
    db.exec('ALTER TABLE questions DROP COLUMN confidence');
    db.close();
  };

  it('counts low-confidence answers apart when the log records confidence', async () => {
    record([
      { q: 'a', answered: true, at: '2026-11-30T10:05:00Z' },
      { q: 'b', answered: true, at: '2026-11-30T10:06:00Z', confidence: 'low' },
      { q: 'c', answered: false, at: '2026-11-30T11:00:00Z' },
    ]);
    const stats = await open().stats('24h', now);
    expect(stats.hasConfidence).toBe(true);
    expect(stats.totals).toMatchObject({ questions: 3, answered: 2, declined: 1, lowConfidence: 1 });
    expect(stats.hours).toEqual([
      { hour: '2026-11-30T10', answered: 1, declined: 0, lowConfidence: 1 },
      { hour: '2026-11-30T11', answered: 0, declined: 1, lowConfidence: 0 },
    ]);
  });

  it('notices a confidence column added while it is open', async () => {
    record([{ q: 'a', answered: true, at: '2026-11-30T10:05:00Z' }]);
    withoutConfidence();
    const source = open();
    expect((await source.stats('24h', now)).hasConfidence).toBe(false);
    const db = new Database(path);
    db.exec(`ALTER TABLE questions ADD COLUMN confidence TEXT; UPDATE questions SET confidence = 'low'`);
    db.close();
    const stats = await source.stats('24h', now);
    expect(stats.hasConfidence).toBe(true);
    expect(stats.totals.lowConfidence).toBe(1);
  });

  it('leaves out what was asked before the period', async () => {
    record([
      { q: 'old', answered: true, at: '2026-11-29T12:59:59Z' },
      { q: 'new', answered: true, at: '2026-11-29T13:00:00Z' },
    ]);
    const stats = await open().stats('24h', now);
    expect(stats.mostAsked.map((r) => r.question)).toEqual(['new']);
    expect((await open().stats('all', now)).totals.questions).toBe(2);
  });

  it('builds its indexes in a worker thread when opened in the background, then reads the same figures', async () => {
    record([{ q: 'a', answered: true, at: '2026-11-30T10:05:00Z' }]);
    const indexes = () => {
      const db = new Database(path, { readonly: true });
      const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'dashboard_%'`).pluck().all();
      db.close();
      return names;
    };
    expect(indexes()).toEqual([]);
    const source = await openDashboardStatsInBackground(path);
    opened.push(source);
    expect(indexes().length).toBeGreaterThanOrEqual(7);
    expect((await source.stats('24h', now)).totals.questions).toBe(1);
  });

  it('refuses a file that is not a question log', async () => {
    await expect(openDashboardStatsInBackground(join(dir, 'missing.db'))).rejects.toThrow();
    const other = join(dir, 'other.db');
    writeFileSync(other, '');
    expect(() => openDashboardStats(other)).toThrow(/not a question log/);
    await expect(openDashboardStatsInBackground(other)).rejects.toThrow(/not a question log/);
    expect(() => openDashboardStats(join(dir, 'missing.db'))).toThrow();
  });
});
