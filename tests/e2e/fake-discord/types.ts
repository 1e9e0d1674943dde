// Shared record/option types of the fake Discord. Kept in one place so the
// REST and gateway halves (and the tests reading their records) agree on shapes.

/** One REST request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Percent-decoded URL path without the query, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** `path` without the `/api/v10` prefix, e.g. `/interactions/1/tok/callback`. */
  route: string;
  query: Record<string, string>;
  /** Lower-cased header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body, or raw text. */
  body: unknown;
  /** Non-JSON parts of a multipart body (attachments), without their bytes. */
  files: RecordedFile[];
  /** Status the fake answered with. */
  status: number;
  /** True when the answer came from a `failNext` rule. */
  injected: boolean;
  /** `Date.now()` when the request finished arriving. */
  at: number;
}

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
}

/** Either a predicate or a shorthand matching on method and/or a path substring. */
export type RequestFilter =
  | ((request: RecordedRequest) => boolean)
  | { method?: string; pathIncludes?: string };

/** A REST fault to serve instead of the real route, `times` times (default 1). */
export interface FailRule {
  method?: string;
  pathIncludes?: string;
  status: number;
  /** Defaults per status: a Discord-shaped rate-limit body for 429, `{message, code: 0}` otherwise. */
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

/** A gateway payload the fake received from a client. */
export interface RecordedGatewayOp {
  op: number;
  d: unknown;
  /** Which websocket connection sent it (see `connections()`). */
  connectionId: number;
  /** Session bound to that connection when the op arrived, if any. */
  sessionId: string | null;
  at: number;
}

export type GatewayOpFilter = (op: RecordedGatewayOp) => boolean;

/** One websocket connection to the fake gateway. */
export interface RecordedConnection {
  id: number;
  /** URL path the client connected to: `/` for the initial URL, `/resume` for `resume_gateway_url`. */
  path: string;
  /** Query the client sent, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
}

/** Snapshot of a gateway session (created by IDENTIFY, continued by RESUME). */
export interface SessionInfo {
  id: string;
  /** Last sequence number the fake assigned in this session. */
  seq: number;
  intents: number;
  /** Whether a live connection is currently attached. */
  connected: boolean;
  /** Ended sessions cannot be resumed (client closed with 1000/1001, or invalid session sent). */
  ended: boolean;
}
