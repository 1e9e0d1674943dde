// /help's fixed strings in every language, and its names for Discord's French clients.
import type { Strings } from '../../core/language.ts';
import type { Names } from '../command.ts';

const en = {
  'help.title': 'pactbot: answers from one article, quoted and cited',
  'help.description':
    'I answer questions about the article below with its own words: every answer is a verbatim passage with its citation, and I say so plainly when the article does not cover a question.',
  'help.source': 'Source: **{title}** ({date})',
  'help.menu.usage': 'Right-click a message › Apps › {name}',
} as const;

export type HelpStringKey = keyof typeof en;

export const HELP_STRINGS: Strings<HelpStringKey> = {
  en,
  fr: {
    'help.title': "pactbot : des réponses tirées d'un article, citées mot pour mot",
    'help.description':
      "Je réponds aux questions sur l'article ci-dessous avec ses propres mots : chaque réponse est un passage cité tel quel avec sa source, et je le dis simplement quand l'article ne traite pas une question.",
    'help.source': 'Source : **{title}** ({date})',
    'help.menu.usage': 'Clic droit sur un message › Applications › {name}',
  },
};

export const HELP_NAMES: Names = {
  fr: { name: 'aide', description: "Ce que fait pactbot, ses commandes et l'article dont il tire ses réponses" },
};
