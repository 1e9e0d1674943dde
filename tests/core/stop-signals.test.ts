// The one signal helper every process entry installs: first signal stops gracefully, a second exits at once.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { onStopSignals } from '../../src/core/stop-signals.ts';

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
