// What the question log keeps of an answer: the /ask question or the checked message, whether the article
// answered, the top passage's citation key and how long it took. Plain mapping from a command outcome, shared
// by the interaction core (gateway and HTTP server) and the console.
import type { CommandOutcome } from './commands/types.ts';
import type { Citation } from '../domain/types.ts';
import type { QuestionEntry } from '../store/question-log.ts';

export interface EntryMeta {
  /** The interaction id (the console makes one up): the key the 👍/👎 buttons carry. */
  id: string;
  userId: string;
  locale: string;
  source: string | null;
  latencyMs: number;
}

const key = (c: Citation) => `${c.articleId}#${c.paragraph}`;

/** The entry for an /ask or a check; null for commands the log does not keep. */
export function questionEntry(outcome: CommandOutcome, meta: EntryMeta): QuestionEntry | null {
  const common = { id: meta.id, userId: meta.userId, locale: meta.locale, source: meta.source, latencyMs: Math.round(meta.latencyMs * 100) / 100 };
  if (outcome.kind === 'ask') {
    const r = outcome.result;
    return {
      ...common,
      kind: 'ask',
      question: r.question,
      answered: r.answered,
      reason: r.answered ? null : r.reason,
      confidence: r.answered ? r.confidence : null,
      topPassage: r.answered && r.passages[0] ? key(r.passages[0].citation) : null,
    };
  }
  if (outcome.kind === 'check') {
    const r = outcome.result;
    const first = r.claims.find((c) => c.passages.length > 0);
    const missed = r.claims.find((c) => c.status !== 'addressed');
    return {
      ...common,
      kind: 'check',
      question: r.message,
      answered: r.addressed > 0,
      reason: r.addressed > 0 ? null : (missed?.reason ?? 'empty-question'),
      // A check is only as sure as its surest claim: low when every addressed claim has only a closest passage.
      confidence: r.addressed > 0 ? (r.claims.some((c) => c.confidence === 'high') ? 'high' : 'low') : null,
      topPassage: first?.passages[0] ? key(first.passages[0].citation) : null,
      claims: r.claims.length,
      addressed: r.addressed,
    };
  }
  return null;
}
