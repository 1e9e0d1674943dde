// Every table of fixed strings (each command's and the transport's): complete in every language, no blank
// sentence, the same placeholders in every language, and no key worded in two places.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { ASK_STRINGS, declineSentence } from '../../src/commands/ask/strings.ts';
import { LANGUAGES, translator } from '../../src/core/language.ts';
import { STRINGS } from '../../src/discord/strings.ts';

const TABLES = [['transport', STRINGS] as const, ...COMMANDS.map((c) => [c.data.name, c.strings] as const)];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('string tables', () => {
  for (const [owner, strings] of TABLES) {
    it(`${owner}: every language has every key, none blank, with the same placeholders`, () => {
      const en = strings.en as Record<string, string>;
      for (const language of LANGUAGES) {
        const table = strings[language] as Record<string, string>;
        expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
        for (const [key, value] of Object.entries(table)) {
          expect(value.trim(), `${language} ${key}`).not.toBe('');
          expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(en[key]!));
        }
      }
    });
  }

  it('words each key in one table only', () => {
    const keys = TABLES.flatMap(([, strings]) => Object.keys(strings.en));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('/ask decline sentences', () => {
  const t = translator(ASK_STRINGS);
  const decline = (answerType: 'kind', detail: string) => ({ answered: false as const, question: '', reason: 'no-answer-of-type' as const, answerType, detail, suggestions: [], passages: [] });

  it('words a decline for "which X" with the X the user asked about, escaped for the medium, in each language', () => {
    const escape = (typed: string) => typed.replace(/_/g, '\\_');
    expect(declineSentence(t, 'en-US', decline('kind', 'missile_systems'), escape)).toBe('The closest passage gives no particular missile\\_systems, so the article does not answer that.');
    expect(declineSentence(t, 'fr', decline('kind', 'missile_systems'), escape)).toContain('« missile\\_systems » en particulier');
  });
});
