import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { runConsole } from '../../src/cli/console.ts';
import { extractedFile, indexFile } from '../../src/store/index-cache.ts';
import { CorpusError } from '../../src/domain/corpus.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { isCorpusFile, watchCorpus, type CorpusWatcher, type ReloadEvent } from '../../src/core/live-corpus.ts';
import { silentLogger } from '../../src/log.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');

/** An article on a matter the pact article never mentions, so an answer can only come from it. */
const NEW_ARTICLE = `---
title: Norway Sends Icebreakers to the Baltic
date: 2026-01-20
---

# Norway Sends Icebreakers to the Baltic

Norway announced on Tuesday that it will send three icebreakers to keep Baltic harbours open through the winter.
`;
const NEW_QUESTION = 'How many icebreakers will Norway send?';

let dir: string;
let app: App<Command>;
let watcher: CorpusWatcher | undefined;
let events: ReloadEvent[];
let waiters: Array<() => void>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-live-'));
  cpSync(CORPUS, dir, { recursive: true });
  app = createApp({ commands: COMMANDS, corpusDir: dir });
  events = [];
  waiters = [];
});
afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(debounceMs = 50): CorpusWatcher {
  watcher = watchCorpus({
    app,
    dir,
    logger: silentLogger(),
    debounceMs,
    onReload: (e) => {
      events.push(e);
      for (const w of waiters.splice(0)) w();
    },
  });
  return watcher;
}

/** Resolves with the next reload event (event-driven: no polling, no fixed sleep). */
function nextReload(timeoutMs = 10_000): Promise<ReloadEvent> {
  const seen = events.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no reload')), timeoutMs);
    const check = () => {
      if (events.length > seen) {
        clearTimeout(timer);
        resolve(events[seen]!);
      } else waiters.push(check);
    };
    check();
  });
}

describe('live corpus', () => {
  it('answers from an article added while running, after one swap of the engine', async () => {
    start();
    const before = app.context.engine;
    expect(before.ask(NEW_QUESTION).answered).toBe(false);
    const reloaded = nextReload();
    writeFileSync(join(dir, 'norway.md'), NEW_ARTICLE);
    const event = await reloaded;
    expect(event.ok).toBe(true);
    expect(app.context.engine).not.toBe(before);
    const answer = app.context.engine.ask(NEW_QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.passages[0]!.citation.articleTitle).toBe('Norway Sends Icebreakers to the Baltic');
    expect(app.context.engine.info().articles.map((a) => a.id)).toContain('norway');
    // The old engine is complete and unchanged: a request that read it before the swap finishes normally.
    expect(before.ask(NEW_QUESTION).answered).toBe(false);
  });

  it('debounces a burst of saves into one rebuild', async () => {
    start(300);
    const reloaded = nextReload();
    for (let i = 0; i < 5; i++) writeFileSync(join(dir, 'norway.md'), `${NEW_ARTICLE}\nEdit ${i}.\n`);
    await reloaded;
    // Another file written well after: exactly one more event, so the burst produced one.
    const second = nextReload();
    writeFileSync(join(dir, 'other.md'), NEW_ARTICLE.replace('Norway Sends', 'Sweden Sends'));
    await second;
    expect(events.filter((e) => e.ok === true)).toHaveLength(2);
  });

  it('keeps serving the previous corpus when a file is malformed, and reports the file', async () => {
    start();
    const before = app.context.engine;
    const failed = nextReload();
    writeFileSync(join(dir, 'broken.md'), 'no front matter here\n\nJust text.\n');
    const event = await failed;
    expect(event.ok).toBe(false);
    if (event.ok !== false) return;
    expect(event.error).toBeInstanceOf(CorpusError);
    expect(event.error.message).toContain('broken.md');
    expect(app.context.engine).toBe(before);
    expect(app.context.engine.ask(NEW_QUESTION).answered).toBe(false);

    // Fixed: picked up on the next save.
    const fixed = nextReload();
    writeFileSync(join(dir, 'broken.md'), NEW_ARTICLE);
    expect((await fixed).ok).toBe(true);
    expect(app.context.engine.ask(NEW_QUESTION).answered).toBe(true);
  });

  it('drops a deleted article', async () => {
    writeFileSync(join(dir, 'norway.md'), NEW_ARTICLE);
    app = createApp({ commands: COMMANDS, corpusDir: dir });
    start();
    expect(app.context.engine.ask(NEW_QUESTION).answered).toBe(true);
    const reloaded = nextReload();
    unlinkSync(join(dir, 'norway.md'));
    expect((await reloaded).ok).toBe(true);
    expect(app.context.engine.ask(NEW_QUESTION).answered).toBe(false);
  });

  it('saves the new index and extracted quotes to the cache folder, so the next start loads them', async () => {
    const cacheDir = join(dir, '.cache');
    // In this thread: the cache key hashes the indexing code as this process's transpiler prints it.
    watcher = watchCorpus({ app, dir, logger: silentLogger(), cacheDir, thread: 'main' });
    writeFileSync(join(dir, 'norway.md'), NEW_ARTICLE);
    expect((await watcher.reload('manual')).ok).toBe(true);
    const corpus = loadCorpus(dir);
    expect([existsSync(indexFile(cacheDir, corpus)), existsSync(extractedFile(cacheDir, corpus)!)]).toEqual([true, true]);
    const next = createApp({ commands: COMMANDS, corpusDir: dir, cacheDir });
    expect([next.index?.source, next.extracted?.source]).toEqual(['cache', 'cache']);
    expect(next.context.engine.ask(NEW_QUESTION)).toEqual(app.context.engine.ask(NEW_QUESTION));
  });

  it('does not rebuild when a save leaves the content as it was', async () => {
    const w = start();
    const before = app.context.engine;
    expect((await w.reload('manual')).ok).toBe('unchanged');
    expect(app.context.engine).toBe(before);
  });

  it('stops watching when stopped', async () => {
    const stopped = start(10);
    stopped.stop();
    // A second watcher, slower to fire, proves the write was observable: had the first one still been
    // watching, its event (10 ms debounce) would have come before this one (100 ms).
    const other: ReloadEvent[] = [];
    const seen = new Promise<void>((resolve) => {
      const second = watchCorpus({
        app: { context: { engine: app.context.engine } },
        dir,
        logger: silentLogger(),
        debounceMs: 100,
        onReload: (e) => {
          other.push(e);
          second.stop();
          resolve();
        },
      });
    });
    const before = app.context.engine;
    writeFileSync(join(dir, 'norway.md'), NEW_ARTICLE);
    await seen;
    expect(other.map((e) => e.ok)).toEqual([true]);
    expect(events).toHaveLength(0);
    expect(app.context.engine).toBe(before);
  });

  it('reacts to articles and curated data, not to README.md or editor swap files', () => {
    expect(['a.md', 'people.json', 'synonyms.json'].map(isCorpusFile)).toEqual([true, true, true]);
    expect(['README.md', '.a.md.swp', '.a.md', 'a.md~', '4913', 'notes.txt'].map(isCorpusFile)).toEqual([false, false, false, false, false, false]);
  });

  it('lets the console answer from an article added while it runs', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    let onText = () => {};
    output.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      onText();
    });
    const until = (needle: string) => new Promise<void>((resolve) => (onText = () => text.includes(needle) && resolve()));
    const done = runConsole({ config: { corpusDir: dir }, input, output, app });
    const reloaded = until('(corpus reloaded');
    writeFileSync(join(dir, 'norway.md'), NEW_ARTICLE);
    await reloaded;
    input.end(`${NEW_QUESTION}\n`);
    await done;
    expect(text).toContain('three icebreakers');
  });
});
