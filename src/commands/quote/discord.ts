// /quote in Discord: one field per quote, verbatim between quotation marks, with its citation; the topic's quotes
// first when one is given, and a note for the quotes that do not fit.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { INPUT_LENGTH } from '../../core/command.ts';
import { translator } from '../../core/language.ts';
import { Budget, declineEmbed, field, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { LIMITS } from '../../discord/render/limits.ts';
import { citationText } from '../../discord/render/passage.ts';
import { escapeText, fitEscaped, truncate } from '../../discord/render/text.ts';
import type { QuoteOutcome } from './definition.ts';
import { QUOTE_STRINGS } from './strings.ts';

const t = translator(QUOTE_STRINGS);

/** What a quote is shown between. */
const QUOTE_MARKS = '“”';
/** Room kept back under the embed total for the "…and N more" note. */
const MORE_NOTE_ROOM = 100;

export function renderQuote({ result }: QuoteOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  if (!result.answered) {
    const query = fitEscaped(result.query, INPUT_LENGTH.name);
    const vars = { query, speaker: escapeText(result.speaker?.name ?? result.query) };
    const title = titled(t(locale, 'quote.declined.title', { query }));
    return { embeds: [declineEmbed(opts, title, t(locale, `decline.${result.reason}`, vars), result.suggestions)], buttons: [] };
  }
  const budget = new Budget(LIMITS.embedTotal - MORE_NOTE_ROOM);
  const speaker = fitEscaped(result.speaker.name, INPUT_LENGTH.name);
  const role = result.speaker.role ? fitEscaped(result.speaker.role, INPUT_LENGTH.name) : '';
  const embed: APIEmbed = {
    color: opts.colors.answer,
    title: budget.take(titled(t(locale, role ? 'quote.title.role' : 'quote.title', { speaker, role }))),
  };
  if (result.topic) embed.description = budget.take(t(locale, 'quote.topic', { topic: fitEscaped(result.topic, INPUT_LENGTH.topic) }));
  const fields: APIEmbedField[] = [];
  // One field is kept back for the "…and N more" note when not everything fits.
  for (const quote of result.quotes) {
    if (fields.length >= LIMITS.fields - 1) break;
    const f = field(budget, `📖 ${citationText(quote.citation)}`, (max) => `“${fitEscaped(quote.text, max - QUOTE_MARKS.length)}”`);
    if (!f) break;
    fields.push(f);
  }
  const hidden = result.quotes.length - fields.length;
  if (hidden > 0) {
    const note = t(locale, 'quote.more', { count: hidden });
    embed.description = truncate(embed.description ? `${embed.description}\n${note}` : note, LIMITS.embedDescription);
  }
  if (fields.length) embed.fields = fields;
  return { embeds: [embed], buttons: [] };
}
