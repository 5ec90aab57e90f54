import { createHmac } from 'node:crypto';

/**
 * How Trustoo clients found in published storefront code call the Reviews Data API: written from
 * their wire behaviour, independently of Plaudit's own signing code, so a change on either side
 * that breaks them shows up here.
 */
export interface WildClientKeys {
  baseUrl: string;
  publicToken: string;
  privateToken: string;
  /** Unix seconds as the client's clock reads them (the test server runs on a manual clock). */
  now: () => number;
}

export interface WildEnvelope<T> {
  code: number;
  message: string;
  time?: number;
  request_id?: string;
  data: T;
}

/** The clients' recipe: `key=value` pairs of the query plus `timestamp`, sorted, then `|` + body; lowercase hex. */
export function wildSign(privateToken: string, pairs: Array<[string, string]>, body: string): string {
  const message = pairs
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join('&');
  return createHmac('sha256', privateToken).update(body === '' ? message : `${message}|${body}`).digest('hex');
}

export interface WildCall {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** The older proxy also puts the timestamp in the query string: the header's value, or another. */
  timestampInQuery?: 'same-as-header' | string;
}

/** One signed call as these clients make it: headers Public-Token, Timestamp, Sign; JSON body. */
export async function wildCall<T>(keys: WildClientKeys, call: WildCall): Promise<{ status: number; envelope: WildEnvelope<T> }> {
  const timestamp = String(keys.now());
  const inQuery = call.timestampInQuery === 'same-as-header' ? timestamp : call.timestampInQuery;
  const query = { ...call.query, ...(inQuery !== undefined ? { timestamp: inQuery } : {}) };
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  // The older proxy signs the query's pairs and the timestamp once, however many places carry it.
  const pairs = Object.entries(query).filter(([name]) => name !== 'timestamp');
  const sign = wildSign(keys.privateToken, [...pairs, ['timestamp', timestamp]], body);
  const search = new URLSearchParams(query).toString();
  const response = await fetch(`${keys.baseUrl}${call.path}${search === '' ? '' : `?${search}`}`, {
    method: call.method,
    headers: {
      'Public-Token': keys.publicToken,
      Timestamp: timestamp,
      Sign: sign,
      ...(body === '' ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === '' ? {} : { body }),
  });
  return { status: response.status, envelope: (await response.json()) as WildEnvelope<T> };
}
