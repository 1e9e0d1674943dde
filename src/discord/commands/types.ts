// The contract every command file fulfils. A handler turns options into a plain outcome (domain values);
// only renderers (src/discord/render.ts for Discord, src/cli/render-text.ts for the console) turn outcomes
// into words. The gateway bot, the HTTP server, the deploy script and the console all use these.
import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { CheckResult } from '../../domain/check.ts';
import type { Engine } from '../../domain/engine.ts';
import type { AskResult, CommitmentsResult, CorpusInfo, QuotesResult } from '../../domain/types.ts';

export type OptionValue = string | number | boolean;

export interface CommandInput {
  /** Option values by option name, already typed by the transport. */
  options: Readonly<Record<string, OptionValue | undefined>>;
  /** The user's Discord locale ("en-US", "fr"); "en-US" for the console. */
  locale: string;
  /** A message context-menu command's target: the message right-clicked. */
  target?: { id: string; content: string };
}

export interface AppInfo {
  name: string;
  version: string;
}

export interface CommandContext {
  engine: Engine;
  app: AppInfo;
  /** The registered commands, for /help. */
  commands: readonly SlashCommand[];
}

export type CommandOutcome =
  | { kind: 'ask'; result: AskResult; page: number; private: boolean }
  | { kind: 'quote'; result: QuotesResult; private: boolean }
  | { kind: 'commitments'; result: CommitmentsResult; private: boolean }
  | { kind: 'help'; commands: Array<{ name: string; description: string; usage: string; menu?: boolean }>; info: CorpusInfo; private: boolean }
  | { kind: 'about'; info: CorpusInfo; app: AppInfo; private: boolean }
  | { kind: 'check'; result: CheckResult; target: { id: string; content: string } | null; private: boolean };

/** A context-menu definition has neither description nor options; typed so that reading them gives undefined. */
export type ContextMenuData = RESTPostAPIContextMenuApplicationCommandsJSONBody & { description?: undefined; options?: undefined };

export interface SlashCommand {
  /** The definition Discord registers (also the console's usage text). Plain data. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody | ContextMenuData;
  /** What /help says about a command without a description (a context-menu command). */
  summary?: string;
  run(ctx: CommandContext, input: CommandInput): CommandOutcome;
  /**
   * Set when `run` can take over ~2 s (Discord allows 3 s to acknowledge): the transport then acknowledges
   * at once (deferred, type 5) and edits the reply when `run` is done. See src/discord/interactions.ts.
   */
  defer?: boolean;
  /** Choices for a focused option (at most 25, each name and value at most 100 characters). */
  autocomplete?(ctx: CommandContext, focused: { name: string; value: string }): APIApplicationCommandOptionChoice<string>[];
}

/** Reads a string option, trimmed; undefined when absent or empty. */
export function stringOption(input: CommandInput, name: string): string | undefined {
  const v = input.options[name];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function booleanOption(input: CommandInput, name: string): boolean {
  return input.options[name] === true;
}
