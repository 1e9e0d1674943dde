// Every fixed interface string the Discord replies use, in one table per language. Adding a language is
// adding a table (same keys, checked by the type) to TABLES; `t` picks it from the user's Discord locale
// ("fr", "en-GB", …) and falls back to English for a missing locale. Placeholders are `{name}`.

const en = {
  // Headings and labels
  'ask.title': 'Answer',
  'ask.title.page': 'More results · page {page} of {pages}',
  'ask.declined.title': 'The article does not cover that',
  'ask.more': 'More results',
  'ask.previous': 'Previous',
  'share.button': 'Share in channel',
  'suggestions.heading': 'Try instead',
  'quote.title': 'What {speaker} said',
  'quote.title.role': 'What {speaker} ({role}) said',
  'quote.topic': 'Quotes about “{topic}” first.',
  'quote.more': '…and {count} more quotes not shown.',
  'quote.declined.title': 'No quotes for “{query}”',
  'commitments.title': 'Commitments in the pact',
  'commitments.title.party': 'Commitments of {party}',
  'commitments.declined.title': 'No commitments for “{party}”',
  'commitments.by': 'by {party}',
  'help.title': 'pactbot: answers from one article, quoted and cited',
  'help.description':
    'I answer questions about the article below with its own words: every answer is a verbatim passage with its citation, and I say so plainly when the article does not cover a question.',
  'help.source': 'Source: **{title}** ({date})',
  'about.title': 'About pactbot',
  'about.corpus': 'Corpus',
  'about.corpus.value': '{articles} article(s), {passages} passages, {speakers} quoted speakers',
  'about.version': 'Version',
  'about.loaded': 'Loaded',
  'date.unknown': 'undated',
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
  'ask.title.closest': 'Closest passage in the article',
  'ask.closest.note': 'Not a confident match: this is the passage closest to your question.',
  'decline.unknown-speaker': 'Nobody called “{query}” is quoted in the article.',
  'decline.no-quotes': '{speaker} is mentioned in the article but never quoted.',
  'decline.empty-query': 'Name a speaker to quote.',
  'decline.unknown-party': 'The article names no party called “{party}”.',
  'decline.no-commitments': 'The article lists no commitments for {party}.',
  // Errors (always private)
  'error.internal': 'Something went wrong on my side; the error was logged. Please try again.',
  'error.unknown-command': 'I do not know the command “{name}”. Try /help.',
  'error.unknown-component': 'This button is no longer supported. Run the command again.',
  'error.unsupported': 'I cannot handle this kind of interaction.',
  'error.stale-message': 'I cannot find the question this message answered. Run /ask again.',
  // Message check, feedback, cooldown, help for a context menu, about's documents (issue 6)
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
  'feedback.thanks.up': 'Thanks: your 👍 is recorded.',
  'feedback.thanks.down': 'Thanks: your 👎 is recorded; it helps improve the answers.',
  'cooldown.wait': 'You are going a bit fast: you can use this command again {when}.',
  'help.menu.usage': 'Right-click a message › Apps › {name}',
  'about.documents': 'Documents',
  'about.document': '**{title}** ({date}) · {passages} passages',
  'about.loaded.value': '{relative} ({absolute})',
} as const;

export type StringKey = keyof typeof en;
export type StringTable = Record<StringKey, string>;

// French (Discord locale "fr"). Article text is never translated: only these fixed strings are.
const fr: StringTable = {
  'ask.title': 'Réponse',
  'ask.title.page': 'Autres résultats · page {page} sur {pages}',
  'ask.declined.title': "L'article n'en parle pas",
  'ask.more': 'Autres résultats',
  'ask.previous': 'Précédent',
  'share.button': 'Partager dans le salon',
  'suggestions.heading': 'Essayez plutôt',
  'quote.title': 'Ce que {speaker} a dit',
  'quote.title.role': 'Ce que {speaker} ({role}) a dit',
  'quote.topic': "D'abord les citations sur « {topic} ».",
  'quote.more': '…et {count} autres citations non affichées.',
  'quote.declined.title': 'Aucune citation pour « {query} »',
  'commitments.title': 'Les engagements du pacte',
  'commitments.title.party': 'Les engagements de {party}',
  'commitments.declined.title': 'Aucun engagement pour « {party} »',
  'commitments.by': 'par {party}',
  'help.title': "pactbot : des réponses tirées d'un article, citées mot pour mot",
  'help.description':
    "Je réponds aux questions sur l'article ci-dessous avec ses propres mots : chaque réponse est un passage cité tel quel avec sa source, et je le dis simplement quand l'article ne traite pas une question.",
  'help.source': 'Source : **{title}** ({date})',
  'about.title': 'À propos de pactbot',
  'about.corpus': 'Corpus',
  'about.corpus.value': '{articles} article(s), {passages} passages, {speakers} personnes citées',
  'about.version': 'Version',
  'about.loaded': 'Chargé',
  'date.unknown': 'sans date',
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
  'ask.title.closest': "Passage le plus proche dans l'article",
  'ask.closest.note': "Pas une réponse sûre : voici le passage le plus proche de votre question.",
  'decline.unknown-speaker': "Personne du nom de « {query} » n'est cité dans l'article.",
  'decline.no-quotes': "{speaker} est mentionné dans l'article mais jamais cité.",
  'decline.empty-query': 'Indiquez une personne à citer.',
  'decline.unknown-party': "L'article ne nomme aucune partie « {party} ».",
  'decline.no-commitments': "L'article ne cite aucun engagement pour {party}.",
  'error.internal': "Une erreur s'est produite de mon côté ; elle a été consignée. Réessayez, s'il vous plaît.",
  'error.unknown-command': 'Je ne connais pas la commande « {name} ». Essayez /aide.',
  'error.unknown-component': "Ce bouton n'est plus pris en charge. Relancez la commande.",
  'error.unsupported': "Je ne sais pas traiter ce type d'interaction.",
  'error.stale-message': 'Je ne retrouve pas la question de ce message. Relancez /demander.',
  'check.title': "Ce que dit l'article sur ce message",
  'check.title.claims': "Ce que dit l'article, phrase par phrase",
  'check.title.none': "L'article ne traite pas ce message",
  'check.title.empty': 'Rien à vérifier',
  'check.empty': "Ce message n'a pas de texte que je puisse comparer à l'article.",
  'check.summary': "L'article contient des passages sur {addressed} de ces {claims} phrases.",
  'check.note': "Les passages sont cités tels quels : ils ne disent pas si le message a raison ; comparez vous-même.",
  'check.not-addressed': "L'article n'en parle pas.",
  'check.no-claim': 'Rien à vérifier ici.',
  'check.unchecked': '{count} autre(s) phrase(s) non vérifiée(s).',
  'feedback.thanks.up': 'Merci : votre 👍 est enregistré.',
  'feedback.thanks.down': 'Merci : votre 👎 est enregistré ; il aide à améliorer les réponses.',
  'cooldown.wait': 'Vous allez un peu vite : vous pourrez réutiliser cette commande {when}.',
  'help.menu.usage': 'Clic droit sur un message › Applications › {name}',
  'about.documents': 'Documents',
  'about.document': '**{title}** ({date}) · {passages} passages',
  'about.loaded.value': '{relative} ({absolute})',
};

/** Language (the part of a Discord locale before "-") → table. English is the fallback. */
const TABLES: Readonly<Record<string, StringTable>> = { en, fr };

export const DEFAULT_LANGUAGE = 'en';

/** The table for a Discord locale: exact match ("pt-BR"), then the language ("fr" for "fr-CA"), then English. */
export function tableFor(locale: string | undefined): StringTable {
  // Own keys only: a locale of "__proto__", "constructor" or "toString" must not find Object.prototype's members.
  const own = (key: string): StringTable | undefined => (Object.hasOwn(TABLES, key) ? TABLES[key] : undefined);
  if (typeof locale !== 'string' || !locale) return en;
  return own(locale) ?? own(locale.split('-')[0]!.toLowerCase()) ?? en;
}

/** Looks up `key` for `locale` and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function t(locale: string | undefined, key: StringKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return tableFor(locale)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * The words that fill an /ask decline's sentence, in the reply's language; `escape` makes what the user typed
 * (an entity, a detail) safe for the medium (Markdown for Discord, nothing for the terminal).
 */
export function askDeclineVars(
  locale: string | undefined,
  result: { people?: string[]; entities?: string[]; answerType?: 'date' | 'place' | 'city' | 'figure' | 'name' | 'kind'; detail?: string },
  escape: (typed: string) => string,
): Record<string, string> {
  const detail = escape(result.detail ?? '');
  return {
    people: (result.people ?? []).map(escape).join(', '),
    entities: (result.entities ?? []).map((e) => `“${escape(e)}”`).join(', '),
    answerType: result.answerType ? t(locale, `answer-type.${result.answerType}`, { detail }) : '',
    detail,
  };
}

/** Registered languages, for tests that check every table is complete. */
export function languages(): string[] {
  return Object.keys(TABLES);
}
