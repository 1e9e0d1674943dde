// The yardsticks pactbot is measured against, on the same passages and questions:
// - plain: MiniSearch with default options (what a first version would do);
// - alt:   the best alternative measured when the defaults were chosen, stop words kept out and typo tolerance for longer words only.
import MiniSearch, { type SearchResult } from 'minisearch';
import { STOP_WORDS } from '../src/domain/stopwords.ts';
import type { Passage } from '../src/domain/types.ts';

export type Baseline = 'plain' | 'alt';

export interface BaselineIndex {
  search(question: string): SearchResult[];
}

export function buildBaseline(kind: Baseline, passages: readonly Passage[]): BaselineIndex {
  const docs = passages.map((p, id) => ({ id, text: p.text, section: p.section ?? '', title: p.articleTitle }));
  if (kind === 'plain') {
    const index = new MiniSearch({ fields: ['text', 'section', 'title'] });
    index.addAll(docs);
    return { search: (q) => index.search(q) };
  }
  const index = new MiniSearch({
    fields: ['text', 'section', 'title'],
    processTerm: (t) => {
      const w = t.toLowerCase();
      return STOP_WORDS.has(w.replace(/'/g, '')) ? null : w;
    },
    searchOptions: { fuzzy: (term) => (term.length >= 5 ? 0.2 : false) },
  });
  index.addAll(docs);
  return { search: (q) => index.search(q) };
}
