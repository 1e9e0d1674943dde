// Shared by the HTTP server tests: a key pair, a raw loopback client (node:http, so tests control every
// header, including duplicates and odd values fetch would normalise), and a handler that counts its calls.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Agent, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import type { InteractionHandle, InteractionReply } from '../../src/discord/http/server.ts';
import { publicKeyToHex } from '../../src/discord/http/verify.ts';

export interface KeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
  publicHex: string;
}

export function keyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey, privateKey, publicHex: publicKeyToHex(publicKey) };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: OutgoingHttpHeaders;
  body?: string | Buffer;
  agent?: Agent;
}

/** One request over loopback; resolves with the whole response (or rejects on a socket error). */
export function send(port: number, { method = 'POST', path = '/interactions', headers = {}, body, agent }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A stand-in for the shared interaction core: echoes the command name, counts calls. */
export function countingHandler(reply?: (interaction: APIInteraction) => InteractionReply): InteractionHandle & { calls: APIInteraction[] } {
  const calls: APIInteraction[] = [];
  const handle = async (interaction: APIInteraction): Promise<InteractionReply> => {
    calls.push(interaction);
    if (reply) return reply(interaction);
    const name = 'data' in interaction && interaction.data && 'name' in interaction.data ? interaction.data.name : 'none';
    return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: `handled ${name}`, allowed_mentions: { parse: [] } } } };
  };
  return Object.assign(handle, { calls });
}
