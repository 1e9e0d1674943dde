// Plain data shared by the domain and every renderer. Nothing here knows about Discord or the terminal.

/** One article loaded from corpus/*.md. */
export interface Article {
  /** Stable id: the file name without extension. */
  id: string;
  file: string;
  title: string;
  subtitle: string | null;
  /** Date of the events, ISO yyyy-mm-dd as given in the front matter. */
  date: string | null;
  source: string | null;
  passages: Passage[];
}

/** A paragraph or a list item: the unit that is indexed, ranked and cited. */
export interface Passage {
  /** Unique across the corpus: `${articleId}#${paragraph}`. */
  id: string;
  articleId: string;
  articleTitle: string;
  section: string | null;
  /** 1-based position among the article's paragraphs and list items. */
  paragraph: number;
  kind: 'paragraph' | 'item';
  /** Verbatim text from the corpus. */
  text: string;
  sentences: string[];
  /** 1-based line in the corpus file, for error messages and debugging. */
  line: number;
}

export interface Citation {
  articleId: string;
  articleTitle: string;
  section: string | null;
  paragraph: number;
}

export interface RankedPassage {
  text: string;
  citation: Citation;
  score: number;
  /** Share (0..1) of the question's content, weighted by rarity, that this passage covers. */
  coverage: number;
  /** Index into `sentences` of the sentence that best answers the question. */
  bestSentence: number;
  sentences: string[];
  /** Surface words in `text` that matched the question, for highlighting. */
  matchedTerms: string[];
}

/**
 * Why a question is declined: nothing to look for, nothing matching, too little of it covered, words asked of
 * people the article never quotes ('not-quoted', with `people`), a figure the answering passage lacks, something
 * the article never mentions ('absent-entity', with `entities`), people it never names in one passage
 * ('not-together', with `people`), no answer of the kind asked ('no-answer-of-type', with `answerType`: no
 * date for "when", no place for "where"), or a detail such as "next" that no passage matches ('unmatched-detail').
 */
export type DeclineReason =
  | 'empty-question'
  | 'no-content-words'
  | 'no-match'
  | 'weak-match'
  | 'not-quoted'
  | 'no-figure'
  | 'absent-entity'
  | 'not-together'
  | 'no-answer-of-type'
  | 'unmatched-detail';

/** How sure an answer is: 'high' covers the question; 'low' is the closest passage, labelled as such. */
export type Confidence = 'high' | 'low';

/** A pointer the user can follow after a decline: a topic the article covers or a near passage. */
export interface Suggestion {
  label: string;
  /** A question or search the user can send as it is. */
  query: string;
  citation?: Citation;
}

export type AskResult =
  | {
      answered: true;
      question: string;
      confidence: Confidence;
      passages: RankedPassage[];
      /** The sentence of passages[0] that best answers the question (verbatim). */
      answer: string;
      matchedTerms: string[];
    }
  | {
      answered: false;
      question: string;
      reason: DeclineReason;
      /** With 'not-quoted' and 'not-together': the people the question asks about (canonical names). */
      people?: string[];
      /** With 'absent-entity': what the question names that the article never mentions, as typed. */
      entities?: string[];
      /** With 'no-answer-of-type': the kind of answer asked for ('kind': one of a kind of thing, named in `detail`). */
      answerType?: 'date' | 'place' | 'city' | 'figure' | 'name' | 'kind';
      /** With 'unmatched-detail': the word no passage matches ("next"); with answerType 'kind': what is asked for ("weapons"). */
      detail?: string;
      suggestions: Suggestion[];
      /** Weak candidates, never shown as an answer; kept for the eval and debugging. */
      passages: RankedPassage[];
    };

export interface Person {
  /** Canonical name, e.g. "Sir Keir Starmer". */
  name: string;
  /** Surname used in evaluation and compact displays. */
  short: string;
  role: string;
  aliases: string[];
}

export interface Quote {
  speaker: string;
  /** Verbatim text between the quotation marks. */
  text: string;
  citation: Citation;
  /** How the attribution was made: useful for tests and for auditing. */
  rule: 'after' | 'pronoun' | 'lead-in' | 'run-on';
}

export type QuotesResult =
  | { answered: true; query: string; speaker: Person; quotes: Quote[]; topic: string | null }
  | {
      answered: false;
      query: string;
      /** Known person who is never quoted, or null when the name is unknown. */
      speaker: Person | null;
      quotes: [];
      reason: 'unknown-speaker' | 'no-quotes' | 'empty-query';
      suggestions: Suggestion[];
      topic: string | null;
    };

export interface SpeakerChoice {
  name: string;
  role: string;
  quoteCount: number;
}

export interface Commitment {
  text: string;
  /** Who commits, canonical name of the party (e.g. "United Kingdom"). */
  party: string;
  citation: Citation;
  /** The sentence that introduces the list, verbatim. */
  introducedBy: string;
}

export type CommitmentsResult =
  | { answered: true; party: string | null; commitments: Commitment[] }
  | { answered: false; party: string; commitments: []; reason: 'unknown-party' | 'no-commitments'; suggestions: Suggestion[] };

export interface CorpusInfo {
  articles: Array<Pick<Article, 'id' | 'title' | 'subtitle' | 'date' | 'source'> & { passages: number }>;
  passages: number;
  speakers: number;
  loadedAt: string;
}
