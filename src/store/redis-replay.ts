// The replay window shared by every HTTP instance through Redis: an interaction id is admitted once, by
// `SET key 1 NX PX window` (atomic, one round trip), so a captured request replayed to another instance is
// refused too. Every id also goes through the in-process guard first, so this instance refuses its own
// replays even while Redis is away (or after a Redis restart, since Redis keeps nothing on disk here).
import { createReplayGuard, DEFAULT_REPLAY_OPTIONS, type ReplayGuard, type ReplayGuardOptions } from '../core/replay-window.ts';
import type { SharedRedis } from './redis-connection.ts';

export interface SharedReplayGuard extends ReplayGuard {
  admit(id: string, signedAtMs: number): Promise<boolean>;
}

export function createRedisReplayGuard(redis: SharedRedis, options: Partial<ReplayGuardOptions> = {}): SharedReplayGuard {
  const opts = { ...DEFAULT_REPLAY_OPTIONS, ...options };
  const local = createReplayGuard(opts);
  return {
    async admit(id, signedAtMs) {
      if (!local.admit(id, signedAtMs)) return false;
      if (!redis.available) return true;
      // Remembered as long as the local guard does: until the later of now and the signed time, plus the window.
      const ttlMs = opts.windowMs + Math.max(0, signedAtMs - opts.now());
      try {
        return (await redis.client.set(`${redis.keyPrefix}replay:${id}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        redis.failed(error);
        return true;
      }
    },
    get size() {
      return local.size;
    },
  };
}
