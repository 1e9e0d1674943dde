// /help: one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { helpDefinition, type HelpOutcome } from './definition.ts';
import { renderHelp } from './discord.ts';
import { HELP_NAMES, HELP_STRINGS, type HelpStringKey } from './strings.ts';
import { helpText } from './text.ts';

export type { HelpOutcome } from './definition.ts';

export const help: Command<HelpOutcome, HelpStringKey> = { ...helpDefinition, discord: renderHelp, text: helpText, strings: HELP_STRINGS, names: HELP_NAMES };
