// Text from users (questions in the question log) printed to an operator's terminal must not drive it: an
// ESC ] 52 … BEL writes the clipboard, ESC [2J clears the screen, a bidi override reorders what is shown.
// Every such character is shown instead of sent: C0 controls as their Unicode control pictures (␛, ␇, ␊),
// DEL as ␡, C1 controls and bidi embeddings/overrides/isolates as \u{…}. JSON output stays faithful: the
// same characters become JSON \u escapes, so a parser gets the exact text back (escapeJsonText).
// Written here rather than taken from a library: strip-ansi and the like remove known escape sequences but
// leave lone controls (BEL, CR, C1) in place, and removing would hide what the user actually sent.

/** C0 controls, DEL, C1 controls, bidi embeddings and overrides (U+202A–202E), bidi isolates (U+2066–2069). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** The same minus C0, which JSON.stringify escapes inside strings (and whose \n, \t format the JSON itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

const CONTROL_PICTURES = 0x2400;
const DEL_PICTURE = '\u2421';

function show(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(CONTROL_PICTURES + code);
  if (code === 0x7f) return DEL_PICTURE;
  return `\\u{${code.toString(16)}}`;
}

/** The text with every terminal control character made visible; everything else unchanged. */
export function visible(text: string): string {
  return text.replace(UNSAFE, show);
}

/**
 * JSON text with the same characters as \uXXXX escapes. JSON.stringify escapes C0 controls but leaves DEL, C1
 * controls and bidi controls raw, which a terminal showing the JSON would still act on. They can only occur
 * inside JSON strings, where an escape means the same character: a parser gets the exact text back.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
