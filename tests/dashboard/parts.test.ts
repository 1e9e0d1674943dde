import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createAuth, readCookie, sameSecret } from '../../src/dashboard/auth.ts';
import { groupContentGaps } from '../../src/dashboard/gaps.ts';
import { escapeHtml, html, trusted } from '../../src/dashboard/html.ts';
import { chartRows, renderChart } from '../../src/dashboard/chart.ts';

const TOKEN = 'a-long-enough-dashboard-token';
const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('html', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const q = `<img src=x onerror=alert(1)>"'&`;
    expect(html`<td title="${q}">${q}</td>`.value).toBe(
      '<td title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</td>',
    );
    expect(escapeHtml('plain')).toBe('plain');
  });

  it('keeps markup it built itself, and lists of it, and prints nothing for null or booleans', () => {
    const rows = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}</ul>${null}${false}${trusted('<svg/>')}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul><svg/>');
  });
});

describe('content gaps', () => {
  const w = (question: string, count: number) => ({ question, count, reason: 'weak-match' });

  it('groups wordings of the same question and keeps different questions apart', () => {
    const gaps = groupContentGaps([w('Is Germany sending troops?', 5), w('Will Germany send troops?', 3), w('What does the pact cost?', 4), w('How much does the pact cost?', 2)], 10);
    expect(gaps.map((g) => [g.question, g.count])).toEqual([
      ['Is Germany sending troops?', 8],
      ['What does the pact cost?', 6],
    ]);
    expect(gaps[0]!.variants).toEqual([{ question: 'Will Germany send troops?', count: 3 }]);
  });

  it('does not merge questions that share one word', () => {
    const gaps = groupContentGaps([w('Is Germany sending troops?', 5), w('Is Germany paying?', 4)], 10);
    expect(gaps).toHaveLength(2);
  });

  it('keeps wordings without content words apart unless identical, and stops at the limit', () => {
    expect(groupContentGaps([w('???', 2), w('what?', 1), w('a', 1)], 10)).toHaveLength(3);
    expect(groupContentGaps([w('one thing', 3), w('two things', 2), w('three', 1)], 2)).toHaveLength(2);
  });
});

describe('dashboard auth', () => {
  it('compares secrets of any length without throwing', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret('', TOKEN)).toBe(false);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
  });

  it('accepts its own session cookie until it expires', () => {
    let now = 1_000_000;
    const auth = createAuth(TOKEN, { now: () => now, sessionMs: 60_000 });
    const cookie = auth.sessionCookie(false).split(';')[0]!;
    expect(auth.allows(request({ cookie: `other=1; ${cookie}` }))).toBe(true);
    now += 60_001;
    expect(auth.allows(request({ cookie }))).toBe(false);
  });

  it('does not accept a session made with another token', () => {
    const cookie = createAuth('another-token-of-some-length').sessionCookie(true);
    expect(cookie).toMatch(/; Secure$/);
    expect(createAuth(TOKEN).allows(request({ cookie: cookie.split(';')[0]! }))).toBe(false);
  });

  it('reads one cookie among several', () => {
    expect(readCookie('a=1; pactbot_dashboard=x.y; b=2', 'pactbot_dashboard')).toBe('x.y');
    expect(readCookie(undefined, 'a')).toBeNull();
  });
});

describe('questions-over-time chart', () => {
  const now = new Date('2026-11-30T12:30:00Z');

  it('has a bar for every hour of the last 24, empty ones as zero', () => {
    const { bucket, rows } = chartRows('24h', [{ hour: '2026-11-30T12', answered: 2, declined: 1, lowConfidence: 0 }], now);
    expect(bucket).toBe('hour');
    expect(rows).toHaveLength(24);
    expect(rows.at(-1)).toEqual({ start: '2026-11-30T12:00:00Z', answered: 2, declined: 1, lowConfidence: 0 });
    expect(rows.slice(0, -1).every((r) => r.answered + r.declined === 0)).toBe(true);
  });

  it('counts days for 7 and 30 days, months for a long history', () => {
    const hours = [
      { hour: '2026-11-29T01', answered: 1, declined: 0, lowConfidence: 1 },
      { hour: '2026-11-29T05', answered: 2, declined: 3, lowConfidence: 0 },
    ];
    const week = chartRows('7d', hours, now);
    expect(week.bucket).toBe('day');
    expect(week.rows.find((r) => r.start.startsWith('2026-11-29'))).toMatchObject({ answered: 3, declined: 3, lowConfidence: 1 });
    expect(chartRows('all', [{ hour: '2025-01-01T00', answered: 1, declined: 0, lowConfidence: 0 }], now).bucket).toBe('month');
  });

  it('renders SVG with a legend for the series shown', async () => {
    const { bucket, rows } = chartRows('24h', [{ hour: '2026-11-30T12', answered: 2, declined: 1, lowConfidence: 1 }], now);
    const plain = await renderChart(bucket, rows, false);
    expect(plain.startsWith('<svg')).toBe(true);
    expect(plain).toContain('Declined');
    expect(plain).not.toContain('Low confidence');
    expect(await renderChart(bucket, rows, true)).toContain('Low confidence');
  });
});
