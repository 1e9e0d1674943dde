// "Check against the article": one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { checkDefinition, type CheckOutcome } from './definition.ts';
import { renderCheck } from './discord.ts';
import { CHECK_NAMES, CHECK_STRINGS, type CheckStringKey } from './strings.ts';
import { checkText } from './text.ts';

export { CHECK_COMMAND_NAME, type CheckOutcome } from './definition.ts';
export { plainText } from './plain-text.ts';

export const check: Command<CheckOutcome, CheckStringKey> = { ...checkDefinition, discord: renderCheck, text: checkText, strings: CHECK_STRINGS, names: CHECK_NAMES };
