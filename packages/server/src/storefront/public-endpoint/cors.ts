import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { permissionDenied } from '../../http/errors.js';
import type { ShopRow } from '../../shops/shop-repository.js';
import { readShopSettings } from '../../shops/shop-settings.js';

/** §1.5: every public POST answers preflights for any origin; the shop's list decides the POST itself. */
export function registerPreflight(app: FastifyInstance, url: string): void {
  app.options(url, async (request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-origin', request.headers.origin ?? '*')
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'Content-Type')
      .header('access-control-max-age', '86400')
      .header('vary', 'Origin')
      .send(),
  );
}

/**
 * A browser POST whose Origin the shop's `storefront_origins` does not list is refused (code 7);
 * allowed ones get the CORS header back. Requests without an Origin (servers, curl) pass.
 */
export function allowPublicPost(request: FastifyRequest, reply: FastifyReply, shop: ShopRow): void {
  const origin = request.headers.origin;
  const allowed = readShopSettings(shop.settings).storefront_origins;
  if (origin === undefined) return;
  if (allowed.length === 0) {
    reply.header('access-control-allow-origin', '*');
    return;
  }
  if (!allowed.includes(origin.toLowerCase())) throw permissionDenied(`origin ${origin} may not post to this shop's storefront`);
  reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
}
