// The one module that turns command outcomes into Discord message payloads, and the only place that knows
// Discord's limits. Everything echoed (questions, names, article text) is markdown-escaped; everything long
// is cut at a word or line boundary with a visible "…", before markup is added, so a cut never breaks bold
// or underline. Every payload carries `allowed_mentions: { parse: [] }`: nothing the bot says can ping.
import { escapeMarkdown, time, TimestampStyles } from '@discordjs/formatters';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { CommandOutcome } from './commands/types.ts';
import type { CheckedClaim } from '../domain/check.ts';
import type { AskResult, Citation, CommitmentsResult, QuotesResult, RankedPassage, Suggestion } from '../domain/types.ts';
import { encodeCustomId, questionFooter } from './components.ts';
import { askDeclineVars, t, type StringKey } from './strings.ts';

/** Discord's documented limits (characters are counted as UTF-16 units here, which is never fewer). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author name over all embeds. */
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

export const ELLIPSIS = '…';

/** Longest piece of what the user typed (a name, a detail) echoed back inside a decline sentence. */
const MAX_ECHOED_WORDS = 100;

export interface RenderOptions {
  /** The user's Discord locale; picks the string table. */
  locale: string;
  /** Passages per /ask page: the best one in the description, the others as fields. */
  pageSize: number;
  /** Suggestions shown under a decline. */
  maxSuggestions: number;
  colors: { answer: number; decline: number; info: number };
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = {
  locale: 'en-US',
  pageSize: 3,
  maxSuggestions: 5,
  colors: { answer: 0x2f7d32, decline: 0xb26a00, info: 0x3a5ba0 },
};

/** What every reply is sent with: user or article text can contain @everyone or <@&id>; none may ping. */
export function noMentions(): { parse: [] } {
  return { parse: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers

/**
 * Cuts `text` to at most `max` characters. If it has to cut, it ends at the last line break ('line') or
 * whitespace ('word', also the fallback for 'line') and appends "…". A single word longer than half the room is
 * cut inside (still with "…"). Never splits a surrogate pair or leaves a dangling escape backslash.
 */
export function truncate(text: string, max: number, boundary: 'word' | 'line' = 'word'): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  const room = text.slice(0, max - 1);
  let cut = -1;
  if (boundary === 'line') cut = room.lastIndexOf('\n');
  if (cut < room.length / 2) cut = Math.max(cut, lastWhitespace(room));
  if (cut < room.length / 2) cut = room.length;
  let kept = room.slice(0, cut).trimEnd();
  // A lone high surrogate at the end is half a character (an emoji, say): drop it.
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  // An odd run of backslashes at the end would escape the "…" (and shows up as a stray backslash).
  const slashes = /\\+$/.exec(kept)?.[0].length ?? 0;
  if (slashes % 2 === 1) kept = kept.slice(0, -1);
  return `${kept}${ELLIPSIS}`;
}

function lastWhitespace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}

/**
 * A text matching none of these is returned unchanged by every escaper escapeText applies: `\\`, `` ` ``, `*`, `_`,
 * `~`, `|`, `#` and `[` are what the inline escapers, headings and masked links act on; the rest are line starts
 * (a "-" or "*" list, "> " and "-#", "1." numbering). Over-matching is harmless (the text is then escaped as before).
 */
const MARKDOWN_SENSITIVE = /[\\`*_~|#[]|^\s*[->]|^ *\d+\./m;

/**
 * Markdown-escapes text shown to users (questions, names, article text), including the line-start syntax
 * escapeMarkdown leaves alone by default: headings, lists, masked links. Block quotes ("> ") and subtext
 * ("-# ") are not covered by escapeMarkdown at all, so those two are escaped here.
 */
export function escapeText(text: string): string {
  // Most article text has none of these, and escaping is the costliest step of a reply (escapeMarkdown's italic
  // pattern looks behind at every position): skip it when it cannot change anything.
  if (!MARKDOWN_SENSITIVE.test(text)) return text;
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped.replace(/^(\s*)(>|-#)/gm, '$1\\$2');
}

/**
 * Truncates, then transforms (escapes, marks up), and shrinks until the transformed text fits `max`: the cut
 * happens on the raw text, so it can never split an escape sequence or a markdown marker.
 */
export function fitTransformed(raw: string, max: number, transform: (cut: string) => string, boundary: 'word' | 'line' = 'word'): string {
  let budget = max;
  for (;;) {
    const out = transform(truncate(raw, budget, boundary));
    if (out.length <= max) return out;
    if (budget === 0) return max > 0 ? ELLIPSIS : '';
    // Shrink the raw cut by the overflow (at least one character) and try again.
    budget = Math.max(0, budget - Math.max(1, out.length - max));
  }
}

/** Escaped user or article text, at most `max` characters. */
export function fitEscaped(raw: string, max: number, boundary: 'word' | 'line' = 'word'): string {
  return fitTransformed(raw, max, escapeText, boundary);
}

/** "Article title · Section · ¶N", escaped. */
export function citationText(citation: Citation): string {
  return [citation.articleTitle, citation.section, `¶${citation.paragraph}`]
    .filter((part): part is string => Boolean(part))
    .map(escapeText)
    .join(' · ');
}

/** Patterns by term list: the same few terms come back with every answer to the same question. */
const termPatterns = new Map<string, RegExp | null>();
/** Bounds the memo: past this many distinct term lists it starts over (a pattern is cheap to rebuild). */
const MAX_TERM_PATTERNS = 1_000;

function termPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  const known = termPatterns.get(key);
  if (known !== undefined) return known;
  if (termPatterns.size >= MAX_TERM_PATTERNS) termPatterns.clear();
  const pattern = buildTermPattern(terms);
  termPatterns.set(key, pattern);
  return pattern;
}

function buildTermPattern(terms: readonly string[]): RegExp | null {
  const words = [...new Set(terms.map((w) => w.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;
  const alternatives = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Discord autolinks a URL up to the next whitespace, markers included, so no markup may touch one. */
const URL_AT_END = /https?:\/\/\S*$/;
/** What every URL URL_AT_END matches contains. */
const URL_MARK = '://';

/** Escapes `text` and underlines the matched terms in it (but never inside a URL). */
function underlineTerms(text: string, pattern: RegExp | null): string {
  if (!pattern || !text) return escapeText(text);
  // Without "://" no URL can run into a term: the per-match check (a scan of everything before it) is skipped.
  const mayHaveUrl = text.includes(URL_MARK);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    // A URL running into the term's end would swallow the closing marker.
    if (mayHaveUrl && URL_AT_END.test(text.slice(0, match.index + match[0].length))) continue;
    out += escapeText(text.slice(last, match.index)) + `__${escapeText(match[0])}__`;
    last = match.index + match[0].length;
  }
  return out + escapeText(text.slice(last));
}

/**
 * A passage, verbatim, with its answering sentence in bold and the question's matched terms underlined,
 * within `max` characters. Markup is applied to the already-cut text, and the bold span never starts or ends
 * on whitespace (Discord would not render it).
 */
export function highlightPassage(passage: Pick<RankedPassage, 'text' | 'sentences' | 'bestSentence' | 'matchedTerms'>, max: number): string {
  const sentence = passage.sentences[passage.bestSentence] ?? '';
  const start = sentence ? passage.text.indexOf(sentence) : -1;
  const pattern = termPattern(passage.matchedTerms);
  return fitTransformed(passage.text, max, (cut) => {
    const truncated = cut.length < passage.text.length;
    const body = truncated ? cut.slice(0, -ELLIPSIS.length) : cut;
    const tail = truncated ? ELLIPSIS : '';
    if (start < 0 || start >= body.length) return underlineTerms(body, pattern) + tail;
    let from = start;
    let to = Math.min(start + sentence.length, body.length);
    while (from < to && /\s/.test(body[from]!)) from++;
    while (to > from && /\s/.test(body[to - 1]!)) to--;
    if (from === to || URL_AT_END.test(body.slice(0, to)) || URL_AT_END.test(body.slice(0, from))) return underlineTerms(body, pattern) + tail;
    return (
      underlineTerms(body.slice(0, from), pattern) +
      `**${underlineTerms(body.slice(from, to), pattern)}**` +
      underlineTerms(body.slice(to), pattern) +
      tail
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Embed assembly under the 6000-character total

/** Hands out room from the per-message embed total; every text that counts goes through `take`. */
class Budget {
  #left: number;
  constructor(total: number) {
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

function field(budget: Budget, name: string, value: (max: number) => string): APIEmbedField | null {
  const fieldName = truncate(name, Math.min(LIMITS.fieldName, budget.left - 40));
  const room = Math.min(LIMITS.fieldValue, budget.left - fieldName.length);
  if (!fieldName || room < 40) return null;
  const fieldValue = value(room) || ELLIPSIS;
  budget.take(fieldName);
  budget.take(fieldValue);
  return { name: fieldName, value: fieldValue };
}

function suggestionLines(locale: string, suggestions: readonly Suggestion[], max: number): string {
  if (suggestions.length === 0) return '';
  const lines = suggestions.map((s) => {
    const where = s.citation ? ` (${citationText(s.citation)})` : '';
    const tryIt = s.query && s.query !== s.label ? ` → “${fitEscaped(s.query, 100)}”` : '';
    return `• ${fitEscaped(s.label, 300)}${where}${tryIt}`;
  });
  return truncate(`**${t(locale, 'suggestions.heading')}**\n${lines.join('\n')}`, max, 'line');
}

function declineEmbed(opts: RenderOptions, title: string, reason: string, suggestions: readonly Suggestion[], footer?: string): APIEmbed {
  const budget = new Budget(LIMITS.embedTotal);
  const embed: APIEmbed = { color: opts.colors.decline, title: budget.take(title) };
  if (footer) embed.footer = { text: budget.take(truncate(footer, LIMITS.footer)) };
  const head = budget.take(truncate(reason, Math.min(LIMITS.embedDescription, budget.left)));
  const room = Math.min(LIMITS.embedDescription - head.length, budget.left) - 2;
  const list = suggestionLines(opts.locale, suggestions.slice(0, opts.maxSuggestions), room);
  embed.description = list ? `${head}\n\n${budget.take(list)}` : head;
  return embed;
}

function titled(locale: string, key: StringKey, vars: Record<string, string | number> = {}): string {
  return truncate(t(locale, key, vars), LIMITS.embedTitle);
}

// ---------------------------------------------------------------------------------------------------------
// Outcomes

function button(label: string, customId: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.buttonLabel), custom_id: customId };
}

function row(buttons: APIButtonComponent[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return buttons.length ? [{ type: ComponentType.ActionRow, components: buttons.slice(0, LIMITS.buttonsPerRow) }] : [];
}

/** Number of /ask pages for a result (0 for a decline). */
export function pageCount(result: AskResult, pageSize = DEFAULT_RENDER_OPTIONS.pageSize): number {
  return result.answered ? Math.max(1, Math.ceil(result.passages.length / pageSize)) : 0;
}

function renderAsk(opts: RenderOptions, result: AskResult, requestedPage: number): Rendered {
  const { locale } = opts;
  // The footer carries the question verbatim: "More results" recovers it from there (see components.ts).
  const footer = truncate(questionFooter(result.question), LIMITS.footer);
  if (!result.answered) {
    const reason = t(locale, `decline.${result.reason}`, askDeclineVars(locale, result, (typed) => fitEscaped(typed, MAX_ECHOED_WORDS)));
    return { embeds: [declineEmbed(opts, titled(locale, 'ask.declined.title'), reason, result.suggestions, footer)], buttons: [] };
  }
  const pages = pageCount(result, opts.pageSize);
  const page = Math.min(Math.max(0, Math.trunc(requestedPage) || 0), pages - 1);
  const shown = result.passages.slice(page * opts.pageSize, (page + 1) * opts.pageSize);
  const budget = new Budget(LIMITS.embedTotal);
  // A low-confidence answer says so in its title and above the passage: it is the closest passage, not an answer.
  const closest = result.confidence === 'low';
  const heading = closest ? titled(locale, 'ask.title.closest') : titled(locale, 'ask.title');
  const title = budget.take(page === 0 ? heading : titled(locale, 'ask.title.page', { page: page + 1, pages }));
  const embed: APIEmbed = { color: opts.colors.answer, title, footer: { text: budget.take(footer) } };
  const [first, ...rest] = shown;
  if (first) {
    const cite = truncate(`📖 ${citationText(first.citation)}`, 600);
    const note = closest && page === 0 ? `*${t(locale, 'ask.closest.note')}*\n\n` : '';
    const room = Math.min(LIMITS.embedDescription, budget.left) - cite.length - note.length - 2;
    embed.description = budget.take(`${note}${highlightPassage(first, room)}\n\n${cite}`);
  }
  const fields = rest.map((p) => field(budget, `📖 ${citationText(p.citation)}`, (max) => highlightPassage(p, max))).filter((f) => f !== null);
  if (fields.length) embed.fields = fields;
  const buttons: APIButtonComponent[] = [];
  if (page > 0) buttons.push(button(t(locale, 'ask.previous'), encodeCustomId({ kind: 'page', page: page - 1 }), ButtonStyle.Secondary));
  if (page < pages - 1) buttons.push(button(t(locale, 'ask.more'), encodeCustomId({ kind: 'page', page: page + 1 }), ButtonStyle.Primary));
  return { embeds: [embed], buttons };
}

function renderQuotes(opts: RenderOptions, result: QuotesResult): Rendered {
  const { locale } = opts;
  if (!result.answered) {
    const vars = { query: fitEscaped(result.query, 100), speaker: escapeText(result.speaker?.name ?? result.query) };
    const title = titled(locale, 'quote.declined.title', { query: fitEscaped(result.query, 100) });
    return { embeds: [declineEmbed(opts, title, t(locale, `decline.${result.reason}`, vars), result.suggestions)], buttons: [] };
  }
  // Room is kept back for the "…and N more" note added after the fields.
  const budget = new Budget(LIMITS.embedTotal - 100);
  const speaker = fitEscaped(result.speaker.name, 100);
  const role = result.speaker.role ? fitEscaped(result.speaker.role, 100) : '';
  const embed: APIEmbed = {
    color: opts.colors.answer,
    title: budget.take(titled(locale, role ? 'quote.title.role' : 'quote.title', { speaker, role })),
  };
  if (result.topic) embed.description = budget.take(t(locale, 'quote.topic', { topic: fitEscaped(result.topic, 200) }));
  const fields: APIEmbedField[] = [];
  // One field is kept back for the "…and N more" note when not everything fits.
  for (const quote of result.quotes) {
    if (fields.length >= LIMITS.fields - 1) break;
    const f = field(budget, `📖 ${citationText(quote.citation)}`, (max) => `“${fitEscaped(quote.text, max - 2)}”`);
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

function renderCommitments(opts: RenderOptions, result: CommitmentsResult): Rendered {
  const { locale } = opts;
  if (!result.answered) {
    const party = fitEscaped(result.party, 100);
    const title = titled(locale, 'commitments.declined.title', { party });
    return { embeds: [declineEmbed(opts, title, t(locale, `decline.${result.reason}`, { party }), result.suggestions)], buttons: [] };
  }
  const title = result.party ? titled(locale, 'commitments.title.party', { party: fitEscaped(result.party, 100) }) : titled(locale, 'commitments.title');
  const lines = result.commitments.map(
    (c, i) => `${i + 1}. ${fitEscaped(c.text, 600)} — ${t(locale, 'commitments.by', { party: escapeText(c.party) })} · ${citationText(c.citation)}`,
  );
  const description = truncate(lines.join('\n'), Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length), 'line');
  return { embeds: [{ color: opts.colors.answer, title, description }], buttons: [] };
}

function renderHelp(opts: RenderOptions, outcome: Extract<CommandOutcome, { kind: 'help' }>): Rendered {
  const { locale } = opts;
  const budget = new Budget(LIMITS.embedTotal);
  const title = budget.take(titled(locale, 'help.title'));
  const sources = outcome.info.articles.map((a) =>
    t(locale, 'help.source', { title: fitEscaped(a.title, 200), date: a.date ?? t(locale, 'date.unknown') }),
  );
  const description = budget.take(truncate([t(locale, 'help.description'), '', ...sources].join('\n'), 2000, 'line'));
  const fields = outcome.commands
    .slice(0, LIMITS.fields)
    .map((c) => {
      // A context-menu command has no slash form: its usage says where to find it.
      const usage = c.menu ? t(locale, 'help.menu.usage', { name: c.name }) : c.usage;
      return field(budget, c.menu ? c.name : `/${c.name}`, (max) => truncate(`${escapeText(c.description)}\n\`${usage.replace(/`/g, "'")}\``, max, 'line'));
    })
    .filter((f) => f !== null);
  return { embeds: [{ color: opts.colors.info, title, description, fields }], buttons: [] };
}

function renderAbout(opts: RenderOptions, outcome: Extract<CommandOutcome, { kind: 'about' }>): Rendered {
  const { locale } = opts;
  const { info, app } = outcome;
  const budget = new Budget(LIMITS.embedTotal);
  const title = budget.take(titled(locale, 'about.title'));
  const fields: APIEmbedField[] = [];
  const documents = field(budget, t(locale, 'about.documents'), (max) => documentLines(locale, info.articles, max));
  if (documents) fields.push(documents);
  const corpus = t(locale, 'about.corpus.value', { articles: info.articles.length, passages: info.passages, speakers: info.speakers });
  for (const [key, value] of [
    ['about.corpus', corpus],
    ['about.version', `${escapeText(app.name)} ${escapeText(app.version)}`],
    ['about.loaded', loadedText(locale, info.loadedAt)],
  ] as const) {
    const f = field(budget, t(locale, key), (max) => truncate(value, max));
    if (f) fields.push(f);
  }
  return { embeds: [{ color: opts.colors.info, title, fields }], buttons: [] };
}

interface Rendered {
  embeds: APIEmbed[];
  buttons: APIButtonComponent[];
}

/**
 * A command outcome as the `data` of an interaction response: embeds, buttons, the ephemeral flag when
 * private, and no mentions. Private replies get "Share in channel".
 */
export function renderOutcome(outcome: CommandOutcome, options: Partial<RenderOptions> = {}): APIInteractionResponseCallbackData {
  const opts: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, ...options };
  const rendered = renderParts(opts, outcome);
  const buttons = [...rendered.buttons];
  if (outcome.private) buttons.push(button(t(opts.locale, 'share.button'), encodeCustomId({ kind: 'share' }), ButtonStyle.Secondary));
  return fitMessage({
    embeds: rendered.embeds,
    components: row(buttons),
    ...(outcome.private ? { flags: MessageFlags.Ephemeral } : {}),
    allowed_mentions: noMentions(),
  });
}

function renderParts(opts: RenderOptions, outcome: CommandOutcome): Rendered {
  switch (outcome.kind) {
    case 'ask':
      return renderAsk(opts, outcome.result, outcome.page);
    case 'quote':
      return renderQuotes(opts, outcome.result);
    case 'commitments':
      return renderCommitments(opts, outcome.result);
    case 'help':
      return renderHelp(opts, outcome);
    case 'about':
      return renderAbout(opts, outcome);
    case 'check':
      return renderCheck(opts, outcome);
  }
}

/** An error or notice for the user alone (errors are always private). */
export function renderNotice(locale: string, key: StringKey, vars: Record<string, string | number> = {}): APIInteractionResponseCallbackData {
  const escaped = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? fitEscaped(v, 100) : v]));
  return fitMessage({ content: t(locale, key, escaped), flags: MessageFlags.Ephemeral, allowed_mentions: noMentions() });
}

/** Autocomplete choices within Discord's limits: at most 25, names and values 1–100 characters. */
export function renderChoices(choices: readonly APIApplicationCommandOptionChoice<string>[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.name.trim() && c.value.trim())
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) }));
}

// ---------------------------------------------------------------------------------------------------------
// The safety net

function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function totalEmbedLength(embeds: readonly APIEmbed[] | undefined): number {
  return (embeds ?? []).reduce((n, e) => n + embedLength(e), 0);
}

/**
 * Enforces every limit on a finished payload and forces `allowed_mentions: { parse: [] }`. The renderers above
 * already stay within limits; this is the guarantee for payloads built elsewhere (e.g. "Share in channel"
 * re-posting received embeds). Over the 6000 total it drops fields from the end, then shortens descriptions.
 */
export function fitMessage(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const out: APIInteractionResponseCallbackData = { ...data, allowed_mentions: noMentions() };
  if (out.content !== undefined) out.content = truncate(out.content, LIMITS.content, 'line');
  if (out.embeds) {
    const embeds = out.embeds.slice(0, LIMITS.embeds).map((e) => {
      const embed: APIEmbed = { ...e };
      if (embed.title !== undefined) embed.title = truncate(embed.title, LIMITS.embedTitle);
      if (embed.description !== undefined) embed.description = truncate(embed.description, LIMITS.embedDescription, 'line');
      if (embed.footer) embed.footer = { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) };
      if (embed.author) embed.author = { ...embed.author, name: truncate(embed.author.name, LIMITS.authorName) };
      if (embed.fields) {
        embed.fields = embed.fields
          .slice(0, LIMITS.fields)
          .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName) || ELLIPSIS, value: truncate(f.value, LIMITS.fieldValue, 'line') || ELLIPSIS }));
      }
      return embed;
    });
    for (let i = embeds.length - 1; i >= 0 && totalEmbedLength(embeds) > LIMITS.embedTotal; i--) {
      const embed = embeds[i]!;
      while (embed.fields?.length && totalEmbedLength(embeds) > LIMITS.embedTotal) embed.fields = embed.fields.slice(0, -1);
      const over = totalEmbedLength(embeds) - LIMITS.embedTotal;
      if (over > 0 && embed.description) embed.description = truncate(embed.description, Math.max(0, embed.description.length - over), 'line');
    }
    // Discord refuses empty strings where a text is given.
    for (const embed of embeds) if (embed.description === '') delete embed.description;
    out.embeds = embeds;
  }
  if (out.components) {
    out.components = out.components.slice(0, LIMITS.rows);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Issue 6: the message check, the 👍/👎 row, the cooldown notice, /about's documents

/** One line per corpus document, as many as fit (cut at a line, with "…"). */
function documentLines(locale: string, articles: Extract<CommandOutcome, { kind: 'about' }>['info']['articles'], max: number): string {
  const lines = articles.map((a) =>
    t(locale, 'about.document', { title: fitEscaped(a.title, 200), date: a.date ?? t(locale, 'date.unknown'), passages: a.passages }),
  );
  return truncate(lines.join('\n'), max, 'line');
}

/** "<t:…:R> (<t:…:f>)": Discord shows both in the reader's own time zone and language. */
function loadedText(locale: string, loadedAt: string): string {
  const at = new Date(loadedAt);
  if (Number.isNaN(at.getTime())) return loadedAt;
  return t(locale, 'about.loaded.value', { relative: time(at, TimestampStyles.RelativeTime), absolute: time(at, TimestampStyles.ShortDateTime) });
}

const CLAIM_MARK: Record<CheckedClaim['status'], string> = { addressed: '📖', 'not-addressed': '❔', 'no-claim': '·' };
/** An addressed claim whose passage is only the closest one. */
const CLOSEST_MARK = '≈';

/**
 * A message check: for a one-sentence message, the passages that bear on it (like an /ask answer); for
 * several sentences, one field per sentence with its best passage, or a plain "not addressed".
 * Passages are verbatim; the reply never says true or false (the note says so), it shows the article.
 */
function renderCheck(opts: RenderOptions, outcome: Extract<CommandOutcome, { kind: 'check' }>): Rendered {
  const { locale } = opts;
  const { result } = outcome;
  if (result.claims.length === 0) {
    return { embeds: [{ color: opts.colors.decline, title: titled(locale, 'check.title.empty'), description: t(locale, 'check.empty') }], buttons: [] };
  }
  const none = result.addressed === 0;
  // Room is kept back for the note and the "N more not checked" line added at the end.
  const budget = new Budget(LIMITS.embedTotal - 400);
  const nothing = result.claims.every((c) => c.status === 'no-claim');
  const titleKey = nothing ? 'check.title.empty' : none ? 'check.title.none' : result.whole ? 'check.title' : 'check.title.claims';
  const embed: APIEmbed = { color: none ? opts.colors.decline : opts.colors.answer, title: budget.take(titled(locale, titleKey)) };
  const notes = [t(locale, 'check.note')];
  if (result.unchecked > 0) notes.push(t(locale, 'check.unchecked', { count: result.unchecked }));
  embed.footer = { text: truncate(notes.join(' '), LIMITS.footer) };

  if (result.whole) {
    const claim = result.claims[0]!;
    const quoted = `> ${fitEscaped(claim.text.replace(/\s+/g, ' '), 300)}`;
    const [first, ...rest] = claim.passages;
    if (!first) {
      embed.description = budget.take(`${quoted}\n\n${t(locale, claim.status === 'no-claim' ? 'check.no-claim' : 'check.not-addressed')}`);
      return { embeds: [embed], buttons: [] };
    }
    const cite = truncate(`📖 ${citationText(first.citation)}`, 600);
    const note = claim.confidence === 'low' ? `*${t(locale, 'ask.closest.note')}*\n\n` : '';
    const room = Math.min(LIMITS.embedDescription, budget.left) - cite.length - quoted.length - note.length - 4;
    embed.description = budget.take(`${quoted}\n\n${note}${highlightPassage(first, room)}\n\n${cite}`);
    const fields = rest.map((p) => field(budget, `📖 ${citationText(p.citation)}`, (max) => highlightPassage(p, max))).filter((f) => f !== null);
    if (fields.length) embed.fields = fields;
    return { embeds: [embed], buttons: [] };
  }

  embed.description = budget.take(t(locale, 'check.summary', { addressed: result.addressed, claims: result.claims.length }));
  const fields: APIEmbedField[] = [];
  for (const claim of result.claims.slice(0, LIMITS.fields)) {
    const mark = claim.confidence === 'low' ? CLOSEST_MARK : CLAIM_MARK[claim.status];
    const name = `${mark} ${fitEscaped(claim.text.replace(/\s+/g, ' '), 200)}`;
    const f = field(budget, name, (max) => {
      const best = claim.passages[0];
      if (!best) return t(locale, claim.status === 'no-claim' ? 'check.no-claim' : 'check.not-addressed');
      const cite = truncate(citationText(best.citation), 200);
      return `${highlightPassage(best, Math.max(40, max - cite.length - 1))}\n${cite}`;
    });
    if (!f) break;
    fields.push(f);
  }
  embed.fields = fields;
  return { embeds: [embed], buttons: [] };
}

/**
 * Adds the 👍/👎 row under an answer. The buttons carry the interaction id the question log keyed the
 * answer on; a vote is recorded against it. Skipped if the message already has Discord's 5 rows.
 */
export function withFeedback(data: APIInteractionResponseCallbackData, questionId: string): APIInteractionResponseCallbackData {
  const rows = data.components ?? [];
  if (rows.length >= LIMITS.rows) return data;
  const vote = (value: 1 | -1, emoji: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: emoji },
    custom_id: encodeCustomId({ kind: 'vote', vote: value, questionId }),
  });
  return { ...data, components: [...rows, { type: ComponentType.ActionRow, components: [vote(1, '👍'), vote(-1, '👎')] }] };
}

/** The private "slow down" notice, with Discord's relative timestamp for when the user may try again. */
export function renderCooldown(locale: string, retryAtMs: number): APIInteractionResponseCallbackData {
  const when = time(Math.ceil(retryAtMs / 1000), TimestampStyles.RelativeTime);
  return fitMessage({ content: t(locale, 'cooldown.wait', { when }), flags: MessageFlags.Ephemeral, allowed_mentions: noMentions() });
}
