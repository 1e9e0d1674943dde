// The HTTP half of the fake: reads and records every request under /api,
// serves injected faults first, then the routes in rest-routes.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Recorder } from './recorder.ts';
import { discordError, RestRoutes, type RouteResponse } from './rest-routes.ts';
import type { FailRule, RecordedFile, RecordedRequest, RequestFilter } from './types.ts';
import type { FakeWorld } from './world.ts';

/** discord.js appends `/v10` to the `api` option; anything else under /api is answered 404. */
export const API_PREFIX = '/api';
const VERSIONED_PREFIX = `${API_PREFIX}/v10`;

export function toRequestPredicate(filter: RequestFilter | undefined): (request: RecordedRequest) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === 'function') return filter;
  const method = filter.method?.toUpperCase();
  return (request) =>
    (method === undefined || request.method === method) &&
    (filter.pathIncludes === undefined || request.path.includes(filter.pathIncludes));
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses JSON, or multipart (discord.js's file uploads: `payload_json` + `files[n]`), or keeps raw text. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // Node's fetch Response already knows how to parse multipart; no dependency needed.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const files: RecordedFile[] = [];
    const fields: Record<string, string> = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') fields[field] = value;
      else files.push({ field, name: value.name, contentType: value.type, size: value.size });
    }
    const payload = fields.payload_json;
    return { body: payload === undefined ? fields : tryJson(payload), files };
  }
  const text = raw.toString('utf8');
  return { body: contentType.includes('json') ? tryJson(text) : text, files: [] };
}

function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Discord-shaped defaults so `failNext({ status: 429 })` alone is a realistic rate limit. */
function injectedResponse(rule: FailRule): RouteResponse {
  if (rule.status === 429) {
    const body = rule.body ?? { message: 'You are being rate limited.', retry_after: 0.05, global: false };
    const retryAfter =
      typeof body === 'object' && body !== null && 'retry_after' in body ? String(body.retry_after) : '0.05';
    return {
      status: 429,
      body,
      // @discordjs/rest sleeps Number(Retry-After) * 1000 + `offset` ms, so a fractional
      // header keeps tests fast (real Discord sends whole seconds here).
      headers: {
        'retry-after': retryAfter,
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + Number(retryAfter) * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': retryAfter,
        'x-ratelimit-scope': 'user',
        ...rule.headers,
      },
    };
  }
  const fallback = rule.status >= 500 ? `${rule.status}: Internal Server Error` : 'Injected failure';
  return { status: rule.status, body: rule.body ?? { message: fallback, code: 0 }, headers: rule.headers ?? {} };
}

export class FakeRest {
  readonly routes: RestRoutes;
  readonly recorder = new Recorder<RecordedRequest>((r) => `${r.method} ${r.path} → ${r.status}`);
  readonly #failRules: (FailRule & { times: number })[] = [];
  readonly #token: string | undefined;

  constructor(world: FakeWorld, gatewayUrl: () => string, token: string | undefined) {
    this.routes = new RestRoutes(world, gatewayUrl);
    this.#token = token;
  }

  failNext(rule: FailRule): void {
    this.#failRules.push({ ...rule, times: rule.times ?? 1 });
  }

  clearFailures(): void {
    this.#failRules.length = 0;
  }

  /** Takes one use of the first rule matching this request, if any. */
  #takeFault(method: string, path: string): FailRule | undefined {
    const index = this.#failRules.findIndex(
      (rule) =>
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (rule.pathIncludes === undefined || path.includes(rule.pathIncludes)),
    );
    const rule = this.#failRules[index];
    if (!rule) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.#failRules.splice(index, 1);
    return rule;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const headers = flattenHeaders(request);
    const { body, files } = await parseBody(await readBody(request), headers['content-type'] ?? '');
    // discord.js percent-encodes path segments (`@original` arrives as `%40original`);
    // records and routing use the decoded form, which is what tests want to match on.
    const path = safeDecode(url.pathname);
    const route = path.startsWith(VERSIONED_PREFIX) ? path.slice(VERSIONED_PREFIX.length) : '';
    const query = Object.fromEntries(url.searchParams);

    const fault = this.#takeFault(method, path);
    let answer: RouteResponse;
    if (fault) answer = injectedResponse(fault);
    else if (route === '') answer = discordError(404, 0, '404: Not Found');
    else if (this.#token !== undefined && !this.#authorized(route, headers.authorization)) {
      answer = discordError(401, 0, '401: Unauthorized');
    } else answer = this.routes.handle({ method, route, query, body });

    this.recorder.push({
      method,
      path,
      route,
      query,
      headers,
      body,
      files,
      status: answer.status,
      injected: fault !== undefined,
      at: Date.now(),
    });
    send(response, answer);
  }

  /** Interaction callbacks and interaction webhooks are token-authenticated by URL, not by header. */
  #authorized(route: string, authorization: string | undefined): boolean {
    if (route.startsWith('/interactions/') || route.startsWith('/webhooks/')) return true;
    return authorization === `Bot ${this.#token}`;
  }
}

function send(response: ServerResponse, answer: RouteResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  const payload = JSON.stringify(answer.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers).end(payload);
}
