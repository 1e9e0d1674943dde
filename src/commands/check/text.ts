// The message check in the terminal: each claim, then the passage on it (marked as closest when it is only that).
import { formatCitation } from '../../core/citation.ts';
import { translator } from '../../core/language.ts';
import { visible } from '../../cli/visible.ts';
import { ASK_STRINGS } from '../ask/strings.ts';
import { markSentence } from '../ask/text.ts';
import type { CheckOutcome } from './definition.ts';
import { CHECK_STRINGS } from './strings.ts';

const t = translator(CHECK_STRINGS);
const askText = translator(ASK_STRINGS);

export function checkText({ result: r }: CheckOutcome): string {
  if (r.claims.length === 0) return t('en', 'check.empty');
  const lines = r.claims.flatMap((claim) => {
    const head = `> ${visible(claim.text.replace(/\s+/g, ' '))}`;
    const best = claim.passages[0];
    if (!best) return [head, `  ${t('en', claim.status === 'no-claim' ? 'check.no-claim' : 'check.not-addressed')}`];
    const closest = claim.confidence === 'low' ? [`  ${askText('en', 'ask.closest.note')}`] : [];
    return [head, ...closest, `  ${markSentence(best)}`, `    — ${formatCitation(best.citation)}`];
  });
  if (r.unchecked > 0) lines.push(t('en', 'check.unchecked', { count: r.unchecked }));
  return [...lines, t('en', 'check.note')].join('\n');
}
