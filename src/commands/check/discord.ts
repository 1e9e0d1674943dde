// The message check in Discord: for a one-sentence message, the passages that bear on it (like an /ask answer);
// for several sentences, one field per sentence with its best passage, or a plain "not addressed".
// Passages are verbatim; the reply never says true or false (the note says so), it shows the article.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { translator } from '../../core/language.ts';
import type { CheckedClaim } from '../../domain/check.ts';
import { Budget, field, leadPassage, passageFields, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { LIMITS } from '../../discord/render/limits.ts';
import { citationText, highlightPassage } from '../../discord/render/passage.ts';
import { fitEscaped, truncate } from '../../discord/render/text.ts';
import { ASK_STRINGS } from '../ask/strings.ts';
import type { CheckOutcome } from './definition.ts';
import { CHECK_STRINGS } from './strings.ts';

const t = translator(CHECK_STRINGS);
/** The closest-passage note is /ask's, worded once. */
const askText = translator(ASK_STRINGS);

const CLAIM_MARK: Record<CheckedClaim['status'], string> = { addressed: '📖', 'not-addressed': '❔', 'no-claim': '·' };
/** An addressed claim whose passage is only the closest one. */
const CLOSEST_MARK = '≈';
/** Room kept back under the embed total for the note and the "N more not checked" line. */
const NOTE_ROOM = 400;
/** A one-sentence message, quoted above its passage. */
const MESSAGE_SHOWN = 300;
/** A sentence as a field name, and the citation under its passage. */
const CLAIM_SHOWN = { sentence: 200, citation: 200 } as const;
/** The least room a claim's passage gets beside its citation. */
const MIN_PASSAGE_ROOM = 40;

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** A claim with nothing to show: why, in words. */
function missing(locale: string, claim: CheckedClaim): string {
  return t(locale, claim.status === 'no-claim' ? 'check.no-claim' : 'check.not-addressed');
}

/** A one-sentence message: quoted, then its passages as an /ask answer shows them. */
function renderWhole(locale: string, claim: CheckedClaim, embed: APIEmbed, budget: Budget): void {
  const quoted = `> ${fitEscaped(oneLine(claim.text), MESSAGE_SHOWN)}`;
  const [first, ...rest] = claim.passages;
  if (!first) {
    embed.description = budget.take(`${quoted}\n\n${missing(locale, claim)}`);
    return;
  }
  const note = claim.confidence === 'low' ? `*${askText(locale, 'ask.closest.note')}*\n\n` : '';
  embed.description = leadPassage(budget, `${quoted}\n\n${note}`, first);
  const fields = passageFields(budget, rest);
  if (fields.length) embed.fields = fields;
}

/** Several sentences: a count, then one field per sentence with its best passage. */
function renderClaims(locale: string, result: CheckOutcome['result'], embed: APIEmbed, budget: Budget): void {
  embed.description = budget.take(t(locale, 'check.summary', { addressed: result.addressed, claims: result.claims.length }));
  const fields: APIEmbedField[] = [];
  for (const claim of result.claims.slice(0, LIMITS.fields)) {
    const mark = claim.confidence === 'low' ? CLOSEST_MARK : CLAIM_MARK[claim.status];
    const name = `${mark} ${fitEscaped(oneLine(claim.text), CLAIM_SHOWN.sentence)}`;
    const f = field(budget, name, (max) => {
      const best = claim.passages[0];
      if (!best) return missing(locale, claim);
      const cite = truncate(citationText(best.citation), CLAIM_SHOWN.citation);
      return `${highlightPassage(best, Math.max(MIN_PASSAGE_ROOM, max - cite.length - 1))}\n${cite}`;
    });
    if (!f) break;
    fields.push(f);
  }
  embed.fields = fields;
}

export function renderCheck({ result }: CheckOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  if (result.claims.length === 0) {
    return { embeds: [{ color: opts.colors.decline, title: titled(t(locale, 'check.title.empty')), description: t(locale, 'check.empty') }], buttons: [] };
  }
  const none = result.addressed === 0;
  const budget = new Budget(LIMITS.embedTotal - NOTE_ROOM);
  const nothing = result.claims.every((c) => c.status === 'no-claim');
  const titleKey = nothing ? 'check.title.empty' : none ? 'check.title.none' : result.whole ? 'check.title' : 'check.title.claims';
  const embed: APIEmbed = { color: none ? opts.colors.decline : opts.colors.answer, title: budget.take(titled(t(locale, titleKey))) };
  const notes = [t(locale, 'check.note')];
  if (result.unchecked > 0) notes.push(t(locale, 'check.unchecked', { count: result.unchecked }));
  embed.footer = { text: truncate(notes.join(' '), LIMITS.footer) };
  if (result.whole) renderWhole(locale, result.claims[0]!, embed, budget);
  else renderClaims(locale, result, embed, budget);
  return { embeds: [embed], buttons: [] };
}
