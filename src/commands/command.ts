// A whole command: the core contract (definition, run, flags) plus everything that turns its outcome into words.
// Every member is required, so the compiler refuses a command without its Discord renderer, its text renderer,
// its strings in every language (src/core/language.ts) or its localized names.
import type { BaseOutcome, CommandDefinition } from '../core/command.ts';
import type { Language, Strings } from '../core/language.ts';
import type { Rendered, RenderOptions } from '../discord/render/embed.ts';

/** A command's name, description and options in another language, keyed by the English option name. */
export interface Translation {
  name: string;
  /** Absent for context-menu commands, which have no description. */
  description?: string;
  options?: Record<string, { name: string; description: string }>;
}

/** The command's names in every language but English (the definition's own). */
export type Names = Readonly<Record<Exclude<Language, 'en'>, Translation>>;

// Methods rather than function properties: a command of a narrower outcome is still a Command.
export interface Command<O extends BaseOutcome = BaseOutcome, K extends string = string> extends CommandDefinition<O> {
  /** Embeds and buttons for Discord (src/discord/render/reply.ts adds flags, "Share" and the limits check). */
  discord(outcome: O, options: RenderOptions): Rendered;
  /** Plain text for the console, in English. */
  text(outcome: O): string;
  strings: Strings<K>;
  names: Names;
}
