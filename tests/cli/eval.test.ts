// Specification of the eval: top-1, recall@3 and off-topic declines for ask sets, attribution for quote sets,
// checked on retrievers whose score is known; then `npm run eval` on the dev set, beside plain MiniSearch.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { engineRetriever, plainRetriever, readJsonl, scoreAsk, scoreQuotes, type AskCase, type AskFigures, type QuoteCase } from '../../src/cli/eval.ts';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import type { Person, QuotesResult } from '../../src/domain/types.ts';

const ROOT = join(import.meta.dirname, '../..');
const DEV_ASK = join(ROOT, 'tests/fixtures/dev-ask.jsonl');

const CASES: AskCase[] = [
  { q: 'alpha', expect: ['ALPHA'] },
  { q: 'beta', expect: ['BETA', 'B2'] },
  { q: 'gamma', expect: ['GAMMA'] },
  { q: 'off topic one', expect: null },
  { q: 'off topic two', expect: null },
];
const right = (q: string) => (q.startsWith('off') ? null : [`the ${q.toUpperCase()} passage`, 'other']);

describe('scoreAsk', () => {
  it('scores a retriever that is always right at 100% everywhere', () => {
    const f = scoreAsk(CASES, right);
    expect(f).toEqual({ questions: 5, answerable: 3, offTopic: 2, top1: 3, recall3: 3, declined: 2, lowConfidence: 0, lowConfidenceRight: 0, failures: [] });
  });

  it('scores a retriever that is always wrong at 0%, with every question listed as a failure', () => {
    const f = scoreAsk(CASES, () => ['nothing relevant', 'still nothing']);
    expect(f).toMatchObject({ top1: 0, recall3: 0, declined: 0 });
    expect(f.failures.map((x) => x.q)).toEqual(CASES.map((c) => c.q));
  });

  it('counts an expected passage in second or third place for recall@3 but not top-1', () => {
    const f = scoreAsk(CASES, (q) => (q.startsWith('off') ? null : ['wrong', 'wrong again', `the ${q.toUpperCase()} passage`, 'x']));
    expect(f).toMatchObject({ top1: 0, recall3: 3, declined: 2 });
  });

  it('counts closest-passage answers as answers, and reports how many there were and how many were right', () => {
    const low = (texts: string[]) => Object.assign(texts, { lowConfidence: true });
    const f = scoreAsk(CASES, (q) => (q.startsWith('off') ? low(['anything']) : low([`the ${q.toUpperCase()} passage`])));
    expect(f).toMatchObject({ top1: 3, declined: 0, lowConfidence: 5, lowConfidenceRight: 3 });
  });

  it('accepts any of the expected substrings', () => {
    expect(scoreAsk([{ q: 'beta', expect: ['BETA', 'B2'] }], () => ['has B2 in it']).top1).toBe(1);
  });

  it('counts a decline of an answerable question as a miss, an answer to an off-topic one as a failure', () => {
    const f = scoreAsk(CASES, (q) => (q.startsWith('off') ? ['an answer anyway'] : null));
    expect(f).toMatchObject({ top1: 0, recall3: 0, declined: 0 });
    expect(f.failures.find((x) => x.q === 'off topic one')).toEqual({ q: 'off topic one', expect: null, got: 'an answer anyway' });
    expect(f.failures.find((x) => x.q === 'alpha')).toEqual({ q: 'alpha', expect: ['ALPHA'], got: null });
  });
});

describe('scoreQuotes', () => {
  const person = (name: string): Person => ({ name, short: name.split(' ').pop()!, role: '', aliases: [] });
  /** A stand-in engine whose quotes() answers from a table: only quotes() is used by scoreQuotes. */
  const fakeEngine = (table: Record<string, QuotesResult>) => ({ quotes: (speaker: string) => table[speaker]! }) as unknown as Engine;
  const cite = { articleId: 'a', articleTitle: 'A', section: null, paragraph: 1 };
  const answered = (name: string, texts: string[], by = name): QuotesResult => ({
    answered: true,
    query: name,
    speaker: person(name),
    topic: null,
    quotes: texts.map((text) => ({ speaker: by, text, citation: cite, rule: 'after' as const })),
  });
  const cases: QuoteCase[] = [
    { speaker: 'ann', who: 'Smith', must: ['hello there'] },
    { speaker: 'bob', who: 'Jones', must: [], none: true },
  ];

  it('counts every case correct when each speaker gets their own quotes and the silent one none', () => {
    const engine = fakeEngine({
      ann: answered('Ann Smith', ['hello there, all']),
      bob: { answered: false, query: 'bob', speaker: person('Bob Jones'), quotes: [], reason: 'no-quotes', suggestions: [], topic: null },
    });
    expect(scoreQuotes(cases, engine)).toEqual({ cases: 2, correct: 2, misattributed: 0, failures: [] });
  });

  it('counts misattributed quotes, missing quotes and quotes for a person who should have none', () => {
    const engine = fakeEngine({
      ann: answered('Ann Smith', ['something else'], 'Carl Brown'),
      bob: answered('Bob Jones', ['I never said this']),
    });
    const f = scoreQuotes(cases, engine);
    expect(f).toMatchObject({ cases: 2, correct: 0, misattributed: 1 });
    expect(f.failures.find((x) => x.speaker === 'ann')!.problem).toMatch(/Carl Brown.*missing "hello there"/);
    expect(f.failures.find((x) => x.speaker === 'bob')!.problem).toMatch(/expected no quote/);
  });
});

describe('retrievers on the real corpus', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = createEngine(loadCorpus(join(ROOT, 'corpus')));
  });

  it('engineRetriever returns the engine\'s passages, or null when it declines', () => {
    const retrieve = engineRetriever(engine);
    expect([...retrieve('Who will verify the ceasefire?')!]).toEqual(engine.ask('Who will verify the ceasefire?').passages.map((p) => p.text));
    expect(retrieve('How do I bake sourdough bread?')).toBeNull();
  });

  it('plainRetriever returns corpus passages for matching words and null when nothing matches', () => {
    const retrieve = plainRetriever(engine.passages);
    const texts = new Set(engine.passages.map((p) => p.text));
    const ranked = retrieve('ceasefire')!;
    expect(ranked.length).toBeGreaterThan(0);
    for (const t of ranked) expect(texts.has(t)).toBe(true);
    expect(ranked[0]).toContain('ceasefire');
    expect(retrieve('zzzz xkcd')).toBeNull();
  });

  it('readJsonl reads one case per line and names the line of a broken one', () => {
    expect(readJsonl<AskCase>(DEV_ASK).length).toBeGreaterThan(0);
    expect(() => readJsonl(join(ROOT, 'package.json'))).toThrowError(/package\.json:1: not valid JSON/);
  });
});

describe('npm run eval on the dev set', () => {
  it('prints top-1, recall@3 and off-topic declined for pactbot beside plain MiniSearch', async () => {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile('npm', ['run', '--silent', 'eval', '--', DEV_ASK], { cwd: ROOT, timeout: 60_000 }, (error, out, err) =>
        error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
      );
    });
    // The figures printed are the ones the scoring functions give in-process.
    const engine = createEngine(loadCorpus(join(ROOT, 'corpus')));
    const cases = readJsonl<AskCase>(DEV_ASK);
    const ours = scoreAsk(cases, engineRetriever(engine));
    const plain = scoreAsk(cases, plainRetriever(engine.passages));
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    const row = (name: string, pick: (f: AskFigures) => [number, number]) =>
      new RegExp(`${name}\\s+${pct(...pick(ours)).replace('.', '\\.')}\\s+${pct(...pick(plain)).replace('.', '\\.')}`);
    expect(stdout).toMatch(/pactbot\s+plain MiniSearch/);
    expect(stdout).toMatch(row('top-1 accuracy', (f) => [f.top1, f.answerable]));
    expect(stdout).toMatch(row('recall@3', (f) => [f.recall3, f.answerable]));
    expect(stdout).toMatch(row('off-topic declined', (f) => [f.declined, f.offTopic]));
  }, 60_000);
});
