import { CONSENT_PATHS } from './oauth-paths.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { csrfTokenMatches, currentSession } from '../merchants/current-session.js';
import { sendMessagePage, sendPage } from '../http/html-page.js';
import type { MerchantSession } from '../merchants/session-service.js';
import { SuccessSchema, successEnvelope } from '../http/envelope.js';
import { ApiError, Code, invalidField } from '../http/errors.js';
import { flattenRawQuery, type RawQueryRoute } from '../http/query-string.js';
import { unixSeconds } from '../time/clock.js';
import type { ShopRow } from '../shops/shop-repository.js';
import { type AuthorizationParams, type AuthorizationRequest, checkAuthorizationRequest, redirectWith } from './authorize/authorization-request.js';
import { approveAuthorization } from '../platforms/grant-service.js';
import { SCOPE_DESCRIPTIONS, spaceSeparated } from '../platforms/scopes.js';
import { documented, undocumented } from '../http/route-docs.js';
import { AuthorizeQuerySchema, ConsentData } from './oauth-wire-schemas.js';

/** The older programmatic form (docs/reference/auth.md §6) asks for JSON; a browser navigation never does. */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** The request's parameters as the consent form carries them back (only what was sent). */
function formParams(request: AuthorizationRequest): Array<[string, string]> {
  const pairs: Array<[string, string | undefined]> = [
    ['client_id', request.platform.client_id],
    ['redirect_uri', request.redirectUriSent ? request.redirectUri : undefined],
    ['response_type', 'code'],
    ['scope', spaceSeparated(request.scopes)],
    ['state', request.state],
    ['code_challenge', request.codeChallenge ?? undefined],
    ['code_challenge_method', request.codeChallenge ? 'S256' : undefined],
  ];
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined);
}

function chooseShop(shops: ShopRow[], wanted: string | undefined): ShopRow | undefined {
  if (wanted === undefined || wanted === '') return shops.length === 1 ? shops[0] : undefined;
  return shops.find((shop) => shop.id === wanted || shop.domain === wanted.toLowerCase());
}

/**
 * The consent page (docs/reference/auth.md §5): GET shows it, POST records the merchant's decision and sends the
 * browser back to the platform with 303, so the form is not re-posted there.
 */
export function registerConsentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const issuer = deps.config.publicUrl;

  const sendToPlatform = (reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>) =>
    reply.code(303).header('location', redirectWith(redirectUri, { ...params, iss: issuer })).header('cache-control', 'no-store').send();

  /** Validates the request and answers its errors; undefined when the reply is already sent. */
  const checked = async (reply: FastifyReply, params: AuthorizationParams, json: boolean): Promise<AuthorizationRequest | undefined> => {
    const check = await checkAuthorizationRequest(deps.db.kysely, params);
    if (check.ok) return check.request;
    if (json) throw invalidField(check.field, check.redirect ? check.description : check.reason);
    if (!check.redirect) {
      await sendMessagePage(reply, 400, 'This authorization link is not valid', check.reason, 'Go back to the app that sent you here and try again; if it keeps happening, tell its developer.');
      return undefined;
    }
    await sendToPlatform(reply, check.redirectUri, { error: check.error, error_description: check.description, state: check.state });
    return undefined;
  };

  const approve = async (request: AuthorizationRequest, session: MerchantSession, shop: ShopRow): Promise<{ code: string; location: string }> => {
    const code = await deps.db.kysely.transaction().execute((trx) =>
      approveAuthorization(
        trx,
        {
          platform: request.platform,
          shop,
          merchantId: session.merchant.id,
          redirectUri: request.redirectUriSent ? request.redirectUri : '',
          scopes: request.scopes,
          codeChallenge: request.codeChallenge,
        },
        deps.clock.now(),
      ),
    );
    return { code, location: redirectWith(request.redirectUri, { code, state: request.state, iss: issuer }) };
  };

  const showConsent = async (request: FastifyRequest<RawQueryRoute>, reply: FastifyReply) => {
    const query = flattenRawQuery(request.query);
    const json = wantsJson(request);
    const authorization = await checked(reply, query, json);
    if (!authorization) return reply;
    const session = await currentSession(request, deps);
    if (!session) {
      if (json) throw new ApiError(Code.unauthenticated, 'sign in as the merchant first (/console/login)');
      const here = redirectWith(request.routeOptions.url ?? CONSENT_PATHS[0], Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string')));
      return reply.code(303).header('location', redirectWith('/console/login', { return_to: here })).send();
    }
    if (session.shops.length === 0) return sendMessagePage(reply, 403, 'No shop to connect', 'Your account is not linked to any shop.');

    if (json) {
      // Only an explicit, same-site request may approve without the form (docs/reference/auth.md §6).
      if (query.approve !== '1') throw invalidField('approve', 'must be 1 to approve without the consent form');
      if (request.headers['sec-fetch-site'] === 'cross-site') throw new ApiError(Code.permissionDenied, 'cross-site approval is not allowed');
      const shop = chooseShop(session.shops, authorization.shopHint);
      if (!shop) throw invalidField('shop', 'must name one of your shops');
      const { code, location } = await approve(authorization, session, shop);
      reply.header('cache-control', 'no-store');
      return successEnvelope({ code, redirect_url: location, state: authorization.state ?? '' }, request.id, unixSeconds(deps.clock));
    }

    const preselected = chooseShop(session.shops, authorization.shopHint) ?? session.shops[0]!;
    return sendPage(
      reply,
      'consent',
      {
        title: `Connect ${authorization.platform.name}`,
        platformName: authorization.platform.name,
        email: session.merchant.email,
        action: request.routeOptions.url,
        csrfToken: session.csrfToken,
        hidden: formParams(authorization),
        shops: session.shops,
        selectedShopId: preselected.id,
        scopeDescriptions: authorization.scopes.map((scope) => SCOPE_DESCRIPTIONS[scope]),
        redirectHost: new URL(authorization.redirectUri).host,
      },
      { formActionOrigins: [new URL(authorization.redirectUri).origin] },
    );
  };

  const decide = async (request: FastifyRequest, reply: FastifyReply) => {
    const form = (request.body ?? {}) as AuthorizationParams;
    const session = await currentSession(request, deps);
    if (!session) return sendMessagePage(reply, 401, 'You were signed out', 'Your session ended before you decided.', 'Go back to the app and start the connection again.');
    // CSRF is checked before anything else: a forged post must not even learn whether its parameters are valid.
    if (!csrfTokenMatches(session, form.csrf_token)) return sendMessagePage(reply, 403, 'This form expired', 'The page was open too long or came from elsewhere.', 'Go back to the app and start the connection again.');
    const authorization = await checked(reply, form, false);
    if (!authorization) return reply;
    if (form.decision !== 'approve') return sendToPlatform(reply, authorization.redirectUri, { error: 'access_denied', error_description: 'the merchant denied access', state: authorization.state });
    const shop = session.shops.find((candidate) => candidate.id === form.shop_id);
    if (!shop) return sendMessagePage(reply, 403, 'Shop not available', 'You can connect only your own shops.');
    const { location } = await approve(authorization, session, shop);
    return reply.code(303).header('location', location).header('cache-control', 'no-store').send();
  };

  for (const path of CONSENT_PATHS) {
    const docs = documented({
      summary: 'OAuth2 Merchant Authorization (consent page)',
      description:
        'HTML for browsers: the merchant signs in, approves or denies, and is sent back to redirect_uri with 303 (code, state, iss; or error=access_denied). ' +
        'With Accept: application/json, a signed-in merchant session and approve=1, answers the envelope instead (the older programmatic form).',
      tags: ['OAuth2'],
      produces: ['text/html', 'application/json'],
      querystring: AuthorizeQuerySchema,
      response: { 200: SuccessSchema(ConsentData) },
      security: [],
    });
    app.get(path, path === CONSENT_PATHS[0] ? docs : undocumented, showConsent);
    app.post(path, undocumented, decide);
  }
}
