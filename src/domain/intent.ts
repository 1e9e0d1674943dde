// What kind of answer a question asks for, read from its form rather than its topic: an overview of the
// article ("what's this about", "tl;dr"), a date, a place, a figure, or a particular one of a series
// ("the next meeting"). Each is a small documented table of English forms, never a question of ours.
import lemmatizer from 'wink-lemmatizer';
import { STOP_WORDS } from './stopwords.ts';
import { tokens } from './text.ts';

/** Words that ask for the gist of the article and nothing more ("give me a quick summary of the article"). */
const OVERVIEW_WORDS = new Set([
  'summary', 'summarise', 'summarize', 'summarised', 'summarized', 'sum', 'overview', 'gist', 'recap', 'rundown',
  'synopsis', 'outline', 'tldr', 'nutshell', 'eli5', 'article', 'story', 'piece', 'news', 'text', 'report', 'main',
  'point', 'points', 'key', 'takeaway', 'takeaways', 'happened', 'happening', 'going', 'brief', 'briefly', 'quick',
  'quickly', 'short', 'explain', 'tell', 'give', 'please', 'basically', 'whole', 'thing', 'headline', 'headlines',
  'topic', 'subject', 'general', 'generally', 'overall', 'big', 'picture', 'read', 'need', 'know',
]);
/** A question that names no topic and asks for one of these is an overview request. */
const OVERVIEW_CUES = new Set(['summary', 'summarise', 'summarize', 'sum', 'overview', 'gist', 'recap', 'rundown', 'synopsis', 'outline', 'tldr', 'nutshell', 'eli5', 'about', 'happened', 'headline', 'headlines', 'takeaway', 'takeaways']);

/**
 * True when the question asks what the article is about and names nothing beyond what its title says
 * ("summary of the UK-France pact"): `titleWords` are the lower-case words of the articles' titles.
 */
export function isOverview(question: string, titleWords: ReadonlySet<string> = new Set()): boolean {
  const words = tokens(question).map((t) => t.surface.toLowerCase().replace(/'/g, ''));
  const content = words.filter((w) => !STOP_WORDS.has(w) || OVERVIEW_CUES.has(w));
  if (!content.some((w) => OVERVIEW_CUES.has(w))) return false;
  return content.every((w) => OVERVIEW_WORDS.has(w) || OVERVIEW_CUES.has(w) || titleWords.has(w));
}

/**
 * "Summarise the American role", "key takeaways from the Paris summit": a request for the gist of a topic. The
 * words that ask for a summary (summarise, key, takeaways) say nothing of the topic: they are returned so that
 * they do not count toward what a passage must cover. Empty when the question asks for no summary.
 */
export function summaryWords(question: string): Set<string> {
  const words = tokens(question).map((t) => t.surface.toLowerCase().replace(/'/g, ''));
  if (!words.some((w) => OVERVIEW_CUES.has(w))) return new Set();
  return new Set(words.filter((w) => OVERVIEW_WORDS.has(w) || OVERVIEW_CUES.has(w)));
}

export type AnswerType = 'date' | 'place' | 'city' | 'figure' | 'name';

// The question word opens the question or a clause of it ("…, and when"): "how did he describe the talks
// when speaking to reporters" asks how, not when.
const OPENING = String.raw`(?:^|[,;:]\s*|\b(?:and|but|so|then)\s+)\W*(?:(?:on|in|at|by|from|until|since)\s+)?`;
const ANSWER_TYPES: Array<[AnswerType, RegExp]> = [
  ['figure', /\bhow (many|much|old|big|large)\b|\bwhat (age|size|number)\b/i],
  ['date', new RegExp(`${OPENING}(when\\b|how long\\b|(what|which) (date|day|time|year|month)\\b)`, 'i')],
  ['city', /\b(which|what) (city|cities|town|towns|capital)\b/i],
  ['place', new RegExp(`${OPENING}where\\b|\\b(which|what) (country|countries|place|places|venue|location|region|regions|area|areas)\\b`, 'i')],
  ['name', new RegExp(`${OPENING}(who|whom)\\b(?!\\s*(is|was|are|'s)\\b)`, 'i')],
];

/**
 * A yes/no question ("does Ukraine know which countries will contribute?") asks whether, not which: a wh-word
 * inside it sets no answer type. "Do you know which…", "can you tell me when…" are wh-questions put politely.
 */
const YES_NO = /^\W*(do|does|did|is|are|was|were|will|would|can|could|has|have|had|should|shall)\b(?!\s+(you|u|ya)\b)/i;

/** The kind of thing the question asks for, when its form says (null: any passage that covers it may answer). */
export function answerTypeOf(question: string): AnswerType | null {
  if (YES_NO.test(question)) return null;
  for (const [type, form] of ANSWER_TYPES) if (form.test(question)) return type;
  return null;
}

/** "What kind of weapons": words between "which/what" and the noun whose kind is asked. */
const KIND_WORDS = /^(kind|kinds|type|types|sort|sorts|form|forms|variety|varieties)$/i;
/** Longest noun phrase read after "which/what" ("which specific weapons systems"). */
const MAX_KIND_WORDS = 4;
const NUMBER_WORD = /^(\d+|two|three|four|five|six|seven|eight|nine|ten)$/i;

/** A noun phrase a question asks about: its last word, the noun, and the phrase as typed. */
export interface AskedKind {
  noun: string;
  phrase: string;
}

/**
 * The noun phrase a "which/what/how many X" question asks about ("which Ukrainian cities will…" -> cities), or
 * null when no noun follows ("what did he say", "what is the plan"). The last word is the noun.
 */
export function askedKind(question: string): AskedKind | null {
  if (YES_NO.test(question)) return null;
  const words = tokens(question).map((t) => t.surface);
  const at = words.findIndex((w, k) => /^(which|what)$/i.test(w) || (/^how$/i.test(w) && /^many$/i.test(words[k + 1] ?? '')));
  if (at < 0) return null;
  let j = at + (/^how$/i.test(words[at]!) ? 2 : 1);
  if (KIND_WORDS.test(words[j] ?? '') && words[j + 1]?.toLowerCase() === 'of') j += 2;
  else if (/^(kinda|sorta)$/i.test(words[j] ?? '')) j += 1;
  while (NUMBER_WORD.test(words[j] ?? '')) j++;
  const run: string[] = [];
  // The phrase ends at a function word, or at an inflected verb after its first word ("which issue remains").
  // "US" is a name, not the pronoun "us".
  const ends = (w: string) => (STOP_WORDS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w)) || (run.length > 0 && lemmatizer.verb(w.toLowerCase()) !== w.toLowerCase());
  while (j < words.length && run.length < MAX_KIND_WORDS && !ends(words[j]!)) run.push(words[j++]!);
  return run.length === 0 ? null : { noun: run[run.length - 1]!, phrase: run.join(' ') };
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** A month, a weekday or a year, as written in running text. */
const DATE_WORDS = `${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(19|20)\\d\\d`;
/** A date in running text (capitalised as news copy writes it). */
export const DATE_IN_TEXT = new RegExp(`\\b(${DATE_WORDS})\\b`);
/** A date, or a time given by an event ("following a ceasefire", "until", "once"): what answers "when". */
export const TIME_IN_TEXT = new RegExp(`\\b(${DATE_WORDS}|after|following|before|until|once|since|later|soon|post-\\w+)\\b`, 'i');

/** A figure in words or digits, as "how many" wants; a date's numbers are not one. */
const FIGURE = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
const DATE_NUMBERS = new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? (${MONTHS})( \\d{4})?\\b|\\b(${MONTHS}) \\d{1,2}(st|nd|rd|th)?(, \\d{4})?\\b|\\b(19|20)\\d\\d\\b`, 'gi');
export function hasFigure(sentence: string): boolean {
  return FIGURE.test(sentence.replace(DATE_NUMBERS, ' '));
}

/**
 * Words that pick one of a series: "the next meeting" is not "the meeting". When a question has one, the
 * answering passage must say it too (or a curated synonym of it), or the question is about something else.
 */
export const SERIES_MODIFIERS = new Set(['next', 'first', 'last', 'previous', 'former', 'second', 'third', 'final', 'latest', 'upcoming', 'original', 'earlier', 'prior']);

/** Words that ask who someone is ("Witkoff's title"), beside the person's name. */
export const IDENTITY_WORDS = new Set(['role', 'roles', 'job', 'title', 'position', 'post', 'function', 'identity']);

/** "Who is X", "X's role": a question about who someone is, answered where the article introduces them. */
export function asksIdentity(question: string): boolean {
  return /^\W*who\s*(is|was|are|'s)\b/i.test(question) || tokens(question).some((t) => IDENTITY_WORDS.has(t.surface.toLowerCase()));
}

/** "List what Britain signed up to", "what are the measures": a question for a list, answered by its lead-in. */
export function asksForList(question: string): boolean {
  return /^\W*(list|name|enumerate)\b|\bwhat (are|were) (all )?the\b|\b(all|each|every) (of )?the (measures|commitments|steps|things|points|pledges)\b|\b(sign(ed)? up|commit(ted)?|pledged?|promised?) to\W*$/i.test(question);
}
