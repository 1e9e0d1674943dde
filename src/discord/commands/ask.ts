// /ask question:<text> private:<bool>: the passages that answer a question, the answering sentence marked.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, stringOption, type SlashCommand } from './types.ts';

/** Discord's own cap for this option; the domain accepts longer input but Discord users cannot send it. */
export const MAX_QUESTION_LENGTH = 300;

export const ask: SlashCommand = {
  data: {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask a question about the article: get the passage that answers it, quoted and cited',
    options: [
      {
        name: 'question',
        description: 'Your question, in your own words',
        type: ApplicationCommandOptionType.String,
        required: true,
        max_length: MAX_QUESTION_LENGTH,
      },
      { name: 'private', description: 'Only you see the answer (default: everyone in the channel)', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  run({ engine }, input) {
    const question = stringOption(input, 'question') ?? '';
    return { kind: 'ask', result: engine.ask(question), page: 0, private: booleanOption(input, 'private') };
  },
};
