// /ask: one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { askDefinition, type AskOutcome } from './definition.ts';
import { renderAsk } from './discord.ts';
import { ASK_NAMES, ASK_STRINGS, type AskStringKey } from './strings.ts';
import { askText } from './text.ts';

export type { AskOutcome } from './definition.ts';

export const ask: Command<AskOutcome, AskStringKey> = { ...askDefinition, discord: renderAsk, text: askText, strings: ASK_STRINGS, names: ASK_NAMES };
