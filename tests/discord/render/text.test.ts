// escapeText skips escaping a text that cannot need it; these properties say the shortcut never changes a
// byte: for any text, the result is what the full escape (escapeMarkdown with the line-start options, then
// block quotes and subtext) gives, and highlighting (which escapes each segment between marked terms) stays
// safe around URLs and markdown characters.
import { escapeMarkdown } from '@discordjs/formatters';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, fitEscaped } from '../../../src/discord/render/text.ts';
import { highlightPassage } from '../../../src/discord/render/passage.ts';

/** The escape as specified, without any shortcut. */
function fullEscape(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped.replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/** Texts dense in what markdown and its escapers react to, mixed with plain words. */
const PIECES = [
  ...'ab .1\n\t\r@<>:/()[]*_~|#-`\\'.split(''),
  'word', 'pact ', 'UK', '\n- ', '\n* ', '\n1. ', '  > ', '-# ', '## ', '```', '``', '||', '~~', '__', '**',
  '[link](url)', 'http://a_b*c', 'https://x.y/__z__ ', '<a:name:123>', '<https://q/_r_>', '\u2028', 'é',
];
const markdownish = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((parts) => parts.join(''));

describe('escapeText', () => {
  it('gives exactly the full escape for any text, including texts with nothing to escape', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string({ maxLength: 80 })), (text) => {
        expect(escapeText(text)).toBe(fullEscape(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('returns plain prose as it is', () => {
    const prose = 'The UK and France signed a pact on 10 January 2026 - a first since 1904.';
    expect(escapeText(prose)).toBe(prose);
  });

  it('escapes a list marker, a heading or a quote only at the start of a line', () => {
    expect(escapeText('- item')).toBe('\\- item');
    expect(escapeText('a\n> quoted')).toBe('a\n\\> quoted');
    expect(escapeText('2026. A year')).toBe('2026\\. A year');
    expect(escapeText('a - b > c 2026. d')).toBe('a - b > c 2026. d');
  });
});

describe('fitting escaped text', () => {
  it('cuts the raw text, never an escape, and fits the room', () => {
    fc.assert(
      fc.property(markdownish, fc.integer({ min: 0, max: 200 }), (text, max) => {
        const out = fitEscaped(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (fullEscape(text).length <= max) expect(out).toBe(fullEscape(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('underlines terms in escaped segments, and never inside a URL', () => {
    const passage = (text: string, matchedTerms: string[]) => ({ text, sentences: [text], bestSentence: 0, matchedTerms });
    expect(highlightPassage(passage('The *pact* holds.', ['pact']), 200)).toBe('**The \\*__pact__\\* holds.**');
    expect(highlightPassage(passage('The pact holds; see https://x.y/pact', ['pact']), 200)).toBe('The __pact__ holds; see https://x.y/pact');
    expect(highlightPassage(passage('- pact here', ['pact']), 200)).toBe('**\\- __pact__ here**');
  });
});
