// Load-generation pieces of bench:http: a process tree's CPU time (the server and its cluster workers, read
// from /proc), a pool of pre-signed requests, and one autocannon run that reads every reply and sorts it
// into engine answers, declines, notices (cooldown, errors) and failures.
import { readdirSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import autocannon from 'autocannon';
import { signedRequest, type SignedRequest } from '../src/discord/http/sign.ts';

/** Linux reports process times in clock ticks; 100 per second on every kernel this runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

function ownCpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) kids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return kids;
}

/** CPU milliseconds (user + system) used so far by `pid` and its live descendants. */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    ticks += ownCpuTicks(p);
    stack.push(...childrenOf(p));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Microseconds so far during which some runnable task waited for a CPU (Linux PSI); null where the kernel has none. */
function cpuPressureUs(): number | null {
  try {
    const m = /^some .* total=(\d+)$/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface Meters {
  wallS: number;
  serverCpuMs: number;
  clientCpuMs: number;
  /** Share of the run (%) during which some task on the machine waited for a CPU: how contended the cores were. */
  cpuPressurePct: number | null;
}

/** Starts the clocks of one run: wall, the server tree's CPU, this process's CPU and the machine's CPU pressure. */
export function startMeters(serverPid: number): () => Meters {
  const cpuBefore = treeCpuMs(serverPid);
  const clientBefore = process.cpuUsage();
  const pressureBefore = cpuPressureUs();
  const started = performance.now();
  return () => {
    const wallMs = performance.now() - started;
    const client = process.cpuUsage(clientBefore);
    const pressure = cpuPressureUs();
    return {
      wallS: Math.round(wallMs / 100) / 10,
      serverCpuMs: Math.round(treeCpuMs(serverPid) - cpuBefore),
      clientCpuMs: Math.round((client.user + client.system) / 1000),
      cpuPressurePct: pressure !== null && pressureBefore !== null ? Math.round((pressure - pressureBefore) / (wallMs * 10)) : null,
    };
  };
}

/** Hands out pre-signed requests; past the end it signs live and counts how often (the client then works harder). */
export class RequestPool {
  #pool: SignedRequest[];
  #next = 0;
  signedLate = 0;
  constructor(
    private readonly key: KeyObject,
    private readonly payload: () => unknown,
    size: number,
  ) {
    this.#pool = Array.from({ length: size }, () => signedRequest(key, payload()));
  }
  take(): SignedRequest {
    if (this.#next < this.#pool.length) return this.#pool[this.#next++]!;
    this.signedLate++;
    return signedRequest(this.key, this.payload());
  }
}

/** How a 200 reply's body reads: an engine reply (embeds, by colour), or a notice (content only). */
export interface ReplyCounts {
  answers: number;
  declines: number;
  notices: number;
  other: number;
}

export interface LoadResult extends ReplyCounts, Meters {
  requests: number;
  rps: number;
  /** The busiest second's rate (the warm-up's sizes the pool: the server gets faster as it warms). */
  maxRps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  signedLate: number;
}

export interface LoadOptions {
  port: number;
  connections: number;
  durationS: number;
  pool: RequestPool;
  /** The server's process id: its tree's CPU time is read before and after. */
  serverPid: number;
  /** Colours of an answer and a decline embed (src/discord/render/embed.ts DEFAULT_RENDER_OPTIONS). */
  colors: { answer: number; decline: number };
}

/** Sorts 200 replies by their body: an engine reply (embeds, by colour), or a notice (content only). */
export function replySorter(colors: LoadOptions['colors']): { counts: ReplyCounts; sort(status: number, body: string): void } {
  const counts: ReplyCounts = { answers: 0, declines: 0, notices: 0, other: 0 };
  const answerMark = `"color":${colors.answer}`;
  const declineMark = `"color":${colors.decline}`;
  return {
    counts,
    sort(status, body) {
      if (status !== 200) return;
      if (body.includes(answerMark)) counts.answers++;
      else if (body.includes(declineMark)) counts.declines++;
      else if (body.includes('"content"')) counts.notices++;
      else counts.other++;
    },
  };
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const replies = replySorter(opts.colors);
  const meters = startMeters(opts.serverPid);
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.durationS,
    requests: [
      {
        method: 'POST',
        path: '/interactions',
        setupRequest: (req) => {
          const r = opts.pool.take();
          return { ...req, headers: r.headers, body: r.body };
        },
        onResponse: (status, body) => replies.sort(status, body),
      },
    ],
  });
  return {
    ...meters(),
    ...replies.counts,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    maxRps: result.requests.max,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    signedLate: opts.pool.signedLate,
  };
}

/** The server's event loop and garbage collector over one run, read from its /metrics (prom-client's default metrics). */
export interface LoopFigures {
  /** How late the loop's 10 ms sampling timer fired beyond its 10 ms (perf_hooks.monitorEventLoopDelay): a stall. p99 is averaged over workers, max is the largest. */
  delayP99Ms: number;
  delayMaxMs: number;
  /** Milliseconds of garbage-collection pauses per second of the run, summed over workers. */
  gcMsPerS: number;
}

/** prom-client's event-loop timer period (its `eventLoopMonitoringPrecision` default): a sample is late by what exceeds it. */
const LOOP_SAMPLING_MS = 10;

async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { connection: 'close' } })).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(pactbot_nodejs_(?:eventloop_lag_(?:p99|max)_seconds|gc_duration_seconds_sum))(?:\{[^}]*\})? (\S+)$/.exec(line);
    if (m) values.set(m[1]!, (values.get(m[1]!) ?? 0) + Number(m[2]));
  }
  return values;
}

/**
 * Starts watching the loop: scraping /metrics resets prom-client's loop-delay histogram (on every worker under
 * the cluster), so what the second scrape reads covers exactly the run between them.
 */
export async function watchLoop(port: number): Promise<() => Promise<LoopFigures>> {
  const before = await scrape(port);
  const started = performance.now();
  return async () => {
    const after = await scrape(port);
    const seconds = (performance.now() - started) / 1000;
    const late = (name: string) => Math.max(0, Math.round(((after.get(name) ?? 0) * 1000 - LOOP_SAMPLING_MS) * 10) / 10);
    const gcS = (after.get('pactbot_nodejs_gc_duration_seconds_sum') ?? 0) - (before.get('pactbot_nodejs_gc_duration_seconds_sum') ?? 0);
    return {
      delayP99Ms: late('pactbot_nodejs_eventloop_lag_p99_seconds'),
      delayMaxMs: late('pactbot_nodejs_eventloop_lag_max_seconds'),
      gcMsPerS: Math.round((gcS * 1000 * 10) / seconds) / 10,
    };
  };
}
