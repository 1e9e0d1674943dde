// Shutdown while a client pipelines requests on one keep-alive connection: however many were already sent
// behind the one in progress, each gets its answer; the last one closes the connection; nothing is reset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatInputInteraction, createWorld } from '../e2e/fake-discord/index.ts';
import { keyPair } from '../discord/http-support.ts';
import { gatedServer, rawClient, rawRequest } from '../discord/keep-alive-support.ts';

const keys = keyPair();
const world = createWorld();

describe('hostile input: pipelined requests at shutdown', () => {
  it('answers every request already sent, whatever their number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 8 }), async (count) => {
        const { http, started, release } = gatedServer(keys, () => 'ok');
        const { port } = await http.listen(0, '127.0.0.1');
        const client = await rawClient(port);
        client.socket.write(Array.from({ length: count }, () => rawRequest(keys, chatInputInteraction(world, { name: 'help' }))).join(''));
        await started;
        const stopping = http.close();
        release();
        await client.closed;
        await stopping;
        expect(client.error()).toBeNull();
        expect(client.received().match(/HTTP\/1\.1 200/g)).toHaveLength(count);
      }),
      { numRuns: 15 },
    );
  });
});
