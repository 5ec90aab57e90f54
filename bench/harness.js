// What the benchmark scripts share: servers in child processes, signed requests, load runs.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { signRequest } from '../packages/server/dist/crypto/hmac-signature.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A fresh working folder per script under .bench-data/, so scripts run one after another never share files. */
export const benchDataDir = (name) => path.join(here, '..', '.bench-data', name);

/** Starts `script` (a file of bench/) on `port`; resolves once it said it is ready. */
export function startServer(script, env, port) {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, script), { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

export function stopServer(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Path and headers of a signed GET (HMAC, as a shop's own integration signs it). */
export function signedGet(shop, operation, query) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { path: `/api/v1/openapi/${operation}?${query}`, headers: { 'public-token': shop.public_token, timestamp, sign: signRequest(shop.private_token, query, timestamp, '') } };
}

/** Path, body and headers of a signed POST; call it per request: a signature is accepted once. */
export function signedPost(shop, operation, bodyObject) {
  const body = JSON.stringify(bodyObject);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { method: 'POST', path: `/api/v1/openapi/${operation}`, body, headers: { 'content-type': 'application/json', 'public-token': shop.public_token, timestamp, sign: signRequest(shop.private_token, '', timestamp, body) } };
}

/**
 * autocannon against `origin` after a 2-second warm-up that is not reported. `requests` are
 * autocannon request objects (with setupRequest for signed POSTs). Refuses any non-2xx answer.
 */
export async function load(title, origin, { connections, duration, requests, allowNon2xx = false }) {
  await autocannon({ url: origin, connections, duration: 2, requests });
  const result = await autocannon({ url: origin, connections, duration, requests });
  if (!allowNon2xx) refuseFailures(title, result);
  return { title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** A load run whose answers were not all 2xx measured something else than it says. */
function refuseFailures(title, result) {
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${title}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
}

/**
 * A read and the baseline in alternating slices: the baseline for `seconds`, then the read, `slices`
 * times, after one warm-up of each that is not reported. This machine's speed swings by half within
 * a minute; a baseline measured before a ten-second read can catch a fast moment and the read a slow
 * one. Slices put both into the same seconds. Rates are requests over time across the slices; p50
 * is the median of the slices' p50, p99 the highest slice's p99.
 */
export async function loadBeside(title, origin, { connections, requests }, baseline, { slices, seconds }) {
  await autocannon({ url: origin, connections, duration: 2, requests });
  await autocannon({ url: baseline.origin, connections, duration: 2, requests: baseline.requests });
  const read = { requests: 0, seconds: 0, p50: [], p99: [] };
  const base = { requests: 0, seconds: 0 };
  for (let slice = 0; slice < slices; slice += 1) {
    const b = await autocannon({ url: baseline.origin, connections, duration: seconds, requests: baseline.requests });
    base.requests += b.requests.total;
    base.seconds += b.duration;
    const r = await autocannon({ url: origin, connections, duration: seconds, requests });
    refuseFailures(title, r);
    read.requests += r.requests.total;
    read.seconds += r.duration;
    read.p50.push(r.latency.p50);
    read.p99.push(r.latency.p99);
  }
  return { title, rps: read.requests / read.seconds, p50: percentile(read.p50, 50), p99: Math.max(...read.p99), non2xx: 0, errors: 0, baselineRps: base.requests / base.seconds };
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
