// Turns a question into query units: one per meaningful word or recognised phrase, each with the index terms
// that count as a match for it (the word's stem, its synonyms, a person's name for an alias) and the credit
// each earns. Units are what coverage is measured on: "how much of what was asked does a passage answer".
import type { Curated } from './curated.ts';
import { fold, processWord, terms, tokens } from './text.ts';

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
}

export interface LexiconOptions {
  /** Credit for a synonym of the word asked (the word itself earns 1). */
  synonymCredit: number;
  /** Credit for the words of a multi-word alias ("French President") beside the person's name. */
  aliasWordCredit: number;
}

export const DEFAULT_LEXICON_OPTIONS: LexiconOptions = { synonymCredit: 0.85, aliasWordCredit: 0.7 };

export interface Lexicon {
  analyze(question: string): QueryUnit[];
}

const MAX_PHRASE = 5;

function phraseKey(text: string): string {
  return tokens(text)
    .map((t) => fold(t.surface).toLowerCase())
    .join(' ');
}

export function buildLexicon(curated: Curated, options: Partial<LexiconOptions> = {}): Lexicon {
  const opts = { ...DEFAULT_LEXICON_OPTIONS, ...options };
  // stem -> the single-word terms of every group it belongs to
  const synonymsOf = new Map<string, Set<string>>();
  // phrase key -> unit terms, for multi-word synonyms and every alias of a person
  const phrases = new Map<string, UnitTerm[]>();

  for (const group of curated.synonyms) {
    const single = group.map((w) => terms(w)).filter((t) => t.length === 1).map((t) => t[0]!);
    for (const member of group) {
      const memberTerms = terms(member);
      if (memberTerms.length === 1) {
        const set = synonymsOf.get(memberTerms[0]!) ?? new Set<string>();
        for (const t of single) set.add(t);
        synonymsOf.set(memberTerms[0]!, set);
      } else if (memberTerms.length > 1) {
        phrases.set(phraseKey(member), single.map((term) => ({ term, credit: opts.synonymCredit })));
      }
    }
  }

  for (const person of curated.people) {
    const nameTerms = terms(person.name).filter((t) => t !== 'sir');
    for (const alias of [person.name, ...person.aliases]) {
      const aliasTerms = terms(alias);
      const unit: UnitTerm[] = nameTerms.map((term) => ({ term, credit: 1 }));
      for (const term of aliasTerms) {
        if (!nameTerms.includes(term)) unit.push({ term, credit: aliasTerms.length === 1 ? 1 : opts.aliasWordCredit });
      }
      phrases.set(phraseKey(alias), unit);
    }
  }

  const maxPhrase = Math.min(MAX_PHRASE, Math.max(1, ...[...phrases.keys()].map((k) => k.split(' ').length)));

  return {
    analyze(question: string): QueryUnit[] {
      const toks = tokens(question);
      const keys = toks.map((t) => fold(t.surface).toLowerCase());
      const units: QueryUnit[] = [];
      const seen = new Set<string>();
      const push = (unit: QueryUnit) => {
        const id = unit.terms.map((t) => t.term).join(' ');
        if (unit.terms.length === 0 || seen.has(id)) return;
        seen.add(id);
        units.push(unit);
      };
      for (let i = 0; i < toks.length; ) {
        let matched = 0;
        // Longest phrase first, so "the French President" wins over "French".
        for (let n = Math.min(maxPhrase, toks.length - i); n >= 1; n--) {
          const key = keys.slice(i, i + n).join(' ');
          const phrase = phrases.get(key) ?? (n === 1 ? phrases.get(key.replace(/'s$/, '')) : undefined);
          if (!phrase) continue;
          // A one-word alias that is also a stop word ("us") is only a name when written as one ("US").
          if (n === 1 && processWord(toks[i]!.surface) === null) continue;
          push({ label: toks.slice(i, i + n).map((t) => t.surface).join(' '), terms: phrase });
          matched = n;
          break;
        }
        if (matched) {
          i += matched;
          continue;
        }
        const surface = toks[i]!.surface;
        const term = processWord(surface);
        i++;
        if (!term) continue;
        const unit: UnitTerm[] = [{ term, credit: 1 }];
        for (const syn of synonymsOf.get(term) ?? []) {
          if (syn !== term) unit.push({ term: syn, credit: opts.synonymCredit });
        }
        push({ label: surface, terms: unit });
      }
      return units;
    },
  };
}
