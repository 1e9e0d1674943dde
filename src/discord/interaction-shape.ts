// The shape of an interaction, checked at the edge (the HTTP server before its handler, the gateway before
// answering) so the handler only ever sees what it reads: a signed or dispatched body may still be anything
// JSON allows (a `locale` that is an object, a command without `data`, options ten levels deep). Only the
// fields this bot reads are checked, each with the type it is read as; unknown fields pass through, as
// Discord adds fields over time. Schemas are zod (loose objects) and not recursive, so a deeply nested body
// costs no stack: options are checked to the depth Discord allows (group → sub-command → option).
import { InteractionType, type APIInteraction } from 'discord-api-types/v10';
import { z } from 'zod';
import { LIMITS } from './render/limits.ts';

/** Bounds on what Discord never sends longer: ids (also what the replay window stores per entry), locales, tokens. */
const MAX_LENGTH = { snowflake: 32, locale: 35, token: 1024 } as const;

/** Discord ids; the length bound also bounds what the replay window stores per entry. */
const snowflake = z.string().regex(new RegExp(`^\\d{1,${MAX_LENGTH.snowflake}}$`));
/** Any string is accepted (the string tables look locales up in their own keys only), within a sane length. */
const locale = z.string().max(MAX_LENGTH.locale);
const user = z.looseObject({ id: snowflake });

const optionValue = z.union([z.string(), z.number(), z.boolean()]);
const leafOption = z.looseObject({
  name: z.string().max(LIMITS.commandName),
  type: z.int(),
  value: optionValue.optional(),
  focused: z.boolean().optional(),
  // Nothing deeper than Discord sends: the innermost level has no options of its own.
  options: z.undefined().optional(),
});
const subOption = leafOption.extend({ options: z.array(leafOption).max(LIMITS.options).optional() });
const option = leafOption.extend({ options: z.array(subOption).max(LIMITS.options).optional() });
const options = z.array(option).max(LIMITS.options);

const embed = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  color: z.int().optional(),
  timestamp: z.string().optional(),
  footer: z.looseObject({ text: z.string(), icon_url: z.string().optional() }).optional(),
  author: z.looseObject({ name: z.string(), url: z.string().optional() }).optional(),
  fields: z.array(z.looseObject({ name: z.string(), value: z.string(), inline: z.boolean().optional() })).max(LIMITS.fields).optional(),
});
const component = z.looseObject({ type: z.int(), custom_id: z.string().max(LIMITS.customId).optional() });
// Generous bounds: a message with newer layout components can hold up to 40 of them.
const row = z.looseObject({ type: z.int(), components: z.array(component).max(LIMITS.components).optional() });
const message = z.looseObject({
  flags: z.int().optional(),
  content: z.string().optional(),
  embeds: z.array(embed).max(LIMITS.embeds).optional(),
  components: z.array(row).max(LIMITS.components).optional(),
});

const commandData = z.looseObject({
  name: z.string().max(LIMITS.commandName),
  type: z.int(),
  options: options.optional(),
  target_id: snowflake.optional(),
  resolved: z.looseObject({ messages: z.record(z.string(), message).optional() }).optional(),
});

const envelope = z.looseObject({
  id: snowflake,
  application_id: z.string().max(MAX_LENGTH.snowflake),
  token: z.string().max(MAX_LENGTH.token),
  type: z.int(),
  locale: locale.optional(),
  guild_locale: locale.optional(),
  guild_id: z.string().optional(),
  member: z.looseObject({ user }).optional(),
  user: user.optional(),
});

/**
 * Each known type's full shape, envelope and type-specific part in one schema, so a body is walked once (zod
 * copies what it parses; two passes copied it twice).
 */
const byType: Partial<Record<number, z.ZodType>> = {
  [InteractionType.ApplicationCommand]: envelope.extend({ data: commandData }),
  [InteractionType.ApplicationCommandAutocomplete]: envelope.extend({ data: commandData }),
  [InteractionType.MessageComponent]: envelope.extend({ data: z.looseObject({ custom_id: z.string().max(LIMITS.customId), component_type: z.int() }), message }),
  [InteractionType.ModalSubmit]: envelope.extend({ data: z.looseObject({ custom_id: z.string().max(LIMITS.customId) }) }),
};

const ping = z.looseObject({ id: snowflake, type: z.literal(InteractionType.Ping) });

/** A message command's target must be among the resolved messages it names. */
function targetResolved(value: { type: number; data?: unknown }): boolean {
  if (value.type !== InteractionType.ApplicationCommand) return true;
  const data = value.data as z.infer<typeof commandData>;
  if (data.target_id === undefined || data.type !== 3) return true;
  return data.resolved?.messages !== undefined && Object.hasOwn(data.resolved.messages, data.target_id);
}

export type ShapeCheck = { ok: true; interaction: APIInteraction } | { ok: false; problem: string };

/** Whether `value` (parsed JSON) has the shape of an interaction as this bot reads it; never throws. */
export function checkInteractionShape(value: unknown): ShapeCheck {
  // A PING is told by its type before zod runs: a failed parse builds an error, which every other body would pay.
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (type === InteractionType.Ping && ping.safeParse(value).success) return { ok: true, interaction: value as APIInteraction };
  // Other types (a future one): the envelope alone, and the handler answers "unsupported".
  const schema = (typeof type === 'number' ? byType[type] : undefined) ?? envelope;
  const checked = schema.safeParse(value);
  if (!checked.success) return { ok: false, problem: describe(checked.error) };
  if (!targetResolved(value as { type: number; data?: unknown })) return { ok: false, problem: 'data.target_id: not in data.resolved.messages' };
  return { ok: true, interaction: value as APIInteraction };
}

/** The first issue as "path: message", short enough for a log line, no values from the body. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`.slice(0, 200);
}
