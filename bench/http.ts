// npm run bench:http [-- --duration 10] [--connections 10] [--workers N] [--users 500] [--scenarios ask,ping,peer] [--json]
//   [--rate 0.75] [--question-log sqlite|off] [--server-cpu-prof DIR]
// Load on the HTTP interactions endpoint over loopback, told truthfully:
// - `src/serve.ts` runs in its own process (with --workers N, N node:cluster workers), exactly as deployed,
//   with the question log on (SQLite, in a temporary folder) and the cooldown at its most generous;
// - /ask requests come from `--users` users in turn, every one pre-signed with a unique interaction id into a
//   pool sized from the rate measured in a warm-up run, and every reply is read: the report says what
//   fraction were engine replies (answers or declines) rather than notices (cooldown, errors);
// - the same run starts the bare peer (bench/http-peer.ts: node:http + Ed25519 verify + a fixed reply) with
//   the same number of workers, so every figure has its ceiling beside it on the same machine at the same load;
// - server CPU time per request (the whole process tree, from /proc) beside wall-clock rates;
// - latency twice: at saturation (every connection sends as soon as it is answered, so with the load generator on
//   the same cores the tail is mostly queueing) and at a fixed rate (http-paced.ts: evenly spaced, open loop),
//   `--rate` × the saturated /ask rate, which is
//   what "p99 under load" means for a server that is not run flat out (the bare peer at the same rate beside it);
// - the server's event loop over each pactbot run (how late its 10 ms timer fired, GC pauses), from its /metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_RENDER_OPTIONS } from '../src/discord/render/embed.ts';
import { publicKeyToHex } from '../src/discord/http/verify.ts';
import { chatInputInteraction, createWorld, interactionMember, snowflake } from '../tests/e2e/fake-discord/index.ts';
import { RequestPool, runLoad, watchLoop, type LoadResult, type LoopFigures } from './http-load.ts';
import { runPaced } from './http-paced.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' },
    users: { type: 'string', default: '500' },
    /** Seconds of warm-up load before each measured run (JIT, caches; and the rate the pool is sized from). */
    warmup: { type: 'string', default: '3' },
    scenarios: { type: 'string', default: 'ask,ping,peer' },
    /** The fixed-rate /ask run: this fraction of the saturated /ask rate (0: no fixed-rate run). */
    rate: { type: 'string', default: '0.75' },
    'question-log': { type: 'string', default: 'sqlite' },
    /** The deployed default (one log line per interaction), written to /dev/null. */
    'log-level': { type: 'string', default: 'info' },
    /** A folder: the server writes a V8 CPU profile there (read it with bench/prof-top.ts). */
    'server-cpu-prof': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const workers = Number(args.workers);
const users = Number(args.users);
const warmup = Number(args.warmup);
const rateFraction = Number(args.rate);
if (!(rateFraction >= 0 && rateFraction <= 1)) throw new Error('bench:http: --rate must be a fraction of the saturated rate, 0 to 1');
// Signed timestamps are accepted for 5 minutes: a longer run would age its own pool out.
if (!(duration > 0 && duration + warmup <= 240)) throw new Error('bench:http: --duration + --warmup must be at most 240 seconds');
for (const [name, n] of Object.entries({ connections, workers, users })) {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`bench:http: --${name} must be a positive integer`);
}
type Scenario = 'ask' | 'ping' | 'peer';
const scenarios = args.scenarios.split(',') as Scenario[];
for (const s of scenarios) if (!['ask', 'ping', 'peer'].includes(s)) throw new Error(`bench:http: unknown scenario "${s}" (ask, ping, peer)`);
/** Pool = warm-up's busiest second × duration × this, so a run never signs during the clock (it would load the client). */
const POOL_MARGIN = 2.5;
/** Warm-up pool before any rate is known: generous for two workers on two cores. */
const WARMUP_RATE = 4_000;
/** The most uses COOLDOWN_USES allows: the cooldown stays on (its cost is measured) but never refuses here. */
const GENEROUS_COOLDOWN = { uses: 1000, seconds: 30 };

const ROOT = join(import.meta.dirname, '..');
const LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const world = createWorld();
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const questions = readFileSync(join(ROOT, 'tests/fixtures/holdout-ask.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);
// Users in turn, so each sends a share of the load; ids as Discord's (17–20 digits).
const members = Array.from({ length: users }, (_, i) => {
  const id = String(100_000_000_000_000_000n + BigInt(i));
  return interactionMember({ ...world, user: { ...world.user, id } });
});

let counter = 0;
const askPayload = (): unknown => {
  const n = counter++;
  return chatInputInteraction(world, { name: 'ask', options: { question: questions[n % questions.length]! }, member: members[n % users]! });
};
const pingPayload = (): unknown => ({ id: snowflake(), type: 1, application_id: world.applicationId, token: 'x', version: 1 });

const children: ChildProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'pactbot-bench-http-'));
const cleanUp = (): void => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanUp);

type Measured = LoadResult & { loop?: LoopFigures };
const results: Partial<Record<Scenario, Measured>> = {};
/** /ask at a fixed rate (rateFraction × the saturated rate), on the server warmed by the saturated run. */
let askAtRate: (Measured & { targetRps: number }) | null = null;
/** The bare peer at that same rate: the latency floor of this machine at that load. */
let peerAtRate: Measured | null = null;
try {
  const needsPactbot = scenarios.includes('ask') || scenarios.includes('ping');
  const pactbot = needsPactbot ? await startPactbot() : null;
  const peer = scenarios.includes('peer') ? await startPeer() : null;
  for (const scenario of scenarios) {
    const server = scenario === 'peer' ? peer! : pactbot!;
    // The peer is loaded with the same /ask bodies: it verifies the same bytes pactbot does.
    results[scenario] = await measure(server, scenario === 'ping' ? pingPayload : askPayload, scenario !== 'peer');
    if (scenario === 'ask' && rateFraction > 0) {
      const targetRps = Math.max(1, Math.round(rateFraction * results.ask!.rps));
      askAtRate = { targetRps, ...(await atRate(pactbot!, askPayload, targetRps, true)) };
    }
    if (scenario === 'peer' && askAtRate) peerAtRate = await atRate(peer!, askPayload, askAtRate.targetRps, false);
  }
  report();
} finally {
  cleanUp();
}

function load(server: { port: number; pid: number }, pool: RequestPool, durationS: number, rate?: number): Promise<LoadResult> {
  const opts = { port: server.port, connections, durationS, pool, serverPid: server.pid, colors: DEFAULT_RENDER_OPTIONS.colors };
  return rate ? runPaced({ ...opts, rate }) : runLoad(opts);
}

/** Saturation: a warm-up run (which sizes the pool), then the measured one; pactbot's event loop watched over it. */
async function measure(server: { port: number; pid: number }, payload: () => unknown, hasMetrics: boolean): Promise<Measured> {
  const warm = await load(server, new RequestPool(privateKey, payload, Math.ceil(warmup * WARMUP_RATE)), warmup);
  const size = Math.ceil(Math.max(warm.maxRps, 1) * duration * POOL_MARGIN) + connections;
  const pool = new RequestPool(privateKey, payload, size);
  if (!hasMetrics) return load(server, pool, duration);
  const loop = await watchLoop(server.port);
  const result = await load(server, pool, duration);
  return { ...result, loop: await loop() };
}

async function atRate(server: { port: number; pid: number }, payload: () => unknown, rps: number, hasMetrics: boolean): Promise<Measured> {
  const pool = new RequestPool(privateKey, payload, Math.ceil(rps * duration * POOL_MARGIN) + connections);
  if (!hasMetrics) return load(server, pool, duration, rps);
  const loop = await watchLoop(server.port);
  const result = await load(server, pool, duration, rps);
  return { ...result, loop: await loop() };
}

async function startPactbot(): Promise<{ port: number; pid: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(args['server-cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['server-cpu-prof']] : []), '--import', LOADER, join(ROOT, 'src/serve.ts'), ...(workers > 1 ? ['--workers', String(workers)] : [])], {
    cwd: tmp,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      DISCORD_PUBLIC_KEY: publicKeyToHex(publicKey),
      DISCORD_CLIENT_ID: world.applicationId,
      CORPUS_DIR: join(ROOT, 'corpus'),
      CACHE_DIR: join(tmp, 'cache'),
      QUESTION_LOG: args['question-log'] === 'off' ? 'off' : join(tmp, 'questions.sqlite'),
      COOLDOWN_USES: String(GENEROUS_COOLDOWN.uses),
      COOLDOWN_SECONDS: String(GENEROUS_COOLDOWN.seconds),
      LOG_LEVEL: args['log-level'],
    },
  });
  children.push(child);
  await waitForHealth(port, workers, 60_000);
  return { port, pid: child.pid! };
}

async function startPeer(): Promise<{ port: number; pid: number }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', LOADER, join(ROOT, 'bench/http-peer.ts')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH ?? '', PEER_PORT: String(port), PEER_PUBLIC_KEY: publicKeyToHex(publicKey), PEER_WORKERS: String(workers) },
  });
  children.push(child);
  await waitForListening(port, 30_000);
  return { port, pid: child.pid! };
}

function report(): void {
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? '?', loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
  const cpuUs = (r: LoadResult) => Math.round((r.serverCpuMs * 1000) / Math.max(1, r.requests));
  const shape = (r: Measured | undefined) =>
    r && {
      rps: r.rps, p50Ms: r.p50Ms, p99Ms: r.p99Ms, errors: r.errors, requests: r.requests, cpuUsPerReq: cpuUs(r), serverCpuS: r.serverCpuMs / 1000,
      wallS: r.wallS, clientCpuS: r.clientCpuMs / 1000, cpuPressurePct: r.cpuPressurePct, signedDuringRun: r.signedLate, ...(r.loop ? { eventLoop: r.loop } : {}),
    };
  const ask = results.ask;
  const replies = ask ? ask.answers + ask.declines + ask.notices + ask.other : 0;
  const out = {
    machine,
    workers,
    users,
    durationS: duration,
    connections,
    ask: ask && { ...shape(ask), answeredFraction: round3((ask.answers + ask.declines) / Math.max(1, ask.requests)), answers: ask.answers, declines: ask.declines, notices: ask.notices, other: ask.other, replies },
    askAtRate: askAtRate && { fraction: rateFraction, targetRps: askAtRate.targetRps, ...shape(askAtRate) },
    ping: shape(results.ping),
    peer: shape(results.peer),
    peerAtRate: peerAtRate && { targetRps: askAtRate!.targetRps, ...shape(peerAtRate) },
    ratio: results.peer && { ask: ask ? round3(ask.rps / results.peer.rps) : null, ping: results.ping ? round3(results.ping.rps / results.peer.rps) : null },
  };
  if (args.json) {
    console.log(JSON.stringify(out));
    return;
  }
  console.log(`\nbench:http: ${duration} s per scenario after ${warmup} s warm-up, ${connections} connections, ${workers} worker(s), ${users} users, loopback`);
  console.log(`Machine: ${machine.cpus}× ${machine.cpu}; load average ${machine.loadAverage.join(' / ')} (1/5/15 min) at the end; the load generator shares the cores\n`);
  console.log('| scenario | req/s | × peer | p50 ms | p99 ms | errors | server CPU µs/req | server CPU s / wall s | loop delay p99 / max ms | GC ms/s | CPU pressure |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const row = (label: string, r: Measured, saturated = true) => {
    const ratio = results.peer && saturated ? (r.rps / results.peer.rps).toFixed(2) : '–';
    const loop = r.loop ? `${r.loop.delayP99Ms} / ${r.loop.delayMaxMs} | ${r.loop.gcMsPerS}` : '– | –';
    console.log(`| ${label} | ${r.rps} | ${ratio} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${cpuUs(r)} | ${(r.serverCpuMs / 1000).toFixed(1)} / ${r.wallS} | ${loop} | ${r.cpuPressurePct ?? '–'} % |`);
  };
  for (const [name, r] of Object.entries(results) as [Scenario, Measured][]) {
    row(name === 'ask' ? '/ask at saturation (held-out questions)' : name === 'ping' ? 'PING at saturation' : 'bare peer at saturation (verify + fixed reply)', r);
    if (name === 'ask' && askAtRate) row(`/ask at a fixed ${askAtRate.targetRps} req/s (${rateFraction} × saturation)`, askAtRate, false);
    if (name === 'peer' && peerAtRate) row(`bare peer at the same fixed ${askAtRate!.targetRps} req/s`, peerAtRate, false);
  }
  if (ask) {
    console.log(`\n/ask replies: ${ask.answers} answers, ${ask.declines} declines, ${ask.notices} notices, ${ask.other} other; engine replies ${(100 * out.ask!.answeredFraction).toFixed(1)} % of ${ask.requests} requests`);
  }
  const late = Object.values(results).reduce((n, r) => n + r.signedLate, 0);
  if (late > 0) console.log(`\n(${late} requests were signed during a run: the pool ran out)`);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
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

/** Healthy from every worker: each /healthz lands on some worker, so it takes a run of successes in a row. */
async function waitForHealth(port: number, expectedWorkers: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let streak = 0;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: 'close' } }).then((r) => r.ok, () => false);
    streak = ok ? streak + 1 : 0;
    if (streak >= 4 * expectedWorkers) return;
    await new Promise((r) => setTimeout(r, ok ? 20 : 100));
  }
  throw new Error(`bench:http: the server did not become healthy within ${timeoutMs} ms`);
}

async function waitForListening(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const up = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).then(() => true, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`bench:http: the bare peer did not listen within ${timeoutMs} ms`);
}
