// The per-user cooldown shared by every instance through Redis: a sliding window per user kept as a sorted
// set of use times, checked and counted by one Lua script (atomic, one round trip). Times come from the
// Redis server's clock (TIME), so instances on machines whose clocks drift still agree on one window.
// When Redis is unavailable the in-process cooldown answers instead; every use Redis admits is counted there
// too, so a user's recent uses on this instance still count during an outage. Keys name a user by a hash of
// their id (a Redis dump lists no Discord ids), and expire with the window.
import { createHash, randomBytes } from 'node:crypto';
import { createCooldown, type Cooldown, type CooldownVerdict, type LocalCooldown } from '../core/cooldown.ts';
import type { SharedRedis } from './redis-connection.ts';

/** KEYS[1] the user's window; ARGV window ms, uses, a unique member. Returns {1, remaining} or {0, retryAt ms}. */
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, limit - count - 1}
`;

const COMMAND = 'pactbotCooldown';

type CooldownScript = (key: string, windowMs: number, uses: number, member: string) => Promise<[number, number]>;

export interface SharedCooldown extends Cooldown {
  take(userId: string): Promise<CooldownVerdict>;
  /** The in-process fallback (what answers while Redis is away). */
  readonly local: LocalCooldown;
}

/** The Redis key of a user's window. */
export function cooldownKey(prefix: string, userId: string): string {
  return `${prefix}cooldown:${createHash('sha256').update(userId).digest('base64url').slice(0, 22)}`;
}

export function createRedisCooldown(redis: SharedRedis, options: { uses: number; seconds: number }): SharedCooldown {
  const local = createCooldown(options);
  const windowMs = options.seconds * 1000;
  redis.client.defineCommand(COMMAND, { numberOfKeys: 1, lua: SLIDING_WINDOW });
  const script = (redis.client as unknown as Record<typeof COMMAND, CooldownScript>)[COMMAND].bind(redis.client);
  // Members of a sorted set must differ: two uses in the same millisecond from two instances count twice.
  const instance = randomBytes(6).toString('hex');
  let counter = 0;

  return {
    local,
    async take(userId) {
      if (!redis.available) return local.take(userId);
      try {
        const [admitted, value] = await script(cooldownKey(redis.keyPrefix, userId), windowMs, options.uses, `${instance}:${counter++}`);
        if (admitted !== 1) return { ok: false, retryAt: value };
        local.take(userId);
        return { ok: true, remaining: value };
      } catch (error) {
        redis.failed(error);
        return local.take(userId);
      }
    },
  };
}
