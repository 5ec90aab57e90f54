import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** The envelope's business code, for metrics; unset for answers that are not envelopes. */
    businessCode?: number;
  }
}
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppDeps } from './app-deps.js';
import { sql } from 'kysely';

/** A queue whose depth /metrics reports, counted by the module that owns it. */
export interface QueueGauge {
  name: string;
  help: string;
  count: () => Promise<number>;
}

/** /healthz (the process answers), /readyz (the database answers) and Prometheus /metrics. */
export function installObservability(app: FastifyInstance, deps: AppDeps, queues: readonly QueueGauge[]): void {
  // One registry per app: tests build many apps in one process and must not share counters.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plaudit_' });
  const requests = new Counter({
    name: 'plaudit_http_requests_total',
    help: 'HTTP requests by route, HTTP status and business code ("" when the answer is not an envelope)',
    labelNames: ['method', 'route', 'status', 'code'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'plaudit_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // Queue depth read from the database at scrape time, so every API process reports the same
  // numbers wherever the workers run. The modules that own the queues count them.
  for (const queue of queues) {
    new Gauge({
      name: queue.name,
      help: queue.help,
      registers: [registry],
      async collect() {
        this.set(await queue.count());
      },
    });
  }

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL, keeps label cardinality bounded.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc({ ...labels, code: reply.businessCode === undefined ? '' : String(reply.businessCode) });
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  const hidden = { schema: { hide: true } };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async (request, reply) => {
    try {
      await sql`select 1`.execute(deps.db.kysely);
      return { status: 'ok', database: deps.db.dialect };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', database: deps.db.dialect });
    }
  });
  app.get('/metrics', hidden, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
