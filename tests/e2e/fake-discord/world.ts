// The small, fixed "universe" the fake serves: one application/bot user, one
// guild with one text channel, and one human member who triggers interactions.
// Builders here produce the Discord objects that READY, GUILD_CREATE and the
// REST message routes hand back, shaped like the real API so discord.js
// constructs its structures without tripping over missing fields.
import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIMessage,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord.js';

/** Discord's epoch (2015-01-01T00:00:00Z); snowflakes carry ms since then in their top bits. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A real-looking, unique, increasing snowflake (discord.js derives createdAt from it). */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | (1n << 12n) | snowflakeIncrement).toString();
}

/** Interaction tokens are opaque to clients; make them unique so callbacks can be told apart. */
export function interactionToken(): string {
  return `fake-interaction-token-${randomBytes(12).toString('hex')}`;
}

/** Every permission bit up to 2^50 (what an all-powerful bot sees); the fake never checks them. */
export const ALL_PERMISSIONS = '2251799813685247';

export interface FakeWorld {
  applicationId: string;
  bot: APIUser;
  /** The human who "uses" commands and buttons in payload builders. */
  user: APIUser;
  guild: { id: string; name: string };
  channel: { id: string; name: string };
}

export interface WorldOverrides {
  applicationId?: string;
  botUsername?: string;
  guildId?: string;
  channelId?: string;
  userId?: string;
}

export function createWorld(overrides: WorldOverrides = {}): FakeWorld {
  // Discord bots' user id equals their application id; discord.js does not rely on it,
  // but bot code sometimes does (e.g. comparing interaction.applicationId to client.user.id).
  const applicationId = overrides.applicationId ?? snowflake();
  return {
    applicationId,
    bot: userObject(applicationId, overrides.botUsername ?? 'pactbot-fake', true),
    user: userObject(overrides.userId ?? snowflake(), 'fake-human', false),
    guild: { id: overrides.guildId ?? snowflake(), name: 'Fake Guild' },
    channel: { id: overrides.channelId ?? snowflake(), name: 'general' },
  };
}

export function userObject(id: string, username: string, bot: boolean): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
    system: false,
    // Bitfield enums have no 0 member, but "no flags" is what Discord sends for plain accounts.
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
  };
}

export function memberObject(user: APIUser, joinedAt = new Date().toISOString()): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

export function textChannelObject(world: FakeWorld): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: world.channel.id,
    type: ChannelType.GuildText,
    guild_id: world.guild.id,
    name: world.channel.name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

function everyoneRole(world: FakeWorld): APIRole {
  // The @everyone role shares the guild's id; discord.js computes permissions from it.
  return {
    id: world.guild.id,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: '1071698660929',
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function readyData(world: FakeWorld, sessionId: string, resumeGatewayUrl: string): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.bot, verified: true, mfa_enabled: false },
    // Guilds arrive unavailable in READY; discord.js then waits (up to waitGuildTimeout,
    // 15 s by default) for a GUILD_CREATE per guild before it emits clientReady.
    guilds: [{ id: world.guild.id, unavailable: true }],
    session_id: sessionId,
    resume_gateway_url: resumeGatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

export function guildCreateData(world: FakeWorld): GatewayGuildCreateDispatchData {
  const joinedAt = new Date().toISOString();
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.user.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(world)],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channel.id,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US' as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    region: 'deprecated',
    // discord.js marks a guild unavailable when GUILD_CREATE has no `channels`.
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [memberObject(world.bot, joinedAt), memberObject(world.user, joinedAt)],
    channels: [textChannelObject(world)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageOverrides {
  id?: string;
  channelId?: string;
  author?: APIUser;
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  /** Set for messages sent through an interaction webhook (discord.js then skips caching the author as a member). */
  webhookId?: string;
  applicationId?: string;
  editedTimestamp?: string | null;
}

export function messageObject(world: FakeWorld, overrides: MessageOverrides = {}): APIMessage {
  const message: APIMessage = {
    id: overrides.id ?? snowflake(),
    channel_id: overrides.channelId ?? world.channel.id,
    author: overrides.author ?? world.bot,
    content: overrides.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: overrides.editedTimestamp ?? null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: overrides.embeds ?? [],
    pinned: false,
    type: 0,
    flags: overrides.flags ?? 0,
    components: overrides.components ?? [],
  };
  if (overrides.webhookId !== undefined) message.webhook_id = overrides.webhookId;
  if (overrides.applicationId !== undefined) message.application_id = overrides.applicationId;
  return message;
}
