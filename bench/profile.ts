// A workload to profile, not a measurement: builds the engine on one bench corpus and asks every question a few
// times. Run under the CPU profiler and open the .cpuprofile in Chrome DevTools (Performance tab):
//   node --import tsx --cpu-prof --cpu-prof-dir=.cache/prof bench/profile.ts --passages 100000 [--phase build|ask|load]
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadOrBuildIndex } from '../src/store/index-cache.ts';
import { createEngine } from '../src/domain/engine.ts';
import { loadCorpus } from '../src/domain/load.ts';
import { ensureCorpus } from './synth/corpus.ts';
import { devQuestions, syntheticQuestions } from './synth/questions.ts';

const { values: args } = parseArgs({
  options: {
    passages: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '3' },
    phase: { type: 'string', default: 'ask' },
  },
});
const root = join(import.meta.dirname, '..');
const cacheDir = join(root, '.cache', 'bench');
const dir = ensureCorpus({ passages: Number(args.passages), seed: Number(args.seed), realDir: join(root, 'corpus'), cacheDir });

let t = performance.now();
const corpus = loadCorpus(dir);
const passages = corpus.articles.flatMap((a) => a.passages);
console.error(`parse ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const cached = loadOrBuildIndex(corpus, join(cacheDir, `index-${args.passages}`));
console.error(`index (${cached.source}) ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const engine = createEngine(corpus, { index: cached.index });
console.error(`engine ${(performance.now() - t).toFixed(0)} ms`);
if (args.phase === 'ask') {
  const questions = [...syntheticQuestions(passages, 200, Number(args.seed)), ...devQuestions(join(root, '..', 'shared', 'eval', 'dev-ask.jsonl'))];
  t = performance.now();
  for (let r = 0; r < Number(args.rounds); r++) for (const q of questions) engine.ask(q);
  console.error(`ask ${((performance.now() - t) / (questions.length * Number(args.rounds))).toFixed(2)} ms per question`);
}
