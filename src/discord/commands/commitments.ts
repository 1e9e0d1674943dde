// /commitments party:<text>: the commitments the pact lists, who commits to each, and where it says so.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, stringOption, type SlashCommand } from './types.ts';

export const commitments: SlashCommand = {
  data: {
    name: 'commitments',
    type: ApplicationCommandType.ChatInput,
    description: 'The commitments the pact lists, each with who commits to it and a citation',
    options: [
      { name: 'party', description: 'Only the commitments of this party ("UK", "Britain", "France")', type: ApplicationCommandOptionType.String, max_length: 100 },
      { name: 'private', description: 'Only you see the answer', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  run({ engine }, input) {
    return { kind: 'commitments', result: engine.commitments(stringOption(input, 'party') ?? null), private: booleanOption(input, 'private') };
  },
};
