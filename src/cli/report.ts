// `npm run report`: what users ask, what the article does not cover, and the answers rated worst, read from
// the question log (QUESTION_LOG: an SQLite file or a PostgreSQL URL, whichever the bot writes to). Plain text
// for an operator, or `--json` for a script.
// Exit 0 on success, 2 on a usage error, 1 when the log is off or cannot be read.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { QuestionReport } from '../store/question-report.ts';
import { openQuestionLogReader, questionStoreOf, type QuestionStore } from '../store/question-store.ts';
import { escapeJsonText, visible } from './visible.ts';

export const USAGE = `usage: npm run --silent report -- [--json] [--limit N] [--since DAYS] [--db FILE]

  --json        one JSON object instead of text
  --limit N     rows per section (default 10)
  --since DAYS  only the last DAYS days (default: everything)
  --db WHERE    the SQLite file or a postgres:// URL (default: QUESTION_LOG, data/pactbot.db;
                tables in QUESTION_LOG_SCHEMA for PostgreSQL)
`;

export interface ReportIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env?: Readonly<Record<string, string | undefined>>;
}

const OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  since: { type: 'string' },
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runReport(argv: string[], io: ReportIo): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true }).values;
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const limit = wholeNumber(values.limit, 10);
  const since = values.since === undefined ? null : wholeNumber(values.since, 0);
  if (limit === null || limit < 1 || (values.since !== undefined && (since === null || since < 1))) {
    io.stderr.write(`--limit and --since take a whole number from 1\n\n${USAGE}`);
    return 2;
  }
  let store: QuestionStore | null;
  try {
    // --db goes through the same rules as QUESTION_LOG (a path, or a validated postgres:// URL).
    const env = { ...(io.env ?? process.env), ...(values.db ? { QUESTION_LOG: values.db } : {}) };
    store = questionStoreOf(loadConfig({ mode: 'cli', env, ...(io.env ? { dotenvPath: false } : {}) }));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`report: ${error.message}\n`);
    return 1;
  }
  if (store === null) {
    io.stderr.write('report: the question log is off (QUESTION_LOG=off): nothing to report.\n');
    return 1;
  }
  if (store.kind === 'sqlite' && !existsSync(store.path)) {
    io.stderr.write(`report: no question log at ${store.path} yet: it is created when the bot answers its first question.\n`);
    return 1;
  }
  const reader = openQuestionLogReader(store);
  let report: QuestionReport;
  try {
    report = await reader.report({ limit, sinceDays: since });
  } catch (error) {
    io.stderr.write(`report: cannot read ${reader.label}: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await reader.close();
  }
  io.stdout.write(values.json ? `${escapeJsonText(JSON.stringify(report, null, 2))}\n` : renderReportText(report, reader.label));
  return 0;
}

function wholeNumber(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** Long questions are cut for the terminal; `--json` has them whole. Control characters are shown, never sent. */
const WIDTH = 90;
const cut = (s: string) => {
  const shown = visible(s);
  return shown.length > WIDTH ? `${shown.slice(0, WIDTH - 1)}…` : shown;
};
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderReportText(report: QuestionReport, where: string): string {
  const t = report.totals;
  const lines = [
    `pactbot question log: ${visible(where)} (${report.since ? `since ${report.since.slice(0, 10)}` : 'all time'})`,
    `${plural(t.questions, 'question')} (${t.answered} answered, ${t.declined} declined, ${plural(t.checks, 'message check')}) from ${plural(t.users, 'user')}; votes: ${t.up} 👍, ${t.down} 👎`,
    '',
    'Most asked',
    ...section(report.mostAsked, (r) => `${String(r.count).padStart(4)}×  ${cut(r.question)}  (${r.answered} answered)`),
    '',
    'Declined: what the article does not cover',
    ...section(report.declined, (r) => `${String(r.count).padStart(4)}×  ${cut(r.question)}  (${visible(r.reason ?? 'declined')})`),
    '',
    'Worst-rated answers',
    ...section(report.worstRated, (r) => `  👎 ${r.down} 👍 ${r.up}  ${cut(r.question)}  → ${visible(r.topPassage ?? 'no passage')}`),
  ];
  return `${lines.join('\n')}\n`;
}

function section<T>(rows: T[], line: (row: T) => string): string[] {
  return rows.length ? rows.map(line) : ['  (none)'];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runReport(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
