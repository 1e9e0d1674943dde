// Any bytes an editor, a bad deploy or an attacker with write access leaves in an article: the corpus either
// loads them exactly (valid UTF-8: no U+FFFD that was not in the file) or refuses the file with its byte offset,
// and a live reload never swaps in a corpus that failed: the previous one keeps serving.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';
import { CorpusError } from '../../src/domain/corpus.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { watchCorpus } from '../../src/core/live-corpus.ts';
import { silentLogger } from '../../src/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'pactbot-hostile-corpus-'));
cpSync('corpus', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = Buffer.from('---\ntitle: Hostile Bytes\ndate: 2026-01-20\n---\n\n# Hostile Bytes\n\n', 'utf8');
/** Article bodies: arbitrary bytes, or valid text with stray bytes spliced in. */
const body = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.string({ maxLength: 40 })).map(
    ([a, bytes, b]) => new Uint8Array(Buffer.concat([Buffer.from(a), Buffer.from(bytes), Buffer.from(b)])),
  ),
);

const utf8Valid = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('hostile input: bytes in an article', () => {
  it('loads valid UTF-8 exactly, refuses anything else with the byte offset, never serves U+FFFD it invented', () => {
    fc.assert(
      fc.property(body, (bytes) => {
        const file = Buffer.concat([HEAD, bytes]);
        writeFileSync(join(dir, 'hostile.md'), file);
        let loaded: ReturnType<typeof loadCorpus> | null = null;
        let error: unknown = null;
        try {
          loaded = loadCorpus(dir);
        } catch (e) {
          error = e;
        }
        if (!utf8Valid(file)) {
          expect(error).toBeInstanceOf(CorpusError);
          expect((error as Error).message).toMatch(/hostile\.md:0: not valid UTF-8 at byte \d+/);
          return;
        }
        // Valid bytes may still be a malformed article (a CorpusError naming the file); never anything else.
        if (error) {
          expect(error).toBeInstanceOf(CorpusError);
          return;
        }
        const text = loaded!.articles.find((a) => a.id === 'hostile')!.passages.map((p) => p.text).join('');
        const inFile = (file.toString('utf8').match(/\ufffd/g) ?? []).length;
        expect((text.match(/\ufffd/g) ?? []).length).toBeLessThanOrEqual(inFile);
      }),
      { numRuns: 300 },
    );
  });

  it('a live reload of any such file swaps in a working corpus or keeps the previous one', async () => {
    writeFileSync(join(dir, 'hostile.md'), Buffer.concat([HEAD, Buffer.from('A first paragraph.\n')]));
    const app = createApp({ commands: COMMANDS, corpusDir: dir });
    // In this thread, for speed: the worker runs the same build (tests/live-corpus-faults.test.ts covers it).
    const watcher = watchCorpus({ app, dir, logger: silentLogger(), thread: 'main', debounceMs: 1e9 });
    try {
      await fc.assert(
        fc.asyncProperty(body, async (bytes) => {
          const before = app.context.engine;
          writeFileSync(join(dir, 'hostile.md'), Buffer.concat([HEAD, bytes]));
          const event = await watcher.reload('property');
          if (event.ok === false) expect(app.context.engine).toBe(before);
          expect(app.context.engine.ask('Who signed the declaration?').answered).toBe(true);
        }),
        { numRuns: 40 },
      );
    } finally {
      watcher.stop();
    }
  });
});
