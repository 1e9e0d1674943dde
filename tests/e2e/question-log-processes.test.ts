// End to end, besides the gateway bot in-process: the HTTP server records questions and picks up a
// corpus change like the bot does, and `npm start` as a real process writes its question log and votes on
// SIGTERM (WAL mode, closed on shutdown: nothing lost).
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { APIInteractionResponse, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { decodeCustomId } from '../../src/discord/components.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { startHttp, type StartedHttp } from '../../src/discord/http/start.ts';
import { createLogger } from '../../src/log.ts';
import { keyPair, send as post } from '../discord/http-support.ts';
import { customIds, readMarkdown } from '../discord/payload-checks.ts';
import { send, TOKEN } from './bot-harness.ts';
import { corpusCopy, tempDir, rows } from './configured-bot.ts';
import { botEnv, killChildren, run } from './bot-spawn.ts';
import { buttonInteraction, chatInputInteraction, messageObject, startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';

let fake: FakeDiscord | undefined;
let http: StartedHttp | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await killChildren();
  await http?.stop();
  http = undefined;
  await fake?.close();
  fake = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const temp = (prefix: string) => {
  const d = tempDir(prefix);
  dirs.push(d);
  return d;
};

const ARTICLE = `---
title: Norway Sends Icebreakers to the Baltic
date: 2026-01-20
---

Norway announced on Tuesday that it will send three icebreakers to keep Baltic harbours open through the winter.
`;

describe('the HTTP server', () => {
  it('records questions with 👍/👎 buttons and answers from an article added while it runs', async () => {
    fake = await startFakeDiscord();
    const keys = keyPair();
    const corpus = corpusCopy();
    dirs.push(corpus);
    const path = join(temp('http-log'), 'pactbot.db');
    const lines: Array<{ msg: string }> = [];
    let onLine = () => {};
    const sink = new Writable({
      write(chunk, _e, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as { msg: string });
        onLine();
        done();
      },
    });
    const env = { DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: fake.world.applicationId, PORT: '0', DISCORD_API_BASE: fake.apiBase, QUESTION_LOG: path, CORPUS_DIR: corpus, CACHE_DIR: temp('http-cache') };
    const config = loadConfig({ mode: 'serve', env, dotenvPath: false });
    http = await startHttp({ config, logger: createLogger('info', sink), server: { defaultMetrics: false } });
    await http.ready;
    const ask = async (question: string) => {
      const payload = chatInputInteraction(fake!.world, { name: 'ask', options: { question } });
      const res = await post(http!.address.port, signedRequest(keys.privateKey, payload));
      expect(res.status).toBe(200);
      return { payload, data: (JSON.parse(res.body) as APIInteractionResponse & { data: APIInteractionResponseCallbackData }).data };
    };

    const first = await ask('How many icebreakers will Norway send?');
    expect(customIds(first.data).map(decodeCustomId)).toContainEqual({ kind: 'vote', vote: -1, questionId: first.payload.id });

    const reloaded = new Promise<void>((resolve) => {
      onLine = () => lines.some((l) => l.msg === 'corpus reloaded') && resolve();
    });
    writeFileSync(join(corpus, 'norway.md'), ARTICLE);
    await reloaded;
    const second = await ask('How many icebreakers will Norway send?');
    expect(readMarkdown(second.data.embeds![0]!.description!).text).toContain(ARTICLE.trim().split('\n').at(-1)!);

    await http.stop();
    http = undefined;
    expect(rows(path, 'SELECT id, answered, source FROM questions ORDER BY at')).toEqual([
      { id: first.payload.id, answered: 0, source: 'http' },
      { id: second.payload.id, answered: 1, source: 'http' },
    ]);
  });
});

describe('npm start (the bot as a process)', () => {
  it('writes the question and the vote to the log and closes it cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    const path = join(temp('process-log'), 'data', 'pactbot.db');
    const bot = run('src/main.ts', [], { ...botEnv(fake), QUESTION_LOG: path });
    await bot.waitForLog((l) => l.msg === 'ready');

    const question = 'Who signed the declaration?';
    const interaction = chatInputInteraction(fake.world, { name: 'ask', options: { question } });
    const reply = await send<{ data: APIInteractionResponseCallbackData }>(fake, interaction);
    const up = customIds(reply.data).find((id) => decodeCustomId(id)?.kind === 'vote' && id.includes(':up:'))!;
    const message = messageObject(fake.world, { embeds: reply.data.embeds as never, components: reply.data.components as never, webhookId: fake.world.applicationId });
    await send(fake, buttonInteraction(fake.world, { customId: up, message }));

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(rows(path, 'SELECT id, question, answered FROM questions')).toEqual([{ id: interaction.id, question, answered: 1 }]);
    expect(rows(path, 'SELECT question_id, vote FROM votes')).toEqual([{ question_id: interaction.id, vote: 1 }]);
  }, 60_000);
});
