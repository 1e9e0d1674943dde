// /help: what the bot does, its commands with their usage, and the article it answers from.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { SlashCommand } from './types.ts';

export const help: SlashCommand = {
  data: { name: 'help', type: ApplicationCommandType.ChatInput, description: 'What pactbot does, its commands and the article it answers from' },
  run({ engine, commands }) {
    return {
      kind: 'help',
      private: true,
      info: engine.info(),
      commands: commands.map((c) => ({
        name: c.data.name,
        description: c.data.description,
        usage: [
          `/${c.data.name}`,
          ...(c.data.options ?? [])
            .filter((o) => o.type !== ApplicationCommandOptionType.Boolean)
            .map((o) => ('required' in o && o.required ? `${o.name}:<…>` : `[${o.name}:<…>]`)),
        ].join(' '),
      })),
    };
  },
};
