// The question log's tables in PostgreSQL, as numbered migrations. Start-up applies the missing ones in one
// transaction holding a transaction-level advisory lock on the schema's name, so N instances starting at
// once apply each migration exactly once (the others wait, then find nothing left to do). A migration is
// never edited once released: changes are a new entry at the end.
import type { PoolClient } from 'pg';

export interface Migration {
  version: number;
  name: string;
  /** SQL with `{schema}` for the quoted schema name. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'questions, votes, meta',
    sql: `
      CREATE TABLE {schema}.meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE {schema}.questions (
        id text PRIMARY KEY,
        at timestamptz NOT NULL,
        kind text NOT NULL,
        question text NOT NULL,
        question_key text NOT NULL,
        answered boolean NOT NULL,
        reason text,
        top_passage text,
        latency_ms double precision NOT NULL,
        user_hash text NOT NULL,
        locale text,
        source text,
        claims integer,
        addressed integer
      );
      CREATE INDEX questions_key ON {schema}.questions (question_key);
      CREATE INDEX questions_at ON {schema}.questions (at);
      CREATE TABLE {schema}.votes (
        question_id text NOT NULL,
        user_hash text NOT NULL,
        vote smallint NOT NULL CHECK (vote IN (-1, 1)),
        at timestamptz NOT NULL,
        PRIMARY KEY (question_id, user_hash)
      );`,
  },
  {
    version: 2,
    name: 'questions.confidence (the closest-passage tier)',
    sql: `ALTER TABLE {schema}.questions ADD COLUMN confidence text;`,
  },
];

/** A schema name as SQL (config.ts already allows only lower-case letters, digits and _). */
export function quoted(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`postgres: invalid schema name ${JSON.stringify(schema)}`);
  return `"${schema}"`;
}

/** Applies what is missing; returns the versions applied now (empty when another instance did it first). */
export async function migrate(client: PoolClient, schema: string, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const s = quoted(schema);
  const applied: number[] = [];
  await client.query('BEGIN');
  try {
    // Held until COMMIT/ROLLBACK: every instance migrating this schema queues here.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`pactbot:migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_migrations`);
    const done = new Set(rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql.replaceAll('{schema}', s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
