import { type IncomingMessage, type ServerResponse, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DrippingProxy {
  /** The proxy's own origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of `target` that passes every request through, except that the HTML of a
 * page whose path is in `dripPaths` reaches the browser a few elements at a time (about `bytes`
 * per write, cut only after a tag's `>`, `delayMs` apart), as over a slow network: the browser
 * paints the page while it is still arriving, which a local server's one write never lets it do.
 */
export async function startDrippingProxy(target: string, dripPaths: string[], { bytes = 300, delayMs = 25 } = {}): Promise<DrippingProxy> {
  const upstream = new URL(target);
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const headers = { ...incoming.headers, host: upstream.host, 'accept-encoding': 'identity' };
    const forwarded = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers }, (answer) => {
      const drip = dripPaths.includes(new URL(incoming.url ?? '/', upstream).pathname) && (answer.headers['content-type'] ?? '').startsWith('text/html');
      if (!drip) {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        return;
      }
      const { 'content-length': _length, ...rest } = answer.headers;
      outgoing.writeHead(answer.statusCode ?? 502, rest);
      const parts: Buffer[] = [];
      answer.on('data', (part: Buffer) => parts.push(part));
      answer.on('end', () => void dripInto(outgoing, Buffer.concat(parts).toString('utf8'), bytes, delayMs));
    });
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function dripInto(outgoing: ServerResponse, html: string, bytes: number, delayMs: number): Promise<void> {
  let start = 0;
  while (start < html.length) {
    const cut = html.indexOf('>', start + bytes);
    const end = cut === -1 ? html.length : cut + 1;
    outgoing.write(html.slice(start, end));
    start = end;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  outgoing.end();
}
