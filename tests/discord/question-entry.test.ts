// Specification of what the question log keeps of an answer: the confidence tier goes with every /ask and check.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { check } from '../../src/discord/commands/check.ts';
import type { CommandOutcome } from '../../src/discord/commands/types.ts';
import { questionEntry } from '../../src/discord/question-entry.ts';

let app: App;
beforeAll(() => {
  app = createApp({ corpusDir: join(import.meta.dirname, '../../corpus') });
});
const meta = { id: '1', userId: 'u', locale: 'en-US', source: 'console', latencyMs: 1 };
const ask = (question: string): CommandOutcome => ({ kind: 'ask', result: app.context.engine.ask(question), page: 0, private: false });

describe('questionEntry', () => {
  it('records the confidence of an answer, and none for a decline', () => {
    expect(questionEntry(ask('Who signed the declaration?'), meta)).toMatchObject({ answered: true, confidence: 'high' });
    expect(questionEntry(ask('Will Britain help check whether the truce is actually being respected?'), meta)).toMatchObject({ answered: true, confidence: 'low' });
    expect(questionEntry(ask('Did Poland agree to send troops?'), meta)).toMatchObject({ answered: false, confidence: null, reason: 'absent-entity' });
  });

  it('records a check as confident when one of its claims is answered confidently', () => {
    const run = (content: string) => check.run(app.context, { target: { id: '2', content } } as never) as CommandOutcome;
    expect(questionEntry(run('Starmer and Macron signed the declaration.'), meta)).toMatchObject({ kind: 'check', confidence: 'high' });
    expect(questionEntry(run('Pizza is tasty.'), meta)).toMatchObject({ kind: 'check', answered: false, confidence: null });
  });
});
