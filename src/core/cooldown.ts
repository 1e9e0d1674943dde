// Per-user cooldown: at most `uses` limited commands in any sliding window of `seconds`. One budget covers
// every command flagged `limited` (/ask, /quote, the context menu), so switching command does not reset it.
// Autocomplete, buttons, /help and /about are never limited: they are cheap and a user typing a name fires
// autocomplete on every keystroke. This one is in memory, per process: a restart forgets it, which is
// acceptable. Each use costs O(1) however many users are active: idle users are forgotten by sweep periods,
// never by a full scan. With REDIS_URL every instance shares one budget instead (src/store/redis-cooldown.ts),
// which answers asynchronously; callers await `take` either way.

export interface CooldownOptions {
  uses: number;
  seconds: number;
  /** Clock in epoch milliseconds; tests pass their own. */
  now: () => number;
  /** Users whose uses have all left the window are forgotten at most this often (bounds memory, costs O(1) per use). */
  sweepEveryMs: number;
}

export const DEFAULT_COOLDOWN_OPTIONS: CooldownOptions = { uses: 5, seconds: 30, now: Date.now, sweepEveryMs: 1_000 };

export type CooldownVerdict = { ok: true; remaining: number } | { ok: false; retryAt: number };

export interface Cooldown {
  /** Counts one use by `userId` if the budget allows it; otherwise says when the oldest use leaves the window. */
  take(userId: string): CooldownVerdict | Promise<CooldownVerdict>;
}

/** The in-process cooldown: answers at once. */
export interface LocalCooldown extends Cooldown {
  take(userId: string): CooldownVerdict;
  /** Users currently tracked (for tests and metrics). */
  readonly size: number;
}

export function createCooldown(options: Partial<CooldownOptions> = {}): LocalCooldown {
  const opts = { ...DEFAULT_COOLDOWN_OPTIONS, ...options };
  if (!(opts.uses >= 1 && opts.seconds > 0)) throw new Error(`cooldown: uses must be ≥ 1 and seconds > 0 (got ${opts.uses}, ${opts.seconds})`);
  const windowMs = opts.seconds * 1000;
  const users = new Map<string, UserUses>();
  // Who used a command in each sweep period, oldest period first: a sweep looks only at periods that have left
  // the window, so forgetting idle users costs O(1) per use however many users are active (no full scans).
  const periods: { start: number; users: string[] }[] = [];
  let lastSweep = Number.NEGATIVE_INFINITY;

  const sweep = (now: number): void => {
    lastSweep = now;
    const cutoff = now - windowMs;
    while (periods.length > 0 && periods[0]!.start <= cutoff) {
      const period = periods[0]!;
      // Users seen again in a later period are listed there too; here only those whose last use was in this one.
      const stillHere = period.users.filter((id) => {
        const entry = users.get(id);
        if (!entry || entry.period !== period) return false;
        if (entry.last() > cutoff) return true;
        users.delete(id);
        return false;
      });
      if (stillHere.length > 0) {
        // Part of this period is still inside the window: looked at again on a later sweep.
        period.users = stillHere;
        break;
      }
      periods.shift();
    }
  };

  const periodFor = (now: number) => {
    const newest = periods[periods.length - 1];
    if (newest && now - newest.start < opts.sweepEveryMs) return newest;
    const fresh = { start: now, users: [] as string[] };
    periods.push(fresh);
    return fresh;
  };

  return {
    take(userId) {
      const now = opts.now();
      if (now - lastSweep >= opts.sweepEveryMs) sweep(now);
      let entry = users.get(userId);
      if (!entry) {
        entry = new UserUses();
        users.set(userId, entry);
      }
      entry.expire(now - windowMs);
      if (entry.count >= opts.uses) return { ok: false, retryAt: entry.first() + windowMs };
      entry.add(now);
      const period = periodFor(now);
      if (entry.period !== period) {
        entry.period = period;
        period.users.push(userId);
      }
      return { ok: true, remaining: opts.uses - entry.count };
    },
    get size() {
      return users.size;
    },
  };
}

/** One user's use times in the window, oldest first, as a queue (a head index, compacted now and then). */
class UserUses {
  #times: number[] = [];
  #head = 0;
  /** The sweep period this user was last listed in. */
  period: object | null = null;
  get count(): number {
    return this.#times.length - this.#head;
  }
  first(): number {
    return this.#times[this.#head]!;
  }
  last(): number {
    return this.#times[this.#times.length - 1] ?? Number.NEGATIVE_INFINITY;
  }
  add(time: number): void {
    this.#times.push(time);
  }
  /** Drops uses at or before `cutoff` (each use is dropped once: amortised O(1)). */
  expire(cutoff: number): void {
    while (this.#head < this.#times.length && this.#times[this.#head]! <= cutoff) this.#head++;
    if (this.#head > 0 && this.#head * 2 >= this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#head = 0;
    }
  }
}
