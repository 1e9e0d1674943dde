// /ask in Discord: the best passage in the description (answering sentence in bold, matched terms underlined)
// above its citation, the next ones as fields, "Previous"/"More results" buttons; the question verbatim in the
// footer, where a click recovers it (src/discord/components.ts). A decline says why and what the article covers.
import { ButtonStyle, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import { INPUT_LENGTH } from '../../core/command.ts';
import { translator } from '../../core/language.ts';
import { encodeCustomId, questionFooter } from '../../discord/components.ts';
import { Budget, button, declineEmbed, leadPassage, passageFields, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { LIMITS } from '../../discord/render/limits.ts';
import { fitEscaped, truncate } from '../../discord/render/text.ts';
import { pageCount, type AskOutcome } from './definition.ts';
import { ASK_STRINGS, declineSentence } from './strings.ts';

const t = translator(ASK_STRINGS);

export function renderAsk({ result, page: requestedPage }: AskOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  // The footer carries the question verbatim: "More results" recovers it from there (see components.ts).
  const footer = truncate(questionFooter(result.question), LIMITS.footer);
  if (!result.answered) {
    const reason = declineSentence(t, locale, result, (typed) => fitEscaped(typed, INPUT_LENGTH.name));
    return { embeds: [declineEmbed(opts, titled(t(locale, 'ask.declined.title')), reason, result.suggestions, footer)], buttons: [] };
  }
  const pages = pageCount(result, opts.pageSize);
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1);
  const shown = result.passages.slice(page * opts.pageSize, (page + 1) * opts.pageSize);
  const budget = new Budget();
  // A low-confidence answer says so in its title and above the passage: it is the closest passage, not an answer.
  const closest = result.confidence === 'low';
  const heading = titled(t(locale, closest ? 'ask.title.closest' : 'ask.title'));
  const title = budget.take(page === 0 ? heading : titled(t(locale, 'ask.title.page', { page: page + 1, pages })));
  const embed: APIEmbed = { color: opts.colors.answer, title, footer: { text: budget.take(footer) } };
  const [first, ...rest] = shown;
  if (first) embed.description = leadPassage(budget, closest && page === 0 ? `*${t(locale, 'ask.closest.note')}*\n\n` : '', first);
  const fields = passageFields(budget, rest);
  if (fields.length) embed.fields = fields;
  const buttons: APIButtonComponent[] = [];
  if (page > 0) buttons.push(button(t(locale, 'ask.previous'), encodeCustomId({ kind: 'page', page: page - 1 }), ButtonStyle.Secondary));
  if (page < pages - 1) buttons.push(button(t(locale, 'ask.more'), encodeCustomId({ kind: 'page', page: page + 1 }), ButtonStyle.Primary));
  return { embeds: [embed], buttons };
}
