// Shutdown under keep-alive: requests already read from a connection (pipelined behind one in progress) are
// answered during the drain; the last response on each connection says `Connection: close`; nothing is reset.
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, createWorld } from '../e2e/fake-discord/index.ts';
import { keyPair } from './http-support.ts';
import { gatedServer, rawClient, rawRequest } from './keep-alive-support.ts';

const keys = keyPair();
const world = createWorld();
const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Splits what the server sent into responses: status and headers of each. */
function responses(text: string): Array<{ status: number; connection: string | undefined }> {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/g)].map((m) => ({
    status: Number(m[1]),
    connection: /^connection: *(\S+)/im.exec(m[2]!)?.[1]?.toLowerCase(),
  }));
}

describe('HTTP drain on shutdown', () => {
  it('answers every request already read on a keep-alive connection, closing it after the last one', async () => {
    const { http, started, release } = gatedServer(keys, (call) => `answer ${call}`);
    servers.push(http);
    const { port } = await http.listen(0, '127.0.0.1');
    const client = await rawClient(port);
    // Three requests in one write: the second and third wait behind the first, which is in progress.
    const ask = () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed?' } });
    client.socket.write(rawRequest(keys, ask()) + rawRequest(keys, ask()) + rawRequest(keys, ask()));
    await started;

    const stopping = http.close();
    release();
    await client.closed;
    await stopping;
    expect(client.error()).toBeNull();
    const got = responses(client.received());
    expect(got.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(got.at(-1)!.connection).toBe('close');
    expect(got.slice(0, -1).map((r) => r.connection)).not.toContain('close');
  });

  it('answers a request sent on an idle keep-alive connection just after shutdown began, instead of resetting it', async () => {
    const http = createHttpServer({
      publicKey: keys.publicHex,
      logger: silentLogger(),
      // Generous, so the test does not depend on how fast this machine is: the connection closing ends it early.
      drainIdleMs: 60_000,
      handle: async () => ({ response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok', allowed_mentions: { parse: [] } } } }),
    });
    servers.push(http);
    const { port } = await http.listen(0, '127.0.0.1');
    const client = await rawClient(port);
    const ask = () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed?' } });
    // One request answered: the connection is now idle, kept alive.
    const first = new Promise<void>((resolve) => client.socket.on('data', () => responses(client.received()).length === 1 && resolve()));
    client.socket.write(rawRequest(keys, ask()));
    await first;
    expect(responses(client.received())[0]!.connection).not.toBe('close');

    const stopping = http.close();
    client.socket.write(rawRequest(keys, ask()));
    await client.closed;
    await stopping;
    expect(client.error()).toBeNull();
    expect(responses(client.received()).map((r) => [r.status, r.connection])).toEqual([
      [200, 'keep-alive'],
      [200, 'close'],
    ]);
  });
});
