// Specification of the commitments: the bullet list a "measures … will undertake" sentence introduces, each
// item cited and attributed to the party that sentence names; a party filter that understands aliases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractCommitments } from '../../src/domain/commitments.ts';
import type { Party } from '../../src/domain/curated.ts';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';
import { splitSentences } from '../../src/domain/text.ts';
import type { Passage } from '../../src/domain/types.ts';

const CORPUS = join(import.meta.dirname, '../../corpus');
const SOURCE = join(import.meta.dirname, '../fixtures/source/uk-france-pact.txt');

let engine: Engine;
let parties: Party[];
let bullets: string[];
beforeAll(() => {
  const corpus = loadCorpus(CORPUS);
  engine = createEngine(corpus);
  parties = corpus.curated.parties;
  bullets = readFileSync(SOURCE, 'utf8')
    .split('\n')
    .filter((l) => /^\s*•/.test(l))
    .map((l) => l.replace(/^\s*•\s*/, '').trim());
});

/** Synthetic passages: strings starting with "- " are list items. */
function passages(...texts: string[]): Passage[] {
  return texts.map((raw, i) => {
    const text = raw.replace(/^- /, '');
    return {
      id: `t#${i + 1}`,
      articleId: 't',
      articleTitle: 'Test',
      section: null,
      paragraph: i + 1,
      kind: raw.startsWith('- ') ? 'item' : 'paragraph',
      text,
      sentences: splitSentences(text),
      line: i + 1,
    };
  });
}

describe('engine.commitments()', () => {
  it('lists the bullet items of the article in order', () => {
    const r = engine.commitments();
    expect(r.answered).toBe(true);
    expect(bullets.length).toBeGreaterThan(0);
    expect(r.commitments.map((c) => c.text)).toEqual(bullets);
  });

  it('attributes them to the United Kingdom, which "will undertake" them, and keeps the introducing sentence', () => {
    for (const c of engine.commitments().commitments) {
      expect(c.party).toBe('United Kingdom');
      expect(c.introducedBy).toMatch(/the UK will undertake/);
      expect(readFileSync(SOURCE, 'utf8')).toContain(c.introducedBy);
    }
  });

  it('cites each item with its own paragraph number, section and article', () => {
    for (const c of engine.commitments().commitments) {
      const passage = engine.passages.find((p) => p.text === c.text)!;
      expect(passage.kind).toBe('item');
      expect(c.citation).toEqual({ articleId: passage.articleId, articleTitle: passage.articleTitle, section: passage.section, paragraph: passage.paragraph });
    }
  });

  it('filters by party, understanding aliases ("Britain", "uk")', () => {
    const all = engine.commitments().commitments;
    for (const party of ['Britain', 'uk', 'United Kingdom', 'the UK']) {
      expect(engine.commitments(party), party).toEqual({ answered: true, party: 'United Kingdom', commitments: all });
    }
  });

  it('says when the article lists none for a party it names (France)', () => {
    const r = engine.commitments('France');
    expect(r).toMatchObject({ answered: false, party: 'France', reason: 'no-commitments', commitments: [] });
    expect(r.answered ? [] : r.suggestions.map((s) => s.label)).toEqual(['United Kingdom']);
  });

  it('says when a party is unknown, and suggests the parties that commit', () => {
    const r = engine.commitments('Narnia');
    expect(r).toMatchObject({ answered: false, party: 'Narnia', reason: 'unknown-party', commitments: [] });
    expect(r.answered ? [] : r.suggestions.map((s) => s.label)).toEqual(['United Kingdom']);
  });

  it('treats an empty party as no filter', () => {
    expect(engine.commitments('  ')).toEqual(engine.commitments());
  });
});

describe('extractCommitments', () => {
  it('attributes a list to the party that "will" carry it out, not the first one named', () => {
    const r = extractCommitments(passages('With the UK watching, France will honour these commitments:', '- Sending engineers.', '- Training pilots.', 'After.'), parties);
    expect(r.map((c) => [c.party, c.text])).toEqual([
      ['France', 'Sending engineers.'],
      ['France', 'Training pilots.'],
    ]);
  });

  it('falls back to the first party named when none "will"', () => {
    const r = extractCommitments(passages('The measures agreed with Ukraine and Britain include:', '- A fund.'), parties);
    expect(r.map((c) => c.party)).toEqual(['Ukraine']);
  });

  it('ignores a list that no commitment sentence introduces', () => {
    expect(extractCommitments(passages('The guests included:', '- Ministers.', '- Generals.'), parties)).toEqual([]);
  });

  it('ignores a list whose lead-in does not end with a colon', () => {
    expect(extractCommitments(passages('France will undertake several measures.', '- A fund.'), parties)).toEqual([]);
  });
});
