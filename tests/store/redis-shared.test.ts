import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { connectRedis, type SharedRedis } from '../../src/store/redis-connection.ts';
import { cooldownKey, createRedisCooldown } from '../../src/store/redis-cooldown.ts';
import { createRedisReplayGuard } from '../../src/store/redis-replay.ts';
import { capturingLogger, describeWhen, describeWithServer, freePort, killProcess, redisServerMissing, startRedisServer, uniqueName } from './servers.ts';

const opened: SharedRedis[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()));
});

/**
 * One "instance": its own connection to the Redis every instance shares. A generous command timeout: a
 * loaded test machine must not turn a slow reply into a false outage (the hung-server test sets its own).
 */
function instance(url: string, keyPrefix: string, logger = silentLogger()): SharedRedis {
  const redis = connectRedis({ url, keyPrefix }, logger, { commandTimeoutMs: 2_000 });
  opened.push(redis);
  return redis;
}

describeWithServer('PACTBOT_TEST_REDIS_URL', 'shared state on Redis', (url) => {
  it('two instances share one cooldown budget: the sixth use is refused by the other instance', async () => {
    const prefix = uniqueName('pactbot-test:');
    const [a, b] = [instance(url, prefix), instance(url, prefix)];
    await Promise.all([a.ready(), b.ready()]);
    const onA = createRedisCooldown(a, { uses: 5, seconds: 30 });
    const onB = createRedisCooldown(b, { uses: 5, seconds: 30 });
    const remaining = [];
    for (let i = 0; i < 5; i++) remaining.push(await (i % 2 ? onB : onA).take('user-1'));
    expect(remaining.map((v) => v.ok && v.remaining)).toEqual([4, 3, 2, 1, 0]);
    const sixth = await onB.take('user-1');
    expect(sixth.ok).toBe(false);
    // The retry time is when the first use leaves the 30 s window: in the future, at most 30 s away.
    if (!sixth.ok) expect(sixth.retryAt - Date.now()).toBeGreaterThan(0);
    if (!sixth.ok) expect(sixth.retryAt - Date.now()).toBeLessThanOrEqual(30_000 + 1_000);
    // Another user has a budget of their own, and refusals did not count as uses.
    expect(await onA.take('user-2')).toEqual({ ok: true, remaining: 4 });
    expect(onB.local.size).toBe(1);
  });

  it('an interaction id admitted by one instance is refused by the other', async () => {
    const prefix = uniqueName('pactbot-test:');
    const [a, b] = [instance(url, prefix), instance(url, prefix)];
    await Promise.all([a.ready(), b.ready()]);
    const onA = createRedisReplayGuard(a);
    const onB = createRedisReplayGuard(b);
    const signedAt = Date.now();
    expect(await onA.admit('1234567890', signedAt)).toBe(true);
    expect(await onB.admit('1234567890', signedAt)).toBe(false);
    expect(await onA.admit('1234567890', signedAt)).toBe(false);
    expect(await onB.admit('1234567891', signedAt)).toBe(true);
    const ttl = await a.client.pttl(`${prefix}replay:1234567890`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
  });

  it('keys carry the configured prefix, so two bots on one Redis keep apart', async () => {
    const [first, second] = [uniqueName('pactbot-test:'), uniqueName('pactbot-test:')];
    const [a, b] = [instance(url, first), instance(url, second)];
    await Promise.all([a.ready(), b.ready()]);
    const onA = createRedisCooldown(a, { uses: 1, seconds: 30 });
    const onB = createRedisCooldown(b, { uses: 1, seconds: 30 });
    const user = '222222222222222222';
    expect((await onA.take(user)).ok).toBe(true);
    expect((await onB.take(user)).ok).toBe(true);
    expect(await a.client.exists(cooldownKey(first, user))).toBe(1);
    // Keys carry a hash of the user id, never the id itself.
    expect(await a.client.keys(`*${user}*`)).toEqual([]);
  });
});

describe('shared state when Redis is away', () => {
  it('an unreachable Redis: every request is answered from the in-process state, the outage logged once', async () => {
    const port = await freePort();
    const captured = capturingLogger();
    const redis = instance(`redis://127.0.0.1:${port}`, 'pactbot-test:', captured.logger);
    await captured.next((l) => String(l.msg).startsWith('redis unavailable'));
    const cooldown = createRedisCooldown(redis, { uses: 2, seconds: 30 });
    const replay = createRedisReplayGuard(redis);
    expect((await cooldown.take('u')).ok).toBe(true);
    expect((await cooldown.take('u')).ok).toBe(true);
    expect((await cooldown.take('u')).ok).toBe(false);
    expect(await replay.admit('42', Date.now())).toBe(true);
    expect(await replay.admit('42', Date.now())).toBe(false);
    expect(captured.lines.filter((l) => String(l.msg).startsWith('redis unavailable'))).toHaveLength(1);
    expect(JSON.stringify(captured.lines)).not.toContain('redis://');
  });
});

describeWhen(redisServerMissing(), 'a private redis-server killed mid-run', () => {
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
  });
  const children: Array<Awaited<ReturnType<typeof startRedisServer>>> = [];
  afterAll(async () => {
    await Promise.all(children.map(killProcess));
  });

  it('answers go on from the in-process state, and shared cooldowns resume when it is back', async () => {
    children.push(await startRedisServer(port));
    const captured = capturingLogger();
    const url = `redis://127.0.0.1:${port}`;
    const [a, b] = [instance(url, 'pactbot-test:', captured.logger), instance(url, 'pactbot-test:')];
    await Promise.all([a.ready(), b.ready()]);
    const onA = createRedisCooldown(a, { uses: 2, seconds: 30 });
    const onB = createRedisCooldown(b, { uses: 2, seconds: 30 });
    expect((await onA.take('u')).ok).toBe(true);

    const outage = captured.next((l) => String(l.msg).startsWith('redis unavailable'));
    await killProcess(children[0]!);
    await outage;
    // Shared state is gone: each instance counts for itself (B has seen no use by u yet).
    expect(await onB.take('u')).toEqual({ ok: true, remaining: 1 });
    expect(await onA.take('u')).toEqual({ ok: true, remaining: 0 });
    expect((await onA.take('u')).ok).toBe(false);

    const back = captured.next((l) => String(l.msg).startsWith('redis back'));
    children.push(await startRedisServer(port));
    await Promise.all([back, b.ready()]);
    // The new server is empty (nothing on disk): one budget again, shared by both instances.
    expect(await onA.take('v')).toEqual({ ok: true, remaining: 1 });
    expect(await onB.take('v')).toEqual({ ok: true, remaining: 0 });
    expect((await onA.take('v')).ok).toBe(false);
    expect(captured.lines.filter((l) => String(l.msg).startsWith('redis unavailable'))).toHaveLength(1);
  });
  it('a hung Redis (process stopped) costs one command timeout, then is skipped until the pause is over', async () => {
    const hungPort = await freePort();
    const server = await startRedisServer(hungPort);
    children.push(server);
    let now = 1_000_000;
    const captured = capturingLogger();
    const redis = connectRedis({ url: `redis://127.0.0.1:${hungPort}`, keyPrefix: 'pactbot-test:' }, captured.logger, { commandTimeoutMs: 50, pauseAfterFailureMs: 1_000, now: () => now });
    opened.push(redis);
    await redis.ready();
    const cooldown = createRedisCooldown(redis, { uses: 2, seconds: 30 });
    expect((await cooldown.take('u')).ok).toBe(true);

    server.kill('SIGSTOP');
    try {
      // The first request times out and falls back; the next ones do not try Redis during the pause.
      expect(await cooldown.take('u')).toEqual({ ok: true, remaining: 0 });
      expect(redis.available).toBe(false);
      expect((await cooldown.take('u')).ok).toBe(false);
      expect(captured.lines.filter((l) => String(l.msg).startsWith('redis unavailable'))).toHaveLength(1);
    } finally {
      server.kill('SIGCONT');
    }
    now += 1_000;
    expect(redis.available).toBe(true);
  });
});
