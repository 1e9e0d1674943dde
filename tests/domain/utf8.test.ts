// Strict UTF-8 for the corpus: valid text decodes as Node's own decoder does; the first invalid byte is
// found exactly; a file with one is refused by loadCorpus with its name and the byte offset.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/domain/corpus.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { decodeUtf8 } from '../../src/domain/utf8.ts';

const strictlyValid = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('decodeUtf8', () => {
  it('decodes any valid text exactly, a byte-order mark and a literal U+FFFD included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
        const full = `${bom ? '\ufeff' : ''}${text}\ufffd`;
        expect(decodeUtf8(Buffer.from(full, 'utf8'))).toEqual({ ok: true, text: full });
      }),
    );
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x62, 0x80, 0x63], 2],
    ['an overlong encoding', [0x61, 0xc0, 0xaf], 1],
    ['a truncated sequence at the end', [0x61, 0xe2, 0x82], 1],
    ['a UTF-16 surrogate', [0x61, 0x62, 0x63, 0xed, 0xa0, 0x80], 3],
    ['Latin-1 after a literal U+FFFD', [0xef, 0xbf, 0xbd, 0x63, 0x61, 0x66, 0xe9], 6],
  ])('refuses %s, at its byte offset', (_name, bytes, offset) => {
    expect(decodeUtf8(Uint8Array.from(bytes))).toEqual({ ok: false, byteOffset: offset });
  });

  it('for any bytes: refused exactly when invalid; everything before the offset is valid, nothing through it is', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const result = decodeUtf8(bytes);
        expect(result.ok).toBe(strictlyValid(bytes));
        if (result.ok) return;
        expect(strictlyValid(bytes.subarray(0, result.byteOffset))).toBe(true);
        for (let end = result.byteOffset + 1; end <= Math.min(bytes.length, result.byteOffset + 4); end++) {
          expect(strictlyValid(bytes.subarray(0, end))).toBe(false);
        }
      }),
    );
  });
});

describe('loadCorpus and invalid UTF-8', () => {
  it('refuses an article with a Latin-1 byte, naming the file and the byte offset (no U+FFFD is ever served)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pactbot-utf8-'));
    try {
      cpSync('corpus', dir, { recursive: true });
      const head = Buffer.from('---\ntitle: Caf\u00e9 Talks\ndate: 2026-01-20\n---\n\n# Cafe Talks\n\nThe talks were held at a caf', 'utf8');
      writeFileSync(join(dir, 'latin1.md'), Buffer.concat([head, Buffer.from([0xe9]), Buffer.from(' in Paris.\n')]));
      expect(() => loadCorpus(dir)).toThrow(CorpusError);
      expect(() => loadCorpus(dir)).toThrow(new RegExp(`latin1\\.md:0: not valid UTF-8 at byte ${head.length}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
