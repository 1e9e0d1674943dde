// The HTTP interactions server against a stand-in handler: routing, status codes, replay, limits,
// health, metrics, deferral and shutdown, all over real loopback sockets.
import { connect, type Socket } from 'node:net';
import { InteractionResponseType, InteractionType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, DEFAULT_HTTP_OPTIONS, type HttpServer, type HttpServerOptions } from '../../src/discord/http/server.ts';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, createWorld, snowflake } from '../e2e/fake-discord/index.ts';
import { countingHandler, keyPair, send } from './http-support.ts';

const keys = keyPair();
const world = createWorld();
const servers: HttpServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(overrides: Partial<HttpServerOptions> = {}) {
  const handle = countingHandler();
  const http = createHttpServer({ handle, publicKey: keys.publicHex, logger: silentLogger(), ...overrides });
  servers.push(http);
  const { port } = await http.listen(0, '127.0.0.1');
  return { http, port, handle };
}

const ask = (question = 'Who will lead the force?') => chatInputInteraction(world, { name: 'ask', options: { question } });
const signed = (payload: unknown, at = Math.floor(Date.now() / 1000)) => signedRequest(keys.privateKey, payload, at);

/** Reads a socket until the server closes it; resolves with what it sent. */
function readUntilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

describe('POST /interactions', () => {
  it('answers PING with a PONG without running the handler', async () => {
    const { port, handle } = await start();
    const res = await send(port, signed({ id: snowflake(), type: InteractionType.Ping, application_id: world.applicationId }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ type: 1 });
    expect(handle.calls).toHaveLength(0);
  });

  it('runs the handler on a signed command and sends its response as the body', async () => {
    const { port, handle } = await start();
    const payload = ask();
    const res = await send(port, signed(payload));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(handle.calls).toEqual([payload]);
    expect(JSON.parse(res.body)).toEqual((await countingHandler()(payload)).response);
  });

  it('refuses a replayed interaction id, even re-signed with a new timestamp', async () => {
    const { port, handle } = await start();
    const payload = ask();
    const first = signed(payload);
    expect((await send(port, first)).status).toBe(200);
    expect((await send(port, first)).status).toBe(401);
    expect((await send(port, signed(payload, Math.floor(Date.now() / 1000) + 1))).status).toBe(401);
    expect(handle.calls).toHaveLength(1);
  });

  it('refuses validly signed requests whose timestamp is more than 5 minutes off its clock', async () => {
    let now = Date.now();
    const { port, handle } = await start({ clock: () => now });
    const at = Math.floor(now / 1000);
    const tolerance = DEFAULT_HTTP_OPTIONS.timestampToleranceMs / 1000;
    expect((await send(port, signed(ask(), at - tolerance - 1))).status).toBe(401);
    expect((await send(port, signed(ask(), at + tolerance + 1))).status).toBe(401);
    expect((await send(port, signed(ask(), at - tolerance + 1))).status).toBe(200);
    // The same request, captured and sent once the window has passed, is stale.
    const late = signed(ask(), at);
    now += DEFAULT_HTTP_OPTIONS.timestampToleranceMs + 2_000;
    expect((await send(port, late)).status).toBe(401);
    expect(handle.calls).toHaveLength(1);
  });

  it('answers 400 to validly signed bodies that are not JSON interactions, and runs no handler', async () => {
    const { port, handle } = await start();
    for (const body of ['{"type":2,', 'not json', '', '[]', 'null', '42', '{"type":2}', '{"id":"1","type":"2"}', `{"id":"${snowflake()}","type":2}`]) {
      const res = await send(port, signed(body));
      expect(res.status, body).toBe(400);
    }
    expect(handle.calls).toHaveLength(0);
  });

  it('answers 405 with Allow to other methods', async () => {
    const { port } = await start();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await send(port, { method });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
  });

  it('answers 415 to anything but application/json, before reading the body', async () => {
    const { port, handle } = await start();
    const valid = signed(ask());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', undefined]) {
      const headers: Record<string, string> = { ...valid.headers };
      if (type) headers['content-type'] = type;
      else delete (headers as Partial<typeof headers>)['content-type'];
      expect((await send(port, { headers, body: valid.body })).status, String(type)).toBe(415);
    }
    expect(handle.calls).toHaveLength(0);
    // A charset parameter is still JSON.
    expect((await send(port, { headers: { ...valid.headers, 'content-type': 'application/json; charset=utf-8' }, body: valid.body })).status).toBe(200);
  });

  it('answers 413 to a declared body over 64 KiB without waiting for it, and closes the connection', async () => {
    const { port } = await start();
    const socket = connect(port, '127.0.0.1');
    const reply = readUntilClosed(socket);
    socket.write(`POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\n`);
    expect(await reply).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('answers 413 to a chunked body once it passes 64 KiB, and stops reading', async () => {
    const { port, handle } = await start();
    const socket = connect(port, '127.0.0.1');
    const reply = readUntilClosed(socket);
    socket.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = Buffer.alloc(16 * 1024, 'a');
    // 64 KiB + 1 byte, never terminated: the server must answer without waiting for the end.
    for (let i = 0; i < 4; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
    socket.write('1\r\nb\r\n');
    expect(await reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(handle.calls).toHaveLength(0);
    expect((await send(port, signed(ask()))).status).toBe(200);
  });

  it('answers a body of exactly 64 KiB normally', async () => {
    const { port } = await start();
    const base = JSON.stringify(ask());
    // Pad with JSON whitespace up to the limit: still the same valid interaction.
    const body = base + ' '.repeat(64 * 1024 - Buffer.byteLength(base));
    expect((await send(port, signed(body))).status).toBe(200);
  });

  it('answers 404 elsewhere', async () => {
    const { port } = await start();
    expect((await send(port, { method: 'GET', path: '/' })).status).toBe(404);
    expect((await send(port, { path: '/interactions/x' })).status).toBe(404);
  });

  it('answers 500 when the handler throws, and keeps serving', async () => {
    const { port } = await start({
      handle: async () => {
        throw new Error('boom');
      },
    });
    expect((await send(port, signed(ask()))).status).toBe(500);
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
  });
});

describe('slow and broken clients', () => {
  it('drops a client that never finishes its headers, while serving others', async () => {
    const { port } = await start({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, connectionsCheckingIntervalMs: 50 });
    const slow = connect(port, '127.0.0.1');
    const closed = readUntilClosed(slow);
    slow.write('POST /interactions HTTP/1.1\r\nHost: x\r\nX-Signature-Ed25519: ');
    expect((await send(port, signed(ask()))).status).toBe(200);
    // Node answers 408 when it can; either way the connection ends instead of lingering.
    const text = await closed;
    expect(text === '' || text.startsWith('HTTP/1.1 408 ')).toBe(true);
  });

  it('drops a client that trickles its body, while serving others', async () => {
    const { port, handle } = await start({ headersTimeoutMs: 1_000, requestTimeoutMs: 1_500, connectionsCheckingIntervalMs: 50 });
    const slow = connect(port, '127.0.0.1');
    const closed = readUntilClosed(slow);
    slow.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    const trickle = setInterval(() => slow.writable && slow.write(' '), 100);
    try {
      expect((await send(port, signed(ask()))).status).toBe(200);
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(handle.calls).toHaveLength(1);
  });

  it('survives clients that hang up mid-body', async () => {
    const { port } = await start();
    for (let i = 0; i < 20; i++) {
      const s = connect(port, '127.0.0.1');
      s.on('error', () => undefined);
      s.write('POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"id":');
      s.destroy();
    }
    expect((await send(port, signed(ask()))).status).toBe(200);
  });
});

describe('deferred answers', () => {
  it('answers type 5 at once, then delivers the follow-up after the response', async () => {
    const delivered: Array<{ target: unknown; body: unknown }> = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { port } = await start({
      handle: async () => ({
        response: { type: InteractionResponseType.DeferredChannelMessageWithSource },
        followUp: async () => {
          await gate;
          return { content: 'late answer' };
        },
      }),
      followUp: async (target, body) => {
        delivered.push({ target, body });
        return true;
      },
    });
    const payload = ask();
    const res = await send(port, signed(payload));
    expect(JSON.parse(res.body)).toEqual({ type: 5 });
    expect(delivered).toHaveLength(0);
    release();
    await expect.poll(() => delivered.length).toBe(1);
    expect(delivered[0]).toEqual({ target: { id: payload.id, application_id: payload.application_id, token: payload.token }, body: { content: 'late answer' } });
  });

  it('waits for pending follow-ups on close', async () => {
    let delivered = false;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const followUpStarted = new Promise<void>((r) => (started = r));
    const { http, port } = await start({
      handle: async () => ({
        response: { type: InteractionResponseType.DeferredChannelMessageWithSource },
        followUp: async () => {
          started();
          await gate;
          return { content: 'done' };
        },
      }),
      followUp: async () => (delivered = true),
    });
    await send(port, signed(ask()));
    await followUpStarted;
    // Closing while the follow-up is still computing: close() settles only after it is delivered.
    let closed = false;
    const closing = http.close().then(() => (closed = true));
    await Promise.resolve();
    expect([closed, delivered]).toEqual([false, false]);
    release();
    await closing;
    expect(delivered).toBe(true);
  });
});

describe('GET /healthz and /metrics', () => {
  it('reports 503 until the index is ready, then 200; interactions wait too, PING does not', async () => {
    let ready = false;
    const { port, handle } = await start({ ready: () => ready });
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(503);
    expect((await send(port, signed(ask()))).status).toBe(503);
    expect((await send(port, signed({ id: snowflake(), type: 1, application_id: world.applicationId }))).status).toBe(200);
    ready = true;
    expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
    expect((await send(port, signed(ask()))).status).toBe(200);
    expect(handle.calls).toHaveLength(1);
    expect((await send(port, { method: 'POST', path: '/healthz' })).status).toBe(405);
  });

  it('exposes requests by route and outcome and a latency histogram, per server', async () => {
    const a = await start();
    const b = await start();
    await send(a.port, signed(ask()));
    await send(a.port, { method: 'GET', path: '/nowhere' });
    await send(a.port, { headers: { 'content-type': 'application/json' }, body: '{}' });
    const res = await send(a.port, { method: 'GET', path: '/metrics' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('pactbot_http_requests_total{route="interactions",outcome="answered"} 1');
    expect(res.body).toContain('pactbot_http_requests_total{route="interactions",outcome="bad-signature"} 1');
    expect(res.body).toContain('pactbot_http_requests_total{route="other",outcome="not-found"} 1');
    expect(res.body).toMatch(/pactbot_http_request_duration_seconds_bucket\{le="\+Inf",route="interactions"\} 2/);
    expect(res.body).toContain('pactbot_http_replay_window_ids 1');
    // The second server counts only its own requests.
    const other = await send(b.port, { method: 'GET', path: '/metrics' });
    expect(other.body).not.toContain('outcome="answered"');
  });
});

describe('close()', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const handle = countingHandler();
    const { http, port } = await start({
      handle: async (i) => {
        entered();
        await gate;
        return handle(i);
      },
    });
    const inflight = send(port, signed(ask()));
    await inside;
    const closing = http.close();
    release();
    expect((await inflight).status).toBe(200);
    await closing;
    await expect(send(port, { method: 'GET', path: '/healthz' })).rejects.toThrow();
  });
});
