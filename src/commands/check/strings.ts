// The message check's fixed strings in every language, and its name for Discord's French clients.
import type { Strings } from '../../core/language.ts';
import type { Names } from '../command.ts';

const en = {
  'check.title': 'What the article says on this message',
  'check.title.claims': 'What the article says, sentence by sentence',
  'check.title.none': 'The article does not address this message',
  'check.title.empty': 'Nothing to check',
  'check.empty': 'This message has no text I can check against the article.',
  'check.summary': 'The article has passages on {addressed} of these {claims} sentences.',
  'check.note': 'The passages are quoted as written: they do not say whether the message is right; compare for yourself.',
  'check.not-addressed': 'The article does not address this.',
  'check.no-claim': 'Nothing to check here.',
  'check.unchecked': '{count} more sentence(s) not checked.',
} as const;

export type CheckStringKey = keyof typeof en;

export const CHECK_STRINGS: Strings<CheckStringKey> = {
  en,
  fr: {
    'check.title': "Ce que dit l'article sur ce message",
    'check.title.claims': "Ce que dit l'article, phrase par phrase",
    'check.title.none': "L'article ne traite pas ce message",
    'check.title.empty': 'Rien à vérifier',
    'check.empty': "Ce message n'a pas de texte que je puisse comparer à l'article.",
    'check.summary': "L'article contient des passages sur {addressed} de ces {claims} phrases.",
    'check.note': 'Les passages sont cités tels quels : ils ne disent pas si le message a raison ; comparez vous-même.',
    'check.not-addressed': "L'article n'en parle pas.",
    'check.no-claim': 'Rien à vérifier ici.',
    'check.unchecked': '{count} autre(s) phrase(s) non vérifiée(s).',
  },
};

export const CHECK_NAMES: Names = { fr: { name: "Vérifier avec l'article" } };
