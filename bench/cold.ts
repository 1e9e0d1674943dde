// A cold start from the persisted cache, in a fresh process: read and parse the corpus, load the saved index and
// extracted quotes, build the engine, answer one question. Run by bench/run.ts after size.ts has saved the index; prints one JSON line.
import { parseArgs } from 'node:util';
import { loadOrBuildIndex, loadOrExtract } from '../src/store/index-cache.ts';
import { createEngine } from '../src/domain/engine.ts';
import { loadCorpus } from '../src/domain/load.ts';

const { values: args } = parseArgs({ options: { dir: { type: 'string' }, cache: { type: 'string' } } });
if (!args.dir || !args.cache) throw new Error('bench/cold: --dir and --cache are required');

const ms = (t: number) => Math.round(performance.now() - t);
const started = performance.now();
let t = started;
const corpus = loadCorpus(args.dir);
const parseMs = ms(t);
t = performance.now();
const cached = loadOrBuildIndex(corpus, args.cache);
const indexMs = ms(t);
t = performance.now();
const extracted = loadOrExtract(corpus, args.cache);
const extractedMs = ms(t);
t = performance.now();
const engine = createEngine(corpus, { index: cached.index, extracted: extracted.extracted });
const engineMs = ms(t);
engine.ask('Which two leaders signed the declaration?');
// readyMs: from the first line of this script to the first answer; processMs adds Node and tsx start-up.
const out = { source: cached.source, extractedSource: extracted.source, parseMs, indexMs, extractedMs, engineMs, readyMs: ms(started), processMs: Math.round(performance.now()), heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
process.stdout.write(`${JSON.stringify(out)}\n`);
