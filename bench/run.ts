// npm run bench [-- --quick] [-- --json] [-- --sizes article,1k,10k,100k] [-- --seed 42] [-- --cache .cache/bench]
// For each corpus size: generates the synthetic archive (once, cached under .cache/bench/), then measures pactbot,
// plain MiniSearch and the best alternative, each in a fresh child process (clean heap figures), and a
// cold start from the persisted index in another. Prints a Markdown table, or with --json one object on stdout.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus } from './synth/corpus.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '42' },
    cache: { type: 'string' },
  },
});

const ROOT = join(import.meta.dirname, '..');
const CACHE = args.cache ?? join(ROOT, '.cache', 'bench');
const DEV = join(ROOT, 'tests', 'fixtures', 'dev-ask.jsonl');
// --quick: up to 10k passages, fewer questions, shorter runs, no second baseline (about a minute).
const PLAN = args.quick
  ? { sizes: 'article,1k,10k', questions: 100, timeMs: 500, baselines: ['plain'] }
  : { sizes: 'article,1k,10k,100k', questions: 300, timeMs: 3000, baselines: ['plain', 'alt'] };
const SIZES: Record<string, number> = { article: 0, '1k': 1_000, '10k': 10_000, '100k': 100_000 };
const sizes = (args.sizes ?? PLAN.sizes).split(',').map((s) => {
  const n = SIZES[s] ?? Number(s);
  if (!Number.isInteger(n) || n < 0) throw new Error(`bench: unknown size "${s}" (article, 1k, 10k, 100k or a number)`);
  return n;
});

const log = (msg: string) => process.stderr.write(`${msg}\n`);

/** Runs a bench script in a fresh Node process and parses the JSON line it prints. */
function child(script: string, flags: Record<string, string | number>): Record<string, unknown> {
  const argv = ['--import', 'tsx', '--expose-gc', join(import.meta.dirname, script), ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, String(v)])];
  const out = execFileSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

const results = [];
for (const n of sizes) {
  const started = performance.now();
  const dir = ensureCorpus({ passages: n, seed: Number(args.seed), realDir: join(ROOT, 'corpus'), cacheDir: CACHE });
  const cache = join(CACHE, `index-${n}`);
  // Start from an empty cache folder: size.ts builds and saves, cold.ts must then load what it saved.
  rmSync(cache, { recursive: true, force: true });
  const common = { dir, cache, dev: DEV, seed: args.seed, questions: PLAN.questions, time: PLAN.timeMs };
  const pactbot = child('size.ts', { ...common, engine: 'pactbot' });
  const cold = child('cold.ts', { dir, cache });
  // Baselines as {p50Ms, p99Ms, …} (the documented --json shape), with their build time and heap beside.
  const baselines = Object.fromEntries(
    PLAN.baselines.map((b) => {
      const r = child('size.ts', { ...common, engine: b });
      return [b, { ...(r.ask as object), buildMs: r.buildMs, heapMB: r.heapMB }];
    }),
  );
  const result = { ...pactbot, coldStart: cold, ...baselines };
  log(`bench: ${pactbot.passages} passages measured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  results.push(result);
}

// Word meaning on the article: reading the vector file, the term table built on first use, and /ask with and
// without it over every question set of tests/fixtures (the synthetic sizes above already run with it).
const wordMeaning = child('word-meaning.ts', { dir: join(ROOT, 'corpus'), questions: join(ROOT, 'tests', 'fixtures') });

// The load average says how much the machine was shared: wall-clock p99s suffer first when it is above the core count.
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, load: loadavg().map((l) => l.toFixed(1)).join(' '), quick: args.quick, seed: Number(args.seed) };
if (args.json) {
  process.stdout.write(`${JSON.stringify({ machine, sizes: results, wordMeaning })}\n`);
} else {
  const { table, wordMeaningLine } = await import('./table.ts');
  process.stdout.write(`${table(results, machine)}\n\n${wordMeaningLine(wordMeaning)}\n`);
}
