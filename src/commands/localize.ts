// A command's definition with the names and descriptions of every other language (its `names`), so a command
// folder keeps its translations beside its strings and deploy-commands registers every language. Discord shows
// them to users whose client is in that language and still sends the English name, so dispatch never changes.
import type { LocalizationMap, RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Names, Translation } from './command.ts';

/** The definition with `name_localizations` and `description_localizations` for every language in `names`. Pure: returns a copy. */
export function localize<T extends RESTPostAPIApplicationCommandsJSONBody>(data: T, names: Names): T {
  const localized: LocalizationMap = {};
  const descriptions: LocalizationMap = {};
  const optionNames: Record<string, LocalizationMap> = {};
  const optionDescriptions: Record<string, LocalizationMap> = {};
  for (const [locale, tr] of Object.entries(names) as Array<[keyof LocalizationMap, Translation]>) {
    localized[locale] = tr.name;
    if (tr.description) descriptions[locale] = tr.description;
    for (const [option, o] of Object.entries(tr.options ?? {})) {
      (optionNames[option] ??= {})[locale] = o.name;
      (optionDescriptions[option] ??= {})[locale] = o.description;
    }
  }
  const out = { ...data, name_localizations: { ...data.name_localizations, ...localized } };
  if (Object.keys(descriptions).length) Object.assign(out, { description_localizations: { ...('description_localizations' in data ? data.description_localizations : {}), ...descriptions } });
  if ('options' in data && data.options) {
    Object.assign(out, {
      options: data.options.map((o) => ({
        ...o,
        name_localizations: { ...o.name_localizations, ...optionNames[o.name] },
        description_localizations: { ...o.description_localizations, ...optionDescriptions[o.name] },
      })),
    });
  }
  return out;
}
