import formBody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import { parserFileSizeFor } from '../http/multipart-limits.js';
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/app-deps.js';
import { keepOutOfApiReference } from '../http/route-docs.js';
import { typedRoutes } from '../http/route-input.js';
import { registerConsoleAccountRoutes } from './account.routes.js';
import { registerConsoleApiAccessRoutes } from './api-access.routes.js';
import { registerConsoleAppsRoutes } from './connected-apps.routes.js';
import { registerConsoleCustomerRoutes } from './customers.routes.js';
import { registerConsoleOrderRoutes } from './orders.routes.js';
import { CONSOLE_IMPORT_MAX_BYTES, registerConsoleImportRoutes } from './review-import.routes.js';
import { registerConsoleReviewRoutes } from './reviews.routes.js';
import { registerConsoleModerationRoutes } from './moderation.routes.js';
import { registerConsoleQuestionRoutes } from './questions.routes.js';
import { registerConsoleDashboardRoutes } from './dashboard.routes.js';
import { registerConsoleProductRoutes } from './products.routes.js';
import { registerConsoleSettingsRoutes } from './settings.routes.js';
import { registerSignInRoutes } from './sign-in.routes.js';
import { registerAccountRecoveryRoutes } from './account-recovery.routes.js';
import { registerConsoleTeamRoutes, registerInvitationRoutes } from './team.routes.js';
import { mailTransportFor } from '../mail/mail-transport.js';
import { registerConsoleWebhookRoutes } from './webhooks.routes.js';
import { guardConsoleRoutes } from './console-context.js';

/**
 * The merchant console (issue 8): server-rendered pages under /console that work without
 * JavaScript, on the session of the sign-in page. Kept out of the OpenAPI document.
 */
export async function consolePlugin(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  // Cookies (the merchant's session) exist only here and on the consent page: registered in these two
  // contexts, their hooks stay off the storefront and the Open API, which serve far more requests.
  await app.register(cookie);
  await app.register(formBody, { bodyLimit: 64 * 1024 });
  // Only the import form is multipart: one file, streamed to disk, and a few small fields first.
  await app.register(multipart, { limits: { fileSize: parserFileSizeFor(CONSOLE_IMPORT_MAX_BYTES), files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 }, throwFileSizeLimit: true });
  keepOutOfApiReference(app, { servesPages: true });
  // Account e-mails (reset links, invitations) go through the mail port, as review requests do.
  const mail = mailTransportFor(deps.config);
  app.addHook('onClose', async () => mail.close());
  // Signing in and out, recovering a password and accepting an invitation are the console routes open without a session.
  registerSignInRoutes(typedRoutes(app), deps);
  registerAccountRecoveryRoutes(typedRoutes(app), deps, mail);
  registerInvitationRoutes(typedRoutes(app), deps);
  await app.register(async (plugin) => {
    guardConsoleRoutes(plugin, deps);
    const guarded = typedRoutes(plugin);
    registerConsoleDashboardRoutes(guarded, deps);
    registerConsoleReviewRoutes(guarded, deps);
    registerConsoleModerationRoutes(guarded, deps);
    registerConsoleQuestionRoutes(guarded, deps);
    registerConsoleProductRoutes(guarded, deps);
    registerConsoleImportRoutes(guarded, deps);
    registerConsoleOrderRoutes(guarded, deps);
    registerConsoleCustomerRoutes(guarded, deps);
    registerConsoleSettingsRoutes(guarded, deps);
    registerConsoleApiAccessRoutes(guarded, deps);
    registerConsoleAppsRoutes(guarded, deps);
    registerConsoleWebhookRoutes(guarded, deps);
    registerConsoleAccountRoutes(guarded, deps);
    registerConsoleTeamRoutes(guarded, deps, mail);
  });
}
