// Reading an interaction: who sent it, in which language, which command and options, and the message a button
// sits on. Plain functions over the API's JSON (the edge, interaction-shape.ts, has already checked the shape).
import {
  ApplicationCommandOptionType,
  ComponentType,
  InteractionType,
  type APIActionRowComponent,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIComponentInMessageActionRow,
  type APIInteraction,
  type APIInteractionResponseCallbackData,
  type APIMessage,
} from 'discord-api-types/v10';
import type { OptionValue } from '../core/command.ts';
import { decodeCustomId } from './components.ts';

/** The user's locale, else the server's, else English; only strings count (the edge checks the shape, this is cheap insurance). */
export function localeOf(interaction: APIInteraction): string {
  const user = 'locale' in interaction ? (interaction.locale as unknown) : undefined;
  const guild = interaction.guild_locale as unknown;
  if (typeof user === 'string' && user) return user;
  if (typeof guild === 'string' && guild) return guild;
  return 'en-US';
}

/** The user's id (guild: member.user, DM: user); hashed before the question log stores it. */
export function userIdOf(interaction: APIInteraction): string {
  return ('member' in interaction && interaction.member?.user.id) || ('user' in interaction && interaction.user?.id) || 'unknown';
}

export function commandName(interaction: APIInteraction): string | undefined {
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

export function focusedOption(options: readonly APIApplicationCommandInteractionDataOption[] | undefined): { name: string; value: string } | null {
  for (const option of options ?? []) {
    if ('focused' in option && option.focused && 'value' in option) return { name: option.name, value: String(option.value) };
  }
  return null;
}

/** A PATCH or an update cannot change whether a message is ephemeral; Discord rejects the flag there. */
export function withoutFlags(data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData {
  const { flags: _flags, ...rest } = data;
  return rest;
}

/** The message's own paging and 👍/👎 buttons (request shape), without "Share in channel". */
export function pagingRows(message: APIMessage): APIActionRowComponent<APIComponentInMessageActionRow>[] {
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
