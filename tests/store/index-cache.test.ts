// The persisted index: built and saved once, loaded on the next start, rebuilt whenever the corpus changes,
// and never a reason for start-up to fail.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractedFile, indexFile, indexKey, loadOrBuildIndex, loadOrExtract } from '../../src/store/index-cache.ts';
import { createEngine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const DEV = join(import.meta.dirname, '../fixtures/dev-ask.jsonl');
const QUESTIONS = [
  'Which two leaders signed the declaration?',
  'Where did the leaders meet?',
  'What will the UK do about the skies?',
  'wepons suplies', // typos
  'What did the article say about the moon landing?', // declined
  ...(existsSync(DEV) ? readFileSync(DEV, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { q: string }).q) : []),
];

let tmp: string;
let corpusDir: string;
let cacheDir: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pactbot-cache-'));
  corpusDir = join(tmp, 'corpus');
  cacheDir = join(tmp, 'cache');
  cpSync(CORPUS, corpusDir, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const articleFile = () => join(corpusDir, readdirSync(corpusDir).find((f) => f.endsWith('.md') && f !== 'README.md')!);
const indexFiles = () => readdirSync(cacheDir).filter((f) => f.startsWith('index-'));

describe('persisted index', () => {
  it('builds and saves the index on the first start, then loads it on the next', () => {
    const first = loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    expect(first.source).toBe('built');
    expect(first.error).toBeUndefined();
    expect(existsSync(first.file)).toBe(true);

    const second = loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    expect(second.source).toBe('cache');
    expect(second.file).toBe(first.file);
  });

  it('answers every question exactly as a freshly built index does', () => {
    loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    const corpus = loadCorpus(corpusDir);
    const loaded = loadOrBuildIndex(corpus, cacheDir);
    expect(loaded.source).toBe('cache');
    const fromCache = createEngine(corpus, { index: loaded.index });
    const fresh = createEngine(corpus);
    for (const q of QUESTIONS) expect(fromCache.ask(q), q).toEqual(fresh.ask(q));
  });

  it('rebuilds when an article changes, and drops the stale index', () => {
    const before = loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    writeFileSync(articleFile(), `${readFileSync(articleFile(), 'utf8')}\n\nA new closing paragraph about lighthouse keepers.\n`);
    const after = loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    expect(after.source).toBe('built');
    expect(after.file).not.toBe(before.file);
    expect(indexFiles()).toEqual([after.file.split('/').pop()]);
    // The rebuilt index knows the new words.
    expect(createEngine(loadCorpus(corpusDir), { index: after.index }).ask('lighthouse keepers').answered).toBe(true);
  });

  it('rebuilds when the curated data changes (synonyms shape the analysis of what is indexed)', () => {
    const before = indexKey(loadCorpus(corpusDir));
    const synonyms = join(corpusDir, 'synonyms.json');
    const data = JSON.parse(readFileSync(synonyms, 'utf8')) as { groups: string[][] };
    data.groups.push(['lighthouse', 'beacon']);
    writeFileSync(synonyms, JSON.stringify(data));
    expect(indexKey(loadCorpus(corpusDir))).not.toBe(before);
  });

  it('keys on contents, not on where the corpus lives', () => {
    const elsewhere = join(tmp, 'moved');
    cpSync(corpusDir, elsewhere, { recursive: true });
    expect(indexKey(loadCorpus(elsewhere))).toBe(indexKey(loadCorpus(corpusDir)));
  });

  it('rebuilds over a corrupt cache file and says so', () => {
    const corpus = loadCorpus(corpusDir);
    const file = indexFile(cacheDir, corpus);
    loadOrBuildIndex(corpus, cacheDir);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 1000)); // truncated, as after a crash mid-write
    const repaired = loadOrBuildIndex(corpus, cacheDir);
    expect(repaired.source).toBe('built');
    expect(repaired.error).toMatch(/unreadable cache .*rebuilt/);
    expect(loadOrBuildIndex(corpus, cacheDir).source).toBe('cache');
  });

  it('still starts when the cache folder cannot be written', () => {
    const blocked = join(tmp, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const result = loadOrBuildIndex(loadCorpus(corpusDir), join(blocked, 'cache'));
    expect(result.source).toBe('built');
    expect(result.error).toMatch(/cannot save the index/);
    expect(createEngine(loadCorpus(corpusDir), { index: result.index }).ask(QUESTIONS[0]!).answered).toBe(true);
  });

  it('leaves no temporary file behind', () => {
    loadOrBuildIndex(loadCorpus(corpusDir), cacheDir);
    expect(readdirSync(cacheDir).every((f) => /^index-[0-9a-f]+\.json$/.test(f))).toBe(true);
  });
});

describe('persisted quotes and commitments', () => {
  const extractedFiles = () => readdirSync(cacheDir).filter((f) => f.startsWith('extracted-'));

  it('extracts and saves them on the first start, then loads them on the next', () => {
    const first = loadOrExtract(loadCorpus(corpusDir), cacheDir);
    expect(first.source).toBe('built');
    expect(first.error).toBeUndefined();
    expect(first.file).toBe(extractedFile(cacheDir, loadCorpus(corpusDir)));
    const second = loadOrExtract(loadCorpus(corpusDir), cacheDir);
    expect(second.source).toBe('cache');
    expect(second.extracted).toEqual(first.extracted);
  });

  it('gives every quote, speaker and commitment a fresh extraction gives', () => {
    loadOrExtract(loadCorpus(corpusDir), cacheDir);
    const corpus = loadCorpus(corpusDir);
    const loaded = loadOrExtract(corpus, cacheDir);
    expect(loaded.source).toBe('cache');
    const fromCache = createEngine(corpus, { extracted: loaded.extracted });
    const fresh = createEngine(corpus);
    expect(fromCache.speakers()).toEqual(fresh.speakers());
    expect(fresh.speakers().length).toBeGreaterThan(0);
    for (const s of fresh.speakers()) expect(fromCache.quotes(s.name, 'peace'), s.name).toEqual(fresh.quotes(s.name, 'peace'));
    expect(fromCache.commitments()).toEqual(fresh.commitments());
    for (const q of QUESTIONS) expect(fromCache.ask(q), q).toEqual(fresh.ask(q));
  });

  it('re-extracts when an article changes, and drops the stale file', () => {
    const before = loadOrExtract(loadCorpus(corpusDir), cacheDir);
    writeFileSync(articleFile(), `${readFileSync(articleFile(), 'utf8')}\n\n"Lighthouses matter," said Jane Keeper.\n`);
    const after = loadOrExtract(loadCorpus(corpusDir), cacheDir);
    expect(after.source).toBe('built');
    expect(after.file).not.toBe(before.file);
    expect(extractedFiles()).toEqual([after.file.split('/').pop()]);
    expect(after.extracted.quotes.some((q) => q.speaker === 'Jane Keeper' && q.text === 'Lighthouses matter')).toBe(true);
  });

  it('re-extracts over a corrupt file and says so', () => {
    const corpus = loadCorpus(corpusDir);
    const first = loadOrExtract(corpus, cacheDir);
    writeFileSync(first.file, readFileSync(first.file, 'utf8').slice(0, 100));
    const repaired = loadOrExtract(corpus, cacheDir);
    expect(repaired.source).toBe('built');
    expect(repaired.error).toMatch(/unreadable cache .*rebuilt/);
    expect(repaired.extracted).toEqual(first.extracted);
    expect(loadOrExtract(corpus, cacheDir).source).toBe('cache');
  });

  it('still starts when the cache folder cannot be written', () => {
    const blocked = join(tmp, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const result = loadOrExtract(loadCorpus(corpusDir), join(blocked, 'cache'));
    expect(result.source).toBe('built');
    expect(result.error).toMatch(/cannot save the extracted quotes/);
    expect(result.extracted.quotes.length).toBeGreaterThan(0);
  });
});

describe('createApp with a cache folder', () => {
  it('uses the persisted index on the second start and reports where it came from', () => {
    const first = createApp({ commands: COMMANDS, corpusDir, cacheDir });
    const second = createApp({ commands: COMMANDS, corpusDir, cacheDir });
    expect(first.index?.source).toBe('built');
    expect(second.index?.source).toBe('cache');
    expect([first.extracted?.source, second.extracted?.source]).toEqual(['built', 'cache']);
    for (const q of QUESTIONS.slice(0, 5)) expect(second.context.engine.ask(q)).toEqual(first.context.engine.ask(q));
    const [a, b] = [first.context.engine, second.context.engine];
    expect(b.speakers()).toEqual(a.speakers());
    for (const s of a.speakers()) expect(b.quotes(s.name)).toEqual(a.quotes(s.name));
    expect(b.commitments()).toEqual(a.commitments());
  });

  it('builds in memory and writes nothing without one', () => {
    const app = createApp({ commands: COMMANDS, corpusDir });
    expect(app.index).toBeUndefined();
    expect(app.extracted).toBeUndefined();
    expect(existsSync(cacheDir)).toBe(false);
  });
});
