// /ask in the terminal: the passages verbatim, the answering sentence between ** markers, each with its
// citation; a decline in the same words as in Discord, with what the article does cover.
import { DEFAULT_PAGE_SIZE } from '../../core/command.ts';
import { formatCitation } from '../../core/citation.ts';
import { translator } from '../../core/language.ts';
import { visible } from '../../cli/visible.ts';
import type { AskResult, RankedPassage, Suggestion } from '../../domain/types.ts';
import type { AskOutcome } from './definition.ts';
import { ASK_STRINGS, declineSentence } from './strings.ts';

const t = translator(ASK_STRINGS);

/** What the console says under a page when there are more: its /more command turns the page. */
export const MORE_HINT = 'Type /more for more passages.';

/** The passage verbatim, with the answering sentence between ** markers. */
export function markSentence(p: Pick<RankedPassage, 'text' | 'sentences' | 'bestSentence'>): string {
  const sentence = p.sentences[p.bestSentence];
  if (!sentence) return p.text;
  const at = p.text.indexOf(sentence);
  return at < 0 ? p.text : `${p.text.slice(0, at)}**${sentence}**${p.text.slice(at + sentence.length)}`;
}

/** What the article does cover, under a decline. */
export function suggestionLines(list: readonly Suggestion[]): string[] {
  if (list.length === 0) return [];
  return ['', 'The article does cover:', ...list.map((s) => `  - ${s.label}${s.citation ? ` (${formatCitation(s.citation)})` : ''}`)];
}

/** One page of an answer (`perPage` passages), or the decline; `moreHint` closes a page that has a next one. */
export function renderAskText(r: AskResult, page = 0, perPage = DEFAULT_PAGE_SIZE, moreHint = ''): string {
  if (!r.answered) return [declineSentence(t, 'en', r, visible), ...suggestionLines(r.suggestions)].join('\n');
  const shown = r.passages.slice(page * perPage, (page + 1) * perPage);
  if (shown.length === 0) return 'No more passages.';
  const lines: string[] = r.confidence === 'low' && page === 0 ? [`${t('en', 'ask.title.closest')} (${t('en', 'ask.closest.note')})`] : [];
  shown.forEach((p, i) => {
    if (i > 0 || page > 0) lines.push('', `Also relevant (${page * perPage + i + 1}/${r.passages.length}):`);
    lines.push(markSentence(p), `  — ${formatCitation(p.citation)}`);
  });
  if (moreHint && (page + 1) * perPage < r.passages.length) lines.push('', moreHint);
  return lines.join('\n');
}

export function askText(outcome: AskOutcome): string {
  return renderAskText(outcome.result, outcome.page, DEFAULT_PAGE_SIZE, MORE_HINT);
}
