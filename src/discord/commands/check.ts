// "Check against the article": a message context-menu command (right-click a message > Apps). It checks
// the message's claims against the article (src/domain/check.ts) and answers privately; the renderer adds a
// "Share in channel" button. A context-menu command has no options and no description: its input is the
// target message's text.
import { ApplicationCommandType } from 'discord-api-types/v10';
import { checkMessage } from '../../domain/check.ts';
import type { SlashCommand } from './types.ts';

/** The name Discord shows in the Apps menu (also the command's key: context-menu names may have spaces). */
export const CHECK_COMMAND_NAME = 'Check against the article';

export const check: SlashCommand = {
  data: { name: CHECK_COMMAND_NAME, type: ApplicationCommandType.Message },
  summary: 'Right-click a message: the passages of the article that bear on its claims, sentence by sentence (only you see it)',
  run({ engine }, input) {
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
