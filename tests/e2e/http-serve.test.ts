// `npm run serve` as a real process: configuration from the environment, readiness, a signed interaction
// answered, and a clean exit on SIGTERM; bad configuration stops it with one line.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../../src/discord/http/sign.ts';
import { keyPair, send } from '../discord/http-support.ts';
import { chatInputInteraction, createWorld } from './fake-discord/index.ts';

const keys = keyPair();
const world = createWorld();
const cacheDir = mkdtempSync(join(tmpdir(), 'pactbot-serve-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

function serve(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; lines: Array<Record<string, unknown>>; next: (msg: string) => Promise<Record<string, unknown>>; exit: Promise<{ code: number | null; stderr: string }> } {
  // Run from an empty folder so a developer's .env cannot change what the test sees.
  const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, resolve('src/serve.ts')], {
    cwd: cacheDir,
    env: { PATH: process.env.PATH ?? '', PORT: '0', CACHE_DIR: cacheDir, CORPUS_DIR: resolve('corpus'), QUESTION_LOG: 'off', LOG_LEVEL: 'info', ...env },
  });
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: string; resolve: (line: Record<string, unknown>) => void }> = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return;
    }
    lines.push(line);
    for (const w of waiters.filter((w) => w.msg === line.msg)) w.resolve(line);
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  const next = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = lines.find((l) => l.msg === msg);
      if (seen) return resolve(seen);
      waiters.push({ msg, resolve });
      void exit.then(({ code, stderr: err }) => reject(new Error(`serve exited (${code}) before "${msg}": ${err}`)));
    });
  return { child, lines, next, exit };
}

describe('npm run serve', () => {
  it('serves signed interactions once ready and exits cleanly on SIGTERM', async () => {
    const proc = serve({ DISCORD_PUBLIC_KEY: keys.publicHex, DISCORD_CLIENT_ID: world.applicationId });
    try {
      const port = (await proc.next('http: listening')).port as number;
      await proc.next('http: ready');
      expect((await send(port, { method: 'GET', path: '/healthz' })).status).toBe(200);
      const res = await send(port, signedRequest(keys.privateKey, chatInputInteraction(world, { name: 'ask', options: { question: 'Who signed the declaration?' } })));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).type).toBe(4);
      proc.child.kill('SIGTERM');
      const { code } = await proc.exit;
      expect(code).toBe(0);
      expect(proc.lines.map((l) => l.msg)).toContain('http: stopped');
      // No log line carries the interaction token.
      expect(JSON.stringify(proc.lines)).not.toMatch(/"token"\s*:\s*"(?!\[redacted\])/);
    } finally {
      proc.child.kill('SIGKILL');
    }
  });

  it.each([
    [{ DISCORD_PUBLIC_KEY: 'not-hex', DISCORD_CLIENT_ID: '123456789012345678' }, /^pactbot: config: DISCORD_PUBLIC_KEY is malformed/],
    [{ DISCORD_CLIENT_ID: '123456789012345678' }, /^pactbot: config: DISCORD_PUBLIC_KEY is missing/],
    [{ DISCORD_PUBLIC_KEY: 'a'.repeat(64) }, /^pactbot: config: DISCORD_CLIENT_ID is missing/],
  ])('refuses to start with %j, in one line', async (env, message) => {
    const { exit } = serve(env);
    const { code, stderr } = await exit;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
