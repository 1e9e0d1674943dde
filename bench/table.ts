// The Markdown table `npm run bench` prints (and the README's Performance section shows).
type Row = Record<string, unknown>;
type Latency = { p50Ms: number; p99Ms: number };

const num = (x: unknown, digits = 2) => (typeof x === 'number' ? x.toFixed(digits) : '–');
const lat = (x: unknown) => (x && typeof x === 'object' ? `${num((x as Latency).p50Ms)} / ${num((x as Latency).p99Ms)}` : '–');
const sec = (x: unknown) => (typeof x === 'number' ? `${(x / 1000).toFixed(2)} s` : '–');

export function table(rows: Row[], machine: Record<string, unknown>): string {
  const head = [
    'passages',
    'build',
    'heap MB',
    'index load',
    'cold start',
    'ask p50 / p99 ms',
    'plain p50 / p99 ms',
    'alt p50 / p99 ms',
    'p99 speed-up vs plain',
    'quotes p50 / p99 ms',
    'speakers p50 / p99 ms',
  ];
  const lines = rows.map((r) => {
    const ask = r.ask as Latency;
    const plain = (r.plain as Row | undefined)?.ask as Latency | undefined;
    const cold = r.coldStart as Row;
    return [
      String(r.passages),
      sec(r.buildMs),
      num(r.heapMB, 0),
      sec(r.loadMs),
      sec(cold.readyMs),
      lat(ask),
      lat(plain),
      lat((r.alt as Row | undefined)?.ask),
      plain ? `${(plain.p99Ms / ask.p99Ms).toFixed(0)}×` : '–',
      lat(r.quotes),
      lat(r.speakers),
    ];
  });
  const md = [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return `${md}\n\nNode ${machine.node}, ${machine.cores} × ${machine.cpu}${machine.quick ? ' (--quick)' : ''}, seed ${machine.seed}.`;
}
