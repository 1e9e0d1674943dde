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
  'about.article': 'Article',
  'about.date': 'Date',
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
} as const;

export type StringKey = keyof typeof en;
export type StringTable = Record<StringKey, string>;

/** Language (the part of a Discord locale before "-") → table. English is the fallback. */
const TABLES: Readonly<Record<string, StringTable>> = { en };

export const DEFAULT_LANGUAGE = 'en';

/** The table for a Discord locale: exact match ("pt-BR"), then the language ("fr" for "fr-CA"), then English. */
export function tableFor(locale: string | undefined): StringTable {
  const exact = locale ? TABLES[locale] : undefined;
  const language = locale ? TABLES[locale.split('-')[0]!.toLowerCase()] : undefined;
  return exact ?? language ?? en;
}

/** Looks up `key` for `locale` and fills `{name}` placeholders; an unknown placeholder stays visible. */
export function t(locale: string | undefined, key: StringKey, vars: Readonly<Record<string, string | number>> = {}): string {
  return tableFor(locale)[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Registered languages, for tests that check every table is complete. */
export function languages(): string[] {
  return Object.keys(TABLES);
}
