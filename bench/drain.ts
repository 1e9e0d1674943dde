// Shutdown under keep-alive load: autocannon keeps N connections busy (optionally pipelining), then the server
// is closed mid-load; counts the requests that got no response (reset) against those answered.
//   npm run bench:drain -- [--pipelining 4] [--connections 10] [--rounds 5]
// "resets" are requests that got ECONNRESET/EPIPE; autocannon's "errors" also count the refused reconnections
// after the port closed, which are expected.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { InteractionResponseType } from 'discord-api-types/v10';
import { createHttpServer } from '../src/discord/http/server.ts';
import { signedRequest } from '../src/discord/http/sign.ts';
import { silentLogger } from '../src/log.ts';
import { keyPair } from '../tests/discord/http-support.ts';
import { chatInputInteraction, createWorld } from '../tests/e2e/fake-discord/index.ts';

const { values: args } = parseArgs({ options: { pipelining: { type: 'string', default: '4' }, connections: { type: 'string', default: '10' }, rounds: { type: 'string', default: '5' } } });
const keys = keyPair();
const world = createWorld();
/** How long the load runs before the server is closed under it. */
const LOAD_BEFORE_CLOSE_MS = 1_000;

const totals = { answered: 0, errors: 0, resets: 0 };
for (let round = 0; round < Number(args.rounds); round++) {
  const http = createHttpServer({
    publicKey: keys.publicHex,
    logger: silentLogger(),
    // Replay protection would refuse the repeated body: a fresh server per round, and the same interaction is fine here.
    replayMaxEntries: 1,
    handle: async () => ({ response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok', allowed_mentions: { parse: [] } } } }),
  });
  const { port } = await http.listen(0, '127.0.0.1');
  const { headers, body } = signedRequest(keys.privateKey, chatInputInteraction(world, { name: 'help' }));
  const run = autocannon({
    url: `http://127.0.0.1:${port}/interactions`,
    method: 'POST',
    headers: headers as Record<string, string>,
    body: body as string,
    connections: Number(args.connections),
    pipelining: Number(args.pipelining),
    duration: 3,
  });
  let resets = 0;
  (run as unknown as NodeJS.EventEmitter).on('reqError', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resets++;
  });
  await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_CLOSE_MS));
  await http.close();
  const result = await run;
  totals.answered += result['2xx'] + result.non2xx;
  totals.errors += result.errors;
  totals.resets += resets;
}
process.stdout.write(`${JSON.stringify({ ...args, ...totals })}\n`);
