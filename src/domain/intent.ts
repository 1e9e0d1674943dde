// What kind of answer a question asks for, read from its form rather than its topic: an overview of the
// article ("what's this about", "tl;dr"), a date, a place, a figure, or a particular one of a series
// ("the next meeting"). Each is a small documented table of English forms, never a question of ours.
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

/** True when the question asks what the article is about and names nothing in particular. */
export function isOverview(question: string): boolean {
  const words = tokens(question).map((t) => t.surface.toLowerCase().replace(/'/g, ''));
  const content = words.filter((w) => !STOP_WORDS.has(w) || OVERVIEW_CUES.has(w));
  if (!content.some((w) => OVERVIEW_CUES.has(w))) return false;
  return content.every((w) => OVERVIEW_WORDS.has(w) || OVERVIEW_CUES.has(w));
}

export type AnswerType = 'date' | 'place' | 'figure';

const ANSWER_TYPES: Array<[AnswerType, RegExp]> = [
  ['figure', /\bhow (many|much)\b/i],
  ['date', /\b(when|what (date|day|time|year|month)|which (date|day|year|month))\b/i],
  ['place', /\b(where|(which|what) (city|cities|town|towns|country|countries|place|places|venue|location|capital))\b/i],
];

/** The kind of thing the question asks for, when its form says (null: any passage that covers it may answer). */
export function answerTypeOf(question: string): AnswerType | null {
  for (const [type, form] of ANSWER_TYPES) if (form.test(question)) return type;
  return null;
}

/** A date, or a time given by an event ("following a ceasefire", "until", "once"): what answers "when". */
export const TIME_IN_TEXT =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(19|20)\d\d|after|following|before|until|once|since|later|soon|post-\w+)\b/i;

/** A figure in words or digits, as "how many" wants. */
export const FIGURE_IN_TEXT = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;

/**
 * Words that pick one of a series: "the next meeting" is not "the meeting". When a question has one, the
 * answering passage must say it too (or a curated synonym of it), or the question is about something else.
 */
export const SERIES_MODIFIERS = new Set(['next', 'first', 'last', 'previous', 'former', 'second', 'third', 'final', 'latest', 'upcoming', 'original', 'earlier', 'prior']);

/** "Who is X", "X's role": a question about who someone is, answered where the article introduces them. */
export function asksIdentity(question: string): boolean {
  return /^\s*(who\s*(is|was|are|'s)\b|what\s+is\s+\S+(\s+\S+)?['’]s\s+(role|job|title|position)\b)|['’]s\s+(role|job|title|position)\W*$/i.test(question);
}
