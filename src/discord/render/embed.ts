// Building blocks of a reply's embeds, shared by the commands' Discord renderers: the room left under the
// 6000-character total, fields that fit, a decline with its suggestions, passages with their citation, buttons.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIComponentInMessageActionRow, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import { DEFAULT_PAGE_SIZE } from '../../core/command.ts';
import type { RankedPassage, Suggestion } from '../../domain/types.ts';
import { t } from '../strings.ts';
import { LIMITS } from './limits.ts';
import { citationText, highlightPassage } from './passage.ts';
import { ELLIPSIS, fitEscaped, truncate } from './text.ts';

export interface RenderOptions {
  /** The user's Discord locale; picks the string table. */
  locale: string;
  /** Passages per page of a paged reply (/ask): the best one in the description, the others as fields. */
  pageSize: number;
  /** Suggestions shown under a decline. */
  maxSuggestions: number;
  colors: { answer: number; decline: number; info: number };
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  locale: 'en-US',
  pageSize: DEFAULT_PAGE_SIZE,
  maxSuggestions: 5,
  colors: { answer: 0x2f7d32, decline: 0xb26a00, info: 0x3a5ba0 },
};

/** What a command's Discord renderer returns; the reply adds the flags, "Share in channel" and the limits check. */
export interface Rendered {
  embeds: APIEmbed[];
  buttons: APIButtonComponent[];
}

/** Between a passage and its citation, a reason and its suggestions. */
const PARAGRAPH_BREAK = '\n\n';
/** A field with less room than this for its value is not worth showing. */
const MIN_FIELD_ROOM = 40;
/** The "📖 citation" line under a passage. */
const CITATION_SHOWN = 600;
/** An article's title where a reply lists the corpus (/help, /about). */
export const ARTICLE_TITLE_SHOWN = 200;
/** A suggestion's label and the query it proposes. */
const SUGGESTION_SHOWN = { label: 300, query: 100 } as const;

/** Hands out room from the per-message embed total; every text that counts goes through `take`. */
export class Budget {
  #left: number;
  constructor(total: number = LIMITS.embedTotal) {
    this.#left = total;
  }
  get left(): number {
    return this.#left;
  }
  take(text: string): string {
    this.#left -= text.length;
    return text;
  }
}

/** A field whose value is made to fit the room left (null when there is too little room). */
export function field(budget: Budget, name: string, value: (max: number) => string): APIEmbedField | null {
  const fieldName = truncate(name, Math.min(LIMITS.fieldName, budget.left - MIN_FIELD_ROOM));
  const room = Math.min(LIMITS.fieldValue, budget.left - fieldName.length);
  if (!fieldName || room < MIN_FIELD_ROOM) return null;
  const fieldValue = value(room) || ELLIPSIS;
  budget.take(fieldName);
  budget.take(fieldValue);
  return { name: fieldName, value: fieldValue };
}

/** A title within Discord's limit. */
export function titled(text: string): string {
  return truncate(text, LIMITS.embedTitle);
}

/** "📖 Article · Section · ¶N", the line under a passage. */
export function citeLine(passage: Pick<RankedPassage, 'citation'>): string {
  return truncate(`📖 ${citationText(passage.citation)}`, CITATION_SHOWN);
}

/** The first passage of a reply in full (as room allows) above its citation, after `head` (already escaped). */
export function leadPassage(budget: Budget, head: string, passage: RankedPassage): string {
  const cite = citeLine(passage);
  const room = Math.min(LIMITS.embedDescription, budget.left) - cite.length - head.length - PARAGRAPH_BREAK.length;
  return budget.take(`${head}${highlightPassage(passage, room)}${PARAGRAPH_BREAK}${cite}`);
}

/** The passages after the first, one field each, as many as fit. */
export function passageFields(budget: Budget, passages: readonly RankedPassage[]): APIEmbedField[] {
  return passages.map((p) => field(budget, `📖 ${citationText(p.citation)}`, (max) => highlightPassage(p, max))).filter((f) => f !== null);
}

function suggestionLines(locale: string, suggestions: readonly Suggestion[], max: number): string {
  if (suggestions.length === 0) return '';
  const lines = suggestions.map((s) => {
    const where = s.citation ? ` (${citationText(s.citation)})` : '';
    const tryIt = s.query && s.query !== s.label ? ` → “${fitEscaped(s.query, SUGGESTION_SHOWN.query)}”` : '';
    return `• ${fitEscaped(s.label, SUGGESTION_SHOWN.label)}${where}${tryIt}`;
  });
  return truncate(`**${t(locale, 'suggestions.heading')}**\n${lines.join('\n')}`, max, 'line');
}

/** A decline: its reason, then what the article does cover. */
export function declineEmbed(opts: RenderOptions, title: string, reason: string, suggestions: readonly Suggestion[], footer?: string): APIEmbed {
  const budget = new Budget();
  const embed: APIEmbed = { color: opts.colors.decline, title: budget.take(title) };
  if (footer) embed.footer = { text: budget.take(truncate(footer, LIMITS.footer)) };
  const head = budget.take(truncate(reason, Math.min(LIMITS.embedDescription, budget.left)));
  const room = Math.min(LIMITS.embedDescription - head.length, budget.left) - PARAGRAPH_BREAK.length;
  const list = suggestionLines(opts.locale, suggestions.slice(0, opts.maxSuggestions), room);
  embed.description = list ? `${head}${PARAGRAPH_BREAK}${budget.take(list)}` : head;
  return embed;
}

export function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.buttonLabel), custom_id: customId };
}

export function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }] : [];
}
