// Renders command outcomes as plain text for the terminal, and as the JSON shapes of the command line.
// The Discord renderer (src/discord/render.ts) does the same job for Discord payloads.
import type { CommandOutcome } from '../discord/commands/types.ts';
import { askDeclineVars, t } from '../discord/strings.ts';
import { visible } from './visible.ts';
import type { CheckResult } from '../domain/check.ts';
import type { AskResult, Citation, CommitmentsResult, QuotesResult, RankedPassage, Suggestion } from '../domain/types.ts';

export function citeText(c: Citation): string {
  return [c.articleTitle, c.section, `¶${c.paragraph}`].filter(Boolean).join(' · ');
}

/** The passage verbatim, with the answering sentence between ** markers. */
export function markSentence(p: RankedPassage): string {
  const sentence = p.sentences[p.bestSentence];
  if (!sentence) return p.text;
  const at = p.text.indexOf(sentence);
  return at < 0 ? p.text : `${p.text.slice(0, at)}**${sentence}**${p.text.slice(at + sentence.length)}`;
}

const DECLINE_TEXT: Record<string, string> = {
  'empty-question': 'Ask a question about the article, e.g. /ask Who signed the declaration?',
  'no-content-words': 'That question has no words to search for. Try naming what you want to know.',
  'no-match': "The article doesn't cover that.",
  'weak-match': "The article doesn't cover that (nothing in it answers enough of the question).",
  'not-quoted': "The article reports no words of {people}: mentioned, never quoted.",
  'no-figure': 'The article gives no figure for that: the closest passage has no number in it.',
};

/** Reasons worded once, in the interface strings shared with Discord. */
const SHARED_REASONS = new Set(['absent-entity', 'not-together', 'no-answer-of-type', 'unmatched-detail']);


function suggestions(list: Suggestion[]): string[] {
  if (list.length === 0) return [];
  return ['', 'The article does cover:', ...list.map((s) => `  - ${s.label}${s.citation ? ` (${citeText(s.citation)})` : ''}`)];
}

export function renderAskText(r: AskResult, page = 0, perPage = 3, moreHint = ''): string {
  if (!r.answered) {
    const reason = SHARED_REASONS.has(r.reason)
      ? t('en', `decline.${r.reason}`, askDeclineVars('en', r, visible))
      : (DECLINE_TEXT[r.reason] ?? "The article doesn't cover that.").replace('{people}', (r.people ?? []).map(visible).join(', '));
    return [reason, ...suggestions(r.suggestions)].join('\n');
  }
  const shown = r.passages.slice(page * perPage, (page + 1) * perPage);
  if (shown.length === 0) return 'No more passages.';
  const lines: string[] = r.confidence === 'low' && page === 0 ? [`${t('en', 'ask.title.closest')} (${t('en', 'ask.closest.note')})`] : [];
  shown.forEach((p, i) => {
    if (i > 0 || page > 0) lines.push('', `Also relevant (${page * perPage + i + 1}/${r.passages.length}):`);
    lines.push(markSentence(p), `  — ${citeText(p.citation)}`);
  });
  if (moreHint && (page + 1) * perPage < r.passages.length) lines.push('', moreHint);
  return lines.join('\n');
}

export function renderQuotesText(r: QuotesResult): string {
  if (!r.answered) {
    if (r.reason === 'no-quotes') {
      return [`${r.speaker!.name} (${r.speaker!.role}) is mentioned in the article but not quoted.`, ...speakers(r.suggestions)].join('\n');
    }
    if (r.reason === 'empty-query') return ['Name a speaker, e.g. /quote Starmer', ...speakers(r.suggestions)].join('\n');
    return [`Nobody called "${r.query}" is quoted in the article.`, ...speakers(r.suggestions)].join('\n');
  }
  const head = `${r.speaker.name} (${r.speaker.role}), ${r.quotes.length} quote${r.quotes.length === 1 ? '' : 's'}${r.topic ? `, most relevant to "${r.topic}" first` : ''}:`;
  return [head, ...r.quotes.map((q) => `  “${q.text}”\n    — ${citeText(q.citation)}`)].join('\n');
}

function speakers(list: Suggestion[]): string[] {
  return list.length ? [`Quoted in the article: ${list.map((s) => s.label).join(', ')}.`] : [];
}

export function renderCommitmentsText(r: CommitmentsResult): string {
  if (!r.answered) {
    const others = r.suggestions.map((s) => s.label).join(', ');
    return r.reason === 'unknown-party'
      ? `"${r.party}" is not a party the article names.${others ? ` Commitments are listed for: ${others}.` : ''}`
      : `The article lists no commitments by ${r.party}.${others ? ` It lists commitments by: ${others}.` : ''}`;
  }
  if (r.commitments.length === 0) return 'The article lists no commitments.';
  const intro = r.commitments[0]!.introducedBy;
  return [
    `${intro}`,
    ...r.commitments.map((c, i) => `  ${i + 1}. ${c.text} (${c.party}; ${citeText(c.citation)})`),
  ].join('\n');
}

export function renderText(outcome: CommandOutcome): string {
  switch (outcome.kind) {
    case 'ask':
      return renderAskText(outcome.result, outcome.page, 3, 'Type /more for more passages.');
    case 'quote':
      return renderQuotesText(outcome.result);
    case 'commitments':
      return renderCommitmentsText(outcome.result);
    case 'help':
      return [
        'pactbot answers questions about the article with its own words, cited:',
        ...outcome.info.articles.map((a) => `  “${a.title}”${a.date ? ` (${a.date})` : ''}`),
        '',
        ...outcome.commands.map((c) => `  ${c.usage.padEnd(44)} ${c.description}`),
        '  /more                                        more passages for the last question',
        '  /exit                                        leave (or Ctrl-D)',
      ].join('\n');
    case 'about':
      return [
        `${outcome.app.name} ${outcome.app.version}`,
        ...outcome.info.articles.map((a) => `  “${a.title}”${a.date ? `, ${a.date}` : ''}: ${a.passages} passages${a.source ? ` (source: ${a.source})` : ''}`),
        `  ${outcome.info.passages} passages, ${outcome.info.speakers} quoted speakers; loaded ${outcome.info.loadedAt}`,
      ].join('\n');
    case 'check':
      return renderCheckText(outcome.result);
  }
}

/** A message check in the terminal: each claim, then the passage on it (marked as closest when it is only that). */
export function renderCheckText(r: CheckResult): string {
  if (r.claims.length === 0) return t('en', 'check.empty');
  const lines = r.claims.flatMap((claim) => {
    const head = `> ${visible(claim.text.replace(/\s+/g, ' '))}`;
    const best = claim.passages[0];
    if (!best) return [head, `  ${t('en', claim.status === 'no-claim' ? 'check.no-claim' : 'check.not-addressed')}`];
    const closest = claim.confidence === 'low' ? [`  ${t('en', 'ask.closest.note')}`] : [];
    return [head, ...closest, `  ${markSentence(best)}`, `    — ${citeText(best.citation)}`];
  });
  if (r.unchecked > 0) lines.push(t('en', 'check.unchecked', { count: r.unchecked }));
  return [...lines, t('en', 'check.note')].join('\n');
}

/** The typed fields a decline carries beside its reason, for scripts. */
function declineDetails(r: Extract<AskResult, { answered: false }>) {
  return { ...(r.people ? { people: r.people } : {}), ...(r.entities ? { entities: r.entities } : {}), ...(r.answerType ? { answerType: r.answerType } : {}), ...(r.detail ? { detail: r.detail } : {}) };
}

// JSON shapes of the command line (documented in src/cli/README.md); more fields may be added, none removed.
export function askJson(r: AskResult) {
  return {
    question: r.question,
    answered: r.answered,
    ...(r.answered
      ? { confidence: r.confidence, answer: r.answer }
      : { reason: r.reason, suggestions: r.suggestions.map((s) => s.label), ...declineDetails(r) }),
    passages: (r.answered ? r.passages : []).map((p) => ({
      text: p.text,
      article: p.citation.articleTitle,
      section: p.citation.section,
      paragraph: p.citation.paragraph,
      score: p.score,
      coverage: p.coverage,
      sentence: p.sentences[p.bestSentence] ?? null,
    })),
  };
}

export function quotesJson(r: QuotesResult) {
  return {
    query: r.query,
    speaker: r.speaker && r.answered ? r.speaker.name : (r.speaker?.name ?? null),
    ...(r.answered ? {} : { reason: r.reason, suggestions: r.suggestions.map((s) => s.label) }),
    quotes: r.quotes.map((q) => ({ speaker: q.speaker, text: q.text, article: q.citation.articleTitle, section: q.citation.section, paragraph: q.citation.paragraph })),
  };
}

export function commitmentsJson(r: CommitmentsResult) {
  return {
    party: r.party,
    ...(r.answered ? {} : { reason: r.reason }),
    commitments: r.commitments.map((c) => ({ text: c.text, party: c.party, article: c.citation.articleTitle, section: c.citation.section, paragraph: c.citation.paragraph })),
  };
}
