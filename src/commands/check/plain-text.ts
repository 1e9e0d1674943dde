// What the check reads of a Discord message.

/**
 * The words of a Discord message without its markup: mentions, custom emoji, links, code, quote and list
 * markers, emphasis. Discord-specific, so it lives with the command and not in the domain.
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
