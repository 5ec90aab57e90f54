import { connectorWebhooksPlugin } from './connector-webhooks/connector-webhooks-plugin.js';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './http/app-deps.js';
import { installApiDocs } from './http/api-docs.js';
import { ajvOptions } from './http/body-validator.js';
import { installCompression } from './http/compression.js';
import { createLogger, DebugRequestLog, type Logger } from './http/logger.js';
import { installErrorHandler } from './http/error-handler.js';
import { invalidField } from './http/errors.js';
import { BODY_LIMIT_BYTES, installJsonBodyParser } from './http/json-body-parser.js';
import { openApiPlugin } from './open-api/openapi-plugin.js';
import { installObservability } from './http/observability.js';
import { AnswerLane, newRequestId } from './http/answer-lane.js';
import { RequestTally } from './http/request-tally.js';
import { countUnfannedEvents } from './outbox/outbox-claims.js';
import { countPendingDeliveries } from './webhooks/delivery-repository.js';
import { parseRawQuery } from './http/query-string.js';
import { answerParserRefusal, answerRouterRefusal } from './http/transport-errors.js';
import { DatabaseBearerAuthenticator } from './platforms/bearer-authenticator.js';
import { oauthPlugin } from './oauth/oauth-plugin.js';
import { openApiOperations } from './open-api/open-api-operations.js';
import { consolePlugin } from './console/console-plugin.js';
import { collectionPlugin } from './email-links/email-links-plugin.js';
import { registerGoogleFeed } from './storefront/google-feed.route.js';
import { mediaPlugin } from './media/media-plugin.js';
import { storefrontPlugin } from './storefront/storefront-plugin.js';
import { demoPagePlugin } from './demo/demo-page.route.js';
import { homePagePlugin } from './home/home-page.route.js';

/** docs/reference/conventions.md §11: path plus query string at most 8 KiB. */
const MAX_URL_LENGTH = 8192;

export interface BuildAppOptions {
  /** Test runs pass false to keep output quiet; `plaudit serve` passes the logger it shares with its worker. */
  logger?: false | Logger;
}

/** Builds a ready Fastify instance without listening: tests call inject(), `plaudit serve` listens. */
export async function buildApp(given: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const deps: AppDeps = { ...given, bearer: given.bearer ?? new DatabaseBearerAuthenticator(given.db.kysely, given.clock) };
  const logger = options.logger === false ? undefined : (options.logger ?? createLogger(deps.config));
  const tally = new RequestTally();
  // Debug logging writes a line per request, which the lane would not: there, every request goes the long way.
  const lane = logger?.isLevelEnabled('debug') ? undefined : new AnswerLane({ trustProxy: deps.config.trustProxy }, tally, () => deps.clock.now());
  const app = Fastify({
    ...(lane === undefined ? {} : { serverFactory: lane.serverFactory() }),
    // Typed as Fastify's base logger: the pino-specific type would be threaded through every plugin's generics.
    ...(logger === undefined ? { logger: false } : { loggerInstance: logger as FastifyBaseLogger }),
    logController: new DebugRequestLog(),
    genReqId: newRequestId,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    // Signed e-mail tokens travel as path parameters (/t/c/<token>): longer than the 100-character default.
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseRawQuery, maxParamLength: 2048 },
    frameworkErrors: answerRouterRefusal(deps.clock),
    clientErrorHandler: answerParserRefusal(deps.clock),
    ajv: {
      // Coercion would accept "1e2" for an integer; the contract wants digits only, so types
      // are converted by http/query-string.ts and validated strictly (see ajvOptions).
      customOptions: ajvOptions(),
    },
  });

  // Callback style: every request passes here, and an async hook costs a promise each time.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done((request.raw.url ?? '').length > MAX_URL_LENGTH ? invalidField('url', 'path plus query string must be at most 8 KiB', 414) : undefined);
  });

  installCompression(app);
  installJsonBodyParser(app);
  installErrorHandler(app, deps);
  lane?.install(app);
  installObservability(app, deps, [
    { name: 'plaudit_webhook_deliveries_pending', help: 'Webhook deliveries waiting for their next attempt', count: () => countPendingDeliveries(deps.db.kysely) },
    { name: 'plaudit_outbox_events_unprocessed', help: 'Committed events the worker has not yet turned into deliveries', count: () => countUnfannedEvents(deps.db.kysely) },
  ], tally, lane);
  await installApiDocs(app, deps.config);
  await app.register(openApiPlugin, { deps, operations: openApiOperations });
  await app.register(oauthPlugin, { deps });
  await app.register(consolePlugin, { deps });
  await app.register(collectionPlugin, { deps });
  await app.register(connectorWebhooksPlugin, { deps });
  await app.register(mediaPlugin, { deps });
  await app.register(storefrontPlugin, { deps });
  await app.register(demoPagePlugin, { deps });
  await app.register(homePagePlugin, { deps });
  registerGoogleFeed(app, deps);
  return app;
}
