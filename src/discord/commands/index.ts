// The explicit list of commands: what is registered, dispatched and documented. Order is /help's order.
// Each definition gets its French names and descriptions here (localizations.ts), so a command file stays
// in one language and deploy-commands registers both.
import { about } from './about.ts';
import { ask } from './ask.ts';
import { check } from './check.ts';
import { commitments } from './commitments.ts';
import { help } from './help.ts';
import { localize } from './localizations.ts';
import { quote } from './quote.ts';
import type { SlashCommand } from './types.ts';

export const COMMANDS: readonly SlashCommand[] = [ask, quote, commitments, help, about, check].map((c) => ({ ...c, data: localize(c.data) }));

export function findCommand(name: string, commands: readonly SlashCommand[] = COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
