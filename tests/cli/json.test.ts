// The JSON shapes of the command line (src/cli/json.ts): what scripts read, documented in src/cli/README.md.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { askJson, commitmentsJson, quotesJson } from '../../src/cli/json.ts';
import { createApp } from '../../src/core/app.ts';
import type { Engine } from '../../src/domain/engine.ts';
import type { AskResult } from '../../src/domain/types.ts';

type Answered = Extract<AskResult, { answered: true }>;

let engine: Engine;
let answered: Answered;
beforeAll(() => {
  engine = createApp({ commands: [], corpusDir: join(import.meta.dirname, '../../corpus') }).context.engine;
  const r = engine.ask('Will the UK provide arms?');
  if (!r.answered) throw new Error('test: the sample question must be answered');
  answered = r;
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
