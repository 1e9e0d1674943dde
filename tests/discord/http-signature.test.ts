// Generated hostile requests: each starts from a fresh, valid, signed interaction (unique id, current
// timestamp) and breaks one thing about its signature. Every one must be answered 401 before any parsing,
// so the handler never runs. A valid control request before and after proves the requests were otherwise
// acceptable, so the 401s come from the mutation and nothing else.
import { Agent, type OutgoingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/discord/http/server.ts';
import { signedRequest, signRequest } from '../../src/discord/http/sign.ts';
import { createVerifier } from '../../src/discord/http/verify.ts';
import { silentLogger } from '../../src/log.ts';
import { chatInputInteraction, createWorld } from '../e2e/fake-discord/index.ts';
import { countingHandler, keyPair, send } from './http-support.ts';

const RUNS = 1_200;
const keys = keyPair();
const intruder = keyPair();
const world = createWorld();
const handle = countingHandler();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
let http: HttpServer;
let port: number;

beforeAll(async () => {
  http = createHttpServer({ handle, publicKey: keys.publicHex, logger: silentLogger() });
  ({ port } = await http.listen(0, '127.0.0.1'));
});
afterAll(async () => {
  agent.destroy();
  await http.close();
});

interface Wire {
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

let sequence = 0;
/** A valid request: unique id (so replay never explains a 401), timestamp now. */
function fresh(): { wire: Wire; timestamp: string; signature: string } {
  const payload = chatInputInteraction(world, { name: 'ask', options: { question: `question ${sequence++}` } });
  const req = signedRequest(keys.privateKey, payload);
  return {
    wire: { headers: { ...req.headers }, body: Buffer.from(req.body) },
    timestamp: req.headers['x-signature-timestamp'],
    signature: req.headers['x-signature-ed25519'],
  };
}

const NON_HEX = [...'ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ!#$%&*+-.^_|~:;<=>?@[]{}/'];
const NON_DIGIT = [...'abcdefxXeE+-.,_:;!#'];
const SIG = 'x-signature-ed25519';
const TS = 'x-signature-timestamp';

/** Each mutation names itself (for the tally) and rewrites a valid request. */
type Fresh = ReturnType<typeof fresh>;
type Mutation = { kind: string; apply: (r: Fresh) => Wire };

const flipBit = (hex: string, bit: number): string => {
  const bytes = Buffer.from(hex, 'hex');
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString('hex');
};

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc.integer({ min: 0, max: 511 }).map((bit) => ({
    kind: 'flipped signature bit',
    apply: (r: Fresh) => ({ ...r.wire, headers: { ...r.wire.headers, [SIG]: flipBit(r.signature, bit) } }),
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => ({
    kind: 'tampered body byte',
    apply: (r: Fresh) => {
      const body = Buffer.from(r.wire.body);
      body[at % body.length]! ^= xor;
      return { ...r.wire, body };
    },
  })),
  fc.oneof(fc.integer({ min: 1, max: 200 }), fc.string({ minLength: 1, maxLength: 50 })).map((cut) => ({
    kind: 'truncated or extended body',
    apply: (r: Fresh) => ({
      ...r.wire,
      body: typeof cut === 'number' ? r.wire.body.subarray(0, Math.max(0, r.wire.body.length - cut)) : Buffer.concat([r.wire.body, Buffer.from(cut)]),
    }),
  })),
  fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0).map((delta) => ({
    kind: 'shifted timestamp, old signature',
    apply: (r: Fresh) => ({ ...r.wire, headers: { ...r.wire.headers, [TS]: String(Number(r.timestamp) + delta) } }),
  })),
  fc.tuple(fc.integer({ min: 301, max: 100_000_000 }), fc.boolean()).map(([delta, past]) => ({
    kind: 'stale timestamp, signed',
    apply: (r: Fresh) => {
      const ts = String(Number(r.timestamp) + (past ? -delta : delta));
      return { ...r.wire, headers: { ...r.wire.headers, [TS]: ts, [SIG]: signRequest(keys.privateKey, ts, r.wire.body) } };
    },
  })),
  fc.constantFrom(SIG, TS, 'both').map((which) => ({
    kind: 'missing header',
    apply: (r: Fresh) => {
      const headers = { ...r.wire.headers };
      if (which !== TS) delete headers[SIG];
      if (which !== SIG) delete headers[TS];
      return { ...r.wire, headers };
    },
  })),
  fc.tuple(fc.constantFrom(SIG, TS), fc.boolean()).map(([which, same]) => ({
    kind: 'duplicated header',
    apply: (r: Fresh) => {
      const value = String(r.wire.headers[which]);
      const other = which === SIG ? flipBit(value, 0) : String(Number(value) + 1);
      return { ...r.wire, headers: { ...r.wire.headers, [which]: same ? [value, value] : [value, other] } };
    },
  })),
  fc.tuple(fc.nat({ max: 127 }), fc.constantFrom(...NON_HEX)).map(([at, ch]) => ({
    kind: 'non-hex signature',
    apply: (r: Fresh) => ({ ...r.wire, headers: { ...r.wire.headers, [SIG]: r.signature.slice(0, at) + ch + r.signature.slice(at + 1) } }),
  })),
  fc.tuple(fc.nat({ max: 12 }), fc.constantFrom(...NON_DIGIT), fc.boolean()).map(([at, ch, resign]) => ({
    kind: 'non-digit timestamp',
    apply: (r: Fresh) => {
      const ts = r.timestamp.slice(0, at) + ch + r.timestamp.slice(at);
      // Even a signature over the odd timestamp itself must not be enough.
      const sig = resign ? signRequest(keys.privateKey, ts, r.wire.body) : r.signature;
      return { ...r.wire, headers: { ...r.wire.headers, [TS]: ts, [SIG]: sig } };
    },
  })),
  fc.oneof(fc.nat({ max: 127 }), fc.integer({ min: 129, max: 300 })).map((length) => ({
    kind: 'wrong signature length',
    apply: (r: Fresh) => ({ ...r.wire, headers: { ...r.wire.headers, [SIG]: r.signature.repeat(3).slice(0, length) } }),
  })),
  fc.constantFrom('another key', 'signature of another request', 'body only', 'timestamp only').map((how) => ({
    kind: how,
    apply: (r: Fresh) => {
      const signature =
        how === 'another key' ? signRequest(intruder.privateKey, r.timestamp, r.wire.body)
        : how === 'signature of another request' ? fresh().signature
        : how === 'body only' ? signRequest(keys.privateKey, '', r.wire.body)
        : signRequest(keys.privateKey, r.timestamp, '');
      return { ...r.wire, headers: { ...r.wire.headers, [SIG]: signature } };
    },
  })),
);

describe('signature verification over HTTP', () => {
  it('accepts the unmutated requests the generator starts from', async () => {
    const before = handle.calls.length;
    const res = await send(port, { ...fresh().wire, agent });
    expect(res.status).toBe(200);
    expect(handle.calls.length).toBe(before + 1);
  });

  it(`answers 401 to ${RUNS} generated mutations and never runs the handler`, async () => {
    const before = handle.calls.length;
    const tally = new Map<string, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (mutation) => {
        const wire = mutation.apply(fresh());
        const res = await send(port, { ...wire, agent });
        sent++;
        tally.set(mutation.kind, (tally.get(mutation.kind) ?? 0) + 1);
        expect(res.status, mutation.kind).toBe(401);
        expect(handle.calls.length, mutation.kind).toBe(before);
      }),
      { numRuns: RUNS },
    );
    expect(sent).toBeGreaterThanOrEqual(1_000);
    // Every family was exercised, not just the first few.
    expect(tally.size).toBe(14);
    const metrics = (await send(port, { method: 'GET', path: '/metrics' })).body;
    const refused = [...metrics.matchAll(/pactbot_http_requests_total\{route="interactions",outcome="(bad-signature|stale-timestamp)"\} (\d+)/g)];
    expect(refused.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(sent);
  });

  it('still accepts a valid request after the onslaught', async () => {
    expect((await send(port, { ...fresh().wire, agent })).status).toBe(200);
  });
});

describe('createVerifier', () => {
  const verify = createVerifier(keys.publicKey);

  it('accepts what the key signed, in either hex case', () => {
    const { wire, timestamp, signature } = fresh();
    expect(verify(signature, timestamp, wire.body)).toBe(true);
    expect(verify(signature.toUpperCase(), timestamp, wire.body)).toBe(true);
  });

  it('returns false rather than throwing on any string input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 100 }), (sig, ts, body) => {
        expect(verify(sig, ts, Buffer.from(body))).toBe(false);
      }),
    );
  });

  it('refuses a public key that is not 64 hex characters, as a programmer error', () => {
    expect(() => createVerifier('abc')).toThrow(/^http: /);
  });
});
