// The explicit list of commands: what is registered, dispatched and documented. Order is /help's order.
// Each definition gets its French names and descriptions here (localizations.ts), so a command file stays
// in one language and deploy-commands registers both. Every command is installable to a server and to a
// user's own account, and usable in servers, in the bot's DM and in private channels (group DMs): pactbot
// reads nothing from the place it is asked in, so it can answer anywhere.
import { ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import { about } from './about.ts';
import { ask } from './ask.ts';
import { check } from './check.ts';
import { commitments } from './commitments.ts';
import { help } from './help.ts';
import { localize } from './localizations.ts';
import { quote } from './quote.ts';
import type { SlashCommand } from './types.ts';

/** Where the commands can be installed and used (Discord applies both to globally registered commands). */
export const INSTALLATION = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

export const COMMANDS: readonly SlashCommand[] = [ask, quote, commitments, help, about, check].map((c) => ({ ...c, data: { ...localize(c.data), ...INSTALLATION } }));

export function findCommand(name: string, commands: readonly SlashCommand[] = COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
