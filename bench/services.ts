// Costs of the services beside the answers (message check, question log, cooldown, live corpus), on the real corpus: `npx tsx bench/services.ts`.
// - checkMessage on a one-sentence and a five-sentence message (each sentence is one engine.ask);
// - the question log: what a reply pays (record = queue push) and what the deferred write costs per entry;
// - cooldown.take; a live-corpus rebuild (loadCorpus + createEngine), i.e. what a swap waits for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { createCooldown } from '../src/core/cooldown.ts';
import { checkMessage } from '../src/domain/check.ts';
import { createEngine } from '../src/domain/engine.ts';
import { loadCorpus } from '../src/domain/load.ts';
import { silentLogger } from '../src/log.ts';
import { openQuestionLog } from '../src/store/question-log.ts';

const corpusDir = join(import.meta.dirname, '../corpus');
const engine = createEngine(loadCorpus(corpusDir));
const ONE = 'The UK will provide long-term arms supplies to Ukraine.';
const FIVE =
  'Macron and Starmer signed the declaration in Paris. Germany will send 50,000 troops. Witkoff called Starmer incredible. ' +
  'Putin is ready for peace. The price of bread went up in Lyon.';
const dir = mkdtempSync(join(tmpdir(), 'pactbot-bench-'));
const log = openQuestionLog({ path: join(dir, 'bench.db'), logger: silentLogger() });
let n = 0;
const entry = () => ({
  id: String(++n),
  kind: 'ask' as const,
  question: `Who signed the declaration ${n % 50}?`,
  answered: true,
  reason: null,
  topPassage: 'uk-france-pact#1',
  latencyMs: 1.2,
  userId: String(100_000_000_000_000_000n + BigInt(n % 1000)),
});
const cooldown = createCooldown({ uses: 5, seconds: 30 });

const bench = new Bench({ time: 1000 });
bench
  .add('check: 1 sentence', () => void checkMessage(engine, ONE))
  .add('check: 5 sentences', () => void checkMessage(engine, FIVE))
  .add('question log: record (what the reply pays)', () => log.record(entry()), { afterAll: () => void log.flush() })
  .add('question log: record + write now (1 entry per transaction)', () => {
    log.record(entry());
    log.flush();
  })
  .add('question log: 100 records, one deferred transaction', () => {
    for (let i = 0; i < 100; i++) log.record(entry());
    log.flush();
  })
  .add('cooldown.take (1000 users)', () => void cooldown.take(String(n++ % 1000)))
  .add('live reload: loadCorpus + createEngine', () => void createEngine(loadCorpus(corpusDir)));

await bench.run();
log.close();
rmSync(dir, { recursive: true, force: true });
console.table(
  bench.tasks.map((t) => {
    const r = t.result as { latency?: { mean: number; p99?: number } } | undefined;
    return { task: t.name, 'mean µs': r?.latency ? (r.latency.mean * 1000).toFixed(1) : '?', 'p99 µs': r?.latency?.p99 ? (r.latency.p99 * 1000).toFixed(1) : '?' };
  }),
);
const mem = process.memoryUsage();
console.log(`rss ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
