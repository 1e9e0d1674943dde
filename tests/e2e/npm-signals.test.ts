// Process managers and terminals signal the process they started, which is npm. Each long-running npm script
// must then stop its whole tree gracefully: `close` on the child fires only once every process holding its
// stdout (npm and what it started) has exited, so a server left orphaned below npm would hang these tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { TOKEN } from './bot-harness.ts';
import { botEnv, killChildren, runNpm } from './bot-spawn.ts';
import { chatInputInteraction, createWorld, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pactbot-signals-'));
let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killChildren();
  await fake?.close();
  fake = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const msgs = (lines: string[]) => lines.flatMap((l) => (l.startsWith('{') ? [(JSON.parse(l) as { msg: string }).msg] : []));

describe('a signal sent to npm stops the whole tree gracefully', () => {
  it('npm run serve: SIGTERM to npm drains, closes the question log (the answered /ask is on disk) and exits 0', async () => {
    const keys = keyPair();
    const world = createWorld();
    const questionLog = join(dir, 'serve.db');
    const serve = runNpm('serve', [], { DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: world.applicationId, PORT: '0', CACHE_DIR: join(dir, 'cache'), QUESTION_LOG: questionLog, LOG_LEVEL: 'info' });
    const port = (await serve.waitForLog((l) => l.msg === 'http: listening')).port as number;
    await serve.waitForLog((l) => l.msg === 'http: ready');
    const interaction = chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed the declaration?' } });
    expect((await send(port, signedRequest(keys.privateKey, interaction))).status).toBe(200);

    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(msgs(serve.stdout)).toEqual(expect.arrayContaining(['signal received: stopping', 'http: stopped']));
    const db = new Database(questionLog, { readonly: true });
    expect(db.prepare('SELECT id FROM questions').pluck().all()).toEqual([interaction.id]);
    db.close();
  }, 60_000);

  it('npm start (console): SIGTERM to npm ends the session like /exit and exits 0', async () => {
    const console = runNpm('start', [], { CACHE_DIR: join(dir, 'cache') });
    await console.waitForLine((l) => l.startsWith('pactbot console:'));
    console.child.kill('SIGTERM');
    expect(await console.exit).toBe(0);
    expect(console.stdout.join('\n')).toContain('Bye.');
  }, 60_000);

  it('npm start (gateway bot): SIGTERM to npm destroys the client and exits 0', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const bot = runNpm('start', [], { ...botEnv(fake), CACHE_DIR: join(dir, 'cache') });
    await bot.waitForLog((l) => l.msg === 'ready');
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(msgs(bot.stdout)).toContain('stopped');
  }, 60_000);

  it('npm run start:sharded: SIGTERM to npm stops every shard, then the manager, and exits 0', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const manager = runNpm('start:sharded', ['--shards', '1', '--spawn-delay', '0'], { ...botEnv(fake), CACHE_DIR: join(dir, 'cache') });
    await manager.waitForLog((l) => l.msg === 'ready');
    manager.child.kill('SIGTERM');
    expect(await manager.exit).toBe(0);
    expect(msgs(manager.stdout)).toEqual(expect.arrayContaining(['stopped', 'all shards stopped']));
  }, 90_000);
});
