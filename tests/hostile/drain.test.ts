// Shutdown while a client pipelines requests on one keep-alive connection: however many were already sent
// behind the one in progress, each gets its answer; the last one closes the connection; nothing is reset.
import { connect } from 'node:net';
import { once } from 'node:events';
import fc from 'fast-check';
import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, createWorld } from '../e2e/fake-discord/index.ts';
import { keyPair } from '../discord/http-support.ts';

const keys = keyPair();
const world = createWorld();

function raw(): string {
  const { headers, body } = signedRequest(keys.privateKey, chatInputInteraction(world, { name: 'help' }));
  const lines = Object.entries({ ...headers, host: '127.0.0.1', 'content-length': Buffer.byteLength(body as string) }).map(([k, v]) => `${k}: ${String(v)}`);
  return `POST /interactions HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body as string}`;
}

describe('hostile input: pipelined requests at shutdown', () => {
  it('answers every request already sent, whatever their number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), async (count) => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let started!: () => void;
        const first = new Promise<void>((resolve) => (started = resolve));
        let calls = 0;
        const http = createHttpServer({
          publicKey: keys.publicHex,
          logger: silentLogger(),
          handle: async () => {
            if (++calls === 1) {
              started();
              await gate;
            }
            return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'ok', allowed_mentions: { parse: [] } } } };
          },
        });
        const { port } = await http.listen(0, '127.0.0.1');
        const socket = connect(port, '127.0.0.1');
        await once(socket, 'connect');
        let received = '';
        let failed: Error | null = null;
        socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
        socket.on('error', (e) => (failed = e));
        const closed = once(socket, 'close');
        socket.write(Array.from({ length: count }, raw).join(''));
        await first;
        const stopping = http.close();
        release();
        await closed;
        await stopping;
        expect(failed).toBeNull();
        expect(received.match(/HTTP\/1\.1 200/g)).toHaveLength(count);
      }),
      { numRuns: 15 },
    );
  });
});
