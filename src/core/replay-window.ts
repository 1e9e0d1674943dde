// Remembers interaction ids for as long as their signed timestamp is accepted, so a captured request
// cannot be sent again. Ids are kept in time-bucketed sets: a lookup asks each live bucket (a few dozen at
// most), and a bucket whose ids have all gone stale is dropped whole, so nothing is ever scanned or swept id by
// id. Memory is bounded by `maxEntries` (the default holds the full 5-minute window at 3,300 requests a
// second); past it the oldest bucket goes first (those ids can then be replayed only until their timestamp
// expires too, which the clock check enforces). Per process: N instances hold N independent windows, unless
// REDIS_URL gives them one (src/store/redis-replay.ts, asynchronous; the server awaits `admit` either way).

export interface ReplayGuardOptions {
  /** How long an id stays remembered after its signed timestamp (the timestamp tolerance). */
  windowMs: number;
  maxEntries: number;
  now: () => number;
}

export const DEFAULT_REPLAY_OPTIONS: ReplayGuardOptions = { windowMs: 5 * 60_000, maxEntries: 1_000_000, now: Date.now };

/**
 * Buckets per window: ids arriving within windowMs / BUCKETS_PER_WINDOW share a set. More buckets forget sooner
 * after expiry; fewer make a lookup cheaper (it asks every live bucket). A bucket also closes once it holds
 * maxEntries / BUCKETS_PER_WINDOW ids, so dropping the oldest under pressure frees a tenth at most.
 */
const BUCKETS_PER_WINDOW = 10;

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
  const bucketMs = windowMs / BUCKETS_PER_WINDOW;
  const bucketCapacity = Math.max(1, Math.floor(maxEntries / BUCKETS_PER_WINDOW));
  // Oldest first. `until`: when the last of its ids stops being accepted, i.e. when the whole set may go.
  const buckets: { opened: number; until: number; ids: Set<string> }[] = [];
  let size = 0;

  const dropOldest = (): void => {
    size -= buckets.shift()!.ids.size;
  };

  return {
    admit(id, signedAtMs) {
      const at = now();
      while (buckets.length > 0 && buckets[0]!.until <= at) dropOldest();
      for (const bucket of buckets) if (bucket.ids.has(id)) return false;
      let newest = buckets[buckets.length - 1];
      if (!newest || at - newest.opened >= bucketMs || newest.ids.size >= bucketCapacity) {
        newest = { opened: at, until: 0, ids: new Set() };
        buckets.push(newest);
      }
      newest.ids.add(id);
      newest.until = Math.max(newest.until, Math.max(signedAtMs, at) + windowMs);
      size++;
      while (size > maxEntries && buckets.length > 1) dropOldest();
      return true;
    },
    get size() {
      return size;
    },
  };
}
