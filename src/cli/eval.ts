// `npm run eval -- FILE.jsonl [--json]`: measures answer quality on a question set, beside plain MiniSearch
// (default options, same passages) so the gain of our query processing shows.
// Ask sets: {"q", "expect": [substrings] | null}. Quote sets: {"speaker", "who", "must", "none"?}.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadConfig } from '../config.ts';
import { createApp } from '../core/app.ts';
import type { Engine } from '../domain/engine.ts';
import type { Passage } from '../domain/types.ts';

export interface AskCase {
  q: string;
  expect: string[] | null;
}
export interface QuoteCase {
  speaker: string;
  who: string;
  must: string[];
  none?: boolean;
}

export interface AskFigures {
  questions: number;
  answerable: number;
  offTopic: number;
  top1: number;
  recall3: number;
  declined: number;
  /** Answers given as the closest passage (low confidence), counted as answers above; and how many of them were right. */
  lowConfidence: number;
  lowConfidenceRight: number;
  failures: Array<{ q: string; expect: string[] | null; got: string | null }>;
}

/** A retriever under evaluation: ranked passage texts (flagged when only the closest), or null when it declines. */
type Retriever = (q: string) => (string[] & { lowConfidence?: boolean }) | null;

export function scoreAsk(cases: AskCase[], retrieve: Retriever): AskFigures {
  const f: AskFigures = { questions: cases.length, answerable: 0, offTopic: 0, top1: 0, recall3: 0, declined: 0, lowConfidence: 0, lowConfidenceRight: 0, failures: [] };
  for (const c of cases) {
    const ranked = retrieve(c.q);
    if (ranked?.lowConfidence) f.lowConfidence++;
    if (ranked?.lowConfidence && c.expect !== null && c.expect.some((s) => ranked[0]?.includes(s))) f.lowConfidenceRight++;
    if (c.expect === null) {
      f.offTopic++;
      if (ranked === null) f.declined++;
      else f.failures.push({ q: c.q, expect: null, got: ranked[0] ?? null });
      continue;
    }
    f.answerable++;
    const hit = (text: string | undefined) => text !== undefined && c.expect!.some((s) => text.includes(s));
    if (ranked && hit(ranked[0])) f.top1++;
    else f.failures.push({ q: c.q, expect: c.expect, got: ranked?.[0] ?? null });
    if (ranked && ranked.slice(0, 3).some(hit)) f.recall3++;
  }
  return f;
}

export function engineRetriever(engine: Engine): Retriever {
  return (q) => {
    const r = engine.ask(q);
    return r.answered ? Object.assign(r.passages.map((p) => p.text), { lowConfidence: r.confidence === 'low' }) : null;
  };
}

/** Plain MiniSearch, default options: what you get without stemming, synonyms, typo tolerance or declines. */
export function plainRetriever(passages: readonly Passage[]): Retriever {
  const index = new MiniSearch<{ id: number; text: string; section: string; title: string }>({ fields: ['text', 'section', 'title'] });
  index.addAll(passages.map((p, id) => ({ id, text: p.text, section: p.section ?? '', title: p.articleTitle })));
  return (q) => {
    const results = index.search(q);
    return results.length ? results.map((r) => passages[r.id as number]!.text) : null;
  };
}

export interface QuoteFigures {
  cases: number;
  correct: number;
  misattributed: number;
  failures: Array<{ speaker: string; problem: string }>;
}

export function scoreQuotes(cases: QuoteCase[], engine: Engine): QuoteFigures {
  const f: QuoteFigures = { cases: cases.length, correct: 0, misattributed: 0, failures: [] };
  for (const c of cases) {
    const r = engine.quotes(c.speaker);
    const wrong = r.quotes.filter((q) => !q.speaker.toLowerCase().includes(c.who.toLowerCase()));
    f.misattributed += wrong.length;
    const missing = c.must.filter((m) => !r.quotes.some((q) => q.text.includes(m)));
    const problems = [
      ...wrong.map((q) => `returned a quote by ${q.speaker}`),
      ...missing.map((m) => `missing "${m}"`),
      ...(c.none && r.quotes.length > 0 ? [`expected no quote, got ${r.quotes.length}`] : []),
      ...(!c.none && r.speaker && !r.speaker.name.toLowerCase().includes(c.who.toLowerCase()) ? [`resolved to ${r.speaker.name}`] : []),
      ...(!c.none && !r.speaker ? ['speaker not resolved'] : []),
    ];
    if (problems.length === 0) f.correct++;
    else f.failures.push({ speaker: c.speaker, problem: problems.join('; ') });
  }
  return f;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`eval: ${file}:${i + 1}: not valid JSON`);
      }
    });
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length === 0) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl [FILE.jsonl ...] [--json]\n');
    return 2;
  }
  const config = loadConfig({ mode: 'cli' });
  const { engine } = createApp({ corpusDir: config.corpusDir, commands: [] }).context;
  const report: Record<string, unknown> = {};
  for (const file of positionals) {
    const cases = readJsonl<AskCase | QuoteCase>(file);
    if (cases.length && 'speaker' in cases[0]!) {
      const f = scoreQuotes(cases as QuoteCase[], engine);
      report[file] = f;
      if (!values.json) {
        console.log(`${file}: ${f.cases} speaker queries`);
        console.log(`  attribution correct   ${pct(f.correct, f.cases)} (${f.correct}/${f.cases}), misattributed quotes: ${f.misattributed}`);
        for (const x of f.failures) console.log(`  FAIL ${x.speaker}: ${x.problem}`);
      }
      continue;
    }
    const ask = cases as AskCase[];
    const ours = scoreAsk(ask, engineRetriever(engine));
    const plain = scoreAsk(ask, plainRetriever(engine.passages));
    report[file] = { pactbot: ours, plainMiniSearch: { ...plain, failures: undefined } };
    if (!values.json) {
      console.log(`${file}: ${ours.questions} questions (${ours.answerable} answerable, ${ours.offTopic} off-topic)`);
      console.log(`  ${'metric'.padEnd(22)}${'pactbot'.padStart(10)}${'plain MiniSearch'.padStart(20)}`);
      const row = (name: string, a: string, b: string) => console.log(`  ${name.padEnd(22)}${a.padStart(10)}${b.padStart(20)}`);
      row('top-1 accuracy', pct(ours.top1, ours.answerable), pct(plain.top1, plain.answerable));
      row('recall@3', pct(ours.recall3, ours.answerable), pct(plain.recall3, plain.answerable));
      row('off-topic declined', pct(ours.declined, ours.offTopic), pct(plain.declined, plain.offTopic));
      console.log(`  low-confidence answers ${ours.lowConfidence} (counted as answers above), ${ours.lowConfidenceRight} of them right`);
      for (const x of ours.failures) console.log(`  FAIL ${x.q}\n       expected ${JSON.stringify(x.expect)}\n       got ${x.got === null ? 'a decline' : JSON.stringify(x.got.slice(0, 90))}`);
    }
  }
  if (values.json) console.log(JSON.stringify(report));
  return 0;
}

// Run only as a script (vitest imports the scoring functions).
if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
