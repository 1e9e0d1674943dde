// /ask's fixed strings (headings, buttons, every decline reason in plain words) in every language, and its
// names for Discord's French clients. The one table of decline sentences: Discord and the console both use it.
import type { Strings, Translate } from '../../core/language.ts';
import type { AskResult } from '../../domain/types.ts';
import type { Names } from '../command.ts';

const en = {
  'ask.title': 'Answer',
  'ask.title.page': 'More results · page {page} of {pages}',
  'ask.title.closest': 'Closest passage in the article',
  'ask.closest.note': 'Not a confident match: this is the passage closest to your question.',
  'ask.declined.title': 'The article does not cover that',
  'ask.more': 'More results',
  'ask.previous': 'Previous',
  // Decline reasons, in plain words
  'decline.empty-question': 'The question is empty: ask something about the article.',
  'decline.no-content-words': 'The question has no words to look for: try naming who or what you mean.',
  'decline.no-match': 'Nothing in the article matches that question.',
  'decline.weak-match': 'The closest passages only touch on part of the question, so I would rather not guess.',
  'decline.not-quoted': 'The article reports no words of {people}: mentioned, never quoted.',
  'decline.no-figure': 'The article gives no figure for that: the closest passage has no number in it.',
  'decline.absent-entity': 'The article never mentions {entities}, so it does not answer that.',
  'decline.not-together': 'The article never brings {people} together in one passage, so it does not answer that.',
  'decline.no-answer-of-type': 'The closest passage gives no {answerType}, so the article does not answer that.',
  'decline.unmatched-detail': 'The article says nothing about “{detail}”, so it does not answer that.',
  'answer-type.date': 'date or time',
  'answer-type.place': 'place',
  'answer-type.city': 'city',
  'answer-type.figure': 'figure',
  'answer-type.name': 'name',
  'answer-type.kind': 'particular {detail}',
} as const;

export type AskStringKey = keyof typeof en;

export const ASK_STRINGS: Strings<AskStringKey> = {
  en,
  fr: {
    'ask.title': 'Réponse',
    'ask.title.page': 'Autres résultats · page {page} sur {pages}',
    'ask.title.closest': "Passage le plus proche dans l'article",
    'ask.closest.note': 'Pas une réponse sûre : voici le passage le plus proche de votre question.',
    'ask.declined.title': "L'article n'en parle pas",
    'ask.more': 'Autres résultats',
    'ask.previous': 'Précédent',
    'decline.empty-question': "La question est vide : demandez quelque chose sur l'article.",
    'decline.no-content-words': "La question n'a aucun mot à chercher : précisez qui ou quoi.",
    'decline.no-match': "Rien dans l'article ne correspond à cette question.",
    'decline.weak-match': "Les passages les plus proches ne touchent qu'une partie de la question : je préfère ne pas deviner.",
    'decline.not-quoted': "L'article ne rapporte aucune parole de {people} : cité(s) par d'autres, jamais en personne.",
    'decline.no-figure': "L'article ne donne pas de chiffre à ce sujet : le passage le plus proche n'en contient aucun.",
    'decline.absent-entity': "L'article ne mentionne jamais {entities} : il ne répond pas à cela.",
    'decline.not-together': "L'article ne réunit jamais {people} dans un même passage : il ne répond pas à cela.",
    'decline.no-answer-of-type': "Le passage le plus proche ne donne aucun élément de type {answerType} : l'article ne répond pas à cela.",
    'decline.unmatched-detail': "L'article ne dit rien de « {detail} » : il ne répond pas à cela.",
    'answer-type.date': 'date ou moment',
    'answer-type.place': 'lieu',
    'answer-type.city': 'ville',
    'answer-type.figure': 'chiffre',
    'answer-type.name': 'nom',
    'answer-type.kind': '« {detail} » en particulier',
  },
};

export const ASK_NAMES: Names = {
  fr: {
    name: 'demander',
    description: "Une question sur l'article : le passage qui y répond, cité mot pour mot avec sa source",
    options: {
      question: { name: 'question', description: 'Votre question, avec vos mots' },
      private: { name: 'privé', description: 'Vous seul voyez la réponse (par défaut : tout le salon)' },
    },
  },
};

/**
 * A decline's sentence in the reply's language; `escape` makes what the user typed (an entity, a detail) safe
 * for the medium (Markdown for Discord, visible control characters for the terminal).
 */
export function declineSentence(t: Translate<AskStringKey>, locale: string | undefined, result: Extract<AskResult, { answered: false }>, escape: (typed: string) => string): string {
  const detail = escape(result.detail ?? '');
  return t(locale, `decline.${result.reason}`, {
    people: (result.people ?? []).map(escape).join(', '),
    entities: (result.entities ?? []).map((e) => `“${escape(e)}”`).join(', '),
    // "kind": one of a kind of thing, named in `detail` ("particular weapons").
    answerType: result.answerType ? t(locale, `answer-type.${result.answerType}`, { detail }) : '',
    detail,
  });
}
