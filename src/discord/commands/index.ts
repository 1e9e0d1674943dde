// The explicit list of commands: what is registered, dispatched and documented. Order is /help's order.
import { about } from './about.ts';
import { ask } from './ask.ts';
import { commitments } from './commitments.ts';
import { help } from './help.ts';
import { quote } from './quote.ts';
import type { SlashCommand } from './types.ts';

export const COMMANDS: readonly SlashCommand[] = [ask, quote, commitments, help, about];

export function findCommand(name: string, commands: readonly SlashCommand[] = COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.data.name === name);
}
