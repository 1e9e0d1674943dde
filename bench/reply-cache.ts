// npm run bench:reply-cache [-- --asks 20000] [--capacity 256] [--zipf 1] [--json]
// What a small cache of /ask results (keyed on the question as typed, trimmed and lower-cased) would buy, on a
// mix where some questions come back often and most rarely: the 448 distinct questions of the fixture sets,
// drawn with Zipf-distributed popularity (exponent --zipf; 1 is the usual fit for what people ask a FAQ or a
// search box). Reports the hit rate that mix gives an LRU of --capacity entries, and CPU µs per ask with and
// without it, after the engine's own per-word and per-passage memos are warm (so the cache is measured against
// the engine as it runs in a server, not a cold one).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../src/commands/index.ts';
import { createApp } from '../src/core/app.ts';
import type { AskResult } from '../src/domain/types.ts';

const { values: args } = parseArgs({
  options: {
    asks: { type: 'string', default: '20000' },
    capacity: { type: 'string', default: '256' },
    zipf: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
  },
});
const asks = Number(args.asks);
const capacity = Number(args.capacity);
const exponent = Number(args.zipf);
const ROOT = join(import.meta.dirname, '..');
const FIXTURES = ['holdout-ask', 'holdout2-ask', 'holdout3-ask', 'dev-ask', 'tune-ask', 'blind-a-ask'];
const questions = [
  ...new Set(
    FIXTURES.flatMap((f) =>
      readFileSync(join(ROOT, 'tests/fixtures', `${f}.jsonl`), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { q: string }).q),
    ),
  ),
];

// A seeded shuffle, so popularity is not the fixture order; then Zipf weights by rank.
let seed = 12;
const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const ranked = [...questions].sort(() => random() - 0.5);
const weights = ranked.map((_, r) => 1 / (r + 1) ** exponent);
const total = weights.reduce((a, b) => a + b, 0);
const cumulative: number[] = [];
weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
const draw = (): string => {
  const x = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return ranked[lo]!;
};
const mix = Array.from({ length: asks }, draw);

const engine = createApp({ commands: COMMANDS, corpusDir: join(ROOT, 'corpus') }).context.engine;
// Warm the engine's own memos on every question once, as a running server would have.
for (const q of questions) engine.ask(q);

function run(cached: boolean): { cpuUs: number; hitRate: number } {
  const lru = new Map<string, AskResult>();
  let hits = 0;
  const cpu = process.cpuUsage();
  for (const q of mix) {
    if (!cached) {
      engine.ask(q);
      continue;
    }
    const key = q.trim().toLowerCase();
    const known = lru.get(key);
    if (known) {
      hits++;
      lru.delete(key);
      lru.set(key, known);
      continue;
    }
    lru.set(key, engine.ask(q));
    if (lru.size > capacity) lru.delete(lru.keys().next().value!);
  }
  const used = process.cpuUsage(cpu);
  return { cpuUs: Math.round(((used.user + used.system) / asks) * 10) / 10, hitRate: Math.round((hits / asks) * 1000) / 1000 };
}

const without = run(false);
const withCache = run(true);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? '?', loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
const out = { machine, distinctQuestions: questions.length, asks, capacity, zipf: exponent, hitRate: withCache.hitRate, cpuUsPerAsk: { without: without.cpuUs, with: withCache.cpuUs } };
if (args.json) console.log(JSON.stringify(out));
else {
  console.log(`\nbench:reply-cache: ${asks} asks over ${questions.length} distinct questions, Zipf ${exponent}, LRU of ${capacity}; load average ${machine.loadAverage.join(' / ')}`);
  console.log(`hit rate ${(100 * withCache.hitRate).toFixed(1)} %; CPU per ask ${without.cpuUs} µs without the cache, ${withCache.cpuUs} µs with it`);
}
