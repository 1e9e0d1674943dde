// /quote speaker:<name, autocomplete> topic:<text> private:<bool>: what a person said, verbatim and attributed.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, INPUT_LENGTH, stringOption, type CommandDefinition } from '../../core/command.ts';
import type { QuotesResult } from '../../domain/types.ts';
import { LIMITS } from '../../discord/render/limits.ts';

export interface QuoteOutcome {
  kind: 'quote';
  result: QuotesResult;
  private: boolean;
}

export const quoteDefinition: CommandDefinition<QuoteOutcome> = {
  data: {
    name: 'quote',
    type: ApplicationCommandType.ChatInput,
    description: 'What a person said in the article, verbatim, with the paragraph it is in',
    options: [
      {
        name: 'speaker',
        description: 'Who: a name, surname or title ("Starmer", "the Prime Minister", "Zelensky")',
        type: ApplicationCommandOptionType.String,
        required: true,
        autocomplete: true,
        max_length: INPUT_LENGTH.name,
      },
      { name: 'topic', description: 'Put the quotes about this first', type: ApplicationCommandOptionType.String, max_length: INPUT_LENGTH.topic },
      { name: 'private', description: 'Only you see the answer', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  limited: true,
  answered: (outcome) => outcome.result.answered,
  run({ engine }, input) {
    const result = engine.quotes(stringOption(input, 'speaker') ?? '', stringOption(input, 'topic') ?? null);
    return { kind: 'quote', result, private: booleanOption(input, 'private') };
  },
  autocomplete({ engine }, focused) {
    if (focused.name !== 'speaker') return [];
    return engine.speakers(focused.value).map((s) => {
      const label = `${s.name}${s.role ? ` (${s.role})` : ''} · ${s.quoteCount} quote${s.quoteCount === 1 ? '' : 's'}`;
      return { name: label.slice(0, LIMITS.choiceName), value: s.name.slice(0, LIMITS.choiceValue) };
    });
  },
};
