// Specification of the local console: a session typed on standard input, answered with the same commands as
// Discord, rendered as text; /exit and end of input (Ctrl-D) both end it; `npm start` opens it without a token.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.ts';
import { createApp, readAppInfo, type App } from '../../src/core/app.ts';
import type { Command } from '../../src/commands/command.ts';
import { parseLine, runConsole } from '../../src/cli/console.ts';
import { findCommand } from '../../src/commands/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, 'corpus');
const QUESTION = 'Who will verify the ceasefire?';

let app: App<Command>;
beforeAll(() => {
  app = createApp({ commands: COMMANDS, corpusDir: CORPUS });
});
const engine = () => app.context.engine;

interface Session {
  /** Everything printed before the first prompt. */
  banner: string[];
  /** What each typed line printed, in order (the text between one prompt and the next). */
  replies: string[];
  output: string;
}

/** Types `lines` into a console; ends the input afterwards (Ctrl-D) unless `end` is false. */
async function session(lines: string[], { end = true, given = app } = {}): Promise<Session> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const done = runConsole({ config: { corpusDir: CORPUS }, input, output, app: given });
  input.write(lines.map((l) => `${l}\n`).join(''));
  if (end) input.end();
  await done;
  const [banner = '', ...replies] = text.split(/^> /m);
  return { banner: banner.trimEnd().split('\n'), replies: replies.map((r) => r.trimEnd()), output: text };
}

describe('runConsole', () => {
  it('opens with a banner that says in one line how to connect to Discord', async () => {
    const { banner } = await session([]);
    const hint = banner.filter((l) => l.includes('DISCORD_TOKEN'));
    expect(hint).toHaveLength(1);
    expect(hint[0]).toMatch(/npm start/);
    expect(banner.join('\n')).toContain(engine().info().articles[0]!.title);
  });

  it('answers a plain line as a question, and /ask alike, with the answering sentence and citation', async () => {
    const { replies } = await session([QUESTION, `/ask ${QUESTION}`]);
    const r = engine().ask(QUESTION);
    expect(r.answered).toBe(true);
    if (!r.answered) return;
    expect(replies[0]).toContain(`**${r.answer}**`);
    expect(replies[0]).toContain(`¶${r.passages[0]!.citation.paragraph}`);
    expect(replies[1]).toBe(replies[0]);
  });

  it('/more shows the next passages of the last answer', async () => {
    const question = 'Will the UK provide arms?';
    const r = engine().ask(question);
    expect(r.passages.length).toBeGreaterThan(3);
    const { replies } = await session(['/more', question, '/more']);
    expect(replies[0]).toBe('Ask a question first.');
    expect(replies[1]).not.toContain(r.passages[3]!.text.slice(0, 60));
    expect(replies[2]).toContain(r.passages[3]!.text.slice(0, 60));
    expect(replies[2]).not.toContain(r.passages[0]!.text.slice(0, 60));
  });

  it('/quote with topic: lists the speaker\'s quotes, the one on the topic first', async () => {
    const { replies } = await session(['/quote Starmer topic: frank']);
    const quotes = engine().quotes('Starmer', 'frank').quotes;
    const positions = quotes.map((q) => replies[0]!.indexOf(q.text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(quotes[0]!.text).toMatch(/frank/);
  });

  it('/commitments lists every commitment; party: filters', async () => {
    const { replies } = await session(['/commitments', '/commitments party: France']);
    for (const c of engine().commitments().commitments) expect(replies[0]).toContain(c.text);
    for (const c of engine().commitments().commitments) expect(replies[1]).not.toContain(c.text);
    expect(replies[1]).toMatch(/France/);
  });

  it('/help lists every command, /about names the app, its version and the article', async () => {
    const { replies } = await session(['/help', '/about']);
    // Slash commands only: a context-menu command (no description) has no /form.
    for (const c of app.commands.filter((c) => c.data.description)) expect(replies[0]).toContain(`/${c.data.name}`);
    expect(replies[0]).toContain('/more');
    expect(replies[0]).toContain('/exit');
    const { name, version } = readAppInfo();
    expect(replies[1]).toContain(`${name} ${version}`);
    expect(replies[1]).toContain(engine().info().articles[0]!.title);
  });

  it('answers an unknown command with a pointer to /help and carries on', async () => {
    const { replies } = await session(['/frobnicate', QUESTION]);
    expect(replies[0]).toBe('Unknown command /frobnicate. Type /help for the list.');
    expect(replies[1]).toContain(engine().ask(QUESTION).passages[0]!.citation.articleTitle);
  });

  it('ends at /exit, without reading further lines or waiting for the end of input', async () => {
    const { replies, output } = await session(['/exit', QUESTION], { end: false });
    expect(replies).toEqual(['Bye.']);
    expect(output).not.toContain('¶');
  });

  it('ends at the end of input (Ctrl-D)', async () => {
    const { replies } = await session([QUESTION]);
    expect(replies[replies.length - 1]).toBe('Bye.');
  });

  it('keeps the session going when answering a line fails', async () => {
    const failing: App<Command> = { ...app, context: { ...app.context, engine: { ...app.context.engine, ask: () => { throw new Error('boom'); } } } };
    const { replies } = await session([QUESTION, '/commitments'], { given: failing });
    expect(replies[0]).toBe('Something went wrong answering that: boom');
    expect(replies[1]).toContain(engine().commitments().commitments[0]!.text);
  });
});

describe('parseLine', () => {
  it('splits "name:value" options and gives the rest to the first text option', () => {
    expect(parseLine(findCommand('quote')!, 'Starmer topic: frank')).toEqual({ speaker: 'Starmer', topic: 'frank' });
    expect(parseLine(findCommand('quote')!, 'speaker:the PM private:yes')).toEqual({ speaker: 'the PM', private: true });
  });

  it('leaves colons that are not option names inside the text', () => {
    expect(parseLine(findCommand('ask')!, 'what does a ratio 2:1 mean')).toEqual({ question: 'what does a ratio 2:1 mean' });
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('opens the console, answers from standard input and exits 0', async () => {
    // An empty value counts as unset and shadows any DISCORD_TOKEN a developer keeps in .env.
    const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, DISCORD_TOKEN: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.end(`${QUESTION}\n/exit\n`);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(0);
    const r = engine().ask(QUESTION);
    expect(r.answered && stdout.includes(r.answer)).toBe(true);
    expect(stdout).toContain('Bye.');
  }, 60_000);
});
