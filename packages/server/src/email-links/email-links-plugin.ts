import formBody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { keepOutOfApiReference } from '../http/route-docs.js';
import { typedRoutes } from '../http/route-input.js';
import { registerTrackingRoutes } from './tracking.routes.js';
import { registerUnsubscribeRoutes } from './unsubscribe.routes.js';
import { registerReviewLinkPage } from './review-link-page.routes.js';
import { registerPublicReviewPage } from './public-review-page.routes.js';
import { registerReviewPolicyPage } from './review-policy-page.routes.js';
import { registerAnswerLinkPage } from './answer-link-page.routes.js';

/** The public endpoints behind the links of review-request e-mails (docs/reference/collection.md §6.3–6.4, docs/reference/storefront.md §10). */
export async function collectionPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  // Mail clients post the RFC 8058 one-click body form-encoded.
  await app.register(formBody, { bodyLimit: 16 * 1024 });
  keepOutOfApiReference(app, { servesPages: true });
  const routes = typedRoutes(app);
  registerTrackingRoutes(routes, options.deps);
  registerUnsubscribeRoutes(routes, options.deps);
  registerReviewLinkPage(routes, options.deps);
  registerReviewPolicyPage(routes, options.deps);
  registerPublicReviewPage(routes, options.deps);
  registerAnswerLinkPage(routes, options.deps);
}
