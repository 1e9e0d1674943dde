// What the question log keeps of an answer: the command's own part (src/core/command.ts, `logged`: the question
// or checked message, whether the article answered, the top passage's citation key) and who asked, where and
// how fast. Shared by the interaction dispatch (gateway and HTTP server) and the console.
import type { Citation } from '../domain/types.ts';
import type { QuestionEntry } from '../store/question-log.ts';
import type { BaseOutcome, CommandDefinition } from './command.ts';

export interface EntryMeta {
  /** The interaction id (the console makes one up): the key the 👍/👎 buttons carry. */
  id: string;
  userId: string;
  locale: string;
  source: string | null;
  latencyMs: number;
}

/** How the log names a passage: `articleId#paragraph`. */
export function citationKey(citation: Citation): string {
  return `${citation.articleId}#${citation.paragraph}`;
}

/** The entry for an outcome of a logged command; null for commands the log does not keep. */
export function questionEntry<O extends BaseOutcome>(command: Pick<CommandDefinition<O>, 'logged'>, outcome: O, meta: EntryMeta): QuestionEntry | null {
  const answer = command.logged?.(outcome);
  if (!answer) return null;
  return { id: meta.id, userId: meta.userId, locale: meta.locale, source: meta.source, latencyMs: Math.round(meta.latencyMs * 100) / 100, ...answer };
}
