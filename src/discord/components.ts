// The buttons' stateless protocol. A custom_id holds at most 100 characters, and a question up to 300, so
// the question is NOT in the custom_id: the /ask embed carries it verbatim in its footer (plain text there,
// never rendered as markdown), and a click recovers it from the clicked message. The custom_id only says
// what to do ("page 2", "share"). Nothing is stored on the bot's side, so any process or shard, the
// gateway bot or the HTTP server, can answer any click, even after a restart.
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';

const PREFIX = 'pactbot';

export type ComponentAction =
  | { kind: 'page'; page: number }
  | { kind: 'share' }
  /** 👍/👎 on an answer: `questionId` is the interaction id of the /ask or check, the question log's key. */
  | { kind: 'vote'; vote: 1 | -1; questionId: string };

/** Marks the footer that holds the question; a symbol rather than a word, so it is the same in every language. */
export const QUESTION_MARKER = '❓ ';

export function encodeCustomId(action: ComponentAction): string {
  if (action.kind === 'vote') return `${PREFIX}:vote:${action.vote === 1 ? 'up' : 'down'}:${action.questionId}`;
  return action.kind === 'page' ? `${PREFIX}:page:${action.page}` : `${PREFIX}:share`;
}

/** Null for anything this bot did not produce (or an older, no longer supported button). */
export function decodeCustomId(customId: string): ComponentAction | null {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX) return null;
  if (parts[1] === 'share' && parts.length === 2) return { kind: 'share' };
  if (parts[1] === 'page' && parts.length === 3 && /^\d{1,3}$/.test(parts[2]!)) return { kind: 'page', page: Number(parts[2]) };
  if (parts[1] === 'vote' && parts.length === 4 && (parts[2] === 'up' || parts[2] === 'down') && /^\d{1,20}$/.test(parts[3]!)) {
    return { kind: 'vote', vote: parts[2] === 'up' ? 1 : -1, questionId: parts[3]! };
  }
  return null;
}

/** The question id the message's 👍/👎 buttons carry, to keep them on a page turn; null when it has none. */
export function voteIdFromMessage(message: Pick<APIMessage, 'components'> | undefined): string | null {
  for (const row of message?.components ?? []) {
    if (!('components' in row)) continue;
    for (const c of row.components) {
      const action = 'custom_id' in c ? decodeCustomId(c.custom_id) : null;
      if (action?.kind === 'vote') return action.questionId;
    }
  }
  return null;
}

export function questionFooter(question: string): string {
  return `${QUESTION_MARKER}${question}`;
}

/** The question an /ask message answered, from its first embed's footer; null when it has none. */
export function questionFromMessage(message: { embeds?: readonly APIEmbed[] | null } | undefined): string | null {
  const text = message?.embeds?.[0]?.footer?.text;
  if (!text?.startsWith(QUESTION_MARKER)) return null;
  const question = text.slice(QUESTION_MARKER.length);
  return question.trim() ? question : null;
}

/**
 * The request-side copy of a received embed: only the fields a message create accepts (a received embed also
 * has `type`, provider data, proxy URLs, sizes …). Used by "Share in channel" to post the same embeds again.
 */
export function embedForRequest(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = {};
  if (embed.title !== undefined) out.title = embed.title;
  if (embed.description !== undefined) out.description = embed.description;
  if (embed.url !== undefined) out.url = embed.url;
  if (embed.color !== undefined) out.color = embed.color;
  if (embed.timestamp !== undefined) out.timestamp = embed.timestamp;
  if (embed.footer) out.footer = { text: embed.footer.text, ...(embed.footer.icon_url ? { icon_url: embed.footer.icon_url } : {}) };
  if (embed.author) out.author = { name: embed.author.name, ...(embed.author.url ? { url: embed.author.url } : {}) };
  if (embed.fields) out.fields = embed.fields.map((f) => ({ name: f.name, value: f.value, ...(f.inline ? { inline: true } : {}) }));
  return out;
}
