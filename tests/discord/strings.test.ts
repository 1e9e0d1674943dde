// The string table: lookups by Discord locale with an English fallback, placeholders filled once.
import { describe, expect, it } from 'vitest';
import { askDeclineVars, languages, t, tableFor } from '../../src/discord/strings.ts';

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

  it('words a decline for "which X" with the X the user asked about, escaped for the medium, in each language', () => {
    const result = { answerType: 'kind' as const, detail: 'missile_systems' };
    const escape = (typed: string) => typed.replace(/_/g, '\\_');
    expect(t('en-US', 'decline.no-answer-of-type', askDeclineVars('en-US', result, escape))).toBe('The closest passage gives no particular missile\\_systems, so the article does not answer that.');
    expect(askDeclineVars('fr', result, escape).answerType).toBe('« missile\\_systems » en particulier');
  });
});
