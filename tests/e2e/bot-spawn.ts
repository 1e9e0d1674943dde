// Runs a project script as a child process (node --import tsx, like the npm scripts) with a clean
// environment, collecting its output and parsed JSON log lines. Children are killed by killChildren().
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { FakeDiscord } from './fake-discord/index.ts';
import { TOKEN } from './bot-harness.ts';
import { waitFor } from './wait-for.ts';

const children: ChildProcess[] = [];

/** SIGTERM first (a sharding manager then stops its shards), SIGKILL after a grace period. */
export async function killChildren(graceMs = 5_000): Promise<void> {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

export const botEnv = (f: FakeDiscord) => ({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: f.world.applicationId, DISCORD_API_BASE: f.apiBase, LOG_LEVEL: 'info' });

export interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
  /** Resolves with the first raw stdout line matching (the console prints text, not JSON). */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Resolves with the first parsed JSON log line matching. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
}

export function run(script: string, args: string[], env: Record<string, string>): Run {
  return spawnCollected(process.execPath, ['--import', 'tsx', script, ...args], env);
}

/**
 * `npm run <script>` itself, as an operator or a process manager starts it: signals sent to `child` go to npm.
 * stdin stays open (a pipe) so the console does not read end-of-file at once.
 */
export function runNpm(script: string, args: string[], env: Record<string, string>): Run {
  return spawnCollected('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], env, 'pipe');
}

function spawnCollected(command: string, args: string[], env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): Run {
  // A clean environment: nothing from the developer's shell (or .env values for the same names) leaks in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|LOG_LEVEL|QUESTION_LOG|CORPUS_DIR|REDIS_|COOLDOWN_)|^(PORT|HOST)$/.test(k)));
  const child = spawn(command, args, { env: { ...base, QUESTION_LOG: 'off', ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  children.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    stdout.push(...lines.filter(Boolean));
    for (const w of waiters) w();
  });
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  // 'close', not 'exit': it fires once stdout and stderr are drained, so every log line has arrived.
  const exit = once(child, 'close').then(([code]) => code as number | null);
  const parsed = () => stdout.flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } });
  return {
    child,
    stdout,
    stderr,
    exit,
    waitForLine(predicate, timeoutMs = 30_000) {
      return waitFor(waiters, () => stdout.find(predicate), timeoutMs, () => `line not seen within ${timeoutMs} ms; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('')}`);
    },
    waitForLog(predicate, timeoutMs = 30_000) {
      return waitFor(waiters, () => parsed().find(predicate), timeoutMs, () => `log line not seen within ${timeoutMs} ms; stdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('')}`);
    },
  };
}

