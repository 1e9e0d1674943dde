// Entry point of `npm run dashboard`: the operator's dashboard alone, on PORT/HOST as for `npm run serve`.
// Without DASHBOARD_TOKEN it does not start, and says so in one line. SIGTERM/SIGINT close it and exit.
import { loadConfig } from '../config.ts';
import { runEntry, stopOnSignals } from '../core/stop-signals.ts';
import { createLogger } from '../log.ts';
import { startDashboardServer } from './server.ts';

async function main(): Promise<void> {
  const config = loadConfig({ mode: 'dashboard' });
  const logger = createLogger(config.logLevel);
  const starting = startDashboardServer({ config, logger });
  // The same signal handling as every entry (src/core/stop-signals.ts): graceful stop, exit; a second signal exits at once.
  stopOnSignals(starting, logger);
  await starting;
}

runEntry(main, 'dashboard start-up');
