// The transport-agnostic core: one raw interaction (APIInteraction, as the gateway dispatches it and as the
// HTTP endpoint receives it) in, one interaction response out. The gateway bot POSTs `response` to the
// callback route; the HTTP server returns it as the HTTP body. Neither knows about commands or rendering.
//
// Deferral: a command flagged `defer: true` (or chosen by the `defer` option) gets a type-5 response at once,
// ephemeral if the user asked for a private answer, and `followUp` computes the final message, which the
// transport PATCHes to /webhooks/{application_id}/{token}/messages/@original. A per-command flag rather than a
// time budget, because commands run synchronously: a timer cannot interrupt them, so which commands may be slow
// has to be known before they start.
//
// One catch per interaction: any exception is logged and answered with a private error; handle() never
// throws. One log line per interaction (command, latency, outcome); tokens are never logged.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIComponentInMessageActionRow,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import type { App } from '../app.ts';
import type { Logger } from '../log.ts';
import type { CommandInput, CommandOutcome, OptionValue, SlashCommand } from './commands/types.ts';
import { decodeCustomId, embedForRequest, questionFromMessage, voteIdFromMessage } from './components.ts';
import type { Cooldown } from './cooldown.ts';
import { questionEntry } from './question-entry.ts';
import { fitMessage, noMentions, renderChoices, renderCooldown, renderNotice, renderOutcome, withFeedback, type RenderOptions } from './render.ts';
import type { StringKey } from './strings.ts';
import { disabledQuestionLog, type QuestionLog } from '../store/question-log.ts';

export interface InteractionReply {
  response: APIInteractionResponse;
  /** Deferred work: the final message for PATCH …/messages/@original. Never rejects. */
  followUp?: () => Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody>;
}

export interface InteractionHandlerOptions {
  app: App;
  logger: Logger;
  /** Which commands are deferred; by default those flagged `defer: true`. */
  defer: (command: SlashCommand) => boolean;
  render: Partial<Omit<RenderOptions, 'locale'>>;
  /** Clock for the latency in log lines (ms). */
  now: () => number;
  /** Where /ask and check answers and their 👍/👎 votes are recorded; off by default (no buttons then). */
  questionLog: QuestionLog;
  /** Per-user limit on /ask, /quote and the check; null: none (the front ends pass config.cooldown). */
  cooldown: Cooldown | null;
  /** Which front end answers ("gateway", "http"), for the question log. */
  source: string | null;
}

export const DEFAULT_HANDLER_OPTIONS: Omit<InteractionHandlerOptions, 'app' | 'logger'> = {
  defer: (command) => command.defer === true,
  render: {},
  now: () => performance.now(),
  questionLog: disabledQuestionLog(),
  cooldown: null,
  source: null,
};

export type HandleInteraction = (interaction: APIInteraction) => Promise<InteractionReply>;

/** The handler is the `handle` function itself; `.handle` is the same function, for `const { handle } = …`. */
export type InteractionHandler = HandleInteraction & { handle: HandleInteraction };

/** What one interaction came to, for the log line. */
export type Outcome =
  | 'pong'
  | 'answered'
  | 'declined'
  | 'info'
  | 'deferred'
  | 'choices'
  | 'page'
  | 'shared'
  | 'voted'
  | 'cooldown'
  | 'stale-message'
  | 'unknown-command'
  | 'unknown-component'
  | 'unsupported'
  | 'error';

interface Handled {
  reply: InteractionReply;
  outcome: Outcome;
  command?: string;
}

export function createInteractionHandler(
  options: Pick<InteractionHandlerOptions, 'app' | 'logger'> & Partial<InteractionHandlerOptions>,
): InteractionHandler {
  const opts: InteractionHandlerOptions = { ...DEFAULT_HANDLER_OPTIONS, ...options };
  const { app, logger } = opts;

  function logLine(interaction: APIInteraction, started: number, outcome: Outcome, command?: string, error?: unknown): void {
    // Ids only: the interaction token (a credential for 15 minutes) never reaches a log line.
    const fields = {
      interaction: { id: interaction.id, type: interaction.type, guildId: interaction.guild_id ?? null, locale: localeOf(interaction) },
      command: command ?? null,
      latencyMs: Math.round((opts.now() - started) * 10) / 10,
      outcome,
    };
    if (error !== undefined) logger.error({ ...fields, err: error }, 'interaction failed');
    else logger.info(fields, 'interaction');
  }

  function render(outcome: CommandOutcome, locale: string): APIInteractionResponseCallbackData {
    return renderOutcome(outcome, { ...opts.render, locale });
  }

  function runCommand(command: SlashCommand, input: CommandInput): CommandOutcome {
    // Read on every call: a live reload may have swapped the engine.
    return command.run(app.context, input);
  }

  /** The cooldown's private "slow down" reply, or null when the command may run (or is not limited). */
  async function cooledDown(interaction: APIInteraction, name: string, locale: string): Promise<Handled | null> {
    if (!opts.cooldown?.limits(name)) return null;
    // Awaited: a shared (Redis) cooldown answers asynchronously and falls back to the in-process one itself.
    const verdict = await opts.cooldown.take(userIdOf(interaction));
    if (verdict.ok) return null;
    const data = renderCooldown(locale, verdict.retryAt);
    return { reply: { response: { type: InteractionResponseType.ChannelMessageWithSource, data } }, outcome: 'cooldown', command: name };
  }

  /**
   * An /ask or check goes to the question log (a queue push: the write happens after the reply) and gets the
   * 👍/👎 row keyed on the interaction id. Other outcomes pass through unchanged.
   */
  function recorded(interaction: APIInteraction, outcome: CommandOutcome, locale: string, started: number, data: APIInteractionResponseCallbackData) {
    if (!opts.questionLog.enabled) return data;
    const entry = questionEntry(outcome, { id: interaction.id, userId: userIdOf(interaction), locale, source: opts.source, latencyMs: opts.now() - started });
    if (!entry) return data;
    opts.questionLog.record(entry);
    return withFeedback(data, interaction.id);
  }

  /** A message context-menu command ("Check against the article"): its input is the target message's text. */
  async function messageCommand(interaction: APIMessageApplicationCommandInteraction, started: number): Promise<Handled> {
    const name = interaction.data.name;
    const locale = localeOf(interaction);
    const command = app.commands.find((c) => c.data.name === name && c.data.type === ApplicationCommandType.Message);
    if (!command) return { reply: notice(locale, 'error.unknown-command', { name }), outcome: 'unknown-command', command: name };
    const limited = await cooledDown(interaction, name, locale);
    if (limited) return limited;
    const targetId = interaction.data.target_id;
    const target = { id: targetId, content: interaction.data.resolved.messages[targetId]?.content ?? '' };
    const outcome = runCommand(command, { options: {}, locale, target });
    const data = recorded(interaction, outcome, locale, started, render(outcome, locale));
    return { reply: { response: { type: InteractionResponseType.ChannelMessageWithSource, data } }, outcome: outcomeOf(outcome), command: name };
  }

  async function chatInput(interaction: APIChatInputApplicationCommandInteraction, started: number): Promise<Handled> {
    const name = interaction.data.name;
    const locale = localeOf(interaction);
    const command = app.commands.find((c) => c.data.name === name);
    if (!command) return { reply: notice(locale, 'error.unknown-command', { name }), outcome: 'unknown-command', command: name };
    const limited = await cooledDown(interaction, name, locale);
    if (limited) return limited;
    const input: CommandInput = { options: optionValues(interaction.data.options), locale };
    if (!opts.defer(command)) {
      const outcome = runCommand(command, input);
      return {
        reply: { response: { type: InteractionResponseType.ChannelMessageWithSource, data: recorded(interaction, outcome, locale, started, render(outcome, locale)) } },
        outcome: outcomeOf(outcome),
        command: name,
      };
    }
    const isPrivate = input.options.private === true;
    const followUp = async (): Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody> => {
      let body: RESTPatchAPIWebhookWithTokenMessageJSONBody;
      try {
        const outcome = runCommand(command, input);
        body = withoutFlags(recorded(interaction, outcome, locale, started, render(outcome, locale)));
        logLine(interaction, started, outcomeOf(outcome), name);
      } catch (error) {
        // The deferred reply is already public or private as acknowledged; the error takes its place.
        body = withoutFlags(renderNotice(locale, 'error.internal'));
        logLine(interaction, started, 'error', name, error);
      }
      return body;
    };
    const response: APIInteractionResponse = {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      ...(isPrivate ? { data: { flags: MessageFlags.Ephemeral } } : {}),
    };
    return { reply: { response, followUp }, outcome: 'deferred', command: name };
  }

  function autocomplete(interaction: APIApplicationCommandAutocompleteInteraction): Handled {
    const name = interaction.data.name;
    const command = app.commands.find((c) => c.data.name === name);
    const focused = focusedOption(interaction.data.options);
    const choices = command?.autocomplete && focused ? command.autocomplete(app.context, focused) : [];
    return {
      reply: { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: renderChoices(choices) } } },
      outcome: command ? 'choices' : 'unknown-command',
      command: name,
    };
  }

  function component(interaction: APIMessageComponentInteraction): Handled {
    const locale = localeOf(interaction);
    const action = interaction.data.component_type === ComponentType.Button ? decodeCustomId(interaction.data.custom_id) : null;
    if (!action) return { reply: notice(locale, 'error.unknown-component'), outcome: 'unknown-component' };
    const message = interaction.message;
    const wasPrivate = ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

    if (action.kind === 'vote') {
      // One vote per user and answer (a later click replaces it); the thanks is private.
      opts.questionLog.vote({ questionId: action.questionId, userId: userIdOf(interaction), vote: action.vote });
      return { reply: notice(locale, action.vote === 1 ? 'feedback.thanks.up' : 'feedback.thanks.down'), outcome: 'voted' };
    }

    if (action.kind === 'page') {
      const question = questionFromMessage(message);
      const ask = app.commands.find((c) => c.data.name === 'ask');
      if (!question || !ask) return { reply: notice(locale, 'error.stale-message'), outcome: 'stale-message', command: 'ask' };
      // Recomputed from the question: stateless, and a reloaded corpus shows its current passages.
      const outcome = { ...runCommand(ask, { options: { question }, locale }), page: action.page, private: wasPrivate } as CommandOutcome;
      // The page turn keeps the answer's 👍/👎 row (same question id).
      const voteId = voteIdFromMessage(message);
      const rendered = render(outcome, locale);
      const data = withoutFlags(voteId ? withFeedback(rendered, voteId) : rendered);
      return { reply: { response: { type: InteractionResponseType.UpdateMessage, data } }, outcome: 'page', command: 'ask' };
    }

    // Share in channel: the same embeds, posted publicly, with the paging and 👍/👎 buttons but without "Share".
    if (!message.embeds?.length) return { reply: notice(locale, 'error.stale-message'), outcome: 'stale-message' };
    const data = fitMessage({ embeds: message.embeds.map(embedForRequest), components: pagingRows(message), allowed_mentions: noMentions() });
    return { reply: { response: { type: InteractionResponseType.ChannelMessageWithSource, data } }, outcome: 'shared' };
  }

  function dispatch(interaction: APIInteraction, started: number): Handled | Promise<Handled> {
    switch (interaction.type) {
      case InteractionType.Ping:
        return { reply: { response: { type: InteractionResponseType.Pong } }, outcome: 'pong' };
      case InteractionType.ApplicationCommand:
        if (interaction.data.type === ApplicationCommandType.ChatInput) {
          return chatInput(interaction as APIChatInputApplicationCommandInteraction, started);
        }
        if (interaction.data.type === ApplicationCommandType.Message) {
          return messageCommand(interaction as APIMessageApplicationCommandInteraction, started);
        }
        return { reply: notice(localeOf(interaction), 'error.unknown-command', { name: interaction.data.name }), outcome: 'unknown-command', command: interaction.data.name };
      case InteractionType.ApplicationCommandAutocomplete:
        return autocomplete(interaction);
      case InteractionType.MessageComponent:
        return component(interaction);
      default:
        return { reply: notice(localeOf(interaction), 'error.unsupported'), outcome: 'unsupported' };
    }
  }

  /**
   * The answer when dispatch threw: logged, then a private error (autocomplete can only answer with choices).
   * It must not throw itself, whatever the interaction holds: a fixed English notice if even rendering fails.
   */
  function lastResort(interaction: APIInteraction, started: number, error: unknown): InteractionReply {
    try {
      logLine(interaction, started, 'error', commandName(interaction), error);
    } catch (logError) {
      logger.error({ err: error, logError }, 'interaction failed (and so did its log line)');
    }
    if (interaction?.type === InteractionType.ApplicationCommandAutocomplete) {
      return { response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } } };
    }
    try {
      return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(localeOf(interaction), 'error.internal') } };
    } catch {
      return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: FIXED_ERROR_NOTICE } };
    }
  }

  const handle: HandleInteraction = async (interaction) => {
    const started = opts.now();
    let handled: Handled;
    try {
      handled = await dispatch(interaction, started);
    } catch (error) {
      return lastResort(interaction, started, error);
    }
    // A deferred command logs when its follow-up is done, so the latency covers the real work.
    if (!handled.reply.followUp) logLine(interaction, started, handled.outcome, handled.command);
    return handled.reply;
  };
  return Object.assign(handle, { handle });
}

function notice(locale: string, key: StringKey, vars: Record<string, string> = {}): InteractionReply {
  return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: renderNotice(locale, key, vars) } };
}

function outcomeOf(outcome: CommandOutcome): Outcome {
  if (outcome.kind === 'help' || outcome.kind === 'about') return 'info';
  if (outcome.kind === 'check') return outcome.result.addressed > 0 ? 'answered' : 'declined';
  return outcome.result.answered ? 'answered' : 'declined';
}

/** The user's id (guild: member.user, DM: user); hashed before the question log stores it. */
function userIdOf(interaction: APIInteraction): string {
  return ('member' in interaction && interaction.member?.user.id) || ('user' in interaction && interaction.user?.id) || 'unknown';
}

/** A PATCH or an update cannot change whether a message is ephemeral; Discord rejects the flag there. */
function withoutFlags(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const { flags: _flags, ...rest } = data;
  return rest;
}

/** The last resort's last resort: no lookup, no rendering, nothing from the interaction. */
const FIXED_ERROR_NOTICE: APIInteractionResponseCallbackData = {
  content: 'Something went wrong on my side; the error was logged. Please try again.',
  flags: MessageFlags.Ephemeral,
  allowed_mentions: { parse: [] },
};

/** The user's locale, else the server's, else English; only strings count (the edge checks the shape, this is cheap insurance). */
export function localeOf(interaction: APIInteraction): string {
  const user = 'locale' in interaction ? (interaction.locale as unknown) : undefined;
  const guild = interaction.guild_locale as unknown;
  if (typeof user === 'string' && user) return user;
  if (typeof guild === 'string' && guild) return guild;
  return 'en-US';
}

function commandName(interaction: APIInteraction): string | undefined {
  if (interaction.type === InteractionType.ApplicationCommand || interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    const name = (interaction.data as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

/** Flattens the (sub-command-free) options into name → value. */
export function optionValues(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options ?? []) {
    if (isBasic(option)) values[option.name] = option.value;
  }
  return values;
}

function isBasic(option: APIApplicationCommandInteractionDataOption): option is APIApplicationCommandInteractionDataBasicOption & { value: OptionValue } {
  return (
    option.type !== ApplicationCommandOptionType.Subcommand &&
    option.type !== ApplicationCommandOptionType.SubcommandGroup &&
    'value' in option &&
    (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean')
  );
}

function focusedOption(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): { name: string; value: string } | null {
  for (const option of options ?? []) {
    if ('focused' in option && option.focused && 'value' in option) return { name: option.name, value: String(option.value) };
  }
  return null;
}

/** The message's own paging and 👍/👎 buttons (request shape), without "Share in channel". */
function pagingRows(message: APIMessage): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  for (const row of message.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    const buttons = row.components.filter(
      (c): c is APIComponentInMessageActionRow =>
        c.type === ComponentType.Button && 'custom_id' in c && ['page', 'vote'].includes(decodeCustomId(c.custom_id)?.kind ?? ''),
    );
    if (buttons.length) rows.push({ type: ComponentType.ActionRow, components: buttons });
  }
  return rows;
}
