import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { requireScope } from '../http/actor.js';
import { authenticateBearer } from '../http/bearer-auth.js';
import { ApiError, Code } from '../http/errors.js';
import { flattenRawQuery, type RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import { formatRecordTime } from '../time/time-format.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { endGrant } from '../platforms/grant-service.js';
import { invalidClient } from '../platforms/oauth-errors.js';
import { answerOAuthErrors, sendEnvelope } from './oauth-reply.js';
import { authenticateClient } from '../platforms/platform-service.js';
import { findShopByIdOrDomain } from '../platforms/platform-shop.js';
import { commaSeparated, storedScopes } from '../platforms/scopes.js';
import { findGrant } from '../platforms/token-repository.js';
import { documented } from '../http/route-docs.js';
import { AuthorizationInfoData, DisconnectData, DisconnectRequestSchema, envelopeOr, InstallStatusData, PlatformShopQuerySchema } from './oauth-wire-schemas.js';

/** Disconnect (POST), then authorization info and installation status (GET). */
export const PLATFORM_MANAGEMENT_PATHS = [
  '/api/v1/openapi/oauth/disconnect',
  '/api/v1/openapi/get_shop_authorization_info',
  '/api/v1/openapi/get_shop_install_status',
] as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

async function clientFrom(deps: AppDeps, params: Record<string, unknown>) {
  const clientId = text(params.client_id);
  const clientSecret = text(params.client_secret);
  if (clientId === '' || clientSecret === '') throw invalidClient();
  return authenticateClient(deps.db.kysely, deps.secretKey, clientId, clientSecret);
}

/** Which platform acts for which shop: from its bearer token, or (extension) its client credentials and a shop. */
async function disconnectingParty(request: FastifyRequest, deps: AppDeps): Promise<{ platformId: string; shop: ShopRow }> {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s/i.test(authorization.trim())) {
    const actor = await authenticateBearer(authorization, deps.bearer);
    return { platformId: actor.platformId!, shop: actor.shop };
  }
  const body = (request.body ?? {}) as Record<string, unknown>;
  const client = await clientFrom(deps, body);
  const { shop, named } = await findShopByIdOrDomain(deps.db.kysely, body);
  if (!shop) throw new ApiError(Code.notFound, `shop ${named} not found`);
  return { platformId: client.client_id, shop };
}

/**
 * Who asks about which shop's installation: a platform's bearer token (its shop, scope
 * read_shop_install_status), or its client credentials and a shop named in the query, which may
 * not exist in Plaudit at all (then nothing is installed).
 */
async function installationAsked(request: FastifyRequest, deps: AppDeps, query: Record<string, unknown>) {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s/i.test(authorization.trim())) {
    const actor = await authenticateBearer(authorization, deps.bearer);
    requireScope(actor, 'read_shop_install_status');
    return { platformId: actor.platformId!, shop: actor.shop as ShopRow | undefined, named: { shopId: actor.shop.id, domain: actor.shop.domain } };
  }
  const client = await clientFrom(deps, query);
  const { shop } = await findShopByIdOrDomain(deps.db.kysely, query);
  return { platformId: client.client_id, shop, named: { shopId: text(query.shop_id), domain: text(query.myshopify_domain) } };
}

/** Disconnect, Get Shop Authorization Info and Get Shop Installation Status (docs/reference/auth.md §7). */
export function registerPlatformManagementRoutes(app: FastifyInstance, deps: AppDeps): void {
  const disconnectDocs = documented({
    summary: 'Disconnect Platform Authorization',
    description: "The platform ends its grant for a shop: send the shop's bearer token, or client_id + client_secret + shop_id in the body. Every token of the grant stops working at once.",
    tags: ['Platform'],
    body: DisconnectRequestSchema,
    response: envelopeOr(DisconnectData),
    security: [{ BearerAuth: [] }, {}],
  });
  app.post(PLATFORM_MANAGEMENT_PATHS[0], disconnectDocs, (request, reply) =>
    answerOAuthErrors(request, reply, async () => {
      const { platformId, shop } = await disconnectingParty(request, deps);
      const grant = await findGrant(deps.db.kysely, platformId, shop.id);
      if (!grant) throw new ApiError(Code.notFound, `platform ${platformId} is not authorized for shop ${shop.id}`);
      const status = await deps.db.kysely.transaction().execute((trx) => endGrant(trx, grant, shop, 'disconnected', 'platform', deps.clock.now()));
      return sendEnvelope(request, reply, { shop_id: shop.id, status }, unixSeconds(deps.clock));
    }),
  );

  const infoDocs = documented({
    summary: 'Get Shop Authorization Info',
    description: "Whether this platform is authorized for a shop, since when and with which scopes. Client credentials in the query.",
    tags: ['Platform'],
    querystring: PlatformShopQuerySchema,
    response: envelopeOr(AuthorizationInfoData),
    security: [],
  });
  app.get<RawQueryRoute>(PLATFORM_MANAGEMENT_PATHS[1], infoDocs, (request, reply) =>
    answerOAuthErrors(request, reply, async () => {
      const query = flattenRawQuery(request.query);
      const client = await clientFrom(deps, query);
      const { shop, named } = await findShopByIdOrDomain(deps.db.kysely, query);
      if (!shop) throw new ApiError(Code.notFound, `shop ${named} not found`);
      const grant = await findGrant(deps.db.kysely, client.client_id, shop.id);
      const active = grant?.status === 'active';
      return sendEnvelope(
        request,
        reply,
        {
          is_authorized: active,
          authorized_at: grant ? formatRecordTime(grant.authorized_at) : null,
          granted_scopes: active ? commaSeparated(storedScopes(grant.scopes)) : '',
          shop_id: shop.id,
          myshopify_domain: shop.domain,
          status: grant?.status ?? 'never_authorized',
          client_id: client.client_id,
        },
        unixSeconds(deps.clock),
      );
    }),
  );

  const installDocs = documented({
    summary: 'Get Shop Installation Status',
    description:
      'Whether the shop has the calling platform installed, that is authorized, as in Trustoo: with a bearer token of the shop carrying read_shop_install_status, or client credentials and a shop in the query. plaudit_shop_active says whether the shop itself is active in Plaudit.',
    tags: ['Platform'],
    querystring: PlatformShopQuerySchema,
    response: envelopeOr(InstallStatusData),
    security: [{ BearerAuth: ['read_shop_install_status'] }, {}],
  });
  app.get<RawQueryRoute>(PLATFORM_MANAGEMENT_PATHS[2], installDocs, (request, reply) =>
    answerOAuthErrors(request, reply, async () => {
      const query = flattenRawQuery(request.query);
      const { platformId, shop, named } = await installationAsked(request, deps, query);
      const grant = shop ? await findGrant(deps.db.kysely, platformId, shop.id) : undefined;
      const installed = grant?.status === 'active';
      return sendEnvelope(
        request,
        reply,
        {
          is_installed: installed ? 1 : 0,
          installed_at: installed ? formatRecordTime(grant.authorized_at) : null,
          shop_id: shop?.id ?? named.shopId,
          myshopify_domain: shop?.domain ?? named.domain,
          plaudit_shop_active: shop?.status === 'active' ? 1 : 0,
        },
        unixSeconds(deps.clock),
      );
    }),
  );
}
