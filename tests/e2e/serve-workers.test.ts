// `npm run serve -- --workers N`: N servers on one port through node:cluster, sharing cooldowns through Redis,
// stopped together by one SIGTERM; a worker that cannot start stops them all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { MAX_WORKERS, workerCount } from '../../src/discord/http/workers.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { describeWithServer, uniqueName } from '../store/servers.ts';
import { killChildren, run } from './bot-spawn.ts';
import { chatInputInteraction, createWorld, snowflake } from './fake-discord/index.ts';

const keys = keyPair();
const world = createWorld();
const cacheDir = mkdtempSync(join(tmpdir(), 'pactbot-workers-'));
afterEach(() => killChildren());
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const env = (extra: Record<string, string>) => ({ DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: world.applicationId, PORT: '0', CACHE_DIR: cacheDir, LOG_LEVEL: 'info', ...extra });

describe('--workers', () => {
  it('reads a count from 1 to the maximum, or auto', () => {
    expect(workerCount([])).toBe(1);
    expect(workerCount(['--workers', '3'])).toBe(3);
    expect(workerCount(['--workers', 'auto'])).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', '2.5', 'many', String(MAX_WORKERS + 1)]) expect(() => workerCount(['--workers', bad]), bad).toThrow(ConfigError);
  });

  it('a worker that cannot start stops them all, exit code 1', async () => {
    const proc = run('src/serve.ts', ['--workers', '2'], env({ CORPUS_DIR: join(cacheDir, 'no-such-corpus') }));
    expect(await proc.exit).toBe(1);
    await proc.waitForLog((l) => l.msg === 'http: start-up failed, stopping workers', 1_000);
  }, 60_000);
});

describeWithServer('PACTBOT_TEST_REDIS_URL', 'workers sharing Redis', (redisUrl) => {
  it('serve --workers 2: one port, one cooldown budget across workers, one SIGTERM stops both', async () => {
    const proc = run('src/serve.ts', ['--workers', '2'], env({ REDIS_URL: redisUrl, REDIS_KEY_PREFIX: uniqueName('pactbot-test:') + ':', REDIS_TIMEOUT_MS: '2000', COOLDOWN_USES: '2' }));
    await proc.waitForLog((l) => l.msg === 'http: workers started');
    // Both workers listen on the one port the primary holds.
    const listening = () => proc.stdout.filter((l) => l.includes('"msg":"http: listening"')).map((l) => (JSON.parse(l) as { port: number }).port);
    await proc.waitForLog((l) => l.msg === 'http: ready' && proc.stdout.filter((x) => x.includes('"msg":"http: ready"')).length === 2, 60_000);
    expect(new Set(listening()).size).toBe(1);
    const port = listening()[0]!;

    const user = snowflake();
    const flags: Array<number | undefined> = [];
    for (let i = 0; i < 3; i++) {
      const interaction = chatInputInteraction(world, { name: 'ask', options: { question: `Who signed the declaration? ${i}` } });
      const res = await send(port, signedRequest(keys.privateKey, { ...interaction, member: { ...interaction.member, user: { ...interaction.member.user, id: user } } }));
      expect(res.status).toBe(200);
      flags.push((JSON.parse(res.body) as { data?: { flags?: number } }).data?.flags);
    }
    // Two uses allowed, the third refused, whichever worker each request reached.
    expect(flags).toEqual([undefined, undefined, 64]);

    proc.child.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
    expect(proc.stdout.filter((l) => l.includes('"msg":"http: stopped"'))).toHaveLength(2);
    expect(proc.stdout.some((l) => l.includes('"msg":"http: all workers stopped"'))).toBe(true);
  }, 90_000);
});
