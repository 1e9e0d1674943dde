// Who may see the dashboard: whoever holds DASHBOARD_TOKEN, shown either as `Authorization: Bearer <token>`
// (scripts, curl) or as the session cookie the login form sets. Comparisons are constant-time (both sides are
// hashed to the same length first, so even the token's length does not leak), and the cookie never carries
// the token: it is `<expiry>.<HMAC(token, expiry)>`, so it proves the token was shown without revealing it,
// lapses on its own, and needs no session store (any number of instances accept it).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'pactbot_dashboard';

export const DEFAULT_AUTH_OPTIONS = {
  /** How long a login lasts. */
  sessionMs: 12 * 3_600_000,
  /** The cookie is sent back only under this path. */
  cookiePath: '/dashboard',
};

export interface DashboardAuth {
  /** Whether the request carries the token (bearer) or a valid, unexpired session cookie. */
  allows(req: IncomingMessage): boolean;
  /** Whether a token typed into the login form is the right one. */
  matches(token: string): boolean;
  /** Set-Cookie for a fresh session; `secure` when the page is served over https. */
  sessionCookie(secure: boolean): string;
  /** Set-Cookie that ends the session in this browser. */
  clearCookie(): string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time equality of two strings of any length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function createAuth(token: string, options: Partial<typeof DEFAULT_AUTH_OPTIONS> & { now?: () => number } = {}): DashboardAuth {
  const opts = { ...DEFAULT_AUTH_OPTIONS, ...options };
  const now = options.now ?? Date.now;
  const sign = (expires: number): string => createHmac('sha256', token).update(`pactbot-dashboard-session:${expires}`).digest('base64url');
  const attributes = `Path=${opts.cookiePath}; HttpOnly; SameSite=Strict`;

  const validSession = (value: string): boolean => {
    const match = /^(\d{1,16})\.([\w-]{43})$/.exec(value);
    if (!match) return false;
    const expires = Number(match[1]);
    return expires > now() && sameSecret(match[2]!, sign(expires));
  };

  return {
    allows(req) {
      const header = req.headers.authorization;
      if (header) {
        const bearer = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
        if (bearer && sameSecret(bearer[1]!, token)) return true;
      }
      const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
      return cookie !== null && validSession(cookie);
    },
    matches: (given) => sameSecret(given, token),
    sessionCookie(secure) {
      const expires = now() + opts.sessionMs;
      return `${SESSION_COOKIE}=${expires}.${sign(expires)}; Max-Age=${Math.floor(opts.sessionMs / 1000)}; ${attributes}${secure ? '; Secure' : ''}`;
    },
    clearCookie: () => `${SESSION_COOKIE}=; Max-Age=0; ${attributes}`,
  };
}

/** One cookie's value from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
