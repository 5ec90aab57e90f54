import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { FastifyReply } from 'fastify';

// The views sit beside src/ and dist/, so the same relative path works from either.
const VIEWS_DIR = fileURLToPath(new URL('../../views', import.meta.url));

/** The console's one stylesheet (views/console.css), read once and inlined by console-layout.eta. */
const CONSOLE_CSS = readFileSync(`${VIEWS_DIR}/console.css`, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*/g, '\n');

// Eta escapes every `<%= %>` by default; `<%~ %>` (raw) is used only for the layout's body slot.
const eta = new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true });

/** A view rendered with auto-escaping, for HTML that is not a page response (e-mails). */
export function renderView(view: string, data: Record<string, unknown>): string {
  return eta.render(`./${view}`, data);
}

export interface PageOptions {
  status?: number;
  /** Origins a form on this page may submit to besides our own (the consent page's 303 target). */
  formActionOrigins?: string[];
  /** Review photos live on media hosts and CDNs: console pages may show https images. */
  httpsImages?: boolean;
  /** Scripts and requests of this origin (the hosted review page's photo upload). */
  ownScripts?: boolean;
}

/**
 * Renders a merchant-facing page with the headers every such page needs: a strict CSP with a
 * per-response style nonce and no script, framing forbidden (clickjacking a consent button is the
 * classic attack), no referrer (the URL may carry state, challenges or codes), never cached.
 */
export async function sendPage(reply: FastifyReply, view: string, data: Record<string, unknown>, options: PageOptions = {}): Promise<FastifyReply> {
  const nonce = randomBytes(16).toString('base64');
  const html = eta.render(`./${view}`, { ...data, nonce, consoleCss: CONSOLE_CSS });
  const formAction = ["'self'", ...(options.formActionOrigins ?? [])].join(' ');
  return reply
    .code(options.status ?? 200)
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:${options.httpsImages ? ' https:' : ''};${options.ownScripts ? " script-src 'self'; connect-src 'self';" : ''} object-src 'none'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    .send(html);
}

/** A page with one message: errors that must not redirect, and plain confirmations. */
export function sendMessagePage(reply: FastifyReply, status: number, heading: string, text: string, hint?: string): Promise<FastifyReply> {
  return sendPage(reply, 'message', { title: heading, heading, text, hint: hint ?? '', isError: status >= 400 }, { status });
}
