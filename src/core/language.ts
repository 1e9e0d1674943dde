// The languages replies are written in, and how a table of strings is picked for a user's Discord locale.
// Every table of fixed strings (each command's, the transport's) is a `Strings<K>`: one table per language,
// each with the same keys, so adding a language here makes the compiler ask for it everywhere.

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** One table per language, same keys; placeholders are `{name}`. */
export type Strings<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

/** The language for a Discord locale: exact match ("pt-BR"), then the language ("fr" for "fr-CA"), then English. */
export function languageOf(locale: string | undefined): Language {
  if (typeof locale !== 'string' || !locale) return DEFAULT_LANGUAGE;
  // A known language only: a locale of "__proto__", "constructor" or "toString" must find nothing.
  const known = (key: string): Language | undefined => (LANGUAGES as readonly string[]).includes(key) ? (key as Language) : undefined;
  return known(locale) ?? known(locale.split('-')[0]!.toLowerCase()) ?? DEFAULT_LANGUAGE;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible. */
export function fill(text: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate<K extends string> = (locale: string | undefined, key: K, vars?: Readonly<Record<string, string | number>>) => string;

/** `t(locale, key, vars)` over one set of tables. */
export function translator<K extends string>(strings: Strings<K>): Translate<K> {
  return (locale, key, vars = {}) => fill(strings[languageOf(locale)][key], vars);
}
