// The transport-agnostic dispatch: one raw interaction (APIInteraction, as the gateway dispatches it and as the
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
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type APIMessageApplicationCommandInteraction,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import type { Command } from '../commands/command.ts';
import type { App } from '../core/app.ts';
import type { Cooldown } from '../core/cooldown.ts';
import type { Logger } from '../log.ts';
import { disabledQuestionLog, type QuestionLog } from '../store/question-log.ts';
import { autocomplete, chatInput, messageCommand, notice } from './command-reply.ts';
import { component } from './component-reply.ts';
import { commandName, localeOf } from './interaction-fields.ts';
import type { RenderOptions } from './render/embed.ts';
import { renderNotice } from './render/reply.ts';

export interface InteractionReply {
  response: APIInteractionResponse;
  /** Deferred work: the final message for PATCH …/messages/@original. Never rejects. */
  followUp?: () => Promise<RESTPatchAPIWebhookWithTokenMessageJSONBody>;
}

export interface InteractionHandlerOptions {
  app: App<Command>;
  logger: Logger;
  /** Which commands are deferred; by default those flagged `defer: true`. */
  defer: (command: Command) => boolean;
  render: Partial<Omit<RenderOptions, 'locale'>>;
  /** Clock for the latency in log lines (ms). */
  now: () => number;
  /** Where logged commands' answers and their 👍/👎 votes are recorded; off by default (no buttons then). */
  questionLog: QuestionLog;
  /** Per-user limit on the commands flagged `limited`; null: none (the front ends pass config.cooldown). */
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
export type InteractionOutcome =
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

export interface Handled {
  reply: InteractionReply;
  outcome: InteractionOutcome;
  command?: string;
}

/** What the replies share: the options and the log line. */
export interface DispatchContext {
  opts: InteractionHandlerOptions;
  logLine(interaction: APIInteraction, started: number, outcome: InteractionOutcome, command?: string, error?: unknown): void;
}

/** The last resort's last resort: no lookup, no rendering, nothing from the interaction. */
const FIXED_ERROR_NOTICE: APIInteractionResponseCallbackData = {
  content: 'Something went wrong on my side; the error was logged. Please try again.',
  flags: MessageFlags.Ephemeral,
  allowed_mentions: { parse: [] },
};

function dispatch(ctx: DispatchContext, interaction: APIInteraction, started: number): Handled | Promise<Handled> {
  switch (interaction.type) {
    case InteractionType.Ping:
      return { reply: { response: { type: InteractionResponseType.Pong } }, outcome: 'pong' };
    case InteractionType.ApplicationCommand:
      if (interaction.data.type === ApplicationCommandType.ChatInput) {
        return chatInput(ctx, interaction as APIChatInputApplicationCommandInteraction, started);
      }
      if (interaction.data.type === ApplicationCommandType.Message) {
        return messageCommand(ctx, interaction as APIMessageApplicationCommandInteraction, started);
      }
      return { reply: notice(localeOf(interaction), 'error.unknown-command', { name: interaction.data.name }), outcome: 'unknown-command', command: interaction.data.name };
    case InteractionType.ApplicationCommandAutocomplete:
      return autocomplete(ctx, interaction);
    case InteractionType.MessageComponent:
      return component(ctx, interaction);
    default:
      return { reply: notice(localeOf(interaction), 'error.unsupported'), outcome: 'unsupported' };
  }
}

/**
 * The answer when dispatch threw: logged, then a private error (autocomplete can only answer with choices).
 * It must not throw itself, whatever the interaction holds: a fixed English notice if even rendering fails.
 */
function lastResort(ctx: DispatchContext, interaction: APIInteraction, started: number, error: unknown): InteractionReply {
  try {
    ctx.logLine(interaction, started, 'error', commandName(interaction), error);
  } catch (logError) {
    ctx.opts.logger.error({ err: error, logError }, 'interaction failed (and so did its log line)');
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

export function createInteractionHandler(
  options: Pick<InteractionHandlerOptions, 'app' | 'logger'> & Partial<InteractionHandlerOptions>,
): InteractionHandler {
  const opts: InteractionHandlerOptions = { ...DEFAULT_HANDLER_OPTIONS, ...options };
  const ctx: DispatchContext = {
    opts,
    logLine(interaction, started, outcome, command, error) {
      // Ids only: the interaction token (a credential for 15 minutes) never reaches a log line.
      const fields = {
        interaction: { id: interaction.id, type: interaction.type, guildId: interaction.guild_id ?? null, locale: localeOf(interaction) },
        command: command ?? null,
        latencyMs: Math.round((opts.now() - started) * 10) / 10,
        outcome,
      };
      if (error !== undefined) opts.logger.error({ ...fields, err: error }, 'interaction failed');
      else opts.logger.info(fields, 'interaction');
    },
  };
  const handle: HandleInteraction = async (interaction) => {
    const started = opts.now();
    let handled: Handled;
    try {
      handled = await dispatch(ctx, interaction, started);
    } catch (error) {
      return lastResort(ctx, interaction, started, error);
    }
    // A deferred command logs when its follow-up is done, so the latency covers the real work.
    if (!handled.reply.followUp) ctx.logLine(interaction, started, handled.outcome, handled.command);
    return handled.reply;
  };
  return Object.assign(handle, { handle });
}
