// Whole replies: a command's outcome as interaction response data, notices, autocomplete choices, the 👍/👎 row,
// and the safety net every payload passes through (fitMessage: every limit, and no mentions).
import { time, TimestampStyles } from '@discordjs/formatters';
import { ButtonStyle, ComponentType, MessageFlags, type APIApplicationCommandOptionChoice, type APIButtonComponent, type APIEmbed, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { Command } from '../../commands/command.ts';
import { INPUT_LENGTH, type BaseOutcome } from '../../core/command.ts';
import { encodeCustomId } from '../components.ts';
import { t, type StringKey } from '../strings.ts';
import { button, DEFAULT_RENDER_OPTIONS, row, type RenderOptions } from './embed.ts';
import { LIMITS, noMentions } from './limits.ts';
import { ELLIPSIS, fitEscaped, truncate } from './text.ts';

/**
 * A command's outcome as the `data` of an interaction response: its renderer's embeds and buttons, the
 * ephemeral flag when private, and no mentions. Private replies get "Share in channel".
 */
export function renderReply<O extends BaseOutcome>(command: Pick<Command<O>, 'discord'>, outcome: O, options: Partial<RenderOptions> = {}): APIInteractionResponseCallbackData {
  const opts: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, ...options };
  const rendered = command.discord(outcome, opts);
  const buttons = [...rendered.buttons];
  if (outcome.private) buttons.push(button(t(opts.locale, 'share.button'), encodeCustomId({ kind: 'share' }), ButtonStyle.Secondary));
  return fitMessage({
    embeds: rendered.embeds,
    components: row(buttons),
    ...(outcome.private ? { flags: MessageFlags.Ephemeral } : {}),
    allowed_mentions: noMentions(),
  });
}

/** An error or notice for the user alone (errors are always private); what the user typed is echoed escaped. */
export function renderNotice(locale: string, key: StringKey, vars: Record<string, string | number> = {}): APIInteractionResponseCallbackData {
  const escaped = Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? fitEscaped(v, INPUT_LENGTH.name) : v]));
  return fitMessage({ content: t(locale, key, escaped), flags: MessageFlags.Ephemeral, allowed_mentions: noMentions() });
}

/** The private "slow down" notice, with Discord's relative timestamp for when the user may try again. */
export function renderCooldown(locale: string, retryAtMs: number): APIInteractionResponseCallbackData {
  const when = time(Math.ceil(retryAtMs / 1000), TimestampStyles.RelativeTime);
  return fitMessage({ content: t(locale, 'cooldown.wait', { when }), flags: MessageFlags.Ephemeral, allowed_mentions: noMentions() });
}

/** Autocomplete choices within Discord's limits: at most 25, names and values 1–100 characters. */
export function renderChoices(choices: readonly APIApplicationCommandOptionChoice<string>[]): APIApplicationCommandOptionChoice<string>[] {
  return choices
    .filter((c) => c.name.trim() && c.value.trim())
    .slice(0, LIMITS.choices)
    .map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) }));
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

/** One embed with each of its texts cut to Discord's limit for it. */
function fitEmbed(e: APIEmbed): APIEmbed {
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
}

/**
 * Enforces every limit on a finished payload and forces `allowed_mentions: { parse: [] }`. The renderers
 * already stay within limits; this is the guarantee for payloads built elsewhere (e.g. "Share in channel"
 * re-posting received embeds). Over the 6000 total it drops fields from the end, then shortens descriptions.
 */
export function fitMessage(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const out: APIInteractionResponseCallbackData = { ...data, allowed_mentions: noMentions() };
  if (out.content !== undefined) out.content = truncate(out.content, LIMITS.content, 'line');
  if (out.embeds) {
    const embeds = out.embeds.slice(0, LIMITS.embeds).map(fitEmbed);
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
