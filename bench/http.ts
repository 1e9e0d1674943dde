// npm run bench:http [-- --duration 10] [-- --connections 10] [-- --pool N] [-- --scenarios ask,ping] [-- --json]
// Load on the HTTP interactions endpoint over loopback: `src/serve.ts` runs in its own process (as in
// production; one core of the two the bench machine has), autocannon drives it from this one for a bounded
// time with signed requests, each with a unique interaction id (the replay guard refuses repeats), pre-signed
// into a pool before the clock starts so signing does not load the client. Beside it, in-process costs per
// request: Ed25519 verification (the per-core ceiling of the endpoint itself), and the shared /ask handler.
import { spawn } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Bench } from 'tinybench';
import { createApp } from '../src/app.ts';
import { signedRequest, type SignedRequest } from '../src/discord/http/sign.ts';
import { publicKeyToHex } from '../src/discord/http/verify.ts';
import { createInteractionHandler } from '../src/discord/interactions.ts';
import { silentLogger } from '../src/log.ts';
import { chatInputInteraction, createWorld, snowflake } from '../tests/e2e/fake-discord/index.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    /** Pre-signed requests per scenario; default: duration × a generous rate for that scenario. */
    pool: { type: 'string' },
    scenarios: { type: 'string', default: 'ask,ping' },
    'log-level': { type: 'string', default: 'warn' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const poolSize = args.pool === undefined ? null : Number(args.pool);
/** Generous rates for the default pool, well above what one core has managed (README); beyond, requests are signed live. */
const EXPECTED_RATE = { ask: 1_500, ping: 10_000 } as const;
// Signed timestamps are accepted for 5 minutes: a longer run would age its own pool out.
if (!(duration > 0 && duration <= 240)) throw new Error('bench:http: --duration must be 1 to 240 seconds');
if (!(Number.isInteger(connections) && connections > 0)) throw new Error('bench:http: --connections must be a positive integer');
if (poolSize !== null && !(Number.isInteger(poolSize) && poolSize > 0)) throw new Error('bench:http: --pool must be a positive integer');

const ROOT = join(import.meta.dirname, '..');
const world = createWorld();
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const questions = readFileSync(join(ROOT, 'tests/fixtures/holdout-ask.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

type Scenario = 'ask' | 'ping';
let counter = 0;
const payload = (scenario: Scenario): unknown =>
  scenario === 'ping'
    ? { id: snowflake(), type: 1, application_id: world.applicationId, token: 'x', version: 1 }
    : chatInputInteraction(world, { name: 'ask', options: { question: questions[counter++ % questions.length]! } });

// ---------------------------------------------------------------------------------------------------------
// In-process costs, measured before the server starts so nothing competes for the core.
const sample = signedRequest(privateKey, payload('ask'));
const sampleBody = Buffer.from(sample.body);
const sampleTs = Buffer.from(sample.headers['x-signature-timestamp']);
const sampleSig = Buffer.from(sample.headers['x-signature-ed25519'], 'hex');
const app = createApp({ corpusDir: join(ROOT, 'corpus') });
const handler = createInteractionHandler({ app, logger: silentLogger() });
const askPayloads = Array.from({ length: questions.length }, () => payload('ask'));
let i = 0;
// Warm: the engine memoises word processing, which the server has done by the time a run is measured.
for (const p of askPayloads) await handler(p as never);
const micro = new Bench({ time: 2000 });
micro
  .add(`Ed25519 verify (${sampleBody.length}-byte /ask body)`, () => {
    if (!verify(null, Buffer.concat([sampleTs, sampleBody]), publicKey, sampleSig)) throw new Error('bench:http: verification failed');
  })
  .add('shared handler, /ask (held-out questions, in-process)', async () => void (await handler(askPayloads[i++ % askPayloads.length] as never)));
await micro.run();
const costs = micro.tasks.map((t) => {
  const r = t.result as { latency?: { mean: number } } | undefined;
  const meanMs = r?.latency?.mean ?? Number.NaN;
  return { task: t.name, meanUs: Math.round(meanMs * 1000 * 10) / 10, opsPerSecPerCore: Math.round(1000 / meanMs) };
});

// ---------------------------------------------------------------------------------------------------------
// The server, in its own process, exactly as `npm run serve` starts it.
const port = await freePort();
const cacheDir = mkdtempSync(join(tmpdir(), 'pactbot-bench-http-'));
const loader = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const child = spawn(process.execPath, ['--import', loader, join(ROOT, 'src/serve.ts')], {
  cwd: cacheDir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    DISCORD_PUBLIC_KEY: publicKeyToHex(publicKey),
    DISCORD_CLIENT_ID: world.applicationId,
    CORPUS_DIR: join(ROOT, 'corpus'),
    CACHE_DIR: cacheDir,
    QUESTION_LOG: 'off',
    LOG_LEVEL: args['log-level'],
  },
});
const stopServer = (): void => {
  child.kill('SIGTERM');
  rmSync(cacheDir, { recursive: true, force: true });
};
process.on('exit', stopServer);

try {
  await waitForHealth(port, 30_000);
  const results = [];
  for (const scenario of args.scenarios.split(',') as Scenario[]) {
    if (scenario !== 'ask' && scenario !== 'ping') throw new Error(`bench:http: unknown scenario "${scenario}" (ask, ping)`);
    results.push(await load(scenario));
  }
  report(results);
} finally {
  stopServer();
}

// ---------------------------------------------------------------------------------------------------------

async function load(scenario: Scenario) {
  const size = poolSize ?? duration * EXPECTED_RATE[scenario];
  const pool: SignedRequest[] = Array.from({ length: size }, () => signedRequest(privateKey, payload(scenario)));
  let next = 0;
  let signedLate = 0;
  const take = (): SignedRequest => {
    if (next < pool.length) return pool[next++]!;
    signedLate++;
    return signedRequest(privateKey, payload(scenario));
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/interactions',
        setupRequest: (req) => {
          const r = take();
          return { ...req, headers: r.headers, body: r.body };
        },
      },
    ],
  });
  return {
    scenario: scenario === 'ask' ? '/ask (held-out questions)' : 'PING',
    durationS: duration,
    connections,
    requestsPerSec: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    ok: result['2xx'],
    errors: result.errors + result.timeouts + result.non2xx,
    signedDuringRun: signedLate,
  };
}

function report(results: Awaited<ReturnType<typeof load>>[]): void {
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? '?', loadAverage: loadavg()[0]!.toFixed(1) };
  if (args.json) {
    console.log(JSON.stringify({ load: results, costs, machine }));
    return;
  }
  console.log(`\nLoad: ${duration} s per scenario, ${connections} connections, loopback, server in its own process`);
  console.log(`Machine: ${machine.cpus}× ${machine.cpu}, load average ${machine.loadAverage} at the end (other work competes for the cores)\n`);
  console.log('| scenario | req/s | p50 ms | p99 ms | 2xx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| ${r.scenario} | ${r.requestsPerSec} | ${r.latencyP50Ms} | ${r.latencyP99Ms} | ${r.ok} | ${r.errors} |`);
  if (results.some((r) => r.signedDuringRun > 0)) console.log('\n(pool exhausted: the rest were signed during the run; raise --pool)');
  console.log('\nIn-process cost per request (one core)\n');
  console.log('| step | mean µs | per second per core |');
  console.log('| --- | ---: | ---: |');
  for (const c of costs) console.log(`| ${c.task} | ${c.meanUs} | ${c.opsPerSecPerCore} |`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
}

async function waitForHealth(p: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${p}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`bench:http: the server did not become healthy within ${timeoutMs} ms`);
}
