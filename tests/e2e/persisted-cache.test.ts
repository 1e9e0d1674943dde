// Every front end starts from the persisted cache (CACHE_DIR): the gateway bot, the HTTP server and the console
// build the search index and extract the quotes on their first start, save them, and load them on the next,
// answering exactly as before.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/console.ts';
import { loadConfig } from '../../src/config.ts';
import { COMMANDS } from '../../src/commands/index.ts';
import { buildApp } from '../../src/core/runtime.ts';
import { createLogger } from '../../src/log.ts';
import { send, type LogLine } from './bot-harness.ts';
import { bootConfiguredBot, CORPUS, tempDir, type ConfiguredBot } from './configured-bot.ts';
import { chatInputInteraction } from './fake-discord/index.ts';

type Callback = { type: number; data: APIInteractionResponseCallbackData };

let env: ConfiguredBot | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await env?.stop();
  env = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function cacheFolder(): string {
  const dir = tempDir('cache');
  dirs.push(dir);
  return dir;
}

/** The cache files, by kind, with their modification times (unchanged when a start only reads them). */
const cacheFiles = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => [name.replace(/-[0-9a-f]+\.json$/, ''), statSync(`${dir}/${name}`).mtimeMs] as const);

describe('persisted cache in every front end', () => {
  it('the gateway bot builds the cache on its first start and loads it on the next, answering the same', async () => {
    const cacheDir = cacheFolder();
    const sources = (line: LogLine) => [(line.index as { source: string }).source, (line.extracted as { source: string }).source];
    const replies: Callback[][] = [];
    for (const expected of [['built', 'built'], ['cache', 'cache']]) {
      env = await bootConfiguredBot({ CACHE_DIR: cacheDir });
      expect(sources(await env.waitForLog((l) => l.msg === 'search index ready'))).toEqual(expected);
      const e = env;
      replies.push(
        await Promise.all([
          send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'ask', options: { question: 'Who signed the declaration?' } })),
          send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'quote', options: { speaker: 'Starmer' } })),
          send<Callback>(e.fake, chatInputInteraction(e.fake.world, { name: 'commitments' })),
        ]),
      );
      await env.stop();
      env = undefined;
    }
    expect(cacheFiles(cacheDir).map(([kind]) => kind)).toEqual(['extracted', 'index']);
    expect(replies[1]).toEqual(replies[0]);
  }, 60_000);

  it('the runtime (gateway and HTTP server) reads the corpus once and loads the cache on its second start', () => {
    const cacheDir = cacheFolder();
    const config = loadConfig({ mode: 'serve', env: { DISCORD_PUBLIC_KEY: 'a'.repeat(64), DISCORD_CLIENT_ID: '123456789012345678', CORPUS_DIR: CORPUS, CACHE_DIR: cacheDir }, dotenvPath: false });
    const lines: LogLine[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk)) as LogLine), done()) }));
    const first = buildApp(config, COMMANDS, logger);
    const second = buildApp(config, COMMANDS, logger);
    expect([first.index?.source, first.extracted?.source, second.index?.source, second.extracted?.source]).toEqual(['built', 'built', 'cache', 'cache']);
    expect(lines.filter((l) => l.msg === 'search index ready').map((l) => (l.index as { source: string }).source)).toEqual(['built', 'cache']);
    const engines = [first.context.engine, second.context.engine];
    expect(engines[1]!.quotes('Macron')).toEqual(engines[0]!.quotes('Macron'));
    expect(engines[1]!.ask('Where did the leaders meet?')).toEqual(engines[0]!.ask('Where did the leaders meet?'));
  });

  it('the console (npm start without a token) saves the cache, then starts from it without writing', async () => {
    const cacheDir = cacheFolder();
    const run = async () => {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      const done = runConsole({ config: { corpusDir: CORPUS, cacheDir }, input, output, watch: false });
      input.end('/quote Starmer\n');
      await done;
      return text;
    };
    const first = await run();
    const saved = cacheFiles(cacheDir);
    expect(saved.map(([kind]) => kind)).toEqual(['extracted', 'index']);
    expect(await run()).toBe(first);
    expect(cacheFiles(cacheDir)).toEqual(saved);
  });
});
