// The one signal helper every process entry installs: first signal stops gracefully, a second exits at once.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { onStopSignals, stopOnSignals } from '../../src/core/stop-signals.ts';

function harness(stop: () => Promise<void>) {
  const target = new EventEmitter();
  const exits: number[] = [];
  let exited!: (code: number) => void;
  const firstExit = new Promise<number>((resolve) => (exited = resolve));
  const remove = onStopSignals({
    stop,
    logger: silentLogger(),
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
  });
  return { target, exits, firstExit, remove };
}

describe('onStopSignals', () => {
  it.each(['SIGTERM', 'SIGINT'])('%s runs the graceful stop once, then exits 0', async (signal) => {
    let stops = 0;
    const h = harness(async () => void stops++);
    h.target.emit(signal, signal);
    expect(await h.firstExit).toBe(0);
    expect(stops).toBe(1);
  });

  it('a second signal during the stop exits at once with 1', async () => {
    let finish!: () => void;
    const h = harness(() => new Promise<void>((resolve) => (finish = resolve)));
    h.target.emit('SIGTERM', 'SIGTERM');
    h.target.emit('SIGINT', 'SIGINT');
    expect(await h.firstExit).toBe(1);
    finish();
  });

  it('a failed stop exits 1', async () => {
    const h = harness(() => Promise.reject(new Error('disk gone')));
    h.target.emit('SIGTERM', 'SIGTERM');
    expect(await h.firstExit).toBe(1);
  });

  it('removing the handlers leaves the signals alone', () => {
    const h = harness(async () => {});
    h.remove();
    expect(h.target.listenerCount('SIGTERM') + h.target.listenerCount('SIGINT')).toBe(0);
  });
});

describe('stopOnSignals', () => {
  it('a signal during start-up stops what started once it is up, then exits 0', async () => {
    const target = new EventEmitter();
    const events: string[] = [];
    let up!: (started: { stop(): Promise<void> }) => void;
    const starting = new Promise<{ stop(): Promise<void> }>((resolve) => (up = resolve));
    let exited!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (exited = resolve));
    stopOnSignals(starting, silentLogger(), { exit: (code) => (events.push(`exit ${code}`), exited(code)), target: target as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
    target.emit('SIGTERM', 'SIGTERM');
    events.push('started');
    up({ stop: async () => void events.push('stopped') });
    expect(await exit).toBe(0);
    expect(events).toEqual(['started', 'stopped', 'exit 0']);
  });
});
