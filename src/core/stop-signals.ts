// How every process entry (npm start, npm run serve, npm run start:sharded, npm run dashboard) starts and how it
// reacts to SIGTERM and SIGINT:
// the first signal runs the entry's graceful stop (drain, close the question log) and then exits, 0 when the
// stop went well and 1 when it failed; a second signal exits at once with 1, for an operator who will not wait.
// The npm scripts `exec` node, so a signal sent to npm (which forwards it) reaches this process and not an
// intermediate shell or tsx wrapper that would die and leave the server running.
import { ConfigError } from '../config.ts';
import { CorpusError } from '../domain/corpus.ts';
import type { Logger } from '../log.ts';

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

/**
 * What every process entry does with what it starts (the gateway bot, the HTTP server, the shards): the handlers
 * are installed before `starting` settles, so a signal during start-up still stops cleanly once it is up.
 */
export function stopOnSignals(starting: Promise<{ stop(): Promise<void> }>, logger: Logger, options: Pick<StopSignalOptions, 'exit' | 'target'> = {}): () => void {
  return onStopSignals({ ...options, logger, stop: async () => (await starting).stop() });
}

/**
 * Runs a process entry's main: a configuration or corpus error ends the process with one clear line
 * ("pactbot: …"), anything else with the error itself; exit code 1 either way. A cluster worker or a shard also
 * lets go of its IPC channel, which would otherwise keep it alive.
 */
export function runEntry(main: () => Promise<unknown>, label = 'start-up'): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof CorpusError) console.error(`pactbot: ${error.message}`);
    else console.error(`pactbot: ${label} failed:`, error);
    process.exitCode = 1;
    if (process.connected) process.disconnect();
  });
}
