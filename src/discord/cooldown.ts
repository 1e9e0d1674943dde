// Per-user cooldown: at most `uses` limited commands in any sliding window of `seconds`. One budget covers
// every limited command (/ask, /quote, the context menu), so switching command does not reset it.
// Autocomplete, buttons, /help and /about are never limited: they are cheap and a user typing a name fires
// autocomplete on every keystroke. This one is in memory, per process: a restart forgets it, which is
// acceptable. With REDIS_URL every instance shares one budget instead (src/store/redis-cooldown.ts), which
// answers asynchronously; callers await `take` either way.
import { CHECK_COMMAND_NAME } from './commands/check.ts';

/** Commands that cost an engine search; others pass freely. Names as registered (the context menu's too). */
export const LIMITED_COMMANDS: ReadonlySet<string> = new Set(['ask', 'quote', CHECK_COMMAND_NAME]);

export interface CooldownOptions {
  uses: number;
  seconds: number;
  /** Clock in epoch milliseconds; tests pass their own. */
  now: () => number;
  /** Users tracked before stale entries are swept (bounds memory on a busy server). */
  sweepAt: number;
}

export const DEFAULT_COOLDOWN_OPTIONS: CooldownOptions = { uses: 5, seconds: 30, now: Date.now, sweepAt: 10_000 };

export type CooldownVerdict = { ok: true; remaining: number } | { ok: false; retryAt: number };

export interface Cooldown {
  /** Counts one use by `userId` if the budget allows it; otherwise says when the oldest use leaves the window. */
  take(userId: string): CooldownVerdict | Promise<CooldownVerdict>;
  /** Whether a command name is subject to the limit. */
  limits(commandName: string): boolean;
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
  // Each user's recent use times, oldest first; never longer than `uses`.
  const uses = new Map<string, number[]>();

  const sweep = (now: number) => {
    for (const [user, times] of uses) if (times[times.length - 1]! <= now - windowMs) uses.delete(user);
  };

  return {
    take(userId) {
      const now = opts.now();
      const times = (uses.get(userId) ?? []).filter((t) => t > now - windowMs);
      if (times.length >= opts.uses) {
        uses.set(userId, times);
        return { ok: false, retryAt: times[0]! + windowMs };
      }
      times.push(now);
      uses.set(userId, times);
      if (uses.size > opts.sweepAt) sweep(now);
      return { ok: true, remaining: opts.uses - times.length };
    },
    limits: (name) => LIMITED_COMMANDS.has(name),
    get size() {
      return uses.size;
    },
  };
}
