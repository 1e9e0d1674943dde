// How the HTTP server closes without dropping a request: stop accepting, answer what is already on the wire,
// give in-flight requests and follow-ups a grace period, then cut what remains.
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import type { DEFAULT_HTTP_OPTIONS } from './server.ts';

/**
 * Stops accepting, but does not cut idle keep-alive connections at once: a client may have a request on the wire
 * to one of them, and closing a socket with unread bytes sends a reset (no reply, no log row). For a short window
 * such a request is answered (with Connection: close); then what is still idle is closed, and in-flight requests
 * and follow-ups get the grace period before every connection is cut.
 */
export async function drainAndClose(server: Server, pending: Set<Promise<void>>, opts: Pick<typeof DEFAULT_HTTP_OPTIONS, 'drainIdleMs' | 'shutdownGraceMs'>): Promise<void> {
  // (http.Server#close would close idle connections at once, hence net.Server's own close first.)
  const closed = new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()));
  let idleTimer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (idleTimer = setTimeout(resolve, opts.drainIdleMs)))]);
  clearTimeout(idleTimer);
  // Now http.Server#close: closes the connections still idle and stops its connection checks.
  server.close(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, opts.shutdownGraceMs);
  });
  await Promise.race([Promise.all([closed, Promise.allSettled([...pending])]), grace]);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
}
