import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMessage, DEFAULT_CHECK_OPTIONS } from '../../src/domain/check.ts';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { splitSentences } from '../../src/domain/text.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
let engine: Engine;
let corpusText: string;

beforeAll(() => {
  engine = createEngine(loadCorpus(CORPUS));
  corpusText = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(CORPUS, f), 'utf8'))
    .join('\n')
    .replace(/\s+/g, ' ');
});

// Claims built from the article itself, so the expectations follow the corpus rather than a hard-coded answer.
const COVERED = 'The UK will provide long-term arms supplies to Ukraine.';
const UNCOVERED = 'The price of bread went up in Lyon last winter.';

describe('checkMessage', () => {
  it('checks a one-sentence message whole, with the passages the engine finds for it', () => {
    const result = checkMessage(engine, `  ${COVERED}  `);
    expect(result.whole).toBe(true);
    expect(result.claims.map((c) => c.text)).toEqual([COVERED]);
    const asked = engine.ask(COVERED);
    expect(asked.answered).toBe(true);
    expect(result.claims[0]!.status).toBe('addressed');
    expect(result.claims[0]!.passages[0]!.text).toBe(asked.passages[0]!.text);
    expect(result.claims[0]!.answer).toBe(asked.answered ? asked.answer : null);
    expect(result.addressed).toBe(1);
  });

  it('checks a message of several sentences sentence by sentence', () => {
    const message = `${COVERED} ${UNCOVERED}`;
    const result = checkMessage(engine, message);
    expect(result.whole).toBe(false);
    expect(result.claims.map((c) => c.text)).toEqual(splitSentences(message));
    expect(result.claims.map((c) => c.status)).toEqual(['addressed', 'not-addressed']);
    expect(result.addressed).toBe(1);
  });

  it('says plainly when the article does not address a claim: no passage at all, and why', () => {
    const asked = engine.ask(UNCOVERED);
    expect(asked.answered).toBe(false);
    const [claim] = checkMessage(engine, UNCOVERED).claims;
    expect(claim).toMatchObject({ status: 'not-addressed', passages: [], answer: null, reason: asked.answered ? null : asked.reason });
  });

  it('tells a sentence with nothing to check from a claim the article misses', () => {
    const result = checkMessage(engine, `Really? ${COVERED}`);
    expect(result.claims.map((c) => c.status)).toEqual(['no-claim', 'addressed']);
  });

  it('returns no claim for an empty message', () => {
    expect(checkMessage(engine, '   ')).toMatchObject({ claims: [], addressed: 0, unchecked: 0, whole: true });
  });

  it('skips punctuation-only fragments and counts sentences past the limit as unchecked', () => {
    const sentences = Array.from({ length: DEFAULT_CHECK_OPTIONS.maxClaims + 3 }, (_, i) => `Claim number ${i + 1} about troops.`);
    const result = checkMessage(engine, `${sentences.join(' ')} ... !!!`);
    expect(result.claims).toHaveLength(DEFAULT_CHECK_OPTIONS.maxClaims);
    expect(result.unchecked).toBe(3);
  });

  it('keeps at most passagesPerClaim passages, each verbatim from the article', () => {
    const result = checkMessage(engine, `${COVERED} Macron and Starmer signed the declaration in Paris.`, { passagesPerClaim: 1 });
    for (const claim of result.claims) {
      expect(claim.passages.length).toBeLessThanOrEqual(1);
      for (const p of claim.passages) expect(corpusText).toContain(p.text);
    }
  });

  it('never throws and never exceeds its limits, whatever the message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (message) => {
        const result = checkMessage(engine, message, { maxClaims: 3, passagesPerClaim: 2 });
        expect(result.claims.length).toBeLessThanOrEqual(3);
        expect(result.addressed).toBe(result.claims.filter((c) => c.status === 'addressed').length);
        for (const c of result.claims) {
          expect(c.passages.length).toBeLessThanOrEqual(2);
          expect(c.status === 'addressed').toBe(c.passages.length > 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
