// The MiniSearch index over passages and the per-unit search that feeds ranking and coverage.
// Each query unit is searched on its own so that we know, per passage, which part of the question it
// answers and how well (exact word, synonym, typo, title only). That is what makes declines possible.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Passage } from './types.ts';
import { processWord, tokens } from './text.ts';
import type { QueryUnit } from './query.ts';

export interface SearchOptions {
  /** Field boosts: text is what answers, section and title only help to place it. */
  boost: { text: number; section: number; title: number; context: number };
  /** Words shorter than this get no typo tolerance ("war" must not match "was"). */
  minFuzzyLength: number;
  /** Allowed edits as a share of word length (0.2: one typo in 5–9 letters, two from 10). */
  fuzzy: number;
  /** Upper bound on edits, whatever the word length: bounds the cost of fuzzy expansion on big vocabularies. */
  maxFuzzy: number;
  /** Words at least this long also match longer words they start ("commit" -> "commitments"). */
  minPrefixLength: number;
  /** Credit for a unit matched through a typo or a prefix instead of exactly. */
  fuzzyCredit: number;
  /** Credit for a unit matched only in the section heading or title, not in the passage text. */
  headingCredit: number;
  /** Credit for a unit matched in a list item's lead-in: it names who does what the item says. */
  leadInCredit: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  boost: { text: 1, section: 1.5, title: 0.5, context: 0.3 },
  minFuzzyLength: 5,
  fuzzy: 0.2,
  maxFuzzy: 2,
  minPrefixLength: 5,
  fuzzyCredit: 0.75,
  headingCredit: 0.5,
  leadInCredit: 0.8,
};

interface IndexedPassage {
  i: number;
  text: string;
  section: string;
  title: string;
  /** For a list item, the paragraph that introduces the list ("measures the UK will undertake. These include:"). */
  context: string;
}

export type PassageIndex = MiniSearch<IndexedPassage>;

export function buildMiniSearch(passages: Passage[]): PassageIndex {
  const index = createMiniSearch();
  index.addAll(
    passages.map((p, i) => {
      let lead = i - 1;
      while (p.kind === 'item' && lead >= 0 && passages[lead]!.kind === 'item') lead--;
      const intro = p.kind === 'item' && lead >= 0 && passages[lead]!.articleId === p.articleId ? passages[lead]!.text : '';
      return { i, text: p.text, section: p.section ?? '', title: p.articleTitle, context: intro };
    }),
  );
  return index;
}

/** The index configuration, shared by build and by loading a persisted index (they must agree). */
export function createMiniSearch(): PassageIndex {
  return new MiniSearch<IndexedPassage>(indexOptions());
}

/** A persisted index (`JSON.stringify(index)`), read back with the configuration it was built with. */
export function loadMiniSearch(json: string): PassageIndex {
  return MiniSearch.loadJSON<IndexedPassage>(json, indexOptions());
}

function indexOptions(): Options<IndexedPassage> {
  return {
    idField: 'i',
    fields: ['text', 'section', 'title', 'context'],
    tokenize: (text) => tokens(text).map((t) => t.surface),
    // Stop words never enter the index: they would match nearly every passage and slow every query.
    processTerm: (term) => processWord(term),
  };
}

/** How one passage answers one unit of the question. */
export interface UnitHit {
  score: number;
  /** 0..1: 1 for the word itself in the text, less for synonyms, typos or a heading-only match. */
  credit: number;
  /** Index terms of this passage's text that matched, with their credit (for highlighting and the best sentence). */
  textTerms: Map<string, number>;
  /** Credit earned outside the text (heading, title, lead-in): it applies to every sentence of the passage. */
  contextCredit: number;
}

export interface UnitResult {
  unit: QueryUnit;
  /** Passages whose text (not just heading) matches: the basis of the unit's rarity. */
  textMatches: number;
  hits: Map<number, UnitHit>;
}

export function searchUnit(index: PassageIndex, unit: QueryUnit, options: SearchOptions): UnitResult {
  const credits = new Map(unit.terms.map((t) => [t.term, t.credit]));
  const primary = unit.terms[0]!.term;
  const results: SearchResult[] = index.search(unit.terms.map((t) => t.term).join(' '), {
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    combineWith: 'OR',
    boost: options.boost,
    boostTerm: (term) => credits.get(term) ?? 1,
    // Typo tolerance and prefixes only for the word as typed: synonyms are curated, exact words.
    fuzzy: (term, i) => (i === 0 && term.length >= options.minFuzzyLength ? options.fuzzy : false),
    maxFuzzy: options.maxFuzzy,
    prefix: (term, i) => i === 0 && term.length >= options.minPrefixLength,
  });
  const hits = new Map<number, UnitHit>();
  let textMatches = 0;
  for (const r of results) {
    const textTerms = new Map<string, number>();
    let contextCredit = 0;
    for (const [docTerm, fields] of Object.entries(r.match)) {
      const exact = credits.get(docTerm);
      // A doc term that is not one of the unit's terms came from a prefix or a typo of the primary word.
      const termCredit = exact ?? (docTerm.startsWith(primary) || primary.startsWith(docTerm) ? 0.9 : options.fuzzyCredit);
      if (fields.includes('text')) textTerms.set(docTerm, Math.max(textTerms.get(docTerm) ?? 0, termCredit));
      else contextCredit = Math.max(contextCredit, termCredit * (fields.includes('context') ? options.leadInCredit : options.headingCredit));
    }
    if (textTerms.size > 0) textMatches++;
    const credit = Math.max(contextCredit, ...textTerms.values());
    hits.set(r.id as number, { score: r.score, credit, textTerms, contextCredit });
  }
  return { unit, textMatches, hits };
}
