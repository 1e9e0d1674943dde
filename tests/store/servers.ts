// The real Redis and PostgreSQL the shared-state suites run against, named by the environment
// (PACTBOT_TEST_REDIS_URL, PACTBOT_TEST_POSTGRES_URL; .ci/run sets both). Unset: the suite is skipped with
// one visible line. Under CI=true a missing server fails instead, so CI cannot pass by skipping.
// Every run gets its own Redis key prefix and PostgreSQL schema, so parallel test files never collide.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { describe, it } from 'vitest';

export type ServerVariable = 'PACTBOT_TEST_REDIS_URL' | 'PACTBOT_TEST_POSTGRES_URL';

/** `describe` when the server's URL is set; otherwise a visible skip (or, under CI=true, a failing test). */
export function describeWithServer(variable: ServerVariable, title: string, body: (url: string) => void): void {
  const url = process.env[variable]?.trim();
  describeWhen(url ? null : `${variable} is not set (.ci/run sets it)`, title, () => body(url!));
}

/** `describe` unless `missing` says what is missing: then one visible line and a skip, or a failure under CI=true. */
export function describeWhen(missing: string | null, title: string, body: () => void): void {
  if (missing === null) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has what it needs', () => {
        throw new Error(`${missing}: under CI=true a missing server is a failure`);
      });
    });
    return;
  }
  console.warn(`skipped "${title}": ${missing}`);
  describe.skip(title, () => it('has what it needs', () => {}));
}

/** Null when redis-server can be started by a test, else why not. */
export function redisServerMissing(): string | null {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return found.error || found.status !== 0 ? 'redis-server is not installed (apt-get install redis-server)' : null;
}

/** A key prefix or schema name no other run uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

/** A pino logger whose lines (parsed) the test can read and wait on. */
export function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>>; next(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Record<string, unknown>);
      for (const waiter of [...waiters]) waiter();
      done();
    },
  });
  const logger = pino({ level: 'debug' }, stream);
  return {
    logger,
    lines,
    next(match) {
      const seen = lines.length;
      return new Promise((resolve) => {
        const check = () => {
          const found = lines.slice(seen).find(match);
          if (!found) return;
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** A loopback port free right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** A redis-server owned by the test (no persistence), on a fixed port so it can be killed and started again. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return child;
}

export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/**
 * A TCP relay the test can cut and restore on the same port: "PostgreSQL is briefly unreachable" without
 * touching the shared server. `cut()` drops every connection and stops listening; `restore()` listens again.
 */
export async function tcpRelay(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const cut = async () => {
    if (!server.listening) return;
    const closed = once(server, 'close');
    server.close();
    for (const s of sockets) s.destroy();
    await closed;
  };
  return {
    port,
    cut,
    async restore() {
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    close: cut,
  };
}
