// Answering a command: the slash command, the message context-menu command and autocomplete. The command runs
// against the app's current engine, its reply is rendered by its own Discord renderer; a `limited` command first
// takes a use from the user's cooldown, a `logged` one goes to the question log and gets 👍/👎, a `defer` one is
// acknowledged at once and finished in the follow-up.
import {
  ApplicationCommandType,
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessageApplicationCommandInteraction,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import type { Command } from '../commands/command.ts';
import type { BaseOutcome, CommandInput } from '../core/command.ts';
import { questionEntry } from '../core/question-entry.ts';
import type { DispatchContext, Handled, InteractionOutcome } from './dispatch.ts';
import { focusedOption, localeOf, optionValues, userIdOf, withoutFlags } from './interaction-fields.ts';
import { renderChoices, renderCooldown, renderNotice, renderReply, withFeedback } from './render/reply.ts';
import type { StringKey } from './strings.ts';

export function notice(locale: string, key: StringKey, vars: Record<string, string> = {}): Handled['reply'] {
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(locale, key, vars) } };
}

function message(data: APIInteractionResponseCallbackData): Handled['reply'] {
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data } };
}

/** What one command's outcome came to, for the log line. */
export function outcomeOf(command: Command, outcome: BaseOutcome): InteractionOutcome {
  if (!command.answered) return 'info';
  return command.answered(outcome) ? 'answered' : 'declined';
}

/** Runs a command against the app's engine, read on every call: a live reload may have swapped it. */
export function runCommand(ctx: DispatchContext, command: Command, input: CommandInput): BaseOutcome {
  return command.run(ctx.opts.app.context, input);
}

export function render(ctx: DispatchContext, command: Command, outcome: BaseOutcome, locale: string): APIInteractionResponseCallbackData {
  return renderReply(command, outcome, { ...ctx.opts.render, locale });
}

/** The cooldown's private "slow down" reply, or null when the command may run (or is not limited). */
async function cooledDown(ctx: DispatchContext, interaction: APIInteraction, command: Command, locale: string): Promise<Handled | null> {
  if (!command.limited || !ctx.opts.cooldown) return null;
  // Awaited: a shared (Redis) cooldown answers asynchronously and falls back to the in-process one itself.
  const verdict = await ctx.opts.cooldown.take(userIdOf(interaction));
  if (verdict.ok) return null;
  return { reply: message(renderCooldown(locale, verdict.retryAt)), outcome: 'cooldown', command: command.data.name };
}

/**
 * A logged command's outcome goes to the question log (a queue push: the write happens after the reply) and
 * gets the 👍/👎 row keyed on the interaction id. Other outcomes pass through unchanged.
 */
function recorded(ctx: DispatchContext, interaction: APIInteraction, command: Command, outcome: BaseOutcome, locale: string, started: number, data: APIInteractionResponseCallbackData) {
  const { questionLog, source, now } = ctx.opts;
  if (!questionLog.enabled) return data;
  const entry = questionEntry(command, outcome, { id: interaction.id, userId: userIdOf(interaction), locale, source, latencyMs: now() - started });
  if (!entry) return data;
  questionLog.record(entry);
  return withFeedback(data, interaction.id);
}

/** Runs and renders a command now: the reply's data, recorded when the command is logged. */
function answer(ctx: DispatchContext, interaction: APIInteraction, command: Command, input: CommandInput, started: number) {
  const outcome = runCommand(ctx, command, input);
  return { outcome, data: recorded(ctx, interaction, command, outcome, input.locale, started, render(ctx, command, outcome, input.locale)) };
}

/** A message context-menu command ("Check against the article"): its input is the target message's text. */
export async function messageCommand(ctx: DispatchContext, interaction: APIMessageApplicationCommandInteraction, started: number): Promise<Handled> {
  const name = interaction.data.name;
  const locale = localeOf(interaction);
  const command = ctx.opts.app.commands.find((c) => c.data.name === name && c.data.type === ApplicationCommandType.Message);
  if (!command) return { reply: notice(locale, 'error.unknown-command', { name }), outcome: 'unknown-command', command: name };
  const limited = await cooledDown(ctx, interaction, command, locale);
  if (limited) return limited;
  const targetId = interaction.data.target_id;
  const target = { id: targetId, content: interaction.data.resolved.messages[targetId]?.content ?? '' };
  const { outcome, data } = answer(ctx, interaction, command, { options: {}, locale, target }, started);
  return { reply: message(data), outcome: outcomeOf(command, outcome), command: name };
}

export async function chatInput(ctx: DispatchContext, interaction: APIChatInputApplicationCommandInteraction, started: number): Promise<Handled> {
  const name = interaction.data.name;
  const locale = localeOf(interaction);
  const command = ctx.opts.app.commands.find((c) => c.data.name === name);
  if (!command) return { reply: notice(locale, 'error.unknown-command', { name }), outcome: 'unknown-command', command: name };
  const limited = await cooledDown(ctx, interaction, command, locale);
  if (limited) return limited;
  const input: CommandInput = { options: optionValues(interaction.data.options), locale };
  if (!ctx.opts.defer(command)) {
    const { outcome, data } = answer(ctx, interaction, command, input, started);
    return { reply: message(data), outcome: outcomeOf(command, outcome), command: name };
  }
  const followUp = async (): Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody> => {
    try {
      const { outcome, data } = answer(ctx, interaction, command, input, started);
      ctx.logLine(interaction, started, outcomeOf(command, outcome), name);
      return withoutFlags(data);
    } catch (error) {
      // The deferred reply is already public or private as acknowledged; the error takes its place.
      ctx.logLine(interaction, started, 'error', name, error);
      return withoutFlags(renderNotice(locale, 'error.internal'));
    }
  };
  const response: APIInteractionResponse = {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(input.options.private === true ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
  return { reply: { response, followUp }, outcome: 'deferred', command: name };
}

export function autocomplete(ctx: DispatchContext, interaction: APIApplicationCommandAutocompleteInteraction): Handled {
  const name = interaction.data.name;
  const { app } = ctx.opts;
  const command = app.commands.find((c) => c.data.name === name);
  const focused = focusedOption(interaction.data.options);
  const choices = command?.autocomplete && focused ? command.autocomplete(app.context, focused) : [];
  return {
    reply: { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: renderChoices(choices) } } },
    outcome: command ? 'choices' : 'unknown-command',
    command: name,
  };
}
