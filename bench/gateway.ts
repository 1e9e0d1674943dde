// npm run bench:gateway [-- --boots 10] [-- --interactions 300] [-- --concurrency 8] [-- --json]
// The gateway bot (startBot: a real discord.js Client and the shared interaction core) against the fake
// Discord on loopback, in this process:
//   - login-to-ready: from client.login() to the ready event (GET /gateway/bot, HELLO, IDENTIFY, READY,
//     GUILD_CREATE), over several fresh fakes and bots;
//   - interaction round trip: from the fake dispatching INTERACTION_CREATE to the fake receiving the bot's
//     callback POST (gateway frame → discord.js → core → render → REST), one at a time, then N at a time;
//   - the core alone (handle(), no transport), for comparison.
// Figures go to stdout; nothing here is a pass/fail test.
import { Writable } from 'node:stream';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { APIInteraction } from 'discord-api-types/v10';
import { COMMANDS } from '../src/commands/index.ts';
import { createApp } from '../src/core/app.ts';
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/discord/gateway.ts';
import { createInteractionHandler } from '../src/discord/dispatch.ts';
import { createLogger } from '../src/log.ts';
import { autocompleteInteraction, chatInputInteraction, fastClientOptions, startFakeDiscord, type FakeDiscord } from '../tests/e2e/fake-discord/index.ts';

const { values: args } = parseArgs({
  options: {
    boots: { type: 'string', default: '10' },
    interactions: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
  },
});
const BOOTS = Number(args.boots);
const INTERACTIONS = Number(args.interactions);
const CONCURRENCY = Number(args.concurrency);
const TOKEN = 'MTA5OTk5OTk5OTk5OTk5OTk5.bench.token-for-the-fake';

// Log lines are produced (their cost is part of the round trip) and dropped.
const nullLogger = () => createLogger('info', new Writable({ write: (_c, _e, done) => done() }));
const app = createApp({ commands: COMMANDS, corpusDir: 'corpus' });

const QUESTIONS = [
  'Who signed the declaration?',
  'What will the UK do?',
  'Where was the pact unveiled?',
  'What did Zelenskyy say about the declaration?',
  'What is the weather in Paris?',
  'Who attended the summit?',
  'What is the purpose of the multinational force?',
  'Did @everyone <@&123> agree to send troops?',
];

/** A realistic mix: mostly /ask (answered and declined), some /quote, /commitments and autocomplete. */
function interaction(fake: FakeDiscord, i: number): APIInteraction {
  const world = fake.world;
  switch (i % 10) {
    case 7:
      return chatInputInteraction(world, { name: 'quote', options: { speaker: 'Starmer' } });
    case 8:
      return chatInputInteraction(world, { name: 'commitments' });
    case 9:
      return autocompleteInteraction(world, { name: 'quote', focused: { name: 'speaker', value: 'ma' } });
    default:
      return chatInputInteraction(world, { name: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length]!, private: i % 3 === 0 } });
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, min: round(sorted[0]!), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1)!), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

async function boot() {
  const fake = await startFakeDiscord({ token: TOKEN });
  const config = loadConfig({ mode: 'bot', dotenvPath: false, env: { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.world.applicationId, DISCORD_API_BASE: fake.apiBase } });
  const bot = await startBot(config, { app, logger: nullLogger(), clientOptions: fastClientOptions(fake), processHandlers: false });
  return { fake, bot };
}

/** Dispatches one interaction and resolves with ms until its callback reached the fake. */
async function roundTrip(fake: FakeDiscord, payload: APIInteraction): Promise<number> {
  const prefix = `/interactions/${payload.id}/`;
  const arrived = fake.waitForRequest((r) => r.route.startsWith(prefix), 30_000);
  const t0 = performance.now();
  fake.dispatch('INTERACTION_CREATE', payload);
  await arrived;
  return performance.now() - t0;
}

async function main(): Promise<void> {
  // Login to ready, on fresh fakes and bots (the first one also pays module warm-up; reported separately).
  const readies: number[] = [];
  for (let i = 0; i < BOOTS + 1; i++) {
    const { fake, bot } = await boot();
    if (i > 0) readies.push(bot.readyMs);
    await bot.stop();
    await fake.close();
  }

  const { fake, bot } = await boot();
  for (let i = 0; i < 30; i++) await roundTrip(fake, interaction(fake, i)); // warm-up: JIT, keep-alive sockets
  fake.clearRequests();

  const sequential: number[] = [];
  for (let i = 0; i < INTERACTIONS; i++) sequential.push(await roundTrip(fake, interaction(fake, i)));
  fake.clearRequests();

  const concurrent: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < INTERACTIONS) concurrent.push(await roundTrip(fake, interaction(fake, next++)));
    }),
  );
  const throughput = INTERACTIONS / ((performance.now() - started) / 1000);
  await bot.stop();
  await fake.close();

  // The core alone: the same interactions, no gateway and no REST.
  const handle = createInteractionHandler({ app, logger: nullLogger() });
  const offline = await startFakeDiscord();
  const core: number[] = [];
  for (let i = 0; i < INTERACTIONS + 30; i++) {
    const t0 = performance.now();
    await handle(interaction(offline, i));
    if (i >= 30) core.push(performance.now() - t0);
  }
  await offline.close();

  const report = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((n) => Math.round(n * 100) / 100), node: process.version },
    loginToReadyMs: stats(readies),
    roundTripMs: { sequential: stats(sequential), [`concurrency${CONCURRENCY}`]: { ...stats(concurrent), perSecond: Math.round(throughput) } },
    coreOnlyMs: stats(core),
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const line = (name: string, s: ReturnType<typeof stats>) =>
    `${name.padEnd(34)} n=${String(s.n).padEnd(4)} p50 ${s.p50.toFixed(2).padStart(7)}  p95 ${s.p95.toFixed(2).padStart(7)}  p99 ${s.p99.toFixed(2).padStart(7)}  max ${s.max.toFixed(2).padStart(7)} ms`;
  process.stdout.write(
    [
      `gateway bench: ${report.machine.cpus} × ${report.machine.model}, load ${report.machine.loadavg.join(' ')}, node ${report.machine.node}`,
      line('login → ready', report.loginToReadyMs),
      line('round trip, one at a time', report.roundTripMs.sequential),
      line(`round trip, ${CONCURRENCY} at a time`, stats(concurrent)) + `  (${Math.round(throughput)}/s)`,
      line('core only (handle, no transport)', report.coreOnlyMs),
      '',
    ].join('\n'),
  );
}

await main();
