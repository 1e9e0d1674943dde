// /help in Discord: what the bot does and its sources in the description, one field per command with its usage.
import { translator } from '../../core/language.ts';
import { ARTICLE_TITLE_SHOWN, Budget, field, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { LIMITS } from '../../discord/render/limits.ts';
import { escapeText, fitEscaped, truncate } from '../../discord/render/text.ts';
import { t as transportText } from '../../discord/strings.ts';
import type { HelpOutcome } from './definition.ts';
import { HELP_STRINGS } from './strings.ts';

const t = translator(HELP_STRINGS);

/** The description (what the bot does and its sources) stays short: the commands are the point. */
const DESCRIPTION_SHOWN = 2000;

export function renderHelp(outcome: HelpOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  const budget = new Budget();
  const title = budget.take(titled(t(locale, 'help.title')));
  const sources = outcome.info.articles.map((a) =>
    t(locale, 'help.source', { title: fitEscaped(a.title, ARTICLE_TITLE_SHOWN), date: a.date ?? transportText(locale, 'date.unknown') }),
  );
  const description = budget.take(truncate([t(locale, 'help.description'), '', ...sources].join('\n'), DESCRIPTION_SHOWN, 'line'));
  const fields = outcome.commands
    .slice(0, LIMITS.fields)
    .map((c) => {
      // A context-menu command has no slash form: its usage says where to find it.
      const usage = c.menu ? t(locale, 'help.menu.usage', { name: c.name }) : c.usage;
      return field(budget, c.menu ? c.name : `/${c.name}`, (max) => truncate(`${escapeText(c.description)}\n\`${usage.replace(/`/g, "'")}\``, max, 'line'));
    })
    .filter((f) => f !== null);
  return { embeds: [{ color: opts.colors.info, title, description, fields }], buttons: [] };
}
