// The list of commands: what is registered, dispatched and documented, in /help's order. Adding a command is
// one folder and one line here. Every command is installable to a server and to a user's own account, and
// usable in servers, in the bot's DM and in private channels (group DMs): pactbot reads nothing from the place
// it is asked in, so it can answer anywhere.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { about } from './about/index.ts';
import { ask } from './ask/index.ts';
import { check } from './check/index.ts';
import type { Command } from './command.ts';
import { commitments } from './commitments/index.ts';
import { help } from './help/index.ts';
import { localize } from './localize.ts';
import { renderReply } from '../discord/render/reply.ts';
import type { RenderOptions } from '../discord/render/embed.ts';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { quote } from './quote/index.ts';

/** Checks, at compile time, that each command is keyed by the kind of the outcome it runs to. */
function keyedByKind<T extends { [K in keyof T]: Command<{ kind: K & string; private: boolean }> }>(commands: T): T {
  return commands;
}

/** Every command, keyed by its outcome's kind, in /help's order. */
const BY_KIND = keyedByKind({ ask, quote, commitments, help, about, check });

/** Every outcome a command can come to. */
export type CommandOutcome = ReturnType<(typeof BY_KIND)[keyof typeof BY_KIND]['run']>;

/** Where the commands can be installed and used (Discord applies both to globally registered commands). */
export const INSTALLATION = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export const COMMANDS: readonly Command[] = Object.values(BY_KIND).map((c: Command) => ({ ...c, data: { ...localize(c.data, c.names), ...INSTALLATION } }));

export function findCommand<C extends Command>(name: string, commands: readonly C[]): C | undefined;
export function findCommand(name: string): Command | undefined;
export function findCommand(name: string, commands: readonly Command[] = COMMANDS): Command | undefined {
  return commands.find((c) => c.data.name === name);
}

/** The command an outcome came from. */
export function commandOf(outcome: CommandOutcome): Command {
  return BY_KIND[outcome.kind] as Command;
}

/** Any outcome as Discord reply data, by its own command's renderer. */
export function renderOutcome(outcome: CommandOutcome, options: Partial<RenderOptions> = {}): APIInteractionResponseCallbackData {
  return renderReply(commandOf(outcome), outcome, options);
}

/** Any outcome as console text, by its own command's renderer. */
export function renderText(outcome: CommandOutcome): string {
  return commandOf(outcome).text(outcome);
}
