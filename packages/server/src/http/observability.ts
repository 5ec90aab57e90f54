import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyReply {
    /** The envelope's business code, for metrics; unset for answers that are not envelopes. */
    businessCode?: number;
  }
}
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestTally } from './request-tally.js';
import type { AnswerLane } from './answer-lane.js';
import type { AppDeps } from './app-deps.js';
import type { AnswerCache, AnswerCacheCounters } from './answer-cache.js';
import { sql } from 'kysely';

/** A queue whose depth /metrics reports, counted by the module that owns it. */
export interface QueueGauge {
  name: string;
  help: string;
  count: () => Promise<number>;
}

/** /healthz (the process answers), /readyz (the database answers) and Prometheus /metrics. */
export function installObservability(app: FastifyInstance, deps: AppDeps, queues: readonly QueueGauge[], tally: RequestTally, lane: AnswerLane | undefined): void {
  // One registry per app: tests build many apps in one process and must not share counters.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plaudit_' });
  registry.registerMetric(tally.requestsMetric('plaudit_http_requests_total', 'HTTP requests by route, HTTP status and business code ("" when the answer is not an envelope)'));
  registry.registerMetric(tally.latencyMetric('plaudit_http_request_duration_seconds', 'HTTP request latency by route and status'));

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

  registerAnswerCacheMetrics(registry, deps.answers);
  if (lane !== undefined) {
    new Counter({
      name: 'plaudit_answer_lane_hits_total',
      help: 'Cached reads answered again by the answer lane, before routing (also counted in the answer cache\'s hits)',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(lane.hits);
      },
    });
  }

  // A callback hook, not an async one: no promise per request on the hottest path there is.
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, never the raw URL, keeps label cardinality bounded.
    tally.record(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.businessCode === undefined ? '' : String(reply.businessCode), reply.elapsedTime / 1000);
    done();
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

/** The answer cache's counters, read from the cache at scrape time. */
function registerAnswerCacheMetrics(registry: Registry, answers: AnswerCache): void {
  const counters: Array<[keyof AnswerCacheCounters, string]> = [
    ['hits', 'Cached reads answered from memory'],
    ['misses', 'Cached reads that had to be built (first read, or first read after a change)'],
    ['invalidations', 'Remembered answers dropped because their shop\'s content changed'],
  ];
  for (const [field, help] of counters) {
    new Counter({
      name: `plaudit_answer_cache_${field}_total`,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(answers.counters()[field]);
      },
    });
  }
  for (const [field, help] of [['entries', 'Answers held in memory'], ['bytes', 'Approximate memory the held answers take']] as const) {
    new Gauge({
      name: `plaudit_answer_cache_${field}`,
      help,
      registers: [registry],
      collect() {
        this.set(answers.counters()[field]);
      },
    });
  }
}
