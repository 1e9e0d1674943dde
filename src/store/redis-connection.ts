// One Redis connection shared by the cooldown and the replay guard (REDIS_URL), tuned so that a dead or hung
// Redis never holds a reply up: commands are not queued while disconnected (they fail at once), a command
// waits at most `commandTimeoutMs`, and after a failure Redis is skipped for `pauseAfterFailureMs` so a hung
// server costs one timeout per pause, not one per request. ioredis reconnects by itself, with backoff; callers
// fall back to their in-process state while `available` is false. An outage is logged once when it starts and
// once when it ends. The URL is never logged (it may carry a password): only host and port.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

export const DEFAULT_REDIS_OPTIONS = {
  /** Longest a request waits on Redis before it falls back (REDIS_TIMEOUT_MS; loopback round trips ~0.1 ms). */
  commandTimeoutMs: 50,
  connectTimeoutMs: 1_000,
  /** Reconnect backoff: attempt n waits min(n × base, max). */
  retryBaseMs: 50,
  retryMaxMs: 2_000,
  /** After a failed command, requests use the in-process state for this long before trying Redis again. */
  pauseAfterFailureMs: 1_000,
  now: Date.now as () => number,
};

export type RedisOptions = typeof DEFAULT_REDIS_OPTIONS;

export interface SharedRedis {
  client: Redis;
  /** Prefix of every key this bot writes (REDIS_KEY_PREFIX), so several bots can share one Redis. */
  keyPrefix: string;
  /** Whether a request should try Redis now (connected, and not paused after a failure). */
  readonly available: boolean;
  /** Reports a failed command: starts a pause and logs the outage (once). */
  failed(error: unknown): void;
  /** Resolves once connected (tests, benchmarks); rejects if `quit` comes first. */
  ready(): Promise<void>;
  /** Resolves true once connected, or false after the connect timeout (start-up waits this long at most). */
  connected(): Promise<boolean>;
  close(): Promise<void>;
}

export function connectRedis(
  target: { url: string; keyPrefix: string; commandTimeoutMs?: number },
  logger: Logger,
  options: Partial<RedisOptions> = {},
): SharedRedis {
  const opts = { ...DEFAULT_REDIS_OPTIONS, ...(target.commandTimeoutMs ? { commandTimeoutMs: target.commandTimeoutMs } : {}), ...options };
  const client = new Redis(target.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    commandTimeout: opts.commandTimeoutMs,
    connectTimeout: opts.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * opts.retryBaseMs, opts.retryMaxMs),
  });
  const where = { host: client.options.host, port: client.options.port };
  const log = logger.child({ component: 'redis', redis: where });
  let pausedUntil = 0;
  /** True from the first failure of an outage until the connection is ready again. */
  let down = false;
  let closing = false;

  const outage = (error: unknown): void => {
    if (down || closing) return;
    down = true;
    log.warn({ err: error }, 'redis unavailable: cooldowns and the replay window fall back to this process until it is back');
  };
  client.on('ready', () => {
    pausedUntil = 0;
    if (down) log.info('redis back: cooldowns and the replay window are shared again');
    else log.info('redis connected');
    down = false;
  });
  // Without a listener ioredis prints every reconnect error; one line per outage is enough.
  client.on('error', outage);
  client.on('close', () => outage(new Error('connection closed')));

  return {
    client,
    keyPrefix: target.keyPrefix,
    get available() {
      return client.status === 'ready' && opts.now() >= pausedUntil;
    },
    failed(error) {
      pausedUntil = opts.now() + opts.pauseAfterFailureMs;
      outage(error);
    },
    ready() {
      if (client.status === 'ready') return Promise.resolve();
      return new Promise((resolve, reject) => {
        const onReady = (): void => {
          client.off('end', onEnd);
          resolve();
        };
        const onEnd = (): void => {
          client.off('ready', onReady);
          reject(new Error('redis connection ended'));
        };
        client.once('ready', onReady);
        client.once('end', onEnd);
      });
    },
    connected() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), opts.connectTimeoutMs);
      });
      return Promise.race([this.ready().then(() => true, () => false), timeout]).finally(() => clearTimeout(timer));
    },
    async close() {
      if (closing) return;
      closing = true;
      // quit() waits for the server; a dead one would keep us: disconnect then.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}
