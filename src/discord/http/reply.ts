// A reply of the HTTP server before it is written: its outcome (for metrics), status, body and headers.
import type { RequestOutcome } from './metrics.ts';

export interface Reply {
  outcome: RequestOutcome;
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export const json = (outcome: RequestOutcome, status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  outcome,
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers },
});

/** Refusals carry a short machine-readable reason and nothing else. */
export const refuse = (outcome: RequestOutcome, status: number, headers?: Record<string, string>): Reply => json(outcome, status, { error: outcome }, headers);
