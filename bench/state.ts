// npm run bench:state [-- --rate 2500] [--ops 200000] [--json] [--from <checkout>]
// The HTTP server's two in-process structures at scale, on a simulated clock advancing at `--rate` requests a
// second (so expiry happens as it would under that load):
// - the cooldown with 500 and with 50,000 users active in its 30 s window (each take is one /ask);
// - the replay window holding 750,000 ids (2,500 a second for its 5 minutes), admitting new ids while the
//   oldest expire, and refusing a replayed one; with the heap it takes (after GC when run with --expose-gc).
// CPU time per operation (process.cpuUsage) beside wall clock. `--from` loads both modules from another
// checkout of pactbot (e.g. a worktree of an older commit) for a before/after on the same machine.
import { cpus, loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { createCooldown as CreateCooldown } from '../src/core/cooldown.ts';
import type { createReplayGuard as CreateReplayGuard } from '../src/core/replay-window.ts';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '2500' },
    /** Operations timed per case, after the structure is filled. */
    ops: { type: 'string', default: '200000' },
    from: { type: 'string', default: join(import.meta.dirname, '..') },
    json: { type: 'boolean', default: false },
  },
});
const rate = Number(args.rate);
const from = resolve(args.from);
/** A module of the checkout under test, at its current path or where older checkouts kept it. */
const fromCheckout = (...paths: string[]): Promise<unknown> => {
  const file = paths.map((p) => join(from, p)).find((p) => existsSync(p)) ?? join(from, paths[0]!);
  return import(pathToFileURL(file).href);
};
const { createCooldown } = (await fromCheckout('src/core/cooldown.ts', 'src/discord/cooldown.ts')) as { createCooldown: typeof CreateCooldown };
const { createReplayGuard } = (await fromCheckout('src/core/replay-window.ts', 'src/discord/http/replay.ts')) as { createReplayGuard: typeof CreateReplayGuard };

const TIMED = Number(args.ops);
const COOLDOWN = { uses: 1000, seconds: 30 };
const REPLAY_WINDOW_MS = 5 * 60_000;
const REPLAY_IDS = 750_000;
const stepMs = 1000 / rate;
const gc = (globalThis as { gc?: () => void }).gc;

function timed(n: number, op: (i: number) => void): { wallUs: number; cpuUs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) op(i);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallUs: round2((wall * 1000) / n), cpuUs: round2((used.user + used.system) / n) };
}

function cooldownCase(activeUsers: number) {
  let t = 1_700_000_000_000;
  const cd = createCooldown({ ...COOLDOWN, now: () => t });
  // Fill: every user has used a command within the window (as fast as the rate allows, up to the window).
  const fillStep = Math.min(stepMs, (COOLDOWN.seconds * 1000) / 2 / activeUsers);
  for (let u = 0; u < activeUsers; u++) {
    cd.take(`user-${u}`);
    t += fillStep;
  }
  let refused = 0;
  const cost = timed(TIMED, (i) => {
    if (!cd.take(`user-${i % activeUsers}`).ok) refused++;
    t += stepMs;
  });
  return { activeUsers, ...cost, refused, tracked: cd.size };
}

function replayCase() {
  let t = 1_700_000_000_000;
  const guard = createReplayGuard({ windowMs: REPLAY_WINDOW_MS, now: () => t });
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const id = (n: number) => String(1_300_000_000_000_000_000n + BigInt(n));
  const fillStep = REPLAY_WINDOW_MS / REPLAY_IDS;
  for (let n = 0; n < REPLAY_IDS; n++) {
    guard.admit(id(n), t);
    t += fillStep;
  }
  gc?.();
  const heapMB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6);
  const held = guard.size;
  // Replays of ids still in the window must be refused; the oldest admitted are at the edge, so ask recent ones.
  let replayAdmitted = 0;
  for (let k = 1; k <= 1000; k++) if (guard.admit(id(REPLAY_IDS - k), t)) replayAdmitted++;
  const ids = Array.from({ length: TIMED }, (_, k) => id(REPLAY_IDS + k));
  const cost = timed(TIMED, (k) => {
    guard.admit(ids[k]!, t);
    t += fillStep;
  });
  return { ids: REPLAY_IDS, held, heapMB: gc ? heapMB : null, replayAdmitted, ...cost };
}

const cooldown = [cooldownCase(500), cooldownCase(50_000)];
const replay = replayCase();
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? '?', loadAverage: loadavg().map((l) => round2(l)) };
const out = { machine, from, rate, cooldown, replay };
if (args.json) {
  console.log(JSON.stringify(out));
} else {
  console.log(`\nbench:state: simulated clock at ${rate} requests/s; ${machine.cpus}× ${machine.cpu}, load average ${machine.loadAverage.join(' / ')}\n`);
  console.log('| structure | size | µs per op (CPU) | µs per op (wall) | notes |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const c of cooldown) {
    console.log(`| cooldown take | ${c.activeUsers.toLocaleString('en')} active users | ${c.cpuUs} | ${c.wallUs} | ${c.tracked.toLocaleString('en')} tracked, ${c.refused} refused |`);
  }
  const heap = replay.heapMB === null ? 'heap: run with --expose-gc' : `${replay.heapMB} MB heap`;
  console.log(`| replay admit | ${replay.held.toLocaleString('en')} of ${replay.ids.toLocaleString('en')} ids held | ${replay.cpuUs} | ${replay.wallUs} | ${heap}; ${replay.replayAdmitted} of 1000 replays admitted |`);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
