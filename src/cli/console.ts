// The local console: the same commands and handlers as Discord, typed at a prompt, rendered as text.
// `npm start` opens it when no DISCORD_TOKEN is set. Lines without a slash are questions (/ask).
import { createInterface } from 'node:readline';
import { createApp, type App } from '../app.ts';
import type { Config } from '../config.ts';
import { findCommand } from '../discord/commands/index.ts';
import type { CommandOutcome, OptionValue, SlashCommand } from '../discord/commands/types.ts';
import { questionEntry } from '../discord/question-entry.ts';
import { silentLogger } from '../log.ts';
import { startServices } from '../services.ts';
import { renderText } from './render-text.ts';

export interface ConsoleOptions {
  /**
   * With questionLog (npm start passes the whole config), questions are recorded like the bot's; with cacheDir the
   * index and extracted quotes are loaded from (and reloads saved to) the persisted cache.
   */
  config: Pick<Config, 'corpusDir'> & Partial<Pick<Config, 'questionLog' | 'questionLogSalt' | 'cacheDir'>>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Tests pass a prebuilt app; otherwise one is built from the config. */
  app?: App;
  /** Pick up corpus changes while running (default true). */
  watch?: boolean;
  /** Ends the session as /exit does (npm start passes one aborted by SIGTERM/SIGINT). */
  signal?: AbortSignal;
}

const HINT =
  'To connect to Discord instead, set DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see .env.example) and run npm start.';

/** Parses "/quote Starmer topic:peace" against the command's options: `name:value` pairs, the rest is the first text option. */
export function parseLine(command: SlashCommand, text: string): Record<string, OptionValue> {
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
    options[m[1]!] = def?.type === 5 ? /^(true|yes|1|on)$/i.test(value) : value;
  });
  const firstText = defs.find((o) => o.type === 3 && options[o.name] === undefined);
  if (free && firstText) options[firstText.name] = free;
  return options;
}

export async function runConsole({ config, input, output, app: given, watch = true, signal }: ConsoleOptions): Promise<void> {
  const app = given ?? createApp({ corpusDir: config.corpusDir, ...(config.cacheDir ? { cacheDir: config.cacheDir } : {}) });
  const write = (s: string) => output.write(`${s}\n`);
  // Live corpus and question log, as for the bot; no cooldown applies to the one local user.
  const services = startServices({
    // One local user: no cooldown worth sharing, so never Redis.
    config: { questionLog: null, questionLogPostgres: null, questionLogSalt: null, ...config, cooldown: { uses: 1000, seconds: 1 }, redis: null },
    app,
    logger: silentLogger(),
    source: 'console',
    cacheDir: config.cacheDir ?? null,
    watch,
    onReload: (e) => {
      if (e.ok === true) write(`(corpus reloaded: ${e.info.articles.length} article(s), ${e.info.passages} passages)`);
      else if (e.ok === false) write(`(corpus not reloaded, the previous one keeps answering: ${e.error.message})`);
    },
  });
  let asked = 0;
  const info = app.context.engine.info();
  write(`pactbot console: ${info.articles.map((a) => `“${a.title}”`).join(', ')} (${info.passages} passages).`);
  write('Ask a question, or type /help. /exit or Ctrl-D leaves.');
  write(HINT);

  const rl = createInterface({ input, output, prompt: '> ', terminal: (output as { isTTY?: boolean }).isTTY === true });
  // The last answer, for /more. A holder object: TypeScript's narrowing does not follow `let`s across loop turns.
  const state: { last: Extract<CommandOutcome, { kind: 'ask' }> | null } = { last: null };
  if (signal?.aborted) rl.close();
  signal?.addEventListener('abort', () => rl.close(), { once: true });
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/exit' || line === '/quit') break;
    if (line) {
      try {
        if (line === '/more') {
          if (state.last) state.last = { ...state.last, page: state.last.page + 1 };
          write(state.last ? renderText(state.last) : 'Ask a question first.');
        } else {
          const [, name = 'ask', rest = ''] = line.startsWith('/') ? (/^\/(\S+)\s*(.*)$/.exec(line) ?? []) : [null, 'ask', line];
          const command = findCommand(name, app.commands);
          if (!command) {
            write(`Unknown command /${name}. Type /help for the list.`);
          } else {
            const t0 = performance.now();
            const outcome = command.run(app.context, { options: parseLine(command, rest), locale: 'en-US' });
            const entry = questionEntry(outcome, { id: `console-${Date.now()}-${++asked}`, userId: 'console', locale: 'en-US', source: 'console', latencyMs: performance.now() - t0 });
            if (entry) services.questionLog.record(entry);
            if (outcome.kind === 'ask') state.last = outcome.result.answered ? outcome : null;
            write(renderText(outcome));
          }
        }
      } catch (error) {
        // One bad line never ends the session.
        write(`Something went wrong answering that: ${(error as Error).message}`);
      }
    }
    rl.prompt();
  }
  rl.close();
  await services.close();
  write('Bye.');
}
