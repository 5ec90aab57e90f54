import type { AppDeps } from '../http/app-deps.js';
import { pathParams, type TypedApp } from '../http/route-input.js';
import { sendMessagePage } from '../http/html-page.js';
import { readClickToken, readOpenToken } from '../collection/email-tokens.js';
import { recordEmailInteraction } from '../collection/email-tracking.js';

/** A transparent 1×1 GIF: 43 bytes. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/** The open pixel and the click tracker of review-request e-mails (docs/reference/collection.md §6.3). */
export function registerTrackingRoutes(app: TypedApp, deps: AppDeps): void {
  app.get('/t/o/:file', { schema: { params: pathParams('file') } }, async (request, reply) => {
    const file = request.params.file;
    const token = file.endsWith('.gif') ? readOpenToken(deps.secretKey, file.slice(0, -'.gif'.length)) : undefined;
    // A forged or unknown token gets the same image: the pixel reveals nothing either way.
    if (token) await deps.db.kysely.transaction().execute((trx) => recordEmailInteraction(trx, token, request.headers['user-agent'], deps.clock.now()));
    deps.outboxSignal?.();
    return reply.headers({ 'content-type': 'image/gif', 'cache-control': 'no-store, private' }).send(PIXEL_GIF);
  });

  app.get('/t/c/:token', { schema: { params: pathParams('token') } }, async (request, reply) => {
    const token = readClickToken(deps.secretKey, request.params.token);
    if (!token || !/^https?:\/\//.test(token.target)) return sendMessagePage(reply, 404, 'Link not found', 'This link is not valid.');
    await deps.db.kysely.transaction().execute((trx) => recordEmailInteraction(trx, token, request.headers['user-agent'], deps.clock.now()));
    deps.outboxSignal?.();
    // The target comes from the signed token, which only the message's own links carry.
    return reply.code(302).headers({ location: token.target, 'cache-control': 'no-store, private', 'referrer-policy': 'no-referrer' }).send();
  });
}
