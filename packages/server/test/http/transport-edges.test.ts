import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../src/http/json-text.js';
import { databaseChecksum } from '../support/database-checksum.js';
import { describeEachDatabase } from '../support/databases.js';
import { envelope, openApiPath, signedHeaders } from '../support/harness.js';
import { type ListeningHarness, useListeningHarness } from '../support/listening-harness.js';

/** Sends bytes exactly as given over a fresh connection and answers the raw response text. */
function rawExchange(baseUrl: string, request: string | Buffer): Promise<string> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(error)));
    socket.end(request);
  });
}

function parseRaw(text: string): { status: number; headers: string; body: Record<string, unknown> } {
  const [head, ...rest] = text.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)![1]), headers: head!.toLowerCase(), body: JSON.parse(rest.join('\r\n\r\n')) as Record<string, unknown> };
}

/** A signed create_review sent as the given bytes and content type, over real HTTP. */
async function signedPost(h: ListeningHarness, body: Buffer, contentType: string, timestamp: number) {
  // The signature is over the body as the server reads it; for invalid UTF-8 that is what Node decodes.
  const headers = signedHeaders(h.shop, '', body.toString('utf8'), timestamp);
  return fetch(`${h.baseUrl}${openApiPath('create_review')}`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body: new Uint8Array(body) });
}

describeEachDatabase('transport edges keep the envelope', (dialect) => {
  const harness = useListeningHarness(dialect);
  let stamp = 0;
  const timestamp = (h: ListeningHarness) => Math.floor(h.clock.now() / 1000) - 60 + (stamp++ % 50);

  it('answers a request line over 16 KiB with the envelope (431, code 3), not a bare status', async () => {
    const h = harness();
    const answer = parseRaw(await rawExchange(h.baseUrl, `GET /api/v1/openapi/get_reviews?keyword=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain('content-type: application/json; charset=utf-8');
    expect(answer.body).toMatchObject({ code: 3 });
    expect(String(answer.body.request_id)).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.keys(answer.body).sort()).toEqual(['code', 'message', 'request_id', 'time']);
  });

  it('answers malformed HTTP with the envelope (400, code 3)', async () => {
    const h = harness();
    const answer = parseRaw(await rawExchange(h.baseUrl, 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'));
    expect([answer.status, answer.body.code]).toEqual([400, 3]);
  });

  it('answers a path parameter over 2,048 characters with the envelope and echoes nothing of the path', async () => {
    const h = harness();
    const segment = `secret${'y'.repeat(2100)}`;
    const response = await fetch(`${h.baseUrl}/t/c/${segment}`);
    const text = await response.text();
    expect(response.status).toBe(414);
    expect(JSON.parse(text)).toMatchObject({ code: 3 });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('FST_');
  });

  it('refuses a PUT with a body on a POST-only path with 405, not 415', async () => {
    const h = harness();
    const response = await h.app.inject({ method: 'PUT', url: openApiPath('create_review'), headers: { 'content-type': 'text/plain' }, payload: 'anything' });
    expect([response.statusCode, envelope(response).code, response.headers.allow]).toEqual([405, 3, 'POST']);
  });

  it('refuses JSON declared in another charset, invalid UTF-8 and lone surrogates with code 3, storing nothing', async () => {
    const h = harness();
    const before = await databaseChecksum(h);
    const valid = JSON.stringify({ rating: 5, author: 'Zoë' });
    const cases: Array<[string, Buffer, string, number]> = [
      ['latin1', Buffer.from(valid, 'latin1'), 'application/json; charset=latin1', 415],
      ['utf-16', Buffer.from(valid, 'utf16le'), 'application/json; charset=utf-16', 415],
      ['ISO-8859-1 quoted', Buffer.from(valid, 'latin1'), 'application/json; charset="ISO-8859-1"', 415],
      ['invalid UTF-8', Buffer.concat([Buffer.from('{"rating":5,"author":"Zo'), Buffer.from([0xeb]), Buffer.from('"}')]), 'application/json', 400],
      ['overlong encoding', Buffer.concat([Buffer.from('{"rating":5,"author":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), 'application/json', 400],
      ['lone high surrogate', Buffer.from('{"rating":5,"author":"a\\ud800b"}'), 'application/json', 400],
      ['lone low surrogate in a key', Buffer.from('{"rating":5,"author":"a","\\udc00":1}'), 'application/json', 400],
    ];
    for (const [name, body, type, status] of cases) {
      const response = await signedPost(h, body, type, timestamp(h));
      const answer = (await response.json()) as { code: number };
      expect([name, response.status, answer.code]).toEqual([name, status, 3]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
    // The same review in UTF-8, with a real surrogate pair, is accepted.
    const emoji = await signedPost(h, Buffer.from(JSON.stringify({ rating: 5, author: 'Zoë 😀', content: '\ud83d\ude00' })), 'application/json; charset=UTF-8', timestamp(h));
    expect(((await emoji.json()) as { code: number }).code).toBe(0);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels with code 3 (5,000 levels included)`, async () => {
    const h = harness();
    /** A body whose deepest value sits `depth` levels down, the body object itself being level 1. */
    const nested = (depth: number) => `{"rating":5,"author":"Deep","extra":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    // Exactly the limit is read, and stored (create_review ignores the unknown `extra`).
    const atLimit = (await (await signedPost(h, Buffer.from(nested(MAX_JSON_DEPTH)), 'application/json', timestamp(h))).json()) as { code: number };
    expect(atLimit.code).toBe(0);
    const before = await databaseChecksum(h);
    for (const depth of [MAX_JSON_DEPTH + 1, 5_000, 100_000]) {
      const response = await signedPost(h, Buffer.from(nested(depth)), 'application/json', timestamp(h));
      const answer = (await response.json()) as { code: number; message: string };
      expect([depth, response.status, answer.code, answer.message]).toEqual([depth, 400, 3, `request body nests deeper than ${MAX_JSON_DEPTH} levels`]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
    // Brackets inside strings are text, not nesting.
    const inString = await signedPost(h, Buffer.from(JSON.stringify({ rating: 5, author: 'Brackets', content: '['.repeat(500) })), 'application/json', timestamp(h));
    expect(((await inString.json()) as { code: number }).code).toBe(0);
  });

  it('refuses numbers sent as padded strings: rating "5 " is not 5', async () => {
    const h = harness();
    const before = await databaseChecksum(h);
    for (const rating of ['5 ', ' 5', '5\n', '05', '5.0']) {
      const response = await h.call('POST', 'create_review', { body: { rating, author: 'Padded' } });
      expect([rating, response.statusCode, envelope(response).code]).toEqual([rating, 400, 3]);
    }
    expect(await databaseChecksum(h)).toEqual(before);
    // Free text is still trimmed and normalised before it is stored.
    const created = await h.call('POST', 'create_review', { body: { rating: '5', author: '  Trimmed  ' } });
    expect(envelope(created).code).toBe(0);
  });
});
