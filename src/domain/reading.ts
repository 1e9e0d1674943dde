// How each unit of a question is read against the corpus, and which of its words the corpus has no word
// for: the inputs of ranking and of the answerability checks in ask.ts.
import type { AskContext, AskOptions } from './ask.ts';
import { namesEntity } from './answerability.ts';
import { hasFigure } from './intent.ts';
import type { QueryUnit } from './query.ts';
import { searchUnit, termInText, type UnitResult } from './search.ts';
import { tokens } from './text.ts';

/**
 * A unit as the corpus can answer it: the word itself; else a misspelt name or word ("starmr", "wepons");
 * else the corpus words nearest in meaning ("truce" -> ceasefire), at the partial credit their similarity earns.
 */
export function readUnit(ctx: AskContext, u: QueryUnit, asked: ReadonlySet<string>, titleCase: boolean): UnitResult {
  const first = searchUnit(ctx.index, u, ctx.search);
  if (!u.word || first.typedInText) return first;
  // A correctly spelt English word is no typo: "commission" is not a misspelt "commitments", "stage" no "stated".
  const everyday = ctx.meaning.isEverydayWord(u.label) && !ctx.meaning.entityKind(u.label);
  const r = everyday ? searchUnit(ctx.index, u, { ...ctx.search, minFuzzyLength: Infinity }) : first;
  const other = everyday ? null : ctx.lexicon.reinterpret(u, first.textMatches > 0);
  const reread = other ? searchUnit(ctx.index, other, ctx.search) : r;
  if (reread.textMatches > 0 || namesEntity(u, ctx.meaning, titleCase)) return reread;
  // A neighbour the question asks for anyway would count twice ("foreign minister": foreign ~ minister).
  const near = ctx.meaning.neighbours(u.label).filter((nb) => !asked.has(nb.term));
  if (near.length === 0) return reread;
  const widened = searchUnit(ctx.index, { ...u, terms: [...u.terms, ...near.map((nb) => ({ term: nb.term, credit: nb.credit }))] }, ctx.search);
  // Rarity stays that of the word asked, which the article never uses: a faint neighbour earns its partial
  // credit, it does not make the word count less.
  return { ...widened, textMatches: reread.textMatches };
}

const speakerPatterns = new WeakMap<RegExp, RegExp>();

/** "did <subject> say": the speech verbs of the options, after an auxiliary; built once per options object. */
function speakerPattern(speechQuestion: RegExp): RegExp {
  let pattern = speakerPatterns.get(speechQuestion);
  if (!pattern) {
    const verbs = speechQuestion.source.replace(/^\\b|\\b$/g, '');
    pattern = new RegExp(String.raw`\b(?:did|does|do|has|have|had|will|would|is|was|were|are)\s+(.+?)\s+(?:${verbs})\b`, 'i');
    speakerPatterns.set(speechQuestion, pattern);
  }
  return pattern;
}

/**
 * The speaker a speech question describes without naming ("the French foreign minister"), when some word of the
 * description is not in the article at all: nobody so described is quoted. Null otherwise.
 */
export function unnamedSpeaker(ctx: AskContext, question: string, results: UnitResult[], speechQuestion: RegExp): string | null {
  const inArticle = (r: UnitResult) => r.unit.terms.some((t) => t.credit >= ctx.lexicon.synonymCredit && termInText(ctx.index, t.term));
  const m = speakerPattern(speechQuestion).exec(question);
  if (!m) return null;
  const subject = new Set(tokens(m[1]!).map((t) => t.surface.toLowerCase()));
  const absent = results.some((r) => r.unit.word && subject.has(r.unit.label.toLowerCase()) && !inArticle(r));
  return absent ? m[1]!.replace(/^(the|a|an)\s+/i, '') : null;
}

/**
 * A word the article never uses, not even in a curated synonym, with nothing near it in meaning either
 * ("weather", "appointed"): what the question asks about is something else. Names, numbers and adverbs aside.
 */
export function isUnmatched(r: UnitResult, opts: Pick<AskOptions, 'factNeighbourCredit'>): boolean {
  if (!r.unit.word || r.unit.weight < 1 || r.textMatches > 0 || /ly$/i.test(r.unit.label) || hasFigure(r.unit.label)) return false;
  return Math.max(0, ...r.unit.terms.slice(1).map((t) => t.credit)) < opts.factNeighbourCredit;
}
