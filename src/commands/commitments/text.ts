// /commitments in the terminal: the list's lead-in, then each commitment with its party and citation; a decline
// in the same words as in Discord, with the parties the article does list.
import { formatCitation } from '../../core/citation.ts';
import { translator } from '../../core/language.ts';
import { visible } from '../../cli/visible.ts';
import type { CommitmentsResult } from '../../domain/types.ts';
import type { CommitmentsOutcome } from './definition.ts';
import { COMMITMENTS_STRINGS } from './strings.ts';

const t = translator(COMMITMENTS_STRINGS);

export function renderCommitmentsText(r: CommitmentsResult): string {
  if (!r.answered) {
    const others = r.suggestions.map((s) => s.label).join(', ');
    return `${t('en', `decline.${r.reason}`, { party: visible(r.party) })}${others ? ` Commitments are listed for: ${others}.` : ''}`;
  }
  if (r.commitments.length === 0) return 'The article lists no commitments.';
  const intro = r.commitments[0]!.introducedBy;
  return [`${intro}`, ...r.commitments.map((c, i) => `  ${i + 1}. ${c.text} (${c.party}; ${formatCitation(c.citation)})`)].join('\n');
}

export function commitmentsText(outcome: CommitmentsOutcome): string {
  return renderCommitmentsText(outcome.result);
}
