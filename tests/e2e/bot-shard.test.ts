// `npm run start:sharded` as a process: discord.js's ShardingManager starts one bot process per shard, each
// identifying as its shard against the fake Discord, and SIGTERM stops them all.
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from './bot-harness.ts';
import { botEnv, killChildren, run } from './bot-spawn.ts';
import { chatInputInteraction, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await killChildren();
  await fake?.close();
  fake = undefined;
});

describe('npm run start:sharded', () => {
  it('starts one process per shard, each identifying as its shard, answers, and stops on SIGTERM', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const manager = run('src/discord/shard.ts', ['--shards', '2', '--spawn-delay', '0'], botEnv(fake));
    await manager.waitForLog((l) => l.msg === 'spawning shards' && l.totalShards === 2);
    await expect.poll(() => fake!.gatewayOps((op) => op.op === 2).length, { timeout: 45_000, interval: 200 }).toBe(2);
    const shards = fake.gatewayOps((op) => op.op === 2).map((op) => (op.d as { shard: [number, number] }).shard);
    expect(shards.sort()).toEqual([[0, 2], [1, 2]]);
    await expect.poll(() => manager.stdout.filter((l) => l.includes('"msg":"ready"')).length, { timeout: 30_000, interval: 200 }).toBe(2);

    const interaction = chatInputInteraction(fake.world, { name: 'help' });
    fake.dispatch('INTERACTION_CREATE', interaction);
    // The fake sends every dispatch to every session; Discord would route it to one shard. One answer wins.
    const callback = await fake.waitForRequest((r) => r.route.startsWith(`/interactions/${interaction.id}/`) && r.status === 204, 20_000);
    expect((callback.body as { type: number }).type).toBe(4);

    manager.child.kill('SIGTERM');
    expect(await manager.exit).toBe(0);
    await manager.waitForLog((l) => l.msg === 'all shards stopped', 1_000);
  }, 90_000);
});

describe('sharding across machines', () => {
  it('--total-shards 2 --shards 1 runs only shard 1 of 2 here (another machine runs shard 0)', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const manager = run('src/discord/shard.ts', ['--total-shards', '2', '--shards', '1', '--spawn-delay', '0'], botEnv(fake));
    await manager.waitForLog((l) => l.msg === 'spawning shards' && l.totalShards === 2);
    await expect.poll(() => manager.stdout.filter((l) => l.includes('"msg":"ready"')).length, { timeout: 45_000, interval: 200 }).toBe(1);
    const shards = fake.gatewayOps((op) => op.op === 2).map((op) => (op.d as { shard: [number, number] }).shard);
    expect(shards).toEqual([[1, 2]]);
    manager.child.kill('SIGTERM');
    expect(await manager.exit).toBe(0);
  }, 90_000);
});

describe('a shard whose manager dies', () => {
  it('stops instead of living on as an orphan', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const manager = run('src/discord/shard.ts', ['--shards', '1', '--spawn-delay', '0'], botEnv(fake));
    await expect.poll(() => manager.stdout.filter((l) => l.includes('"msg":"ready"')).length, { timeout: 45_000, interval: 200 }).toBe(1);
    manager.child.kill('SIGKILL');
    // The shard sees its IPC channel close, shuts down, and its gateway socket closes.
    await expect.poll(() => fake!.connections().every((c) => c.closedAt !== null), { timeout: 20_000, interval: 200 }).toBe(true);
    expect(fake.sessions().every((s) => !s.connected)).toBe(true);
  }, 90_000);
});
