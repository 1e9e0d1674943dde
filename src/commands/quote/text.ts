// /quote in the terminal: the speaker, then each quote verbatim with its citation; a decline in the same words
// as in Discord, with the people the article does quote.
import { formatCitation } from '../../core/citation.ts';
import { translator } from '../../core/language.ts';
import { visible } from '../../cli/visible.ts';
import type { QuotesResult, Suggestion } from '../../domain/types.ts';
import type { QuoteOutcome } from './definition.ts';
import { QUOTE_STRINGS } from './strings.ts';

const t = translator(QUOTE_STRINGS);

function speakers(list: readonly Suggestion[]): string[] {
  return list.length ? [`Quoted in the article: ${list.map((s) => s.label).join(', ')}.`] : [];
}

export function renderQuotesText(r: QuotesResult): string {
  if (!r.answered) {
    // The terminal has room for the speaker's role too ("Vladimir Putin (President of Russia)").
    const speaker = r.speaker ? `${r.speaker.name}${r.speaker.role ? ` (${r.speaker.role})` : ''}` : r.query;
    const reason = t('en', `decline.${r.reason}`, { query: visible(r.query), speaker: visible(speaker) });
    return [reason, ...speakers(r.suggestions)].join('\n');
  }
  const head = `${r.speaker.name} (${r.speaker.role}), ${r.quotes.length} quote${r.quotes.length === 1 ? '' : 's'}${r.topic ? `, most relevant to "${r.topic}" first` : ''}:`;
  return [head, ...r.quotes.map((q) => `  “${q.text}”\n    — ${formatCitation(q.citation)}`)].join('\n');
}

export function quoteText(outcome: QuoteOutcome): string {
  return renderQuotesText(outcome.result);
}
