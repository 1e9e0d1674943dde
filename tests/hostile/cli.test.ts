// `cli ask --json` promises one output object per input line: whatever the lines hold (blank, whitespace,
// control characters, very long, unpaired surrogates), output line n answers input line n.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp } from '../../src/core/app.ts';
import { runCli } from '../../src/cli/main.ts';

const engine = createApp({ commands: COMMANDS, corpusDir: 'corpus' }).context.engine;

/** One input line: anything but a line break. */
const line = fc.oneof(
  fc.constantFrom('', ' ', '\t', '   \t ', 'Who signed the declaration?'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 900, maxLength: 1200 }),
).map((s) => s.replace(/[\r\n\u2028\u2029\u0085]/g, ' '));

describe('hostile input: cli ask --json on stdin', () => {
  it('writes exactly one JSON object per input line, in order', async () => {
    await fc.assert(
      // Every line ends with a newline, as in a file: a blank line is "\n".
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        let stdout = '';
        const code = await runCli(['ask', '--json'], { stdin: Readable.from([lines.map((l) => `${l}\n`).join('')]), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true } }, () => engine);
        expect(code).toBe(0);
        const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean; reason?: string });
        expect(out).toHaveLength(lines.length);
        out.forEach((o, i) => {
          if (!lines[i]!.trim()) expect(o).toMatchObject({ question: '', answered: false, reason: 'empty-question' });
          else expect(o.question).toBe(engine.ask(lines[i]!).question);
        });
      }),
      { numRuns: 60 },
    );
  });
});
