// /commitments party:<text>: the commitments the pact lists, who commits to each, and where it says so.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, INPUT_LENGTH, stringOption, type CommandDefinition } from '../../core/command.ts';
import type { CommitmentsResult } from '../../domain/types.ts';

export interface CommitmentsOutcome {
  kind: 'commitments';
  result: CommitmentsResult;
  private: boolean;
}

export const commitmentsDefinition: CommandDefinition<CommitmentsOutcome> = {
  data: {
    name: 'commitments',
    type: ApplicationCommandType.ChatInput,
    description: 'The commitments the pact lists, each with who commits to it and a citation',
    options: [
      { name: 'party', description: 'Only the commitments of this party ("UK", "Britain", "France")', type: ApplicationCommandOptionType.String, max_length: INPUT_LENGTH.name },
      { name: 'private', description: 'Only you see the answer', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  answered: (outcome) => outcome.result.answered,
  run({ engine }, input) {
    return { kind: 'commitments', result: engine.commitments(stringOption(input, 'party') ?? null), private: booleanOption(input, 'private') };
  },
};
