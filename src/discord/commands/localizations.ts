// French names and descriptions for every command and option, in one place so a translator edits one file.
// Discord shows them to users whose client is in French and still sends the English name in interactions,
// so dispatch never changes. Adding a language: another table, keyed by its Discord locale, in LOCALIZED.
import type { LocalizationMap, RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { CHECK_COMMAND_NAME } from './check.ts';

interface Translation {
  name: string;
  /** Absent for context-menu commands, which have no description. */
  description?: string;
  options?: Record<string, { name: string; description: string }>;
}

const PRIVATE_FR = { name: 'privé', description: 'Vous seul voyez la réponse' };

/** Keyed by the English command name, then by the English option name. */
export const FR: Readonly<Record<string, Translation>> = {
  ask: {
    name: 'demander',
    description: "Une question sur l'article : le passage qui y répond, cité mot pour mot avec sa source",
    options: {
      question: { name: 'question', description: 'Votre question, avec vos mots' },
      private: { name: 'privé', description: 'Vous seul voyez la réponse (par défaut : tout le salon)' },
    },
  },
  quote: {
    name: 'citer',
    description: "Ce qu'une personne a dit dans l'article, mot pour mot, avec le paragraphe",
    options: {
      speaker: { name: 'personne', description: 'Qui : un nom ou un titre (« Starmer », « the Prime Minister », « Zelensky »)' },
      topic: { name: 'sujet', description: "D'abord les citations sur ce sujet" },
      private: PRIVATE_FR,
    },
  },
  commitments: {
    name: 'engagements',
    description: "Les engagements du pacte, chacun avec qui s'engage et sa source",
    options: {
      party: { name: 'partie', description: 'Seulement les engagements de cette partie (« UK », « Britain », « France »)' },
      private: PRIVATE_FR,
    },
  },
  help: { name: 'aide', description: "Ce que fait pactbot, ses commandes et l'article dont il tire ses réponses" },
  about: { name: 'à-propos', description: "L'article source de pactbot, sa date, la taille du corpus et la version" },
  [CHECK_COMMAND_NAME]: { name: "Vérifier avec l'article" },
};

/** Discord locale → table. */
export const LOCALIZED: Readonly<Record<string, Readonly<Record<string, Translation>>>> = { fr: FR };

/**
 * The definition with `name_localizations` and `description_localizations` for every language that has
 * it. Pure: returns a copy. A command or option missing from a table is simply left in English (the
 * localization test requires every one to be there).
 */
export function localize<T extends RESTPostAPIApplicationCommandsJSONBody>(data: T): T {
  const names: LocalizationMap = {};
  const descriptions: LocalizationMap = {};
  const optionNames: Record<string, LocalizationMap> = {};
  const optionDescriptions: Record<string, LocalizationMap> = {};
  for (const [locale, table] of Object.entries(LOCALIZED) as Array<[keyof LocalizationMap, Record<string, Translation>]>) {
    const tr = table[data.name];
    if (!tr) continue;
    names[locale] = tr.name;
    if (tr.description) descriptions[locale] = tr.description;
    for (const [option, o] of Object.entries(tr.options ?? {})) {
      (optionNames[option] ??= {})[locale] = o.name;
      (optionDescriptions[option] ??= {})[locale] = o.description;
    }
  }
  const out = { ...data, name_localizations: { ...data.name_localizations, ...names } };
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
