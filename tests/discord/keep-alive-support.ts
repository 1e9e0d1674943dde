// Shared by the drain tests: an interactions server whose first request waits behind a gate, raw signed
// requests for one keep-alive connection, and a client socket that records what it receives.
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { silentLogger } from '../../src/log.ts';
import type { keyPair } from './http-support.ts';

type Keys = ReturnType<typeof keyPair>;

/** The raw bytes of a signed POST /interactions on a keep-alive connection. */
export function rawRequest(keys: Keys, interaction: APIInteraction): string {
  const { headers, body } = signedRequest(keys.privateKey, interaction);
  const lines = Object.entries({ ...headers, host: '127.0.0.1', connection: 'keep-alive', 'content-length': Buffer.byteLength(body as string) }).map(([k, v]) => `${k}: ${String(v)}`);
  return `POST /interactions HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n${body as string}`;
}

/**
 * A server answering every interaction with `content(call)`, whose first call waits until `release()`:
 * `started` resolves when that first call is in progress, so requests behind it are read but unanswered.
 */
export function gatedServer(keys: Keys, content: (call: number) => string): { http: HttpServer; started: Promise<void>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let begin!: () => void;
  const started = new Promise<void>((resolve) => (begin = resolve));
  let calls = 0;
  const http = createHttpServer({
    publicKey: keys.publicHex,
    logger: silentLogger(),
    handle: async () => {
      const call = ++calls;
      if (call === 1) {
        begin();
        await gate;
      }
      return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: content(calls), allowed_mentions: { parse: [] } } } };
    },
  });
  return { http, started, release };
}

/** A raw client on the port: everything received (as latin1 text), the socket error if any, and its close. */
export async function rawClient(port: number): Promise<{ socket: Socket; received: () => string; error: () => Error | null; closed: Promise<unknown> }> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  let error: Error | null = null;
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.on('error', (e) => (error = e));
  return { socket, received: () => received, error: () => error, closed: once(socket, 'close') };
}
