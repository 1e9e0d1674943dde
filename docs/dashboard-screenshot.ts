// Makes docs/dashboard.png, the README's picture of the operator's dashboard: a generated log (seeded, so the
// picture is reproducible), the standalone dashboard on 127.0.0.1, Debian's chromium through playwright-core.
//   npx tsx docs/dashboard-screenshot.ts [--dark] [--width 1280] [--out docs/dashboard.png]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { COMMANDS } from '../src/commands/index.ts';
import { createApp } from '../src/core/app.ts';
import { loadConfig } from '../src/config.ts';
import { startDashboardServer } from '../src/dashboard/server.ts';
import { silentLogger } from '../src/log.ts';
import { DEFAULT_GENERATED_LOG, generateLog } from '../tests/store/generated-log.ts';

const { values: args } = parseArgs({
  options: { dark: { type: 'boolean', default: false }, width: { type: 'string', default: '1280' }, out: { type: 'string', default: 'docs/dashboard.png' } },
});
const TOKEN = 'screenshot-dashboard-token';
const dir = mkdtempSync(join(tmpdir(), 'pactbot-screenshot-'));
const path = join(dir, 'log.db');
const now = DEFAULT_GENERATED_LOG.now;
generateLog({ path, entries: 12_000, days: 45, now, confidence: true, uniqueShare: 0 });
const config = loadConfig({ mode: 'dashboard', env: { DASHBOARD_TOKEN: TOKEN, QUESTION_LOG: path, PORT: '0' }, dotenvPath: false });
const server = await startDashboardServer({ config, logger: silentLogger(), app: createApp({ commands: COMMANDS, corpusDir: 'corpus' }), now: () => now });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const width = Number(args.width);
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: args.dark ? 'dark' : 'light',
    extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` },
  });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address.port}/dashboard?period=7d`);
  await page.screenshot({ path: args.out, fullPage: true });
  console.log(`wrote ${args.out}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
