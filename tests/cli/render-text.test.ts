// Specification of the text renderer: passages verbatim with the answering sentence marked, citations,
// paging, declines with suggestions, and the JSON shapes of the command line.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import {
  askJson,
  citeText,
  commitmentsJson,
  markSentence,
  quotesJson,
  renderAskText,
  renderCommitmentsText,
  renderQuotesText,
  renderText,
} from '../../src/cli/render-text.ts';
import { findCommand } from '../../src/discord/commands/index.ts';
import { t } from '../../src/discord/strings.ts';
import { check } from '../../src/discord/commands/check.ts';
import type { CommandOutcome } from '../../src/discord/commands/types.ts';
import type { Engine } from '../../src/domain/engine.ts';
import type { AskResult } from '../../src/domain/types.ts';

type Answered = Extract<AskResult, { answered: true }>;

let app: App;
let engine: Engine;
let answered: Answered;
beforeAll(() => {
  app = createApp({ corpusDir: join(import.meta.dirname, '../../corpus') });
  engine = app.context.engine;
  const r = engine.ask('Will the UK provide arms?');
  if (!r.answered) throw new Error('test: the sample question must be answered');
  answered = r;
});

describe('citeText', () => {
  it('joins article title, section and paragraph, leaving out a missing section', () => {
    expect(citeText({ articleId: 'a', articleTitle: 'Title', section: 'Sec', paragraph: 4 })).toBe('Title · Sec · ¶4');
    expect(citeText({ articleId: 'a', articleTitle: 'Title', section: null, paragraph: 1 })).toBe('Title · ¶1');
  });
});

describe('markSentence', () => {
  it('marks the answering sentence with ** and leaves the passage otherwise verbatim', () => {
    for (const p of answered.passages) {
      const marked = markSentence(p);
      expect(marked).toContain(`**${p.sentences[p.bestSentence]}**`);
      expect(marked.replaceAll('**', '')).toBe(p.text);
    }
  });
});

describe('renderAskText', () => {
  it('shows three passages a page, each with its citation, and the more hint while more remain', () => {
    const page0 = renderAskText(answered, 0, 3, 'MORE');
    for (const p of answered.passages.slice(0, 3)) {
      expect(page0).toContain(markSentence(p));
      expect(page0).toContain(citeText(p.citation));
    }
    expect(page0).not.toContain(markSentence(answered.passages[3]!));
    expect(page0.endsWith('MORE')).toBe(answered.passages.length > 3);
    expect(page0).toContain(`Also relevant (2/${answered.passages.length})`);
  });

  it('says so when a page is past the last passage', () => {
    expect(renderAskText(answered, 100)).toBe('No more passages.');
  });

  it('turns a decline into a plain "doesn\'t cover that" with the suggestions', () => {
    const r = engine.ask('How do I bake sourdough bread?');
    expect(r.answered).toBe(false);
    const text = renderAskText(r);
    expect(text).toMatch(/doesn't cover that/);
    for (const s of r.answered ? [] : r.suggestions) expect(text).toContain(s.label);
  });
});

describe('the closest passage and structural declines in the terminal', () => {
  it('says a low-confidence answer is the closest passage, and a confident one nothing of the kind', () => {
    const low = engine.ask('Will Britain help check whether the truce is actually being respected?');
    expect(low.answered && low.confidence).toBe('low');
    expect(renderAskText(low).split('\n')[0]).toContain(t('en', 'ask.title.closest'));
    expect(renderAskText(engine.ask('Who signed the declaration?'))).not.toContain(t('en', 'ask.title.closest'));
  });

  it('words a structural decline as Discord does, with what the question named', () => {
    const r = engine.ask('Did Poland agree to send troops too?');
    expect(renderAskText(r)).toContain(t('en', 'decline.absent-entity', { entities: '“Poland”' }));
  });

  it('renders a message check, marking the claims answered only by the closest passage', () => {
    const outcome = check.run(app.context, { target: { id: '1', content: 'The UK will help check the truce is respected. Pizza is tasty.' } } as never);
    const text = renderText(outcome as CommandOutcome);
    expect(text).toContain('> The UK will help check the truce is respected.');
    expect(text).toContain(t('en', 'check.note'));
    expect(text).not.toContain('no text rendering');
  });
});

describe('renderQuotesText', () => {
  it('lists the speaker, role and every quote verbatim with its citation', () => {
    const r = engine.quotes('Witkoff');
    const text = renderQuotesText(r);
    expect(text).toContain(`${r.speaker!.name} (${r.speaker!.role})`);
    for (const q of r.quotes) expect(text).toContain(`“${q.text}”\n    — ${citeText(q.citation)}`);
  });

  it('says a known person is mentioned but not quoted, and who is', () => {
    expect(renderQuotesText(engine.quotes('Putin'))).toMatch(/^Vladimir Putin .* is mentioned in the article but not quoted\.\nQuoted in the article: /);
  });

  it('says nobody by an unknown name is quoted', () => {
    expect(renderQuotesText(engine.quotes('Bob Smithson'))).toMatch(/^Nobody called "Bob Smithson" is quoted/);
  });
});

describe('renderCommitmentsText', () => {
  it('numbers the commitments under the sentence that introduces them', () => {
    const r = engine.commitments();
    const lines = renderCommitmentsText(r).split('\n');
    expect(lines[0]).toBe(r.commitments[0]!.introducedBy);
    r.commitments.forEach((c, i) => expect(lines[i + 1]).toContain(`${i + 1}. ${c.text} (${c.party}; `));
  });

  it('explains an unknown party and a party with none', () => {
    expect(renderCommitmentsText(engine.commitments('Narnia'))).toMatch(/"Narnia" is not a party the article names/);
    expect(renderCommitmentsText(engine.commitments('France'))).toMatch(/no commitments by France/);
  });
});

describe('renderText for command outcomes', () => {
  it('renders /help and /about from what the commands return', () => {
    const help = renderText(findCommand('help')!.run(app.context, { options: {}, locale: 'en-US' }));
    for (const c of app.commands) expect(help).toContain(c.data.description ?? c.summary);
    const about = renderText(findCommand('about')!.run(app.context, { options: {}, locale: 'en-US' }));
    expect(about).toContain(`${engine.info().passages} passages`);
  });
});

describe('JSON shapes', () => {
  it('askJson: question, answered, answer, passages with text, section, paragraph and score', () => {
    const j = askJson(answered);
    expect(j).toMatchObject({ question: answered.question, answered: true, answer: answered.answer });
    expect(j.passages).toHaveLength(answered.passages.length);
    j.passages.forEach((p, i) => {
      const e = answered.passages[i]!;
      expect(p).toMatchObject({ text: e.text, section: e.citation.section, paragraph: e.citation.paragraph, score: e.score });
    });
  });

  it('askJson on a decline: no passages, the reason and suggestions', () => {
    const r = engine.ask('How do I bake sourdough bread?');
    expect(askJson(r)).toMatchObject({ answered: false, passages: [], reason: r.answered ? '' : r.reason });
  });

  it('quotesJson: canonical speaker, quotes with speaker, text and paragraph', () => {
    const r = engine.quotes('kushner');
    expect(quotesJson(r)).toMatchObject({
      speaker: 'Jared Kushner',
      quotes: r.quotes.map((q) => ({ speaker: q.speaker, text: q.text, paragraph: q.citation.paragraph })),
    });
    expect(quotesJson(engine.quotes('Bob Smithson'))).toMatchObject({ speaker: null, quotes: [] });
  });

  it('commitmentsJson: commitments with text and paragraph', () => {
    const r = engine.commitments();
    expect(commitmentsJson(r)).toMatchObject({ commitments: r.commitments.map((c) => ({ text: c.text, paragraph: c.citation.paragraph })) });
  });
});
