// The local console: the same commands as Discord, typed at a prompt, rendered by each command's text renderer.
// `npm start` opens it when no DISCORD_TOKEN is set. Lines without a slash are questions (/ask).
import { createInterface } from 'node:readline';
import { ask, type AskOutcome } from '../commands/ask/index.ts';
import type { Command } from '../commands/command.ts';
import { COMMANDS, findCommand } from '../commands/index.ts';
import type { Config } from '../config.ts';
import type { App } from '../core/app.ts';
import type { BaseOutcome, OptionValue } from '../core/command.ts';
import { questionEntry } from '../core/question-entry.ts';
import { startRuntime } from '../core/runtime.ts';
import { silentLogger } from '../log.ts';
import type { QuestionLog } from '../store/question-log.ts';

export interface ConsoleOptions {
  /**
   * With questionLog (npm start passes the whole config), questions are recorded like the bot's; with cacheDir the
   * index and extracted quotes are loaded from (and reloads saved to) the persisted cache.
   */
  config: Pick<Config, 'corpusDir'> & Partial<Pick<Config, 'questionLog' | 'questionLogSalt' | 'cacheDir'>>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Tests pass a prebuilt app; otherwise one is built from the config. */
  app?: App<Command>;
  /** Pick up corpus changes while running (default true). */
  watch?: boolean;
  /** Ends the session as /exit does (npm start passes one aborted by SIGTERM/SIGINT). */
  signal?: AbortSignal;
}

const HINT =
  'To connect to Discord instead, set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example) and run npm start.';

/** Discord's option types the console reads: text, and yes/no. */
const OPTION_TYPE = { string: 3, boolean: 5 } as const;

/** Parses "/quote Starmer topic:peace" against the command's options: `name:value` pairs, the rest is the first text option. */
export function parseLine(command: Command, text: string): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  const defs = command.data.options ?? [];
  const names = defs.map((o) => o.name);
  // Split at " name:" for known option names only, so a question may contain colons ("ratio 2:1").
  const pattern = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g');
  const marks = [...text.matchAll(pattern)];
  const free = (marks.length ? text.slice(0, marks[0]!.index) : text).trim();
  marks.forEach((m, i) => {
    const value = text.slice(m.index + m[0].length, marks[i + 1]?.index ?? text.length).trim();
    const def = defs.find((o) => o.name === m[1]);
    options[m[1]!] = def?.type === OPTION_TYPE.boolean ? /^(true|yes|1|on)$/i.test(value) : value;
  });
  const firstText = defs.find((o) => o.type === OPTION_TYPE.string && options[o.name] === undefined);
  if (free && firstText) options[firstText.name] = free;
  return options;
}

function isAskOutcome(outcome: BaseOutcome): outcome is AskOutcome {
  return outcome.kind === 'ask';
}

/** Answers one line of the session (not /exit): the text to print. Remembers the last answer for /more. */
function lineAnswerer(app: App<Command>, questionLog: QuestionLog): (line: string) => string {
  let asked = 0;
  let last: AskOutcome | null = null;
  return (line) => {
    if (line === '/more') {
      if (last) last = { ...last, page: last.page + 1 };
      return last ? ask.text(last) : 'Ask a question first.';
    }
    const [, name = 'ask', rest = ''] = line.startsWith('/') ? (/^\/(\S+)\s*(.*)$/.exec(line) ?? []) : [null, 'ask', line];
    const command = findCommand(name, app.commands);
    if (!command) return `Unknown command /${name}. Type /help for the list.`;
    const t0 = performance.now();
    const outcome = command.run(app.context, { options: parseLine(command, rest), locale: 'en-US' });
    const entry = questionEntry(command, outcome, { id: `console-${Date.now()}-${++asked}`, userId: 'console', locale: 'en-US', source: 'console', latencyMs: performance.now() - t0 });
    if (entry) questionLog.record(entry);
    if (isAskOutcome(outcome)) last = outcome.result.answered ? outcome : null;
    return command.text(outcome);
  };
}

export async function runConsole({ config, input, output, app: given, watch = true, signal }: ConsoleOptions): Promise<void> {
  const write = (s: string) => output.write(`${s}\n`);
  // Live corpus and question log, as for the bot. One local user: no cooldown worth sharing, so never Redis.
  const runtime = await startRuntime({
    config: { questionLog: null, questionLogPostgres: null, questionLogSalt: null, ...config, cooldown: { uses: 1000, seconds: 1 }, redis: null },
    logger: silentLogger(),
    source: 'console',
    commands: COMMANDS,
    ...(given ? { app: given } : {}),
    watch,
    onReload: (e) => {
      if (e.ok === true) write(`(corpus reloaded: ${e.info.articles.length} article(s), ${e.info.passages} passages)`);
      else if (e.ok === false) write(`(corpus not reloaded, the previous one keeps answering: ${e.error.message})`);
    },
    handler: ({ app, services }) => lineAnswerer(app, services.questionLog),
  });
  const info = runtime.app.context.engine.info();
  write(`pactbot console: ${info.articles.map((a) => `“${a.title}”`).join(', ')} (${info.passages} passages).`);
  write('Ask a question, or type /help. /exit or Ctrl-D leaves.');
  write(HINT);

  const rl = createInterface({ input, output, prompt: '> ', terminal: (output as { isTTY?: boolean }).isTTY === true });
  if (signal?.aborted) rl.close();
  signal?.addEventListener('abort', () => rl.close(), { once: true });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/exit' || line === '/quit') break;
    if (line) {
      try {
        write(runtime.handler(line));
      } catch (error) {
        // One bad line never ends the session.
        write(`Something went wrong answering that: ${(error as Error).message}`);
      }
    }
    rl.prompt();
  }
  rl.close();
  await runtime.close();
  write('Bye.');
}
