// The dashboard's HTTP side: /dashboard (the page, or the login form with 401), /dashboard/login and
// /dashboard/logout (forms), /dashboard/style.css. Transport-neutral: it takes a request and returns status,
// headers and body, so the interactions server (`npm run serve`) and the standalone one (`npm run dashboard`)
// mount the same thing. Every response forbids scripts, framing and third-party anything; pages are never
// cached. A question log that cannot be read is a notice on the page (503), never a crash.
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { CorpusInfo } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import { readBody } from '../discord/http/body.ts';
import { DEFAULT_PERIOD, isPeriod, type Period } from '../store/dashboard-period.ts';
import { openDashboardStatsInBackground, type DashboardSource } from '../store/dashboard-stats.ts';
import { createAuth } from './auth.ts';
import { loginPage } from './page.ts';
import { createView } from './view.ts';

export interface DashboardReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the dashboard shows about the corpus: the engine currently serving (null while it loads). */
export interface CorpusView {
  info(): CorpusInfo;
  /** The text of a passage by its citation key `articleId#paragraph`, if it is (still) in the corpus. */
  passage(key: string): string | null;
}

export interface DashboardOptions {
  token: string;
  /** The SQLite question log, or null when QUESTION_LOG=off. */
  questionLog: string | null;
  corpus: () => CorpusView | null;
  logger: Logger;
  now?: () => Date;
  /** Opens the log's aggregations (tests and other stores pass their own). */
  openSource?: (path: string) => DashboardSource | Promise<DashboardSource>;
  /** Rows per list on the page. */
  limit?: number;
}

export interface Dashboard {
  handle(req: IncomingMessage): Promise<DashboardReply>;
  /** Opens the log (building its indexes once) and loads the chart library, so the first page is quick. */
  warmUp(): Promise<void>;
  close(): void;
}

export const DASHBOARD_PATH = '/dashboard';
const STYLE = readFileSync(new URL('./style.css', import.meta.url), 'utf8');
/** A login form is a token and a period: anything bigger is not one. */
const MAX_FORM_BYTES = 4 * 1024;
const DEFAULT_LIMIT = 10;

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
const HTML = { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

const page = (status: number, body: string, headers: Record<string, string> = {}): DashboardReply => ({ status, headers: { ...HTML, ...headers }, body });
const text = (status: number, body: string, headers: Record<string, string> = {}): DashboardReply => ({
  status,
  headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});
const redirect = (location: string, cookie: string): DashboardReply => ({
  status: 303,
  headers: { ...SECURITY_HEADERS, location, 'set-cookie': cookie, 'cache-control': 'no-store' },
  body: '',
});

export function isDashboardPath(path: string): boolean {
  return path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`);
}

export function createDashboard(options: DashboardOptions): Dashboard {
  const { logger } = options;
  const log = logger.child({ component: 'dashboard' });
  const now = options.now ?? (() => new Date());
  const openSource = options.openSource ?? ((path: string) => openDashboardStatsInBackground(path));
  const limit = options.limit ?? DEFAULT_LIMIT;
  const auth = createAuth(options.token);
  const view = createView({ questionLog: options.questionLog, corpus: options.corpus, log, now, openSource, limit });
  const show = async (period: Period): Promise<DashboardReply> => {
    const shown = await view.show(period);
    return page(shown.status, shown.body, shown.headers);
  };

  async function login(req: IncomingMessage): Promise<DashboardReply> {
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers['content-type'] ?? '')) return text(415, 'Send the login form.');
    const read = await readBody(req, MAX_FORM_BYTES);
    if (!read.ok) return text(read.reason === 'too-large' ? 413 : 400, 'Send the login form.', read.reason === 'too-large' ? { connection: 'close' } : {});
    const form = new URLSearchParams(read.body.toString('utf8'));
    const period = periodOf(form.get('period'));
    if (!auth.matches(form.get('token') ?? '')) {
      log.info('dashboard: login refused');
      return page(401, loginPage(period, true));
    }
    const secure = req.headers['x-forwarded-proto'] === 'https' || 'encrypted' in req.socket;
    return redirect(`${DASHBOARD_PATH}?period=${period}`, auth.sessionCookie(secure));
  }

  async function handle(req: IncomingMessage): Promise<DashboardReply> {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    switch (url.pathname) {
      case `${DASHBOARD_PATH}/style.css`:
        if (!read) return text(405, 'Method not allowed.', { allow: 'GET, HEAD' });
        return { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=3600' }, body: STYLE };
      case DASHBOARD_PATH:
      case `${DASHBOARD_PATH}/`: {
        if (!read) return text(405, 'Method not allowed.', { allow: 'GET, HEAD' });
        const period = periodOf(url.searchParams.get('period'));
        if (!auth.allows(req)) return page(401, loginPage(period, false), { 'www-authenticate': 'Bearer realm="pactbot dashboard"' });
        return show(period);
      }
      case `${DASHBOARD_PATH}/login`:
        return method === 'POST' ? login(req) : text(405, 'Method not allowed.', { allow: 'POST' });
      case `${DASHBOARD_PATH}/logout`:
        return method === 'POST' ? redirect(DASHBOARD_PATH, auth.clearCookie()) : text(405, 'Method not allowed.', { allow: 'POST' });
      default:
        return text(404, 'Not found.');
    }
  }

  return {
    async handle(req) {
      try {
        return await handle(req);
      } catch (error) {
        // One catch per request: a bug here is logged and answered, never a dropped connection.
        log.error({ err: error }, 'dashboard: request failed');
        return text(500, 'The dashboard failed to render this page; the error is in the log.');
      }
    },
    warmUp: view.warmUp,
    close: view.close,
  };
}

function periodOf(value: string | null): Period {
  return isPeriod(value) ? value : DEFAULT_PERIOD;
}
