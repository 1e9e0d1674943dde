// What kind of thing a noun names, from WordNet's noun hierarchy as distilled into corpus/wordnet.json by
// `npm run build:word-meaning` (src/cli/build-wordnet.ts): "missile" is a kind of weapon, "Paris" an instance
// of a city, "envoy" a kind of person. "Which weapons…" asks for a kind of weapon; an answer must name one.
// Plain data in, plain data out: the file is read by load.ts.
import lemmatizer from 'wink-lemmatizer';

/** WordNet's lexicographer files for nouns, by number (0–2 are adjectives and adverbs). */
export const NOUN_CLASSES = [
  '', '', '', 'tops', 'act', 'animal', 'artifact', 'attribute', 'body', 'cognition', 'communication', 'event',
  'feeling', 'food', 'group', 'location', 'motive', 'object', 'person', 'phenomenon', 'plant', 'possession',
  'process', 'quantity', 'relation', 'shape', 'state', 'substance', 'time',
] as const;
export type NounClass = (typeof NOUN_CLASSES)[number];

/** corpus/wordnet.json. */
export interface WordNetFile {
  source: string;
  /** The class names by lexicographer file number. */
  classes: string[];
  /** Each sense: [lexicographer file number, ...the senses it is a kind or an instance of]. */
  synsets: number[][];
  /** Noun (base form) -> its commonest senses, commonest first. */
  nouns: Record<string, number[]>;
}

export interface WordNet {
  /** The broad class of a noun's commonest sense ("weapons" -> artifact), if WordNet knows the noun. */
  classOf(noun: string): NounClass | undefined;
  /**
   * Whether one of the commonest senses of `word` is a kind or an instance of one of the commonest senses of
   * `category`, at any depth ("missile", "weapon": true; "arms", "weapon": false, it is the same thing).
   */
  isKindOf(word: string, category: string): boolean;
}

/** Senses of `category` considered: its commonest one and the next (a noun's second sense is often as usual). */
const CATEGORY_SENSES = 2;

export function createWordNet(file: WordNetFile | null): WordNet {
  const nouns = new Map(Object.entries(file?.nouns ?? {}));
  const synsets = file?.synsets ?? [];
  const above = new Map<number, Set<number>>();
  // Everything a sense is a kind or instance of, walked once per sense and remembered (a few hundred senses in use).
  const ancestors = (id: number): Set<number> => {
    let set = above.get(id);
    if (set) return set;
    set = new Set();
    above.set(id, set);
    for (const parent of synsets[id]!.slice(1)) {
      set.add(parent);
      for (const a of ancestors(parent)) set.add(a);
    }
    return set;
  };
  // A plural may have senses of its own ("leaders": a body of leaders; "arms": weapons): as a category the
  // singular's senses come first ("which leaders" asks for people), as a candidate word both count.
  const sensesOf = (word: string, own: boolean): number[] | undefined => {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    const base = lemmatizer.noun(w);
    const mine = nouns.get(w);
    const lemma = base === w ? undefined : nouns.get(base);
    if (!own) return lemma ?? mine;
    return mine && lemma ? [...mine, ...lemma] : (mine ?? lemma);
  };
  return {
    classOf(noun) {
      const first = sensesOf(noun, false)?.[0];
      return first === undefined ? undefined : NOUN_CLASSES[synsets[first]![0]!];
    },
    isKindOf(word, category) {
      const wanted = sensesOf(category, false)?.slice(0, CATEGORY_SENSES);
      const senses = sensesOf(word, true);
      if (!wanted || !senses) return false;
      return senses.some((s) => wanted.some((c) => ancestors(s).has(c)));
    },
  };
}
