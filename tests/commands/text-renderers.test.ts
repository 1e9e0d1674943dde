// Specification of the commands' text renderers (src/commands/<name>/text.ts): passages verbatim with the
// answering sentence marked, citations, paging, and declines in the same words as in Discord, with suggestions.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { markSentence, renderAskText } from '../../src/commands/ask/text.ts';
import { renderCommitmentsText } from '../../src/commands/commitments/text.ts';
import { findCommand, renderText } from '../../src/commands/index.ts';
import { renderQuotesText } from '../../src/commands/quote/text.ts';
import { formatCitation as citeText } from '../../src/core/citation.ts';
import { t } from './all-strings.ts';
import { check } from '../../src/commands/check/index.ts';
import type { CommandOutcome } from '../../src/commands/index.ts';
import type { Engine } from '../../src/domain/engine.ts';
import type { AskResult } from '../../src/domain/types.ts';

type Answered = Extract<AskResult, { answered: true }>;

let app: App<Command>;
let engine: Engine;
let answered: Answered;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: join(import.meta.dirname, '../../corpus') });
  engine = app.context.engine;
  const r = engine.ask('Will the UK provide arms?');
  if (!r.answered) throw new Error('test: the sample question must be answered');
  answered = r;
});

describe('formatCitation', () => {
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

  it('words a decline as Discord does, with the suggestions', () => {
    const r = engine.ask('How do I bake sourdough bread?');
    expect(r.answered).toBe(false);
    const text = renderAskText(r);
    expect(text.split('\n')[0]).toBe(t('en', `decline.${r.answered ? '' : r.reason}`));
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

  it('says a known person is mentioned but not quoted (with the role the terminal has room for), and who is', () => {
    const r = engine.quotes('Putin');
    const speaker = `${r.speaker!.name} (${r.speaker!.role})`;
    expect(renderQuotesText(r)).toMatch(new RegExp(`^${escapeRegExp(t('en', 'decline.no-quotes', { speaker }))}\nQuoted in the article: `));
  });

  it('says nobody by an unknown name is quoted, in the words Discord uses', () => {
    expect(renderQuotesText(engine.quotes('Bob Smithson')).split('\n')[0]).toBe(t('en', 'decline.unknown-speaker', { query: 'Bob Smithson' }));
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
    expect(renderCommitmentsText(engine.commitments('Narnia'))).toContain(t('en', 'decline.unknown-party', { party: 'Narnia' }));
    expect(renderCommitmentsText(engine.commitments('France'))).toContain(t('en', 'decline.no-commitments', { party: 'France' }));
  });
});

describe('renderText for command outcomes', () => {
  it('renders /help and /about from what the commands return', () => {
    const textOf = (name: string) => {
      const command = findCommand(name)!;
      return command.text(command.run(app.context, { options: {}, locale: 'en-US' }));
    };
    const help = textOf('help');
    for (const c of app.commands) expect(help).toContain(c.data.description ?? c.summary);
    const about = textOf('about');
    expect(about).toContain(`${engine.info().passages} passages`);
  });
});


function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
