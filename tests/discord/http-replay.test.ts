// The replay window on its own: ids are refused while their timestamp could still be accepted, forgotten
// afterwards, and memory stays bounded whatever the traffic.
import { describe, expect, it } from 'vitest';
import { createReplayGuard } from '../../src/core/replay-window.ts';

const WINDOW = 5 * 60_000;

describe('createReplayGuard', () => {
  it('admits an id once within its window', () => {
    let now = 1_000_000;
    const guard = createReplayGuard({ windowMs: WINDOW, now: () => now });
    expect(guard.admit('1', now)).toBe(true);
    now += WINDOW - 1;
    expect(guard.admit('1', now - WINDOW + 1)).toBe(false);
  });

  it('remembers an id signed in the future until that timestamp has gone stale too', () => {
    let now = 1_000_000;
    const guard = createReplayGuard({ windowMs: WINDOW, now: () => now });
    const signedAt = now + WINDOW - 1_000;
    expect(guard.admit('9', signedAt)).toBe(true);
    now += WINDOW + 500; // past "arrival + window", but the timestamp is still within tolerance
    expect(guard.admit('9', signedAt)).toBe(false);
  });

  it('forgets ids once their window has passed, so memory follows traffic', () => {
    let now = 0;
    const guard = createReplayGuard({ windowMs: WINDOW, now: () => now });
    for (let i = 0; i < 1_000; i++) guard.admit(String(i), now);
    expect(guard.size).toBe(1_000);
    now += WINDOW + 1;
    guard.admit('next', now);
    expect(guard.size).toBe(1);
    expect(guard.admit('5', now)).toBe(true);
  });

  it('never holds more than maxEntries, dropping the oldest first', () => {
    const guard = createReplayGuard({ windowMs: WINDOW, maxEntries: 100, now: () => 0 });
    for (let i = 0; i < 1_000; i++) guard.admit(String(i), 0);
    expect(guard.size).toBe(100);
    expect(guard.admit('999', 0)).toBe(false);
    expect(guard.admit('0', 0)).toBe(true);
  });
});
