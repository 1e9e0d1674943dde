// /about in the terminal: name and version, each document, the corpus size and when it was loaded.
import type { AboutOutcome } from './definition.ts';

export function aboutText({ app, info }: AboutOutcome): string {
  return [
    `${app.name} ${app.version}`,
    ...info.articles.map((a) => `  “${a.title}”${a.date ? `, ${a.date}` : ''}: ${a.passages} passages${a.source ? ` (source: ${a.source})` : ''}`),
    `  ${info.passages} passages, ${info.speakers} quoted speakers; loaded ${info.loadedAt}`,
  ].join('\n');
}
