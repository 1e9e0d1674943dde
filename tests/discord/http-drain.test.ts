// Shutdown under keep-alive: requests already read from a connection (pipelined behind one in progress) are
// answered during the drain; the last response on each connection says `Connection: close`; nothing is reset.
import { connect } from 'node:net';
import { once } from 'node:events';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, createWorld } from '../e2e/fake-discord/index.ts';
import { keyPair } from './http-support.ts';

const keys = keyPair();
const world = createWorld();
const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The raw bytes of a signed POST /interactions on a keep-alive connection. */
function rawRequest(interaction: APIInteraction): string {
  const { headers, body } = signedRequest(keys.privateKey, interaction);
  const lines = Object.entries({ ...headers, host: '127.0.0.1', connection: 'keep-alive', 'content-length': Buffer.byteLength(body as string) }).map(([k, v]) => `${k}: ${String(v)}`);
  return `POST /interactions HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body as string}`;
}

/** Splits what the server sent into responses: status and headers of each. */
function responses(text: string): Array<{ status: number; connection: string | undefined }> {
  return [...text.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/g)].map((m) => ({
    status: Number(m[1]),
    connection: /^connection: *(\S+)/im.exec(m[2]!)?.[1]?.toLowerCase(),
  }));
}

describe('HTTP drain on shutdown', () => {
  it('answers every request already read on a keep-alive connection, closing it after the last one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstCalled!: () => void;
    const firstSeen = new Promise<void>((resolve) => (firstCalled = resolve));
    let calls = 0;
    const http = createHttpServer({
      publicKey: keys.publicHex,
      logger: silentLogger(),
      handle: async () => {
        if (++calls === 1) {
          firstCalled();
          await gate;
        }
        return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: `answer ${calls}`, allowed_mentions: { parse: [] } } } };
      },
    });
    servers.push(http);
    const { port } = await http.listen(0, '127.0.0.1');
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    let reset: Error | null = null;
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', (error) => (reset = error));
    const closed = once(socket, 'close');
    // Three requests in one write: the second and third wait behind the first, which is in progress.
    const ask = () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed?' } });
    socket.write(rawRequest(ask()) + rawRequest(ask()) + rawRequest(ask()));
    await firstSeen;

    const stopping = http.close();
    release();
    await closed;
    await stopping;
    expect(reset).toBeNull();
    const got = responses(received);
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
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    let reset: Error | null = null;
    let onData = () => {};
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      onData();
    });
    socket.on('error', (error) => (reset = error));
    const closed = once(socket, 'close');
    const ask = () => chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed?' } });
    // One request answered: the connection is now idle, kept alive.
    const first = new Promise<void>((resolve) => (onData = () => responses(received).length === 1 && resolve()));
    socket.write(rawRequest(ask()));
    await first;
    expect(responses(received)[0]!.connection).not.toBe('close');

    const stopping = http.close();
    socket.write(rawRequest(ask()));
    await closed;
    await stopping;
    expect(reset).toBeNull();
    expect(responses(received).map((r) => [r.status, r.connection])).toEqual([
      [200, 'keep-alive'],
      [200, 'close'],
    ]);
  });
});
