// Prometheus metrics on a registry of the server's own (not prom-client's global one), so several servers
// (tests, cluster workers in one process) never collide.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const ROUTES = ['interactions', 'healthz', 'metrics', 'dashboard', 'other'] as const;
export type Route = (typeof ROUTES)[number];

/** Why a request ended the way it did; one label value per branch of the server. */
export const OUTCOMES = [
  'ping', 'answered', 'deferred', 'bad-signature', 'stale-timestamp', 'replay', 'too-large', 'bad-method',
  'bad-content-type', 'bad-json', 'bad-interaction', 'not-found', 'not-ready', 'handler-error', 'aborted', 'ok', 'unauthorized', 'refused',
] as const;
export type RequestOutcome = (typeof OUTCOMES)[number];

export interface HttpMetrics {
  registry: Registry;
  observe(route: Route, outcome: RequestOutcome, seconds: number): void;
  followUp(outcome: 'sent' | 'failed'): void;
}

export function createMetrics(options: { defaultMetrics?: boolean; replaySize?: () => number } = {}): HttpMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'pactbot_' });
  const requests = new Counter({
    name: 'pactbot_http_requests_total',
    help: 'HTTP requests by route and outcome',
    labelNames: ['route', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'pactbot_http_request_duration_seconds',
    help: 'Time from request start to response end, by route',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const followUps = new Counter({
    name: 'pactbot_http_followups_total',
    help: 'Deferred answers sent through the interaction webhook, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const replaySize = options.replaySize;
  if (replaySize) {
    new Gauge({
      name: 'pactbot_http_replay_window_ids',
      help: 'Interaction ids remembered by this instance to refuse replays',
      registers: [registry],
      collect() {
        this.set(replaySize());
      },
    });
  }
  return {
    registry,
    observe(route, outcome, seconds) {
      requests.inc({ route, outcome });
      duration.observe({ route }, seconds);
    },
    followUp(outcome) {
      followUps.inc({ outcome });
    },
  };
}
