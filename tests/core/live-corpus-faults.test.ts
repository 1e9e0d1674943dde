// The live corpus under the faults a deployment brings: the folder deleted and restored or replaced, a reload
// too large for the limits, bytes that are not UTF-8, and requests arriving while a large reload is built.
// Every wait is on an event (a reload, a log line), never on a fixed sleep.
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import { CorpusError } from '../../src/domain/corpus.ts';
import { watchCorpus, type CorpusWatcher, type ReloadEvent } from '../../src/core/live-corpus.ts';
import { createLogger } from '../../src/log.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2026-01-20\n---\n\n# ${title}\n\n${body}\n`;
const NORWAY = article('Norway Sends Icebreakers to the Baltic', 'Norway announced on Tuesday that it will send three icebreakers to keep Baltic harbours open through the winter.');
const NORWAY_QUESTION = 'How many icebreakers will Norway send?';

/** A large article: `paragraphs` distinct paragraphs of ordinary news prose. */
function bigArticle(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, (_, i) => `Delegation ${i} from the northern harbour council met the ministry on day ${i % 365} to review ferry number ${i * 7} and its winter timetable.`);
  return article('Harbour Council Minutes', body.join('\n\n'));
}

let root: string;
let dir: string;
let app: App;
let watcher: CorpusWatcher | undefined;
let events: ReloadEvent[];
let logs: Array<{ msg: string; [k: string]: unknown }>;
let wake: Array<() => void>;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pactbot-live-faults-'));
  dir = join(root, 'corpus');
  cpSync(CORPUS, dir, { recursive: true });
  app = createApp({ commands: COMMANDS, corpusDir: dir });
  events = [];
  logs = [];
  wake = [];
});
afterEach(() => {
  watcher?.stop();
  watcher = undefined;
  rmSync(root, { recursive: true, force: true });
});

function start(options: Partial<Parameters<typeof watchCorpus>[0]> = {}): CorpusWatcher {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)) as { msg: string });
      for (const w of wake.splice(0)) w();
      done();
    },
  });
  watcher = watchCorpus({
    app,
    dir,
    logger: createLogger('info', sink),
    debounceMs: 50,
    onReload: (e) => {
      events.push(e);
      for (const w of wake.splice(0)) w();
    },
    ...options,
  });
  return watcher;
}

/** Resolves once `found` returns something, re-checked on every reload event and log line. */
function until<T>(found: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not seen: ${what}; logs: ${logs.map((l) => l.msg).join(' | ')}`)), timeoutMs);
    const check = () => {
      const value = found();
      if (value === undefined) return void wake.push(check);
      clearTimeout(timer);
      resolve(value);
    };
    check();
  });
}
const logged = (msg: string) => until(() => logs.find((l) => l.msg === msg), msg);
const reloadedOk = (from: number) => until(() => events.slice(from).find((e) => e.ok === true), 'a successful reload');

describe('live corpus: the folder deleted, restored, replaced', () => {
  it('says when the folder is gone, keeps serving, and picks up the content when it comes back', async () => {
    start();
    const before = app.context.engine;
    rmSync(dir, { recursive: true, force: true });
    await logged('corpus folder is gone: the previous corpus keeps serving; watching for it to come back');
    expect(app.context.engine).toBe(before);
    expect(before.ask('Who signed the declaration?').answered).toBe(true);

    const seen = events.length;
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(join(dir, 'norway.md'), NORWAY);
    await reloadedOk(seen);
    await logged('corpus folder is back: reloading');
    expect(app.context.engine.ask(NORWAY_QUESTION).answered).toBe(true);
  });

  it('follows a folder replaced by another (renamed away, a new one renamed in)', async () => {
    start();
    const next = join(root, 'corpus.next');
    cpSync(CORPUS, next, { recursive: true });
    writeFileSync(join(next, 'norway.md'), NORWAY);
    renameSync(dir, join(root, 'corpus.old'));
    renameSync(next, dir);
    await reloadedOk(0);
    expect(app.context.engine.ask(NORWAY_QUESTION).answered).toBe(true);

    // And the new folder is watched: a later edit in it is picked up too.
    const seen = events.length;
    writeFileSync(join(dir, 'norway.md'), NORWAY.replace('three icebreakers', 'five icebreakers'));
    await reloadedOk(seen);
    expect(app.context.engine.ask(NORWAY_QUESTION).passages[0]!.text).toContain('five icebreakers');
  });
});

describe('live corpus: large and refused reloads', () => {
  it('keeps answering from the old engine while a large corpus is built off the main thread', async () => {
    const w = start();
    writeFileSync(join(dir, 'minutes.md'), bigArticle(20_000));
    const old = app.context.engine;
    const reloading = w.reload('manual');
    let done = false;
    void reloading.then(() => (done = true));
    // Questions answered on later turns of the event loop, while the reload is still being built.
    const answeredMeanwhile: boolean[] = [];
    while (!done && answeredMeanwhile.length < 5) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!done) answeredMeanwhile.push(app.context.engine.ask('Who signed the declaration?').answered);
    }
    expect(answeredMeanwhile).toEqual([true, true, true, true, true]);
    expect((await reloading).ok).toBe(true);
    expect(app.context.engine).not.toBe(old);
    const info = app.context.engine.info();
    expect(info.articles.map((a) => a.title)).toContain('Harbour Council Minutes');
    expect(info.passages).toBeGreaterThan(20_000);
  });

  it('refuses a corpus over the size limit with a clear log line, not half-loaded', async () => {
    const w = start({ maxCorpusBytes: 200_000 });
    const before = app.context.engine;
    writeFileSync(join(dir, 'minutes.md'), bigArticle(2_000));
    const event = await w.reload('manual');
    expect(event.ok).toBe(false);
    expect(event.ok === false && event.error).toBeInstanceOf(CorpusError);
    expect(event.ok === false && event.error.message).toMatch(/the corpus is \d+\.\d MB, over the limit of 0\.2 MB: refused/);
    expect(app.context.engine).toBe(before);
    expect(logs.find((l) => l.msg === 'corpus reload failed: the previous corpus keeps serving')?.problem).toMatch(/over the limit/);
  });

  it('refuses a build that exceeds the worker heap limit; the bot keeps serving the previous corpus', async () => {
    const w = start({ maxBuildHeapMb: 48 });
    // Within the limit: a small article loads, so the limit refuses by size, not everything.
    writeFileSync(join(dir, 'norway.md'), NORWAY);
    expect((await w.reload('small')).ok).toBe(true);
    const before = app.context.engine;
    writeFileSync(join(dir, 'minutes.md'), bigArticle(60_000));
    const event = await w.reload('large');
    expect(event.ok === false && event.error.message).toMatch(/needs more than the 48 MB the reload may use: refused/);
    expect(app.context.engine).toBe(before);
    expect(app.context.engine.ask(NORWAY_QUESTION).answered).toBe(true);
  });

  it('refuses an article that is not UTF-8, naming the file and byte offset, and keeps serving', async () => {
    const w = start();
    const before = app.context.engine;
    const head = Buffer.from(NORWAY.slice(0, 80), 'utf8');
    writeFileSync(join(dir, 'norway.md'), Buffer.concat([head, Buffer.from([0xff]), Buffer.from(NORWAY.slice(80), 'utf8')]));
    const event = await w.reload('manual');
    expect(event.ok === false && event.error.message).toContain(`norway.md:0: not valid UTF-8 at byte ${head.length}`);
    expect(app.context.engine).toBe(before);
  });
});
