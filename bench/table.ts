// The Markdown table `npm run bench` prints (and the README's Performance section shows).
type Row = Record<string, unknown>;
type Latency = { p50Ms: number; p99Ms: number };

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const lat = (x: unknown) => (x && typeof x === 'object' ? `${ms((x as Latency).p50Ms)} / ${ms((x as Latency).p99Ms)}` : '–');
const ratio = (x: number) => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toPrecision(2)}×`);
const sec = (x: unknown) => (typeof x === 'number' ? `${(x / 1000).toFixed(2)} s` : '–');

export function table(rows: Row[], machine: Record<string, unknown>): string {
  const head = [
    'passages',
    'build',
    'index load',
    'cold start',
    'heap MB',
    'ask p50 / p99 ms',
    'ask CPU p50 / p99 ms',
    'plain MiniSearch p50 / p99 ms',
    'alt p50 / p99 ms',
    'plain p99 ÷ ask p99',
    'quotes p50 / p99 ms',
    'speakers p50 / p99 ms',
  ];
  const lines = rows.map((r) => {
    const ask = r.ask as Latency;
    const plain = r.plain as Latency | undefined;
    const cold = r.coldStart as Row;
    return [
      String(r.passages),
      sec(r.buildMs),
      sec(r.loadMs),
      sec(cold.readyMs),
      String(Math.round(r.heapMB as number)),
      lat(ask),
      lat(r.askCpu),
      lat(plain),
      lat(r.alt),
      plain ? ratio(plain.p99Ms / ask.p99Ms) : '–',
      lat(r.quotes),
      lat(r.speakers),
    ];
  });
  const md = [head, head.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return `${md}\n\nNode ${machine.node}, ${machine.cores} × ${machine.cpu}, load average ${machine.load}${machine.quick ? ', --quick' : ''}, seed ${machine.seed}.`;
}

/** One line on what word meaning costs (bench/word-meaning.ts). */
export function wordMeaningLine(w: Row): string {
  const a = w.ask as Row;
  const b = w.askWithoutMeaning as Row;
  return (
    `Word meaning (${w.vectorWords} words, ${w.fileMB} MB file): decoded in ${w.decodeMs} ms, +${w.heapMB} MB heap; ` +
    `term table on first use ${w.termTableMs} ms. /ask over ${w.questions} questions, p50 / p99 ms with ${a.p50Ms} / ${a.p99Ms} ` +
    `(CPU ${a.cpuP50Ms} / ${a.cpuP99Ms}), without ${b.p50Ms} / ${b.p99Ms} (CPU ${b.cpuP50Ms} / ${b.cpuP99Ms}).`
  );
}
