// Any question a user can type ends up in `npm run report`: nothing in it may drive the operator's terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReportText } from '../../src/cli/report.ts';
import { escapeJsonText, visible } from '../../src/cli/visible.ts';
import type { QuestionReport } from '../../src/store/question-report.ts';

/** Characters a terminal acts on: C0, DEL, C1, bidi embeddings/overrides/isolates (the printed newlines excepted). */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Strings biased towards escape sequences: ESC, BEL, CSI, OSC, bidi, mixed with anything. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.array(fc.constantFrom('\u001b', '\u0007', '\u009b', '\u009d', ']52;c;', '[2J', '\u202e', '\u2066', '\r', '\n', '\t', '\u007f', 'a', ' '), { maxLength: 40 }).map((a) => a.join('')),
);

function report(question: string, reason: string, topPassage: string): QuestionReport {
  return {
    since: null,
    totals: { questions: 1, answered: 0, declined: 1, checks: 0, up: 0, down: 1, users: 1 },
    mostAsked: [{ question, count: 1, answered: 0, lastAt: '2026-01-20T00:00:00.000Z' }],
    declined: [{ question, count: 1, reason, lastAt: '2026-01-20T00:00:00.000Z' }],
    worstRated: [{ question, topPassage, up: 0, down: 1 }],
  };
}

describe('hostile input: npm run report', () => {
  it('prints no character a terminal acts on, whatever the question, reason, passage or path', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (question, reason, passage, path) => {
        expect(renderReportText(report(question, reason, passage), path)).not.toMatch(ACTIVE);
      }),
      { numRuns: 500 },
    );
  });

  it('shows each such character instead of dropping it: the visible text is never shorter', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(visible(text).length).toBeGreaterThanOrEqual(text.length);
      }),
    );
  });

  it('--json: no active character in the output, and parsing gives the exact question back', () => {
    fc.assert(
      fc.property(hostile, (question) => {
        const json = escapeJsonText(JSON.stringify(report(question, 'r', 'p'), null, 2));
        expect(json.replace(/\n/g, '')).not.toMatch(ACTIVE);
        expect((JSON.parse(json) as QuestionReport).mostAsked[0]!.question).toBe(question);
      }),
      { numRuns: 500 },
    );
  });
});
