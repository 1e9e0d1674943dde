import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.ts';
import { silentLogger } from '../../src/log.ts';
import { openQuestionLog, type QuestionEntry } from '../../src/store/question-log.ts';
import { readQuestionReport, type QuestionReport } from '../../src/store/question-report.ts';

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pactbot-report-'));
  path = join(dir, 'log.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

let next = 0;
const entry = (question: string, answered: boolean, over: Partial<QuestionEntry> = {}): QuestionEntry => ({
  id: String(++next),
  kind: 'ask',
  question,
  answered,
  reason: answered ? null : 'weak-match',
  topPassage: answered ? 'uk-france-pact#3' : null,
  latencyMs: 2,
  userId: `user-${next % 3}`,
  // One second apart, in the order recorded: "latest wording" is well defined.
  at: new Date(Date.now() - 3_600_000 + next * 1000),
  ...over,
});

/** A small history: one question asked three ways, one declined twice, one answer voted down. */
function seed(): void {
  const log = openQuestionLog({ path, logger: silentLogger() });
  log.record(entry('Who signed the declaration?', true));
  log.record(entry('who signed the declaration', true));
  log.record(entry('WHO SIGNED THE DECLARATION?!', true, { id: 'signed-latest' }));
  log.record(entry('Is Germany sending troops?', false));
  log.record(entry('is germany sending troops', false));
  log.record(entry('What will the UK do?', true, { id: 'uk' }));
  log.record(entry('The UK will send tanks. Germany too.', true, { kind: 'check', claims: 2, addressed: 1 }));
  log.vote({ questionId: 'uk', userId: 'a', vote: -1 });
  log.vote({ questionId: 'uk', userId: 'b', vote: -1 });
  log.vote({ questionId: 'uk', userId: 'c', vote: 1 });
  log.vote({ questionId: 'signed-latest', userId: 'a', vote: 1 });
  log.close();
}

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env } };
}

describe('question report', () => {
  it('counts the most asked questions, grouping different spellings of the same words', () => {
    seed();
    const report = readQuestionReport(path);
    expect(report.mostAsked[0]).toMatchObject({ question: 'WHO SIGNED THE DECLARATION?!', count: 3, answered: 3 });
    expect(report.totals).toMatchObject({ questions: 7, answered: 5, declined: 2, checks: 1, up: 2, down: 2, users: 3 });
  });

  it('lists the declined questions: what the article does not cover', () => {
    seed();
    const { declined } = readQuestionReport(path);
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ count: 2, reason: 'weak-match' });
    expect(declined[0]!.question.toLowerCase()).toContain('germany');
  });

  it('ranks answers by their 👎 votes, net of 👍, and leaves out answers nobody voted down', () => {
    seed();
    const { worstRated } = readQuestionReport(path);
    expect(worstRated).toEqual([{ question: 'What will the UK do?', topPassage: 'uk-france-pact#3', up: 1, down: 2 }]);
  });

  it('honours --limit and --since', () => {
    seed();
    expect(readQuestionReport(path, { limit: 1 }).mostAsked).toHaveLength(1);
    const future = readQuestionReport(path, { sinceDays: 1, now: () => Date.now() + 2 * 86_400_000 });
    expect(future.totals.questions).toBe(0);
    expect(future.mostAsked).toEqual([]);
  });

  it('prints readable text with the three sections', async () => {
    seed();
    const { out, io: ioo } = io();
    expect(await runReport(['--db', path], ioo)).toBe(0);
    const text = out.join('');
    const report = readQuestionReport(path);
    expect(text).toMatch(/Most asked[\s\S]*Declined[\s\S]*Worst-rated/);
    for (const row of report.mostAsked) expect(text).toContain(`${row.count}×  ${row.question}`);
    expect(text).toContain('👎 2 👍 1  What will the UK do?');
  });

  it('shows terminal control characters in questions instead of sending them (text); --json keeps them, escaped', async () => {
    const hostile = 'clip \u001b]52;c;aGVsbG8=\u0007 clear \u001b[2J bidi \u202e C1 \u009b31m end';
    const log = openQuestionLog({ path, logger: silentLogger() });
    log.record(entry(hostile, false));
    log.close();
    const text = io();
    expect(await runReport(['--db', path], text.io)).toBe(0);
    const printed = text.out.join('');
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(printed).toContain('clip ␛]52;c;aGVsbG8=␇ clear ␛[2J bidi \\u{202e} C1 \\u{9b}31m end');
    const json = io();
    expect(await runReport(['--db', path, '--json'], json.io)).toBe(0);
    expect(json.out.join('')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect((JSON.parse(json.out.join('')) as QuestionReport).declined[0]!.question).toBe(hostile);
  });

  it('prints the same report as JSON with --json', async () => {
    seed();
    const { out, io: ioo } = io();
    expect(await runReport(['--db', path, '--json', '--limit', '2'], ioo)).toBe(0);
    const parsed = JSON.parse(out.join('')) as QuestionReport;
    expect(parsed).toEqual(readQuestionReport(path, { limit: 2 }));
  });

  it('reads the path from QUESTION_LOG, and says so when the log is off or not there yet', async () => {
    seed();
    const ok = io({ QUESTION_LOG: path });
    expect(await runReport([], ok.io)).toBe(0);
    expect(ok.out.join('')).toContain(path);
    const off = io({ QUESTION_LOG: 'off' });
    expect(await runReport([], off.io)).toBe(1);
    expect(off.err.join('')).toMatch(/off/);
    const missing = io({ QUESTION_LOG: join(dir, 'nope.db') });
    expect(await runReport([], missing.io)).toBe(1);
    expect(missing.err.join('')).toMatch(/no question log/);
  });

  it('rejects bad flags with the usage', async () => {
    const bad = io();
    expect(await runReport(['--limit', 'ten', '--db', path], bad.io)).toBe(2);
    expect(await runReport(['--nope'], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain('usage:');
  });
});
