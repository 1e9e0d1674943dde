// "Check against the article": a message context-menu command (right-click a message > Apps). It checks
// the message's claims against the article (src/domain/check.ts) and answers privately; the renderer adds a
// "Share in channel" button. A context-menu command has no options and no description: its input is the
// target message's text.
import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { checkMessage, type CheckResult } from '../../domain/check.ts';
import type { CommandContext, CommandInput } from './types.ts';

/** The name Discord shows in the Apps menu (also the command's key: context-menu names may have spaces). */
export const CHECK_COMMAND_NAME = 'Check against the article';

/** The message right-clicked. */
export interface CheckTarget {
  id: string;
  content: string;
}

export interface CheckOutcome {
  kind: 'check';
  result: CheckResult;
  target: CheckTarget | null;
  private: true;
}

export const check = {
  data: { name: CHECK_COMMAND_NAME, type: ApplicationCommandType.Message } satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody,
  run({ engine }: CommandContext, input: CommandInput & { target?: CheckTarget }): CheckOutcome {
    const content = input.target?.content ?? '';
    return { kind: 'check', result: checkMessage(engine, plainText(content)), target: input.target ?? null, private: true };
  },
};

/**
 * The words of a Discord message without its markup: mentions, custom emoji, links, code, quote and list
 * markers, emphasis. Discord-specific, so it lives here and not in the domain.
 */
export function plainText(content: string): string {
  return content
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/<a?:\w+:\d+>/g, ' ')
    .replace(/<t:\d+(?::\w)?>/g, ' ')
    .replace(/<?https?:\/\/\S+>?/g, ' ')
    .replace(/^\s*(?:>>?>?|[-*+]|\d+[.)]|#{1,3})\s+/gm, '')
    .replace(/(\*|__|~~|\|\||`)/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
