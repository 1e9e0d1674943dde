// What the dashboard shows for a period, as a page: the question log's figures (the log is opened on first
// use, and again after a failure: the bot creates the file with its first question), the chart, the content
// gaps and the corpus. A log that is off, missing or unreadable is a notice, never an exception.
import { existsSync } from 'node:fs';
import type { Logger } from '../log.ts';
import type { Period } from '../store/dashboard-period.ts';
import type { DashboardSource } from '../store/dashboard-stats.ts';
import { chartRows, renderChart, warmUpChart } from './chart.ts';
import { groupContentGaps } from './gaps.ts';
import type { CorpusView } from './handler.ts';
import { dashboardPage, noticePage } from './page.ts';

export interface ViewOptions {
  questionLog: string | null;
  corpus: () => CorpusView | null;
  openSource: (path: string) => DashboardSource | Promise<DashboardSource>;
  now: () => Date;
  limit: number;
  log: Logger;
}

export interface Shown {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export function createView(options: ViewOptions): { show(period: Period): Promise<Shown>; warmUp(): Promise<void>; close(): void } {
  const { corpus, now, limit, log } = options;
  let opening: Promise<DashboardSource> | null = null;
  const source = (): Promise<DashboardSource> => (opening ??= Promise.resolve().then(() => options.openSource(options.questionLog!)));
  const reset = (): void => {
    const failed = opening;
    opening = null;
    failed?.then((s) => s.close(), () => undefined);
  };

  async function show(period: Period): Promise<Shown> {
    if (options.questionLog === null) {
      return { status: 200, body: noticePage(period, 'The question log is off', 'QUESTION_LOG=off: nothing is recorded, so there is nothing to show.') };
    }
    let data;
    try {
      data = await (await source()).stats(period, now());
    } catch (error) {
      reset();
      const missing = !existsSync(options.questionLog);
      if (!missing) log.warn({ err: error }, 'dashboard: cannot read the question log');
      const body = missing
        ? noticePage(period, 'No question log yet', 'The question log is created when pactbot answers its first question. Try again after that.')
        : noticePage(period, 'The question log cannot be read', 'Reading the question log failed; the reason is in the server log. Try again shortly.');
      return { status: 503, body, headers: { 'retry-after': '5' } };
    }
    const generatedAt = now();
    const { bucket, rows } = chartRows(period, data.hours, generatedAt);
    const svg = rows.some((r) => r.answered + r.lowConfidence + r.declined > 0) ? await renderChart(bucket, rows, data.hasConfidence) : null;
    const docs = corpus();
    const body = dashboardPage({
      period,
      stats: data,
      bucket,
      rows,
      svg,
      gaps: groupContentGaps(data.declined, limit),
      documents: docs?.info() ?? null,
      passage: (key) => docs?.passage(key) ?? null,
      generatedAt,
    });
    return { status: 200, body };
  }

  return {
    show,
    async warmUp() {
      await warmUpChart();
      if (options.questionLog === null) return;
      try {
        await source();
      } catch (error) {
        reset();
        log.info({ reason: (error as Error).message }, 'dashboard: no question log to read yet');
      }
    },
    close: reset,
  };
}
