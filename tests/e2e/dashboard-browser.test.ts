// The dashboard in a real browser: Debian's chromium driven by playwright-core (never a browser download).
// Without /usr/bin/chromium these tests are skipped with one line, except under CI=true, where that fails.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDashboardStats, type DashboardStats, type Period } from '../../src/store/dashboard-stats.ts';
import { HOSTILE, startFixture, TOKEN, type Fixture } from '../dashboard/support.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const required = process.env.CI === 'true';
if (!present && !required) console.warn(`dashboard browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describe.runIf(required && !present)('dashboard browser tests under CI', () => {
  it(`need ${CHROMIUM} (.ci/run installs it)`, () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });
});

describe.runIf(present)('dashboard in chromium', () => {
  let browser: Browser;
  let f: Fixture;
  /** Every URL any page asked for, and anything the page reported: must all stay on 127.0.0.1, and be quiet. */
  const requested: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    f = await startFixture({ entries: 600, days: 40, confidence: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await f?.stop();
  });

  const stats = async (period: Period): Promise<DashboardStats> => {
    const source = openDashboardStats(f.path);
    try {
      return await source.stats(period, f.now);
    } finally {
      source.close();
    }
  };
  const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);

  async function watched(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      // The login page is a 401 and the browser's favicon a 404, on purpose; any other error (a CSP violation) is not.
      if (m.type() === 'error' && !/Failed to load resource: .* status of (401|404)/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return { context, page };
  }

  async function logIn(page: Page): Promise<void> {
    const first = await page.goto(`${f.url}/dashboard`);
    expect(first?.status()).toBe(401);
    await page.fill('#token', TOKEN);
    await Promise.all([page.waitForURL(/\/dashboard\?period=7d$/), page.click('form.login button[type=submit]')]);
  }

  async function expectNumbers(page: Page, period: Period): Promise<void> {
    const want = await stats(period);
    const cards = await page.locator('.card').allInnerTexts();
    expect(cards.find((c) => c.startsWith('Questions'))).toContain(count(want.totals.questions));
    expect(cards.find((c) => c.startsWith('Declined'))).toContain(count(want.totals.declined));
    expect(cards.find((c) => c.startsWith('Low confidence'))).toContain(count(want.totals.lowConfidence!));
    const top = page.locator('#most-asked tbody tr').first().locator('td');
    expect(await top.nth(0).innerText()).toBe(count(want.mostAsked[0]!.count));
    expect(await top.nth(1).innerText()).toBe(want.mostAsked[0]!.question);
    const latencyRows = await page.locator('#latency tbody tr').count();
    expect(latencyRows).toBe(want.latency.length);
  }

  it('answers 401 without the token', async () => {
    const { context, page } = await watched();
    const res = await page.goto(`${f.url}/dashboard?period=all`);
    expect(res?.status()).toBe(401);
    await expect(page.locator('#token').count()).resolves.toBe(1);
    await expect(page.locator('#most-asked').count()).resolves.toBe(0);
    await context.close();
  });

  it('logs in with the token, shows the chart and the seeded numbers, and switches the period', async () => {
    const { context, page } = await watched();
    await logIn(page);
    expect(await page.locator('figure.chart svg').count()).toBe(1);
    expect(await page.locator('figure.chart svg').getAttribute('class')).toContain('marks');
    expect(await page.locator('nav.periods a[aria-current=page]').innerText()).toBe('7 days');
    await expectNumbers(page, '7d');

    await Promise.all([page.waitForURL(/period=24h$/), page.click('nav.periods a[href$="period=24h"]')]);
    expect(await page.locator('nav.periods a[aria-current=page]').innerText()).toBe('24 hours');
    expect(await page.locator('#chart-title').innerText()).toBe('Questions per hour');
    expect(await page.locator('#chart-data tbody tr').count()).toBe(24);
    await expectNumbers(page, '24h');

    await Promise.all([page.waitForURL(/period=all$/), page.click('nav.periods a[href$="period=all"]')]);
    await expectNumbers(page, 'all');
    await context.close();
  });

  it('shows a question with <img onerror> and <script> as text, and nothing runs', async () => {
    const { context, page } = await watched();
    await logIn(page);
    await page.goto(`${f.url}/dashboard?period=24h`);
    const gaps = await page.locator('#content-gaps').innerText();
    expect(gaps).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the tables with JavaScript disabled', async () => {
    const { context, page } = await watched({ javaScriptEnabled: false });
    await context.setExtraHTTPHeaders({ authorization: `Bearer ${TOKEN}` });
    await page.goto(`${f.url}/dashboard?period=30d`);
    const want = await stats('30d');
    expect(await page.locator('#most-asked tbody tr').count()).toBe(want.mostAsked.length);
    expect(await page.locator('#rated tbody tr').count()).toBe(want.rated.length);
    expect(await page.locator('#documents li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('made no request beyond 127.0.0.1 and broke no rule of its own CSP', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => new URL(u).hostname !== '127.0.0.1')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
