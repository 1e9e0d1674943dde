// /about in Discord: the documents, the corpus size, the version and when the corpus was loaded.
import { time, TimestampStyles } from '@discordjs/formatters';
import type { APIEmbedField } from 'discord-api-types/v10';
import { translator } from '../../core/language.ts';
import { ARTICLE_TITLE_SHOWN, Budget, field, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { escapeText, fitEscaped, truncate } from '../../discord/render/text.ts';
import { t as transportText } from '../../discord/strings.ts';
import type { AboutOutcome } from './definition.ts';
import { ABOUT_STRINGS } from './strings.ts';

const t = translator(ABOUT_STRINGS);

/** One line per corpus document, as many as fit (cut at a line, with "…"). */
function documentLines(locale: string, articles: AboutOutcome['info']['articles'], max: number): string {
  const lines = articles.map((a) =>
    t(locale, 'about.document', { title: fitEscaped(a.title, ARTICLE_TITLE_SHOWN), date: a.date ?? transportText(locale, 'date.unknown'), passages: a.passages }),
  );
  return truncate(lines.join('\n'), max, 'line');
}

/** "<t:…:R> (<t:…:f>)": Discord shows both in the reader's own time zone and language. */
function loadedText(locale: string, loadedAt: string): string {
  const at = new Date(loadedAt);
  if (Number.isNaN(at.getTime())) return loadedAt;
  return t(locale, 'about.loaded.value', { relative: time(at, TimestampStyles.RelativeTime), absolute: time(at, TimestampStyles.ShortDateTime) });
}

export function renderAbout(outcome: AboutOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  const { info, app } = outcome;
  const budget = new Budget();
  const title = budget.take(titled(t(locale, 'about.title')));
  const fields: APIEmbedField[] = [];
  const documents = field(budget, t(locale, 'about.documents'), (max) => documentLines(locale, info.articles, max));
  if (documents) fields.push(documents);
  const corpus = t(locale, 'about.corpus.value', { articles: info.articles.length, passages: info.passages, speakers: info.speakers });
  for (const [key, value] of [
    ['about.corpus', corpus],
    ['about.version', `${escapeText(app.name)} ${escapeText(app.version)}`],
    ['about.loaded', loadedText(locale, info.loadedAt)],
  ] as const) {
    const f = field(budget, t(locale, key), (max) => truncate(value, max));
    if (f) fields.push(f);
  }
  return { embeds: [{ color: opts.colors.info, title, fields }], buttons: [] };
}
