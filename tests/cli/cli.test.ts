// Specification of the JSON command line: exit codes, the JSON shapes scripts rely on, and batch questions on
// stdin. Most cases drive runCli in-process; a few spawn the real process to check what a shell sees.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../src/cli/main.ts';
import { CorpusError } from '../../src/domain/corpus.ts';
import { createEngine, type Engine } from '../../src/domain/engine.ts';
import { loadCorpus } from '../../src/domain/load.ts';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'corpus');
const QUESTION = 'Will the UK provide arms?';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadCorpus(CORPUS));
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as one JSON value per line. */
  json: unknown[];
}

async function cli(argv: string[], stdin = '', factory: () => Engine = () => engine): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdin: Readable.from([stdin]), stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    factory,
  );
  const json = stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as unknown);
  return { code, stdout, stderr, json };
}

describe('runCli: exit codes', () => {
  it('exits 0 on success', async () => {
    expect((await cli(['ask', QUESTION])).code).toBe(0);
  });

  it('exits 2 with the usage on stderr for an unknown command, a missing command or a bad flag', async () => {
    for (const argv of [['frobnicate'], [], ['ask', QUESTION, '--bogus'], ['quote', 'Starmer', '--limit', '3'], ['ask', 'a', 'b']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(USAGE);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 for a limit that is not a whole number from 1 to 100', async () => {
    for (const limit of ['0', '-1', '101', '2.5', 'ten']) {
      const r = await cli(['ask', QUESTION, '--limit', limit]);
      expect(r.code, limit).toBe(2);
      // "-1" is refused by parseArgs itself (it looks like a flag); the others by the range check.
      expect(r.stderr).toMatch(/'--limit'|--limit must be a whole number/);
      expect(r.stderr).toContain(USAGE);
    }
  });

  it('prints the usage on stdout and exits 0 for --help', async () => {
    const r = await cli(['--help']);
    expect(r).toMatchObject({ code: 0, stdout: USAGE, stderr: '' });
  });

  it('does not load the corpus for a usage error', async () => {
    const r = await cli(['frobnicate'], '', () => {
      throw new Error('test: the engine must not be built');
    });
    expect(r.code).toBe(2);
  });

  it('exits 1 with one line when the corpus cannot be loaded', async () => {
    const r = await cli(['ask', QUESTION], '', () => {
      throw new CorpusError('corpus/x.md', 3, 'unknown front matter key "colour"');
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('pactbot: corpus: corpus/x.md:3: unknown front matter key "colour"\n');
  });
});

describe('runCli: JSON shapes', () => {
  it('ask --json: {question, answered, passages: [{text, section, paragraph, score}]}, best first', async () => {
    const r = await cli(['ask', QUESTION, '--json']);
    expect(r.json).toHaveLength(1);
    const out = r.json[0] as { question: string; answered: boolean; passages: Array<Record<string, unknown>> };
    const expected = engine.ask(QUESTION);
    expect(out.question).toBe(QUESTION);
    expect(out.answered).toBe(true);
    expect(out.passages.length).toBe(expected.passages.length);
    out.passages.forEach((p, i) => {
      const e = expected.passages[i]!;
      expect(p).toMatchObject({ text: e.text, section: e.citation.section, paragraph: e.citation.paragraph, score: e.score });
    });
  });

  it('ask --json --limit N returns at most N passages', async () => {
    const r = await cli(['ask', QUESTION, '--json', '--limit', '2']);
    expect((r.json[0] as { passages: unknown[] }).passages.length).toBeLessThanOrEqual(2);
  });

  it('ask --json on a question the article does not cover: answered false, no passages', async () => {
    const r = await cli(['ask', 'How do I bake sourdough bread?', '--json']);
    expect(r.json[0]).toMatchObject({ question: 'How do I bake sourdough bread?', answered: false, passages: [] });
  });

  it('quote --json: {speaker: canonical name, quotes: [{speaker, text, paragraph}]} with only that speaker\'s lines', async () => {
    const r = await cli(['quote', 'the PM', '--json']);
    const out = r.json[0] as { speaker: string; quotes: Array<{ speaker: string; text: string; paragraph: number }> };
    const expected = engine.quotes('the PM');
    expect(out.speaker).toBe('Sir Keir Starmer');
    expect(out.quotes.map((q) => ({ speaker: q.speaker, text: q.text, paragraph: q.paragraph }))).toEqual(
      expected.quotes.map((q) => ({ speaker: q.speaker, text: q.text, paragraph: q.citation.paragraph })),
    );
    for (const q of out.quotes) expect(q.speaker).toBe('Sir Keir Starmer');
  });

  it('quote --json for an unknown name: speaker null, no quotes', async () => {
    const r = await cli(['quote', 'Bob Smithson', '--json']);
    expect(r.json[0]).toMatchObject({ speaker: null, quotes: [] });
  });

  it('quote --json --topic puts the quote on that topic first', async () => {
    const r = await cli(['quote', 'Starmer', '--topic', 'frank', '--json']);
    const out = r.json[0] as { quotes: Array<{ text: string }> };
    expect(out.quotes[0]!.text).toBe(engine.quotes('Starmer', 'frank').quotes[0]!.text);
  });

  it('commitments --json: {commitments: [{text, paragraph}]} in article order', async () => {
    const r = await cli(['commitments', '--json']);
    const out = r.json[0] as { commitments: Array<{ text: string; paragraph: number }> };
    expect(out.commitments.map((c) => ({ text: c.text, paragraph: c.paragraph }))).toEqual(
      engine.commitments().commitments.map((c) => ({ text: c.text, paragraph: c.citation.paragraph })),
    );
  });

  it('commitments --party filters by party', async () => {
    expect(((await cli(['commitments', '--party', 'France', '--json'])).json[0] as { commitments: unknown[] }).commitments).toEqual([]);
    expect(((await cli(['commitments', '--party', 'Britain', '--json'])).json[0] as { commitments: unknown[] }).commitments).toHaveLength(
      engine.commitments().commitments.length,
    );
  });

  it('speakers --json lists the quoted speakers', async () => {
    const r = await cli(['speakers', '--json']);
    expect(r.json[0]).toEqual({ speakers: engine.speakers('', Infinity) });
  });
});

describe('runCli: ask --json with no question reads questions from stdin', () => {
  it('writes one JSON object per input line, in order; a blank line gets an unanswered "empty-question" line', async () => {
    const questions = [QUESTION, '', 'How do I bake sourdough bread?', '   ', 'Who will verify the ceasefire?'];
    const r = await cli(['ask', '--json'], `${questions[0]}\n${questions[1]}\n${questions[2]}\r\n${questions[3]}\n${questions[4]}`);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(questions.length);
    expect(r.json.map((j) => (j as { question: string }).question)).toEqual(questions.map((q) => q.trim()));
    expect(r.json.map((j) => (j as { answered: boolean }).answered)).toEqual(questions.map((q) => engine.ask(q).answered));
    expect(r.json[1]).toMatchObject({ question: '', answered: false, reason: 'empty-question' });
    expect(r.json[3]).toMatchObject({ question: '', answered: false, reason: 'empty-question' });
  });

  it('needs --json to read from stdin', async () => {
    expect((await cli(['ask'])).code).toBe(2);
  });
});

describe('the command line as a real process', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'pactbot-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** Runs a command in the project folder; resolves with its exit code and output, never rejects. */
  const run = (file: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(file, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  it('npx tsx src/cli/main.ts ask --json exits 0 with the JSON answer', async () => {
    const r = await run('npx', ['tsx', 'src/cli/main.ts', 'ask', QUESTION, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { question: string; passages: Array<{ text: string }> };
    expect(out.question).toBe(QUESTION);
    expect(out.passages[0]!.text).toBe(engine.ask(QUESTION).passages[0]!.text);
  });

  it('npm run --silent cli with an unknown command exits 2, usage on stderr', async () => {
    const r = await run('npm', ['run', '--silent', 'cli', '--', 'frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run --silent cli');
    expect(r.stdout).toBe('');
  });

  it('npm run --silent cli with --limit 0 exits 2', async () => {
    expect((await run('npm', ['run', '--silent', 'cli', '--', 'ask', QUESTION, '--limit', '0'])).code).toBe(2);
  });

  it('exits 1 with one line naming the file and line when the corpus is malformed', async () => {
    const dir = join(tmp, 'broken');
    cpSync(CORPUS, dir, { recursive: true });
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: T\ncolour: red\n---\nText.\n');
    const r = await run('npx', ['tsx', 'src/cli/main.ts', 'ask', QUESTION], { CORPUS_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^pactbot: corpus: .*broken\.md:3: unknown front matter key "colour"/);
  });
});
