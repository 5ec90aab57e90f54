import { afterAll, beforeAll } from 'vitest';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/** How the receiver answers one path: a status and body, or a misbehaviour. */
export type Behaviour =
  | { kind: 'answer'; status: number; body?: string; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'huge'; bytes: number };

/**
 * A real webhook receiver on loopback, as a partner runs one: it records what arrives and answers
 * each path the way a test tells it to.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly open = new Set<ServerResponse>();
  private server: Server | undefined;
  origin = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
        this.respond(this.behaviours.get(path.split('?')[0]!) ?? { kind: 'answer', status: 200, body: '{"code":0,"message":"success"}' }, response);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.origin = `http://127.0.0.1:${address.port}`;
    return this;
  }

  on(path: string, behaviour: Behaviour): string {
    this.behaviours.set(path, behaviour);
    return `${this.origin}${path}`;
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }

  private respond(behaviour: Behaviour, response: ServerResponse): void {
    switch (behaviour.kind) {
      case 'answer': {
        const send = () => {
          response.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
          response.end(behaviour.body ?? '');
        };
        if (behaviour.delayMs) setTimeout(send, behaviour.delayMs);
        else send();
        return;
      }
      case 'hang':
        this.open.add(response);
        return;
      case 'reset':
        response.socket?.destroy();
        return;
      case 'huge': {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const write = () => {
          while (sent < behaviour.bytes) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', write);
          }
          response.end();
        };
        response.on('error', () => {});
        write();
        return;
      }
    }
  }

  async stop(): Promise<void> {
    for (const response of this.open) response.socket?.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Verifies a delivery with the `standardwebhooks` library, as a partner would; throws when it fails. */
export function verifyStandard(delivery: ReceivedDelivery, secret: string): unknown {
  return new Webhook(secret).verify(delivery.body, {
    'webhook-id': String(delivery.headers['webhook-id']),
    'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
    'webhook-signature': String(delivery.headers['webhook-signature']),
  });
}

/**
 * An independent Trustoo-style verifier (docs/reference/auth.md §2 applied to `timestamp=<ts>|<body>`), written
 * here from the contract rather than taken from the server's code.
 */
export function verifyTrustoo(delivery: ReceivedDelivery, key: string, publicToken: string): boolean {
  const timestamp = String(delivery.headers['open-trustoo-webhook-timestamp']);
  const expected = createHmac('sha256', key).update(`timestamp=${timestamp}|${delivery.body}`, 'utf8').digest('hex');
  return delivery.headers['open-trustoo-webhook-sign'] === expected && delivery.headers['open-trustoo-webhook-public-token'] === publicToken;
}

/**
 * A receiver started for a describe block, with the harness's clock at real time: receivers check
 * signature timestamps against their own clock, so deliveries are signed at real time.
 */
export function useWebhookReceiver(harness: () => { clock: { set(ms: number): void } }): WebhookReceiver {
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    await receiver.start();
    harness().clock.set(Date.now());
  });
  afterAll(() => receiver.stop());
  return receiver;
}
