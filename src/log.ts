// Structured logs (pino, JSON lines on stdout). Built by a factory so tests can capture or silence them.
// Anything that looks like a token is redacted by key, and interaction tokens never reach a log line.
import { pino, type Logger, type DestinationStream } from 'pino';
import type { LogLevel } from './config.ts';

export type { Logger };

const REDACT = ['token', '*.token', 'discord.token', 'headers.authorization', '*.headers.authorization', 'config.discord.token'];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino({ level, base: { app: 'pactbot' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

/** A logger that writes nothing: for the console and for tests that do not inspect logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
