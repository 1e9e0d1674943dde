// Specification of what the question log keeps of an answer: the confidence tier goes with every /ask and check.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, type App } from '../../src/core/app.ts';
import { check } from '../../src/commands/check/index.ts';
import { commandOf, type CommandOutcome } from '../../src/commands/index.ts';
import { questionEntry } from '../../src/core/question-entry.ts';

let app: App;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: join(import.meta.dirname, '../../corpus') });
});
const meta = { id: '1', userId: 'u', locale: 'en-US', source: 'console', latencyMs: 1 };
const ask = (question: string): CommandOutcome => ({ kind: 'ask', result: app.context.engine.ask(question), page: 0, private: false });
const entry = (outcome: CommandOutcome) => questionEntry(commandOf(outcome), outcome, meta);

describe('questionEntry', () => {
  it('records the confidence of an answer, and none for a decline', () => {
    expect(entry(ask('Who signed the declaration?'))).toMatchObject({ answered: true, confidence: 'high' });
    expect(entry(ask('Will Britain help check whether the truce is actually being respected?'))).toMatchObject({ answered: true, confidence: 'low' });
    expect(entry(ask('Did Poland agree to send troops?'))).toMatchObject({ answered: false, confidence: null, reason: 'absent-entity' });
  });

  it('records a check as confident when one of its claims is answered confidently', () => {
    const run = (content: string) => check.run(app.context, { target: { id: '2', content } } as never) as CommandOutcome;
    expect(entry(run('Starmer and Macron signed the declaration.'))).toMatchObject({ kind: 'check', confidence: 'high' });
    expect(entry(run('Pizza is tasty.'))).toMatchObject({ kind: 'check', answered: false, confidence: null });
  });
});
