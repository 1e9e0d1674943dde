// Builders for INTERACTION_CREATE payloads, shaped like what Discord sends for a
// guild interaction. Fields discord.js reads unconditionally (and crashes on when
// missing) are always present:
//   - `entitlements` (BaseInteraction does `data.entitlements.reduce`)
//   - `authorizing_integration_owners` (indexed without a guard)
//   - `member.user` (or top-level `user`) for `interaction.user`
//   - `message` on component interactions (wrapped in a Message)
// `channel` is optional for discord.js but real Discord always sends it; a channel
// that is not cached (no GUILD_CREATE) is fine, `interaction.reply()` needs only
// `id` + `token` because it posts to /interactions/:id/:token/callback.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIChatInputApplicationCommandDMInteraction,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentButtonInteraction,
  type Locale,
} from 'discord.js';
import {
  ALL_PERMISSIONS,
  interactionToken,
  memberObject,
  messageObject,
  snowflake,
  textChannelObject,
  type FakeWorld,
} from './world.ts';

/** Options either in API form or as a `{ name: value }` shorthand (types inferred from JS values). */
export type OptionsInput =
  | APIApplicationCommandInteractionDataBasicOption[]
  | Record<string, string | number | boolean>;

/** Fields every builder accepts to vary the common interaction envelope. */
export interface InteractionOverrides {
  id?: string;
  token?: string;
  locale?: `${Locale}`;
  /** Defaults to the world's human user. */
  member?: APIInteractionGuildMember;
  appPermissions?: string;
}

export function toApiOptions(input: OptionsInput | undefined): APIApplicationCommandInteractionDataBasicOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') {
      return Number.isInteger(value) ? { name, type: ApplicationCommandOptionType.Integer, value } : { name, type: ApplicationCommandOptionType.Number, value };
    }
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

export function interactionMember(world: FakeWorld): APIInteractionGuildMember {
  return { ...memberObject(world.user), permissions: ALL_PERMISSIONS };
}

/** The envelope shared by all guild interactions (everything except type/data/message). */
function envelope(world: FakeWorld, overrides: InteractionOverrides) {
  const locale = (overrides.locale ?? 'en-US') as Locale;
  return {
    id: overrides.id ?? snowflake(),
    application_id: world.applicationId,
    token: overrides.token ?? interactionToken(),
    version: 1 as const,
    guild_id: world.guild.id,
    guild: { id: world.guild.id, locale: 'en-US' as Locale, features: [] },
    channel: textChannelObject(world),
    channel_id: world.channel.id,
    member: overrides.member ?? interactionMember(world),
    app_permissions: overrides.appPermissions ?? ALL_PERMISSIONS,
    locale,
    guild_locale: 'en-US' as Locale,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: world.guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

export interface ChatInputSpec extends InteractionOverrides {
  name: string;
  options?: OptionsInput;
  commandId?: string;
}

/** A slash command (`/name opt:value`) → discord.js `ChatInputCommandInteraction`. */
export function chatInputInteraction(world: FakeWorld, spec: ChatInputSpec): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...envelope(world, spec),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: world.guild.id,
      options: toApiOptions(spec.options),
    },
  };
}

/**
 * A slash command in the bot's DM from a user who installed the app to their account: no guild, no member,
 * only `user`; the integration owner is the user (user install).
 */
export function dmChatInputInteraction(world: FakeWorld, spec: Omit<ChatInputSpec, 'member' | 'appPermissions'>): APIChatInputApplicationCommandDMInteraction {
  return {
    id: spec.id ?? snowflake(),
    application_id: world.applicationId,
    token: spec.token ?? interactionToken(),
    version: 1,
    type: InteractionType.ApplicationCommand,
    channel: { id: world.channel.id, type: ChannelType.DM, recipients: [world.user], last_message_id: null },
    channel_id: world.channel.id,
    user: world.user,
    app_permissions: ALL_PERMISSIONS,
    locale: (spec.locale ?? 'en-US') as Locale,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: world.user.id },
    context: InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
    data: { id: spec.commandId ?? snowflake(), name: spec.name, type: ApplicationCommandType.ChatInput, options: toApiOptions(spec.options) },
  };
}

export interface AutocompleteSpec extends InteractionOverrides {
  name: string;
  /** The option the user is typing into; sent with `focused: true` and a string value. */
  focused: { name: string; value: string };
  /** Other, already-filled options. */
  options?: OptionsInput;
  commandId?: string;
}

/** Autocomplete (interaction type 4) → discord.js `AutocompleteInteraction`. */
export function autocompleteInteraction(
  world: FakeWorld,
  spec: AutocompleteSpec,
): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...envelope(world, spec),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: world.guild.id,
      options: [
        ...toApiOptions(spec.options),
        { name: spec.focused.name, type: ApplicationCommandOptionType.String, value: spec.focused.value, focused: true },
      ],
    },
  };
}

export interface ButtonSpec extends InteractionOverrides {
  customId: string;
  /** The message the button is attached to; defaults to a bot message carrying that button. */
  message?: APIMessage;
}

/** A bot message with one action row holding a single button with `customId`. */
export function messageWithButton(world: FakeWorld, customId: string, content = 'Pick one'): APIMessage {
  return messageObject(world, {
    content,
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: customId, label: customId }],
      },
    ],
  });
}

/** A button click (interaction type 3, component_type 2) → discord.js `ButtonInteraction`. */
export function buttonInteraction(world: FakeWorld, spec: ButtonSpec): APIMessageComponentButtonInteraction {
  return {
    ...envelope(world, spec),
    type: InteractionType.MessageComponent,
    message: spec.message ?? messageWithButton(world, spec.customId),
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
  };
}

export interface MessageContextMenuSpec extends InteractionOverrides {
  name: string;
  /** The message right-clicked; defaults to a message by the world's human user. */
  targetMessage?: APIMessage;
  commandId?: string;
}

/** "Apps → name" on a message (type 2, data.type 3) → discord.js `MessageContextMenuCommandInteraction`. */
export function messageContextMenuInteraction(
  world: FakeWorld,
  spec: MessageContextMenuSpec,
): APIMessageApplicationCommandGuildInteraction {
  const target = spec.targetMessage ?? messageObject(world, { author: world.user, content: 'a message to act on' });
  return {
    ...envelope(world, spec),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: ApplicationCommandType.Message,
      guild_id: world.guild.id,
      target_id: target.id,
      // discord.js reads the target from resolved.messages[target_id].
      resolved: { messages: { [target.id]: target } },
    },
  };
}
