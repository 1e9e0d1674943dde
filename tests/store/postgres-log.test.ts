import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { silentLogger } from '../../src/log.ts';
import { openPostgresQuestionLog, type PostgresQuestionLog } from '../../src/store/postgres-log.ts';
import { MIGRATIONS } from '../../src/store/postgres-schema.ts';
import { hashUser, openQuestionLog, type QuestionEntry } from '../../src/store/question-log.ts';
import { openQuestionLogReader } from '../../src/store/question-store.ts';
import { capturingLogger, describeWithServer, freePort, tcpRelay, uniqueName } from './servers.ts';

let next = 0;
const entry = (question: string, answered: boolean, over: Partial<QuestionEntry> = {}): QuestionEntry => ({
  id: `pg-${++next}`,
  kind: 'ask',
  question,
  answered,
  reason: answered ? null : 'weak-match',
  topPassage: answered ? 'uk-france-pact#3' : null,
  latencyMs: 2,
  userId: `user-${next % 3}`,
  at: new Date(Date.now() - 3_600_000 + next * 1000),
  ...over,
});

describeWithServer('PACTBOT_TEST_POSTGRES_URL', 'the question log in PostgreSQL', (url) => {
  const schemas: string[] = [];
  const opened: PostgresQuestionLog[] = [];
  let admin: pg.Client;
  let dir: string;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    dir = mkdtempSync(join(tmpdir(), 'pactbot-pg-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((l) => l.close()));
  });
  afterAll(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const schema = () => {
    const name = uniqueName('pactbot_test_');
    schemas.push(name);
    return name;
  };
  const open = (options: Partial<Parameters<typeof openPostgresQuestionLog>[0]> & { schema: string }) => {
    const log = openPostgresQuestionLog({ url, logger: silentLogger(), ...options });
    opened.push(log);
    return log;
  };

  it('reports exactly what the SQLite log reports for the same questions and votes', async () => {
    const s = schema();
    const inPostgres = open({ schema: s, salt: 'pepper' });
    const inSqlite = openQuestionLog({ path: join(dir, 'same.db'), salt: 'pepper', logger: silentLogger() });
    const entries = [
      entry('Who signed the declaration?', true),
      entry('who signed the declaration', true),
      entry('What about fishing quotas?', false),
      entry('What will the UK do?', true, { id: 'rated' }),
      entry('Is this checked?', true, { kind: 'check', claims: 2, addressed: 1 }),
    ];
    const votes = [
      { questionId: 'rated', userId: 'a', vote: -1 as const },
      { questionId: 'rated', userId: 'b', vote: -1 as const },
      { questionId: 'rated', userId: 'c', vote: 1 as const },
      // A later vote by the same user replaces the earlier one.
      { questionId: 'rated', userId: 'c', vote: -1 as const },
    ];
    for (const log of [inPostgres, inSqlite]) {
      entries.forEach((e) => log.record(e));
      votes.forEach((v) => log.vote(v));
    }
    expect(await inPostgres.flush()).toBe(true);
    inSqlite.close();
    const fromPostgres = openQuestionLogReader({ kind: 'postgres', url, schema: s });
    const fromSqlite = openQuestionLogReader({ kind: 'sqlite', path: join(dir, 'same.db') });
    const [a, b] = [await fromPostgres.report(), await fromSqlite.report()];
    await fromPostgres.close();
    expect(a).toEqual(b);
    expect(a.totals).toMatchObject({ questions: 5, answered: 4, declined: 1, checks: 1, down: 3, up: 0 });
    expect(a.mostAsked[0]).toMatchObject({ question: 'who signed the declaration', count: 2 });
    expect(fromPostgres.label).not.toContain('@');
  });

  it("stores an answer's confidence (migration 2): low for a closest passage, null for a decline", async () => {
    const s = schema();
    const log = open({ schema: s });
    log.record(entry('Will the UK check the truce?', true, { id: 'low', confidence: 'low' }));
    log.record(entry('Who signed?', true, { id: 'high', confidence: 'high' }));
    log.record(entry('What about fishing?', false, { id: 'none', confidence: null }));
    await log.flush();
    const { rows } = await admin.query(`SELECT id, confidence FROM "${s}".questions ORDER BY id`);
    expect(rows).toEqual([{ id: 'high', confidence: 'high' }, { id: 'low', confidence: 'low' }, { id: 'none', confidence: null }]);
  });

  it('stores users only as the keyed hash, the same one the SQLite log uses', async () => {
    const s = schema();
    const log = open({ schema: s, salt: 'pepper' });
    log.record(entry('Who signed?', true, { userId: '111111111111111111' }));
    await log.flush();
    const { rows } = await admin.query(`SELECT user_hash FROM "${s}".questions`);
    expect(rows).toEqual([{ user_hash: hashUser('pepper', '111111111111111111') }]);
    expect(JSON.stringify(rows)).not.toContain('111111111111111111');
  });

  it('instances starting together apply each migration once and agree on one salt', async () => {
    const s = schema();
    const logs = Array.from({ length: 4 }, () => open({ schema: s }));
    logs.forEach((log, i) => log.record(entry(`Question ${i}?`, true, { userId: 'same-user' })));
    expect(await Promise.all(logs.map((l) => l.flush()))).toEqual([true, true, true, true]);
    const applied = await admin.query(`SELECT version FROM "${s}".schema_migrations ORDER BY version`);
    expect(applied.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const users = await admin.query(`SELECT count(DISTINCT user_hash)::int AS n, count(*)::int AS rows FROM "${s}".questions`);
    expect(users.rows[0]).toEqual({ n: 1, rows: 4 });
  });

  it('writes a large batch in few statements', async () => {
    const s = schema();
    const log = open({ schema: s, batchSize: 500 });
    for (let i = 0; i < 1_200; i++) log.record(entry(`Bulk ${i}?`, i % 2 === 0));
    expect(await log.flush()).toBe(true);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${s}".questions`);
    expect(rows[0].n).toBe(1_200);
  });

  it('a burst beyond the bound keeps the newest entries, counting and logging the rest once', async () => {
    const s = schema();
    const captured = capturingLogger();
    const log = openPostgresQuestionLog({ url, schema: s, logger: captured.logger, maxQueued: 3 });
    opened.push(log);
    for (let i = 0; i < 5; i++) log.record(entry(`Burst ${i}?`, true));
    expect(await log.flush()).toBe(true);
    expect(log.dropped).toBe(2);
    const { rows } = await admin.query(`SELECT question FROM "${s}".questions ORDER BY at`);
    expect(rows.map((r) => r.question)).toEqual(['Burst 2?', 'Burst 3?', 'Burst 4?']);
    expect(captured.lines.filter((l) => String(l.msg).includes('queue full'))).toHaveLength(1);
  });

  it('PostgreSQL briefly unreachable: entries wait within the bound and are written when it returns', async () => {
    const target = new URL(url);
    const relay = await tcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const viaRelay = new URL(url);
    viaRelay.port = String(relay.port);
    const s = schema();
    const captured = capturingLogger();
    const log = openPostgresQuestionLog({ url: viaRelay.toString(), schema: s, logger: captured.logger, maxQueued: 5, retryBaseMs: 20, retryMaxMs: 100, connectionTimeoutMs: 500 });
    opened.push(log);
    log.record(entry('Before the outage?', true));
    expect(await log.flush()).toBe(true);

    const unavailable = captured.next((l) => String(l.msg).includes('PostgreSQL unavailable'));
    await relay.cut();
    for (let i = 0; i < 8; i++) log.record(entry(`During the outage ${i}?`, true));
    expect(await log.flush()).toBe(false);
    await unavailable;
    // Eight queued, bound five: the three oldest dropped, counted and logged.
    expect([log.queued, log.dropped]).toEqual([5, 3]);
    expect(captured.lines.some((l) => String(l.msg).includes('queue full') && l.dropped === 3)).toBe(true);

    const writable = captured.next((l) => String(l.msg).includes('writable again'));
    await relay.restore();
    await writable;
    const { rows } = await admin.query(`SELECT question FROM "${s}".questions ORDER BY at`);
    expect(rows.map((r) => r.question)).toEqual(['Before the outage?', ...[3, 4, 5, 6, 7].map((i) => `During the outage ${i}?`)]);
    expect(log.queued).toBe(0);
    expect(JSON.stringify(captured.lines)).not.toContain(viaRelay.toString());
    await log.close();
    await relay.close();
  });
});

describe('npm run report with PostgreSQL away', () => {
  it('says in one line that it cannot read it, naming host and database but never the password', async () => {
    const port = await freePort();
    const err: string[] = [];
    const code = await runReport(['--db', `postgres://bot:hunter2@127.0.0.1:${port}/pactbot`], { stdout: { write: () => undefined }, stderr: { write: (s: string) => err.push(s) }, env: {} });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(new RegExp(`^report: cannot read postgres 127\\.0\\.0\\.1:${port}/pactbot, schema public: .+\\n$`));
    expect(err.join('')).not.toContain('hunter2');
  });
});
