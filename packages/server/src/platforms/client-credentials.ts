import type { FastifyRequest } from 'fastify';
import { invalidClient, invalidRequest } from './oauth-errors.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** HTTP Basic was used: a failure then answers `WWW-Authenticate: Basic` (RFC 6749 §5.2). */
  basic: boolean;
}

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function parseBasic(header: string): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic[ ]+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  return clientId === undefined || clientSecret === undefined ? undefined : { clientId, clientSecret };
}

/**
 * Client authentication by HTTP Basic or by `client_id` + `client_secret` in the body (docs/reference/auth.md §6).
 * Any other Authorization header (Trustoo clients sometimes send one) is ignored. Using both
 * methods at once is refused (RFC 6749 §2.3).
 */
export function clientCredentialsOf(request: FastifyRequest, body: Record<string, unknown>): ClientCredentials {
  const header = request.headers.authorization;
  const usesBasic = typeof header === 'string' && /^Basic\s/i.test(header.trim());
  const bodySecret = body.client_secret;
  if (usesBasic) {
    if (bodySecret !== undefined) throw invalidRequest('client_secret', 'send client credentials one way only: HTTP Basic or the body');
    const basic = parseBasic(header);
    if (!basic) throw invalidClient();
    return { ...basic, basic: true };
  }
  const clientId = body.client_id;
  if (typeof clientId !== 'string' || typeof bodySecret !== 'string' || clientId === '' || bodySecret === '') throw invalidClient();
  return { clientId, clientSecret: bodySecret, basic: false };
}
