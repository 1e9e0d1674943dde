// Shared by the dashboard tests: a generated log with one hostile question, and the standalone dashboard
// server on 127.0.0.1 over it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { startDashboardServer, type DashboardServer } from '../../src/dashboard/server.ts';
import { openQuestionLog } from '../../src/store/question-log.ts';
import { generateLog } from '../store/generated-log.ts';

export const TOKEN = 'test-dashboard-token-0123456789';
/** A question as a Discord user could type it: it must reach the page as text and run nothing. */
export const HOSTILE = `<img src=x onerror=alert(1)> <script>document.title='pwned'</script> what about "quotes" & ampersands?`;

export interface Fixture {
  /** The fixed "now" the log was generated up to and the dashboard's periods end at. */
  now: Date;
  dir: string;
  path: string;
  url: string;
  server: DashboardServer;
  stop(): Promise<void>;
}

let app: App | null = null;

/** A log written over the last `days` days ending now (so every period has data), plus HOSTILE declined 3 times. */
export async function startFixture(options: { entries?: number; days?: number; confidence?: boolean; questionLog?: string } = {}): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'pactbot-dashboard-'));
  const path = join(dir, 'log.db');
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  generateLog({ path, entries: options.entries ?? 400, days: options.days ?? 20, now, confidence: options.confidence ?? false });
  const log = openQuestionLog({ path, logger: silentLogger() });
  for (let i = 0; i < 3; i++) {
    log.record({ id: `hostile-${i}`, kind: 'ask', question: HOSTILE, answered: false, reason: 'no-match', topPassage: null, latencyMs: 1, userId: 'mallory', source: 'gateway', at: now });
  }
  log.close();
  const env = { DASHBOARD_TOKEN: TOKEN, QUESTION_LOG: options.questionLog ?? path, PORT: '0', HOST: '127.0.0.1' };
  const config = loadConfig({ mode: 'dashboard', env, dotenvPath: false });
  app ??= createApp({ commands: COMMANDS, corpusDir: 'corpus' });
  const server = await startDashboardServer({ config, logger: silentLogger(), app, now: () => now });
  return {
    now,
    dir,
    path,
    url: `http://127.0.0.1:${server.address.port}`,
    server,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
