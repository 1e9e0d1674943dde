// npm run bench:dashboard [-- --entries 1000000] [-- --days 400] [-- --runs 5] [-- --db FILE] [-- --json]
// The operator's dashboard over a big question log: the whole page (SQL aggregation, content-gap grouping,
// the chart rendered to SVG, the HTML) requested over loopback with the bearer token, per period, from a
// dashboard server in this process, so the CPU time measured is the server's own. The log is generated once
// (seeded, through the real question log writer) and kept under .cache/bench/ for the next run; the first
// open builds the dashboard's indexes, timed apart. Each page is checked to be the real thing: it must show
// the same total as the log holds for that period.
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { COMMANDS } from '../src/commands/index.ts';
import { createApp } from '../src/core/app.ts';
import { loadConfig } from '../src/config.ts';
import { startDashboardServer } from '../src/dashboard/server.ts';
import { silentLogger } from '../src/log.ts';
import { openDashboardStats, PERIODS, type Period } from '../src/store/dashboard-stats.ts';
import { DEFAULT_GENERATED_LOG, GENERATED_LOG_VERSION, generateLog } from '../tests/store/generated-log.ts';

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '400' },
    runs: { type: 'string', default: '5' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const entries = Number(args.entries);
const days = Number(args.days);
const runs = Number(args.runs);
const now = DEFAULT_GENERATED_LOG.now;
const TOKEN = 'bench-dashboard-token-0123456789';
const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);

const cacheDir = join('.cache', 'bench');
mkdirSync(cacheDir, { recursive: true });
const path = args.db ?? join(cacheDir, `dashboard-${entries}-${days}d-v${GENERATED_LOG_VERSION}.db`);
let generateMs: number | null = null;
if (!existsSync(path)) {
  say(`generating ${entries.toLocaleString('en-GB')} logged questions over ${days} days in ${path} …`);
  const t = performance.now();
  generateLog({ path, entries, days, now, confidence: true });
  generateMs = performance.now() - t;
}

// The first open builds the indexes (once per file; a reused file has them already).
let t = performance.now();
openDashboardStats(path).close();
const openMs = performance.now() - t;

const rows = (period: Period): number => {
  const source = new Database(path, { readonly: true });
  const since = period === 'all' ? '' : new Date(Date.parse(now.toISOString().slice(0, 13) + ':00:00Z') - ({ '24h': 23, '7d': 167, '30d': 719 } as const)[period] * 3_600_000).toISOString();
  const n = source.prepare('SELECT count(*) FROM questions WHERE at >= ?').pluck().get(since) as number;
  source.close();
  return n;
};

const config = loadConfig({ mode: 'dashboard', env: { DASHBOARD_TOKEN: TOKEN, QUESTION_LOG: path, PORT: '0' }, dotenvPath: false });
const server = await startDashboardServer({ config, logger: silentLogger(), app: createApp({ commands: COMMANDS, corpusDir: 'corpus' }), now: () => now });
const base = `http://127.0.0.1:${server.address.port}/dashboard`;

async function page(period: Period): Promise<{ wallMs: number; cpuMs: number; body: string }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const res = await fetch(`${base}?period=${period}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const body = await res.text();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (res.status !== 200) throw new Error(`bench: ${period} answered ${res.status}`);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, body };
}

t = performance.now();
const first = await page('7d');
const firstMs = performance.now() - t;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results = [];
for (const period of PERIODS) {
  const expected = rows(period);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await page(period));
  const shown = /<span class="label">Questions<\/span><span class="value">([\d,]+)<\/span>/.exec(samples[0]!.body)?.[1];
  if (Number(shown?.replace(/,/g, '')) !== expected) throw new Error(`bench: ${period} page shows ${shown} questions, the log holds ${expected}`);
  if (!samples[0]!.body.includes('<svg')) throw new Error(`bench: ${period} page has no chart`);
  results.push({
    period,
    rows: expected,
    wallMs: { median: median(samples.map((s) => s.wallMs)), max: Math.max(...samples.map((s) => s.wallMs)) },
    cpuMs: { median: median(samples.map((s) => s.cpuMs)), max: Math.max(...samples.map((s) => s.cpuMs)) },
    pageKB: Math.round(samples[0]!.body.length / 1024),
  });
}
await server.stop();

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', load: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version };
const report = { machine, entries, days, path, generateMs, openMs, firstPage: { period: '7d', wallMs: firstMs, cpuMs: first.cpuMs }, runs, periods: results };
if (args.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const f = (ms: number) => `${Math.round(ms)} ms`;
  say(`\n${machine.cpus} × ${machine.model}, load ${machine.load.join(' ')}, Node ${machine.node}`);
  say(`log: ${entries.toLocaleString('en-GB')} questions over ${days} days${generateMs === null ? ' (reused)' : `, generated in ${f(generateMs)}`}; open with indexes ${f(openMs)}`);
  say(`first page after start (7d, chart library warm-up included): ${f(firstMs)} wall, ${f(first.cpuMs)} CPU\n`);
  say('| period | rows in period | page wall median (max) | page CPU median (max) | page size |');
  say('| --- | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    say(`| ${r.period} | ${r.rows.toLocaleString('en-GB')} | ${f(r.wallMs.median)} (${f(r.wallMs.max)}) | ${f(r.cpuMs.median)} (${f(r.cpuMs.max)}) | ${r.pageKB} KB |`);
  }
}
