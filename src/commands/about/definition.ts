// /about: the article(s) behind the answers, the corpus size and the bot's version.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { AppInfo, CommandDefinition } from '../../core/command.ts';
import type { CorpusInfo } from '../../domain/types.ts';

export interface AboutOutcome {
  kind: 'about';
  info: CorpusInfo;
  app: AppInfo;
  private: boolean;
}

export const aboutDefinition: CommandDefinition<AboutOutcome> = {
  data: { name: 'about', type: ApplicationCommandType.ChatInput, description: 'The article pactbot answers from, its date, the corpus size and version' },
  run({ engine, app }) {
    return { kind: 'about', info: engine.info(), app, private: true };
  },
};
