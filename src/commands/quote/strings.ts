// /quote's fixed strings in every language (one table of its decline sentences, for Discord and the console),
// and its names for Discord's French clients.
import type { Strings } from '../../core/language.ts';
import type { Names } from '../command.ts';

const en = {
  'quote.title': 'What {speaker} said',
  'quote.title.role': 'What {speaker} ({role}) said',
  'quote.topic': 'Quotes about “{topic}” first.',
  'quote.more': '…and {count} more quotes not shown.',
  'quote.declined.title': 'No quotes for “{query}”',
  'decline.unknown-speaker': 'Nobody called “{query}” is quoted in the article.',
  'decline.no-quotes': '{speaker} is mentioned in the article but never quoted.',
  'decline.empty-query': 'Name a speaker to quote.',
} as const;

export type QuoteStringKey = keyof typeof en;

export const QUOTE_STRINGS: Strings<QuoteStringKey> = {
  en,
  fr: {
    'quote.title': 'Ce que {speaker} a dit',
    'quote.title.role': 'Ce que {speaker} ({role}) a dit',
    'quote.topic': "D'abord les citations sur « {topic} ».",
    'quote.more': '…et {count} autres citations non affichées.',
    'quote.declined.title': 'Aucune citation pour « {query} »',
    'decline.unknown-speaker': "Personne du nom de « {query} » n'est cité dans l'article.",
    'decline.no-quotes': "{speaker} est mentionné dans l'article mais jamais cité.",
    'decline.empty-query': 'Indiquez une personne à citer.',
  },
};

const PRIVATE_FR = { name: 'privé', description: 'Vous seul voyez la réponse' };

export const QUOTE_NAMES: Names = {
  fr: {
    name: 'citer',
    description: "Ce qu'une personne a dit dans l'article, mot pour mot, avec le paragraphe",
    options: {
      speaker: { name: 'personne', description: 'Qui : un nom ou un titre (« Starmer », « the Prime Minister », « Zelensky »)' },
      topic: { name: 'sujet', description: "D'abord les citations sur ce sujet" },
      private: PRIVATE_FR,
    },
  },
};
