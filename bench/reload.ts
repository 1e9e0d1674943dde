// A live reload of a large article while questions keep coming: how long the event loop stalls, how slow the
// questions asked during the reload are, how long the reload takes (wall and CPU), and what it does to RSS.
// `--mode main` is the former behaviour (the engine built on the main thread, as live-corpus did before the
// worker); `--mode worker` is the current one. Each mode runs in its own process so RSS is not shared:
//   npm run bench:reload                       # both modes, 50 MB article, one JSON line each
//   npm run bench:reload -- --mb 10 --mode worker
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../src/commands/index.ts';
import { createApp } from '../src/core/app.ts';
import { createEngine } from '../src/domain/engine.ts';
import { watchCorpus } from '../src/core/live-corpus.ts';
import { silentLogger } from '../src/log.ts';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '50' }, mode: { type: 'string' }, heap: { type: 'string' } } });
const MB = 2 ** 20;
/** How often a question is asked while the reload runs. */
const QUESTION_EVERY_MS = 50;
const QUESTION = 'Who signed the declaration?';
const STALL_PROBE_MS = 5;

if (!args.mode) {
  // Driver: one child per mode, with --expose-gc so "RSS after" is measured after a full collection.
  for (const mode of ['main', 'worker']) {
    const heap = args.heap ? ['--heap', args.heap] : [];
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/reload.ts', '--mb', args.mb!, '--mode', mode, ...heap], { stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(run.stdout);
  }
} else {
  await measure(args.mode as 'main' | 'worker', Number(args.mb));
}

/** A valid article of about `mb` MB: distinct paragraphs of ordinary news prose. */
function article(mb: number): string {
  const parts = ['---\ntitle: Harbour Council Minutes\ndate: 2026-01-20\n---\n\n# Harbour Council Minutes\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < mb * MB; i++) {
    const p = `\nDelegation ${i} from the northern harbour council met the ministry on day ${i % 365} to review ferry number ${i * 7} and its winter timetable.\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

async function measure(mode: 'main' | 'worker', mb: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'pactbot-bench-reload-'));
  const dir = join(root, 'corpus');
  cpSync('corpus', dir, { recursive: true });
  const app = createApp({ commands: COMMANDS, corpusDir: dir });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const watcher = watchCorpus({
    app,
    dir,
    logger: silentLogger(),
    debounceMs: 1e9, // reloads only when asked
    maxCorpusBytes: 4096 * MB,
    ...(mode === 'main' ? { build: (corpus) => createEngine(corpus) } : {}),
    ...(args.heap ? { maxBuildHeapMb: Number(args.heap) } : {}),
  });
  writeFileSync(join(dir, 'minutes.md'), article(mb));

  const latencies: number[] = [];
  let answered = 0;
  let peakRss = rssBefore;
  // A question every 50 ms: its latency counts from when it was due, so a blocked loop shows as waiting. The
  // loop's longest stall is the longest gap between two turns of a 5 ms timer (a blocked loop delays it).
  let due = performance.now() + QUESTION_EVERY_MS;
  let lastTurn = performance.now();
  let maxStall = 0;
  const turn = () => {
    const now = performance.now();
    maxStall = Math.max(maxStall, now - lastTurn);
    lastTurn = now;
    while (due <= now) {
      if (app.context.engine.ask(QUESTION).answered) answered++;
      latencies.push(performance.now() - due);
      due += QUESTION_EVERY_MS;
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const asker = setInterval(turn, STALL_PROBE_MS);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const event = await watcher.reload('bench');
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  turn(); // the questions that came due while a blocking reload held the loop
  clearInterval(asker);
  watcher.stop();
  const check = { answered: app.context.engine.info().articles.some((a) => a.title === 'Harbour Council Minutes') };
  gc?.();
  const { rss: rssAfter, heapUsed: heapAfter } = process.memoryUsage();
  rmSync(root, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
  const out = {
    mode,
    articleMB: mb,
    ok: event.ok,
    ...(event.ok === false ? { error: event.error.message.slice(0, 300) } : {}),
    passages: event.ok === true ? event.info.passages : null,
    newArticleLoaded: check.answered,
    reloadWallMs: Math.round(wallMs),
    // process.cpuUsage covers every thread of the process, the worker's included.
    reloadCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxEventLoopStallMs: Math.round(maxStall),
    questionsDuringReload: latencies.length,
    questionsAnswered: answered,
    questionWaitMs: { p50: q(0.5), p99: q(0.99), max: Math.round(latencies.at(-1) ?? 0) },
    rssMB: { before: Math.round(rssBefore / MB), peak: Math.round(peakRss / MB), afterGc: Math.round(rssAfter / MB) },
    heapUsedAfterGcMB: Math.round(heapAfter / MB),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
