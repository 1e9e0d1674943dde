// Cutting and escaping text for Discord: every text cut at a word or line boundary with a visible "…", before
// markup is added, so a cut never splits an escape or a marker; everything echoed is markdown-escaped.
import { escapeMarkdown } from '@discordjs/formatters';

export const ELLIPSIS = '…';

export type Boundary = 'word' | 'line';

/**
 * Cuts `text` to at most `max` characters. If it has to cut, it ends at the last line break ('line') or
 * whitespace ('word', also the fallback for 'line') and appends "…". A single word longer than half the room is
 * cut inside (still with "…"). Never splits a surrogate pair or leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number, boundary: Boundary = 'word'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const room = text.slice(0, max - 1);
  let cut = -1;
  if (boundary === 'line') cut = room.lastIndexOf('\n');
  if (cut < room.length / 2) cut = Math.max(cut, lastWhitespace(room));
  if (cut < room.length / 2) cut = room.length;
  let kept = room.slice(0, cut).trimEnd();
  // A lone high surrogate at the end is half a character (an emoji, say): drop it.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  // An odd run of backslashes at the end would escape the "…" (and shows up as a stray backslash).
  const slashes = /\\+$/.exec(kept)?.[0].length ?? 0;
  if (slashes % 2 === 1) kept = kept.slice(0, -1);
  return `${kept}${ELLIPSIS}`;
}

function lastWhitespace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}

/**
 * A text matching none of these is returned unchanged by every escaper escapeText applies: `\\`, `` ` ``, `*`, `_`,
 * `~`, `|`, `#` and `[` are what the inline escapers, headings and masked links act on; the rest are line starts
 * (a "-" or "*" list, "> " and "-#", "1." numbering). Over-matching is harmless (the text is then escaped as before).
 */
const MARKDOWN_SENSITIVE = /[\\`*_~|#[]|^\s*[->]|^ *\d+\./m;

/**
 * Markdown-escapes text shown to users (questions, names, article text), including the line-start syntax
 * escapeMarkdown leaves alone by default: headings, lists, masked links. Block quotes ("> ") and subtext
 * ("-# ") are not covered by escapeMarkdown at all, so those two are escaped here.
 */
export function escapeText(text: string): string {
  // Most article text has none of these, and escaping is the costliest step of a reply (escapeMarkdown's italic
  // pattern looks behind at every position): skip it when it cannot change anything.
  if (!MARKDOWN_SENSITIVE.test(text)) return text;
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped.replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/**
 * Truncates, then transforms (escapes, marks up), and shrinks until the transformed text fits `max`: the cut
 * happens on the raw text, so it can never split an escape sequence or a markdown marker.
 */
export function fitTransformed(raw: string, max: number, transform: (cut: string) => string, boundary: Boundary = 'word'): string {
  let budget = max;
  for (;;) {
    const out = transform(truncate(raw, budget, boundary));
    if (out.length <= max) return out;
    if (budget === 0) return max > 0 ? ELLIPSIS : '';
    // Shrink the raw cut by the overflow (at least one character) and try again.
    budget = Math.max(0, budget - Math.max(1, out.length - max));
  }
}

/** Escaped user or article text, at most `max` characters. */
export function fitEscaped(raw: string, max: number, boundary: Boundary = 'word'): string {
  return fitTransformed(raw, max, escapeText, boundary);
}
