// Two `npm run serve` instances (real processes) behind an imaginary load balancer, sharing one Redis (a
// private redis-server the test owns, so it can kill it) and one PostgreSQL question log (reached through a
// relay the test can cut). What one instance saw, the other knows: cooldowns, replays, the question log.
// Then the gateway bot with REDIS_URL: a budget spent on another instance counts there too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import type { QuestionReport } from '../../src/store/question-report.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { silentLogger } from '../../src/log.ts';
import { connectRedis } from '../../src/store/redis-connection.ts';
import { createRedisCooldown } from '../../src/store/redis-cooldown.ts';
import { describeWhen, describeWithServer, freePort, killProcess, redisServerMissing, startRedisServer, tcpRelay, uniqueName } from '../store/servers.ts';
import { bootBot, send as sendToGateway } from './bot-harness.ts';
import { killChildren, run, type Run } from './bot-spawn.ts';
import { chatInputInteraction, createWorld, snowflake } from './fake-discord/index.ts';

const postgresUrl = process.env.PACTBOT_TEST_POSTGRES_URL?.trim() ?? '';
const missing = postgresUrl ? redisServerMissing() : 'PACTBOT_TEST_POSTGRES_URL is not set (.ci/run sets it)';

describeWhen(missing, 'two serve instances sharing Redis and PostgreSQL', () => {
  const keys = keyPair();
  const world = createWorld();
  const schema = uniqueName('pactbot_e2e_');
  const cacheDir = mkdtempSync(join(tmpdir(), 'pactbot-shared-'));
  let redisPort = 0;
  let redis: Awaited<ReturnType<typeof startRedisServer>>;
  let relay: Awaited<ReturnType<typeof tcpRelay>>;
  let logUrl = '';
  let a: { proc: Run; port: number };
  let b: { proc: Run; port: number };

  async function instance(): Promise<{ proc: Run; port: number }> {
    const proc = run('src/serve.ts', [], {
      DISCORD_PUBLIC_KEY: keys.publicHex,
      DISCORD_CLIENT_ID: world.applicationId,
      PORT: '0',
      LOG_LEVEL: 'info',
      CACHE_DIR: cacheDir,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_KEY_PREFIX: `${schema}:`,
      // A loaded test machine can stall a process past the 50 ms default: a timeout here would be a false
      // outage (tests/store/redis-shared.test.ts covers the timeout itself, with a stopped redis-server).
      REDIS_TIMEOUT_MS: '2000',
      QUESTION_LOG: logUrl,
      QUESTION_LOG_SCHEMA: schema,
      COOLDOWN_USES: '5',
      COOLDOWN_SECONDS: '600',
    });
    const port = (await proc.waitForLog((l) => l.msg === 'http: listening')).port as number;
    await proc.waitForLog((l) => l.msg === 'http: ready');
    // Readiness waits for Redis: the first request is already shared.
    expect(proc.stdout.findIndex((l) => l.includes('"msg":"redis connected"'))).toBeLessThan(proc.stdout.findIndex((l) => l.includes('"msg":"http: ready"')));
    return { proc, port };
  }

  beforeAll(async () => {
    redisPort = await freePort();
    redis = await startRedisServer(redisPort);
    const target = new URL(postgresUrl);
    relay = await tcpRelay({ host: target.hostname, port: Number(target.port || 5432) });
    const viaRelay = new URL(postgresUrl);
    viaRelay.port = String(relay.port);
    logUrl = viaRelay.toString();
    [a, b] = await Promise.all([instance(), instance()]);
  }, 60_000);

  afterAll(async () => {
    await killChildren();
    await killProcess(redis);
    await relay?.close();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const ask = (userId: string, question: string) => {
    const interaction = chatInputInteraction(world, { name: 'ask', options: { question } });
    return { ...interaction, member: { ...interaction.member, user: { ...interaction.member.user, id: userId } } };
  };
  /** Posts a signed interaction; resolves with the status and the parsed body. */
  const post = async (to: { port: number }, payload: unknown) => {
    const res = await send(to.port, signedRequest(keys.privateKey, payload));
    return { status: res.status, body: JSON.parse(res.body) as { type?: number; data?: { flags?: number }; error?: string } };
  };
  /** What both instances logged about Redis: the message when a sharing assertion fails. */
  const redisLines = () => [a, b].map(({ proc }) => proc.stdout.filter((l) => l.includes('redis')).join('\n')).join('\n---\n');
  const outcomeIn = (proc: Run, id: string) => proc.waitForLog((l) => l.msg === 'interaction' && (l.interaction as { id: string }).id === id);

  /** `npm run report -- --json`, in-process: the report, or null while it cannot be read (no tables yet). */
  const report = async (): Promise<QuestionReport | null> => {
    const out: string[] = [];
    const code = await runReport(['--json', '--limit', '50'], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => undefined }, env: { QUESTION_LOG: postgresUrl, QUESTION_LOG_SCHEMA: schema } });
    return code === 0 ? (JSON.parse(out.join('')) as QuestionReport) : null;
  };
  /** Waits until the report holds `question`: the log writes after the reply. */
  const reported = async (question: string) => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const r = await report();
      if (r?.mostAsked.some((q) => q.question === question)) return r;
    }
    throw new Error(`"${question}" never reached the report`);
  };

  it("a user's sixth /ask is refused by the other instance", async () => {
    const user = snowflake();
    for (let i = 0; i < 5; i++) {
      const reply = await post(i % 2 ? b : a, ask(user, `Who signed the declaration? (${i})`));
      expect(reply.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(reply.body.data?.flags).toBeUndefined();
    }
    const sixth = ask(user, 'Who signed the declaration? (6)');
    expect((await post(b, sixth)).body.data?.flags, redisLines()).toBe(64);
    expect(await outcomeIn(b.proc, sixth.id)).toMatchObject({ outcome: 'cooldown' });
  });

  it('a request replayed to the other instance is refused (401)', async () => {
    const signed = signedRequest(keys.privateKey, ask(snowflake(), 'What did Macron say?'));
    expect((await send(a.port, signed)).status).toBe(200);
    const replayed = await send(b.port, signed);
    expect([replayed.status, JSON.parse(replayed.body)], redisLines()).toEqual([401, { error: 'replay' }]);
  });

  it('questions asked on both instances appear in one report', async () => {
    await post(a, ask(snowflake(), 'Asked on instance A?'));
    await post(b, ask(snowflake(), 'Asked on instance B?'));
    await reported('Asked on instance A?');
    const r = await reported('Asked on instance B?');
    expect(r.totals.users).toBeGreaterThanOrEqual(3);
  });

  it('Redis killed mid-run: answers continue; shared cooldowns resume when it is back', async () => {
    await killProcess(redis);
    const during = ask(snowflake(), 'Who signed the declaration? (during)');
    const reply = await post(a, during);
    expect(reply.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(await outcomeIn(a.proc, during.id)).toMatchObject({ outcome: 'answered' });
    await a.proc.waitForLog((l) => String(l.msg).startsWith('redis unavailable'));

    redis = await startRedisServer(redisPort);
    await Promise.all([a, b].map(({ proc }) => proc.waitForLog((l) => String(l.msg).startsWith('redis back'))));
    const user = snowflake();
    for (let i = 0; i < 5; i++) expect((await post(i % 2 ? a : b, ask(user, `After the outage ${i}?`))).body.data?.flags).toBeUndefined();
    expect((await post(a, ask(user, 'After the outage 6?'))).body.data?.flags).toBe(64);
    expect(a.proc.stdout.filter((l) => l.includes('redis unavailable'))).toHaveLength(1);
  });

  it('PostgreSQL briefly unreachable: no crash, and the queued questions are written when it is back', async () => {
    await relay.cut();
    const questions = ['Queued while away 1?', 'Queued while away 2?', 'Queued while away 3?'];
    for (const q of questions) expect((await post(a, ask(snowflake(), q))).body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    await a.proc.waitForLog((l) => String(l.msg).includes('PostgreSQL unavailable'));
    await relay.restore();
    await a.proc.waitForLog((l) => String(l.msg).includes('writable again'));
    const r = await reported(questions[2]!);
    for (const q of questions) expect(r.mostAsked.map((m) => m.question)).toContain(q);
    expect(a.proc.child.exitCode).toBeNull();
  });

  it('both instances stop cleanly on SIGTERM, nothing left unwritten', async () => {
    for (const { proc } of [a, b]) proc.child.kill('SIGTERM');
    expect(await Promise.all([a.proc.exit, b.proc.exit])).toEqual([0, 0]);
    for (const { proc } of [a, b]) expect(proc.stdout.some((l) => l.includes('closed with entries'))).toBe(false);
    expect(JSON.stringify([a.proc.stdout, b.proc.stdout])).not.toContain(postgresUrl);
  });
});

describeWithServer('PACTBOT_TEST_REDIS_URL', 'the gateway bot sharing Redis', (redisUrl) => {
  it('refuses a user whose budget another instance spent', async () => {
    const keyPrefix = `${uniqueName('pactbot-test:')}:`;
    const bot = await bootBot({ env: { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, REDIS_TIMEOUT_MS: '2000', COOLDOWN_USES: '2', COOLDOWN_SECONDS: '600' } });
    // "Another instance": its own connection to the same Redis, spending the user's two uses.
    const other = connectRedis({ url: redisUrl, keyPrefix, commandTimeoutMs: 2_000 }, silentLogger());
    try {
      await other.ready();
      const elsewhere = createRedisCooldown(other, { uses: 2, seconds: 600 });
      const user = bot.fake.world.user.id;
      expect([(await elsewhere.take(user)).ok, (await elsewhere.take(user)).ok]).toEqual([true, true]);
      const interaction = chatInputInteraction(bot.fake.world, { name: 'ask', options: { question: 'Who signed the declaration?' } });
      const callback = await sendToGateway<{ type: number; data: { flags?: number } }>(bot.fake, interaction);
      expect(callback.data.flags).toBe(64);
      expect(bot.logs.find((l) => (l.interaction as { id?: string } | undefined)?.id === interaction.id)).toMatchObject({ outcome: 'cooldown' });
    } finally {
      await other.close();
      await bot.stop();
    }
  });
});
