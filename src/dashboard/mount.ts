// How a server gets its dashboard: on when DASHBOARD_TOKEN is set, off otherwise, and either way one line at
// start-up says which. The corpus it shows is the engine the app serves at the moment of the request, so a
// live reload shows up at once.
import type { App } from '../core/app.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../domain/engine.ts';
import type { Logger } from '../log.ts';
import { openPostgresDashboardStats } from '../store/postgres-dashboard.ts';
import { storeLabel } from '../store/question-store.ts';
import { createDashboard, DASHBOARD_PATH, type CorpusView, type Dashboard } from './handler.ts';

const views = new WeakMap<Engine, CorpusView>();

/** The corpus as the dashboard shows it, built once per engine (a reload makes a new engine). */
export function corpusView(engine: Engine): CorpusView {
  let view = views.get(engine);
  if (!view) {
    const byKey = new Map(engine.passages.map((p) => [p.id, p.text]));
    const info = engine.info();
    view = { info: () => info, passage: (key) => byKey.get(key) ?? null };
    views.set(engine, view);
  }
  return view;
}

export interface MountOptions {
  config: Pick<Config, 'dashboardToken' | 'questionLog'> & Partial<Pick<Config, 'questionLogPostgres'>>;
  logger: Logger;
  /** The app once its corpus is loaded; null before. */
  app: () => App | null;
  /** Where the dashboard is reachable, for the start-up line. */
  url?: string;
  /** The clock periods end at (tests fix it). */
  now?: () => Date;
}

/** The dashboard, or null (with the reason logged) when no DASHBOARD_TOKEN is configured. */
export function mountDashboard({ config, logger, app, url, now }: MountOptions): Dashboard | null {
  if (!config.dashboardToken) {
    logger.info('dashboard: off (set DASHBOARD_TOKEN to serve it at /dashboard)');
    return null;
  }
  // A PostgreSQL log (QUESTION_LOG=postgres://…) is read through its own source; the label names it without a password.
  const postgres = config.questionLogPostgres ?? null;
  const questionLog = postgres ? storeLabel({ kind: 'postgres', ...postgres }) : config.questionLog;
  const dashboard = createDashboard({
    token: config.dashboardToken,
    questionLog,
    ...(postgres ? { openSource: () => openPostgresDashboardStats(postgres) } : {}),
    logger,
    ...(now ? { now } : {}),
    corpus: () => {
      const current = app();
      return current ? corpusView(current.context.engine) : null;
    },
  });
  logger.info({ url: url ?? DASHBOARD_PATH, questionLog: questionLog ?? 'off' }, 'dashboard: on');
  // Loading the chart library and opening the log take a moment: done now, not on the first page.
  setImmediate(() => void dashboard.warmUp().catch((error: unknown) => logger.warn({ err: error }, 'dashboard: warm-up failed')));
  return dashboard;
}
