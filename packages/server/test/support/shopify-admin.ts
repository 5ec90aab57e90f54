import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

/** How the stand-in answers its next GraphQL call: as Shopify would, or with a refusal. */
export type GraphqlAnswer = { kind: 'ok' } | { kind: 'status'; status: number; headers?: Record<string, string> };

/**
 * A stand-in for stores' Admin API on loopback: the token endpoint of Shopify's authorization
 * code grant and the GraphQL endpoint. The Shopify library's fetch is pointed at it, with the
 * store it meant to reach in `x-forwarded-host`.
 */
export class ShopifyAdminStandIn {
  private server: Server | undefined;
  readonly exchanges: Array<{ shop: string; body: Record<string, string> }> = [];
  readonly graphql: Array<{ shop: string; token: string; query: string; variables: Record<string, unknown> }> = [];
  /** Answers for the next GraphQL calls, in order; when empty, every call succeeds. */
  readonly nextAnswers: GraphqlAnswer[] = [];
  /** The `data` of a successful GraphQL answer; by default what metafieldsSet answers. */
  dataFor: (call: { shop: string; query: string; variables: Record<string, unknown> }) => unknown = () => ({ metafieldsSet: { metafields: [], userErrors: [] } });
  origin = '';

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const shop = String(request.headers['x-forwarded-host'] ?? '');
        if (request.method === 'POST' && request.url === '/admin/oauth/access_token') {
          const parsed = JSON.parse(body) as Record<string, string>;
          this.exchanges.push({ shop, body: parsed });
          if (parsed.code !== 'good-code' || parsed.client_secret !== this.secret) return response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_request"}');
          return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: `shpat_${shop.split('.')[0]}`, scope: 'read_orders,read_products,write_products' }));
        }
        if (request.method === 'POST' && /^\/admin\/api\/[\w-]+\/graphql\.json$/.test(request.url ?? '')) {
          const answer = this.nextAnswers.shift() ?? { kind: 'ok' };
          if (answer.kind === 'status') return response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end('{"errors":"refused"}');
          const parsed = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
          this.graphql.push({ shop, token: String(request.headers['x-shopify-access-token'] ?? ''), query: parsed.query, variables: parsed.variables });
          return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: this.dataFor({ shop, query: parsed.query, variables: parsed.variables }) }));
        }
        response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    setAbstractFetchFunc((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      headers.set('x-forwarded-host', url.host);
      return fetch(`${this.origin}${url.pathname}${url.search}`, { ...init, headers });
    });
  }

  stop(): Promise<void> {
    setAbstractFetchFunc(globalThis.fetch);
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
