// Strict UTF-8: the corpus is quoted verbatim, so a byte sequence that is not UTF-8 must stop the file, not
// become U+FFFD inside a "verbatim" quote. The platform decoder does the checking (TextDecoder, fatal); its
// error gives no position, so the offset is found by a second, lenient decode: the text before its first
// replacement character that the file did not itself contain is valid, and its UTF-8 length is the offset.

export type Utf8Result = { ok: true; text: string } | { ok: false; byteOffset: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf8 = new TextEncoder();
const REPLACEMENT = '\ufffd';
/** U+FFFD written in the file itself, as UTF-8 (valid, not a decoding error). */
const REPLACEMENT_BYTES = [0xef, 0xbf, 0xbd];

/** Decodes `bytes` as UTF-8 (a byte-order mark is kept, as Node's 'utf8' does); refuses any invalid byte. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, byteOffset: firstInvalidByte(bytes) };
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  const text = lenient.decode(bytes);
  let offset = 0;
  let from = 0;
  for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
    offset += utf8.encode(text.slice(from, at)).length;
    if (!REPLACEMENT_BYTES.every((b, i) => bytes[offset + i] === b)) return offset;
    offset += REPLACEMENT_BYTES.length;
    from = at + 1;
  }
  // Unreachable when the strict decode failed; the end of the input is the honest answer if it ever is.
  return bytes.length;
}
