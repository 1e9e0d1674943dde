// The MiniSearch index over passages and the per-unit search that feeds ranking and coverage.
// Each query unit is searched on its own so that we know, per passage, which part of the question it
// answers and how well (exact word, synonym, typo, title only). That is what makes declines possible.
import MiniSearch, { type Options } from 'minisearch';
import { PostingScorer } from './postings.ts';
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

/** The index as plain data (what `index.toJSON()` gives), which a worker thread can hand to the main thread. */
export type PassageIndexData = ReturnType<PassageIndex['toJSON']>;

/** An index from its plain data, in chunks that yield to the event loop (a live reload keeps answering meanwhile). */
export function loadMiniSearchAsync(data: PassageIndexData): Promise<PassageIndex> {
  return MiniSearch.loadJSAsync<IndexedPassage>(data, indexOptions());
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
  /** Whether the word as typed (terms[0]) itself, not a typo or prefix of it, is in some passage's text. */
  typedInText: boolean;
  /** Lexical (BM25) score of every matching passage: passage ids[k] scored scores[k]. */
  ids: Int32Array;
  scores: Float64Array;
  /** How a passage answers the unit (undefined: it does not), worked out when asked: only candidates are. */
  hits: { get(i: number): UnitHit | undefined };
}

const FIELDS = ['text', 'section', 'title', 'context'] as const;
const scorers = new WeakMap<PassageIndex, PostingScorer>();

function scorerOf(index: PassageIndex): PostingScorer {
  let scorer = scorers.get(index);
  if (!scorer) scorers.set(index, (scorer = new PostingScorer(index)));
  return scorer;
}

/** Whether the text (not only a heading) of some passage uses this index term. */
export function termInText(index: PassageIndex, term: string): boolean {
  return scorerOf(index).occursIn(term, 'text');
}

/** Unit results remembered per index: the words of one article recur from question to question. */
const unitMemos = new WeakMap<PassageIndex, Map<string, UnitResult>>();
/** Distinct (terms, options) remembered per index before the memo starts over; each holds a few typed arrays. */
const MAX_MEMO_UNITS = 2_000;
const optionKeys = new WeakMap<SearchOptions, string>();

function optionsKey(options: SearchOptions): string {
  let key = optionKeys.get(options);
  if (key === undefined) optionKeys.set(options, (key = JSON.stringify(options)));
  return key;
}

/**
 * How the passages answer one unit of a question. Depends only on the unit's terms and credits, the options and
 * the index, so it is computed once per distinct unit and shared (with the asking unit put back in).
 */
export function searchUnit(index: PassageIndex, unit: QueryUnit, options: SearchOptions): UnitResult {
  let memo = unitMemos.get(index);
  if (!memo) unitMemos.set(index, (memo = new Map()));
  const key = `${unit.terms.map((t) => `${t.term}\u0000${t.credit}`).join('\u0001')}\u0002${optionsKey(options)}`;
  const known = memo.get(key);
  if (known) return known.unit === unit ? known : { ...known, unit };
  if (memo.size >= MAX_MEMO_UNITS) memo.clear();
  const result = computeUnit(index, unit, options);
  memo.set(key, result);
  return result;
}

function computeUnit(index: PassageIndex, unit: QueryUnit, options: SearchOptions): UnitResult {
  const credits = new Map(unit.terms.map((t) => [t.term, t.credit]));
  const primary = unit.terms[0]!.term;
  const scorer = scorerOf(index);
  // Scores as index.search(terms, OR) with these options would give them (see postings.ts for why not search()).
  const specs = unit.terms.map((t, i) => ({
    term: t.term,
    // Typo tolerance and prefixes only for the word as typed: synonyms are curated, exact words.
    fuzzy: i === 0 && t.term.length >= options.minFuzzyLength ? options.fuzzy : (false as const),
    prefix: i === 0 && t.term.length >= options.minPrefixLength,
    boost: credits.get(t.term) ?? 1,
  }));
  const boosts = FIELDS.map((f): [string, number] => [f, options.boost[f] || 1]);
  const found = scorer.score(specs, boosts, options.maxFuzzy, 'text');
  const details = new Map<number, UnitHit | undefined>();
  const hit = (i: number): UnitHit | undefined => {
    const match = scorer.details(found.derived, [...FIELDS], i);
    if (match.size === 0) return undefined;
    const textTerms = new Map<string, number>();
    let contextCredit = 0;
    for (const [docTerm, fields] of match) {
      const exact = credits.get(docTerm);
      // A doc term that is not one of the unit's terms came from a prefix or a typo of the primary word.
      const termCredit = exact ?? (docTerm.startsWith(primary) || primary.startsWith(docTerm) ? 0.9 : options.fuzzyCredit);
      if (fields.includes('text')) textTerms.set(docTerm, Math.max(textTerms.get(docTerm) ?? 0, termCredit));
      else contextCredit = Math.max(contextCredit, termCredit * (fields.includes('context') ? options.leadInCredit : options.headingCredit));
    }
    const credit = Math.max(contextCredit, ...textTerms.values());
    return { credit, textTerms, contextCredit };
  };
  return {
    unit,
    textMatches: found.textMatches,
    typedInText: scorer.occursIn(primary, 'text'),
    ids: found.ids,
    scores: found.scores,
    hits: { get: (i) => (details.has(i) ? details.get(i) : details.set(i, hit(i)).get(i)) },
  };
}

/**
 * The `depth` passages with the highest lexical score summed over the units, best first, as [passage, score].
 * A bounded selection instead of sorting every match: a common word matches most of a big archive.
 * Equal scores keep the earlier passage.
 */
export function topLexical(results: UnitResult[], depth: number): Array<[number, number]> {
  if (depth < 1) return [];
  let size = 0;
  for (const r of results) for (const id of r.ids) size = Math.max(size, id + 1);
  // Dense sums over passage ids (typed arrays: no Map entry per matching passage), summed in unit order.
  const sums = new Float64Array(size);
  const seen = new Uint8Array(size);
  const matched: number[] = [];
  for (const r of results) {
    for (let k = 0; k < r.ids.length; k++) {
      const id = r.ids[k]!;
      sums[id] = sums[id]! + r.scores[k]!;
      if (!seen[id]) {
        seen[id] = 1;
        matched.push(id);
      }
    }
  }
  const top: Array<[number, number]> = [];
  const before = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const id of matched) {
    const last = top[depth - 1];
    if (last && (sums[id]! < last[1] || (sums[id] === last[1] && id > last[0]))) continue;
    const entry: [number, number] = [id, sums[id]!];
    let at = Math.min(top.length, depth - 1);
    if (top.length < depth) top.push(entry);
    else top[at] = entry;
    while (at > 0 && before(top[at]!, top[at - 1]!)) {
      [top[at], top[at - 1]] = [top[at - 1]!, top[at]!];
      at--;
    }
  }
  return top;
}
