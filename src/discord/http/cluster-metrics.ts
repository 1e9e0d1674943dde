// /metrics under `npm run serve -- --workers N`: a scrape lands on one worker, but should count every worker's
// requests. prom-client's AggregatorRegistry does the collecting (the primary asks each worker for its
// registry over the cluster IPC channel and sums them); this module only carries the scrape from the worker
// that received it to the primary and back. A single process keeps answering from its own registry.
import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'pactbot:metrics-request';
const RESPONSE = 'pactbot:metrics-response';
/** A scrape waits this long for the primary (which waits up to 5 s for each worker); then it answers alone. */
export const CLUSTER_SCRAPE_TIMEOUT_MS = 6_000;

interface Request {
  type: typeof REQUEST;
  id: number;
}
interface Response {
  type: typeof RESPONSE;
  id: number;
  body?: string;
  error?: string;
}

/** In the primary: answers every worker's scrape with the metrics of all workers, aggregated. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Partial<Request>) => {
    if (message?.type !== REQUEST || typeof message.id !== 'number') return;
    const id = message.id;
    const reply = (response: Omit<Response, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: RESPONSE, id, ...response });
    };
    aggregator.clusterMetrics().then(
      (body) => reply({ body }),
      (error: unknown) => reply({ error: (error as Error).message }),
    );
  });
}

/**
 * In a cluster worker: a function giving the exposition text of every worker (through the primary), falling
 * back to this worker's own registry if the primary does not answer. Null outside a cluster worker.
 */
export function clusterScrape(registry: Registry): (() => Promise<string>) | null {
  if (!cluster.isWorker || !process.send) return null;
  // prom-client answers the primary's collection requests from the registries named here; constructing an
  // AggregatorRegistry is what installs that answering listener in a worker.
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();
  let next = 0;
  const waiting = new Map<number, (response: Response) => void>();
  process.on('message', (message: Partial<Response>) => {
    if (message?.type === RESPONSE && typeof message.id === 'number') waiting.get(message.id)?.(message as Response);
  });
  return () =>
    new Promise<string>((resolve) => {
      const id = next++;
      const alone = () => {
        waiting.delete(id);
        registry.metrics().then(resolve, () => resolve(''));
      };
      const timer = setTimeout(alone, CLUSTER_SCRAPE_TIMEOUT_MS);
      waiting.set(id, (response) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (response.body !== undefined) resolve(response.body);
        else alone();
      });
      process.send!({ type: REQUEST, id } satisfies Request);
    });
}
