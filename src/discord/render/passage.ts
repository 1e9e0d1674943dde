// Article passages in Discord markdown: verbatim, the answering sentence in **bold**, the question's matched
// terms __underlined__, and no marker ever touching a URL (Discord would swallow it into the link).
import { formatCitation } from '../../core/citation.ts';
import type { Citation, RankedPassage } from '../../domain/types.ts';
import { ELLIPSIS, escapeText, fitTransformed } from './text.ts';

/** "Article title · Section · ¶N", escaped. */
export function citationText(citation: Citation): string {
  return formatCitation(citation, escapeText);
}

/** Patterns by term list: the same few terms come back with every answer to the same question. */
const termPatterns = new Map<string, RegExp | null>();
/** Bounds the memo: past this many distinct term lists it starts over (a pattern is cheap to rebuild). */
const MAX_TERM_PATTERNS = 1_000;

function termPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  const known = termPatterns.get(key);
  if (known !== undefined) return known;
  if (termPatterns.size >= MAX_TERM_PATTERNS) termPatterns.clear();
  const pattern = buildTermPattern(terms);
  termPatterns.set(key, pattern);
  return pattern;
}

function buildTermPattern(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Discord autolinks a URL up to the next whitespace, markers included, so no markup may touch one. */
const URL_AT_END = /https?:\/\/\S*$/;
/** What every URL URL_AT_END matches contains. */
const URL_MARK = '://';

/** Escapes `text` and underlines the matched terms in it (but never inside a URL). */
function underlineTerms(text: string, pattern: RegExp | null): string {
  if (!pattern || !text) return escapeText(text);
  // Without "://" no URL can run into a term: the per-match check (a scan of everything before it) is skipped.
  const mayHaveUrl = text.includes(URL_MARK);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    // A URL running into the term's end would swallow the closing marker.
    if (mayHaveUrl && URL_AT_END.test(text.slice(0, match.index + match[0].length))) continue;
    out += escapeText(text.slice(last, match.index)) + `__${escapeText(match[0])}__`;
    last = match.index + match[0].length;
  }
  return out + escapeText(text.slice(last));
}

/**
 * A passage, verbatim, with its answering sentence in bold and the question's matched terms underlined,
 * within `max` characters. Markup is applied to the already-cut text, and the bold span never starts or ends
 * on whitespace (Discord would not render it).
 */
export function highlightPassage(passage: Pick<RankedPassage, 'text' | 'sentences' | 'bestSentence' | 'matchedTerms'>, max: number): string {
  const sentence = passage.sentences[passage.bestSentence] ?? '';
  const start = sentence ? passage.text.indexOf(sentence) : -1;
  const pattern = termPattern(passage.matchedTerms);
  return fitTransformed(passage.text, max, (cut) => {
    const truncated = cut.length < passage.text.length;
    const body = truncated ? cut.slice(0, -ELLIPSIS.length) : cut;
    const tail = truncated ? ELLIPSIS : '';
    if (start < 0 || start >= body.length) return underlineTerms(body, pattern) + tail;
    let from = start;
    let to = Math.min(start + sentence.length, body.length);
    while (from < to && /\s/.test(body[from]!)) from++;
    while (to > from && /\s/.test(body[to - 1]!)) to--;
    if (from === to || URL_AT_END.test(body.slice(0, to)) || URL_AT_END.test(body.slice(0, from))) return underlineTerms(body, pattern) + tail;
    return (
      underlineTerms(body.slice(0, from), pattern) +
      `**${underlineTerms(body.slice(from, to), pattern)}**` +
      underlineTerms(body.slice(to), pattern) +
      tail
    );
  });
}
