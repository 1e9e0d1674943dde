// Measures one engine on one corpus, in its own process so heap figures are not polluted by other sizes.
// Run by bench/run.ts:  node --import tsx --expose-gc bench/size.ts --dir <corpus> --engine pactbot|plain|alt ...
// Prints one JSON object on stdout.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Bench } from 'tinybench';
import { indexFile, loadOrBuildIndex, loadOrExtract, saveIndex } from '../src/store/index-cache.ts';
import { createEngine } from '../src/domain/engine.ts';
import { loadCorpus } from '../src/domain/load.ts';
import { buildMiniSearch } from '../src/domain/search.ts';
import { buildBaseline, type Baseline } from './baselines.ts';
import { devQuestions, syntheticQuestions } from './synth/questions.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    engine: { type: 'string', default: 'pactbot' },
    cache: { type: 'string' },
    dev: { type: 'string', default: '' },
    questions: { type: 'string', default: '200' },
    time: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
  },
});
if (!args.dir || !args.cache) throw new Error('bench/size: --dir and --cache are required');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/size: run with --expose-gc');

const heapMB = () => {
  gc();
  gc();
  return round(process.memoryUsage().heapUsed / 2 ** 20, 1);
};
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, round(performance.now() - t, 1)];
};

/**
 * Process CPU time as a tinybench clock: on a shared machine a wall-clock p99 mostly measures the other processes
 * (a preempted call waits a whole time slice); CPU time is what the call itself costs, garbage collection included.
 */
const cpuClock = {
  name: 'process-cpu',
  fn: () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  },
  toMs: (us: number | bigint) => Number(us) / 1000,
  fromMs: (ms: number) => ms * 1000,
};

/**
 * p50/p99 of `fn` called round-robin over `inputs`: each tinybench sample is one call with the next input, every
 * input at least `rounds` times (then as many more as the time budget allows).
 */
async function latency<I>(inputs: I[], fn: (input: I) => unknown, clock: 'wall' | 'cpu' = 'wall', rounds = 2): Promise<{ p50Ms: number; p99Ms: number; meanMs: number; samples: number }> {
  let k = 0;
  const bench = new Bench({
    time: Number(args.time),
    iterations: rounds * inputs.length,
    warmupIterations: Math.min(inputs.length, 200),
    throws: true,
    ...(clock === 'cpu' ? { timestampProvider: cpuClock } : {}),
  });
  bench.add('task', () => fn(inputs[k++ % inputs.length]!));
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== 'completed') throw new Error(`bench/size: task ended as ${r.state}`);
  return { p50Ms: round(r.latency.p50), p99Ms: round(r.latency.p99), meanMs: round(r.latency.mean), samples: r.latency.samplesCount };
}

const heapBase = heapMB();
const [corpus, parseMs] = time(() => loadCorpus(args.dir!));
const passages = corpus.articles.flatMap((a) => a.passages);
const questions = [...syntheticQuestions(passages, Number(args.questions), Number(args.seed)), ...devQuestions(args.dev)];
const out: Record<string, unknown> = { passages: passages.length, engine: args.engine, parseMs, questions: questions.length };

if (args.engine === 'pactbot') {
  const [index, indexMs] = time(() => buildMiniSearch(passages));
  const [engine, engineMs] = time(() => createEngine(corpus, { index }));
  const file = indexFile(args.cache, corpus);
  const [, saveMs] = time(() => saveIndex(index, file));
  Object.assign(out, { buildMs: round(indexMs + engineMs, 1), indexMs, engineMs, heapMB: heapMB(), heapBaseMB: heapBase, saveMs, indexFileMB: round(statSync(file).size / 2 ** 20, 1) });
  // Loading the saved index in this (warm) process; the cold start is measured by bench/cold.ts. In a function,
  // so the second index is garbage by the time the heap is measured again.
  out.loadMs = (() => {
    const [loaded, loadMs] = time(() => loadOrBuildIndex(corpus, args.cache!));
    if (loaded.source !== 'cache') throw new Error(`bench/size: the saved index was not reused (${loaded.error ?? 'no error'})`);
    return loadMs;
  })();
  // The extracted quotes and commitments beside the index, so that bench/cold.ts starts from both (not timed here).
  loadOrExtract(corpus, args.cache);
  const speakers = engine.speakers('', 25).map((s) => s.name);
  const prefixes = speakers.flatMap((n) => [n.slice(0, 1), n.slice(0, 3), n.split(' ').pop()!.slice(0, 4)]);
  const quoteQueries = speakers.flatMap((n, i) => [[n, null], [n.split(' ').pop()!, questions[i % questions.length]!]] as Array<[string, string | null]>);
  out.ask = await latency(questions, (q) => engine.ask(q));
  out.askCpu = await latency(questions, (q) => engine.ask(q), 'cpu');
  out.quotes = await latency(quoteQueries, ([s, topic]) => engine.quotes(s, topic));
  out.speakers = await latency(['', ...prefixes], (p) => engine.speakers(p));
  out.answered = round(questions.filter((q) => engine.ask(q).answered).length / questions.length, 2);
  // After serving: scoring scratch space (typed arrays, outside the JS heap) and the term memo are allocated by now.
  out.heapServingMB = heapMB();
  out.arrayBuffersMB = round(process.memoryUsage().arrayBuffers / 2 ** 20, 1);
} else {
  const [index, buildMs] = time(() => buildBaseline(args.engine as Baseline, passages));
  Object.assign(out, { buildMs, heapMB: heapMB(), heapBaseMB: heapBase });
  // Each question once: plain MiniSearch takes a quarter of a second a question at 100k passages.
  out.ask = await latency(questions, (q) => index.search(q), 'wall', 1);
}
process.stdout.write(`${JSON.stringify(out)}\n`);
