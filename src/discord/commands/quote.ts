// /quote speaker:<name, autocomplete> topic:<text> private:<bool>: what a person said, verbatim and attributed.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, stringOption, type SlashCommand } from './types.ts';

/** Discord's cap on a choice's name and value. */
const MAX_CHOICE = 100;

export const quote: SlashCommand = {
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
        max_length: 100,
      },
      { name: 'topic', description: 'Put the quotes about this first', type: ApplicationCommandOptionType.String, max_length: 200 },
      { name: 'private', description: 'Only you see the answer', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  run({ engine }, input) {
    const result = engine.quotes(stringOption(input, 'speaker') ?? '', stringOption(input, 'topic') ?? null);
    return { kind: 'quote', result, private: booleanOption(input, 'private') };
  },
  autocomplete({ engine }, focused) {
    if (focused.name !== 'speaker') return [];
    return engine.speakers(focused.value).map((s) => {
      const label = `${s.name}${s.role ? ` (${s.role})` : ''} · ${s.quoteCount} quote${s.quoteCount === 1 ? '' : 's'}`;
      return { name: label.slice(0, MAX_CHOICE), value: s.name.slice(0, MAX_CHOICE) };
    });
  },
};
