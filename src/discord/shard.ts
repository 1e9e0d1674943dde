// `npm run start:sharded [-- --shards N|auto] [--spawn-delay MS]`: runs the gateway bot as one process per
// shard with discord.js's ShardingManager, for bots in more than 2,500 servers (Discord's per-shard cap).
// Across machines: `--total-shards N --shards 0,1` runs only shards 0 and 1 of N here; each machine of the
// fleet names its own part, and together they cover 0 … N-1 (README, "Running at scale").
// Each shard is `src/main.ts` in a child process (under tsx); discord.js hands it SHARDS / SHARD_COUNT and the
// token through the environment, and the Client picks them up by itself. Interactions are stateless (the
// buttons carry what they need), so any shard can answer any click.
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { RESTGetAPIGatewayBotResult } from 'discord-api-types/v10';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, type Logger } from '../log.ts';
import { runEntry, stopOnSignals } from '../core/stop-signals.ts';

export interface ShardOptions {
  /** A number, or 'auto' for Discord's recommendation (GET /gateway/bot). */
  shards: number | 'auto';
  /** The shard ids this machine runs (others run the rest); null: all of them. Needs a numeric `shards`. */
  shardList: number[] | null;
  /** Pause between shard start-ups; Discord allows one IDENTIFY per 5 s per bucket. */
  spawnDelayMs: number;
  /** How long each shard may take to become ready. */
  spawnTimeoutMs: number;
  /** How long a shutdown waits for the shards to finish their in-flight replies. */
  shutdownTimeoutMs: number;
}

export const DEFAULT_SHARD_OPTIONS: ShardOptions = { shards: 'auto', shardList: null, spawnDelayMs: 5_500, spawnTimeoutMs: 60_000, shutdownTimeoutMs: 15_000 };

/** The shard script: the ordinary entry point, which starts the bot when DISCORD_TOKEN is set. */
const SHARD_SCRIPT = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * Discord's recommended shard count, asked through the configured REST base. (ShardingManager's own 'auto'
 * always asks discord.com, which would bypass DISCORD_API_BASE, e.g. a REST proxy.)
 */
export async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST({ ...(config.discord.apiBase ? { api: config.discord.apiBase } : {}) }).setToken(config.discord.token ?? '');
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, info.shards);
}

export async function startSharded(config: Config, options: Partial<ShardOptions> = {}, logger: Logger = createLogger(config.logLevel)) {
  const opts = { ...DEFAULT_SHARD_OPTIONS, ...options };
  if (!config.discord.token) throw new Error('startSharded: config.discord.token is required (loadConfig mode "bot")');
  const totalShards = opts.shards === 'auto' ? await recommendedShards(config) : opts.shards;
  if (opts.shardList && (opts.shards === 'auto' || opts.shardList.some((id) => id >= totalShards))) {
    throw new Error(`startSharded: shardList ${opts.shardList.join(',')} needs a fixed total above every id (got ${opts.shards})`);
  }
  const manager = new ShardingManager(SHARD_SCRIPT, {
    token: config.discord.token,
    totalShards,
    ...(opts.shardList ? { shardList: opts.shardList } : {}),
    mode: 'process',
    // Shards are TypeScript run through tsx, like `npm start`.
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, totalShards }, 'shard started');
    shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
  });
  logger.info({ totalShards, shardList: opts.shardList ?? 'all' }, 'spawning shards');
  await manager.spawn({ amount: totalShards, delay: opts.spawnDelayMs, timeout: opts.spawnTimeoutMs });

  /** SIGTERM to every shard (each finishes its in-flight replies and exits 0), without respawning them. */
  async function stop(): Promise<void> {
    manager.respawn = false;
    await Promise.all(
      manager.shards.map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), opts.shutdownTimeoutMs);
        await exited;
        clearTimeout(timer);
      }),
    );
    logger.info('all shards stopped');
  }
  return { manager, totalShards, stop };
}

/**
 * `--shards N|auto` alone: how many shards, all run here. With `--total-shards N`: `--shards` lists the ids
 * run here ("0,1"; default all N), so a fleet of machines splits one shard count between them.
 */
export function parseShardArgs(argv: string[]): Pick<ShardOptions, 'shards' | 'shardList' | 'spawnDelayMs'> {
  const { values } = parseArgs({ args: argv, options: { shards: { type: 'string' }, 'total-shards': { type: 'string' }, 'spawn-delay': { type: 'string' } } });
  const spawnDelayMs = values['spawn-delay'] === undefined ? DEFAULT_SHARD_OPTIONS.spawnDelayMs : Number(values['spawn-delay']);
  if (!Number.isFinite(spawnDelayMs) || spawnDelayMs < 0) throw new ConfigError(`--spawn-delay "${values['spawn-delay']}" must be a number of milliseconds.`);
  const total = values['total-shards'];
  if (total === undefined) {
    const shards = (values.shards ?? 'auto') === 'auto' ? 'auto' : Number(values.shards);
    if (shards !== 'auto' && (!Number.isInteger(shards) || shards < 1)) throw new ConfigError(`--shards "${values.shards}" must be "auto" or a whole number of at least 1.`);
    return { shards, shardList: null, spawnDelayMs };
  }
  const totalShards = Number(total);
  // Every machine must agree on the total, so "auto" (Discord's answer may change between starts) is refused.
  if (!/^\d+$/.test(total) || totalShards < 1) throw new ConfigError(`--total-shards "${total}" must be a whole number of at least 1 (the same on every machine).`);
  if (values.shards === undefined) return { shards: totalShards, shardList: null, spawnDelayMs };
  const ids = values.shards.split(',').map((id) => id.trim());
  if (!ids.every((id) => /^\d+$/.test(id) && Number(id) < totalShards)) {
    throw new ConfigError(`--shards "${values.shards}" must list shard ids from 0 to ${totalShards - 1}, comma-separated (e.g. 0,1).`);
  }
  return { shards: totalShards, shardList: [...new Set(ids.map(Number))], spawnDelayMs };
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const options = parseShardArgs(argv);
  const config = loadConfig({ mode: 'bot' });
  const logger = createLogger(config.logLevel);
  const starting = startSharded(config, options, logger);
  // Installed before the shards spawn: SIGTERM to every shard once they are up, wait for them, exit 0; a
  // second signal exits at once.
  stopOnSignals(starting, logger);
  await starting;
}

// Runs only as a script (`tsx src/discord/shard.ts`), never on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEntry(main, 'sharded start-up');
}
