// Languages: a Discord locale picks a table (exact, then its language, then English), placeholders are filled once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, fill, languageOf, LANGUAGES, translator } from '../../src/core/language.ts';

const strings = {
  en: { greeting: 'Hello {name}', page: 'page {page} of {pages}' },
  fr: { greeting: 'Bonjour {name}', page: 'page {page} sur {pages}' },
} as const;
const t = translator(strings);

describe('languageOf', () => {
  it('picks a language by exact locale, then by its language part ("fr-CA" → "fr", "en-GB" → "en")', () => {
    expect(languageOf('fr')).toBe('fr');
    expect(languageOf('fr-CA')).toBe('fr');
    expect(languageOf('FR-ca')).toBe('fr');
    expect(languageOf('en-GB')).toBe('en');
  });

  it('falls back to English for a locale without a table, a missing one, or an Object.prototype key', () => {
    for (const locale of ['xx-YY', undefined, '', 'toString', '__proto__', 'constructor']) expect(languageOf(locale)).toBe(DEFAULT_LANGUAGE);
  });

  it('lists English first, the fallback', () => {
    expect(LANGUAGES[0]).toBe(DEFAULT_LANGUAGE);
  });
});

describe('translator', () => {
  it('looks up the table of the locale, English for any other', () => {
    expect(t('fr-CA', 'greeting', { name: 'Ana' })).toBe('Bonjour Ana');
    expect(t('xx-YY', 'greeting', { name: 'Ana' })).toBe('Hello Ana');
    expect(t(undefined, 'greeting', { name: 'Ana' })).toBe('Hello Ana');
  });

  it('fills placeholders without re-reading what it inserted, and leaves unknown ones visible', () => {
    expect(fill('Hello {name}', { name: '{name}' })).toBe('Hello {name}');
    expect(t('en', 'page', { page: 2, pages: 3 })).toBe('page 2 of 3');
    expect(t('en', 'page', { page: 2 })).toBe('page 2 of {pages}');
  });
});
