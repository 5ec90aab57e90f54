import type { Metric } from 'prom-client';

/** Latency bucket bounds in seconds: sub-millisecond cached reads to slow exports. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RequestSeries {
  labels: { method: string; route: string; status: string; code: string };
  count: number;
}

interface LatencySeries {
  labels: { method: string; route: string; status: string };
  /** Observations per bucket, not cumulative (made cumulative when scraped); the last is +Inf. */
  perBucket: number[];
  sum: number;
  count: number;
}

/** What prom-client's registry reads from a metric: its samples, named and labelled. */
interface Sample {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

/**
 * Request counts and latencies, kept as plain numbers per label set and turned into Prometheus
 * samples only when /metrics is scraped. prom-client's own counters hash and validate the labels
 * on every observation, which cost a cached read more than answering it (`npm run bench`).
 */
export class RequestTally {
  readonly #requests = new Map<string, RequestSeries>();
  readonly #latency = new Map<string, LatencySeries>();

  record(method: string, route: string, status: number, code: string, seconds: number): void {
    const latencyKey = `${method} ${route} ${status}`;
    const requestKey = `${latencyKey} ${code}`;
    let requests = this.#requests.get(requestKey);
    if (requests === undefined) {
      requests = { labels: { method, route, status: String(status), code }, count: 0 };
      this.#requests.set(requestKey, requests);
    }
    requests.count += 1;
    let latency = this.#latency.get(latencyKey);
    if (latency === undefined) {
      latency = { labels: { method, route, status: String(status) }, perBucket: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0), sum: 0, count: 0 };
      this.#latency.set(latencyKey, latency);
    }
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket += 1;
    latency.perBucket[bucket]! += 1;
    latency.sum += seconds;
    latency.count += 1;
  }

  /** plaudit_http_requests_total as a counter for the registry. */
  requestsMetric(name: string, help: string): Metric {
    return this.#metric(name, help, 'counter', () => [...this.#requests.values()].map((series) => ({ labels: series.labels, value: series.count })));
  }

  /** plaudit_http_request_duration_seconds as a histogram for the registry. */
  latencyMetric(name: string, help: string): Metric {
    return this.#metric(name, help, 'histogram', () =>
      [...this.#latency.values()].flatMap((series) => {
        let cumulative = 0;
        const buckets = [...LATENCY_BUCKETS, '+Inf' as const].map((bound, index) => {
          cumulative += series.perBucket[index]!;
          return { labels: { ...series.labels, le: bound }, value: cumulative, metricName: `${name}_bucket` };
        });
        return [...buckets, { labels: series.labels, value: series.sum, metricName: `${name}_sum` }, { labels: series.labels, value: series.count, metricName: `${name}_count` }];
      }),
    );
  }

  #metric(name: string, help: string, type: 'counter' | 'histogram', samples: () => Sample[]): Metric {
    const metric = { name, help, type, aggregator: 'sum', get: async () => ({ name, help, type, aggregator: 'sum', values: samples() }) };
    // The registry needs only these fields; prom-client types a metric as its own classes.
    return metric as unknown as Metric;
  }
}
