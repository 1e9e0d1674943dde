// The scriptable command line: `npm run --silent cli -- <command> [args]`. Exit 0 on success, 2 on a usage
// error (unknown command, bad flag), 1 when the corpus or configuration cannot be loaded.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { renderAskText } from '../commands/ask/text.ts';
import { renderCommitmentsText } from '../commands/commitments/text.ts';
import { renderQuotesText } from '../commands/quote/text.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createApp } from '../core/app.ts';
import { DEFAULT_PAGE_SIZE } from '../core/command.ts';
import { CorpusError } from '../domain/corpus.ts';
import type { Engine } from '../domain/engine.ts';
import { askJson, commitmentsJson, quotesJson } from './json.ts';

export const USAGE = `usage: npm run --silent cli -- <command> [options]

commands:
  ask "question" [--json] [--limit N]   the passages that answer a question (best first)
  ask --json [--limit N] < questions    one question per line on stdin, one JSON object per line out
  quote "speaker" [--topic T] [--json]  what a person said, verbatim, with citations
  commitments [--party P] [--json]      the commitments the pact lists
  speakers [prefix] [--json]            the people quoted in the article
`;

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

class UsageError extends Error {}

const OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  topic: { type: 'string' },
  party: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs one command line; returns the exit code. Never calls process.exit, so tests can drive it. */
export async function runCli(argv: string[], io: Io, engineFactory: () => Engine): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const out = (s: string) => io.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
  const json = (v: unknown) => out(JSON.stringify(v));
  try {
    const allowed: Record<string, Array<keyof typeof OPTIONS>> = {
      ask: ['json', 'limit'],
      quote: ['json', 'topic'],
      commitments: ['json', 'party'],
      speakers: ['json'],
    };
    if (!allowed[command]) throw new UsageError(`unknown command "${command}"`);
    for (const key of Object.keys(values) as Array<keyof typeof OPTIONS>) {
      if (key !== 'help' && !allowed[command]!.includes(key)) throw new UsageError(`--${key} does not apply to "${command}"`);
    }
    if (rest.length > 1) throw new UsageError(`"${command}" takes one argument; quote it ("…") if it has spaces`);
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError('--limit must be a whole number from 1 to 100');
    const engine = engineFactory();

    switch (command) {
      case 'ask': {
        if (rest[0] === undefined) {
          if (!values.json) throw new UsageError('ask needs a question (or --json to read questions from stdin)');
          // Batch mode: answers come out in the order the questions came in, one JSON object per input line;
          // a blank line too (answered: false, reason "empty-question"), so output line n answers input line n.
          const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
          for await (const line of lines) json(askJson(engine.ask(line, { limit })));
          return 0;
        }
        const r = engine.ask(rest[0], { limit });
        if (values.json) json(askJson(r));
        else out(renderAskText(r, 0, values.limit === undefined ? DEFAULT_PAGE_SIZE : limit));
        return 0;
      }
      case 'quote': {
        if (rest[0] === undefined) throw new UsageError('quote needs a speaker, e.g. quote "Starmer"');
        const r = engine.quotes(rest[0], values.topic ?? null);
        if (values.json) json(quotesJson(r));
        else out(renderQuotesText(r));
        return 0;
      }
      case 'commitments': {
        if (rest.length) throw new UsageError('commitments takes no argument (use --party P)');
        const r = engine.commitments(values.party ?? null);
        if (values.json) json(commitmentsJson(r));
        else out(renderCommitmentsText(r));
        return 0;
      }
      default: {
        const list = engine.speakers(rest[0] ?? '', Infinity);
        if (values.json) json({ speakers: list });
        else out(list.map((s) => `${s.name} (${s.role}): ${s.quoteCount} quote${s.quoteCount === 1 ? '' : 's'}`).join('\n') || 'No quoted speaker matches.');
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CorpusError || error instanceof ConfigError) {
      io.stderr.write(`pactbot: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const engineFactory = () => createApp({ corpusDir: loadConfig({ mode: 'cli' }).corpusDir, commands: [] }).context.engine;
  runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, engineFactory).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`pactbot: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
