// The websocket half of the fake: a JSON-encoded Discord gateway with sessions,
// sequence numbers and RESUME replay, plus the faults a bot must survive.
//
// Session model (as on Discord): IDENTIFY creates a session; every dispatch is
// numbered and kept in the session's log even while no socket is attached; RESUME
// with (session_id, seq) re-attaches and replays everything after seq, then sends
// RESUMED. A client closing with 1000/1001, or an op 9 `false`, ends the session.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { Recorder } from './recorder.ts';
import type { RecordedConnection, RecordedGatewayOp, SessionInfo } from './types.ts';
import { guildCreateData, readyData, type FakeWorld } from './world.ts';

const OP = {
  DISPATCH: 0,
  HEARTBEAT: 1,
  IDENTIFY: 2,
  RESUME: 6,
  RECONNECT: 7,
  INVALID_SESSION: 9,
  HELLO: 10,
  HEARTBEAT_ACK: 11,
} as const;

interface LoggedDispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  log: LoggedDispatch[];
  intents: number;
  connection: Connection | null;
  ended: boolean;
}

interface Connection {
  ws: WebSocket;
  record: RecordedConnection;
  session: Session | null;
}

export interface GatewayOptions {
  world: FakeWorld;
  heartbeatIntervalMs: number;
  /** Sent as READY's resume_gateway_url; a distinct path lets tests see that discord.js used it. */
  resumeUrl: () => string;
  /** When set, IDENTIFY/RESUME with another token is refused (close 4004 / op 9). */
  token: string | undefined;
  /** Send GUILD_CREATE after READY (discord.js otherwise waits waitGuildTimeout before clientReady). */
  sendGuildCreate: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FakeGateway {
  readonly ops = new Recorder<RecordedGatewayOp>((o) => `op ${o.op} on connection ${o.connectionId}`);
  readonly #connectionLog: RecordedConnection[] = [];
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, Session>();
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #options: GatewayOptions;
  #ackHeartbeats = true;

  constructor(options: GatewayOptions) {
    this.#options = options;
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, request));
  }

  connections(): RecordedConnection[] {
    return this.#connectionLog.map((record) => ({ ...record }));
  }

  sessions(): SessionInfo[] {
    return [...this.#sessions.values()].map((s) => ({
      id: s.id,
      seq: s.seq,
      intents: s.intents,
      connected: s.connection !== null,
      ended: s.ended,
    }));
  }

  /** Sends (or, for a disconnected session, queues for RESUME) a dispatch to every live session. */
  dispatch(t: string, d: unknown): number {
    let sessions = 0;
    for (const session of this.#sessions.values()) {
      if (session.ended) continue;
      this.#dispatchTo(session, t, d);
      sessions += 1;
    }
    return sessions;
  }

  /** Closes every open socket with `code` (1000, 1001 or 3000–4999; the ws library refuses 1005/1006). */
  closeWith(code: number, reason = ''): void {
    for (const connection of this.#openConnections()) connection.ws.close(code, reason);
  }

  /** Destroys every socket without a close frame; the client sees 1006, like a network drop. */
  dropSocket(): void {
    for (const connection of this.#openConnections()) connection.ws.terminate();
  }

  sendReconnect(): void {
    for (const connection of this.#openConnections()) this.#send(connection, { op: OP.RECONNECT, d: null });
  }

  sendInvalidSession(resumable: boolean): void {
    for (const connection of this.#openConnections()) {
      if (!resumable && connection.session) connection.session.ended = true;
      this.#send(connection, { op: OP.INVALID_SESSION, d: resumable });
    }
  }

  /** Stop answering heartbeats to simulate a zombie connection (the client should reconnect and resume). */
  setHeartbeatAck(enabled: boolean): void {
    this.#ackHeartbeats = enabled;
  }

  /** Sends an arbitrary payload to every open socket (for faults not covered above). */
  sendRaw(payload: Record<string, unknown>): void {
    for (const connection of this.#openConnections()) this.#send(connection, payload);
  }

  close(): void {
    for (const connection of this.#connections) connection.ws.terminate();
    this.#wss.close();
    this.ops.rejectAll('Fake Discord was closed');
  }

  #openConnections(): Connection[] {
    return [...this.#connections].filter((c) => c.ws.readyState === WebSocket.OPEN);
  }

  #onConnection(ws: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'ws://fake.invalid');
    const record: RecordedConnection = {
      id: this.#connectionLog.length + 1,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
    };
    this.#connectionLog.push(record);
    const connection: Connection = { ws, record, session: null };
    this.#connections.add(connection);
    ws.on('message', (data) => this.#onMessage(connection, data));
    ws.on('close', (code) => this.#onClose(connection, code));
    // Socket errors (e.g. after terminate) surface as 'close' too; without a listener ws would throw.
    ws.on('error', () => undefined);

    // Only JSON is implemented. A `compress=zlib-stream` request is deliberately ignored:
    // @discordjs/ws parses *text* frames as plain JSON even when it asked for compression.
    if (record.query.encoding !== undefined && record.query.encoding !== 'json') {
      ws.close(4002, 'fake Discord only speaks encoding=json');
      return;
    }
    this.#send(connection, {
      op: OP.HELLO,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs, _trace: ['fake-discord-gateway'] },
    });
  }

  #onClose(connection: Connection, code: number): void {
    connection.record.closedAt = Date.now();
    connection.record.closeCode = code;
    this.#connections.delete(connection);
    const session = connection.session;
    if (!session || session.connection !== connection) return;
    session.connection = null;
    // Discord invalidates a session its client closed normally; other codes keep it resumable.
    if (code === 1000 || code === 1001) session.ended = true;
  }

  #onMessage(connection: Connection, data: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    } catch {
      connection.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload.op !== 'number') {
      connection.ws.close(4001, 'Unknown opcode.');
      return;
    }
    this.ops.push({
      op: payload.op,
      d: payload.d,
      connectionId: connection.record.id,
      sessionId: connection.session?.id ?? null,
      at: Date.now(),
    });
    const d = isRecord(payload.d) ? payload.d : {};
    if (payload.op === OP.HEARTBEAT) {
      if (this.#ackHeartbeats) this.#send(connection, { op: OP.HEARTBEAT_ACK });
    } else if (payload.op === OP.IDENTIFY) this.#identify(connection, d);
    else if (payload.op === OP.RESUME) this.#resume(connection, d);
    // Presence updates, member requests, voice state updates: recorded only.
  }

  #identify(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) {
      connection.ws.close(4005, 'Already authenticated.');
      return;
    }
    if (this.#options.token !== undefined && d.token !== this.#options.token) {
      connection.ws.close(4004, 'Authentication failed.');
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      log: [],
      intents: typeof d.intents === 'number' ? d.intents : 0,
      connection,
      ended: false,
    };
    this.#sessions.set(session.id, session);
    connection.session = session;
    const world = this.#options.world;
    this.#dispatchTo(session, 'READY', readyData(world, session.id, this.#options.resumeUrl()));
    if (this.#options.sendGuildCreate) this.#dispatchTo(session, 'GUILD_CREATE', guildCreateData(world));
  }

  #resume(connection: Connection, d: Record<string, unknown>): void {
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const tokenOk = this.#options.token === undefined || d.token === this.#options.token;
    if (!session || session.ended || !tokenOk) {
      this.#send(connection, { op: OP.INVALID_SESSION, d: false });
      return;
    }
    // A stale socket still bound to the session loses it, as on Discord.
    if (session.connection && session.connection !== connection) session.connection.session = null;
    session.connection = connection;
    connection.session = session;
    const after = typeof d.seq === 'number' ? d.seq : 0;
    for (const entry of session.log) {
      if (entry.s > after) this.#send(connection, { op: OP.DISPATCH, s: entry.s, t: entry.t, d: entry.d });
    }
    this.#dispatchTo(session, 'RESUMED', {});
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const entry: LoggedDispatch = { s: session.seq, t, d };
    session.log.push(entry);
    if (session.connection) this.#send(session.connection, { op: OP.DISPATCH, s: entry.s, t, d });
  }

  #send(connection: Connection, payload: Record<string, unknown>): void {
    // A socket that is closing has not yet fired 'close'; the dispatch stays in the log for RESUME.
    if (connection.ws.readyState !== WebSocket.OPEN) return;
    connection.ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }
}
