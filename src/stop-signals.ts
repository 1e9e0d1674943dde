// How every process entry (npm start, npm run serve, npm run start:sharded) reacts to SIGTERM and SIGINT:
// the first signal runs the entry's graceful stop (drain, close the question log) and then exits, 0 when the
// stop went well and 1 when it failed; a second signal exits at once with 1, for an operator who will not wait.
// The npm scripts `exec` node, so a signal sent to npm (which forwards it) reaches this process and not an
// intermediate shell or tsx wrapper that would die and leave the server running.
import type { Logger } from './log.ts';

export const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const satisfies readonly NodeJS.Signals[];

export interface StopSignalOptions {
  /** The graceful stop; its promise settling ends the process. */
  stop: (signal: NodeJS.Signals) => Promise<void>;
  logger: Logger;
  /** Default: process.exit. */
  exit?: (code: number) => void;
  /** Default: the real process; tests pass an EventEmitter. */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

/** Installs the handlers; returns a function that removes them. */
export function onStopSignals({ stop, logger, exit = (code) => process.exit(code), target = process }: StopSignalOptions): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting at once');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, 'signal received: stopping');
    stop(signal).then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean shutdown');
        exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) target.on(signal, onSignal);
  return () => {
    for (const signal of STOP_SIGNALS) target.off(signal, onSignal);
  };
}
