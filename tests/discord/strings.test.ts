// The string table: lookups by Discord locale with an English fallback, placeholders filled once.
import { describe, expect, it } from 'vitest';
import { languages, t, tableFor } from '../../src/discord/strings.ts';

describe('strings', () => {
  it('falls back to English for a locale without a table', () => {
    expect(t('xx-YY', 'ask.more')).toBe(tableFor('en')['ask.more']);
    expect(t(undefined, 'ask.more')).toBe(tableFor('en')['ask.more']);
  });

  it('picks a table by language when the region has none ("en-GB" → "en")', () => {
    expect(tableFor('en-GB')).toBe(tableFor('en'));
  });

  it('fills placeholders without re-reading what it inserted', () => {
    expect(t('en', 'error.unknown-command', { name: '{name}' })).toBe(tableFor('en')['error.unknown-command'].replace('{name}', '{name}'));
    expect(t('en', 'ask.title.page', { page: 2, pages: 3 })).not.toMatch(/\{\w+\}/);
  });

  it('has a complete, non-empty table for every language', () => {
    const keys = Object.keys(tableFor('en')).sort();
    for (const language of languages()) {
      const table = tableFor(language);
      expect(Object.keys(table).sort()).toEqual(keys);
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
    }
  });
});
