// /about: one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { aboutDefinition, type AboutOutcome } from './definition.ts';
import { renderAbout } from './discord.ts';
import { ABOUT_NAMES, ABOUT_STRINGS, type AboutStringKey } from './strings.ts';
import { aboutText } from './text.ts';

export type { AboutOutcome } from './definition.ts';

export const about: Command<AboutOutcome, AboutStringKey> = { ...aboutDefinition, discord: renderAbout, text: aboutText, strings: ABOUT_STRINGS, names: ABOUT_NAMES };
