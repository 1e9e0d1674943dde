// npm run bench:shared [-- --requests 20000] [-- --rows 50000] [-- --json]
// What sharing state costs. (1) Per request: the cooldown take and the replay admit, in-process against
// Redis on loopback (REDIS_URL, else PACTBOT_TEST_REDIS_URL, else redis://127.0.0.1:6379), one request at a
// time (latency, µs p50/p99) and 32 in flight (throughput). (2) The question log: rows/s written to
// PostgreSQL in batches (QUESTION_LOG if it is a postgres:// URL, else PACTBOT_TEST_POSTGRES_URL, else
// postgres://postgres@127.0.0.1:5432/test; a schema of its own, dropped afterwards), beside SQLite.
// Every verdict is checked (all admitted, a replay refused, every row in the table), CPU time beside wall.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createCooldown, type Cooldown } from '../src/core/cooldown.ts';
import { createReplayGuard, type ReplayGuard } from '../src/core/replay-window.ts';
import { silentLogger } from '../src/log.ts';
import { openPostgresQuestionLog } from '../src/store/postgres-log.ts';
import { openQuestionLog, type QuestionEntry, type QuestionLog } from '../src/store/question-log.ts';
import { connectRedis } from '../src/store/redis-connection.ts';
import { createRedisCooldown } from '../src/store/redis-cooldown.ts';
import { createRedisReplayGuard } from '../src/store/redis-replay.ts';

const { values: args } = parseArgs({
  options: { requests: { type: 'string', default: '20000' }, rows: { type: 'string', default: '50000' }, json: { type: 'boolean', default: false } },
});
const REQUESTS = Number(args.requests);
const ROWS = Number(args.rows);
const IN_FLIGHT = 32;
/** Users the requests rotate through: enough that none reaches the cooldown (5 per 30 s). */
const USERS = 10_000;
const redisUrl = process.env.REDIS_URL ?? process.env.PACTBOT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = [process.env.QUESTION_LOG, process.env.PACTBOT_TEST_POSTGRES_URL].find((u) => u?.startsWith('postgres')) ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Timing {
  p50Us: number;
  p99Us: number;
  perSecond: number;
  cpuUsPerRequest: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One request's shared-state work, as the HTTP server and the handler do it for an /ask. */
async function request(cooldown: Cooldown, replay: ReplayGuard, i: number): Promise<void> {
  const admitted = await replay.admit(`${1e15 + i}`, Date.now());
  const verdict = await cooldown.take(`user-${i % USERS}`);
  if (!admitted || !verdict.ok) throw new Error(`request ${i} refused: the benchmark would measure refusals`);
}

async function measure(cooldown: Cooldown, replay: ReplayGuard, offset: number): Promise<{ sequential: Timing; concurrent: Timing }> {
  const samples: number[] = [];
  let cpu = process.cpuUsage();
  let wall = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    await request(cooldown, replay, offset + i);
    samples.push((performance.now() - t0) * 1000);
  }
  const sequentialWall = performance.now() - wall;
  const sequentialCpu = process.cpuUsage(cpu);
  samples.sort((x, y) => x - y);
  const sequential = {
    p50Us: round(quantile(samples, 0.5)),
    p99Us: round(quantile(samples, 0.99)),
    perSecond: Math.round(REQUESTS / (sequentialWall / 1000)),
    cpuUsPerRequest: round((sequentialCpu.user + sequentialCpu.system) / REQUESTS),
  };

  const latencies: number[] = [];
  let next = 0;
  cpu = process.cpuUsage();
  wall = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t0 = performance.now();
        await request(cooldown, replay, offset + REQUESTS + i);
        latencies.push((performance.now() - t0) * 1000);
      }
    }),
  );
  const concurrentWall = performance.now() - wall;
  const concurrentCpu = process.cpuUsage(cpu);
  latencies.sort((x, y) => x - y);
  return {
    sequential,
    concurrent: {
      p50Us: round(quantile(latencies, 0.5)),
      p99Us: round(quantile(latencies, 0.99)),
      perSecond: Math.round(REQUESTS / (concurrentWall / 1000)),
      cpuUsPerRequest: round((concurrentCpu.user + concurrentCpu.system) / REQUESTS),
    },
  };
}

async function sharedState() {
  const options = { uses: 5, seconds: 30 };
  const local = await measure(createCooldown(options), createReplayGuard(), 0);
  const redis = connectRedis({ url: redisUrl, keyPrefix: `pactbot-bench:${randomBytes(4).toString('hex')}:` }, silentLogger(), { commandTimeoutMs: 1_000 });
  await redis.ready();
  const replay = createRedisReplayGuard(redis);
  const shared = await measure(createRedisCooldown(redis, options), replay, 0);
  // The check that makes the figures mean something: a replay is refused through Redis.
  if (await replay.admit(`${1e15}`, Date.now())) throw new Error('a replayed id was admitted');
  await redis.close();
  return { inProcess: local, redis: shared };
}

const entry = (i: number): QuestionEntry => ({
  id: `bench-${i}`,
  kind: 'ask',
  question: `How many troops would the UK send? (${i % 500})`,
  answered: i % 5 !== 0,
  reason: i % 5 === 0 ? 'weak-match' : null,
  topPassage: 'uk-france-pact#4',
  latencyMs: 1.2,
  userId: String(100_000_000_000_000_000n + BigInt(i % 2_000)),
  locale: 'en-US',
  source: 'http',
});

async function writeRows(log: QuestionLog): Promise<{ rowsPerSecond: number; cpuUsPerRow: number; seconds: number }> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < ROWS; i++) log.record(entry(i));
  if (!(await log.flush())) throw new Error('the question log did not write everything');
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return { rowsPerSecond: Math.round(ROWS / seconds), cpuUsPerRow: round((used.user + used.system) / ROWS), seconds: round(seconds, 2) };
}

async function questionLog() {
  const results: Record<string, unknown> = {};
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  for (const batchSize of [100, 1_000]) {
    const schema = `pactbot_bench_${randomBytes(4).toString('hex')}`;
    // maxQueued above the row count: the benchmark queues everything before the first write.
    const log = openPostgresQuestionLog({ url: postgresUrl, schema, logger: silentLogger(), batchSize, maxQueued: ROWS });
    try {
      results[`postgres, batches of ${batchSize}`] = await writeRows(log);
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM "${schema}".questions`);
      if (rows[0].n !== ROWS) throw new Error(`${rows[0].n} rows in PostgreSQL, expected ${ROWS}`);
    } finally {
      await log.close();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  }
  await admin.end();
  const dir = mkdtempSync(join(tmpdir(), 'pactbot-bench-'));
  try {
    const log = openQuestionLog({ path: join(dir, 'bench.db'), logger: silentLogger(), maxQueued: ROWS });
    results['sqlite, one transaction'] = await writeRows(log);
    log.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const machine = { cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, loadavg: loadavg().map((n) => round(n, 2)), node: process.version };
const result = { machine, requests: REQUESTS, rows: ROWS, sharedState: await sharedState(), questionLog: await questionLog() };
if (args.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const line = (name: string, t: Timing) => `  ${name.padEnd(34)} p50 ${String(t.p50Us).padStart(7)} µs  p99 ${String(t.p99Us).padStart(7)} µs  ${String(t.perSecond).padStart(7)}/s  CPU ${t.cpuUsPerRequest} µs/request`;
  const s = result.sharedState;
  process.stdout.write(
    [
      `machine: ${machine.cpus}, load ${machine.loadavg.join(' ')}, node ${machine.node}`,
      `cooldown + replay per request (${REQUESTS} requests)`,
      line('in-process, one at a time', s.inProcess.sequential),
      line(`in-process, ${IN_FLIGHT} in flight`, s.inProcess.concurrent),
      line('Redis (loopback), one at a time', s.redis.sequential),
      line(`Redis (loopback), ${IN_FLIGHT} in flight`, s.redis.concurrent),
      `question log (${ROWS} rows)`,
      ...Object.entries(result.questionLog).map(([name, r]) => {
        const w = r as { rowsPerSecond: number; cpuUsPerRow: number; seconds: number };
        return `  ${name.padEnd(34)} ${String(w.rowsPerSecond).padStart(8)} rows/s  (${w.seconds} s wall, CPU ${w.cpuUsPerRow} µs/row in this process)`;
      }),
      '',
    ].join('\n'),
  );
}
