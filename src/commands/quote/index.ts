// /quote: one folder, one command (see src/commands/README.md).
import type { Command } from '../command.ts';
import { quoteDefinition, type QuoteOutcome } from './definition.ts';
import { renderQuote } from './discord.ts';
import { QUOTE_NAMES, QUOTE_STRINGS, type QuoteStringKey } from './strings.ts';
import { quoteText } from './text.ts';

export type { QuoteOutcome } from './definition.ts';

export const quote: Command<QuoteOutcome, QuoteStringKey> = { ...quoteDefinition, discord: renderQuote, text: quoteText, strings: QUOTE_STRINGS, names: QUOTE_NAMES };
