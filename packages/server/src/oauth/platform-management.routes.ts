import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { requireScope, type Scope } from '../http/actor.js';
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

interface AskingParty {
  platformId: string;
  /** Undefined when the parameters name a shop Plaudit does not have. */
  shop: ShopRow | undefined;
  /** The shop id or domain as given, for messages. */
  named: string;
}

/** A platform by its client credentials, and the shop the same parameters name. */
async function clientAndShop(deps: AppDeps, params: Record<string, unknown>): Promise<AskingParty> {
  const client = await clientFrom(deps, params);
  const { shop, named } = await findShopByIdOrDomain(deps.db.kysely, params);
  return { platformId: client.client_id, shop, named };
}

/**
 * Which platform asks about which shop: its bearer token (the token's shop, with `scope` when one
 * is required), or (extension) its client credentials and a shop named in `params`.
 */
async function askingParty(request: FastifyRequest, deps: AppDeps, params: Record<string, unknown>, scope?: Scope): Promise<AskingParty> {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && /^Bearer\s/i.test(authorization.trim())) {
    const actor = await authenticateBearer(authorization, deps.bearer);
    if (scope !== undefined) requireScope(actor, scope);
    return { platformId: actor.platformId!, shop: actor.shop, named: actor.shop.id };
  }
  return clientAndShop(deps, params);
}

function existingShop({ shop, named }: AskingParty): ShopRow {
  if (!shop) throw new ApiError(Code.notFound, `shop ${named} not found`);
  return shop;
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
      const party = await askingParty(request, deps, (request.body ?? {}) as Record<string, unknown>);
      const { platformId } = party;
      const shop = existingShop(party);
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
      const party = await clientAndShop(deps, query);
      const shop = existingShop(party);
      const grant = await findGrant(deps.db.kysely, party.platformId, shop.id);
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
          client_id: party.platformId,
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
      const { platformId, shop } = await askingParty(request, deps, query, 'read_shop_install_status');
      const grant = shop ? await findGrant(deps.db.kysely, platformId, shop.id) : undefined;
      const installed = grant?.status === 'active';
      return sendEnvelope(
        request,
        reply,
        {
          is_installed: installed ? 1 : 0,
          installed_at: installed ? formatRecordTime(grant.authorized_at) : null,
          shop_id: shop?.id ?? text(query.shop_id),
          myshopify_domain: shop?.domain ?? text(query.myshopify_domain),
          plaudit_shop_active: shop?.status === 'active' ? 1 : 0,
        },
        unixSeconds(deps.clock),
      );
    }),
  );
}
