// The benchmark's inputs and output: a reproducible synthetic archive in the corpus format, questions drawn
// from it, and `npm run bench -- --json` in the documented shape. (Speed itself is measured by the bench,
// never asserted here.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/domain/corpus.ts';
import { terms } from '../src/domain/text.ts';
import { generateArticles } from '../bench/synth/generate.ts';
import { syntheticQuestions } from '../bench/synth/questions.ts';
import { seeded, Zipf } from '../bench/synth/random.ts';

const passagesOf = (n: number, seed: number) => generateArticles(n, seed).flatMap((a) => parseArticle(a.markdown, a.name).passages);

describe('synthetic archive', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateArticles(400, 1)).toEqual(generateArticles(400, 1));
    expect(generateArticles(400, 2)).not.toEqual(generateArticles(400, 1));
  });

  it('has exactly the passages asked for, as the corpus parser reads them', () => {
    for (const n of [1, 37, 1000]) expect(passagesOf(n, 3)).toHaveLength(n);
  });

  it('reads like news: paragraphs of a few sentences, list items, quotes and sections', () => {
    const passages = passagesOf(2000, 4);
    const words = passages.reduce((n, p) => n + p.text.split(/\s+/).length, 0) / passages.length;
    expect(words).toBeGreaterThan(20);
    expect(words).toBeLessThan(80);
    expect(passages.some((p) => p.kind === 'item')).toBe(true);
    expect(passages.filter((p) => /"[^"]+"/.test(p.text)).length / passages.length).toBeGreaterThan(0.1);
    expect(passages.some((p) => p.section !== null)).toBe(true);
  });

  it('has a long-tailed vocabulary: a few words in many passages, most in very few', () => {
    const passages = passagesOf(3000, 5);
    const df = new Map<string, number>();
    for (const p of passages) for (const t of new Set(terms(p.text))) df.set(t, (df.get(t) ?? 0) + 1);
    const counts = [...df.values()].sort((a, b) => b - a);
    expect(counts[0]! / passages.length).toBeGreaterThan(0.1); // a "said" in many passages
    expect(counts[Math.floor(counts.length / 2)]!).toBeLessThanOrEqual(3); // the median term is rare
    expect(df.size).toBeGreaterThan(passages.length); // more distinct terms than passages
  });

  it('draws ranks with Zipf-like frequencies', () => {
    const z = new Zipf(1000, 1.05, 10);
    const rng = seeded(9);
    const hits = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) hits[z.sample(rng)]!++;
    expect(hits[0]!).toBeGreaterThan(hits[10]!);
    expect(hits[10]!).toBeGreaterThan(hits[100]!);
    expect(hits[100]!).toBeGreaterThan(hits[999]!);
  });
});

describe('benchmark questions', () => {
  it('use words of the passages, with a typo in some', () => {
    const passages = passagesOf(500, 6);
    const vocabulary = new Set(passages.flatMap((p) => p.text.match(/[A-Za-z]+/g) ?? []));
    const questions = syntheticQuestions(passages, 200, 6);
    expect(questions).toHaveLength(200);
    // A one-word question whose word got the typo has none: all but a few do.
    const grounded = questions.filter((q) => (q.match(/[A-Za-z]+/g) ?? []).some((w) => w.length >= 4 && vocabulary.has(w)));
    expect(grounded.length).toBeGreaterThan(190);
    const unknown = questions.filter((q) => (q.match(/[A-Za-z]{5,}/g) ?? []).some((w) => !vocabulary.has(w)));
    expect(unknown.length).toBeGreaterThan(20); // typos
    expect(unknown.length).toBeLessThan(100);
  });
});

describe('npm run bench -- --json', () => {
  it('prints one object with a row per size in the documented shape', () => {
    const cache = mkdtempSync(join(tmpdir(), 'pactbot-bench-'));
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../bench/run.ts'), '--json', '--quick', '--sizes', 'article', '--cache', cache], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { sizes } = JSON.parse(lines[0]!) as { sizes: Array<Record<string, unknown>> };
    expect(sizes).toHaveLength(1);
    const row = sizes[0]!;
    for (const field of ['passages', 'buildMs', 'heapMB', 'loadMs']) expect(typeof row[field], field).toBe('number');
    for (const field of ['ask', 'plain']) {
      expect(row[field], field).toMatchObject({ p50Ms: expect.any(Number), p99Ms: expect.any(Number) });
    }
    expect(row.coldStart).toMatchObject({ source: 'cache', readyMs: expect.any(Number) });
    rmSync(cache, { recursive: true, force: true });
  }, 60_000);
});
