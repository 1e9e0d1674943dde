// bench:http's fixed-rate run: requests issued at evenly spaced instants, open loop (a slow reply does not hold
// back the next request; it waits for a free connection instead, and that wait counts in its latency), over a
// keep-alive pool of `connections` sockets, every reply read. Not autocannon's overallRate: autocannon lets each
// connection send its per-second quota back to back at the start of every second and then idle, so a run at
// "75 % of the peak" is bursts at saturation, and the tail it reports is the same queueing as a saturated run.
import { Agent, request } from 'node:http';
import { replySorter, startMeters, type LoadOptions, type LoadResult } from './http-load.ts';

export async function runPaced(opts: LoadOptions & { rate: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const replies = replySorter(opts.colors);
  const total = Math.max(1, Math.round(opts.rate * opts.durationS));
  const slotMs = 1000 / opts.rate;
  // Timed from the moment the request is issued (the client's own timer lateness is not the server's).
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  let settled = 0;
  const meters = startMeters(opts.serverPid);
  const started = performance.now();

  await new Promise<void>((resolve) => {
    const settle = (): void => {
      if (++settled === total) resolve();
    };
    const send = (): void => {
      const r = opts.pool.take();
      const sent = performance.now();
      const req = request(
        { agent, host: '127.0.0.1', port: opts.port, method: 'POST', path: '/interactions', headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            latencies.push(performance.now() - sent);
            if (res.statusCode !== 200) errors++;
            replies.sort(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'));
            settle();
          });
        },
      );
      req.on('error', () => {
        errors++;
        settle();
      });
      req.end(r.body);
    };
    // Every request whose slot has come is issued; then sleep until the next slot.
    const tick = (): void => {
      const due = Math.min(total, Math.floor((performance.now() - started) / slotMs) + 1);
      while (issued < due) {
        issued++;
        send();
      }
      if (issued < total) setTimeout(tick, Math.max(0, started + issued * slotMs - performance.now()));
    };
    tick();
  });

  const measured = meters();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  const rps = Math.round(total / measured.wallS);
  return {
    ...measured,
    ...replies.counts,
    requests: total,
    rps,
    maxRps: rps,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
    signedLate: opts.pool.signedLate,
  };
}
