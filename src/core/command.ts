// The contract every command fulfils, whatever answers it (the gateway bot, the HTTP server, the console).
// A command turns typed options into a plain outcome (domain values); only renderers turn outcomes into words.
// Nothing here knows Discord's transport: `data` is the registration JSON (discord-api-types, types only), which
// the console also reads for its usage text. The full command, with its renderers and strings, is
// src/commands/command.ts.
import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Engine } from '../domain/engine.ts';
import type { QuestionEntry } from '../store/question-log.ts';

export type OptionValue = string | number | boolean;

/**
 * The longest text a user may type, by kind of option: Discord enforces these as `max_length`, and a reply
 * echoes no more of what was typed. The domain accepts longer input; Discord users cannot send it.
 */
export const INPUT_LENGTH = {
  /** A name or a party. */
  name: 100,
  /** A topic or detail to sort by. */
  topic: 200,
  /** A question. */
  question: 300,
} as const;

/** Results per page of a paged reply (/ask), in Discord and in the console. */
export const DEFAULT_PAGE_SIZE = 3;

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
  commands: readonly CommandDefinition[];
}

/** What every outcome has: its command's kind, and whether only the user sees the reply. */
export interface BaseOutcome {
  readonly kind: string;
  private: boolean;
}

/** What the question log keeps of an answer, besides who asked, where, and how fast (see question-entry.ts). */
export type LoggedAnswer = Omit<QuestionEntry, 'id' | 'userId' | 'locale' | 'source' | 'latencyMs' | 'at'>;

/** A context-menu definition has neither description nor options; typed so that reading them gives undefined. */
export type ContextMenuData = RESTPostAPIContextMenuApplicationCommandsJSONBody & { description?: undefined; options?: undefined };

// Methods rather than function properties: a command of a narrower outcome is still a CommandDefinition.
export interface CommandDefinition<O extends BaseOutcome = BaseOutcome> {
  /** The definition Discord registers (also the console's usage text). Plain data. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody | ContextMenuData;
  /** What /help says about a command without a description (a context-menu command). */
  summary?: string;
  run(ctx: CommandContext, input: CommandInput): O;
  /**
   * Set when `run` can take over ~2 s (Discord allows 3 s to acknowledge): the transport then acknowledges
   * at once (deferred, type 5) and edits the reply when `run` is done. See src/discord/dispatch.ts.
   */
  defer?: boolean;
  /** Whether an outcome answers (the interaction's log line says answered or declined); absent: it only informs (/help). */
  answered?(outcome: O): boolean;
  /** Costs an engine search, so each use counts against the per-user cooldown (src/core/cooldown.ts). */
  limited?: boolean;
  /** What the question log keeps of an outcome (the reply then gets 👍/👎); absent or null: not logged. */
  logged?(outcome: O): LoggedAnswer | null;
  /**
   * The reply shows a page of results with "More results": a click reruns the command with `option` set to the
   * question kept in the message's footer, and `at` picks the page.
   */
  paged?: { option: string; at(outcome: O, page: number, isPrivate: boolean): O };
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
