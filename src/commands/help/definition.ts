// /help: what the bot does, its commands with their usage, and the article it answers from. Names and
// descriptions follow the user's locale when the definition has them (what their Discord client shows).
import { ApplicationCommandOptionType, ApplicationCommandType, type LocalizationMap } from 'discord-api-types/v10';
import type { CommandDefinition } from '../../core/command.ts';
import type { CorpusInfo } from '../../domain/types.ts';

export interface HelpOutcome {
  kind: 'help';
  commands: Array<{ name: string; description: string; usage: string; menu?: boolean }>;
  info: CorpusInfo;
  private: boolean;
}

export const helpDefinition: CommandDefinition<HelpOutcome> = {
  data: { name: 'help', type: ApplicationCommandType.ChatInput, description: 'What pactbot does, its commands and the article it answers from' },
  run({ engine, commands }, input) {
    // Exact locale first ("pt-BR"), then its language ("fr" for "fr-CA"); English otherwise.
    // Own keys only: a locale such as "toString" must not find Object.prototype's members.
    const local = (map: LocalizationMap | null | undefined, fallback: string): string => {
      const m = (map ?? {}) as Record<string, string | undefined>;
      const own = (key: string) => (Object.hasOwn(m, key) && typeof m[key] === 'string' ? m[key] : undefined);
      return own(input.locale) ?? own(input.locale.split('-')[0]!) ?? fallback;
    };
    return {
      kind: 'help',
      private: true,
      info: engine.info(),
      commands: commands.map((c) => {
        const name = local(c.data.name_localizations, c.data.name);
        if (c.data.type === ApplicationCommandType.Message || c.data.type === ApplicationCommandType.User) {
          return { name, description: c.summary ?? '', usage: name, menu: true };
        }
        return {
          name,
          description: local(c.data.description_localizations, c.data.description ?? ''),
          usage: [
            `/${name}`,
            ...(c.data.options ?? [])
              .filter((o) => o.type !== ApplicationCommandOptionType.Boolean)
              .map((o) => {
                const option = local(o.name_localizations, o.name);
                return 'required' in o && o.required ? `${option}:<…>` : `[${option}:<…>]`;
              }),
          ].join(' '),
        };
      }),
    };
  },
};
