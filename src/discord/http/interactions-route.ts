// POST /interactions, the signed route: route, method, content type, body size, signature headers, timestamp
// window, Ed25519 signature, JSON, shape, replay, in that order (each check cheap before the next). Nothing is
// parsed before the signature holds, and no handler runs for a refused request.
import type { IncomingMessage } from 'node:http';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { checkInteractionShape } from '../interaction-shape.ts';
import { readBody } from './body.ts';
import type { ReplayGuard } from '../../core/replay-window.ts';
import { json, refuse, type Reply } from './reply.ts';
import type { DEFAULT_HTTP_OPTIONS, HttpServerOptions, InteractionReply } from './server.ts';
import { createVerifier, wellFormedSignatureHeaders } from './verify.ts';

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** What answering an interaction needs, besides the request. */
export interface InteractionRoute {
  opts: typeof DEFAULT_HTTP_OPTIONS & HttpServerOptions;
  verify: ReturnType<typeof createVerifier>;
  replay: ReplayGuard;
  clock: () => number;
  ready: () => boolean;
}

export type Routed = Reply | { deferred: InteractionReply; interaction: APIInteraction };

/** POST /interactions: each check cheap before the next; nothing parsed before the signature holds. */
export async function interactions(req: IncomingMessage, { opts, verify, replay, clock, ready }: InteractionRoute): Promise<Routed> {
  if (req.method !== 'POST') return refuse('bad-method', 405, { allow: 'POST' });
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return refuse('bad-content-type', 415);
  const read = await readBody(req, opts.maxBodyBytes);
  if (!read.ok) return read.reason === 'too-large' ? refuse('too-large', 413, { connection: 'close' }) : refuse('aborted', 400);

  // Exactly one of each header: duplicates are refused, not joined or picked from.
  const signature = single(req, 'x-signature-ed25519');
  const timestamp = single(req, 'x-signature-timestamp');
  if (signature === null || timestamp === null || !wellFormedSignatureHeaders(signature, timestamp)) return refuse('bad-signature', 401);
  const signedAt = Number(timestamp) * 1000;
  if (Math.abs(clock() - signedAt) > opts.timestampToleranceMs) return refuse('stale-timestamp', 401);
  if (!verify(signature, timestamp, read.body)) return refuse('bad-signature', 401);

  // Authentic from here on: Discord sent these bytes.
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.body.toString('utf8'));
  } catch {
    return refuse('bad-json', 400);
  }
  // Signed is not well-formed: a body the handler could not read is refused here, before it runs.
  const shape = checkInteractionShape(parsed);
  if (!shape.ok) {
    opts.logger.warn({ problem: shape.problem }, 'http: signed interaction of unknown shape refused');
    return refuse('bad-interaction', 400);
  }
  const interaction = shape.interaction;
  if (!(await replay.admit(interaction.id, signedAt))) return refuse('replay', 401);
  if (interaction.type === InteractionType.Ping) return json('ping', 200, { type: InteractionResponseType.Pong });
  if (!ready()) return refuse('not-ready', 503, { 'retry-after': '1' });

  const reply = await opts.handle(interaction);
  if (reply.followUp) return { deferred: reply, interaction };
  return json('answered', 200, reply.response);
}

function single(req: IncomingMessage, name: string): string | null {
  const values = req.headersDistinct[name];
  return values?.length === 1 ? values[0]! : null;
}
