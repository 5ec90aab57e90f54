import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { keepOutOfApiReference } from '../http/route-docs.js';
import { ApiError } from '../http/errors.js';
import { readJsonText } from '../http/json-text.js';
import { registerConfigRoute } from './config.route.js';
import { registerProductReviewRoutes } from './product-reviews.routes.js';
import { registerWidgetHtmlRoute } from './widget-html.route.js';
import { registerSubmitRoute } from './submit.route.js';
import { registerUploadTokenRoute } from './upload-token.route.js';
import { registerHelpfulRoute } from './helpful.route.js';
import { registerReportRoute } from './report.route.js';
import { registerProductQuestionsRoute } from './product-questions.route.js';
import { registerAskQuestionRoute } from './ask-question.route.js';
import { registerAnswerQuestionRoute } from './answer-question.route.js';
import { registerQuestionHelpfulRoute } from './question-helpful.route.js';
import { registerQuestionsHtmlRoute } from './questions-html.route.js';
import { registerEventsBeaconRoute } from './events-beacon.route.js';
import { registerWidgetAssetRoutes } from './widget-assets.routes.js';


/**
 * The public storefront endpoints of docs/reference/storefront.md: no credentials, no PII, cacheable GETs that
 * any origin may read, and error answers that are never cached.
 */
export async function storefrontPlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  keepOutOfApiReference(app);
  app.addHook('onSend', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') reply.header('access-control-allow-origin', '*');
    if (reply.statusCode >= 400) reply.header('cache-control', 'no-store');
  });
  // §7: beacons arrive as text/plain; their body is JSON all the same. Each route's bodyLimit holds
  // whatever the content type, so a limit is never the parser's alone.
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    const read = readJsonText(body as Buffer, request.headers['content-type']);
    if (read instanceof ApiError) done(read, undefined);
    else done(null, read.value);
  });
  registerProductReviewRoutes(app, options.deps);
  registerSubmitRoute(app, options.deps);
  registerUploadTokenRoute(app, options.deps);
  registerHelpfulRoute(app, options.deps);
  registerReportRoute(app, options.deps);
  registerProductQuestionsRoute(app, options.deps);
  registerAskQuestionRoute(app, options.deps);
  registerAnswerQuestionRoute(app, options.deps);
  registerQuestionHelpfulRoute(app, options.deps);
  registerQuestionsHtmlRoute(app, options.deps);
  registerEventsBeaconRoute(app, options.deps);
  registerWidgetAssetRoutes(app);
  registerWidgetHtmlRoute(app, options.deps);
  registerConfigRoute(app, options.deps);
}
