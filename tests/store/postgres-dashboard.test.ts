// The dashboard over a PostgreSQL question log shows what it shows over SQLite: the same generated log is
// loaded into both stores and every period's figures compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startDashboardServer } from '../../src/dashboard/server.ts';
import { silentLogger } from '../../src/log.ts';
import { openDashboardStats, PERIODS, type DashboardSource } from '../../src/store/dashboard-stats.ts';
import { openPostgresDashboardStats } from '../../src/store/postgres-dashboard.ts';
import { migrate } from '../../src/store/postgres-schema.ts';
import { send } from '../discord/http-support.ts';
import { DEFAULT_GENERATED_LOG, generateLog } from './generated-log.ts';
import { describeWithServer, uniqueName } from './servers.ts';

describeWithServer('PACTBOT_TEST_POSTGRES_URL', 'the dashboard over a PostgreSQL question log', (url) => {
  const schema = uniqueName('pactbot_test_');
  const dir = mkdtempSync(join(tmpdir(), 'pactbot-pg-dashboard-'));
  const path = join(dir, 'log.db');
  let admin: pg.Client;
  let sqlite: DashboardSource;
  let postgres: DashboardSource;
  // Lists long enough to hold every group: ties at a cut-off may be broken differently by the two engines.
  const options = { limit: 1_000, declinedCandidates: 1_000 };

  beforeAll(async () => {
    generateLog({ path, entries: 1_500, confidence: true });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await copyLog(path, admin, schema);
    sqlite = openDashboardStats(path, options);
    postgres = await openPostgresDashboardStats({ url, schema }, options);
  });
  afterAll(async () => {
    sqlite?.close();
    postgres?.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(PERIODS)('shows the same figures for the period %s', async (period) => {
    const [fromSqlite, fromPostgres] = [await sqlite.stats(period, DEFAULT_GENERATED_LOG.now), await postgres.stats(period, DEFAULT_GENERATED_LOG.now)];
    expect(fromPostgres.totals.questions).toBeGreaterThan(0);
    // Closest-passage answers are counted apart in both stores.
    expect(fromPostgres.totals.lowConfidence).toBeGreaterThan(0);
    const byRating = (a: { question: string; topPassage: string | null }, b: { question: string; topPassage: string | null }) =>
      `${a.question}\0${a.topPassage}` < `${b.question}\0${b.topPassage}` ? -1 : 1;
    // Equal ratings may come in either order; everything else is ordered by the rules both stores share.
    expect({ ...fromPostgres, rated: [...fromPostgres.rated].sort(byRating) }).toEqual({ ...fromSqlite, rated: [...fromSqlite.rated].sort(byRating) });
  });

  it('the dashboard server reads it when QUESTION_LOG names PostgreSQL', async () => {
    const env = { DASHBOARD_TOKEN: 'pg-dashboard-token-0123456789', QUESTION_LOG: url, QUESTION_LOG_SCHEMA: schema, PORT: '0', HOST: '127.0.0.1' };
    const server = await startDashboardServer({ config: loadConfig({ mode: 'dashboard', env, dotenvPath: false }), logger: silentLogger(), now: () => DEFAULT_GENERATED_LOG.now });
    try {
      const page = await send(server.address.port, { method: 'GET', path: '/dashboard?period=all', headers: { authorization: `Bearer ${env.DASHBOARD_TOKEN}` } });
      expect(page.status).toBe(200);
      const { totals } = await postgres.stats('all', DEFAULT_GENERATED_LOG.now);
      expect(page.body).toContain(totals.questions.toLocaleString('en-GB'));
      expect(page.body).toContain('Who signed the declaration?');
    } finally {
      await server.stop();
    }
  });

  it('refuses to open a schema with no log yet, as the SQLite source refuses a missing file', async () => {
    await expect(openPostgresDashboardStats({ url, schema: uniqueName('pactbot_test_absent_') })).rejects.toThrow();
  });
});

/** The rows of an SQLite question log, copied as they are (hashes included) into a migrated PostgreSQL schema. */
async function copyLog(path: string, client: pg.Client, schema: string): Promise<void> {
  const db = new Database(path, { readonly: true });
  const questions = db.prepare('SELECT * FROM questions').all() as Array<Record<string, string | number | null>>;
  const votes = db.prepare('SELECT * FROM votes').all() as Array<Record<string, string | number>>;
  db.close();
  await migrate(client as unknown as pg.PoolClient, schema);
  const column = <T>(rows: Array<Record<string, T>>, name: string) => rows.map((r) => r[name]);
  await client.query(
    `INSERT INTO "${schema}".questions (id, at, kind, question, question_key, answered, reason, top_passage, latency_ms, user_hash, locale, source, claims, addressed, confidence)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::float8[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[], $15::text[])`,
    [
      ...['id', 'at', 'kind', 'question', 'question_key'].map((c) => column(questions, c)),
      questions.map((q) => q.answered === 1),
      ...['reason', 'top_passage', 'latency_ms', 'user_hash', 'locale', 'source', 'claims', 'addressed', 'confidence'].map((c) => column(questions, c)),
    ],
  );
  await client.query(`INSERT INTO "${schema}".votes (question_id, user_hash, vote, at) SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::timestamptz[])`, [
    ...['question_id', 'user_hash', 'vote', 'at'].map((c) => column(votes, c)),
  ]);
}
