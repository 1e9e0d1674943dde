// /ask question:<text> private:<bool>: the passages that answer a question, the answering sentence marked.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import { booleanOption, INPUT_LENGTH, stringOption, type CommandDefinition } from '../../core/command.ts';
import { citationKey } from '../../core/question-entry.ts';
import type { AskResult } from '../../domain/types.ts';

export interface AskOutcome {
  kind: 'ask';
  result: AskResult;
  /** The page shown (0 first); "More results" turns it. */
  page: number;
  private: boolean;
}

/** Number of pages for a result (0 for a decline). */
export function pageCount(result: AskResult, pageSize: number): number {
  return result.answered ? Math.max(1, Math.ceil(result.passages.length / pageSize)) : 0;
}

export const askDefinition: CommandDefinition<AskOutcome> = {
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
        max_length: INPUT_LENGTH.question,
      },
      { name: 'private', description: 'Only you see the answer (default: everyone in the channel)', type: ApplicationCommandOptionType.Boolean },
    ],
  },
  limited: true,
  answered: (outcome) => outcome.result.answered,
  run({ engine }, input) {
    const question = stringOption(input, 'question') ?? '';
    return { kind: 'ask', result: engine.ask(question), page: 0, private: booleanOption(input, 'private') };
  },
  paged: {
    option: 'question',
    at: (outcome, page, isPrivate) => ({ ...outcome, page, private: isPrivate }),
  },
  logged({ result: r }) {
    return {
      kind: 'ask',
      question: r.question,
      answered: r.answered,
      reason: r.answered ? null : r.reason,
      confidence: r.answered ? r.confidence : null,
      topPassage: r.answered && r.passages[0] ? citationKey(r.passages[0].citation) : null,
    };
  },
};
