// Orders a speaker's quotes by relevance to a topic: the share of the topic's words (or their synonyms)
// each quote uses. Quotes that do not touch the topic keep their article order after those that do.
import type { Lexicon } from './query.ts';
import { terms } from './text.ts';
import type { Quote } from './types.ts';

export function rankByTopic(quotes: Quote[], topic: string, lexicon: Lexicon): Quote[] {
  const units = lexicon.analyze(topic);
  if (units.length === 0) return quotes;
  const scored = quotes.map((q, order) => {
    const words = new Set(terms(q.text));
    let score = 0;
    for (const u of units) score += Math.max(0, ...u.terms.filter((t) => words.has(t.term)).map((t) => t.credit));
    return { q, order, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.q);
}
