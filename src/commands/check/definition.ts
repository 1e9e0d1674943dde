// "Check against the article": a message context-menu command (right-click a message > Apps). It checks
// the message's claims against the article (src/domain/check.ts) and answers privately; the reply gets a
// "Share in channel" button. A context-menu command has no options and no description: its input is the
// target message's text.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandDefinition } from '../../core/command.ts';
import { citationKey } from '../../core/question-entry.ts';
import { checkMessage, type CheckResult } from '../../domain/check.ts';
import { plainText } from './plain-text.ts';

/** The name Discord shows in the Apps menu (also the command's key: context-menu names may have spaces). */
export const CHECK_COMMAND_NAME = 'Check against the article';

export interface CheckOutcome {
  kind: 'check';
  result: CheckResult;
  target: { id: string; content: string } | null;
  private: boolean;
}

export const checkDefinition: CommandDefinition<CheckOutcome> = {
  data: { name: CHECK_COMMAND_NAME, type: ApplicationCommandType.Message },
  summary: 'Right-click a message: the passages of the article that bear on its claims, sentence by sentence (only you see it)',
  limited: true,
  answered: (outcome) => outcome.result.addressed > 0,
  run({ engine }, input) {
    const content = input.target?.content ?? '';
    return { kind: 'check', result: checkMessage(engine, plainText(content)), target: input.target ?? null, private: true };
  },
  logged({ result: r }) {
    const first = r.claims.find((c) => c.passages.length > 0);
    const missed = r.claims.find((c) => c.status !== 'addressed');
    return {
      kind: 'check',
      question: r.message,
      answered: r.addressed > 0,
      reason: r.addressed > 0 ? null : (missed?.reason ?? 'empty-question'),
      // A check is only as sure as its surest claim: low when every addressed claim has only a closest passage.
      confidence: r.addressed > 0 ? (r.claims.some((c) => c.confidence === 'high') ? 'high' : 'low') : null,
      topPassage: first?.passages[0] ? citationKey(first.passages[0].citation) : null,
      claims: r.claims.length,
      addressed: r.addressed,
    };
  },
};
