// Turns a question into query units: one per meaningful word or recognised phrase, each with the index terms
// that count as a match for it (the word's stem, its synonyms, a person's name for an alias) and the credit
// each earns. Units are what coverage is measured on: "how much of what was asked does a passage answer".
import type { Curated } from './curated.ts';
import { buildPeopleIndex, roleAliases } from './people.ts';
import { nearest } from './spelling.ts';
import lemmatizer from 'wink-lemmatizer';
import { STOP_WORDS } from './stopwords.ts';
import { fold, processWord, terms, tokens } from './text.ts';
import type { Person } from './types.ts';

export interface UnitTerm {
  term: string;
  /** 1 for the word itself, less for a synonym or a name reached through an alias. */
  credit: number;
}

export interface QueryUnit {
  /** The words of the question this unit stands for, as typed. */
  label: string;
  /** terms[0] is the word itself (typo tolerance and prefix matching apply to it only). */
  terms: UnitTerm[];
  /** How much this unit counts toward coverage, before rarity: 1 for content, less for "which city"-type words. */
  weight: number;
  /** True when the unit is a plain word (not a name, phrase or question word): it may be re-read as a misspelt name. */
  word: boolean;
  /** Written like a name (capitalised inside the question, or an acronym): if the corpus lacks it, the question is elsewhere. */
  properNoun?: boolean;
  /** An inflected verb form ("chaired", "squeezing"): paraphrases differ most in verbs, so a missing one weighs less. */
  inflectedVerb?: boolean;
  /** The canonical name of the person this unit names. */
  person?: string;
  /** A question word ("when", "where"): its terms say what kind of passage answers, not what it is about. */
  questionWord?: boolean;
}

export interface LexiconOptions {
  /** Credit for a synonym of the word asked (the word itself earns 1). */
  synonymCredit: number;
  /** Coverage weight of question words ("why", "when") and answer-type words ("date", "city"). */
  questionWordWeight: number;
  answerTypeWeight: number;
  /** Coverage weight of the descriptive words of an alias ("US envoy"), beside the person it names. */
  aliasWordWeight: number;
  /** Credit for one word of a multi-word synonym ("conference" of "press conference"). */
  phraseWordCredit: number;
  /** Typo correction against the synonym vocabulary: shortest word corrected, and the credit kept. */
  minCorrectionLength: number;
  correctionCredit: number;
}

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = { synonymCredit: 0.8, questionWordWeight: 0.4, answerTypeWeight: 0.5, aliasWordWeight: 0.4,
  phraseWordCredit: 0.6,
  minCorrectionLength: 4,
  correctionCredit: 0.85,
};

export interface Lexicon {
  analyze(question: string): QueryUnit[];
  /** Credit of a curated synonym: what counts as the same word, rather than a related one. */
  readonly synonymCredit: number;
  /**
   * Another reading of a word the corpus does not use: a misspelt name ("starmr" -> Starmer) or a misspelt
   * word we know synonyms for ("wepons" -> weapons ~ arms). Null when there is none. `spellsArticleWord`: a
   * fuzzy search already found the word in the article ("Ukrane"); it is then read as a person only when it is
   * near a word of someone's name, not merely near a word of their title ("President of Ukraine").
   */
  reinterpret(unit: QueryUnit, spellsArticleWord?: boolean): QueryUnit | null;
}

const MAX_PHRASE = 5;

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'both', 'several', 'few', 'couple']);

/** A word as phrase matching sees it: lower case, verbs in their base form ("chipping in" = "chip in"). */
function keyWord(surface: string): string {
  const lower = fold(surface).toLowerCase();
  return lemmatizer.verb(lower);
}

function phraseKey(text: string): string {
  return tokens(text)
    .map((t) => keyWord(t.surface))
    .join(' ');
}

type Phrase = { terms: UnitTerm[] } | { person: Person };

/**
 * The curated tables a question is read with: each stem's synonyms (the single-word terms of every group it is
 * in) and each phrase's meaning (a synonym group's terms, or a person by name, alias or office).
 */
function synonymTables(curated: Curated, opts: LexiconOptions, single: (words: string[]) => string[]): { synonymsOf: Map<string, Set<string>>; phrases: Map<string, Phrase> } {
  // stem -> the single-word terms of every group it belongs to
  const synonymsOf = new Map<string, Set<string>>();
  // phrase key -> what the phrase stands for: a synonym group's terms, or a person
  const phrases = new Map<string, Phrase>();

  for (const group of curated.synonyms) {
    const groupTerms = single(group);
    for (const member of group) {
      const memberTerms = terms(member);
      // Decided by written words, not terms: "after the war" is a phrase even though only "war" is a term.
      if (tokens(member).length === 1 && memberTerms.length === 1) {
        const set = synonymsOf.get(memberTerms[0]!) ?? new Set<string>();
        for (const t of groupTerms) set.add(t);
        synonymsOf.set(memberTerms[0]!, set);
      } else if (tokens(member).length > 1) {
        // The phrase stands for its group, and its own words still count ("press conference" ~ "news conference").
        const own = memberTerms.filter((t) => !groupTerms.includes(t)).map((term) => ({ term, credit: opts.phraseWordCredit }));
        phrases.set(phraseKey(member), { terms: [...groupTerms.map((term) => ({ term, credit: opts.synonymCredit })), ...own] });
      }
    }
  }
  for (const person of curated.people) {
    for (const alias of [person.name, ...person.aliases]) phrases.set(phraseKey(alias), { person });
  }
  // Offices named through the party ("Kyiv's president"): never over a name or alias given in people.json.
  for (const person of curated.people) {
    for (const alias of roleAliases(person, curated.parties, curated.synonyms)) if (!phrases.has(phraseKey(alias))) phrases.set(phraseKey(alias), { person });
  }
  return { synonymsOf, phrases };
}

/** The term of each one-word name a person goes by ("Witkoff", "Keir"), for names typed in other forms. */
function namesByTerm(people: readonly Person[]): Map<string, Person> {
  const byNameTerm = new Map<string, Person>();
  for (const person of people) {
    for (const alias of [person.short, ...person.aliases]) {
      const term = tokens(alias).length === 1 && /^\p{Lu}\p{Ll}/u.test(alias) ? processWord(alias) : null;
      if (term && !byNameTerm.has(term)) byNameTerm.set(term, person);
    }
  }

  return byNameTerm;
}

/** What reading a question needs from the lexicon. */
interface QuestionReader {
  opts: LexiconOptions;
  questionWords: Map<string, string[]>;
  phrases: Map<string, Phrase>;
  maxPhrase: number;
  byNameTerm: Map<string, Person>;
  personUnit: (person: Person, label: string) => QueryUnit;
  wordUnit: (surface: string, first?: boolean) => QueryUnit | null;
}

/** The question's units, in order: question words, phrases (longest first), people, words. */
function analyzeQuestion(question: string, r: QuestionReader): QueryUnit[] {
  const { opts, questionWords, phrases, maxPhrase, byNameTerm, personUnit, wordUnit } = r;
  const toks = tokens(question);
  const keys = toks.map((t) => keyWord(t.surface));
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  const push = (unit: QueryUnit | null) => {
    if (!unit || unit.terms.length === 0) return;
    const id = unit.terms.map((t) => t.term).join(' ');
    if (seen.has(id)) return;
    seen.add(id);
    units.push(unit);
  };
  for (let i = 0; i < toks.length; ) {
    const qw = questionWords.get(keys[i]!);
    if (qw) {
      push({ label: toks[i]!.surface, terms: qw.map((term) => ({ term, credit: 1 })), weight: opts.questionWordWeight, word: false, questionWord: true });
      i++;
      continue;
    }
    let matched = 0;
    // Longest phrase first, so "the French President" wins over "French".
    for (let n = Math.min(maxPhrase, toks.length - i); n >= 1; n--) {
      const key = keys.slice(i, i + n).join(' ');
      const phrase = phrases.get(key) ?? (n === 1 ? phrases.get(key.replace(/'s$/, '')) : undefined);
      if (!phrase) continue;
      // A one-word alias that is also a stop word ("us") is only a name when written as one ("US").
      if (n === 1 && processWord(toks[i]!.surface) === null) continue;
      const label = toks.slice(i, i + n).map((t) => t.surface).join(' ');
      if ('person' in phrase) {
        const unit = personUnit(phrase.person, label);
        push(unit);
        // A descriptive alias ("US envoy", "son-in-law") also asks for its own words, beyond the name.
        const name = new Set(unit.terms.map((t) => t.term));
        for (const t of toks.slice(i, i + n)) {
          const w = wordUnit(t.surface);
          if (w && !name.has(w.terms[0]!.term)) push({ ...w, weight: w.weight * opts.aliasWordWeight });
        }
      } else {
        push({ label, terms: phrase.terms, weight: 1, word: false });
      }
      matched = n;
      break;
    }
    if (matched) {
      i += matched;
      continue;
    }
    // A name written without its apostrophe ("witkoffs job") stems to the name: it is the person.
    const named = byNameTerm.get(processWord(toks[i]!.surface) ?? '');
    push(named ? personUnit(named, toks[i]!.surface) : wordUnit(toks[i]!.surface, i === 0));
    i++;
  }
  return units;
}

export function buildLexicon(curated: Curated, options: Partial<LexiconOptions> = {}): Lexicon {
  const opts = { ...DEFAULT_LEXICON_OPTIONS, ...options };
  const single = (words: string[]) => [...new Set(words.filter((w) => tokens(w).length === 1).flatMap((w) => terms(w)))];
  const { synonymsOf, phrases } = synonymTables(curated, opts, single);
  const questionWords = new Map(Object.entries(curated.questionWords).map(([w, list]) => [w, single(list)]));
  const answerTypes = new Set(single(curated.answerTypes));
  const people = buildPeopleIndex(curated.people);
  // Every single word of the synonym groups, for typo correction of words the corpus lacks ("wepons" ->
  // weapons ~ arms), and the function and question words, for short typos of them ("wher", "abut").
  const vocabulary = [...new Set(curated.synonyms.flat().filter((w) => tokens(w).length === 1).map((w) => fold(w).toLowerCase()))];
  const functionWords = [...new Set([...STOP_WORDS, ...questionWords.keys()])].filter((w) => w.length >= 3);

  // The words of people's names ("keir", "starmer"): a typo near one is the person, read through the people index.
  const nameWords = [...new Set(curated.people.flatMap((p) => [p.name, p.short]).flatMap((n) => tokens(n).map((t) => fold(t.surface).toLowerCase())))];
  const maxPhrase = Math.min(MAX_PHRASE, Math.max(1, ...[...phrases.keys()].map((k) => k.split(' ').length)));

  const personUnit = (person: Person, label: string): QueryUnit => ({
    label,
    person: person.name,
    terms: [...new Set([...terms(person.name), ...terms(person.short)])].filter((t) => t !== 'sir').map((term) => ({ term, credit: 1 })),
    weight: 1,
    word: false,
  });

  const byNameTerm = namesByTerm(curated.people);

  const wordUnit = (surface: string, first = false): QueryUnit | null => {
    const term = processWord(surface);
    if (!term) return null;
    const unit: UnitTerm[] = [{ term, credit: 1 }];
    for (const syn of synonymsOf.get(term) ?? []) if (syn !== term) unit.push({ term: syn, credit: opts.synonymCredit });
    const lower = surface.toLowerCase();
    return {
      label: surface,
      terms: unit,
      // A count in the question ("which two nations") says what form the answer takes, like "which city".
      weight: answerTypes.has(term) || NUMBER_WORDS.has(lower) ? opts.answerTypeWeight : 1,
      word: true,
      properNoun: /^\p{Lu}{2,}$/u.test(surface) || (!first && /^\p{Lu}/u.test(surface)),
      // A regular -ed/-ing verb form, not a plural noun: "turned", "chairing". Irregular participles ("born")
      // stay full weight: "where was he born" asks for a fact, not a paraphrase of one.
      // Adverbs ("genuinely", "ultimately") are paraphrased as freely as verbs: they count as such when absent.
      inflectedVerb: /ly$/.test(lower) || (/(ed|ing)$/.test(lower) && lemmatizer.verb(lower) !== lower && lemmatizer.noun(lower) === lower),
    };
  };

  /** The unit read as `fix`, a correction of what was typed: its terms at the correction's credit, its label as typed. */
  const correctedTo = (fix: string, unit: QueryUnit): QueryUnit | null => {
    const corrected = wordUnit(fix);
    if (!corrected || corrected.terms[0]!.term === unit.terms[0]!.term) return null;
    return { ...corrected, label: unit.label, terms: corrected.terms.map((t) => ({ ...t, credit: t.credit * opts.correctionCredit })) };
  };

  return {
    synonymCredit: opts.synonymCredit,
    analyze: (question) => analyzeQuestion(question, { opts, questionWords, phrases, maxPhrase, byNameTerm, personUnit, wordUnit }),

    reinterpret(unit, spellsArticleWord = false) {
      if (!unit.word) return null;
      const nearName = !spellsArticleWord || nearest(fold(unit.label).toLowerCase(), nameWords) !== null;
      const hit = nearName ? people.resolve(unit.label, { strict: true }) : { person: null };
      if (hit.person) return personUnit(hit.person, unit.label);
      // Already a known word: its synonyms were searched, there is nothing to correct.
      if (unit.terms.length > 1 || unit.label.length < opts.minCorrectionLength) return null;
      const typed = fold(unit.label).toLowerCase();
      const fix = nearest(typed, vocabulary);
      const corrected = fix ? correctedTo(fix, unit) : null;
      if (corrected) return corrected;
      const word = typed.length <= 5 ? nearest(typed, functionWords) : null;
      const question = word ? questionWords.get(word) : undefined;
      if (question) return { label: unit.label, terms: question.map((term) => ({ term, credit: 1 })), weight: opts.questionWordWeight, word: false, questionWord: true };
      // A misspelt "about" or "what": it asks for nothing, so it weighs nothing.
      if (word) return { ...unit, weight: 0, word: false };
      return null;
    },
  };
}
