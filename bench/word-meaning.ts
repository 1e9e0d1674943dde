// What word meaning costs: reading the distilled vector file, the corpus term table built on first use, memory,
// and /ask latency with and without it. Run by bench/run.ts (or alone):
//   node --import tsx --expose-gc bench/word-meaning.ts --dir corpus --questions tests/fixtures
// Prints one JSON object on stdout.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/domain/engine.ts';
import { loadCorpus, loadMeaning, VECTORS_FILE } from '../src/domain/load.ts';
import { termInText, buildMiniSearch } from '../src/domain/search.ts';
import { createWordMeaning } from '../src/domain/word-meaning.ts';

const { values: args } = parseArgs({ options: { dir: { type: 'string', default: 'corpus' }, questions: { type: 'string', default: 'tests/fixtures' }, rounds: { type: 'string', default: '5' } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/word-meaning: run with --expose-gc');
const heapMB = () => (gc(), gc(), process.memoryUsage().heapUsed / 2 ** 20);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Every question of the ask sets in the folder: what users ask, paraphrases and traps alike. */
const questions = readdirSync(args.questions)
  .filter((f) => f.endsWith('-ask.jsonl'))
  .flatMap((f) => readFileSync(join(args.questions, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q));

const corpus = loadCorpus(args.dir);
const passages = corpus.articles.flatMap((a) => a.passages);
const index = buildMiniSearch(passages);

const before = heapMB();
let t = performance.now();
const meaning = loadMeaning(args.dir);
const decodeMs = performance.now() - t;
const vectorsHeapMB = heapMB() - before;
const table = createWordMeaning(meaning.vectors, meaning.entities, (term) => termInText(index, term));
t = performance.now();
table.neighbours('truce');
const termTableMs = performance.now() - t;

/** p50/p99 wall and CPU over every question, `rounds` times each (each call timed alone). */
function latency(engine: ReturnType<typeof createEngine>) {
  for (const q of questions) engine.ask(q);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < Number(args.rounds); r++) {
    for (const q of questions) {
      const w = performance.now();
      const c = cpuMs();
      engine.ask(q);
      cpu.push(cpuMs() - c);
      wall.push(performance.now() - w);
    }
  }
  const pct = (xs: number[], p: number) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!);
  return { p50Ms: pct(wall, 0.5), p99Ms: pct(wall, 0.99), cpuP50Ms: pct(cpu, 0.5), cpuP99Ms: pct(cpu, 0.99), samples: wall.length };
}

const withMeaning = createEngine(corpus, { index });
const withoutMeaning = createEngine({ ...corpus, meaning: { vectors: null, entities: null } }, { index });
const out = {
  passages: passages.length,
  questions: questions.length,
  vectorWords: meaning.vectors?.words.length ?? 0,
  fileMB: round(statSync(join(args.dir, VECTORS_FILE)).size / 2 ** 20, 1),
  decodeMs: round(decodeMs, 1),
  heapMB: round(vectorsHeapMB, 1),
  termTableMs: round(termTableMs, 1),
  ask: latency(withMeaning),
  askWithoutMeaning: latency(withoutMeaning),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
