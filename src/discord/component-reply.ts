// Answering a button (their stateless protocol is components.ts): 👍/👎 records a vote, "More results" reruns
// the paged command with the question kept in the message and shows the page asked for, "Share in channel"
// posts the same embeds publicly.
import { ComponentType, InteractionResponseType, MessageFlags, type APIMessageComponentInteraction } from 'discord-api-types/v10';
import { notice, render, runCommand } from './command-reply.ts';
import { decodeCustomId, embedForRequest, questionFromMessage, voteIdFromMessage } from './components.ts';
import type { DispatchContext, Handled } from './dispatch.ts';
import { localeOf, pagingRows, userIdOf, withoutFlags } from './interaction-fields.ts';
import { noMentions } from './render/limits.ts';
import { fitMessage, withFeedback } from './render/reply.ts';

/** "More results" / "Previous": recomputed from the question, so it is stateless and a reloaded corpus shows its current passages. */
function turnPage(ctx: DispatchContext, interaction: APIMessageComponentInteraction, page: number): Handled {
  const locale = localeOf(interaction);
  const { message } = interaction;
  const question = questionFromMessage(message);
  const command = ctx.opts.app.commands.find((c) => c.paged);
  const name = command?.data.name ?? 'ask';
  if (!question || !command?.paged) return { reply: notice(locale, 'error.stale-message'), outcome: 'stale-message', command: name };
  const wasPrivate = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  const outcome = command.paged.at(runCommand(ctx, command, { options: { [command.paged.option]: question }, locale }), page, wasPrivate);
  // The page turn keeps the answer's 👍/👎 row (same question id).
  const voteId = voteIdFromMessage(message);
  const rendered = render(ctx, command, outcome, locale);
  const data = withoutFlags(voteId ? withFeedback(rendered, voteId) : rendered);
  return { reply: { response: { type: InteractionResponseType.UpdateMessage, data } }, outcome: 'page', command: name };
}

export function component(ctx: DispatchContext, interaction: APIMessageComponentInteraction): Handled {
  const locale = localeOf(interaction);
  const action = interaction.data.component_type === ComponentType.Button ? decodeCustomId(interaction.data.custom_id) : null;
  if (!action) return { reply: notice(locale, 'error.unknown-component'), outcome: 'unknown-component' };
  if (action.kind === 'vote') {
    // One vote per user and answer (a later click replaces it); the thanks is private.
    ctx.opts.questionLog.vote({ questionId: action.questionId, userId: userIdOf(interaction), vote: action.vote });
    return { reply: notice(locale, action.vote === 1 ? 'feedback.thanks.up' : 'feedback.thanks.down'), outcome: 'voted' };
  }
  if (action.kind === 'page') return turnPage(ctx, interaction, action.page);
  // Share in channel: the same embeds, posted publicly, with the paging and 👍/👎 buttons but without "Share".
  const { message } = interaction;
  if (!message.embeds?.length) return { reply: notice(locale, 'error.stale-message'), outcome: 'stale-message' };
  const data = fitMessage({ embeds: message.embeds.map(embedForRequest), components: pagingRows(message), allowed_mentions: noMentions() });
  return { reply: { response: { type: InteractionResponseType.ChannelMessageWithSource, data } }, outcome: 'shared' };
}
