// What the engine derives from the text by rule, once per corpus: who said what (and the speakers that reveals)
// and the commitments. Plain data, so the persisted cache can keep it beside the index (extracting it was most of
// a big archive's engine build) and createEngine can take it ready-made.
import { extractCommitments } from './commitments.ts';
import type { CorpusFiles } from './load.ts';
import { extractQuotes } from './quotes.ts';
import type { Commitment, Person, Quote } from './types.ts';

export interface Extracted {
  quotes: Quote[];
  /** Speakers found in the text who are not in the registry, in the order they were found. */
  discovered: Person[];
  commitments: Commitment[];
}

export function extractAll(corpus: Pick<CorpusFiles, 'articles' | 'curated'>): Extracted {
  const passages = corpus.articles.flatMap((a) => a.passages);
  const { quotes, discovered } = extractQuotes(passages, corpus.curated.people);
  return { quotes, discovered, commitments: extractCommitments(passages, corpus.curated.parties) };
}
