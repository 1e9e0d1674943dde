// Scores one query unit straight from MiniSearch's postings, with MiniSearch's own formula and term expansion
// (BM25+, prefix and typo weights, field boosts, the "quality" factor), so the scores are identical to
// `index.search(...)` with the same options — but into reusable typed arrays instead of one result object,
// match map and field list per passage. On a 100k-passage archive a common word matches tens of thousands of
// passages; building and sorting those objects was most of the cost of a question (and most of its garbage).
// Only the passages that make the shortlist are then looked at in detail (`details`).
//
// It reads MiniSearch internals, so minisearch is pinned to an exact version and tests/domain/postings.test.ts
// compares every score with index.search() on the real corpus and a synthetic one: an upgrade that changes the
// internals fails there, not in production.
type Postings = Map<number, number>; // short document id -> term frequency
type FieldPostings = Map<number, Postings>; // field id -> postings

interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _nextId: number;
}

/** MiniSearch's defaults (we pass neither `bm25` nor `weights`). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

export interface QuerySpec {
  term: string;
  /** As MiniSearch's `fuzzy` option returns it for this term: false, an edit share (< 1) or a distance. */
  fuzzy: number | false;
  prefix: boolean;
  boost: number;
}

export interface UnitScores {
  /** Matching passages (by `i`, the index's document id) and their scores, in matching order. */
  ids: Int32Array;
  scores: Float64Array;
  /** Passages with at least one matching term in `textField`. */
  textMatches: number;
  /** Every index term the unit matched, with the query term it came from and whether by prefix/typo. */
  derived: Array<{ term: string; data: FieldPostings; source: string }>;
}

/** How one passage matches: the index terms it contains, with the fields they are in. */
export type Details = Map<string, string[]>;

export class PostingScorer {
  private readonly ms: Internals;
  private readonly size: number;
  /** `i` of each short document id: they coincide for an index built in order, but a loaded one says so itself. */
  private readonly externalId: Int32Array;
  private readonly fieldLengths: Uint32Array[];
  // Scratch space, reused by every call (questions are answered one at a time: ask() is synchronous).
  private readonly termScore: Float64Array;
  private readonly unitScore: Float64Array;
  private readonly quality: Uint16Array;
  private readonly termStamp: Int32Array;
  private readonly unitStamp: Int32Array;
  private readonly textStamp: Int32Array;
  private readonly touched: Int32Array;
  private readonly termTouched: Int32Array;
  private stamp = 0;

  /** `index`: a MiniSearch instance (typed loosely: only its internals are read). */
  constructor(index: object) {
    const ms = index as unknown as Internals;
    if (!(ms._index && ms._fieldLength instanceof Map && ms._documentIds instanceof Map && Array.isArray(ms._avgFieldLength))) {
      throw new Error('postings: this minisearch version does not have the internals the scorer reads (see postings.ts)');
    }
    if (ms._documentIds.size !== ms._nextId) throw new Error('postings: the index has removed documents; engines rebuild their index instead');
    this.ms = ms;
    this.size = ms._nextId;
    this.externalId = new Int32Array(this.size);
    for (const [short, id] of ms._documentIds) this.externalId[short] = id as number;
    const fields = Object.keys(ms._fieldIds).length;
    this.fieldLengths = Array.from({ length: fields }, () => new Uint32Array(this.size));
    for (const [short, lengths] of ms._fieldLength) lengths.forEach((l, f) => (this.fieldLengths[f]![short] = l ?? 0));
    this.termScore = new Float64Array(this.size);
    this.unitScore = new Float64Array(this.size);
    this.quality = new Uint16Array(this.size);
    this.termStamp = new Int32Array(this.size);
    this.unitStamp = new Int32Array(this.size);
    this.textStamp = new Int32Array(this.size);
    this.touched = new Int32Array(this.size);
    this.termTouched = new Int32Array(this.size);
  }

  /** Scores of every passage matching any of `specs` (OR), as index.search(specs as a query) would give them. */
  score(specs: QuerySpec[], fieldBoosts: Array<[string, number]>, maxFuzzy: number, textField: string): UnitScores {
    const ms = this.ms;
    const unitStamp = this.nextStamp();
    const textStamp = unitStamp;
    const textId = ms._fieldIds[textField];
    let touched = 0;
    let textMatches = 0;
    const derived: UnitScores['derived'] = [];
    // The quality factor counts the distinct query terms a passage matched; a repeated term counts once.
    const repeated = new Set(specs.map((s) => s.term).filter((t, k, all) => all.indexOf(t) !== k));
    const matchedBy = new Map<string, Set<number>>();

    for (const spec of specs) {
      const termStamp = this.nextStamp();
      let termTouched = 0;
      const seen = repeated.has(spec.term) ? (matchedBy.get(spec.term) ?? matchedBy.set(spec.term, new Set()).get(spec.term)!) : null;
      for (const { term, data, weight } of this.expand(spec, maxFuzzy)) {
        derived.push({ term, data, source: spec.term });
        for (const [field, boost] of fieldBoosts) {
          const fieldId = ms._fieldIds[field]!;
          const postings = data.get(fieldId);
          if (!postings) continue;
          // Same expression, same order of operations as MiniSearch's termResults/calcBM25Score.
          const df = postings.size;
          const idf = Math.log(1 + (ms._documentCount - df + 0.5) / (df + 0.5));
          const avg = ms._avgFieldLength[fieldId]!;
          const lengths = this.fieldLengths[fieldId]!;
          const factor = weight * spec.boost * boost;
          const isText = fieldId === textId;
          const { termStamp: stamps, termScore: scores, termTouched: touchedList, textStamp: texts } = this;
          // forEach, not for…of: no entry array per posting (a quarter faster on common words).
          postings.forEach((tf, doc) => {
            const raw = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * lengths[doc]!) / avg)));
            if (stamps[doc] !== termStamp) {
              stamps[doc] = termStamp;
              scores[doc] = factor * raw;
              touchedList[termTouched++] = doc;
            } else scores[doc] = scores[doc]! + factor * raw;
            if (isText && texts[doc] !== textStamp) {
              texts[doc] = textStamp;
              textMatches++;
            }
          });
        }
      }
      // OR-combine this term's scores into the unit's, as MiniSearch's combinator does (in query term order).
      for (let k = 0; k < termTouched; k++) {
        const doc = this.termTouched[k]!;
        if (this.unitStamp[doc] !== unitStamp) {
          this.unitStamp[doc] = unitStamp;
          this.unitScore[doc] = this.termScore[doc]!;
          this.quality[doc] = 0;
          this.touched[touched++] = doc;
        } else this.unitScore[doc] = this.unitScore[doc]! + this.termScore[doc]!;
        if (!seen) this.quality[doc] = this.quality[doc]! + 1;
        else if (!seen.has(doc)) {
          seen.add(doc);
          this.quality[doc] = this.quality[doc]! + 1;
        }
      }
    }

    const ids = new Int32Array(touched);
    const scores = new Float64Array(touched);
    for (let k = 0; k < touched; k++) {
      const doc = this.touched[k]!;
      ids[k] = this.externalId[doc]!;
      scores[k] = this.unitScore[doc]! * (this.quality[doc]! || 1);
    }
    return { ids, scores, textMatches, derived };
  }

  /** The index terms of `derived` that passage `id` contains, with their fields (MiniSearch's `match`). */
  details(derived: UnitScores['derived'], fieldNames: string[], id: number): Details {
    // Built in order, short ids and `i` coincide; checked rather than assumed.
    const doc = this.externalId[id] === id ? id : this.externalId.indexOf(id);
    const match: Details = new Map();
    for (const { term, data } of derived) {
      if (match.has(term)) continue;
      const fields = fieldNames.filter((f) => data.get(this.ms._fieldIds[f]!)?.has(doc));
      if (fields.length > 0) match.set(term, fields);
    }
    return match;
  }

  /** Whether `term` itself occurs in `field` of any passage. */
  occursIn(term: string, field: string): boolean {
    return (this.ms._index.get(term)?.get(this.ms._fieldIds[field]!)?.size ?? 0) > 0;
  }

  /** The exact term, then its prefix extensions, then its typo neighbours, weighted as MiniSearch weighs them. */
  private expand(spec: QuerySpec, maxFuzzy: number): Array<{ term: string; data: FieldPostings; weight: number }> {
    const index = this.ms._index;
    const out: Array<{ term: string; data: FieldPostings; weight: number }> = [];
    const exact = index.get(spec.term);
    if (exact) out.push({ term: spec.term, data: exact, weight: 1 });
    const prefixMatches = spec.prefix ? index.atPrefix(spec.term) : undefined;
    let fuzzyMatches: Map<string, [FieldPostings, number]> | undefined;
    if (spec.fuzzy !== false) {
      const maxDistance = spec.fuzzy < 1 ? Math.min(maxFuzzy, Math.round(spec.term.length * spec.fuzzy)) : spec.fuzzy;
      if (maxDistance) fuzzyMatches = index.fuzzyGet(spec.term, maxDistance);
    }
    if (prefixMatches) {
      for (const [term, data] of prefixMatches) {
        const distance = term.length - spec.term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(term);
        out.push({ term, data, weight: (WEIGHTS.prefix * term.length) / (term.length + 0.3 * distance) });
      }
    }
    if (fuzzyMatches) {
      for (const [term, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        out.push({ term, data, weight: (WEIGHTS.fuzzy * term.length) / (term.length + distance) });
      }
    }
    return out;
  }

  private nextStamp(): number {
    // Stamps mark "seen in this pass" without clearing arrays; on overflow, clear once and start again.
    if (this.stamp >= 0x7ffffff0) {
      this.stamp = 0;
      this.termStamp.fill(0);
      this.unitStamp.fill(0);
      this.textStamp.fill(0);
    }
    return ++this.stamp;
  }
}
