import { describe, expect, it } from 'vitest';
import { createCooldown } from '../../src/discord/cooldown.ts';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('cooldown', () => {
  it('allows `uses` commands in the window, then refuses with the moment the oldest use expires', () => {
    const c = clock();
    const cd = createCooldown({ uses: 3, seconds: 30, now: c.now });
    const first = c.now();
    expect(cd.take('u1')).toEqual({ ok: true, remaining: 2 });
    c.advance(1000);
    expect(cd.take('u1')).toEqual({ ok: true, remaining: 1 });
    expect(cd.take('u1')).toEqual({ ok: true, remaining: 0 });
    expect(cd.take('u1')).toEqual({ ok: false, retryAt: first + 30_000 });
  });

  it('slides: a use leaves the window exactly `seconds` after it was made', () => {
    const c = clock();
    const cd = createCooldown({ uses: 2, seconds: 10, now: c.now });
    cd.take('u1');
    c.advance(4000);
    cd.take('u1');
    c.advance(5999); // 9.999 s after the first use: still inside
    expect(cd.take('u1').ok).toBe(false);
    c.advance(1); // the first use has left the window; the second is still in it
    expect(cd.take('u1')).toEqual({ ok: true, remaining: 0 });
    const refused = cd.take('u1');
    expect(refused).toEqual({ ok: false, retryAt: c.now() - 6000 + 10_000 });
  });

  it('refusals do not count as uses', () => {
    const c = clock();
    const cd = createCooldown({ uses: 1, seconds: 10, now: c.now });
    cd.take('u1');
    for (let i = 0; i < 5; i++) expect(cd.take('u1').ok).toBe(false);
    c.advance(10_000);
    expect(cd.take('u1').ok).toBe(true);
  });

  it('keeps a separate budget per user', () => {
    const c = clock();
    const cd = createCooldown({ uses: 1, seconds: 10, now: c.now });
    expect(cd.take('u1').ok).toBe(true);
    expect(cd.take('u1').ok).toBe(false);
    expect(cd.take('u2').ok).toBe(true);
  });

  it('limits /ask, /quote and the context menu, but not /help, /about or /commitments', () => {
    const cd = createCooldown();
    expect(['ask', 'quote', 'Check against the article'].map((n) => cd.limits(n))).toEqual([true, true, true]);
    expect(['help', 'about', 'commitments'].map((n) => cd.limits(n))).toEqual([false, false, false]);
  });

  it('forgets users whose uses have all expired once many are tracked', () => {
    const c = clock();
    const cd = createCooldown({ uses: 1, seconds: 10, now: c.now, sweepAt: 3 });
    for (const u of ['a', 'b', 'c']) cd.take(u);
    c.advance(10_000);
    cd.take('d'); // 4 tracked > sweepAt: a, b and c have expired
    expect(cd.size).toBe(1);
  });

  it('rejects a budget that could never allow anything', () => {
    expect(() => createCooldown({ uses: 0 })).toThrow(/^cooldown:/);
  });
});
