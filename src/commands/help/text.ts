// /help in the terminal: the sources, each command's usage and description, and the console's own commands.
import type { HelpOutcome } from './definition.ts';

/** Width of the usage column. */
const USAGE_WIDTH = 44;

export function helpText(outcome: HelpOutcome): string {
  return [
    'pactbot answers questions about the article with its own words, cited:',
    ...outcome.info.articles.map((a) => `  “${a.title}”${a.date ? ` (${a.date})` : ''}`),
    '',
    ...outcome.commands.map((c) => `  ${c.usage.padEnd(USAGE_WIDTH)} ${c.description}`),
    `  ${'/more'.padEnd(USAGE_WIDTH)} more passages for the last question`,
    `  ${'/exit'.padEnd(USAGE_WIDTH)} leave (or Ctrl-D)`,
  ].join('\n');
}
