// Remembers interaction ids for as long as their signed timestamp is accepted, so a captured request
// cannot be sent again. Memory is bounded twice: entries leave once their timestamp has gone stale, and
// past `maxEntries` the oldest are dropped (they can then be replayed only until their timestamp expires
// too, which the clock check enforces). Per process: N instances hold N independent windows, unless
// REDIS_URL gives them one (src/store/redis-replay.ts, asynchronous; the server awaits `admit` either way).

export interface ReplayGuardOptions {
  /** How long an id stays remembered after its signed timestamp (the timestamp tolerance). */
  windowMs: number;
  maxEntries: number;
  now: () => number;
}

export const DEFAULT_REPLAY_OPTIONS: ReplayGuardOptions = { windowMs: 5 * 60_000, maxEntries: 100_000, now: Date.now };

export interface ReplayGuard {
  /** Records the id and returns true if it is new; false if it was already seen within its window. */
  admit(id: string, signedAtMs: number): boolean | Promise<boolean>;
  /** Ids remembered in this process (a metric). */
  readonly size: number;
}

/** The in-process guard: answers at once. */
export interface LocalReplayGuard extends ReplayGuard {
  admit(id: string, signedAtMs: number): boolean;
}

export function createReplayGuard(options: Partial<ReplayGuardOptions> = {}): LocalReplayGuard {
  const { windowMs, maxEntries, now } = { ...DEFAULT_REPLAY_OPTIONS, ...options };
  // Insertion order ≈ arrival order, so expired entries gather at the front: sweeping the front is O(expired).
  const expiries = new Map<string, number>();

  const sweep = (at: number): void => {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > at && expiries.size <= maxEntries) break;
      expiries.delete(id);
    }
  };

  return {
    admit(id, signedAtMs) {
      const at = now();
      sweep(at);
      const known = expiries.get(id);
      if (known !== undefined && known > at) return false;
      expiries.delete(id);
      expiries.set(id, Math.max(signedAtMs, at) + windowMs);
      if (expiries.size > maxEntries) sweep(at);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
