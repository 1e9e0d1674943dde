// /commitments in Discord: a numbered list, each commitment with who commits to it and its citation.
import { INPUT_LENGTH } from '../../core/command.ts';
import { translator } from '../../core/language.ts';
import { declineEmbed, titled, type Rendered, type RenderOptions } from '../../discord/render/embed.ts';
import { LIMITS } from '../../discord/render/limits.ts';
import { citationText } from '../../discord/render/passage.ts';
import { escapeText, fitEscaped, truncate } from '../../discord/render/text.ts';
import type { CommitmentsOutcome } from './definition.ts';
import { COMMITMENTS_STRINGS } from './strings.ts';

const t = translator(COMMITMENTS_STRINGS);

/** The longest commitment text shown on its line. */
const COMMITMENT_SHOWN = 600;

export function renderCommitments({ result }: CommitmentsOutcome, opts: RenderOptions): Rendered {
  const { locale } = opts;
  if (!result.answered) {
    const party = fitEscaped(result.party, INPUT_LENGTH.name);
    const title = titled(t(locale, 'commitments.declined.title', { party }));
    return { embeds: [declineEmbed(opts, title, t(locale, `decline.${result.reason}`, { party }), result.suggestions)], buttons: [] };
  }
  const title = titled(result.party ? t(locale, 'commitments.title.party', { party: fitEscaped(result.party, INPUT_LENGTH.name) }) : t(locale, 'commitments.title'));
  const lines = result.commitments.map(
    (c, i) => `${i + 1}. ${fitEscaped(c.text, COMMITMENT_SHOWN)} — ${t(locale, 'commitments.by', { party: escapeText(c.party) })} · ${citationText(c.citation)}`,
  );
  const description = truncate(lines.join('\n'), Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length), 'line');
  return { embeds: [{ color: opts.colors.answer, title, description }], buttons: [] };
}
