import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createCooldown } from '../../src/core/cooldown.ts';

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
    const limited = (name: string) => COMMANDS.find((c) => c.data.name === name)?.limited === true;
    expect(['ask', 'quote', 'Check against the article'].map(limited)).toEqual([true, true, true]);
    expect(['help', 'about', 'commitments'].map(limited)).toEqual([false, false, false]);
  });

  it('forgets users whose uses have all expired, at the next use after their window', () => {
    const c = clock();
    const cd = createCooldown({ uses: 1, seconds: 10, now: c.now });
    for (const u of ['a', 'b', 'c']) cd.take(u);
    c.advance(10_000);
    cd.take('d'); // the next use after their window: a, b and c have expired
    expect(cd.size).toBe(1);
  });

  it('keeps a user who is still in the window when the users around them are forgotten', () => {
    const c = clock();
    const cd = createCooldown({ uses: 2, seconds: 10, now: c.now });
    cd.take('steady');
    for (let i = 0; i < 1_000; i++) cd.take(`passer-${i}`);
    c.advance(9_000);
    cd.take('steady'); // second use, 9 s after the first
    c.advance(1_500); // the passers have expired, and so has steady's first use, but not the second
    cd.take('late');
    expect(cd.size).toBe(2);
    expect(cd.take('steady')).toEqual({ ok: true, remaining: 0 });
    expect(cd.take('steady').ok).toBe(false);
  });

  it('holds only the users active within the window, however many came and went', () => {
    const c = clock();
    const cd = createCooldown({ uses: 5, seconds: 30, now: c.now });
    // 100 new users every 100 ms for 2 minutes: 1,000 a second, 30,000 in any 30 s window.
    for (let step = 0; step < 1_200; step++) {
      for (let u = 0; u < 100; u++) cd.take(`user-${step}-${u}`);
      c.advance(100);
    }
    expect(cd.size).toBeLessThanOrEqual(30_000 + 1_000);
    expect(cd.size).toBeGreaterThanOrEqual(29_000);
  });

  it('rejects a budget that could never allow anything', () => {
    expect(() => createCooldown({ uses: 0 })).toThrow(/^cooldown:/);
  });
});
