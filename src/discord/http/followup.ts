// Delivers a deferred answer: PATCH the interaction's original message through its webhook. The
// interaction token authorises the call, so the HTTP server needs no bot token. Retries a few times with
// bounded waits (429 with Retry-After, 5xx, and 404 right after the deferral); anything else is final.
import type { Logger } from '../../log.ts';

export const DISCORD_API_BASE = 'https://discord.com/api';

export interface FollowUpOptions {
  /** REST base without version; null = Discord's own. */
  apiBase: string | null;
  logger: Logger;
  attempts: number;
  /** Longest wait between attempts, whatever Retry-After says. */
  maxRetryWaitMs: number;
  timeoutMs: number;
  fetch: typeof fetch;
}

export const DEFAULT_FOLLOW_UP_OPTIONS = { apiBase: null, attempts: 3, maxRetryWaitMs: 5_000, timeoutMs: 10_000 } as const;

/**
 * Retried statuses. 404 too: our PATCH leaves as soon as the type-5 response is written, and can reach
 * Discord before it has created the message that response acknowledges ("Unknown Message").
 */
const RETRY = new Set([404, 429]);

export type FollowUpTarget = { application_id: string; token: string; id: string };

/** Sends `body` as the original message; resolves true when Discord accepted it. Never rejects. */
export type FollowUpSender = (target: FollowUpTarget, body: unknown) => Promise<boolean>;

export function createFollowUpSender(options: Partial<FollowUpOptions> & { logger: Logger }): FollowUpSender {
  const opts = { ...DEFAULT_FOLLOW_UP_OPTIONS, fetch: globalThis.fetch, ...options };
  const base = (opts.apiBase ?? DISCORD_API_BASE).replace(/\/+$/, '');
  return async (target, body) => {
    const url = `${base}/v10/webhooks/${encodeURIComponent(target.application_id)}/${encodeURIComponent(target.token)}/messages/@original`;
    for (let attempt = 1; attempt <= opts.attempts; attempt++) {
      let wait = 250 * attempt;
      try {
        const res = await opts.fetch(url, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return true;
        // The URL holds the interaction token: log the id and status only.
        opts.logger.warn({ interaction: target.id, attempt, status: res.status }, 'follow-up refused');
        if (!RETRY.has(res.status) && res.status < 500) break;
        const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
        if (res.status === 429 && retryAfter >= 0) wait = retryAfter * 1000;
      } catch (error) {
        opts.logger.warn({ interaction: target.id, attempt, err: (error as Error).message }, 'follow-up request failed');
      }
      if (attempt < opts.attempts) await new Promise((r) => setTimeout(r, Math.min(wait, opts.maxRetryWaitMs)));
    }
    opts.logger.error({ interaction: target.id }, 'follow-up not delivered');
    return false;
  };
}
